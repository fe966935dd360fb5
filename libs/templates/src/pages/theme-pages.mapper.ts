import type { FieldError } from '@arshjulet/core';
import type { ThemeTagView } from '../themes/theme-tag.service.js';

export const THEMES_PATH = '/administration/teman';
export const themePath = (key: string): string => `${THEMES_PATH}/${encodeURIComponent(key)}`;

/** Element ids of the add form's fields, and of one theme's name field. */
export const NEW_THEME_IDS: Record<string, string> = { label: 'nytt-namn', key: 'ny-nyckel' };
export const renameFieldId = (key: string): string => `namn-${key}`;

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u' };

/** A stable key made from a theme's name: "Vårdövergångar" → `vardovergangar`. */
export function themeKeyFrom(label: string): string {
  const key = label
    .toLowerCase()
    .replace(/[åäöéèü]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const started = /^[a-z]/.test(key) ? key : `tema_${key}`;
  return started.slice(0, 64).replace(/_+$/, '');
}

export function themeListView(tags: ThemeTagView[], flash: { notice?: string; error?: string; errors?: FieldError[] } | undefined) {
  const errors = flash?.errors ?? [];
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) fieldErrors[error.path] ??= error.message;
  const byActive = [...tags].sort((a, b) => Number(b.active) - Number(a.active) || a.label.localeCompare(b.label, 'sv'));
  return {
    title: 'Teman',
    themes: byActive.map((tag) => ({
      key: tag.key,
      label: tag.label,
      version: tag.version,
      active: tag.active,
      status: tag.active ? 'Aktivt' : 'Inaktivt',
      action: themePath(tag.key),
      fieldId: renameFieldId(tag.key),
      error: fieldErrors[renameFieldId(tag.key)] ?? null,
    })),
    total: tags.length,
    newLabelError: fieldErrors[NEW_THEME_IDS.label!] ?? null,
    newKeyError: fieldErrors[NEW_THEME_IDS.key!] ?? null,
    notice: flash?.notice ?? null,
    error: flash?.error ?? null,
    errorLinks: errors.map((error) => ({ href: `#${error.path}`, message: error.message })),
  };
}
