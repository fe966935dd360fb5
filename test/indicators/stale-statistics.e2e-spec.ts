import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@arshjulet/core';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';
import { upload } from './indicator-fixtures.js';

/**
 * Far below what the old duplicate check needed as a nested loop on stale statistics (over 90 s for 100 000 rows),
 * far above what a linear plan needs here. Cancelling a waiting statement must beat it by a wide margin.
 */
const STATEMENT_TIMEOUT_SECONDS = 20;
const CANCEL_WAIT_MS = 8_000;

describe('large previews whatever the planner statistics say, and work stopped when the client hangs up', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let municipalities: string[];
  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_SECONDS: String(STATEMENT_TIMEOUT_SECONDS) });
    coordinator = await t.userWith(Role.CountyCoordinator);
    municipalities = ((await coordinator.api.get('/api/v1/org-units?type=municipality').expect(200)).body as Array<{ code: string }>).map((u) => u.code);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A header and `count` distinct SIP02 values, one a line. */
  function csv(count: number, firstYear = 2000): string[] {
    const lines = ['indikator;enhet;period;värde;uppdelning'];
    for (let year = firstYear; lines.length <= count; year++) {
      for (let month = 1; month <= 12 && lines.length <= count; month++) {
        for (const unit of municipalities) {
          for (const breakdown of ['a', 'b']) {
            if (lines.length <= count) lines.push(`SIP02;${unit};${year}-${String(month).padStart(2, '0')};${month};${breakdown}`);
          }
        }
      }
    }
    return lines;
  }

  async function stagedRows(): Promise<number> {
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM indicator_import_row');
    return n;
  }

  async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, boundMs: number): Promise<T> {
    const until = Date.now() + boundMs;
    let value = await read();
    while (!done(value) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      value = await read();
    }
    return value;
  }

  /** A multipart upload on a raw socket: sent in parts, or dropped halfway, as a real client may. */
  async function rawUpload(): Promise<{ send(text: string): void; end(text: string): void; hangUp(): void; response: Promise<{ status: number; body: string }> }> {
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = `grans${Date.now()}`;
    const request = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/api/v1/indicator-imports',
      headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (answer) => {
        let body = '';
        answer.setEncoding('utf8').on('data', (part: string) => (body += part)).on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    response.catch(() => undefined);
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    return {
      send: (text) => request.write(text),
      end: (text) => request.end(`${text}\r\n--${boundary}--\r\n`),
      hangUp: () => request.destroy(),
      response,
    };
  }

  it('previews 100 001 rows, a far duplicate among them, when the staging table was last analysed empty', async () => {
    expect(await stagedRows()).toBe(0);
    await t.dataSource.query('ANALYZE indicator_import_row');
    const [{ reltuples }] = await t.dataSource.query(`SELECT reltuples FROM pg_class WHERE relname = 'indicator_import_row'`);
    expect(Number(reltuples)).toBeLessThanOrEqual(0);
    const lines = csv(100_001);
    lines.push(lines[1]!);

    const preview = await upload(coordinator.api, lines.join('\n'), 'stor.csv').expect(201);

    expect(preview.body).toMatchObject({ rowCount: 100_002, insertCount: 100_001, updateCount: 0, unchangedCount: 0, rejectedCount: 1 });
    expect(preview.body.rejectedRows[0]).toMatchObject({ line: 100_003, errors: [{ field: 'row', message: 'Samma indikator, enhet, period och uppdelning finns redan på rad 2.' }] });
    await coordinator.api.post(`/api/v1/indicator-imports/${preview.body.id}/discard`).expect(200);
  }, 180_000);

  it('keeps no transaction open while the upload is still arriving: the first rows are committed before the rest is sent', async () => {
    const lines = csv(20_000, 1950);
    const client = await rawUpload();
    client.send(`${lines.slice(0, 12_000).join('\n')}\n`);

    // Visible from another connection only once committed: staging does not wait for the rest of the file in a transaction.
    expect(await pollUntil(stagedRows, (n) => n > 0, 30_000)).toBeGreaterThan(0);
    const [{ open }] = await t.dataSource.query(
      `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open).toBe(0);

    client.end(lines.slice(12_000).join('\n'));
    const answer = await client.response;
    expect(answer.status).toBe(201);
    const body = JSON.parse(answer.body) as { id: string; rowCount: number; insertCount: number };
    expect(body).toMatchObject({ rowCount: 20_000, insertCount: 20_000 });
    await coordinator.api.post(`/api/v1/indicator-imports/${body.id}/discard`).expect(200);
    expect(await stagedRows()).toBe(0);
  }, 120_000);

  it('cancels the statement of a client that hangs up, and leaves neither staged rows nor a batch', async () => {
    const [{ batches }] = await t.dataSource.query('SELECT count(*)::int AS batches FROM import_batch');
    // Another session holds a lock the preview's ANALYZE needs (COPY does not): the preview stages, then waits there.
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query('LOCK TABLE indicator_import_row IN SHARE UPDATE EXCLUSIVE MODE');
      const client = await rawUpload();
      client.end(csv(20_000, 1900).join('\n'));
      const waiting = () => t.dataSource.query(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND query LIKE 'ANALYZE indicator_import_row%'`,
      ) as Promise<unknown[]>;
      expect(await pollUntil(waiting, (rows) => rows.length > 0, 60_000)).toHaveLength(1);

      client.hangUp();

      // Without a cancel the ANALYZE would wait for the lock until the statement timeout, far beyond this wait.
      expect(await pollUntil(waiting, (rows) => rows.length === 0, CANCEL_WAIT_MS)).toEqual([]);
      expect(await pollUntil(stagedRows, (n) => n === 0, CANCEL_WAIT_MS)).toBe(0);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    const [{ after }] = await t.dataSource.query('SELECT count(*)::int AS after FROM import_batch');
    expect(after).toBe(batches);
  }, 120_000);
});
