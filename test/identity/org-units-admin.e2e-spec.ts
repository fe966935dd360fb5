import { RequestContext, Role } from '@arshjulet/core';
import { OrgUnitReferenceLoader } from '@arshjulet/org';
import { importFile } from '../indicators/indicator-fixtures.js';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';

// SIP02 is a count: a delregion's derived figure is the sum of its municipalities'.
const SIMBA = { '1440': 10, '1482': 20, '1415': 30, '1419': 40 };
const SAMLA = { '1441': 100, '1489': 200 };

describe('org-unit administration API', () => {
  let t: TestApp;
  let admin: TestUser;
  let county: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith(Role.Admin);
    county = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  const unit = async (code: string) => (await admin.api.get(`/api/v1/org-units/${encodeURIComponent(code)}`).expect(200)).body as { version: number; name: string; parentCode: string; active: boolean };
  const figure = async (orgUnit: string, period: string) => {
    const response = await county.api.get(`/api/v1/indicator-values?indicator=SIP02&orgUnit=${orgUnit}&period=${period}`).expect(200);
    return response.body.items[0] as { value: number; derived: boolean; note: string } | undefined;
  };
  const auditOf = async (entityId: string) =>
    (await t.dataSource.query('SELECT action, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id', [entityId])) as Array<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }>;

  it('moves a municipality to another delregion, recomputes both delregions\' derived figures and audits the move', async () => {
    const rows = Object.entries({ ...SIMBA, ...SAMLA }).map(([code, value]) => `SIP02;${code};2024-05;${value}`);
    await importFile(county.api, ['indikator;enhet;period;värde', ...rows].join('\n'), 'SIP02.csv');
    expect(await figure('DR-SIMBA', '2024-05')).toMatchObject({ value: 100, derived: true, note: 'Beräknat från 4 kommuner' });
    expect(await figure('DR-SAMLA', '2024-05')).toMatchObject({ value: 300, derived: true });

    const tjorn = await unit('1419');
    const moved = await admin.api.patch('/api/v1/org-units/1419').set('If-Match', `"${tjorn.version}"`).send({ parentCode: 'DR-SAMLA' }).expect(200);
    expect(moved.body).toMatchObject({ code: '1419', parentCode: 'DR-SAMLA', version: tjorn.version + 1 });
    expect(moved.headers.etag).toBe(`"${tjorn.version + 1}"`);

    expect(await figure('DR-SIMBA', '2024-05')).toMatchObject({ value: 60, derived: true, note: 'Beräknat från 3 kommuner' });
    expect(await figure('DR-SAMLA', '2024-05')).toMatchObject({ value: 340, derived: true, note: 'Beräknat från 3 kommuner' });

    const [{ id }] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = '1419'`);
    const audit = await auditOf(id);
    expect(audit.find((row) => row.action === 'org_unit.moved')).toMatchObject({ before: { parentCode: 'DR-SIMBA' }, after: { parentCode: 'DR-SAMLA' } });
    expect(audit.map((row) => row.action)).toContain('indicator_value.derived_recomputed');
  });

  it('renames with the version in the body, marks the unit customised so the reference file leaves it alone', async () => {
    const before = await unit('DR-FBD');
    const renamed = await admin.api.patch('/api/v1/org-units/DR-FBD').send({ version: before.version, name: '  Vårdsamverkan Fyrbodal (ny) ' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Vårdsamverkan Fyrbodal (ny)', version: before.version + 1 });

    const result = await t.app.get(OrgUnitReferenceLoader).load(RequestContext.system('test'));
    expect(result.customized).toBeGreaterThanOrEqual(1);
    expect((await unit('DR-FBD')).name).toBe('Vårdsamverkan Fyrbodal (ny)');

    const [{ id }] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = 'DR-FBD'`);
    expect((await auditOf(id)).find((row) => row.action === 'org_unit.updated')).toMatchObject({
      before: { name: 'Vårdsamverkan Fyrbodal', version: before.version },
      after: { name: 'Vårdsamverkan Fyrbodal (ny)', version: before.version + 1 },
    });
  });

  it('refuses active: null with 400 and changes nothing (a unit is active or not)', async () => {
    const before = await unit('1480');
    const refused = await admin.api.patch('/api/v1/org-units/1480').send({ version: before.version, active: null }).expect(400);
    expect([...new Set(refused.body.errors.map((error: { path: string }) => error.path))]).toEqual(['active']);
    expect(await unit('1480')).toEqual(before);
  });

  it('answers a stale version with 409 and the unit as it is now, and changes nothing', async () => {
    const lerum = await unit('1441');
    await admin.api.patch('/api/v1/org-units/1441').set('If-Match', `"${lerum.version}"`).send({ name: 'Lerums kommun' }).expect(200);
    const stale = await admin.api.patch('/api/v1/org-units/1441').set('If-Match', `"${lerum.version}"`).send({ name: 'Krock' }).expect(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ code: 'org_unit.version_conflict', current: { name: 'Lerums kommun', version: lerum.version + 1 } });
    expect((await unit('1441')).name).toBe('Lerums kommun');
  });

  it('refuses with 422 and a message beside the field: a move into a non-delregion, an unknown code, emptying a name, deactivating a delregion that has municipalities', async () => {
    const liledet = await unit('1462');
    const intoMunicipality = await admin.api.patch('/api/v1/org-units/1462').send({ version: liledet.version, parentCode: '1440' }).expect(422);
    expect(intoMunicipality.headers['content-type']).toContain('application/problem+json');
    expect(intoMunicipality.body.errors).toEqual([{ path: 'parentCode', message: 'En kommun kan bara flyttas till en delregion; Ale är en kommun.' }]);
    const unknown = await admin.api.patch('/api/v1/org-units/1462').send({ version: liledet.version, parentCode: 'DR-INGEN' }).expect(422);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'parentCode' });
    const delregionMoved = await admin.api.patch('/api/v1/org-units/DR-GBG').send({ version: (await unit('DR-GBG')).version, parentCode: 'DR-SKB' }).expect(422);
    expect(delregionMoved.body.errors[0].message).toMatch(/^Bara en kommun kan flyttas/);
    const empty = await admin.api.patch('/api/v1/org-units/1462').send({ version: liledet.version, name: '   ' }).expect(422);
    expect(empty.body.errors).toEqual([{ path: 'name', message: 'Ange ett namn.' }]);

    const skaraborg = await unit('DR-SKB');
    const deactivate = await admin.api.patch('/api/v1/org-units/DR-SKB').send({ version: skaraborg.version, active: false }).expect(422);
    expect(deactivate.body.errors[0]).toMatchObject({ path: 'active' });
    expect(deactivate.body.errors[0].message).toMatch(/aktiva kommuner\. Flytta dem/);
    expect(await unit('DR-SKB')).toMatchObject({ active: true, version: skaraborg.version });
    expect((await unit('1462')).version).toBe(liledet.version);
  });

  it('deactivates and activates a municipality, recomputing its delregion each time, and refuses a change without a version', async () => {
    const values: Record<string, number> = { ...SIMBA, ...SAMLA };
    await importFile(county.api, ['indikator;enhet;period;värde', ...Object.entries(values).map(([code, value]) => `SIP02;${code};2024-06;${value}`)].join('\n'), 'SIP02 juni.csv');
    // Tjörn may have moved to SAMLA in another test: read who belongs to SIMBA now.
    const members = async () => ((await admin.api.get('/api/v1/org-units?type=municipality&includeInactive=true').expect(200)).body as Array<{ code: string; parentCode: string; active: boolean }>)
      .filter((m) => m.parentCode === 'DR-SIMBA' && m.active).map((m) => m.code);
    const sum = (codes: string[]) => codes.reduce((total, code) => total + values[code]!, 0);
    expect(await figure('DR-SIMBA', '2024-06')).toMatchObject({ value: sum(await members()) });

    const ale = await unit('1440');
    const off = await admin.api.patch('/api/v1/org-units/1440').set('If-Match', `W/"${ale.version}"`).send({ active: false }).expect(200);
    expect(off.body).toMatchObject({ active: false });
    const without = await members();
    expect(without).not.toContain('1440');
    expect(await figure('DR-SIMBA', '2024-06')).toMatchObject({ value: sum(without), note: `Beräknat från ${without.length} kommuner` });
    await admin.api.patch('/api/v1/org-units/1440').send({ version: off.body.version, active: true }).expect(200);
    expect(await figure('DR-SIMBA', '2024-06')).toMatchObject({ value: sum(await members()) });
    await admin.api.patch('/api/v1/org-units/1440').send({ active: false }).expect(422);
    await admin.api.patch('/api/v1/org-units/1440').set('If-Match', 'tre').send({ active: false }).expect(400);
  });

  it('is for administrators only: a county coordinator gets 403, an unknown unit 404', async () => {
    const version = (await unit('1482')).version;
    await county.api.patch('/api/v1/org-units/1482').send({ version, name: 'Kungälv' }).expect(403);
    await admin.api.patch('/api/v1/org-units/XX-INGEN').send({ version: 1, name: 'Ingen' }).expect(404);
  });
});
