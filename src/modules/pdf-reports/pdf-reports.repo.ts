/** PDF report rows and files (Prisma). Listing never reads the files. */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { PdfReport } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

export async function insertPdfReport(
  prisma: PrismaClient,
  data: { workspaceId: string; from: Date; to: Date; sendTo: string[]; requestedBy: string | null },
): Promise<PdfReport> {
  return prisma.pdfReport.create({ data: { id: newId(), ...data } });
}

export async function deletePdfReport(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.pdfReport.delete({ where: { id } });
}

export async function findPdfReport(prisma: PrismaClient, workspaceId: string, id: string): Promise<PdfReport | null> {
  return prisma.pdfReport.findFirst({ where: { id, workspaceId } });
}

export async function listPdfReportRows(prisma: PrismaClient, workspaceId: string, q: PageQuery): Promise<PdfReport[]> {
  return prisma.pdfReport.findMany(pageArgs(q, { workspaceId }, 'desc'));
}

/** A report by id whatever its workspace (workers), with the organization and name of its workspace. */
export async function loadPdfReport(prisma: PrismaClient, id: string) {
  return prisma.pdfReport.findUnique({
    where: { id },
    include: { workspace: { select: { organizationId: true, name: true, timezone: true } } },
  });
}

/** The most recently finished completed report whose period lies within [from, to) (either bound open). */
export async function findNewestCompletedWithin(
  prisma: PrismaClient,
  workspaceId: string,
  from: Date | null,
  to: Date | null,
): Promise<PdfReport | null> {
  return prisma.pdfReport.findFirst({
    where: {
      workspaceId,
      status: 'completed',
      ...(from ? { from: { gte: from } } : {}),
      ...(to ? { to: { lte: to } } : {}),
    },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
  });
}

export async function pdfFile(prisma: PrismaClient, reportId: string): Promise<Buffer | null> {
  const file = await prisma.pdfReportFile.findUnique({ where: { reportId } });
  return file ? Buffer.from(file.content) : null;
}

export async function markPdfReportRunning(prisma: PrismaClient, id: string, startedAt: Date): Promise<void> {
  await prisma.pdfReport.update({
    where: { id },
    data: { status: 'running', startedAt, attempts: { increment: 1 } },
  });
}

/** Stores the file and marks the report completed, together. */
export async function storePdfFile(
  prisma: PrismaClient,
  id: string,
  content: Buffer,
  pages: number,
): Promise<PdfReport> {
  const [, report] = await prisma.$transaction([
    prisma.pdfReportFile.upsert({
      where: { reportId: id },
      create: { reportId: id, content: new Uint8Array(content) },
      update: { content: new Uint8Array(content) },
    }),
    prisma.pdfReport.update({
      where: { id },
      data: { status: 'completed', pages, bytes: content.length, finishedAt: new Date(), error: null },
    }),
  ]);
  return report;
}

export async function markPdfReportSent(prisma: PrismaClient, id: string): Promise<PdfReport> {
  return prisma.pdfReport.update({ where: { id }, data: { sentAt: new Date(), error: null } });
}

/**
 * The job gave up: failed when no PDF was made; when the PDF is stored and only the email failed,
 * the report stays completed (downloadable) with the reason in `error`.
 */
export async function recordPdfReportFailure(prisma: PrismaClient, id: string, reason: string): Promise<void> {
  const hasFile = (await prisma.pdfReportFile.count({ where: { reportId: id } })) > 0;
  await prisma.pdfReport.update({
    where: { id },
    data: hasFile
      ? { status: 'completed', error: `The PDF was made but not emailed: ${reason}`.slice(0, 2_000) }
      : { status: 'failed', error: reason.slice(0, 2_000), finishedAt: new Date() },
  });
}

/** How many runs of the workspace were created in [from, to), by status. */
export async function runCountsByStatus(
  pool: pg.Pool,
  workspaceId: string,
  from: Date | string,
  to: Date | string,
): Promise<Array<{ status: string; n: number }>> {
  const { rows } = await pool.query<{ status: string; n: number }>(
    `SELECT status::text AS status, count(*)::int AS n FROM runs
      WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY status`,
    [workspaceId, from, to],
  );
  return rows;
}
