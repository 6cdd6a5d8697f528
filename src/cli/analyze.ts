/**
 * `citewatch analyze --brands BRANDS.json [--provider text|openai|anthropic|perplexity|gemini|google_ai_overview|assistant_app|openai_compatible|mock_app] FILE|-`
 *
 * Analyses one answer offline and prints its mentions and citations as one JSON object. With the
 * default provider `text`, FILE is the answer itself (plain text or markdown); with a provider,
 * FILE is that provider's raw response body, read by the same adapter `parse` the workers use.
 * Bad input (brands file, payload, arguments) is one line on stderr and exit code 2.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { analyzeAnswer, compileBrands, type AnswerInput, type BrandDefinition } from '../analysis/index.js';
import { getAdapter, hasAdapter, providerNames } from '../providers/registry.js';

export interface AnalyzeIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// Every registered provider can be read, so a new adapter needs no change here.
const PROVIDERS: readonly string[] = ['text', ...providerNames()];
const USAGE = `usage: citewatch analyze --brands BRANDS.json [--provider ${PROVIDERS.filter((p) => p !== 'mock').join('|')}] FILE|-`;

const brandsSchema = z.array(
  z
    .object({
      name: z.string().trim().min(1, 'must not be empty'),
      aliases: z.array(z.string().trim().min(1, 'must not be empty')).optional(),
      domains: z.array(z.string().trim().min(1, 'must not be empty')).optional(),
      caseSensitive: z.boolean().optional(),
      // Tolerated so a brand list exported from a workspace can be used as it is.
      id: z.string().optional(),
      kind: z.enum(['own', 'competitor']).optional(),
    })
    .strict(),
);

class InputError extends Error {}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${path ? `${path.replace(/^\./, '')}: ` : ''}${issue.message}`;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readInput(file: string, io: AnalyzeIo, what: string): Promise<string> {
  if (file === '-') return readStream(io.stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${what} ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`,
    );
  }
}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function loadBrands(path: string, io: AnalyzeIo): Promise<BrandDefinition[]> {
  const parsed = brandsSchema.safeParse(parseJson(await readInput(path, io, 'brands file'), `brands file ${path}`));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`brands file ${path}: ${issue ? describeIssue(issue) : 'invalid'}`);
  }
  if (parsed.data.length === 0) throw new InputError(`brands file ${path}: no brands`);
  return parsed.data.map((b, k) => ({
    id: String(k),
    name: b.name,
    aliases: b.aliases ?? [],
    domains: b.domains ?? [],
    caseSensitive: b.caseSensitive ?? false,
  }));
}

function answerFrom(provider: string, body: string): AnswerInput {
  if (provider === 'text') return { text: body };
  if (!hasAdapter(provider)) throw new InputError(`provider "${provider}" is not available in this build of Citewatch`);
  const raw = parseJson(body, `${provider} payload`);
  try {
    const parsed = getAdapter(provider).parse(raw);
    return { text: parsed.text, citations: parsed.citations, sources: parsed.sources };
  } catch (err) {
    throw new InputError(`not a ${provider} response body: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parseAnalyzeArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { brands: { type: 'string' }, provider: { type: 'string', default: 'text' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new InputError(`${err instanceof Error ? err.message : String(err)}; ${USAGE}`);
  }
}

export async function analyzeCommand(argv: string[], io: AnalyzeIo): Promise<number> {
  try {
    const args = parseAnalyzeArgs(argv);
    const { brands: brandsPath, provider = 'text' } = args.values;
    if (!brandsPath) throw new InputError(`--brands is required; ${USAGE}`);
    if (!PROVIDERS.includes(provider)) {
      throw new InputError(
        `unknown provider "${provider}" (expected ${PROVIDERS.filter((p) => p !== 'mock').join(', ')})`,
      );
    }
    if (args.positionals.length !== 1)
      throw new InputError(`expected exactly one FILE (or - for standard input); ${USAGE}`);
    const file = args.positionals[0] as string;
    if (brandsPath === '-' && file === '-') throw new InputError('--brands and FILE cannot both be standard input');

    const brands = await loadBrands(brandsPath, io);
    const answer = answerFrom(provider, await readInput(file, io, 'answer file'));
    const result = analyzeAnswer(compileBrands(brands), answer);
    const nameOf = (id: string | null) => (id === null ? null : (brands[Number(id)]?.name ?? null));
    const out = {
      mentions: result.mentions.map((m) => ({
        brand: m.brandName,
        count: m.count,
        firstOffset: m.firstOffset,
        rank: m.rank,
        listPosition: m.listPosition,
        sentiment: m.sentiment,
        sentimentLabel: m.sentimentLabel,
        spans: m.spans,
        snippet: m.snippet,
        // The passage that decided the label (docs/sentiment.md), as written in the answer.
        sentimentPassage: m.sentimentPassage ? answer.text.slice(m.sentimentPassage[0], m.sentimentPassage[1]) : null,
      })),
      citations: result.citations.map((c) => ({
        url: c.url,
        domain: c.domain,
        title: c.title,
        source: c.source,
        brand: nameOf(c.brandId),
      })),
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stderr.write(`citewatch analyze: ${err.message}\n`);
    return 2;
  }
}
