import { type FieldError, formatDateTime, ValidationException } from '@arshjulet/core';
import type { TemplateDefinition } from '../definition/template-definition.js';
import type { TemplateSummary, TemplateVersionDetail } from '../versions/template-version.view.js';

export const TEMPLATES_PATH = '/administration/mallar';
export const versionPath = (id: string) => `${TEMPLATES_PATH}/versioner/${id}`;

export type FormBody = Record<string, unknown>;
const text = (body: FormBody | undefined, key: string): string => (typeof body?.[key] === 'string' ? (body[key] as string) : '');

const STATUS_SV = { draft: 'Utkast', published: 'Publicerad' } as const;

export function templateListView(templates: TemplateSummary[]) {
  return {
    title: 'Mallar för delregionala analyser',
    templates: templates.map((template) => ({
      name: template.name,
      description: template.description,
      versions: template.versions.map((version) => ({
        href: versionPath(version.id),
        label: `Version ${version.version}`,
        status: STATUS_SV[version.status],
        publishedAt: version.publishedAt ? formatDateTime(new Date(version.publishedAt)) : null,
      })),
    })),
  };
}

/** `definition.sections[2].fields[0].max` → `Avsnitt 3 (deviations), fält 1 (count): max`. */
export function readablePath(path: string, definition: unknown): string {
  const rest = path.replace(/^definition\.?/, '');
  if (!rest) return 'Mallen';
  const sections = (definition as TemplateDefinition | null)?.sections;
  const parts: string[] = [];
  let section: TemplateDefinition['sections'][number] | undefined;
  for (const segment of rest.match(/[a-zA-Z_]+(\[\d+\])?/g) ?? []) {
    const [, name, index] = /^([a-zA-Z_]+)(?:\[(\d+)\])?$/.exec(segment) ?? [];
    const i = index === undefined ? null : Number(index);
    if (name === 'sections' && i !== null) {
      section = Array.isArray(sections) ? sections[i] : undefined;
      parts.push(`avsnitt ${i + 1}${typeof section?.key === 'string' ? ` (${section.key})` : ''}`);
    } else if (name === 'fields' && i !== null) {
      const field = Array.isArray(section?.fields) ? section.fields[i] : undefined;
      parts.push(`fält ${i + 1}${typeof field?.key === 'string' ? ` (${field.key})` : ''}`);
    } else if (name === 'columns' && i !== null) parts.push(`kolumn ${i + 1}`);
    else if (name === 'options' && i !== null) parts.push(`alternativ ${i + 1}`);
    else parts.push(i === null ? String(name) : `${name} ${i + 1}`);
  }
  const joined = parts.join(', ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export interface EditState {
  name?: string;
  definitionText?: string;
  rowVersion?: number;
  errors?: FieldError[];
  error?: string | null;
  notice?: string | null;
}

/** A version's page: a draft as an editable form (name and the definition as JSON), a published one read-only. */
export function versionView(version: TemplateVersionDetail, state: EditState = {}) {
  const errors = state.errors ?? [];
  const definitionText = state.definitionText ?? JSON.stringify(version.definition, null, 2);
  let typed: unknown = version.definition;
  try {
    typed = JSON.parse(definitionText);
  } catch {
    // The problems then name paths of the saved definition.
  }
  const problems = errors.filter((e) => e.path.startsWith('definition')).map((e) => ({ where: readablePath(e.path, typed), message: e.message }));
  const nameError = errors.find((e) => e.path === 'name')?.message ?? null;
  const draft = version.status === 'draft';
  return {
    title: `${version.name}, version ${version.version}`,
    back: TEMPLATES_PATH,
    id: version.id,
    draft,
    status: STATUS_SV[version.status],
    publishedAt: version.publishedAt ? formatDateTime(new Date(version.publishedAt)) : null,
    rowVersion: state.rowVersion ?? version.rowVersion,
    action: versionPath(version.id),
    previewHref: `${versionPath(version.id)}/forhandsgranska`,
    publishHref: `${versionPath(version.id)}/publicera`,
    copyAction: `${versionPath(version.id)}/kopiera`,
    name: { id: 'name', name: 'name', label: 'Mallens namn', value: state.name ?? version.name, error: nameError, hint: null },
    definitionText,
    problems,
    problemsId: 'definition-problems',
    notice: state.notice ?? null,
    error: state.error ?? (errors.length ? `Mallen har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`}. Inget har sparats.` : null),
    errorLinks: errors.map((e) => ({ href: e.path === 'name' ? '#name' : '#definition', message: e.path === 'name' ? e.message : `${readablePath(e.path, typed)}: ${e.message}` })),
  };
}

/** The edit form's fields: the name and the definition parsed from its JSON (a syntax error is a field error). */
export function parseVersionForm(body: FormBody): { rowVersion: number; name: string; definition: unknown } {
  const name = text(body, 'name').trim();
  const errors: FieldError[] = [];
  if (!name) errors.push({ path: 'name', message: 'Ange mallens namn.' });
  let definition: unknown = undefined;
  try {
    definition = JSON.parse(text(body, 'definition'));
  } catch (error) {
    errors.push({ path: 'definition', message: `Definitionen är inte giltig JSON (${(error as Error).message}).` });
  }
  if (errors.length) throw new ValidationException(errors, `Mallen har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`}. Inget har sparats.`);
  return { rowVersion: Number(text(body, 'rowVersion')) || 0, name, definition };
}

export function parseNewTemplateForm(body: FormBody): { name: string } {
  const name = text(body, 'name').trim();
  if (!name || name.length > 200) throw new ValidationException([{ path: 'newName', message: 'Ange ett namn på högst 200 tecken.' }], 'Mallen kunde inte skapas.');
  return { name };
}
