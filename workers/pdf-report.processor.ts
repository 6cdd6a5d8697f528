/** PDF report jobs: render and store the PDF, then email it. The job records its failure when it gives up. */
import type { Job } from 'bullmq';
import type { WorkerDeps } from '../src/deps.js';
import { executePdfReport, failPdfReport } from '../src/modules/pdf-reports/pdf-reports.service.js';
import type { PdfReportJob } from '../src/queues/payloads.js';

export function createPdfReportProcessor(deps: WorkerDeps) {
  return async (job: Job<PdfReportJob>): Promise<string> => {
    const { pdfReportId } = job.data;
    try {
      const done = await executePdfReport(deps, pdfReportId);
      return done ? `${done.status}: ${done.pages ?? 0} pages` : 'gone';
    } catch (err) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await failPdfReport(deps.db.prisma, pdfReportId, (err as Error).message).catch(() => {});
      }
      throw err;
    }
  };
}
