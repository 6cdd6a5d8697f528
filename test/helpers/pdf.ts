/**
 * Reads a PDF back with pdf.js (Mozilla's parser, legacy build for Node): its page count and each
 * page's text, whitespace collapsed, so tests can look for the figures a PDF shows.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ReadPdf {
  pages: number;
  /** Each page's text, items joined by spaces and whitespace collapsed. */
  text: string[];
  info: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
/** The standard fonts pdf.js needs to lay out Helvetica and friends. */
export const STANDARD_FONTS = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function readPdf(bytes: Buffer | Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages: text.length, text, info: (meta.info ?? {}) as Record<string, unknown> };
}
