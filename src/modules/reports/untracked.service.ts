/**
 * The untracked report: names and domains that assistants bring up often and no tracked brand
 * covers, so a marketer can add them as competitors in one step (POST /brands). Names are the
 * candidates src/analysis/candidates.ts finds in how answers are laid out (list leads, headings,
 * bold, table cells), less any a tracked brand's name or alias matches under the mention rules;
 * domains are cited domains whose citations no brand owned, less any a brand owns now.
 */
import type { Readable } from 'node:stream';
import { compileBrands, findMentions, UNRESOLVED_GROUNDING_DOMAIN } from '../../analysis/index.js';
import { candidateKey, candidateNames } from '../../analysis/candidates.js';
import { ownerOf } from '../../analysis/citations.js';
import { workspaceBrands } from '../previews/previews.repo.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { streamRows } from './csv.js';
import type { ReportsDeps } from './reports.service.js';
import type { UntrackedQuery, UntrackedReport } from './untracked.schemas.js';
import { answerTexts, unownedDomains } from './untracked.sql.js';

export async function untracked(
  deps: ReportsDeps,
  orgId: string,
  workspaceId: string,
  q: UntrackedQuery,
): Promise<UntrackedReport> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const { pool } = deps.db;
  const [answers, brands] = await Promise.all([
    answerTexts(pool, workspaceId, q.from ?? null, q.to ?? null, q.sample),
    workspaceBrands(pool, workspaceId),
  ]);
  const compiled = compileBrands(brands);

  // Per name (folded): answers presenting it, and how each spelling is written.
  const counts = new Map<string, { answers: number; spellings: Map<string, number> }>();
  const covered = new Map<string, boolean>();
  for (const answer of answers) {
    for (const name of candidateNames(answer.text)) {
      const key = candidateKey(name);
      let isCovered = covered.get(key);
      if (isCovered === undefined) {
        isCovered = findMentions(compiled, name).length > 0;
        covered.set(key, isCovered);
      }
      if (isCovered) continue;
      const entry = counts.get(key) ?? { answers: 0, spellings: new Map<string, number>() };
      entry.answers++;
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  const n = answers.length;
  const names = [...counts.values()]
    .filter((c) => c.answers >= q.minAnswers)
    .map((c) => {
      const [name] = [...c.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [
        string,
        number,
      ];
      return { name, answers: c.answers, share: Math.round((c.answers / n) * 10_000) / 10_000 };
    })
    .sort((a, b) => b.answers - a.answers || a.name.localeCompare(b.name))
    .slice(0, q.limit);

  const domains = (
    await unownedDomains(
      pool,
      workspaceId,
      answers.map((a) => a.id),
    )
  )
    .filter((d) => d.domain !== UNRESOLVED_GROUNDING_DOMAIN && ownerOf(compiled, d.domain) === null)
    .filter((d) => d.answers >= q.minAnswers)
    .slice(0, q.limit);

  return { n, names, domains };
}

/** CSV: one row per name, then one per domain. */
export function untrackedCsv(report: UntrackedReport): Readable {
  const rows = [
    ...report.names.map((r) => ({ kind: 'name', value: r.name, answers: r.answers, share: r.share, citations: null })),
    ...report.domains.map((d) => ({
      kind: 'domain',
      value: d.domain,
      answers: d.answers,
      share: null,
      citations: d.citations,
    })),
  ].map((r) => ({ n: report.n, ...r }));
  return streamRows(rows, 'csv', ['n', 'kind', 'value', 'answers', 'share', 'citations']);
}
