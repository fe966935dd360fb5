import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { SmtpInbox } from '../support/smtp-inbox.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The real app process delivering mail through a slow SMTP server is killed with SIGKILL mid-delivery. After a
 * restart every message arrives: none is lost. Delivery is at-least-once, so the one message in flight at the
 * kill (sent, but not yet marked sent) may arrive twice; no other does.
 */
const root = join(import.meta.dirname, '..', '..');
const main = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
const MESSAGES = 12;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, running: Running, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`app exited early:\n${running.output()}`);
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what}: not within ${ms / 1000} s:\n${running.output()}`);
}

describe('kill -9 while mail is being delivered', () => {
  let inbox: SmtpInbox;
  let database: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  const started: Running[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
    inbox = await SmtpInbox.start();
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    await client.end();
    await database.drop();
    await inbox.close();
  });

  const start = async (): Promise<Running> => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env, DATABASE_URL: database.url, PORT: String(port), NODE_ENV: 'development', SEED_DEMO: 'false', LOG_LEVEL: 'warn', LOG_PRETTY: 'false',
      SMTP_URL: inbox.url, OUTBOX_WORKER: 'true', OUTBOX_POLL_SECONDS: '0.1', OUTBOX_LEASE_SECONDS: '2', SCHEDULER: 'false',
    };
    const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const running = { child, output: () => output, exited: new Promise<number | null>((done) => child.on('exit', (code) => done(code))) };
    started.push(running);
    return running;
  };

  it('loses no message: after a restart the rest go out, and only the one in flight may come twice', async () => {
    const run = randomUUID();
    const addresses = Array.from({ length: MESSAGES }, (_, i) => `krasch.${i}.${run}@test.se`);
    for (const address of addresses) {
      await client.query(
        `INSERT INTO outbox_message (channel, kind, recipient, subject, body) VALUES ('email', 'test.crash', $1, 'Påminnelse', 'Hej!')`,
        [address],
      );
    }
    const arrived = () => addresses.filter((address) => inbox.to(address).length > 0).length;
    inbox.delayMs = 300;

    const first = await start();
    await waitFor('the first three mails', () => arrived() >= 3, first);
    first.child.kill('SIGKILL');
    await first.exited;
    const beforeRestart = arrived();
    expect(beforeRestart).toBeLessThan(MESSAGES);

    inbox.delayMs = 0;
    const second = await start();
    await waitFor('every mail', () => arrived() === MESSAGES, second);
    await waitFor('every row marked sent', async () => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'test.crash' AND status = 'sent'`);
      return rows[0].n === MESSAGES;
    }, second);

    const copies = addresses.map((address) => inbox.to(address).length);
    expect(copies.every((n) => n >= 1)).toBe(true);
    expect(copies.filter((n) => n > 1).length).toBeLessThanOrEqual(1);
    expect(Math.max(...copies)).toBeLessThanOrEqual(2);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
