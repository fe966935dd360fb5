import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Room the embedded PostgreSQL needs to start safely: a new cluster (initdb, migrations, reference data) takes some
 * 50 MB, and a running one writes WAL in 16 MB segments before it checkpoints.
 */
export const MIN_FREE_MEGABYTES = 64;

const LEFT_AS_IT_WAS = 'Nothing in the folder was changed.';

/**
 * Whether the embedded default can use `dataDir`: the folder is made if missing, a small file is written and removed
 * (a read-only mount, missing rights, a file in the path or a full disk all show here, whoever runs the app, root
 * included), and with `needRoom` the disk must have MIN_FREE_MEGABYTES left. Null when it can; otherwise a message for
 * the person starting the app that names the folder and the problem.
 */
export function dataFolderRefusal(dataDir: string, needRoom: boolean): string | null {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-check.${process.pid}`);
    try {
      writeFileSync(probe, Buffer.alloc(8192));
    } finally {
      rmSync(probe, { force: true });
    }
  } catch (error) {
    const problem = dataFolderProblem(dataDir, error);
    if (problem) return problem;
    throw error;
  }
  if (!needRoom) return null;
  const { bavail, bsize } = statfsSync(dataDir);
  const freeMegabytes = Math.floor((bavail * bsize) / (1024 * 1024));
  if (freeMegabytes >= MIN_FREE_MEGABYTES) return null;
  return (
    `The disk holding the data folder ${dataDir} is almost full: ${freeMegabytes} MB free, and the embedded PostgreSQL ` +
    `needs at least ${MIN_FREE_MEGABYTES} MB to start safely. Free some space there, or set DATA_DIR to a folder on a ` +
    `disk with room. ${LEFT_AS_IT_WAS}`
  );
}

/** A clear message for a file-system error met while using `dataDir`; null for any other error. */
export function dataFolderProblem(dataDir: string, error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk holding the data folder ${dataDir} is full (${code}). Free some space there, or set DATA_DIR to a folder on a disk with room. ${LEFT_AS_IT_WAS}`;
    case 'EROFS':
      return `The data folder ${dataDir} is on a read-only file system (EROFS), and Årshjulet must write there. Make it writable, or set DATA_DIR to a writable folder. ${LEFT_AS_IT_WAS}`;
    case 'EACCES':
    case 'EPERM':
      return `Årshjulet may not write in the data folder ${dataDir} (${code}). Give the user running it write access (owner, mode, or an immutable flag set with chattr), or set DATA_DIR to a folder it may write to. ${LEFT_AS_IT_WAS}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `The data folder ${dataDir} cannot be used: it or a folder above it is a file (${code}). Set DATA_DIR to a folder.`;
    default:
      return null;
  }
}

/**
 * A full or read-only disk as PostgreSQL's own log words it (initdb or the server failing on the folder). Rights are
 * left to the up-front check: "Permission denied" in its log may be about something else than the folder.
 */
export function dataFolderProblemInLog(dataDir: string, log: string): string | null {
  if (/No space left on device|Disk quota exceeded/i.test(log)) return dataFolderProblem(dataDir, { code: 'ENOSPC' });
  if (/Read-only file system/i.test(log)) return dataFolderProblem(dataDir, { code: 'EROFS' });
  return null;
}
