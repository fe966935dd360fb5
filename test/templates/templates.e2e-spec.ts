import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, Role } from '@arshjulet/core';
import { readReferenceTemplate, TemplateReferenceLoader, validateDefinition, type TemplateDefinition } from '@arshjulet/templates';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const SEVEN_DIFFERENCES = ['organisation', 'agreements', 'governance_economy', 'planning_reporting', 'support_functions', 'implementation', 'deviation_handling'];

const small = (label = 'Sammanfattning'): TemplateDefinition => ({
  sections: [{ key: 'general', title: 'Allmänt', fields: [{ key: 'summary', type: 'long_text', label, required: true }] }],
});

describe('Templates: drafts, publishing, copies, the default VVG template, theme tags and pinning in cycles', () => {
  let t: TestApp;
  let county: TestUser;
  let delregion: TestUser;
  let viewer: TestUser;
  let year = 2090;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    delregion = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    viewer = await t.userWith(Role.Viewer);
  });
  afterAll(() => t.close());

  async function draft(definition: TemplateDefinition = small(), name = 'Testmall'): Promise<{ id: string; rowVersion: number; templateId: string }> {
    const response = await county.api.post('/api/v1/templates').send({ name, definition });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function published(definition: TemplateDefinition = small()): Promise<string> {
    const { id } = await draft(definition);
    const response = await county.api.post(`/api/v1/templates/versions/${id}/publish`).send({});
    expect(response.status).toBe(200);
    return id;
  }

  const definitionRow = async (id: string) => (await t.dataSource.query('SELECT definition, status FROM template_version WHERE id = $1', [id]))[0];

  it('the default VVG template is loaded at start-up, published once as version 1, with every section of the seeds', async () => {
    const list = await delregion.api.get('/api/v1/templates');
    expect(list.status).toBe(200);
    const vvg = list.body.find((template: { code: string }) => template.code === 'vvg-default');
    expect(vvg.name).toBe('VVG:s mall för delregional analys');
    expect(vvg.versions).toEqual([{ id: expect.any(String), version: 1, status: 'published', publishedAt: expect.any(String) }]);
    const version = await delregion.api.get(`/api/v1/templates/versions/${vvg.versions[0].id}`);
    const definition = version.body.definition as TemplateDefinition;
    expect(definition.sections.map((section) => section.title)).toEqual([
      'Följsamhet till hälso- och sjukvårdsavtalet',
      'Årets fokusområden',
      'Läkarmedverkansavtalet',
      'Psykisk ohälsa och missbruk',
      'Samordnad vårdplanering (SVPL)',
      'Övriga länsgemensamma rutiner',
      'Avvikelser i samverkan',
      'Indikatorer per förflyttning',
      'Aktiviteter i Färdplanen',
      'Framgångar',
      'Utmaningar',
      'Så är delregionen organiserad',
      'Uppföljning av förra årets beslut',
      'Delregionens egen årsredovisning',
      'Teman',
    ]);
    const organisation = definition.sections.find((section) => section.key === 'delregion_organisation')!;
    expect(organisation.fields.map((field) => [field.key, field.type])).toEqual(SEVEN_DIFFERENCES.map((key) => [key, 'long_text']));
    const deviations = definition.sections.find((section) => section.key === 'deviations')!.fields[0]!;
    expect(deviations.type).toBe('repeatable_rows');
    expect(deviations.columns!.map((column) => column.key)).toEqual(['deviation_type', 'count', 'system_flaw', 'local_measure', 'regional_proposal']);
    const types = new Set(definition.sections.flatMap((section) => section.fields.map((field) => field.type)));
    expect([...types].sort()).toEqual(['activity_list', 'indicator_breakdown', 'long_text', 'repeatable_rows', 'short_text', 'theme_tags', 'yes_no']);
  });

  it('the shipped default passes the whole-template check against the real indicator catalogue', async () => {
    const codes = (await t.dataSource.query('SELECT code FROM indicator')).map((row: { code: string }) => row.code);
    const reference = readReferenceTemplate();
    expect(validateDefinition(reference.definition, { indicatorCodes: codes })).toEqual([]);
    const csvCodes = readFileSync(join(projectRoot(), 'reference', 'indicators.csv'), 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]);
    const breakdowns = reference.definition.sections.flatMap((section) => section.fields).filter((field) => field.type === 'indicator_breakdown');
    expect(breakdowns.length).toBeGreaterThanOrEqual(6);
    for (const field of breakdowns) expect(csvCodes).toContain(field.indicator);
  });

  it('loading the reference again changes nothing: the default stays version 1 and a relabelled theme tag keeps its label', async () => {
    const sip = (await county.api.get('/api/v1/theme-tags')).body.find((tag: { key: string }) => tag.key === 'sip');
    const relabel = await county.api.patch('/api/v1/theme-tags/sip').send({ version: sip.version, label: 'Samordnad individuell plan (SIP)' });
    expect(relabel.status).toBe(200);
    const result = await t.app.get(TemplateReferenceLoader).load(t.systemContext());
    expect(result).toEqual({ templatePublished: false, themeTagsInserted: 0 });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM template_version v JOIN template t ON t.id = v.template_id WHERE t.code = 'vvg-default'`,
    );
    expect(count).toBe(1);
    const after = (await county.api.get('/api/v1/theme-tags')).body.find((tag: { key: string }) => tag.key === 'sip');
    expect(after.label).toBe('Samordnad individuell plan (SIP)');
  });

  it('a draft is saved with its row version; a stale save answers 409 with the draft as it is now, and nothing is lost', async () => {
    const { id, rowVersion } = await draft();
    const first = await county.api.patch(`/api/v1/templates/versions/${id}`).set('If-Match', `"${rowVersion}"`).send({ definition: small('Första') });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe(`"${first.body.rowVersion}"`);
    expect(first.body.rowVersion).toBe(rowVersion + 1);
    const stale = await county.api.patch(`/api/v1/templates/versions/${id}`).send({ rowVersion, definition: small('Andra') });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('template.version_conflict');
    expect(stale.body.current.definition.sections[0].fields[0].label).toBe('Första');
    expect((await definitionRow(id)).definition.sections[0].fields[0].label).toBe('Första');
    const noVersion = await county.api.patch(`/api/v1/templates/versions/${id}`).send({ definition: small('Tredje') });
    expect(noVersion.status).toBe(422);
    expect(noVersion.body.errors).toEqual([{ path: 'rowVersion', message: expect.stringContaining('versionen') }]);
  });

  it('a draft refuses a null name with 400 (leave it out to keep it), and stays as it was', async () => {
    const { id, rowVersion } = await draft();
    const before = await definitionRow(id);
    const refused = await county.api.patch(`/api/v1/templates/versions/${id}`).set('If-Match', `"${rowVersion}"`).send({ name: null }).expect(400);
    expect([...new Set(refused.body.errors.map((error: { path: string }) => error.path))]).toEqual(['name']);
    expect(await definitionRow(id)).toEqual(before);
  });

  it('a bad definition answers 422 listing every problem with its path, and the draft is unchanged', async () => {
    const { id, rowVersion } = await draft();
    const bad = {
      sections: [
        {
          key: 'general',
          title: '',
          fields: [
            { key: 'a', type: 'number', label: 'Tal', min: 10, max: 1 },
            { key: 'a', type: 'single_choice', label: 'Val', options: [] },
            { key: 'b', type: 'indicator_breakdown', label: 'Indikator', indicator: 'ZZ99' },
            { key: 'c', type: 'repeatable_rows', label: 'Tabell', maxRows: 500, columns: [{ key: 'x', type: 'repeatable_rows', label: 'Inre', columns: [] }] },
            { key: 'd', type: 'magic', label: 'Okänd' },
          ],
        },
      ],
    };
    const response = await county.api.patch(`/api/v1/templates/versions/${id}`).send({ rowVersion, definition: bad });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('template.invalid_definition');
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'definition.sections[0].title',
      'definition.sections[0].fields[0].max',
      'definition.sections[0].fields[1].key',
      'definition.sections[0].fields[1].options',
      'definition.sections[0].fields[2].indicator',
      'definition.sections[0].fields[3].maxRows',
      'definition.sections[0].fields[3].columns[0].type',
      'definition.sections[0].fields[4].type',
    ]);
    expect(response.body.errors[4].message).toBe('Indikatorn ZZ99 finns inte i katalogen.');
    const row = await definitionRow(id);
    expect(row.definition).toEqual(small());
    const created = await county.api.post('/api/v1/templates').send({ name: 'Trasig', definition: 'inte en mall' });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual([{ path: 'definition', message: expect.any(String) }]);
  });

  it('publishing freezes a version: the API refuses to edit it and so does the database, whoever writes', async () => {
    const id = await published();
    const edit = await county.api.patch(`/api/v1/templates/versions/${id}`).send({ rowVersion: 99, definition: small('Ändrad') });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('template.version_published');
    const again = await county.api.post(`/api/v1/templates/versions/${id}/publish`).send({});
    expect(again.status).toBe(409);
    await expect(t.dataSource.query(`UPDATE template_version SET definition = '{"sections":[]}' WHERE id = $1`, [id])).rejects.toThrow(/published and cannot change/);
    await expect(t.dataSource.query(`UPDATE template_version SET status = 'draft' WHERE id = $1`, [id])).rejects.toThrow(/published and cannot change/);
    await expect(t.dataSource.query('DELETE FROM template_version WHERE id = $1', [id])).rejects.toThrow(/cannot be deleted/);
    expect(await definitionRow(id)).toEqual({ definition: small(), status: 'published' });
  });

  it('copy starts the next draft of the same template from any version; only one draft at a time', async () => {
    const v1 = await published();
    const copy = await county.api.post(`/api/v1/templates/versions/${v1}/copy`).send({});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ version: 2, status: 'draft', copiedFromId: v1, definition: small() });
    const second = await county.api.post(`/api/v1/templates/versions/${v1}/copy`).send({});
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'template.draft_exists', draftId: copy.body.id });
    const saved = await county.api.patch(`/api/v1/templates/versions/${copy.body.id}`).send({ rowVersion: copy.body.rowVersion, definition: small('Nästa år') });
    expect(saved.status).toBe(200);
    expect((await definitionRow(v1)).definition).toEqual(small());
  });

  it('a published version used by a launched cycle never changes; its copy can, and next year\'s cycle pins the new version', async () => {
    const v1 = await published();
    // A cycle made without a version takes the one published most recently.
    const thisYear = year++;
    const created = await county.api.post('/api/v1/cycles').send({ year: thisYear, indicatorCodes: ['IU03'] });
    expect(created.status).toBe(201);
    expect(created.body.templateVersion).toBe(v1);
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' });
    const launched = await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({});
    expect(launched.status).toBe(200);
    const tasks = (await county.api.get(`/api/v1/tasks?cycle=${created.body.id}`)).body.items as Array<{ templateVersion: string }>;
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((task) => task.templateVersion))).toEqual(new Set([v1]));

    const frozen = await county.api.patch(`/api/v1/templates/versions/${v1}`).send({ rowVersion: 1, definition: small('Ändrad i efterhand') });
    expect(frozen.status).toBe(409);
    const swap = await county.api.patch(`/api/v1/cycles/${created.body.id}`).send({ version: launched.body.version, templateVersion: v1 });
    expect(swap.status).toBe(409);

    const next = (await county.api.post(`/api/v1/templates/versions/${v1}/copy`).send({})).body;
    const edited = await county.api.patch(`/api/v1/templates/versions/${next.id}`).send({ rowVersion: next.rowVersion, definition: small('Reviderad') });
    expect(edited.status).toBe(200);
    const v2 = await county.api.post(`/api/v1/templates/versions/${next.id}/publish`).set('If-Match', `"${edited.body.rowVersion}"`).send({});
    expect(v2.status).toBe(200);

    const nextYear = await county.api.post('/api/v1/cycles').send({ year: year++, indicatorCodes: ['IU03'] });
    expect(nextYear.body.templateVersion).toBe(next.id);
    await county.api.post(`/api/v1/cycles/${nextYear.body.id}/transitions`).send({ action: 'start_planning' });
    await county.api.post(`/api/v1/cycles/${nextYear.body.id}/launch`).send({});
    const nextTasks = (await county.api.get(`/api/v1/tasks?cycle=${nextYear.body.id}`)).body.items as Array<{ templateVersion: string }>;
    expect(new Set(nextTasks.map((task) => task.templateVersion))).toEqual(new Set([next.id]));
    // Last year's tasks still point at the form they were given, unchanged.
    expect(new Set(((await county.api.get(`/api/v1/tasks?cycle=${created.body.id}`)).body.items as Array<{ templateVersion: string }>).map((task) => task.templateVersion))).toEqual(new Set([v1]));
    expect((await definitionRow(v1)).definition).toEqual(small());
  });

  it('a cycle refuses a template version that is not published (a draft, or no version at all)', async () => {
    const { id } = await draft();
    const withDraft = await county.api.post('/api/v1/cycles').send({ year: year++, templateVersion: id });
    expect(withDraft.status).toBe(422);
    expect(withDraft.body.errors).toEqual([{ path: 'templateVersion', message: 'Välj en publicerad version av analysmallen.' }]);
    const withJunk = await county.api.post('/api/v1/cycles').send({ year: year++, templateVersion: 'inte-ett-id' });
    expect(withJunk.status).toBe(422);
  });

  it('theme tags: a null label or active is refused with 400, and the tag stays as it was', async () => {
    await county.api.post('/api/v1/theme-tags').send({ key: 'nollvarden', label: 'Nollvärden' }).expect(201);
    for (const body of [{ label: null }, { active: null }]) {
      const refused = await county.api.patch('/api/v1/theme-tags/nollvarden').send({ version: 1, ...body }).expect(400);
      expect([...new Set(refused.body.errors.map((error: { path: string }) => error.path))]).toEqual(Object.keys(body));
    }
    const tags = (await county.api.get('/api/v1/theme-tags?includeInactive=true')).body as Array<{ key: string }>;
    expect(tags.find((tag) => tag.key === 'nollvarden')).toEqual({ key: 'nollvarden', label: 'Nollvärden', active: true, version: 1 });
  });

  it('theme tags: the seeded vocabulary, added and deactivated by the county, read by the delregions', async () => {
    const seeded = (await delregion.api.get('/api/v1/theme-tags')).body.map((tag: { key: string }) => tag.key);
    expect(seeded).toEqual(expect.arrayContaining(['in_och_utskrivning', 'sip', 'avvikelser', 'foljsamhet_riktlinjer', 'barn_och_unga', 'samsjuklighet']));
    const created = await county.api.post('/api/v1/theme-tags').send({ key: 'vardovergangar', label: 'Vårdövergångar' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ key: 'vardovergangar', label: 'Vårdövergångar', active: true, version: 1 });
    const duplicate = await county.api.post('/api/v1/theme-tags').send({ key: 'vardovergangar', label: 'Igen' });
    expect(duplicate.status).toBe(409);
    const badKey = await county.api.post('/api/v1/theme-tags').send({ key: 'Vård Övergångar', label: '' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['key', 'label']);
    const off = await county.api.patch('/api/v1/theme-tags/vardovergangar').send({ version: 1, active: false });
    expect(off.body.active).toBe(false);
    const stale = await county.api.patch('/api/v1/theme-tags/vardovergangar').send({ version: 1, label: 'X' });
    expect(stale.status).toBe(409);
    expect((await delregion.api.get('/api/v1/theme-tags')).body.map((tag: { key: string }) => tag.key)).not.toContain('vardovergangar');
    expect((await county.api.get('/api/v1/theme-tags?includeInactive=true')).body.map((tag: { key: string }) => tag.key)).toContain('vardovergangar');
    expect((await delregion.api.post('/api/v1/theme-tags').send({ key: 'x', label: 'X' })).status).toBe(403);
    expect((await viewer.api.get('/api/v1/theme-tags')).status).toBe(403);
  });

  it('a delregion coordinator reads templates but cannot create, edit or publish them', async () => {
    const { id, rowVersion } = await draft();
    expect((await delregion.api.get(`/api/v1/templates/versions/${id}`)).status).toBe(200);
    expect((await delregion.api.post('/api/v1/templates').send({ name: 'Min egen' })).status).toBe(403);
    expect((await delregion.api.patch(`/api/v1/templates/versions/${id}`).send({ rowVersion, definition: small('X') })).status).toBe(403);
    expect((await delregion.api.post(`/api/v1/templates/versions/${id}/publish`).send({})).status).toBe(403);
    expect((await definitionRow(id)).status).toBe('draft');
  });
});
