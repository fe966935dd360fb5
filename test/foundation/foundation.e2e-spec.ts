import { Role } from '@arshjulet/core';
import { schemaDrift } from '@arshjulet/db';
import { createTestApp, TestApp } from '../support/test-app.js';

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' } });
  });

  it('has a schema that matches the entities (no migration missing)', async () => {
    expect(await schemaDrift(t.dataSource)).toEqual({ up: [], down: [] });
  });

  it('serves the org-unit tree with six delregions and 49 municipalities', async () => {
    const { api } = await t.userWith(Role.Viewer);
    const tree = await api.get('/api/v1/org-units').expect(200);
    expect(tree.body).toHaveLength(1);
    const county = tree.body[0].children.find((unit: { code: string }) => unit.code === '14');
    const delregions = county.children.filter((unit: { type: string }) => unit.type === 'delregion');
    expect(delregions).toHaveLength(6);
    const municipalities = delregions.flatMap((d: { children: unknown[] }) => d.children);
    expect(municipalities).toHaveLength(49);

    const hospitals = await api.get('/api/v1/org-units?type=hospital').expect(200);
    expect(hospitals.body.map((h: { name: string }) => h.name)).toEqual([
      'Alingsås lasarett', 'Kungälvs sjukhus', 'NU-sjukvården', 'Sahlgrenska Universitetssjukhuset', 'Skaraborgs sjukhus', 'Södra Älvsborgs sjukhus',
    ]);
  });

  it('rejects a bad filter with problem+json naming the field', async () => {
    const { api } = await t.userWith(Role.Viewer);
    const response = await api.get('/api/v1/org-units?type=planet').expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, errors: [{ path: 'type' }] });
  });

  it('serves the indicator catalogue filtered by group and area', async () => {
    const { api } = await t.userWith(Role.Viewer);
    const all = await api.get('/api/v1/indicators').expect(200);
    expect(all.body.length).toBe(40);
    const discharge = await api.get('/api/v1/indicators?group=governing_document&area=admission_and_discharge').expect(200);
    expect(discharge.body.map((i: { code: string }) => i.code)).toEqual(['IU01', 'IU02', 'IU03', 'IU04', 'IU05', 'IU06', 'IU07', 'IU08', 'IU09']);
    const rl01 = await api.get('/api/v1/indicators/RL01').expect(200);
    expect(rl01.body).toMatchObject({ target: 80, direction: 'higher', unit: 'percent', centralMeasure: false });
  });

  it('refuses anonymous API calls with 401 problem+json', async () => {
    const response = await t.http.get('/api/v1/indicators').expect(401);
    expect(response.body).toMatchObject({ status: 401, title: 'Inloggning krävs' });
  });

  it('answers a malformed JSON body with 400 problem+json and no stack trace, changing nothing', async () => {
    const { api } = await t.userWith(Role.Admin);
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM app_user');
    const response = await api.post('/api/v1/users').set('Content-Type', 'application/json').send('{"email": "a@b.se", ').expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, title: 'Felaktig begäran' });
    expect(response.body.detail).toMatch(/^Begäran kunde inte tolkas/);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM app_user')).toEqual(before);
  });

  it('answers a well-formed but invalid body with field paths', async () => {
    const { api } = await t.userWith(Role.Admin);
    const response = await api.post('/api/v1/users').send({ email: 'inte-en-adress', name: '', roles: 'admin' }).expect((res) => {
      expect([400, 422]).toContain(res.status);
    });
    const paths = (response.body.errors as Array<{ path: string }>).map((error) => error.path);
    expect(paths).toContain('email');
  });

  it('pages every list the same way and refuses pages it cannot serve, naming the parameter', async () => {
    const { api } = await t.userWith(Role.Admin);
    const first = await api.get('/api/v1/indicator-values?pageSize=2').expect(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2 });
    const audit = await api.get('/api/v1/audit-events?page=1&pageSize=3').expect(200);
    expect(audit.body).toMatchObject({ page: 1, pageSize: 3 });
    expect(audit.body.items.length).toBeLessThanOrEqual(3);

    const tooBig = await api.get('/api/v1/audit-events?pageSize=501').expect(400);
    expect(tooBig.body.errors).toEqual([expect.objectContaining({ path: 'pageSize' })]);
    const zero = await api.get('/api/v1/users?page=0').expect(400);
    expect(zero.body.errors).toEqual([expect.objectContaining({ path: 'page' })]);
    const words = await api.get('/api/v1/indicator-imports?pageSize=many').expect(400);
    expect(words.body.errors.map((e: { path: string }) => e.path)).toContain('pageSize');
  });
});
