import { parseSwedishNumber } from './swedish-number.parser.js';

describe('parseSwedishNumber', () => {
  it.each([
    ['2 832', 2832],
    ['2\u00a0832', 2832],
    ['2\u202f832', 2832],
    ['62,6', 62.6],
    ['62.6', 62.6],
    ['\u22123,2', -3.2],
    ['-3,2', -3.2],
    ['1 234,5', 1234.5],
    ['1 234 567', 1234567],
    ['  4 ', 4],
    ['0,25', 0.25],
    [',5', 0.5],
    ['62,6 %', 62.6],
    ['1,5E-03', 0.0015],
    ['1,234', 1.234],
    ['+7', 7],
    [13, 13],
  ])('reads %j as %d', (input, expected) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1,234,5', '”1,234,5” har flera decimaltecken – skriv tusental med mellanslag, t.ex. 1 234,5'],
    ['1.234.567', '”1.234.567” har flera decimaltecken – skriv tusental med mellanslag, t.ex. 1 234,5'],
    ['1.234,5', '”1.234,5” blandar punkt och komma – använd komma som decimaltecken och mellanslag mellan tusental'],
    ['28 32', '”28 32” har felaktig tusentalsgruppering – grupperna ska ha tre siffror, t.ex. 2 832'],
    ['abc', '”abc” är inget tal'],
    ['12a', '”12a” är inget tal'],
    ['#DIV/0!', '”#DIV/0!” är inget tal'],
    ['', 'Värdet saknas'],
    [null, 'Värdet saknas'],
  ])('rejects %j', (input, reason) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: false, reason });
  });
});
