/**
 * #/workspaces: the organization's workspaces. Everyone sees those they may open (a client only
 * the ones shared with them: the API's list already says so); editors and above create one (name
 * and time zone), rename it, change its time zone, and delete it after a confirmation saying
 * everything it holds goes with it.
 */
import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.js';
import type { Workspace } from '../../api/types.js';
import { useConfirm } from '../../components/confirm.js';
import { DownloadCsv } from '../../components/csv-download.js';
import { Form, SelectField, TextField, useForm } from '../../components/form.js';
import { Pager, usePagedList } from '../../components/paged-list.js';
import { Empty, Show, TableScroll } from '../../components/status.js';
import { useAbilities } from '../../lib/abilities.js';
import { formatDateTime } from '../../lib/format.js';
import { hrefOf } from '../../lib/router.js';
import { toApiError, useSend } from '../../lib/use-api.js';
import { RoleNote, Section, timeZoneOptions, Outcome } from './common.js';

/** Tells the header's workspace picker to read the list again. */
export function announceWorkspacesChanged(): void {
  dispatchEvent(new Event('citewatch:workspaces-changed'));
}

export function WorkspacesPage() {
  const abilities = useAbilities();
  const send = useSend();
  const confirm = useConfirm();
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<Workspace | null>(null);
  const [outcome, setOutcome] = useState<{ done: string | null; error: ApiError | null }>({ done: null, error: null });
  const list = usePagedList<Workspace>('/v1/workspaces', {}, refresh);
  const table = useRef<HTMLTableElement>(null);
  const changed = () => {
    setRefresh((n) => n + 1);
    announceWorkspacesChanged();
  };

  async function remove(w: Workspace) {
    const yes = await confirm.ask({
      title: `Delete the workspace ${w.name}?`,
      lost: (
        <>
          <p>
            Everything in it is deleted for good: its brands, prompts, model configurations, audits and schedules, every
            run and every answer collected, and the reports built on them.
          </p>
          <p>Other workspaces are not touched. This cannot be undone.</p>
        </>
      ),
      confirmLabel: `Delete ${w.name}`,
    });
    if (!yes) return;
    try {
      await send('DELETE', `/v1/workspaces/${encodeURIComponent(w.id)}`);
      setOutcome({ done: `Deleted the workspace ${w.name}.`, error: null });
      if (editing?.id === w.id) setEditing(null);
      changed();
    } catch (err) {
      setOutcome({ done: null, error: toApiError(err) });
    }
  }

  return (
    <>
      <p class="explain">
        A workspace holds one client's or one market's brands, prompts, configurations, audits and results.
      </p>
      <RoleNote abilities={abilities} what="the workspaces" />
      <Outcome done={outcome.done} error={outcome.error} what="the workspace" verb="delete" />
      <Show value={list.page} what="the workspaces">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No workspace yet.</Empty>
          ) : (
            <>
              <div class="table-tools">
                <span />
                <DownloadCsv name="Workspaces" tableRef={table} />
              </div>
              <TableScroll label="Workspaces">
                <table class="data" ref={table}>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Time zone</th>
                      <th scope="col">Created</th>
                      {abilities.canEdit && (
                        <th scope="col" data-csv-skip>
                          <span class="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((w) => (
                      <tr key={w.id} data-testid={`workspace-${w.id}`}>
                        <th scope="row">
                          <a href={hrefOf(w.id, 'overview')}>{w.name}</a>
                        </th>
                        <td>{w.timezone}</td>
                        <td data-csv={w.createdAt}>{formatDateTime(w.createdAt)}</td>
                        {abilities.canEdit && (
                          <td>
                            <div class="buttons">
                              <button
                                type="button"
                                class="secondary"
                                aria-expanded={editing?.id === w.id}
                                onClick={() => setEditing(editing?.id === w.id ? null : w)}
                              >
                                Rename<span class="visually-hidden"> {w.name}</span>
                              </button>
                              {abilities.canManageWorkspaces && (
                                <button type="button" class="secondary danger" onClick={() => remove(w)}>
                                  Delete<span class="visually-hidden"> {w.name}</span>
                                </button>
                              )}
                            </div>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager list={list} label="Workspaces" />
            </>
          )
        }
      </Show>
      {abilities.canEdit && editing && (
        <Section id="workspace-edit-heading" title={`Rename ${editing.name}`}>
          <WorkspaceForm
            key={editing.id}
            workspace={editing}
            onSaved={(saved) => {
              setEditing(saved);
              setOutcome({ done: null, error: null });
              changed();
            }}
          />
        </Section>
      )}
      {abilities.canManageWorkspaces && (
        <Section id="workspace-new-heading" title="New workspace">
          <WorkspaceForm
            workspace={null}
            onSaved={() => {
              setOutcome({ done: null, error: null });
              changed();
            }}
          />
        </Section>
      )}
      {confirm.dialog}
    </>
  );
}

function WorkspaceForm({ workspace, onSaved }: { workspace: Workspace | null; onSaved(saved: Workspace): void }) {
  const send = useSend();
  const blank = { name: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
  const form = useForm(workspace ? { name: workspace.name, timezone: workspace.timezone } : blank);
  const [created, setCreated] = useState<Workspace | null>(null);
  return (
    <>
      <Form
        form={form}
        what={workspace ? 'the workspace' : 'the new workspace'}
        submitLabel={workspace ? 'Save workspace' : 'Create workspace'}
        onSubmit={async (values) => {
          const saved = workspace
            ? await send<Workspace>('PATCH', `/v1/workspaces/${encodeURIComponent(workspace.id)}`, values)
            : await send<Workspace>('POST', '/v1/workspaces', values);
          onSaved(saved);
          if (!workspace) {
            setCreated(saved);
            // A new form for the next one; what was created is said below, as the API answered it.
            return { values: blank, done: `Created the workspace ${saved.name} (${saved.timezone}).` };
          }
          return {
            values: { name: saved.name, timezone: saved.timezone },
            done: `Saved: ${saved.name}, time zone ${saved.timezone}.`,
          };
        }}
      >
        <TextField form={form} name="name" label="Name" description="A client, a brand or a market, e.g. Acme — EU." />
        <SelectField
          form={form}
          name="timezone"
          label="Time zone"
          description="Days and weeks in reports, and schedules, are read in this time zone."
          options={timeZoneOptions(String(form.values.timezone))}
        />
      </Form>
      {created && !workspace && (
        <p>
          <a href={hrefOf(created.id, 'brands')}>Open {created.name} and add its brands</a>
        </p>
      )}
    </>
  );
}
