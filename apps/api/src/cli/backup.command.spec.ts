import { withoutNpmBanner } from './backup.command.js';

describe('reading a year backup written through npm run', () => {
  it("drops npm's run-script banner above the document, so `npm run cli -- export > cycle.json` reads back", () => {
    const banner = '\n> arshjulet@0.1.0 cli\n> node scripts/cli.mjs export --year 2025\n\n';
    expect(JSON.parse(withoutNpmBanner(`${banner}{"format":"x"}\n`))).toEqual({ format: 'x' });
  });

  it('leaves a document without a banner, and a broken one, as they are', () => {
    expect(withoutNpmBanner('{"a":"> b\\n"}')).toBe('{"a":"> b\\n"}');
    expect(withoutNpmBanner('> not json')).toBe('> not json');
  });
});
