/**
 * `citewatch demo`: the whole product in one command. Migrates the database, creates a demo
 * organization and workspace (an own brand, four competitors, six prompts in English and French,
 * two mock configurations at different temperatures), runs the audit with five samples per pair
 * (then records a change event and runs it again, to print the event's impact) through the real
 * queues and a real worker, prints the report, runs the first configuration beside a mock ChatGPT
 * app and prints the app-versus-API gap, then runs a last audit with adaptive sampling
 * (±10 points) and prints the precision each pair reached and the answers saved, and a sign-in for
 * the dashboard.
 */
import { randomBytes } from 'node:crypto';
import { createDeps } from '../deps.js';
import { loadEnv, publicBaseUrl } from '../config/env.js';
import type { Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../lib/logger.js';
import { migrationsDir } from '../lib/paths.js';
import { type Auth, createAuth } from '../modules/accounts/accounts.auth.js';
import { findUserIdByEmail } from '../modules/accounts/accounts.repo.js';
import { createPasswordAccount, setPassword } from '../modules/accounts/accounts.service.js';
import { ephemeralSecret } from '../modules/accounts/accounts.tokens.js';
import { createApiKey } from '../modules/api-keys/api-keys.service.js';
import { insertMembership } from '../modules/members/members.repo.js';
import { createAudit } from '../modules/audits/audits.service.js';
import { createBrand } from '../modules/brands/brands.service.js';
import { createEvent } from '../modules/events/events.service.js';
import { createModelConfig } from '../modules/model-configs/model-configs.service.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import { egressPolicy } from '../providers/egress.js';
import { createPrompt } from '../modules/prompts/prompts.service.js';
import { findRun } from '../modules/runs/runs.repo.js';
import { getRunPrecision, startRun, toRunDto, type RunsDeps } from '../modules/runs/runs.service.js';
import { createWorkspace } from '../modules/workspaces/workspaces.service.js';
import { parseCommandArgs, UsageError, type CliIo } from './io.js';
import { printAppGap, printImpact, printReport, printSentimentExamples } from './report-table.js';
import { spawnWorker } from './spawn-worker.js';

export const DEMO_BRANDS = [
  { name: 'Nimbus CRM', aliases: ['Nimbus'], domains: ['nimbuscrm.com'], kind: 'own' as const },
  { name: 'Salesforce', aliases: [], domains: ['salesforce.com'], kind: 'competitor' as const },
  { name: 'HubSpot', aliases: ['HubSpot CRM'], domains: ['hubspot.com'], kind: 'competitor' as const },
  { name: 'Pipedrive', aliases: [], domains: ['pipedrive.com'], kind: 'competitor' as const },
  { name: 'Zoho CRM', aliases: ['Zoho'], domains: ['zoho.com', 'zohocrm.com'], kind: 'competitor' as const },
];

export const DEMO_PROMPTS = [
  { text: 'What is the best CRM for a 10-person startup?', locale: 'en-US', tags: ['crm', 'startup'] },
  {
    text: 'Which CRM has the best email integrations for a sales team?',
    locale: 'en-US',
    tags: ['crm', 'integrations'],
  },
  { text: 'Compare the most affordable CRM tools for small businesses.', locale: 'en-GB', tags: ['crm', 'pricing'] },
  { text: 'Quel est le meilleur CRM pour une PME en France ?', locale: 'fr-FR', tags: ['crm', 'pme'] },
  {
    text: 'Quel logiciel CRM recommandez-vous pour une équipe commerciale de 20 personnes ?',
    locale: 'fr-FR',
    tags: ['crm', 'sales'],
  },
  {
    text: 'Quels CRM offrent le meilleur rapport qualité-prix pour une startup ?',
    locale: 'fr-FR',
    tags: ['crm', 'pricing'],
  },
];

export const DEMO_CONFIGS = [
  {
    name: 'Mock assistant, temperature 0.2',
    provider: 'mock',
    model: 'mock-assistant-1',
    params: { temperature: 0.2, webSearch: true },
  },
  {
    name: 'Mock assistant, temperature 1.0',
    provider: 'mock',
    model: 'mock-assistant-1',
    params: { temperature: 1.0, webSearch: true },
  },
];

export const DEMO_SAMPLES = 5;

/**
 * The app surface the gap report compares with: the mock ChatGPT app, asked the same prompts as the
 * first mock configuration (mock API configurations stand for ChatGPT in the pairing rule).
 */
export const DEMO_APP_CONFIG = {
  name: 'Mock ChatGPT app',
  provider: 'mock_app',
  model: 'chatgpt',
  params: { webSearch: true },
};

/** The demo's adaptive audit: each pair's own-brand mention rate to ±10 points, 20 to 120 answers. */
export const DEMO_ADAPTIVE = {
  mode: 'adaptive' as const,
  halfWidth: 10,
  minSamples: 20,
  maxSamples: 120,
  waveSize: 20,
};

/** The demo's person: owner of every demo organization, with a new password at each demo run. */
export const DEMO_EMAIL = 'demo@citewatch.local';

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    verbose: { type: 'boolean' },
    'timeout-seconds': { type: 'string' },
  });
  if (positionals.length)
    throw new UsageError(`unexpected argument "${positionals[0]}": citewatch demo [--verbose] [--timeout-seconds N]`);
  const timeoutMs = Number(values['timeout-seconds'] ?? 120) * 1_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError('--timeout-seconds must be a positive number');
  const started = Date.now();
  const env = loadEnv();
  const say = (line: string) => io.stdout.write(`${line}\n`);

  const dbUrl = new URL(env.DATABASE_URL);
  say(`Citewatch demo — Postgres ${dbUrl.host}${dbUrl.pathname}, Redis ${new URL(env.REDIS_URL).host}`);
  const migrated = await migrate({ databaseUrl: env.DATABASE_URL, migrationsDir: migrationsDir() });
  say(
    `• database ready (${migrated.applied.length} migration(s) applied, ${migrated.alreadyApplied.length} already there)`,
  );

  const logger = createLogger({ level: values.verbose ? 'info' : 'warn', name: 'demo' });
  const deps = createDeps({ env, logger, role: 'api', applicationName: 'citewatch-demo' });
  const worker = spawnWorker({ LOG_LEVEL: values.verbose ? 'info' : 'warn' });
  try {
    const { prisma } = deps.db;
    const org = await createOrganization(prisma, 'Citewatch demo');
    const ws = await createWorkspace({ prisma, pool: deps.db.pool }, org.id, {
      name: 'Nimbus CRM — demo',
      timezone: 'Europe/Paris',
    });
    for (const b of DEMO_BRANDS)
      await createBrand({ prisma, pool: deps.db.pool }, org.id, ws.id, { ...b, caseSensitive: false });
    for (const p of DEMO_PROMPTS) await createPrompt({ prisma, pool: deps.db.pool }, org.id, ws.id, p);
    const configs = [];
    for (const c of DEMO_CONFIGS)
      configs.push(
        await createModelConfig({ prisma, pool: deps.db.pool, egress: egressPolicy(env) }, org.id, ws.id, c),
      );
    const audit = await createAudit({ prisma, pool: deps.db.pool }, org.id, ws.id, {
      name: 'CRM visibility (demo)',
      promptIds: [],
      promptTags: ['crm'],
      modelConfigIds: configs.map((c) => c.id),
      samplesPerPair: DEMO_SAMPLES,
      schedule: null,
      timezone: 'Europe/Paris',
      enabled: true,
      budgetPerRunUsd: null,
      budgetPerMonthUsd: null,
      judgeModelConfigId: null,
    });
    say(
      `• workspace ${ws.id}: ${DEMO_BRANDS.length} brands, ${DEMO_PROMPTS.length} prompts (en, fr), ${configs.length} configurations`,
    );

    /** Follows a run: every change of its progress, or (`waves`) only when a wave is added. */
    const waitForRun = async (runId: string, waves = false) => {
      let last = '';
      let lastTotal = -1;
      for (;;) {
        const row = await findRun(deps.db.pool, ws.id, runId);
        const dto = toRunDto(row as NonNullable<typeof row>);
        const line = `  ${dto.progress.succeeded + dto.progress.failed}/${dto.progress.total} answered, ${dto.progress.analyzed} analysed`;
        if (waves ? dto.progress.total !== lastTotal : line !== last) {
          say(waves ? `  ${dto.progress.total} answers asked for so far` : line);
          last = line;
          lastTotal = dto.progress.total;
        }
        if (dto.finishedAt) {
          say(
            `• run ${dto.status} in ${((Date.parse(dto.finishedAt) - Date.parse(dto.createdAt)) / 1000).toFixed(1)} s (${dto.progress.failed} failed)`,
          );
          return;
        }
        if (Date.now() - started > timeoutMs) throw new Error(`the run did not finish within ${timeoutMs / 1000} s`);
        await Promise.race([new Promise((r) => setTimeout(r, 100)), worker.exited]);
      }
    };
    /** Starts a run of an audit and waits for it, printing its progress. */
    const runAudit = async (auditId: string) => {
      const run = await startRun(deps, org.id, ws.id, { auditId }, 'manual');
      say(`• run ${run.id}: ${run.progress.total} answers to collect through the queue and a worker process…`);
      await waitForRun(run.id);
      return run;
    };
    const run = await runAudit(audit.id);

    // A change between two runs, and its impact: the pricing prompts are the ones the event should
    // move. The mock assistant answers a question the same way for the same seed, where a real one
    // varies between runs, so the run after the event asks configurations with another seed.
    const event = await createEvent({ prisma, pool: deps.db.pool }, org.id, ws.id, {
      kind: 'content_published',
      occurredAt: new Date().toISOString(),
      title: 'Pricing comparison page published',
      promptIds: [],
      promptTags: ['pricing'],
    });
    say(`• event ${event.id}: “${event.title}”, affecting the prompts tagged pricing; a second run follows`);
    const after = [];
    for (const c of DEMO_CONFIGS)
      after.push(
        await createModelConfig({ prisma, pool: deps.db.pool, egress: egressPolicy(env) }, org.id, ws.id, {
          ...c,
          name: `${c.name}, seed 2`,
          params: { ...c.params, seed: 2 },
        }),
      );
    const afterAudit = await createAudit({ prisma, pool: deps.db.pool }, org.id, ws.id, {
      name: 'CRM visibility after the change (demo)',
      promptIds: [],
      promptTags: ['crm'],
      modelConfigIds: after.map((c) => c.id),
      samplesPerPair: DEMO_SAMPLES,
      schedule: null,
      timezone: 'Europe/Paris',
      enabled: true,
      budgetPerRunUsd: null,
      budgetPerMonthUsd: null,
      judgeModelConfigId: null,
    });
    await runAudit(afterAudit.id);
    say('');
    await printImpact({ db: deps.db }, org.id, ws.id, event.id, say);

    say('');
    await printReport({ db: deps.db }, org.id, ws.id, run.id, say);
    say('');
    await printSentimentExamples({ db: deps.db }, ws.id, run.id, say);
    say('');

    // The app surface: the mock ChatGPT app beside the first mock configuration, on the same prompts.
    const app = await createModelConfig(
      { prisma, pool: deps.db.pool, egress: egressPolicy(env) },
      org.id,
      ws.id,
      DEMO_APP_CONFIG,
    );
    const gapAudit = await createAudit({ prisma, pool: deps.db.pool }, org.id, ws.id, {
      name: 'CRM, API and app (demo)',
      promptIds: [],
      promptTags: ['crm'],
      modelConfigIds: [(configs[0] as { id: string }).id, app.id],
      samplesPerPair: DEMO_SAMPLES,
      schedule: null,
      timezone: 'Europe/Paris',
      enabled: true,
      budgetPerRunUsd: null,
      budgetPerMonthUsd: null,
      judgeModelConfigId: null,
    });
    say('• the first configuration again beside the mock ChatGPT app, for the app-versus-API gap');
    const gapRun = await runAudit(gapAudit.id);
    say('');
    await printAppGap({ db: deps.db }, org.id, ws.id, gapRun.id, say);
    say('');

    // The same prompts and configurations, asked for a precision instead of a count.
    const adaptive = await createAudit({ prisma, pool: deps.db.pool }, org.id, ws.id, {
      name: 'CRM visibility, ±10 points (demo)',
      promptIds: [],
      promptTags: ['crm'],
      modelConfigIds: configs.map((c) => c.id),
      sampling: DEMO_ADAPTIVE,
      schedule: null,
      timezone: 'Europe/Paris',
      enabled: true,
      budgetPerRunUsd: null,
      budgetPerMonthUsd: null,
      judgeModelConfigId: null,
    });
    const adaptiveRun = await startRun(deps, org.id, ws.id, { auditId: adaptive.id }, 'manual');
    say(
      `• adaptive run ${adaptiveRun.id}: Nimbus CRM's mention rate per prompt × configuration to ±${DEMO_ADAPTIVE.halfWidth} points, ${DEMO_ADAPTIVE.minSamples} to ${DEMO_ADAPTIVE.maxSamples} answers each, in waves of ${DEMO_ADAPTIVE.waveSize}…`,
    );
    await waitForRun(adaptiveRun.id, true);
    say('');
    await printPrecision(deps, org.id, ws.id, adaptiveRun.id, say);
    say('');
    say(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s. The data stays in the database; this command started no API server.`,
    );
    const auth = createAuth({
      prisma,
      logger,
      // The demo sends no email: the account is made verified, and nobody asks for a reset here.
      mail: { verifyEmail: async () => {}, resetPassword: async () => {} },
      settings: {
        secret: env.AUTH_SECRET ?? ephemeralSecret(),
        links: { publicBaseUrl: publicBaseUrl(env) },
        secureCookies: false,
        idleSeconds: env.SESSION_IDLE_MINUTES * 60,
        trustedOrigins: [],
      },
    });
    await printNextSteps(
      { db: deps.db, auth },
      { organizationId: org.id, workspaceId: ws.id, runId: run.id, port: env.PORT },
      say,
    );
    return 0;
  } finally {
    await worker.stop();
    await deps.close();
  }
}

/**
 * The demo's last lines: how to read its report over HTTP and open the dashboard, with a key made
 * for them (read only, so the key left behind in the database can do no more than that) and a
 * sign-in: the demo person, owner of the demo organization, whose password is set anew here.
 */
export async function printNextSteps(
  deps: { db: Pick<Database, 'prisma' | 'pool'>; auth: Auth },
  demo: { organizationId: string; workspaceId: string; runId: string; port: number },
  say: (line: string) => void,
): Promise<void> {
  const password = await demoSignIn(deps, demo.organizationId);
  const { key } = await createApiKey(deps.db.prisma, {
    organizationId: demo.organizationId,
    name: 'demo (read only)',
    scopes: ['read'],
  });
  // The demo stops its worker and exits: the API is not left running, so say how to start it.
  const api = `http://localhost:${demo.port}`;
  say(`Start the API with "npm start", then read the same report over HTTP:`);
  say(
    `  curl -H "Authorization: Bearer ${key}" "${api}/v1/workspaces/${demo.workspaceId}/reports/visibility?runId=${demo.runId}"`,
  );
  say(`API reference: ${api}/docs`);
  say('');
  say(`Dashboard (after "npm start"): ${api}/dashboard/`);
  say('Sign in there as the demo organization’s owner (a new password at each demo run):');
  say(`  email:    ${DEMO_EMAIL}`);
  say(`  password: ${password}`);
  say(`Demo API key (read only; shown once, paste it into the dashboard): ${key}`);
}

/**
 * Makes the demo person owner of the demo organization (creating the account the first time) and
 * gives them a new password, returned to be printed once. Earlier demo organizations keep them as
 * owner too.
 */
async function demoSignIn(deps: { db: Pick<Database, 'pool'>; auth: Auth }, organizationId: string): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  let userId = await findUserIdByEmail(deps.db.pool, DEMO_EMAIL);
  if (userId) await setPassword(deps.auth, userId, password);
  else
    userId = (
      await createPasswordAccount(deps.auth, { email: DEMO_EMAIL, name: 'Demo', password, emailVerified: true })
    ).id;
  await insertMembership(deps.db.pool, { organizationId, userId, role: 'owner' });
  return password;
}

/** The precision an adaptive run reached per prompt × configuration, and the answers it saved. */
export async function printPrecision(
  deps: RunsDeps,
  orgId: string,
  workspaceId: string,
  runId: string,
  say: (line: string) => void,
): Promise<void> {
  const p = await getRunPrecision(deps, orgId, workspaceId, runId);
  if (p.sampling.mode !== 'adaptive') return;
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(4);
  say(`Precision reached (own brand's mention rate, 95% interval valid although each pair stopped on its own data):`);
  say(`  ${'prompt'.padEnd(42)} ${'configuration'.padEnd(32)} rate  interval    ±pts  answers  stopped`);
  for (const c of p.cells) {
    const prompt = c.promptText.length > 40 ? `${c.promptText.slice(0, 39)}…` : c.promptText;
    say(
      `  ${prompt.padEnd(42)} ${c.modelConfigName.padEnd(32)} ${c.mentionRate === null ? '   –' : pct(c.mentionRate)}  ${
        c.interval ? `${pct(c.interval.low)}–${pct(c.interval.high)}` : '–'.padEnd(9)
      }  ${(c.halfWidth ?? 0).toFixed(1).padStart(4)}  ${String(c.answers ?? 0).padStart(7)}  ${c.stopReason ?? 'sampling'}`,
    );
  }
  const s = p.summary;
  say(
    `${s.reachedTarget} of ${s.cells} pairs within ±${p.sampling.halfWidth} points; ${s.calls} answers asked for, against ${s.fixedDesignCalls} for the fixed design of the same worst-case precision (${p.sampling.fixedDesignSamples} per pair): ${
      s.samplesSaved >= 0 ? `${s.samplesSaved} saved` : `${-s.samplesSaved} more`
    }${s.ratio === null ? '' : `, ${s.ratio.toFixed(2)}x fewer`}.`,
  );
}
