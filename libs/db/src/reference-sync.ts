import type { DeepPartial, ObjectLiteral, Repository } from 'typeorm';
import type { LockKey } from './lock-keys.js';

export interface ReferenceSyncResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows left alone because an administrator has edited them. */
  customized: number;
}

type Curated = ObjectLiteral & { code: string; customizedAt: Date | null };

type Changed<T> = (entity: T, before: Record<string, unknown>, after: Record<string, unknown>) => Promise<void>;

/**
 * Applies curated reference rows to a table keyed by `code`, idempotently: missing rows are inserted, rows an
 * administrator has edited (`customizedAt` set) are left alone, the rest are updated only where a field differs,
 * each such update reported to `onChanged` (for the audit trail).
 */
export class ReferenceSync<T extends Curated> {
  readonly result: ReferenceSyncResult = { inserted: 0, updated: 0, unchanged: 0, customized: 0 };

  private constructor(
    private readonly repository: Repository<T>,
    private readonly byCode: Map<string, T>,
    private readonly onChanged: Changed<T>,
  ) {}

  /**
   * Reads the table under a transaction-scoped advisory lock, so instances starting together on an empty database
   * load it one after another: the second finds the first's rows instead of inserting them again. `repository` must
   * belong to the transaction the rows are written in.
   */
  static async open<T extends Curated>(repository: Repository<T>, lock: LockKey, onChanged: Changed<T>): Promise<ReferenceSync<T>> {
    await repository.manager.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    const byCode = new Map((await repository.find()).map((entity) => [entity.code, entity]));
    return new ReferenceSync(repository, byCode, onChanged);
  }

  /** A row already in the table or applied earlier in this run (parents before children). */
  find(code: string): T | undefined {
    return this.byCode.get(code);
  }

  /** `defaults` fill the columns the reference file does not carry, on insert only. */
  async apply(wanted: Record<string, unknown> & { code: string }, defaults: DeepPartial<T>): Promise<void> {
    const existing = this.byCode.get(wanted.code);
    if (!existing) {
      const created = await this.repository.save(this.repository.create({ ...defaults, ...wanted, customizedAt: null } as DeepPartial<T>));
      this.byCode.set(wanted.code, created as T);
      this.result.inserted++;
      return;
    }
    if (existing.customizedAt) {
      this.result.customized++;
      return;
    }
    const current = existing as Record<string, unknown>;
    if (Object.entries(wanted).every(([key, value]) => current[key] === value)) {
      this.result.unchanged++;
      return;
    }
    const before = Object.fromEntries(Object.keys(wanted).map((key) => [key, current[key]]));
    await this.repository.save(Object.assign(existing, wanted));
    await this.onChanged(existing, before, wanted);
    this.result.updated++;
  }
}
