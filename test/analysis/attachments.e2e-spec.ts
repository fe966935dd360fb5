import { Role } from '@arshjulet/core';
import yazl from 'yazl';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { launchedTask } from './analysis-fixtures.js';

/** A real, minimal one-page PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200)]);

async function zip(entries: Record<string, string>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) file.addBuffer(Buffer.from(text), name);
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const DOCX_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

describe('Attachments: PDF, DOCX, XLSX up to 20 MB, checked by content, downloadable by whoever sees the task', () => {
  let t: TestApp;
  let county: TestUser;
  let simba: TestUser;
  let skaraborg: TestUser;
  let vvg: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    simba = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    vvg = await t.userWith(Role.VvgReviewer);
  });
  afterAll(() => t.close());

  const stored = async (taskId: string): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM analysis_attachment WHERE task_id = $1', [taskId]))[0].n;
  const upload = (user: TestUser, taskId: string, bytes: Buffer, name: string) => user.api.post(`/api/v1/tasks/${taskId}/attachments`).attach('file', bytes, name);

  it('stores a real PDF and a DOCX by their content, lists them, and serves the bytes back with a safe name and nosniff', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    const pdf = await upload(simba, taskId, PDF, 'SIMBA Årsberättelse 2023 (2024-03-22).pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ fileName: 'SIMBA Årsberättelse 2023 (2024-03-22).pdf', contentType: 'application/pdf', size: PDF.length, uploadedBy: simba.user.name });
    // A Word file named .bin is still a Word file: the name decides nothing.
    const docx = await upload(simba, taskId, await zip({ '[Content_Types].xml': DOCX_TYPES, 'word/document.xml': '<w:document/>' }), 'plan.bin');
    expect(docx.status).toBe(201);
    expect(docx.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const list = await vvg.api.get(`/api/v1/tasks/${taskId}/attachments`);
    expect(list.body.map((a: { fileName: string }) => a.fileName)).toEqual(['SIMBA Årsberättelse 2023 (2024-03-22).pdf', 'plan.bin']);

    const download = await county.api.get(`/api/v1/tasks/${taskId}/attachments/${pdf.body.id}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''SIMBA%20%C3%85rsber%C3%A4ttelse%202023%20%282024-03-22%29.pdf`);

    expect((await skaraborg.api.get(`/api/v1/tasks/${taskId}/attachments/${pdf.body.id}`)).status).toBe(404);
    expect((await upload(skaraborg, taskId, PDF, 'intrång.pdf')).status).toBe(404);

    expect((await simba.api.delete(`/api/v1/tasks/${taskId}/attachments/${docx.body.id}`)).status).toBe(204);
    expect(await stored(taskId)).toBe(1);
  });

  it.each([
    ['a program named .pdf', EXE],
    ['a plain zip named .pdf', 'zip'],
    ['text named .pdf', Buffer.from('inte en pdf, bara text')],
  ])('refuses %s with 415 in Swedish and stores nothing', async (_what, content) => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    const bytes = content === 'zip' ? await zip({ 'readme.txt': 'hej' }) : (content as Buffer);
    const response = await upload(simba, taskId, bytes, 'arsrapport.pdf');
    expect(response.status).toBe(415);
    expect(response.body.detail).toContain('Typen avgörs av innehållet');
    expect(await stored(taskId)).toBe(0);
  });

  it('refuses a file over 20 MB with 413 in Swedish and stores nothing', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const response = await upload(simba, taskId, big, 'stor.pdf');
    expect(response.status).toBe(413);
    expect(response.body.detail).toBe('Filen är för stor. En bilaga får vara högst 20 MB.');
    expect(await stored(taskId)).toBe(0);
  });

  it('answers a multipart upload without its boundary with 400, not 500, and stores nothing', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    const response = await simba.api.post(`/api/v1/tasks/${taskId}/attachments`).set('Content-Type', 'multipart/form-data').send(PDF.toString('latin1'));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('analysis.broken_upload');
    expect(await stored(taskId)).toBe(0);
  });

  it('refuses an upload after the analysis is submitted (409), and a request without a file (422)', async () => {
    const { taskId } = await launchedTask(t, county, 'DR-SIMBA');
    expect((await simba.api.post(`/api/v1/tasks/${taskId}/attachments`).field('note', 'x')).status).toBe(422);
    await t.dataSource.query(`UPDATE analysis_task SET status = 'submitted' WHERE id = $1`, [taskId]);
    const response = await upload(simba, taskId, PDF, 'sen.pdf');
    expect(response.status).toBe(409);
    expect(await stored(taskId)).toBe(0);
  });
});
