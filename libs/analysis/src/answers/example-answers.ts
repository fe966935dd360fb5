import { ACTIVITY_SHIFTS, type Answers, type FieldDef, type TemplateDefinition } from '@arshjulet/templates';

/**
 * A complete answer to every required field of any template (demo data): something a submission accepts, so the
 * demo cycle's submitted tasks have an analysis behind them.
 */
export function exampleAnswers(definition: TemplateDefinition, themeTags: string[], delregionName: string): Answers {
  const answers: Answers = {};
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (!field.required) continue;
      const value = exampleValue(field, themeTags, `${delregionName}: ${section.title.toLowerCase()} (demo).`);
      if (value !== undefined) answers[field.key] = value;
    }
  }
  return answers;
}

function exampleValue(field: FieldDef, themeTags: string[], text: string): unknown {
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return text.slice(0, field.maxLength ?? 500);
    case 'number':
      return typeof field.min === 'number' ? field.min : 0;
    case 'single_choice':
      return field.options?.[0]?.value;
    case 'multiple_choice':
      return field.options?.length ? [field.options[0]!.value] : undefined;
    case 'date':
      return '2026-01-01';
    case 'yes_no':
      return true;
    case 'theme_tags':
      return themeTags.length ? [themeTags[0]] : undefined;
    case 'indicator_breakdown':
      return { rows: [], interpretation: text };
    case 'activity_list':
      return [{ name: text.slice(0, 500), shift: ACTIVITY_SHIFTS[0], status: 'pågående' }];
    case 'repeatable_rows': {
      const row: Record<string, unknown> = {};
      for (const column of field.columns ?? []) if (column.required) row[column.key] = exampleValue(column, themeTags, text);
      return [row];
    }
    default:
      return undefined;
  }
}
