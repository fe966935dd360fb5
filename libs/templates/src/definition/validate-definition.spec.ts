import { validateDefinition } from './validate-definition.js';

const field = (over: Record<string, unknown> = {}) => ({ key: 'f', type: 'short_text', label: 'Fält', ...over });
const def = (...fields: unknown[]) => ({ sections: [{ key: 's', title: 'Avsnitt', fields }] });
const paths = (definition: unknown, options = {}) => validateDefinition(definition, options).map((p) => p.path);

describe('validateDefinition', () => {
  it('accepts one field of every type with sane options', () => {
    const definition = def(
      field({ key: 'a', maxLength: 100, required: true, help: 'Hjälp' }),
      field({ key: 'b', type: 'long_text' }),
      field({ key: 'c', type: 'number', min: 0, max: 100, unit: '%', integer: true }),
      field({ key: 'd', type: 'single_choice', options: [{ value: 'x', label: 'X' }] }),
      field({ key: 'e', type: 'multiple_choice', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] }),
      field({ key: 'g', type: 'date' }),
      field({ key: 'h', type: 'yes_no' }),
      field({ key: 'i', type: 'indicator_breakdown', indicator: 'IU03' }),
      field({ key: 'j', type: 'repeatable_rows', maxRows: 10, columns: [field({ key: 'a' }), field({ key: 'n', type: 'number' })] }),
      field({ key: 'k', type: 'activity_list' }),
      field({ key: 'l', type: 'theme_tags', vocabulary: 'themes' }),
    );
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('lists every problem at once, each with its path, in Swedish', () => {
    const problems = validateDefinition({
      sections: [
        { key: 'Bad Key', title: '', fields: [field({ type: 'nope' }), field({ key: 'f', type: 'number', min: 5, max: 1 })] },
        { key: 's2', title: 'Två', fields: [field({ key: 'f', maxLength: 0 })] },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'sections[0].key',
      'sections[0].title',
      'sections[0].fields[0].type',
      'sections[0].fields[1].key',
      'sections[0].fields[1].max',
      'sections[1].fields[0].key',
      'sections[1].fields[0].maxLength',
    ]);
    expect(problems[3].message).toContain('”f” används redan');
    expect(problems[4].message).toBe('Största värdet får inte vara mindre än minsta värdet.');
  });

  it('refuses field keys repeated in different sections and section keys repeated', () => {
    const definition = { sections: [{ key: 's', title: 'A', fields: [field()] }, { key: 's', title: 'B', fields: [field()] }] };
    expect(paths(definition)).toEqual(['sections[1].key', 'sections[1].fields[0].key']);
  });

  it('refuses a field key equal to a section key, since a comment targets either by key', () => {
    const definition = { sections: [{ key: 'a', title: 'A', fields: [field({ key: 'b' })] }, { key: 'b', title: 'B', fields: [field({ key: 'c' })] }] };
    expect(validateDefinition(definition)).toEqual([
      { path: 'sections[0].fields[0].key', message: 'Nyckeln ”b” används redan av avsnittet sections[1]; ett fält och ett avsnitt får inte ha samma nyckel.' },
    ]);
  });

  it('checks text lengths: maxLength 1..20000 and whole numbers only', () => {
    expect(paths(def(field({ maxLength: 20000 })))).toEqual([]);
    expect(paths(def(field({ maxLength: 20001 })))).toEqual(['sections[0].fields[0].maxLength']);
    expect(paths(def(field({ maxLength: 2.5 })))).toEqual(['sections[0].fields[0].maxLength']);
    expect(paths(def(field({ maxLength: '10' })))).toEqual(['sections[0].fields[0].maxLength']);
  });

  it('refuses empty, duplicated or malformed choice options', () => {
    expect(paths(def(field({ type: 'single_choice', options: [] })))).toEqual(['sections[0].fields[0].options']);
    expect(paths(def(field({ type: 'single_choice' })))).toEqual(['sections[0].fields[0].options']);
    expect(
      paths(def(field({ type: 'multiple_choice', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }, { value: '', label: '' }, 'x'] }))),
    ).toEqual([
      'sections[0].fields[0].options[1].value',
      'sections[0].fields[0].options[2].value',
      'sections[0].fields[0].options[2].label',
      'sections[0].fields[0].options[3]',
    ]);
  });

  it('refuses nested tables, bad columns and maxRows outside 1..200', () => {
    const nested = field({ key: 'inner', type: 'repeatable_rows', columns: [field()] });
    expect(
      paths(def(field({ type: 'repeatable_rows', maxRows: 201, columns: [nested, field({ key: 'x', type: 'activity_list' }), field({ key: 'c' }), field({ key: 'c' })] }))),
    ).toEqual([
      'sections[0].fields[0].maxRows',
      'sections[0].fields[0].columns[0].type',
      'sections[0].fields[0].columns[1].type',
      'sections[0].fields[0].columns[3].key',
    ]);
    expect(paths(def(field({ type: 'repeatable_rows', columns: [] })))).toEqual(['sections[0].fields[0].columns']);
    expect(paths(def(field({ type: 'activity_list', maxRows: 0 })))).toEqual(['sections[0].fields[0].maxRows']);
  });

  it('column keys may repeat a field key of the template, since they live inside their row', () => {
    expect(paths(def(field({ key: 'count', type: 'number' }), field({ key: 't', type: 'repeatable_rows', columns: [field({ key: 'count', type: 'number' })] })))).toEqual([]);
  });

  it('an indicator breakdown names an indicator code, of the catalogue when it is given', () => {
    expect(paths(def(field({ type: 'indicator_breakdown' })))).toEqual(['sections[0].fields[0].indicator']);
    expect(paths(def(field({ type: 'indicator_breakdown', indicator: 'iu03; drop' })))).toEqual(['sections[0].fields[0].indicator']);
    expect(paths(def(field({ type: 'indicator_breakdown', indicator: 'XX99' })), { indicatorCodes: ['IU03'] })).toEqual([
      'sections[0].fields[0].indicator',
    ]);
    expect(paths(def(field({ type: 'indicator_breakdown', indicator: 'IU03' })), { indicatorCodes: ['IU03'] })).toEqual([]);
  });

  it('refuses options that do not belong to the type, unknown properties and non-numbers as bounds', () => {
    expect(paths(def(field({ min: 1, maxlength: 3 })))).toEqual(['sections[0].fields[0].min', 'sections[0].fields[0].maxlength']);
    expect(paths(def(field({ type: 'number', min: Number.NaN, max: '5' })))).toEqual(['sections[0].fields[0].min', 'sections[0].fields[0].max']);
    expect(paths(def(field({ type: 'number', integer: true, min: 1.2, max: 1.8 })))).toEqual(['sections[0].fields[0].max']);
    expect(paths({ sections: [{ key: 's', title: 'A', fields: [field()], extra: 1 }], other: true })).toEqual(['other', 'sections[0].extra']);
  });

  it('refuses what is not a definition at all, and empty sections', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths({ sections: 'x' })).toEqual(['sections']);
    expect(paths({ sections: [] })).toEqual(['sections']);
    expect(paths({ sections: [{ key: 's', title: 'A', fields: [] }] })).toEqual(['sections[0].fields']);
    expect(paths({ sections: [7] })).toEqual(['sections[0]']);
  });

  it('refuses NUL in labels and help texts, and missing labels', () => {
    expect(paths(def(field({ label: 'a\u0000b', help: 'x\u0000' })))).toEqual(['sections[0].fields[0].label', 'sections[0].fields[0].help']);
    expect(paths(def(field({ label: '   ' })))).toEqual(['sections[0].fields[0].label']);
    expect(paths(def(field({ required: 'ja' })))).toEqual(['sections[0].fields[0].required']);
  });
});
