import { Readable } from 'node:stream';
import { Command } from 'commander';
import pg from 'pg';
import { registerCommands } from '../../apps/api/src/cli/commands.js';
import { createTestDatabase } from './test-database.js';

export interface CliHarness {
  /** A direct connection to the command's database, to check what a command wrote. */
  client: pg.Client;
  /** Runs `npm run cli -- <args>` in this process, with `stdin` as standard input; resolves with what it printed. */
  run(args: string[], stdin?: string): Promise<{ out: string; err: string }>;
  close(): Promise<void>;
}

/** The real command line, against a fresh test database (DATABASE_URL points at it while the harness is open). */
export async function openCliHarness(): Promise<CliHarness> {
  const database = await createTestDatabase();
  const savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();

  return {
    client,
    async run(args, stdin) {
      const out: string[] = [];
      const err: string[] = [];
      const { log, error } = console;
      const realStdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
      console.log = (...parts: unknown[]) => out.push(parts.join(' '));
      console.error = (...parts: unknown[]) => err.push(parts.join(' '));
      if (stdin !== undefined) Object.defineProperty(process, 'stdin', { value: Readable.from([stdin]), configurable: true });
      try {
        const program = new Command().exitOverride();
        registerCommands(program);
        await program.parseAsync(['node', 'cli', ...args]);
      } finally {
        console.log = log;
        console.error = error;
        Object.defineProperty(process, 'stdin', realStdin);
      }
      return { out: out.join('\n'), err: err.join('\n') };
    },
    async close() {
      await client.end();
      if (savedUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = savedUrl;
      await database.drop();
    },
  };
}
