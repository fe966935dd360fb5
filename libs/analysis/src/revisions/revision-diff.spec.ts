import { diffAnswers } from './revision-diff.js';

const definition = {
  sections: [
    { key: 's', title: 'S', fields: [{ key: 'text', type: 'long_text' as const, label: 'Text' }, { key: 'rows', type: 'repeatable_rows' as const, label: 'Rader' }, { key: 'flag', type: 'yes_no' as const, label: 'Flagga' }] },
  ],
};

describe('diffAnswers', () => {
  it('reports only what differs, in template order, texts as word and line diffs', () => {
    const fields = diffAnswers(definition, { text: 'Två rader\nandra raden', flag: true }, { text: 'Två rader\nändrade raden', rows: [{ a: 1 }] });
    expect(fields.map((f) => [f.field, f.change])).toEqual([['text', 'changed'], ['rows', 'added'], ['flag', 'removed']]);
    const text = fields[0]!.changes[0]!;
    expect(text.words!.filter((p) => p.removed).map((p) => p.value)).toEqual(['andra']);
    expect(text.words!.filter((p) => p.added).map((p) => p.value)).toEqual(['ändrade']);
    expect(text.lines!.filter((p) => p.added).map((p) => p.value)).toEqual(['ändrade raden']);
  });

  it('finds nothing between equal answers, and lists a key the template does not know after the known ones', () => {
    expect(diffAnswers(definition, { text: 'x', rows: [{ a: 1 }] }, { text: 'x', rows: [{ a: 1 }] })).toEqual([]);
    expect(diffAnswers(definition, {}, { gammal: 1, text: 'y' }).map((f) => f.field)).toEqual(['text', 'gammal']);
  });
});
