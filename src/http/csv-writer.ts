// The project's one CSV writer (RFC 4180: CRLF lines, quoted where needed, `,` or `;` between fields), streamed a
// chunk of rows at a time so that a file of any length holds one chunk in memory; a text cell that a spreadsheet would
// run as a formula is defused.
import { chunkedStream } from './chunked-stream.js';

export type CsvSeparator = ',' | ';';
export type CsvValue = string | number | null;

/** A cell starting with one of these is a formula to Excel, LibreOffice and Sheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: a text that starts like a formula gets a leading `'`; quoted when it holds `"`, either separator or
 * a newline (so the same field is right in a `,` and in a `;` file).
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, ended by CRLF. */
export function csvRecord(fields: readonly CsvValue[], sep: CsvSeparator = ','): string {
  return `${fields.map(csvField).join(sep)}\r\n`;
}

export type CsvSource<T> = {
  header: readonly string[];
  /** `,` unless told. */
  sep?: CsvSeparator;
  /** Starts the file with a UTF-8 byte order mark, so that Excel reads it as UTF-8. */
  bom?: boolean;
  /** The chunk after the last row written (null: the first one); an empty chunk ends the file. */
  next: (last: T | null) => readonly T[];
  record: (row: T) => readonly CsvValue[];
  /** Told once, with the rows written: at the end of the file (`complete`), or when the reader stops or a read fails. */
  end?: (rows: number, complete: boolean) => void;
};

/** The header, then one chunk per pull: the reader's pace decides how far the query has gone. */
export function csvStream<T>(source: CsvSource<T>): ReadableStream<Uint8Array> {
  const sep = source.sep ?? ',';
  return chunkedStream({
    start: `${source.bom ? '\uFEFF' : ''}${csvRecord(source.header, sep)}`,
    next: source.next,
    render: (chunk) => chunk.map((row) => csvRecord(source.record(row), sep)).join(''),
    end: source.end,
  });
}
