/**
 * PDF reports: the workspace's PDFs, newest first, each downloadable once made, and a form to make
 * one for a period and email it. Made by a worker in the background: the list refreshes itself
 * while a PDF is being made.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiBlob, buildUrl } from '../api/client.js';
import type { Page } from '../api/types.js';
import { Field, Form, TextAreaField, listOf, useForm } from '../components/form.js';
import { Empty, ErrorMessage, Show, TableScroll } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDateTime } from '../lib/format.js';
import { toApiError, useApi, useApiSession, useSend } from '../lib/use-api.js';
import type { ApiError } from '../api/client.js';

interface PdfReport {
  id: string;
  from: string;
  to: string;
  sendTo: string[];
  status: 'queued' | 'running' | 'completed' | 'failed';
  pages: number | null;
  bytes: number | null;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  fileUrl: string | null;
}

const STATUS: Record<PdfReport['status'], string> = {
  queued: 'Queued',
  running: 'Being made',
  completed: 'Ready',
  failed: 'Failed',
};
const REFRESH_MS = 3_000;
const DAY = 86_400_000;

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The period's days as chosen: [from, the day after `to`) in UTC. */
const dayRange = (r: PdfReport) => `${r.from.slice(0, 10)} – ${isoDay(Date.parse(r.to) - 1)}`;

type Values = { from: string; to: string; sendTo: string };

export function PdfReportsPage() {
  const { base } = useWorkspace();
  const session = useApiSession();
  // One Idempotency-Key per submission, reused if the same one is sent again after a lost answer.
  const send = useSend();
  const [refresh, setRefresh] = useState(0);
  const list = useApi<Page<PdfReport>>(buildUrl(`${base}/pdf-reports`, { limit: 50 }), refresh);
  const pending = list.state === 'ok' && list.data.data.some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [pending, refresh]);

  const today = Date.now();
  const form = useForm<Values>({ from: isoDay(today - 30 * DAY), to: isoDay(today - DAY), sendTo: '' });
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);

  const download = async (r: PdfReport) => {
    if (!r.fileUrl) return;
    setDownloadError(null);
    try {
      const blob = await apiBlob(session.credentials, r.fileUrl);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `citewatch-report-${r.from.slice(0, 10)}-${isoDay(Date.parse(r.to) - 1)}.pdf`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setDownloadError(toApiError(err));
    }
  };

  return (
    <>
      <section aria-labelledby="make-pdf">
        <h2 id="make-pdf">Make a PDF</h2>
        <p>
          A client-ready report of this workspace for a period, in your organization’s branding. Days are in UTC; the
          previous period of the same length is the comparison.
        </p>
        <Form
          form={form}
          label="Make a PDF"
          what="the PDF report"
          submitLabel="Make the PDF"
          busyLabel="Queuing…"
          guard={false}
          onSubmit={async () => {
            const body = {
              from: form.values.from ? `${form.values.from}T00:00:00Z` : '',
              to: form.values.to ? `${isoDay(Date.parse(form.values.to) + DAY)}T00:00:00Z` : '',
              ...(listOf(form.values.sendTo).length ? { sendTo: listOf(form.values.sendTo) } : {}),
            };
            await send<PdfReport>('POST', `${base}/pdf-reports`, body);
            setRefresh((n) => n + 1);
            return {
              values: form.values,
              done: body.sendTo
                ? `Making the PDF; it will be emailed to ${body.sendTo.join(', ')}.`
                : 'Making the PDF; it appears below.',
            };
          }}
        >
          <Field form={form} name="from" label="First day">
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.values.from}
                onInput={(e) => form.set('from', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field form={form} name="to" label="Last day">
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.values.to}
                onInput={(e) => form.set('to', e.currentTarget.value)}
              />
            )}
          </Field>
          <TextAreaField
            form={form}
            name="sendTo"
            label="Email it to (optional)"
            description="One address per line; the PDF is attached."
            rows={2}
          />
        </Form>
      </section>
      <section aria-labelledby="pdf-list">
        <h2 id="pdf-list">PDF reports</h2>
        {downloadError && <ErrorMessage error={downloadError} what="the PDF" verb="download" />}
        <Show value={list} what="the PDF reports">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>No PDF report yet.</Empty>
            ) : (
              <TableScroll label="PDF reports">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Period</th>
                      <th scope="col">Asked for</th>
                      <th scope="col">Status</th>
                      <th scope="col">Pages</th>
                      <th scope="col">Emailed to</th>
                      <th scope="col">File</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((r) => (
                      <tr key={r.id} data-testid="pdf-report">
                        <td>{dayRange(r)}</td>
                        <td>{formatDateTime(r.createdAt)}</td>
                        <td>
                          {STATUS[r.status]}
                          {r.error && <span class="muted"> — {r.error}</span>}
                        </td>
                        <td class="num">{r.pages ?? '–'}</td>
                        <td>
                          {r.sendTo.length ? r.sendTo.join(', ') : '–'}
                          {r.sentAt && <span class="muted"> (sent {formatDateTime(r.sentAt)})</span>}
                        </td>
                        <td>
                          {r.fileUrl ? (
                            <button type="button" class="link" onClick={() => void download(r)}>
                              Download PDF<span class="visually-hidden"> for {dayRange(r)}</span>
                            </button>
                          ) : (
                            '–'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )
          }
        </Show>
      </section>
    </>
  );
}
