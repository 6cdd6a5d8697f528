/**
 * The `citewatch` command. Each command lives in src/cli/<command>.ts and returns an exit code:
 * 0 done, 1 failed, 2 called wrongly (one clear line on stderr).
 */
import { ConfigError, loadDotEnv } from './config/env.js';
import { UsageError, type CliIo } from './cli/io.js';

const USAGE = `Usage: citewatch <command> [options]

Commands:
  demo                                   Set up a demo workspace, run a whole audit with the mock provider, print the report
  migrate                                Apply database migrations (creates the database if needed)
  analyze --brands FILE [--provider P] FILE|-
                                         Analyse one answer; print its mentions and citations as JSON
  orgs create --name NAME                Create an organization
  keys create --org ID [--name N] [--scopes read,write,admin] [--expires-in-days N]
                                         Create an API key (printed once)
  users invite --org ID --email E --role owner|admin|editor|viewer|client [--workspace ID …]
                                         Invite someone; prints the invitation link (no email is sent)
  users list --org ID                    List an organization's members and their roles
  runs start --workspace ID --audit ID [--wait]
                                         Start a run of an audit now
  mcp                                    Serve Citewatch's tools over the Model Context Protocol on stdio,
                                         calling the API at CITEWATCH_API_URL with CITEWATCH_API_KEY

Configuration comes from the environment (and a .env file if present); see .env.example.`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./cli/demo.js')).demoCommand,
  migrate: async () => (await import('./cli/migrate.js')).migrateCommand,
  analyze: async () => (await import('./cli/analyze.js')).analyzeCommand,
  orgs: async () => (await import('./cli/admin.js')).orgsCommand,
  keys: async () => (await import('./cli/admin.js')).keysCommand,
  users: async () => (await import('./cli/users.js')).usersCommand,
  runs: async () => (await import('./cli/runs.js')).runsCommand,
  mcp: async () => (await import('./cli/mcp.js')).mcpCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`citewatch: unknown command "${name}". Run "citewatch --help" for the list.\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`citewatch ${name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`citewatch ${name}: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`citewatch ${name} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** Entry used by bin/citewatch.js: loads .env, runs the command, sets the exit code. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  loadDotEnv();
  process.exitCode = await runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
}
