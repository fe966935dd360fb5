import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'app.json';

/** Tells commands in a second terminal where the running app answers, so the links they print point at it. */
export function announceRunningApp(dataDir: string, url: string): () => void {
  const file = join(dataDir, FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ pid: process.pid, url }));
  } catch {
    return () => undefined; // a read-only DATA_DIR only costs commands the right port in their links
  }
  return () => rmSync(file, { force: true });
}

/** The URL of the app running on `dataDir`, or null when none is (a file left by a killed app is ignored). */
export function runningAppUrl(dataDir: string): string | null {
  try {
    const { pid, url } = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { pid: number; url: string };
    process.kill(pid, 0);
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}
