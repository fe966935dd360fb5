import { etagOf, readIfMatch } from './if-match.js';

describe('readIfMatch', () => {
  it.each([
    ['"3"', { version: 3 }],
    ['W/"12"', { version: 12 }],
    [' 7 ', { version: 7 }],
    [undefined, 'absent'],
    ['  ', 'absent'],
    ['"abc"', 'unreadable'],
    ['"1", "2"', 'unreadable'],
    ['"1234567890"', 'unreadable'],
  ])('%p → %p', (header, expected) => {
    expect(readIfMatch(header)).toEqual(expected);
  });

  it('round-trips an ETag', () => {
    expect(readIfMatch(etagOf(42))).toEqual({ version: 42 });
  });
});
