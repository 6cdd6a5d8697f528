/**
 * The dashboard's frame. Its first screen is signing in (people) or, for integrators, the API-key
 * form; the pages an email links to (an invitation, a password reset) open whoever is signed in.
 * Then the workspace chooser or a workspace's pages, the organization's pages (members, audit
 * log) and the person's account, with the header, the navigation and the current page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiListAll, apiPublic } from './api/client.js';
import type { Me, Workspace } from './api/types.js';
import { KeyForm } from './components/key-form.js';
import { SignInPage } from './components/sign-in.js';
import { Loading, Show } from './components/status.js';
import { WorkspaceContext, loadWorkspace } from './components/workspace.js';
import { lazyPage } from './components/lazy.js';
import { FILTER_PARAMS } from './components/filter-bar.js';
import { CitationsPage } from './pages/citations.js';
import { ExperimentsPage } from './pages/experiments.js';
import { OverviewPage } from './pages/overview.js';
import { PromptsPage } from './pages/prompts.js';
import { RunsPage } from './pages/runs.js';
import { MANAGE_LABELS, MANAGE_TITLES, ManagePageView, WorkspacesPage, isManagePage } from './pages/manage/routes.js';
import { useAbilities } from './lib/abilities.js';
import { loadMe, managesMembers } from './lib/person.js';
import { forgetKey, loadKey, loadOrganizationChoice, saveKey, saveOrganizationChoice } from './lib/session-key.js';
import {
  ORGANIZATION_PAGES,
  PAGES,
  hrefOf,
  leaveChooser,
  useRoute,
  type OrganizationPage,
  type PageName,
  type Route,
} from './lib/router.js';
import { ApiContext, toApiError, useApiSession, useLoad, type ApiSession } from './lib/use-api.js';

const PAGE_TITLES: Record<PageName, string> = {
  overview: 'Overview',
  gap: 'Competitor gap',
  spend: 'Spend',
  untracked: 'Not tracked yet',
  experiments: 'Configuration experiments',
  'app-gap': 'App versus API',
  events: 'Events and their impact',
  citations: 'Citations',
  prompts: 'Prompts',
  runs: 'Runs',
  reanalyses: 'Re-analyses',
  webhooks: 'Webhooks',
  'pdf-reports': 'PDF reports',
  ...MANAGE_TITLES,
  'share-links': 'Share links',
};
const NAV_LABELS: Record<PageName, string> = {
  overview: 'Overview',
  gap: 'Competitor gap',
  spend: 'Spend',
  untracked: 'Not tracked yet',
  experiments: 'Experiments',
  'app-gap': 'App vs API',
  events: 'Events',
  citations: 'Citations',
  prompts: 'Prompts',
  runs: 'Runs',
  reanalyses: 'Re-analyses',
  webhooks: 'Webhooks',
  'pdf-reports': 'PDFs',
  ...MANAGE_LABELS,
  'share-links': 'Share links',
};
const ORGANIZATION_TITLES: Record<OrganizationPage, string> = {
  account: 'Your account',
  members: 'Members',
  'audit-log': 'Audit log',
  'api-keys': 'API keys',
  credentials: 'Provider keys',
  organization: 'Organization settings',
  workspaces: 'Workspaces',
  'new-workspace': 'New workspace',
  branding: 'Branding',
};

export const SESSION_ENDED = 'Your session has ended; sign in again.';

const AccountPage = lazyPage(() => import('./pages/account.js').then((m) => m.AccountPage));
const BrandingPage = lazyPage(() => import('./pages/branding.js').then((m) => m.BrandingPage));
const ShareLinksPage = lazyPage(() => import('./pages/share-links.js').then((m) => m.ShareLinksPage));
const AuditLogPage = lazyPage(() => import('./pages/audit-log.js').then((m) => m.AuditLogPage));
const InvitationPage = lazyPage(() => import('./pages/invitation.js').then((m) => m.InvitationPage));
const MembersPage = lazyPage(() => import('./pages/members.js').then((m) => m.MembersPage));
const OnboardingPage = lazyPage(() => import('./pages/onboarding.js').then((m) => m.OnboardingPage));
const UnsubscribePage = lazyPage(() => import('./pages/unsubscribe.js').then((m) => m.UnsubscribePage));
const PdfReportsPage = lazyPage(() => import('./pages/pdf-reports.js').then((m) => m.PdfReportsPage));
const ResetPasswordPage = lazyPage(() => import('./pages/reset-password.js').then((m) => m.ResetPasswordPage));
const AppGapPage = lazyPage(() => import('./pages/app-gap.js').then((m) => m.AppGapPage));
const GapPage = lazyPage(() => import('./pages/gap.js').then((m) => m.GapPage));
const EventsPage = lazyPage(() => import('./pages/events.js').then((m) => m.EventsPage));
const SpendPage = lazyPage(() => import('./pages/spend.js').then((m) => m.SpendPage));
const UntrackedPage = lazyPage(() => import('./pages/untracked.js').then((m) => m.UntrackedPage));
const WebhooksPage = lazyPage(() => import('./pages/webhooks.js').then((m) => m.WebhooksPage));
const ReanalysesPage = lazyPage(() => import('./pages/reanalyses.js').then((m) => m.ReanalysesPage));
const ApiKeysPage = lazyPage(() => import('./pages/api-keys.js').then((m) => m.ApiKeysPage));
const OrganizationSettingsPage = lazyPage(() =>
  import('./pages/organization.js').then((m) => m.OrganizationSettingsPage),
);
const CredentialsPage = lazyPage(() => import('./pages/credentials.js').then((m) => m.CredentialsPage));

/** Who is using the dashboard: not known yet, nobody, an integrator's key, or a signed-in person. */
type Door =
  | { state: 'starting' }
  | { state: 'signed-out'; view: 'sign-in' | 'key'; notice: string | null }
  | { state: 'key'; key: string }
  | { state: 'person'; me: Me };

export function App() {
  const route = useRoute();
  const [door, setDoor] = useState<Door>(() => {
    const key = loadKey();
    return key ? { state: 'key', key } : { state: 'starting' };
  });
  const [organizationChoice, setOrganizationChoice] = useState(loadOrganizationChoice);

  useEffect(() => {
    if (door.state !== 'starting') return;
    // The session cookie is HttpOnly: whether someone is signed in is asked of the API.
    loadMe().then(
      (me) => setDoor(me ? { state: 'person', me } : { state: 'signed-out', view: 'sign-in', notice: null }),
      (err: unknown) => setDoor({ state: 'signed-out', view: 'sign-in', notice: toApiError(err).message }),
    );
  }, [door.state]);

  const signedOut = (notice: string | null) => setDoor({ state: 'signed-out', view: 'sign-in', notice });
  const becomePerson = (me: Me) => {
    // A person signed in: a key entered earlier in this tab no longer speaks for them.
    forgetKey();
    setDoor({ state: 'person', me });
  };

  const session = useMemo<ApiSession | null>(() => {
    if (door.state === 'key') {
      return {
        credentials: { mode: 'key', key: door.key },
        person: null,
        onUnauthorized: (error) => {
          forgetKey();
          setDoor({ state: 'signed-out', view: 'key', notice: `The API no longer accepts this key: ${error.message}` });
        },
        reloadMe: async () => {},
        signedOut,
      };
    }
    if (door.state === 'person') {
      const { me } = door;
      const organization = me.organizations.find((o) => o.id === organizationChoice) ?? me.organizations[0] ?? null;
      return {
        credentials: { mode: 'session', csrfToken: me.csrfToken ?? '', organizationId: organization?.id ?? null },
        person: { me, organization },
        onUnauthorized: () => signedOut(SESSION_ENDED),
        reloadMe: async () => {
          const fresh = await loadMe();
          if (fresh) setDoor({ state: 'person', me: fresh });
          else signedOut(SESSION_ENDED);
        },
        signedOut,
      };
    }
    return null;
  }, [door, organizationChoice]);

  if (door.state === 'starting') {
    return (
      <main id="main" class="key-page">
        <Loading what="Citewatch" />
      </main>
    );
  }
  // The pages an email links to open whoever is signed in.
  if (route.other === 'invitation') {
    return (
      <InvitationPage
        token={route.params.get('token')}
        me={door.state === 'person' ? door.me : null}
        onJoined={(me, organizationId) => {
          saveOrganizationChoice(organizationId);
          setOrganizationChoice(organizationId);
          becomePerson(me);
          // The token leaves the address (and the history entry) once used.
          location.replace('#/');
        }}
      />
    );
  }
  // Unsubscribing needs no account: the link's token is enough.
  if (route.other === 'unsubscribe') return <UnsubscribePage token={route.params.get('token')} />;
  if (route.other === 'reset-password') {
    return (
      <ResetPasswordPage
        token={route.params.get('token')}
        onDone={(notice) => {
          signedOut(notice);
          location.replace('#/');
        }}
      />
    );
  }
  if (door.state === 'signed-out') {
    return door.view === 'key' ? (
      <KeyForm
        notice={door.notice}
        onKey={(k) => {
          saveKey(k);
          setDoor({ state: 'key', key: k });
        }}
        onSignIn={() => signedOut(null)}
      />
    ) : (
      <SignInPage
        notice={door.notice}
        onSignedIn={becomePerson}
        onUseKey={() => setDoor({ state: 'signed-out', view: 'key', notice: null })}
      />
    );
  }
  if (!session) return null;

  const leave = async () => {
    if (door.state === 'key') {
      forgetKey();
      setDoor({ state: 'signed-out', view: 'key', notice: 'The key was forgotten. Enter one to continue.' });
      return;
    }
    try {
      await apiPublic('POST', '/v1/auth/sign-out', {}, door.me.csrfToken);
      signedOut('You signed out.');
    } catch (err) {
      const error = toApiError(err);
      signedOut(error.status === 401 ? 'You signed out.' : `Signing out failed: ${error.message}`);
    }
  };
  return (
    <ApiContext.Provider value={session}>
      <Dashboard
        route={route}
        onLeave={leave}
        onChooseOrganization={(id) => {
          saveOrganizationChoice(id);
          setOrganizationChoice(id);
          location.hash = '#/';
        }}
      />
    </ApiContext.Provider>
  );
}

function Dashboard({
  route,
  onLeave,
  onChooseOrganization,
}: {
  route: Route;
  onLeave(): void;
  onChooseOrganization(organizationId: string): void;
}) {
  const { person } = useApiSession();
  const organization = person?.organization ?? null;
  const role = organization?.role ?? null;
  const homeless = person !== null && organization === null;
  // What this role or key may change: the workspaces page is for those who may; owners, admins and
  // admin keys manage API keys and provider keys (the API checks it in any case).
  const abilities = useAbilities();
  const { canAdmin } = abilities;
  // The workspaces page says when it created, renamed or deleted one.
  const [workspacesVersion, setWorkspacesVersion] = useState(0);
  useEffect(() => {
    const changed = () => setWorkspacesVersion((n) => n + 1);
    addEventListener('citewatch:workspaces-changed', changed);
    return () => removeEventListener('citewatch:workspaces-changed', changed);
  }, []);
  const workspaces = useLoad(
    homeless ? null : (auth, signal) => apiListAll<Workspace>(auth, '/v1/workspaces', {}, signal),
    [],
    workspacesVersion,
  );
  const only = workspaces.state === 'ok' && workspaces.data.length === 1 ? workspaces.data[0] : undefined;
  useEffect(() => {
    // One workspace: open it rather than asking.
    if (!route.workspaceId && !route.other && only) leaveChooser(hrefOf(only.id, 'overview'));
  }, [route.workspaceId, route.other, only]);
  // Known once the person's role (or the key's scopes) is read; read-only until then.
  const mayCreate = abilities.canManageWorkspaces;
  const empty = workspaces.state === 'ok' && workspaces.data.length === 0;
  useEffect(() => {
    // An organization without a workspace starts by setting one up.
    if (!route.workspaceId && !route.other && empty && mayCreate && !homeless) leaveChooser('#/new-workspace?first=1');
  }, [route.workspaceId, route.other, empty, mayCreate, homeless]);
  const organizationPage = ORGANIZATION_PAGES.find((p) => p === route.other) ?? null;

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand-name" href="#/">
          Citewatch
        </a>
        {person && person.me.organizations.length > 1 && organization && (
          <label class="workspace-picker">
            Organization
            <select value={organization.id} onChange={(e) => onChooseOrganization(e.currentTarget.value)}>
              {person.me.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
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
        {(person || abilities.canEdit || canAdmin) && (
          <nav class="account-nav" aria-label="Organization and account">
            <ul>
              {person && organization && role !== 'client' && (
                <li>
                  <a href="#/members" aria-current={route.other === 'members' ? 'page' : undefined}>
                    Members
                  </a>
                </li>
              )}
              {managesMembers(role) && (
                <li>
                  <a href="#/audit-log" aria-current={route.other === 'audit-log' ? 'page' : undefined}>
                    Audit log
                  </a>
                </li>
              )}
              {managesMembers(role) && (
                <li>
                  <a href="#/branding" aria-current={route.other === 'branding' ? 'page' : undefined}>
                    Branding
                  </a>
                </li>
              )}
              {abilities.canEdit && (
                <li>
                  <a href="#/workspaces" aria-current={route.other === 'workspaces' ? 'page' : undefined}>
                    Workspaces
                  </a>
                </li>
              )}
              {canAdmin && (
                <li>
                  <a href="#/api-keys" aria-current={route.other === 'api-keys' ? 'page' : undefined}>
                    API keys
                  </a>
                </li>
              )}
              {canAdmin && (
                <li>
                  <a href="#/credentials" aria-current={route.other === 'credentials' ? 'page' : undefined}>
                    Provider keys
                  </a>
                </li>
              )}
              {canAdmin && (
                <li>
                  <a href="#/organization" aria-current={route.other === 'organization' ? 'page' : undefined}>
                    Organization
                  </a>
                </li>
              )}
              {person && (
                <li>
                  <a href="#/account" aria-current={route.other === 'account' ? 'page' : undefined}>
                    Account
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
        <button type="button" class="secondary" onClick={onLeave}>
          {person ? 'Sign out' : 'Forget key'}
        </button>
      </header>
      {organizationPage ? (
        <OrganizationPages route={route} page={organizationPage} />
      ) : route.workspaceId ? (
        <WorkspacePages route={route} workspaceId={route.workspaceId} />
      ) : (
        <main id="main" tabIndex={-1}>
          <h1>Workspaces</h1>
          {homeless ? (
            <p class="empty">
              You are signed in as {person?.me.user?.email}, but not a member of any organization yet. Ask an owner or
              admin of your organization to invite you.
            </p>
          ) : (
            <Show value={workspaces} what="workspaces">
              {(list) =>
                list.length === 0 ? (
                  <p class="empty">
                    {person
                      ? role === 'client'
                        ? 'No workspace is shared with you yet.'
                        : 'This organization has no workspace yet: create one on the Workspaces page.'
                      : "This key's organization has no workspace yet: create one on the Workspaces page."}
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
          )}
          {!homeless && abilities.canManageWorkspaces && (
            <p class="workspace-actions">
              <a href="#/new-workspace">New workspace</a> <a href="#/workspaces">Rename or delete workspaces</a>
            </p>
          )}
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

function OrganizationPages({ route, page }: { route: Route; page: OrganizationPage }) {
  const { person } = useApiSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const organization = page === 'account' ? null : (person?.organization ?? null);
  useEffect(() => {
    document.title = `${ORGANIZATION_TITLES[page]}${organization ? ` — ${organization.name}` : ''} — Citewatch`;
  }, [page, organization?.name]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [page]);
  return (
    <main id="main" tabIndex={-1}>
      <h1 ref={heading} tabIndex={-1}>
        {ORGANIZATION_TITLES[page]}
        {organization && <span class="workspace-name"> · {organization.name}</span>}
      </h1>
      {page === 'api-keys' ? (
        <ApiKeysPage />
      ) : page === 'credentials' ? (
        <CredentialsPage />
      ) : page === 'organization' ? (
        <OrganizationSettingsPage />
      ) : page === 'workspaces' ? (
        <WorkspacesPage />
      ) : page === 'new-workspace' ? (
        <OnboardingPage first={route.params.get('first') === '1'} />
      ) : !person ? (
        <p class="empty">
          This page is for people signed in with their account; an API key opens the workspaces' reports only.
        </p>
      ) : page === 'account' ? (
        <AccountPage />
      ) : page === 'members' ? (
        <MembersPage />
      ) : page === 'branding' ? (
        <BrandingPage />
      ) : (
        <AuditLogPage route={route} />
      )}
    </main>
  );
}

function WorkspacePages({ route, workspaceId }: { route: Route; workspaceId: string }) {
  // Bumped when a management page changes what every page reads (brands, configurations).
  const [version, setVersion] = useState(0);
  const data = useLoad((auth, signal) => loadWorkspace(auth, workspaceId, signal), [workspaceId], version);
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
            <WorkspaceContext.Provider value={{ ...ws, reload: () => setVersion((n) => n + 1) }}>
              {route.page === 'overview' && <OverviewPage route={route} />}
              {route.page === 'gap' && <GapPage route={route} />}
              {route.page === 'spend' && <SpendPage route={route} />}
              {route.page === 'events' && <EventsPage route={route} />}
              {route.page === 'untracked' && <UntrackedPage route={route} />}
              {route.page === 'experiments' && <ExperimentsPage route={route} />}
              {route.page === 'app-gap' && <AppGapPage route={route} />}
              {route.page === 'citations' && <CitationsPage route={route} />}
              {route.page === 'prompts' && <PromptsPage route={route} />}
              {route.page === 'runs' && <RunsPage />}
              {route.page === 'reanalyses' && <ReanalysesPage />}
              {route.page === 'webhooks' && <WebhooksPage />}
              {route.page === 'share-links' && <ShareLinksPage />}
              {route.page === 'pdf-reports' && <PdfReportsPage />}
              {isManagePage(route.page) && <ManagePageView page={route.page} route={route} />}
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
  for (const name of FILTER_PARAMS) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}
