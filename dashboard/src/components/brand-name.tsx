/** A table row's header naming a brand, tagged "own" for the workspace's own brand. */
export function BrandRowHeader({ name, kind }: { name: string; kind: 'own' | 'competitor' }) {
  return (
    <th scope="row">
      {name}
      {kind === 'own' && <span class="tag">own</span>}
    </th>
  );
}
