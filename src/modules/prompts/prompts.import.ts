/**
 * Bulk import of prompts from JSON ({"prompts": [...]}) or CSV (header row with a `text`
 * column, optional `locale` and `tags` columns; tags separated by `;` or `|`). Every row is
 * validated first and either all rows are created, in one transaction, or none: the 400 lists
 * each bad row and field.
 */
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { AppError, type FieldError } from '../../lib/errors.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { promptImportExample } from './prompts.examples.js';
import { insertPrompts } from './prompts.repo.js';
import { promptCreate, promptDto, type PromptCreate } from './prompts.schemas.js';
import { toPromptDto } from './prompts.service.js';

export const MAX_IMPORT_ROWS = 5_000;

export const promptImportJson = z
  .object({ prompts: z.array(z.unknown()).min(1, 'must list at least one prompt').max(MAX_IMPORT_ROWS) })
  .strict();

export const promptImportBody = z
  .union([
    promptImportJson,
    z
      .string()
      .describe('CSV text (Content-Type: text/csv)')
      .meta({
        examples: ['text,locale,tags\n"Best CRM for a startup?",en-US,crm\n"Quel CRM pour une PME ?",fr-FR,crm;pme\n'],
      }),
  ])
  .meta({
    examples: [
      {
        prompts: [
          { text: 'Best CRM for a startup?', locale: 'en-US', tags: ['crm'] },
          { text: 'Quel CRM pour une PME ?', locale: 'fr-FR', tags: ['crm', 'pme'] },
        ],
      },
    ],
  });

export const promptImportResult = z
  .object({ imported: z.number().int(), prompts: z.array(promptDto) })
  .meta({ examples: [promptImportExample] });

const TAG_SEPARATORS = /[;|]/;
const TAGS_RULE = 'are separated by ";" or "|", not ","';
/** What to write instead of tags joined by commas. */
const tagsInstead = (cells: string[]) =>
  `write ${cells
    .flatMap((c) => c.split(/[,;|]/))
    .map((t) => t.trim())
    .filter(Boolean)
    .join(';')}`;

/**
 * A row with more cells than the header has columns: most often tags written "crm,smb" in a last
 * `tags` column, else a text with a comma that is not in double quotes. The error says both.
 */
function tooManyCells(err: CsvError): AppError {
  const columns = (err.columns as Array<{ name: string }>).map((c) => c.name);
  const cells = err.record as string[];
  const tagsLast = columns[columns.length - 1] === 'tags';
  const instead = tagsInstead(tagsLast ? cells.slice(columns.length - 1) : ['crm', 'smb']);
  return new AppError(
    'validation_failed',
    `Line ${err.lines} of the CSV has ${cells.length} cells for ${columns.length} columns (${columns.join(', ')}). ` +
      `Tags ${TAGS_RULE}: ${instead}. A text that contains a comma goes in double quotes.`,
    {
      errors: [
        tagsLast
          ? { path: `prompts.${err.records}.tags`, message: `tags ${TAGS_RULE}: ${instead}` }
          : { path: `prompts.${err.records}`, message: `${cells.length} cells for ${columns.length} columns` },
      ],
    },
  );
}

/** Rows from a CSV body; a structural problem (unbalanced quotes, no text column) is a 400. */
export function rowsFromCsv(body: string): unknown[] {
  let records: Array<Record<string, string>>;
  try {
    records = parseCsv(body, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (err) {
    const more =
      err instanceof CsvError &&
      Array.isArray(err.record) &&
      Array.isArray(err.columns) &&
      err.record.length > err.columns.length;
    if (more && err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') throw tooManyCells(err);
    throw new AppError('bad_request', `The CSV could not be read: ${(err as Error).message}`);
  }
  if (records.length === 0)
    throw new AppError('validation_failed', 'The CSV has no prompt rows.', {
      errors: [{ path: 'body', message: 'needs a header row and at least one row' }],
    });
  if (!('text' in (records[0] as object))) {
    throw new AppError('validation_failed', 'The CSV needs a "text" column (and optionally "locale" and "tags").', {
      errors: [{ path: 'body.text', message: 'column missing' }],
    });
  }
  if (records.length > MAX_IMPORT_ROWS)
    throw new AppError('validation_failed', `At most ${MAX_IMPORT_ROWS} prompts per import.`);
  const known = new Set(['text', 'locale', 'tags']);
  const extra = Object.keys(records[0] as object).filter((k) => !known.has(k));
  if (extra.length)
    throw new AppError(
      'validation_failed',
      `Unknown CSV column(s): ${extra.join(', ')} (expected text, locale, tags).`,
      { errors: extra.map((k) => ({ path: `body.${k}`, message: 'unknown column' })) },
    );
  // A quoted cell may hold a comma ("crm,smb"): say which separator tags take, for every such row.
  const commas: FieldError[] = [];
  records.forEach((r, i) => {
    if (r.tags?.includes(','))
      commas.push({ path: `prompts.${i}.tags`, message: `tags ${TAGS_RULE}: ${tagsInstead([r.tags])}` });
  });
  if (commas.length)
    throw new AppError(
      'validation_failed',
      `${commas.length} of ${records.length} prompts separate tags with ","; nothing was imported.`,
      { errors: commas.slice(0, 200) },
    );
  return records.map((r) => ({
    text: r.text,
    ...(r.locale ? { locale: r.locale } : {}),
    ...(r.tags
      ? {
          tags: r.tags
            .split(TAG_SEPARATORS)
            .map((t) => t.trim())
            .filter(Boolean),
        }
      : {}),
  }));
}

export async function importPrompts(
  db: Pick<Database, 'prisma' | 'pool'>,
  orgId: string,
  workspaceId: string,
  rows: unknown[],
) {
  await requireWorkspace(db, orgId, workspaceId);
  const valid: PromptCreate[] = [];
  const errors: FieldError[] = [];
  rows.forEach((row, i) => {
    const result = promptCreate.safeParse(row);
    if (result.success) valid.push(result.data);
    else
      for (const issue of result.error.issues)
        errors.push({
          path: `prompts.${i}${issue.path.length ? `.${issue.path.join('.')}` : ''}`,
          message: issue.message,
        });
  });
  if (errors.length) {
    throw new AppError(
      'validation_failed',
      `${new Set(errors.map((e) => e.path.split('.')[1])).size} of ${rows.length} prompts are invalid; nothing was imported.`,
      {
        errors: errors.slice(0, 200),
      },
    );
  }
  const created = await insertPrompts(db.prisma, workspaceId, valid);
  return { imported: created.length, prompts: created.map(toPromptDto) };
}
