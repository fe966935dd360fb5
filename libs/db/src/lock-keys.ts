/**
 * Every PostgreSQL advisory-lock key of the app, in one place so two uses can never collide by accident. The
 * numbers are part of the running system (instances of different versions meet on them): never renumber one.
 */
export const LockKeys = {
  /** Migrations at start-up: one instance migrates, the others wait. */
  Migration: 7_042_026,
  /** The test harness building its template database (test/support/test-database.ts). */
  TestTemplate: 7_042_027,
  /** Creating the first administrator on an empty user table. */
  FirstAdmin: 7_042_031,
  /** Changes that take an administrator away (deactivation, removing the role) run one at a time, so one admin always remains. */
  LastAdmin: 7_042_032,
  /** Loading the org-unit tree at start-up: one instance inserts it, the others wait and then find it. */
  OrgUnitReference: 7_042_033,
  /** Deactivating an org unit and giving the active delregions their tasks run one at a time: no task for a delregion going inactive. */
  DelregionTasks: 7_042_034,
  /** Import commits run one at a time. */
  ImportCommit: 7_042_104,
  /** Loading the indicator catalogue at start-up: one instance inserts it, the others wait and then find it. */
  IndicatorReference: 7_042_105,
  /** The 06:00 daily sweep: one instance sweeps, the others skip (the job ledger makes a second sweep harmless anyway). */
  DailySweep: 7_042_201,
  /** Loading the default analysis template and the theme tags at start-up: one instance loads, the others then find them. */
  TemplateReference: 7_042_301,
} as const;

export type LockKey = (typeof LockKeys)[keyof typeof LockKeys];
