/**
 * Where a refused form's problems go. The API answers a validation error as problem+json whose
 * `errors` name each field by its dotted path in the request: "body.name", "body.domains.1"
 * (the second domain), "params.temperature" (a parameter the provider refused). A form names its
 * fields by the same paths without the "body." prefix, so each message lands next to the field it
 * concerns: the field whose name is the path, or the longest field name the path starts with
 * ("domains.1" → "domains"). What matches no field is shown at the top of the form, with the
 * field's path in words so it can still be acted on.
 */
import type { FieldProblem } from '../api/client.js';

export interface PlacedErrors {
  /** Messages per field name, in the API's order. */
  byField: Record<string, string[]>;
  /** Messages no field of the form shows. */
  unplaced: string[];
}

/** The request part the API names first; a form's field names start after it. */
const REQUEST_PARTS = ['body', 'querystring', 'query'];

export function fieldPath(path: string): string {
  const parts = path.split('.');
  return parts.length > 1 && REQUEST_PARTS.includes(parts[0] as string) ? parts.slice(1).join('.') : path;
}

/** The field that shows the problem at `path`, or null. */
export function fieldFor(path: string, fields: readonly string[]): string | null {
  const target = fieldPath(path);
  if (fields.includes(target)) return target;
  let best: string | null = null;
  for (const name of fields) {
    if (target.startsWith(`${name}.`) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

export function placeErrors(problems: readonly FieldProblem[], fields: readonly string[]): PlacedErrors {
  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const problem of problems) {
    const field = fieldFor(problem.path, fields);
    if (field) {
      const list = byField[field] ?? [];
      // "body.domains.1: … is not a domain name" stays clear next to "Domains": the item is named.
      const rest = fieldPath(problem.path).slice(field.length + 1);
      list.push(rest ? `${itemName(rest)}: ${problem.message}` : problem.message);
      byField[field] = list;
    } else {
      unplaced.push(`${fieldPath(problem.path)}: ${problem.message}`);
    }
  }
  return { byField, unplaced };
}

/** "1" → "Item 2", "0.name" → "Item 1, name": list positions counted from one, as people do. */
function itemName(rest: string): string {
  return rest
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `Item ${Number(part) + 1}` : part))
    .join(', ');
}
