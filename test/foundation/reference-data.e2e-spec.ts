import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEvent } from '@arshjulet/audit';
import { Indicator, INDICATORS_FILE, IndicatorReferenceLoader } from '@arshjulet/indicators';
import { OrgUnit, ORG_UNITS_FILE, OrgUnitReferenceLoader } from '@arshjulet/org';
import { onOwnApp } from '../support/own-app.js';
import { createTestApp, TestApp } from '../support/test-app.js';

describe('reference data loading', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  // The shared app keeps the reference data as loaded; tests that change it do so on their own app.
  const orgLoader = (app = t) => app.app.get(OrgUnitReferenceLoader);
  const indicatorLoader = (app = t) => app.app.get(IndicatorReferenceLoader);

  it('changes nothing when run again', async () => {
    const auditBefore = await t.dataSource.getRepository(AuditEvent).count();
    expect(await orgLoader().load(t.systemContext())).toEqual({ inserted: 0, updated: 0, unchanged: 63, customized: 0 });
    expect(await indicatorLoader().load(t.systemContext())).toEqual({ inserted: 0, updated: 0, unchanged: 40, customized: 0 });
    expect(await t.dataSource.getRepository(AuditEvent).count()).toBe(auditBefore);
  });

  it('keeps an administrator\'s edit and still applies a corrected reference file to untouched rows', () => onOwnApp(async (t) => {
    const units = t.dataSource.getRepository(OrgUnit);
    const essunga = await units.findOneByOrFail({ code: '1445' });
    await units.save(Object.assign(essunga, { name: 'Essunga kommun', customizedAt: new Date() }));

    const dir = mkdtempSync(join(tmpdir(), 'arshjulet-ref-'));
    const file = join(dir, 'org-units.csv');
    writeFileSync(file, readFileSync(ORG_UNITS_FILE(), 'utf8').replace(',Essunga,', ',Essunga (ny),').replace(',Grästorp,', ',Grästorps kommun,'));

    expect(await orgLoader(t).load(t.systemContext(), file)).toMatchObject({ inserted: 0, updated: 1, customized: 1 });
    expect((await units.findOneByOrFail({ code: '1445' })).name).toBe('Essunga kommun');
    expect((await units.findOneByOrFail({ code: '1444' })).name).toBe('Grästorps kommun');
    const trail = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'org_unit.reference_updated' });
    expect(trail.before).toMatchObject({ name: 'Grästorp' });
    expect(trail.after).toMatchObject({ name: 'Grästorps kommun' });
  }));

  it('adds indicators that are new in the reference file', () => onOwnApp(async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'arshjulet-ref-'));
    const file = join(dir, 'indicators.csv');
    copyFileSync(INDICATORS_FILE(), file);
    writeFileSync(file, readFileSync(file, 'utf8') + 'MH02,Ny munhälsoindikator,governing_document,oral_health,quality,higher,percent,VGR,,\n');
    expect(await indicatorLoader(t).load(t.systemContext(), file)).toMatchObject({ inserted: 1, unchanged: 40 });
    expect(await t.dataSource.getRepository(Indicator).findOneByOrFail({ code: 'MH02' })).toMatchObject({ name: 'Ny munhälsoindikator', direction: 'higher' });
  }));

  it('keeps a note whose commas were not quoted', async () => {
    const ks01 = await t.dataSource.getRepository(Indicator).findOneByOrFail({ code: 'KS01' });
    expect(ks01.note).toBe('seed 003: VG 68,2 % vs riket 69 % (2022); seed 000: 70 % vs 71,3 % (2023)');
  });
});
