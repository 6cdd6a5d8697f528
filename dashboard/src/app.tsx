/**
 * The dashboard's frame: the key form until a key is entered, then the workspace chooser or a
 * workspace's pages, with the header, the navigation and the current page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiListAll } from './api/client.js';
import type { Workspace } from './api/types.js';
import { KeyForm } from './components/key-form.js';
import { Show } from './components/status.js';
import { WorkspaceContext, loadWorkspace } from './components/workspace.js';
import { CitationsPage } from './pages/citations.js';
import { ExperimentsPage } from './pages/experiments.js';
import { OverviewPage } from './pages/overview.js';
import { PromptsPage } from './pages/prompts.js';
import { RunsPage } from './pages/runs.js';
import { forgetKey, loadKey, saveKey } from './lib/session-key.js';
import { PAGES, hrefOf, useRoute, type PageName, type Route } from './lib/router.js';
import { ApiContext, useLoad, type ApiSession } from './lib/use-api.js';

const PAGE_TITLES: Record<PageName, string> = {
  overview: 'Overview',
  experiments: 'Configuration experiments',
  citations: 'Citations',
  prompts: 'Prompts',
  runs: 'Runs',
};
const NAV_LABELS: Record<PageName, string> = {
  overview: 'Overview',
  experiments: 'Experiments',
  citations: 'Citations',
  prompts: 'Prompts',
  runs: 'Runs',
};

export function App() {
  const [key, setKey] = useState(loadKey);
  const [notice, setNotice] = useState<string | null>(null);
  const session = useMemo<ApiSession | null>(
    () =>
      key
        ? {
            key,
            onUnauthorized: (error) => {
              forgetKey();
              setNotice(`The API no longer accepts this key: ${error.message}`);
              setKey(null);
            },
          }
        : null,
    [key],
  );
  if (!session) {
    return (
      <KeyForm
        notice={notice}
        onKey={(k) => {
          saveKey(k);
          setNotice(null);
          setKey(k);
        }}
      />
    );
  }
  const signOut = () => {
    forgetKey();
    setNotice('The key was forgotten. Enter one to continue.');
    setKey(null);
  };
  return (
    <ApiContext.Provider value={session}>
      <Dashboard onForgetKey={signOut} />
    </ApiContext.Provider>
  );
}

function Dashboard({ onForgetKey }: { onForgetKey(): void }) {
  const route = useRoute();
  const workspaces = useLoad((key, signal) => apiListAll<Workspace>(key, '/v1/workspaces', {}, signal), []);
  const only = workspaces.state === 'ok' && workspaces.data.length === 1 ? workspaces.data[0] : undefined;
  useEffect(() => {
    // One workspace: open it rather than asking.
    if (!route.workspaceId && only) location.replace(hrefOf(only.id, 'overview'));
  }, [route.workspaceId, only]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand-name" href="#/">
          Citewatch
        </a>
        {workspaces.state === 'ok' && workspaces.data.length > 0 && (
          <label class="workspace-picker">
            Workspace
            <select
              value={route.workspaceId ?? ''}
              onChange={(e) =>
                (location.hash = e.currentTarget.value ? hrefOf(e.currentTarget.value, route.page) : '#/')
              }
            >
              {!route.workspaceId && <option value="">Choose…</option>}
              {workspaces.data.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="secondary" onClick={onForgetKey}>
          Forget key
        </button>
      </header>
      {route.workspaceId ? (
        <WorkspacePages route={route} workspaceId={route.workspaceId} />
      ) : (
        <main id="main" tabIndex={-1}>
          <h1>Workspaces</h1>
          <Show value={workspaces} what="workspaces">
            {(list) =>
              list.length === 0 ? (
                <p class="empty">
                  This key's organization has no workspace yet. Create one with POST /v1/workspaces (see /docs), or run
                  `npm run demo`.
                </p>
              ) : (
                <ul class="workspace-list">
                  {list.map((w) => (
                    <li key={w.id}>
                      <a href={hrefOf(w.id, 'overview')}>{w.name}</a> <span class="muted">({w.timezone})</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Show>
        </main>
      )}
    </>
  );
}

function skipToMain(event: Event) {
  // The URL hash holds the route, so the skip link moves focus instead of navigating.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function WorkspacePages({ route, workspaceId }: { route: Route; workspaceId: string }) {
  const data = useLoad((key, signal) => loadWorkspace(key, workspaceId, signal), [workspaceId]);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = data.state === 'ok' ? data.data.workspace.name : '';
  useEffect(() => {
    document.title = `${PAGE_TITLES[route.page]}${name ? ` — ${name}` : ''} — Citewatch`;
  }, [route.page, name]);
  useEffect(() => {
    // A new page was opened: move focus to its heading so screen readers announce it.
    heading.current?.focus({ preventScroll: true });
  }, [route.page, workspaceId]);

  return (
    <>
      <nav class="pages" aria-label="Pages">
        <ul>
          {PAGES.map((page) => (
            <li key={page}>
              <a
                href={hrefOf(workspaceId, page, keptParams(route.params))}
                aria-current={page === route.page ? 'page' : undefined}
              >
                {NAV_LABELS[page]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          {PAGE_TITLES[route.page]}
          {name && <span class="workspace-name"> · {name}</span>}
        </h1>
        <Show value={data} what="the workspace">
          {(ws) => (
            <WorkspaceContext.Provider value={ws}>
              {route.page === 'overview' && <OverviewPage route={route} />}
              {route.page === 'experiments' && <ExperimentsPage route={route} />}
              {route.page === 'citations' && <CitationsPage route={route} />}
              {route.page === 'prompts' && <PromptsPage route={route} />}
              {route.page === 'runs' && <RunsPage />}
            </WorkspaceContext.Provider>
          )}
        </Show>
      </main>
    </>
  );
}

/** Filters follow the user from page to page; page-specific state does not. */
function keptParams(params: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const name of ['provider', 'days', 'run']) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}
