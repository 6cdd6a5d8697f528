/**
 * The shared report page: what a share link shows, opened without an account at
 * /dashboard/#/shared/<token>. It is a page of its own, not a page of the app: it never asks who
 * is signed in, sends no cookie or key (credentials: 'omit'), and talks only to
 * /v1/shared/<token>/…, so the link reaches nothing else. It wears the organization's white label.
 */
import { useEffect, useState } from 'preact/hooks';
import './shared.css';

interface View {
  name: string;
  workspace: { name: string; timezone: string };
  branding: { displayName: string; primaryColor: string; accentColor: string; logo: boolean };
  locks: { from: string | null; to: string | null; providers: string[] | null; tags: string[] | null };
  expiresAt: string;
  reports: string[];
  pdf:
    | { available: true; filename: string; from: string; to: string; madeAt: string }
    | { available: false; reason: string };
}
interface Interval {
  low: number;
  high: number;
}
interface Rate {
  value: number | null;
  n: number;
  numerator: number;
  ci95: Interval | null;
}
interface VisibilityRow {
  brandId: string;
  brandName: string;
  brandKind: 'own' | 'competitor';
  mentionRate: Rate;
}
interface SovRow {
  brandId: string;
  brandName: string;
  shareOfVoice: { presence: Rate };
}
interface CitationsReport {
  groups: Array<{ domains: Array<{ domain: string; cited: number }> }>;
}
type Domain = { domain: string; cited: number };

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

async function get<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `The server answered ${res.status}.`);
  }
  return (await res.json()) as T;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const ci = (i: Interval | null) => (i ? `${(i.low * 100).toFixed(1)}–${(i.high * 100).toFixed(1)}%` : '—');
const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);
/** The last day of a period whose end is excluded. */
const lastDay = (iso: string) => new Date(new Date(iso).getTime() - 1).toISOString().slice(0, 10);

export function SharedPage({ token }: { token: string }) {
  const base = `/v1/shared/${encodeURIComponent(token)}`;
  const [view, setView] = useState<Load<View>>({ state: 'loading' });
  const [reports, setReports] = useState<Load<{ visibility: VisibilityRow[]; sov: SovRow[]; domains: Domain[] }>>({
    state: 'loading',
  });

  useEffect(() => {
    get<View>(base).then(
      (data) => {
        setView({ state: 'ok', data });
        document.title = `${data.name} — ${data.branding.displayName}`;
        Promise.all([
          get<{ rows: VisibilityRow[] }>(`${base}/reports/visibility?groupBy=`),
          get<{ rows: SovRow[] }>(`${base}/reports/share-of-voice`),
          get<CitationsReport>(`${base}/reports/citations?groupBy=`),
        ]).then(
          ([v, s, c]) =>
            setReports({
              state: 'ok',
              data: { visibility: v.rows, sov: s.rows, domains: c.groups[0]?.domains ?? [] },
            }),
          (err: Error) => setReports({ state: 'error', message: err.message }),
        );
      },
      (err: Error) => setView({ state: 'error', message: err.message }),
    );
  }, [base]);

  if (view.state === 'loading') {
    return (
      <main id="main" class="shared-page">
        <p role="status">Loading the report…</p>
      </main>
    );
  }
  if (view.state === 'error') {
    return (
      <main id="main" class="shared-page">
        <h1>This report is not available</h1>
        <p class="error" role="alert">
          {view.message}
        </p>
      </main>
    );
  }
  const v = view.data;
  const locks = [
    v.locks.from || v.locks.to
      ? `Period: ${v.locks.from ? day(v.locks.from) : 'start'} to ${v.locks.to ? day(v.locks.to) : 'now'}`
      : null,
    v.locks.providers ? `Assistants: ${v.locks.providers.join(', ')}` : null,
    v.locks.tags ? `Prompt tags: ${v.locks.tags.join(', ')}` : null,
  ].filter(Boolean);
  return (
    <div
      class="shared"
      style={{ '--brand-primary': v.branding.primaryColor, '--brand-accent': v.branding.accentColor }}
    >
      <header class="shared-header">
        {v.branding.logo && <img class="shared-logo" src={`${base}/logo`} alt={`${v.branding.displayName} logo`} />}
        <p class="shared-by">{v.branding.displayName}</p>
      </header>
      <main id="main" class="shared-page">
        <h1>
          {v.name} <span class="workspace-name">· {v.workspace.name}</span>
        </h1>
        <p class="muted">
          Read-only report, available until {day(v.expiresAt)}.{locks.length > 0 && ` ${locks.join('. ')}.`}
        </p>
        {reports.state === 'loading' && <p role="status">Loading the figures…</p>}
        {reports.state === 'error' && (
          <p class="error" role="alert">
            {reports.message}
          </p>
        )}
        {reports.state === 'ok' && (
          <>
            <section aria-labelledby="shared-visibility">
              <h2 id="shared-visibility">Visibility</h2>
              <p class="muted">
                Share of answers mentioning each brand, with its 95% interval and the answers counted.
              </p>
              <div class="table-scroll" role="region" aria-label="Visibility" tabIndex={0}>
                <table data-testid="shared-visibility">
                  <thead>
                    <tr>
                      <th scope="col">Brand</th>
                      <th scope="col">Mention rate</th>
                      <th scope="col">95% interval</th>
                      <th scope="col">Answers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.data.visibility.map((r) => (
                      <tr key={r.brandId} data-brand={r.brandName}>
                        <th scope="row">
                          {r.brandName}
                          {r.brandKind === 'own' ? ' (own)' : ''}
                        </th>
                        <td data-metric="mention-rate">{pct(r.mentionRate.value)}</td>
                        <td>{ci(r.mentionRate.ci95)}</td>
                        <td data-metric="n">{r.mentionRate.n}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="shared-sov">
              <h2 id="shared-sov">Share of voice</h2>
              <div class="table-scroll" role="region" aria-label="Share of voice" tabIndex={0}>
                <table data-testid="shared-sov">
                  <thead>
                    <tr>
                      <th scope="col">Brand</th>
                      <th scope="col">Share of voice</th>
                      <th scope="col">95% interval</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.data.sov.map((r) => (
                      <tr key={r.brandId} data-brand={r.brandName}>
                        <th scope="row">{r.brandName}</th>
                        <td data-metric="sov">{pct(r.shareOfVoice.presence.value)}</td>
                        <td>{ci(r.shareOfVoice.presence.ci95)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="shared-domains">
              <h2 id="shared-domains">Top cited domains</h2>
              {reports.data.domains.length === 0 ? (
                <p class="empty">No source was cited in this period.</p>
              ) : (
                <ol data-testid="shared-domains">
                  {reports.data.domains.slice(0, 10).map((d) => (
                    <li key={d.domain}>
                      {d.domain || '(no domain)'}{' '}
                      <span class="muted">
                        ({d.cited} citation{d.cited === 1 ? '' : 's'})
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="shared-pdf">
              <h2 id="shared-pdf">PDF report</h2>
              {v.pdf.available ? (
                <p data-testid="shared-pdf">
                  <a href={`${base}/pdf`} download={v.pdf.filename}>
                    Download the PDF report, {day(v.pdf.from)} to {lastDay(v.pdf.to)}
                  </a>{' '}
                  <span class="muted">(made {day(v.pdf.madeAt)})</span>
                </p>
              ) : (
                <p class="empty" data-testid="shared-pdf">
                  {v.pdf.reason}
                </p>
              )}
            </section>
            <section aria-labelledby="shared-downloads">
              <h2 id="shared-downloads">Download the data (CSV)</h2>
              <ul>
                {v.reports.map((report) => (
                  <li key={report}>
                    <a href={`${base}/reports/${report}?format=csv`} download={`${report}.csv`}>
                      {report.replaceAll('-', ' ')} (CSV)
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </main>
    </div>
  );
}
