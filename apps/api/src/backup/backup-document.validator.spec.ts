import { createHash } from 'node:crypto';
import { validateBackupDocument } from './backup-document.validator.js';
import { BACKUP_TABLES, canonicalJson, documentKey, hashKey, type ColumnKind, type CycleBackupDocument } from './cycle-backup.format.js';

const CYCLE = '11111111-1111-4111-8111-111111111111';
const TASK = '22222222-2222-4222-8222-222222222222';
const HEAD = 'FeedbackTables1796076005311';

const SAMPLE: Record<ColumnKind, unknown> = {
  uuid: '33333333-3333-4333-8333-333333333333', text: 'text', int: 1, bool: true, date: '2025-04-01', timestamp: '2025-04-01T08:00:00.123456Z',
  json: { a: 1 }, numeric: '12.5', real: 0.5, textArray: ['a'], bytes: Buffer.from('%PDF').toString('base64'),
  user: 'anna@example.se', orgUnit: 'DR-SKB', indicator: 'HF01', templateVersion: 'vvg-default#1',
};

/** One row of `table` with a value of the right kind in every column, ids tied to the one cycle and task. */
function row(table: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const spec = BACKUP_TABLES.find((candidate) => candidate.table === table)!;
  const result: Record<string, unknown> = {};
  for (const column of spec.columns) {
    result[documentKey(column)] = column.nullable && column.column.endsWith('parent_id') ? null : SAMPLE[column.kind];
    if (column.kind === 'bytes') result[hashKey(column)] = createHash('sha256').update('%PDF').digest('hex');
  }
  return { ...result, ...(result.cycleId !== undefined ? { cycleId: CYCLE } : {}), ...(result.taskId !== undefined ? { taskId: TASK } : {}), ...overrides };
}

function document(): CycleBackupDocument {
  return {
    format: 'arshjulet.cycle-backup',
    formatVersion: 1,
    migrationHead: HEAD,
    year: 2025,
    references: {
      users: [{ email: 'anna@example.se', name: 'Anna', roles: [{ role: 'delregion_coordinator', orgUnit: 'DR-SKB' }] }],
      orgUnits: [{ code: 'DR-SKB', name: 'Skaraborg', type: 'delregion' }],
      indicators: [{ code: 'HF01', name: 'Fallskador' }],
      templateVersions: [{ key: 'vvg-default#1', templateCode: 'vvg-default', templateName: 'VVG', templateDescription: null, number: 1, status: 'published', definition: { sections: [] } }],
    },
    tables: {
      ...Object.fromEntries(BACKUP_TABLES.map((spec) => [spec.table, []])),
      cycle: [row('cycle', { id: CYCLE, year: 2025 })],
      analysis_task: [row('analysis_task', { id: TASK })],
      analysis_attachment: [row('analysis_attachment', { size: 4 })],
    },
  };
}

const problems = (value: unknown): Array<{ path: string; message: string }> => {
  try {
    validateBackupDocument(value, [HEAD]);
    return [];
  } catch (error) {
    return (error as { errors: Array<{ path: string; message: string }> }).errors;
  }
};

describe('the backup document validator', () => {
  it('accepts a document whose every column has its kind and whose rows hang together', () => {
    expect(problems(document())).toEqual([]);
  });

  it('refuses another format, another format version and a newer app by name, before looking at rows', () => {
    expect(problems({ ...document(), format: 'annat' })).toEqual([{ path: 'format', message: expect.stringContaining('inte en säkerhetskopia av ett årshjul') }]);
    expect(problems({ ...document(), formatVersion: 2 })).toEqual([{ path: 'formatVersion', message: 'version 2 stöds inte; den här versionen av Årshjulet läser version 1.' }]);
    expect(problems({ ...document(), migrationHead: 'Later1899999999999' })).toEqual([{ path: 'migrationHead', message: expect.stringContaining('skrevs av en nyare version') }]);
  });

  it('lists each broken field, unknown field and unknown table with its path', () => {
    const broken = document();
    broken.tables.cycle![0]!.planStart = '2025-13-01';
    broken.tables.cycle![0]!.launchedAt = '2025-04-01 08:00';
    broken.tables.cycle![0]!.version = '1';
    broken.tables.analysis_task![0]!.status = null;
    broken.tables.analysis_task![0]!.extra = 1;
    broken.tables.analysis_attachment![0]!.contentSha256 = 'fel';
    (broken.tables as Record<string, unknown>).sessions = [];
    expect(problems(broken)).toEqual(expect.arrayContaining([
      { path: 'tables.cycle[0].planStart', message: 'ska vara ett datum (ÅÅÅÅ-MM-DD)' },
      { path: 'tables.cycle[0].launchedAt', message: 'ska vara en tidpunkt i UTC (ÅÅÅÅ-MM-DDTtt:mm:ss.ssssssZ)' },
      { path: 'tables.cycle[0].version', message: 'ska vara ett heltal' },
      { path: 'tables.analysis_task[0].status', message: 'får inte vara null' },
      { path: 'tables.analysis_task[0].extra', message: 'okänt fält' },
      { path: 'tables.analysis_attachment[0].contentSha256', message: 'stämmer inte med innehållet: filen är skadad eller ändrad' },
      { path: 'tables.sessions', message: 'okänd tabell' },
    ]));
  });

  it('refuses rows of another cycle or task, a second cycle, duplicate ids and a year that is not the cycle\'s', () => {
    const stray = document();
    stray.tables.analysis_draft = [row('analysis_draft', { taskId: '44444444-4444-4444-8444-444444444444' })];
    stray.tables.decision = [row('decision', { cycleId: '55555555-5555-4555-8555-555555555555' })];
    stray.tables.analysis_task!.push(row('analysis_task', { id: TASK }));
    stray.year = 2026;
    expect(problems(stray)).toEqual(expect.arrayContaining([
      { path: 'tables.analysis_draft[0].taskId', message: 'hänvisar till en uppgift som inte finns i dokumentet (44444444-4444-4444-8444-444444444444)' },
      { path: 'tables.decision[0].cycleId', message: 'hänvisar till ett annat årshjul som inte finns i dokumentet (55555555-5555-4555-8555-555555555555)' },
      { path: 'tables.analysis_task[1].id', message: `${TASK} finns två gånger` },
      { path: 'tables.cycle[0].year', message: 'ska vara dokumentets år (2026)' },
    ]));
    const twoCycles = document();
    twoCycles.tables.cycle!.push(row('cycle', { id: '66666666-6666-4666-8666-666666666666' }));
    expect(problems(twoCycles)).toEqual([{ path: 'tables.cycle', message: 'ska innehålla precis ett årshjul' }]);
  });

  it('writes canonical JSON: keys sorted at every depth, arrays kept in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{\n "a": {\n  "c": null,\n  "d": [\n   2,\n   1\n  ]\n },\n "b": 1\n}');
  });
});
