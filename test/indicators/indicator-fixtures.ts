import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '../support/test-app.js';

/** The seed 001 hospital-by-quarter table (IU03, 2025), typed in by the parser work; reused here as uploads. */
export function seedFixture(name: 'iu03-hospitals-2025-long.csv' | 'iu03-hospitals-2025-wide.csv'): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../libs/indicators/src/parse/__fixtures__/${name}`, import.meta.url)));
}

export function upload(api: ApiClient, file: Buffer | string, name = 'varden.csv', fields: Record<string, string> = {}) {
  let request = api.post('/api/v1/indicator-imports');
  for (const [key, value] of Object.entries(fields)) request = request.field(key, value);
  return request.attach('file', typeof file === 'string' ? Buffer.from(file, 'utf8') : file, name);
}

/** Uploads and commits, asserting both succeed; returns the committed report. */
export async function importFile(api: ApiClient, file: Buffer | string, name = 'varden.csv', fields: Record<string, string> = {}) {
  const preview = await upload(api, file, name, fields);
  if (preview.status !== 201) throw new Error(`preview failed: ${preview.status} ${JSON.stringify(preview.body)}`);
  const commit = await api.post(`/api/v1/indicator-imports/${preview.body.id}/commit`);
  if (commit.status !== 200) throw new Error(`commit failed: ${commit.status} ${JSON.stringify(commit.body)}`);
  return commit.body;
}
