// A small RFC 4180 CSV reader for operators' files: quoted fields, delimiters and newlines inside quotes, CRLF, a UTF-8
// BOM from Excel, and `;`-separated files as Indonesian Excel writes them (the delimiter is read off the header row).
export type CsvRecord = {
  /** The line of the file the record starts on (1 = the header). */
  line: number;
  fields: string[];
};

export type CsvTable = { delimiter: ',' | ';'; records: CsvRecord[] };

/** `,` or `;`: whichever occurs more often outside quotes on the first line (a tie, or neither, is `,`). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Every record of the text, blank lines left out (a line of empty fields too, as Excel writes for an empty row).
 * A quote inside a quoted field is doubled (`""`); a stray quote inside an unquoted field is kept as it is. An
 * unterminated quoted field runs to the end of the file.
 */
export function parseCsv(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records };
}
