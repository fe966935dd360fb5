import { FieldDef, TemplateDefinition, Answers } from '../definition/template-definition.js';
import { isPlainObject } from '../definition/text-checks.js';

/** Whether a value counts as an answer: blank text, an empty list or a breakdown without interpretation does not. */
export function isAnswered(field: FieldDef, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  switch (field.type) {
    case 'short_text':
    case 'long_text':
    case 'single_choice':
    case 'date':
      return typeof value === 'string' && value.trim() !== '';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'yes_no':
      return typeof value === 'boolean';
    case 'multiple_choice':
    case 'theme_tags':
    case 'repeatable_rows':
    case 'activity_list':
      return Array.isArray(value) && value.length > 0;
    case 'indicator_breakdown':
      return isPlainObject(value) && typeof value.interpretation === 'string' && value.interpretation.trim() !== '';
    default:
      return false;
  }
}

/** Share of the required fields answered, 0..1 (1 when nothing is required). */
export function completeness(definition: TemplateDefinition, answers: Answers): number {
  const required = definition.sections.flatMap((section) => section.fields).filter((field) => field.required);
  if (required.length === 0) return 1;
  const source = isPlainObject(answers) ? answers : {};
  const answered = required.filter((field) => isAnswered(field, source[field.key])).length;
  return answered / required.length;
}

/** The required fields still unanswered, in template order: the submit checklist. */
export function missingRequired(definition: TemplateDefinition, answers: Answers): { section: string; field: string; label: string }[] {
  const source = isPlainObject(answers) ? answers : {};
  return definition.sections.flatMap((section) =>
    section.fields
      .filter((field) => field.required && !isAnswered(field, source[field.key]))
      .map((field) => ({ section: section.key, field: field.key, label: field.label })),
  );
}
