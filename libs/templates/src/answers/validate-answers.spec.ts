import { TemplateDefinition } from '../definition/template-definition.js';
import { validateDefinition } from '../definition/validate-definition.js';
import { completeness, missingRequired } from './answered.js';
import { validateAnswers } from './validate-answers.js';

const definition: TemplateDefinition = {
  sections: [
    {
      key: 'general',
      title: 'Allmänt',
      fields: [
        { key: 'summary', type: 'short_text', label: 'Sammanfattning', required: true, maxLength: 20 },
        { key: 'story', type: 'long_text', label: 'Berättelse' },
        { key: 'share', type: 'number', label: 'Andel', min: 0, max: 100, unit: '%' },
        { key: 'whole', type: 'number', label: 'Antal', integer: true },
        { key: 'level', type: 'single_choice', label: 'Nivå', options: [{ value: 'low', label: 'Låg' }, { value: 'high', label: 'Hög' }] },
        { key: 'areas', type: 'multiple_choice', label: 'Områden', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { key: 'decided', type: 'date', label: 'Beslutsdatum' },
        { key: 'agreement', type: 'yes_no', label: 'Följs avtalet?', required: true },
        { key: 'tags', type: 'theme_tags', label: 'Teman' },
      ],
    },
    {
      key: 'results',
      title: 'Resultat',
      fields: [
        { key: 'iu03', type: 'indicator_breakdown', label: 'IU03', indicator: 'IU03', required: true, commentMaxLength: 10 },
        {
          key: 'deviations',
          type: 'repeatable_rows',
          label: 'Avvikelser',
          maxRows: 2,
          columns: [
            { key: 'kind', type: 'short_text', label: 'Typ', required: true },
            { key: 'count', type: 'number', label: 'Antal', min: 0, integer: true },
            { key: 'flaw', type: 'yes_no', label: 'Systemfel' },
          ],
        },
        { key: 'activities', type: 'activity_list', label: 'Aktiviteter', required: true },
      ],
    },
  ],
};

const save = (answers: Record<string, unknown>, options = {}) => validateAnswers(definition, answers, 'save', options);
const submit = (answers: Record<string, unknown>) => validateAnswers(definition, answers, 'submit');
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

const complete = {
  summary: 'Bra år',
  agreement: true,
  iu03: { rows: [{ orgUnitCode: '1482', comment: 'Bättre' }], interpretation: 'Samlad bild' },
  activities: [{ name: 'Workshop om in- och utskrivning', shift: 'continuity_and_coordination', status: 'pågående' }],
};

describe('validateAnswers', () => {
  it('the test template is a valid definition', () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('a draft may be empty or partial; a submit needs the required fields, each problem with section and field', () => {
    expect(save({})).toEqual([]);
    expect(save({ summary: 'Hej' })).toEqual([]);
    expect(submit({ summary: '  ' })).toEqual([
      { path: 'summary', section: 'general', field: 'summary', message: 'Fältet måste fyllas i.' },
      { path: 'agreement', section: 'general', field: 'agreement', message: 'Fältet måste fyllas i.' },
      { path: 'iu03', section: 'results', field: 'iu03', message: 'Fältet måste fyllas i.' },
      { path: 'activities', section: 'results', field: 'activities', message: 'Fältet måste fyllas i.' },
    ]);
    expect(submit(complete)).toEqual([]);
  });

  it('yes/no answered "no" counts as answered', () => {
    expect(paths(submit({ ...complete, agreement: false }))).toEqual([]);
    expect(paths(save({ agreement: 'ja' }))).toEqual(['agreement']);
  });

  it('refuses unknown keys', () => {
    const problems = save({ summary: 'x', nope: 1, 'odd key': 2 });
    expect(problems).toEqual([
      { path: 'nope', section: '', field: 'nope', message: 'Mallen har inget fält med den nyckeln.' },
      { path: '["odd key"]', section: '', field: 'odd key', message: 'Mallen har inget fält med den nyckeln.' },
    ]);
  });

  it('texts: type, length by characters (default 500 / 20 000), NUL refused', () => {
    expect(paths(save({ summary: 'å'.repeat(20) }))).toEqual([]);
    expect(save({ summary: 'å'.repeat(21) })[0].message).toBe('Texten får vara högst 20 tecken (nu 21).');
    expect(paths(save({ summary: '😀'.repeat(20) }))).toEqual([]);
    expect(paths(save({ summary: 5 }))).toEqual(['summary']);
    expect(paths(save({ story: 'x'.repeat(20000) }))).toEqual([]);
    expect(save({ story: 'x'.repeat(20001) })[0].message).toBe('Texten får vara högst 20 000 tecken (nu 20 001).');
    expect(save({ story: 'a\u0000b' })[0].message).toContain('NUL');
    expect(paths(save({ story: 'a\ud800b' }))).toEqual(['story']);
    expect(paths(save({ story: '<script>alert(1)</script>\n\nRad två' }))).toEqual([]);
  });

  it('numbers: finite numbers within bounds, integers where asked, never strings', () => {
    expect(paths(save({ share: 0, whole: 41 }))).toEqual([]);
    expect(paths(save({ share: 100.5 }))).toEqual(['share']);
    expect(save({ share: -1 })[0].message).toBe('Talet får inte vara mindre än 0.');
    expect(paths(save({ share: '50' }))).toEqual(['share']);
    expect(paths(save({ share: Number.POSITIVE_INFINITY }))).toEqual(['share']);
    expect(paths(save({ share: Number.NaN }))).toEqual(['share']);
    expect(save({ whole: 2.5 })[0].message).toBe('Måste vara ett heltal.');
  });

  it('choices must be among the options, once each', () => {
    expect(paths(save({ level: 'high', areas: ['a', 'b'] }))).toEqual([]);
    expect(paths(save({ level: 'medium' }))).toEqual(['level']);
    expect(paths(save({ level: ['low'] }))).toEqual(['level']);
    expect(paths(save({ areas: ['a', 'c', 'a', 3] }))).toEqual(['areas[1]', 'areas[2]', 'areas[3]']);
    expect(paths(save({ areas: 'a' }))).toEqual(['areas']);
  });

  it('dates are real ISO dates', () => {
    expect(paths(save({ decided: '2024-02-29' }))).toEqual([]);
    expect(paths(save({ decided: '2023-02-29' }))).toEqual(['decided']);
    expect(paths(save({ decided: '2023-1-5' }))).toEqual(['decided']);
    expect(paths(save({ decided: '2023-01-05T00:00:00Z' }))).toEqual(['decided']);
  });

  it('theme tags come from the vocabulary when it is given', () => {
    expect(paths(save({ tags: ['sip', 'avvikelser'] }, { themeTags: ['sip', 'avvikelser'] }))).toEqual([]);
    expect(paths(save({ tags: ['sip', 'okänt', 'sip'] }, { themeTags: ['sip'] }))).toEqual(['tags[1]', 'tags[2]']);
    expect(paths(save({ tags: ['Not A Key'] }))).toEqual(['tags[0]']);
  });

  it('indicator breakdown: rows of org unit and comment, an interpretation, nothing else', () => {
    expect(paths(save({ iu03: { rows: [{ orgUnitCode: '1482', comment: 'Kort' }, { orgUnitCode: '1484', comment: '' }] } }))).toEqual([]);
    expect(
      paths(
        save({
          iu03: {
            rows: [{ orgUnitCode: '1482', comment: 'alldeles för lång' }, { orgUnitCode: '1482', comment: 'x', value: 5 }, { comment: 'x' }, 'x'],
            interpretation: 7,
            extra: true,
          },
        }),
      ),
    ).toEqual(['iu03.extra', 'iu03.interpretation', 'iu03.rows[0].comment', 'iu03.rows[1].value', 'iu03.rows[1].orgUnitCode', 'iu03.rows[2].orgUnitCode', 'iu03.rows[3]']);
    expect(paths(submit({ ...complete, iu03: { rows: [{ orgUnitCode: '1482', comment: 'x' }], interpretation: ' ' } }))).toEqual(['iu03']);
  });

  it('repeatable rows: columns validated, unknown cells refused, required cells on submit, maxRows kept', () => {
    expect(paths(save({ deviations: [{ kind: 'In- och utskrivning', count: 12, flaw: true }, {}] }))).toEqual([]);
    expect(paths(save({ deviations: [{ kind: 3, count: -1, flaw: 'ja', other: 1 }] }))).toEqual([
      'deviations[0].other',
      'deviations[0].kind',
      'deviations[0].count',
      'deviations[0].flaw',
    ]);
    expect(paths(submit({ ...complete, deviations: [{ count: 3 }, { kind: ' ' }] }))).toEqual(['deviations[0].kind', 'deviations[1].kind']);
    expect(paths(save({ deviations: [{}, {}, {}] }))).toEqual(['deviations']);
    expect(paths(save({ deviations: { kind: 'x' } }))).toEqual(['deviations']);
  });

  it('activities: a shift of the six, a status of three, a name; incomplete rows pass a save but not a submit', () => {
    expect(paths(save({ activities: [{ name: 'SIP-utbildning' }, { status: 'klart' }] }))).toEqual([]);
    expect(paths(save({ activities: [{ name: 'x', shift: 'sip', status: 'done', owner: 'x' }] }))).toEqual([
      'activities[0].owner',
      'activities[0].shift',
      'activities[0].status',
    ]);
    expect(paths(submit({ ...complete, activities: [{ name: 'SIP-utbildning', status: 'inte_påbörjad' }] }))).toEqual(['activities[0].shift']);
    expect(paths(submit({ ...complete, activities: [{}] }))).toEqual(['activities[0].name', 'activities[0].shift', 'activities[0].status']);
  });

  it('answers that are not an object are one problem', () => {
    expect(paths(validateAnswers(definition, [] as never, 'save'))).toEqual(['']);
  });
});

describe('completeness', () => {
  it('is the share of required fields answered', () => {
    expect(completeness(definition, {})).toBe(0);
    expect(completeness(definition, { summary: 'x', agreement: false })).toBe(0.5);
    expect(completeness(definition, complete)).toBe(1);
    expect(completeness(definition, { ...complete, activities: [] })).toBe(0.75);
    expect(completeness({ sections: [{ key: 's', title: 'S', fields: [{ key: 'a', type: 'yes_no', label: 'A' }] }] }, {})).toBe(1);
  });

  it('missingRequired lists what a submit still needs, in template order', () => {
    expect(missingRequired(definition, { agreement: true })).toEqual([
      { section: 'general', field: 'summary', label: 'Sammanfattning' },
      { section: 'results', field: 'iu03', label: 'IU03' },
      { section: 'results', field: 'activities', label: 'Aktiviteter' },
    ]);
  });
});
