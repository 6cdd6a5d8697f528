/**
 * PDF reports: asked for through the API (202), made by a worker job (queue pdf-reports, retried
 * with backoff), stored in Postgres, downloaded through the API or the dashboard, and emailed as an
 * attachment to the addresses given. The job is safe to run again: a stored PDF is not rendered
 * twice, and a report whose email was accepted is not sent twice.
 */
import { publicBaseUrl } from '../../config/env.js';
import type { Deps } from '../../deps.js';
import type { PdfReport } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { publicUrl } from '../../lib/public-url.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { pdfReportMessage } from '../email/templates.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import { pdfBrandingOf } from './pdf-reports.branding.js';
import { periodLabel } from './pdf-reports.format.js';
import { renderWorkspacePdf } from './pdf-reports.render.js';
import {
  deletePdfReport,
  findPdfReport,
  insertPdfReport,
  findNewestCompletedWithin,
  listPdfReportRows,
  loadPdfReport,
  markPdfReportRunning,
  markPdfReportSent,
  pdfFile,
  recordPdfReportFailure,
  storePdfFile,
} from './pdf-reports.repo.js';
import type { PdfReportCreate, PdfReportDto } from './pdf-reports.schemas.js';

export type PdfReportsDeps = Pick<Deps, 'db' | 'producers' | 'logger'>;
export type PdfWorkerDeps = Pick<Deps, 'db' | 'mailer' | 'env' | 'logger'>;

export { renderWorkspacePdf } from './pdf-reports.render.js';

const fileUrlOf = (r: PdfReport) => `/v1/workspaces/${r.workspaceId}/pdf-reports/${r.id}/file`;

export function toPdfReportDto(r: PdfReport): PdfReportDto {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    from: iso(r.from),
    to: iso(r.to),
    sendTo: r.sendTo,
    status: r.status,
    pages: r.pages,
    bytes: r.bytes,
    error: r.error,
    requestedBy: r.requestedBy,
    createdAt: iso(r.createdAt),
    startedAt: isoOrNull(r.startedAt),
    finishedAt: isoOrNull(r.finishedAt),
    sentAt: isoOrNull(r.sentAt),
    fileUrl: r.status === 'completed' ? fileUrlOf(r) : null,
  };
}

export async function createPdfReport(
  deps: PdfReportsDeps,
  orgId: string,
  workspaceId: string,
  input: PdfReportCreate,
  requestedBy: string | null,
): Promise<PdfReportDto> {
  const { prisma } = deps.db;
  await requireWorkspace(prisma, orgId, workspaceId);
  const sendTo = [...new Set((input.sendTo ?? []).map((a) => a.trim()))];
  const created = await insertPdfReport(prisma, {
    workspaceId,
    from: new Date(input.from),
    to: new Date(input.to),
    sendTo,
    requestedBy,
  });
  try {
    await deps.producers.pdfReport(created.id);
  } catch (err) {
    deps.logger.error({ err }, 'could not enqueue the PDF report');
    await deletePdfReport(prisma, created.id);
    throw new AppError('unavailable', 'The job queue is unreachable, so the PDF was not started. Try again shortly.');
  }
  return toPdfReportDto(created);
}

async function requireReport(deps: Pick<Deps, 'db'>, orgId: string, workspaceId: string, id: string) {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  const report = await findPdfReport(deps.db.prisma, workspaceId, id);
  if (!report) throw AppError.notFound('PDF report');
  return report;
}

export async function getPdfReport(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<PdfReportDto> {
  return toPdfReportDto(await requireReport(deps, orgId, workspaceId, id));
}

export async function listPdfReports(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<PdfReportDto>> {
  await requireWorkspace(deps.db.prisma, orgId, workspaceId);
  return toPage(await listPdfReportRows(deps.db.prisma, workspaceId, q), q.limit, toPdfReportDto);
}

/** The stored PDF and the file name to download it as; 409 while it is not made yet. */
export async function pdfReportFile(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<{ content: Buffer; filename: string }> {
  const report = await requireReport(deps, orgId, workspaceId, id);
  const content = report.status === 'completed' ? await pdfFile(deps.db.prisma, id) : null;
  if (!content) {
    throw new AppError(
      'conflict',
      report.status === 'failed'
        ? `This PDF report failed and has no file: ${report.error ?? 'unknown reason'}`
        : `This PDF report is ${report.status}; its file can be downloaded once it is completed.`,
      { status: report.status },
    );
  }
  return { content, filename: fileNameOf(report) };
}

/**
 * The most recently made PDF report of a workspace whose period lies within [from, to) (an open
 * bound takes any period), without its bytes: what a share link offers (see pdfFileOf).
 */
export async function newestReadyPdf(
  prisma: Deps['db']['prisma'],
  workspaceId: string,
  from: Date | null,
  to: Date | null,
): Promise<{ report: PdfReport; filename: string } | null> {
  const report = await findNewestCompletedWithin(prisma, workspaceId, from, to);
  return report ? { report, filename: fileNameOf(report) } : null;
}

/** The bytes of a made PDF report; null when it has none stored. */
export async function pdfFileOf(prisma: Deps['db']['prisma'], report: PdfReport): Promise<Buffer | null> {
  return pdfFile(prisma, report.id);
}

function fileNameOf(r: PdfReport): string {
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return `citewatch-report-${d(r.from)}-${d(new Date(r.to.getTime() - 1))}.pdf`;
}

/** Worker side: renders and stores the PDF unless stored already, then emails it unless sent already. */
export async function executePdfReport(deps: PdfWorkerDeps, id: string): Promise<PdfReport | null> {
  const { prisma } = deps.db;
  const report = await loadPdfReport(prisma, id);
  if (!report || report.status === 'failed') return report;
  const { organizationId, name, timezone } = report.workspace;
  let current: PdfReport = report;
  let content = report.status === 'completed' ? await pdfFile(prisma, id) : null;
  if (!content) {
    await markPdfReportRunning(prisma, id, report.startedAt ?? new Date());
    const rendered = await renderWorkspacePdf(deps, organizationId, report.workspaceId, {
      from: report.from.toISOString(),
      to: report.to.toISOString(),
    });
    content = rendered.buffer;
    current = await storePdfFile(prisma, id, content, rendered.pages);
  }
  if (!report.sendTo.length || report.sentAt) return current;
  const branding = await pdfBrandingOf(deps.db, organizationId);
  const period = periodLabel({ from: report.from.toISOString(), to: report.to.toISOString() }, timezone);
  const message = pdfReportMessage({
    senderName: branding.displayName,
    workspaceName: name,
    periodLabel: period,
    link: publicUrl(publicBaseUrl(deps.env), '/dashboard/'),
  });
  for (const to of report.sendTo) {
    await deps.mailer.send({
      to,
      ...message,
      fromName: branding.emailSenderName ?? branding.displayName,
      attachments: [{ filename: fileNameOf(report), contentType: 'application/pdf', content }],
    });
  }
  return markPdfReportSent(prisma, id);
}

export async function failPdfReport(prisma: Deps['db']['prisma'], id: string, reason: string): Promise<void> {
  await recordPdfReportFailure(prisma, id, reason);
}
