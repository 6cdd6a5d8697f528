/**
 * One action on many prompts at once (the prompt list's selection): tag, untag, archive,
 * unarchive or delete up to 1 000 prompts in one transaction. Each prompt gets its own result:
 * one that is not in the workspace, would carry too many tags, or has answers (delete) is refused
 * with a code and why, and the others proceed.
 */
import { z } from 'zod';
import { tagList, uuid } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { promptBulkExample } from './prompts.examples.js';
import { applyBulkPromptAction, type BulkPromptPlan, type BulkPromptRow } from './prompts.repo.js';
import type { PromptsDeps } from './prompts.service.js';

export const MAX_BULK_PROMPTS = 1_000;
/** As many tags as a prompt may carry (tagList). */
const MAX_TAGS = 20;

const ACTIONS = ['tag', 'untag', 'archive', 'unarchive', 'delete'] as const;

export const promptBulkBody = z
  .object({
    promptIds: z
      .array(uuid)
      .min(1, 'must list at least one prompt')
      .max(MAX_BULK_PROMPTS, `must list at most ${MAX_BULK_PROMPTS} prompts`)
      .describe('The prompts to act on (repeated ids count once)'),
    action: z
      .enum(ACTIONS)
      .describe('tag/untag: add or remove `tags`; archive/unarchive; delete (refused for a prompt with answers)'),
    tags: tagList.optional().describe('The tags to add or remove; only with tag and untag'),
  })
  .strict()
  .superRefine((b, ctx) => {
    const wantsTags = b.action === 'tag' || b.action === 'untag';
    if (wantsTags && !b.tags?.length)
      ctx.addIssue({ code: 'custom', path: ['tags'], message: `must list at least one tag to ${b.action}` });
    if (!wantsTags && b.tags !== undefined)
      ctx.addIssue({ code: 'custom', path: ['tags'], message: `only goes with tag and untag, not ${b.action}` });
  })
  .meta({ examples: [{ promptIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a04'], action: 'tag', tags: ['q1-review'] }] });
export type PromptBulkBody = z.infer<typeof promptBulkBody>;

export const promptBulkResult = z
  .object({
    results: z
      .array(
        z.object({
          promptId: uuid,
          ok: z.boolean().describe('Whether the action holds for this prompt now'),
          changed: z
            .boolean()
            .describe('Whether this request changed it (tagging a prompt that has the tag changes nothing)'),
          error: z
            .object({
              code: z.enum(['not_found', 'conflict', 'validation_failed']),
              detail: z.string(),
            })
            .optional()
            .describe('Why this prompt was refused'),
        }),
      )
      .describe('One per prompt, in the order given'),
    changed: z.number().int().describe('Prompts this request changed'),
  })
  .meta({ examples: [promptBulkExample] });
export type PromptBulkResult = z.infer<typeof promptBulkResult>;

type ItemError = NonNullable<PromptBulkResult['results'][number]['error']>;

export async function bulkPrompts(
  deps: PromptsDeps,
  orgId: string,
  workspaceId: string,
  body: PromptBulkBody,
): Promise<PromptBulkResult> {
  await requireWorkspace(deps, orgId, workspaceId);
  const ids = [...new Set(body.promptIds.map((id) => id.toLowerCase()))];
  const refused = new Map<string, ItemError>();
  const unchanged = new Set<string>();
  const tags = body.tags ?? [];

  const decide = (rows: BulkPromptRow[]): BulkPromptPlan => {
    const plan: BulkPromptPlan = { updates: [], deletes: [] };
    for (const row of rows) {
      switch (body.action) {
        case 'tag': {
          const next = [...row.tags, ...tags.filter((t) => !row.tags.includes(t))];
          if (next.length > MAX_TAGS) {
            refused.set(row.id, {
              code: 'validation_failed',
              detail: `would carry ${next.length} tags; a prompt carries at most ${MAX_TAGS}`,
            });
          } else if (next.length === row.tags.length) unchanged.add(row.id);
          else plan.updates.push({ id: row.id, tags: next, archived: null });
          break;
        }
        case 'untag': {
          const next = row.tags.filter((t) => !tags.includes(t));
          if (next.length === row.tags.length) unchanged.add(row.id);
          else plan.updates.push({ id: row.id, tags: next, archived: null });
          break;
        }
        case 'archive':
        case 'unarchive': {
          const archived = body.action === 'archive';
          if (row.archived === archived) unchanged.add(row.id);
          else plan.updates.push({ id: row.id, tags: null, archived });
          break;
        }
        case 'delete':
          if (row.hasAnswers) refused.set(row.id, hasAnswers);
          else plan.deletes.push(row.id);
          break;
      }
    }
    return plan;
  };

  const { rowsSeen, updates, deleted } = await applyBulkPromptAction(deps.pool, workspaceId, ids, (rows) => ({
    ...decide(rows),
    rowsSeen: new Set(rows.map((r) => r.id)),
  }));
  const updated = new Set(updates.map((u) => u.id));
  const results = ids.map((promptId): PromptBulkResult['results'][number] => {
    if (!rowsSeen.has(promptId))
      return {
        promptId,
        ok: false,
        changed: false,
        error: { code: 'not_found', detail: 'no such prompt in this workspace' },
      };
    const error = refused.get(promptId);
    if (error) return { promptId, ok: false, changed: false, error };
    if (body.action === 'delete' && !deleted.has(promptId))
      return { promptId, ok: false, changed: false, error: hasAnswers };
    const changed = updated.has(promptId) || deleted.has(promptId);
    return { promptId, ok: true, changed };
  });
  return { results, changed: results.filter((r) => r.changed).length };
}

const hasAnswers: ItemError = {
  code: 'conflict',
  detail: 'this prompt has answers and cannot be deleted; archive it instead',
};
