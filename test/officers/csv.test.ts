// The operators' CSV reader: quoted fields with commas, quotes and newlines, a BOM, `;` files, CRLF, blank lines.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../src/officers/csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines inside, and numbers the lines', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\nplain,,end\n';
    expect(parseCsv(text)).toEqual({
      delimiter: ',',
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
        { line: 4, fields: ['plain', '', 'end'] },
      ],
    });
  });

  it('drops an Excel BOM, reads CRLF, and skips empty lines and rows of empty fields', () => {
    const text = '\uFEFFusername;name\r\n\r\nbudi;Budi\r\n;\r\n"siti";"Siti; S."\r\n';
    const table = parseCsv(text);
    expect(table.delimiter).toBe(';');
    expect(table.records).toEqual([
      { line: 1, fields: ['username', 'name'] },
      { line: 3, fields: ['budi', 'Budi'] },
      { line: 5, fields: ['siti', 'Siti; S.'] },
    ]);
  });

  it('takes the delimiter from the header, ignoring quoted ones; a last line without a newline counts', () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('a;b,c;d')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(parseCsv('h\nlast').records).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['last'] },
    ]);
  });
});
