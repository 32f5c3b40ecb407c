import { toCsv } from './report-csv';

describe('report CSV', () => {
  it('writes a header and CRLF rows, quoting only where needed', () => {
    expect(toCsv(['a', 'b'], [{ a: 'plain', b: 1 }, { a: 'with, comma', b: 'say "hi"' }, { a: null, b: 'two\nlines' }]))
      .toBe('a,b\r\nplain,1\r\n"with, comma","say ""hi"""\r\n,"two\nlines"\r\n');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv(['x'], [{ x: '=HYPERLINK("evil")' }, { x: '-12' }, { x: '@SUM(A1)' }])).toBe('x\r\n"\'=HYPERLINK(""evil"")"\r\n-12\r\n\'@SUM(A1)\r\n');
  });
});
