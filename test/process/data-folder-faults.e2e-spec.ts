import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, freePort, npmStart, query, Running } from '../support/app-process.js';

/**
 * `npm start` on the embedded default with a data folder it cannot use: a path through a file, a read-only file
 * system, a disk almost full and one quite full. Each start stops at once with a message naming the folder and the
 * problem and exits 1; the healthy data folder it refused starts afterwards with its data intact. The tests run as
 * root, which file modes do not stop, so the faults are real ones: a small tmpfs mounted for the test (remounted
 * read-only, filled up).
 */
const MOUNT_SIZE_MB = 200;

describe('the embedded data folder on a read-only or full disk', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'arshjulet-folder-faults-'));
  const mountPoint = join(scratch, 'disk');
  const dataDir = join(mountPoint, 'data');
  const filler = join(mountPoint, 'filler');
  const started: Running[] = [];
  let mounted = false;

  const mount = (...options: string[]): void => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', [`size=${MOUNT_SIZE_MB}m`, 'mode=0755', ...options].join(','), 'tmpfs', mountPoint]);
  };
  const remount = (mode: 'ro' | 'rw'): void => {
    execFileSync('mount', ['-o', `remount,${mode}`, mountPoint]);
  };

  /** Starts `npm start` and resolves with its exit code and output, for starts that are meant to fail. */
  const refusedStart = async (folder: string): Promise<{ code: number | null; output: string }> => {
    const app = npmStart(folder, await freePort());
    started.push(app);
    const code = await app.exited;
    return { code, output: app.output() };
  };

  /** Starts `npm start` on the folder until it serves; returns it with its PostgreSQL port. */
  const healthyStart = async (): Promise<{ app: Running; pgPort: number }> => {
    const port = await freePort();
    const app = npmStart(dataDir, port);
    started.push(app);
    const [, pgPort] = await app.waitFor(/Embedded PostgreSQL on port (\d+)/);
    await app.waitFor(/Årshjulet is running at/);
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    return { app, pgPort: Number(pgPort) };
  };

  const stop = async (app: Running): Promise<void> => {
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  };

  /** Fills the disk until `leaveBytes` are left (0: until it refuses another byte). */
  const fill = (leaveBytes: number): void => {
    const chunk = Buffer.alloc(1024 * 1024, 1);
    const fd = openSync(filler, 'a');
    try {
      for (;;) {
        const { bavail, bsize } = statfsSync(mountPoint);
        const room = bavail * bsize - leaveBytes;
        if (room <= 0) return;
        writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(room, 4096)));
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      closeSync(fd);
    }
  };

  beforeAll(() => {
    buildDist();
    // As root the embedded server runs as `postgres`, which must reach the folder through its parents.
    chmodSync(scratch, 0o755);
    mkdirSync(mountPoint);
    mount();
    mounted = true;
  }, 300_000);

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    // A server orphaned by a failed test would keep the mount busy: stop it before unmounting.
    const pid = (() => {
      try {
        return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return 0;
      }
    })();
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
      await new Promise((done) => setTimeout(done, 1000));
    }
    if (mounted) execFileSync('umount', ['-l', mountPoint]);
    rmSync(scratch, { recursive: true, force: true });
  }, 120_000);

  it('refuses a data folder whose path runs through a file, and names it', async () => {
    const file = join(scratch, 'inte-en-mapp');
    writeFileSync(file, 'orörd');
    const folder = join(file, 'data');
    const { code, output } = await refusedStart(folder);
    expect(code).toBe(1);
    expect(output).toContain('Årshjulet cannot start.');
    expect(output).toContain(`The data folder ${folder} cannot be used`);
    expect(output).toContain('ENOTDIR');
    expect(output).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('orörd');
  }, 300_000);

  it('refuses a read-only, an almost full and a full disk with a clear message, and the folder starts with its data afterwards', async () => {
    const healthy = await healthyStart();
    await query(dataDir, healthy.pgPort, `INSERT INTO org_unit (type, code, name, active, version) VALUES ('local_area', 'LA-DISK', 'Diskområdet', true, 1)`);
    await stop(healthy.app);

    remount('ro');
    try {
      const readOnly = await refusedStart(dataDir);
      expect(readOnly.code).toBe(1);
      expect(readOnly.output).toContain('Årshjulet cannot start.');
      expect(readOnly.output).toContain(`The data folder ${dataDir} is on a read-only file system (EROFS)`);
    } finally {
      remount('rw');
    }

    fill(16 * 1024 * 1024);
    const almostFull = await refusedStart(dataDir);
    expect(almostFull.code).toBe(1);
    expect(almostFull.output).toContain('Årshjulet cannot start.');
    expect(almostFull.output).toMatch(new RegExp(`The disk holding the data folder ${dataDir} is almost full: \\d+ MB free`));

    fill(0);
    const full = await refusedStart(dataDir);
    expect(full.code).toBe(1);
    expect(full.output).toContain('Årshjulet cannot start.');
    expect(full.output).toContain(`The disk holding the data folder ${dataDir} is full (ENOSPC)`);
    for (const refused of [almostFull, full]) expect(refused.output).not.toMatch(/\n\s+at /);

    rmSync(filler);
    const again = await healthyStart();
    expect(await query(dataDir, again.pgPort, `SELECT name FROM org_unit WHERE code = 'LA-DISK'`)).toEqual([{ name: 'Diskområdet' }]);
    await stop(again.app);
  }, 600_000);
});
