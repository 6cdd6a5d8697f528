import { defineConfig } from 'vitest/config';

// Two projects: unit tests are pure and run fully in parallel; integration tests share one
// migrated Postgres database (created by the global setup) and isolate themselves with their own
// organizations and Redis key prefixes.
export default defineConfig({
  test: {
    // Integration files mostly wait on Postgres, Redis, child processes and Chromium, so two run at
    // once (the default would be one: CPUs - 1). Three at once was faster on a quick 2-core machine,
    // but on a slower one each full run had a test time out behind the others' load (a page's list
    // request, a rate-limit window, a recovery sweep). Each worker has its own copy of the test
    // database (test/helpers/global-setup.ts) and each file its own Redis prefix.
    maxWorkers: 2,
    // oidc-provider, the OpenID Connect provider the single sign-on tests start, prints at import
    // that it supports Node 22 and later; Citewatch runs on Node 20, where those tests pass.
    onConsoleLog: (log) => !log.startsWith('oidc-provider WARNING: Unsupported runtime'),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A timeout catches a hang, not slowness: the calibration tests take about a second alone
          // and ran past the default 5 s once, beside the integration files on two busy cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          // A hang detector: browser files wait up to two minutes for a page (PAGE_WAIT_MS).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll waits on a page or a queue, not on a clock: its default of 1 s ran out under
          // the whole suite's load (a runs page still showing "…" for its judge agreement). A poll
          // that succeeds returns at once; only a failing one waits the 30 s.
          expect: { poll: { timeout: 30_000 } },
          pool: 'forks',
          // A worker process keeps the modules it loaded from one file to the next: loading the app
          // (fastify, Prisma, better-auth, the provider SDKs: some 1,700 modules) took more time
          // than most files' tests. Measured on 15 API files under load: 267 s instead of 508 s.
          // Files stay independent through their own organizations, Redis prefixes and processes;
          // module-level state in src/ is limited to caches of pure results.
          isolate: false,
        },
      },
    ],
  },
});
