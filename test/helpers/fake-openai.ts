/**
 * A fake OpenAI Responses endpoint on 127.0.0.1 for pipeline tests: the real OpenAI SDK talks
 * to it. Answers name brands found in the prompt's category; a seeded share of calls fails with
 * 500 or 429 (Retry-After in ms), and prompts containing "[reject]" always get a 400.
 *
 * A request asking for structured output (text.format json_schema, as the stance judge sends)
 * is answered by `judge` (JSON labelling every brand the request lists, by default the first
 * label of `judgeLabels` that applies), or refused with `judgeStatus` when set; such calls are
 * counted apart (stats.judged) and kept in `judgeRequests`.
 *
 * It also shows what the workers do to a provider: calls in flight now and at the peak, when
 * each call arrived, an optional latency per call, and a gate (hold/release) that keeps calls in
 * flight until the test lets them go.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAIStats {
  ok: number;
  /** Structured-output (judge) calls answered with labels. */
  judged: number;
  serverErrors: number;
  rateLimited: number;
  rejected: number;
}

export class FakeOpenAI {
  readonly stats: FakeOpenAIStats = { ok: 0, judged: 0, serverErrors: 0, rateLimited: 0, rejected: 0 };
  /** Bodies of the structured-output requests received, in order. */
  readonly judgeRequests: Array<Record<string, unknown>> = [];
  /** The label the judge gives a brand; every brand "positive" unless a test says otherwise. */
  judgeLabel: (brand: string) => 'positive' | 'neutral' | 'negative' = () => 'positive';
  /** When set, judge calls fail with this HTTP status (500: transient, 400: permanent). */
  judgeStatus: number | null = null;
  private seed: number;
  /** Calls received and not yet answered. */
  inFlight = 0;
  /** The most calls in flight at once since start (or resetPeak). */
  peakInFlight = 0;
  /** Arrival time (Date.now()) of every call. */
  readonly arrivals: number[] = [];
  /** Delay before each answer, in ms. */
  latencyMs = 0;
  /** Answer calls by their arrival (0 for the first call): 500 (transient) or 429 (rate limited), whatever the draw. */
  readonly failAt = new Map<number, 500 | 429>();
  private holding = false;
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly failureRate: number,
    seed: number,
  ) {
    this.seed = seed;
  }

  /** Extra text appended to every answer (e.g. characters that need care when stored). */
  suffix = '';

  /** The settings that send a test context's OpenAI calls here, with a test key. */
  get env(): { OPENAI_API_KEY: string; OPENAI_BASE_URL: string } {
    return { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: this.baseUrl };
  }

  static async start(opts: {
    failureRate: number;
    seed?: number;
    suffix?: string;
    latencyMs?: number;
  }): Promise<FakeOpenAI> {
    let fake: FakeOpenAI | null = null;
    const server = createServer((req, res) => {
      const self = fake as FakeOpenAI;
      self.inFlight++;
      self.peakInFlight = Math.max(self.peakInFlight, self.inFlight);
      const arrival = self.arrivals.push(Date.now()) - 1;
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const gate = self.holding ? new Promise<void>((r) => self.held.push(r)) : null;
        const latency = self.latencyMs > 0 ? new Promise((r) => setTimeout(r, self.latencyMs)) : null;
        void Promise.all([gate, latency]).then(() => {
          self.inFlight--;
          self.answer(body, res, arrival);
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    fake = new FakeOpenAI(server, `http://127.0.0.1:${port}/v1`, opts.failureRate, opts.seed ?? 42);
    fake.suffix = opts.suffix ?? '';
    fake.latencyMs = opts.latencyMs ?? 0;
    return fake;
  }

  /** From now on, calls wait (in flight) until released. */
  hold(): void {
    this.holding = true;
  }

  /** Calls waiting at the gate. */
  get waiting(): number {
    return this.held.length;
  }

  /** Lets the oldest waiting call answer; later calls keep waiting. */
  releaseOne(): void {
    this.held.shift()?.();
  }

  /** Lets every waiting call answer, and the next ones answer at once. */
  release(): void {
    this.holding = false;
    for (const open of this.held.splice(0)) open();
  }

  resetPeak(): void {
    this.peakInFlight = this.inFlight;
  }

  /** mulberry32: a small seeded generator, so a run of the test is reproducible. */
  private random(): number {
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private lastInput = '';

  private answer(raw: string, res: import('node:http').ServerResponse, arrival: number): void {
    const request = JSON.parse(raw) as { input: string; model: string };
    this.lastInput = request.input;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-request-id': `req_${this.stats.ok + this.stats.serverErrors + this.stats.rateLimited + this.stats.rejected}`,
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    if (String(request.input).includes('[reject]')) {
      this.stats.rejected++;
      send(400, {
        error: {
          message: 'Invalid prompt: rejected by the fake',
          type: 'invalid_request_error',
          param: 'input',
          code: 'invalid_prompt',
        },
      });
      return;
    }
    const format = (request as { text?: { format?: { type?: string } } }).text?.format;
    if (format?.type === 'json_schema') {
      this.judgeRequests.push(request as unknown as Record<string, unknown>);
      if (this.judgeStatus !== null) {
        this.stats.serverErrors++;
        send(this.judgeStatus, {
          error: {
            message: `The fake judge fails with ${this.judgeStatus}`,
            type: 'server_error',
            param: null,
            code: null,
          },
        });
        return;
      }
      this.stats.judged++;
      const listed = /Brands to label \(one entry each\): (.*)$/m.exec(String(request.input))?.[1] ?? '';
      const brands = JSON.parse(`[${listed}]`) as string[];
      const answer = /Answer:\n<<<\n([\s\S]*?)\n>>>/.exec(String(request.input))?.[1] ?? '';
      const judged = {
        brands: brands.map((brand) => ({
          brand,
          label: this.judgeLabel(brand),
          sentence: answer.split('\n').find((l) => l.includes(brand)) ?? '',
        })),
      };
      this.sendText(send, request.model, JSON.stringify(judged));
      return;
    }
    const forced = this.failAt.get(arrival);
    const draw = forced ? 1 : this.random();
    if (forced === 500 || draw < this.failureRate / 2) {
      this.stats.serverErrors++;
      send(500, {
        error: {
          message: 'The server had an error while processing your request.',
          type: 'server_error',
          param: null,
          code: null,
        },
      });
      return;
    }
    if (forced === 429 || draw < this.failureRate) {
      this.stats.rateLimited++;
      send(
        429,
        {
          error: {
            message: 'Rate limit reached for requests',
            type: 'requests',
            param: null,
            code: 'rate_limit_exceeded',
          },
        },
        { 'retry-after-ms': '20' },
      );
      return;
    }
    this.stats.ok++;
    this.sendText(send, request.model, null);
  }

  /** A completed Responses body carrying `judged` (a judge's JSON), or the usual answer with a citation. */
  private sendText(send: (status: number, body: unknown) => void, model: string, judged: string | null): void {
    if (judged !== null) {
      send(200, {
        id: `resp_judge_${this.stats.judged}`,
        object: 'response',
        created_at: 1764300000,
        status: 'completed',
        model: `${model}-2026-03-17`,
        error: null,
        incomplete_details: null,
        output: [
          {
            type: 'message',
            id: `msg_judge_${this.stats.judged}`,
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: judged, annotations: [] }],
          },
        ],
        usage: {
          input_tokens: 1000,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 200,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 1200,
        },
      });
      return;
    }
    const request = { input: this.lastInput, model };
    const text = `For "${request.input}", teams often pick **HubSpot** for its free tier, or Pipedrive for pipelines. See [hubspot.com](https://www.hubspot.com/?utm_source=openai).${this.suffix}`;
    send(200, {
      id: `resp_${this.stats.ok}`,
      object: 'response',
      created_at: 1764300000,
      status: 'completed',
      model: `${request.model}-2026-03-17`,
      error: null,
      incomplete_details: null,
      output: [
        {
          type: 'message',
          id: `msg_${this.stats.ok}`,
          role: 'assistant',
          status: 'completed',
          content: [
            {
              type: 'output_text',
              text,
              annotations: [
                {
                  type: 'url_citation',
                  start_index: text.indexOf('[hubspot'),
                  end_index: text.indexOf('openai).') + 7,
                  url: 'https://www.hubspot.com/?utm_source=openai',
                  title: `HubSpot${this.suffix}`,
                },
              ],
            },
          ],
        },
      ],
      usage: {
        input_tokens: 20,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 40,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 60,
      },
    });
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
