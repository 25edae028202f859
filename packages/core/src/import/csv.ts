/**
 * A small RFC 4180 CSV reader and writer, enough for the national data files
 * (France Services list, lieux de médiation numérique): quoted fields with
 * commas, quotes (`""`) and line breaks, CRLF, LF or CR line ends, a leading
 * byte-order mark, and `,`, `;` or tab separators (guessed from the header
 * line when not given). No dependency, no DOM, no Node API.
 *
 * @module
 */

/** A field separator the reader understands. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Something odd the reader met while splitting the text into records. */
export interface CsvProblem {
  /** 1-based record number (the header is record 0). */
  readonly row: number;
  /** `csv.quote.unclosed`: a quote never closed; `csv.quote.stray`: text after a closing quote. */
  readonly code: 'csv.quote.unclosed' | 'csv.quote.stray';
}

/** The records of a CSV text. */
export interface CsvTable {
  /** The separator used (given or guessed). */
  readonly delimiter: CsvDelimiter;
  /** The first record, each name trimmed. Empty when the text is empty. */
  readonly header: string[];
  /**
   * The data records, in order. `rows[i]` is record `i + 1`. A blank line is
   * kept as `null` so that record numbers stay those a spreadsheet shows
   * (minus one for the header).
   */
  readonly rows: (string[] | null)[];
  /** Quoting problems, with their record number. */
  readonly problems: CsvProblem[];
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Guesses the separator from the first line: the one of `,`, `;` and tab
 * that occurs most often outside quotes (`,` on a tie or when none occurs).
 */
export function guessDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** A quoted field whose text starts at `from`: its value and the index just after the closing quote. */
function readQuoted(input: string, from: number): { value: string; end: number; closed: boolean } {
  const close = input.indexOf('"', from);
  if (close === -1) return { value: input.slice(from), end: input.length, closed: false };
  // Most fields hold no doubled quote: one slice.
  if (input.charCodeAt(close + 1) !== QUOTE) return { value: input.slice(from, close), end: close + 1, closed: true };
  const parts: string[] = [];
  let at = from;
  for (;;) {
    const q = input.indexOf('"', at);
    if (q === -1) {
      parts.push(input.slice(at));
      return { value: parts.join(''), end: input.length, closed: false };
    }
    parts.push(input.slice(at, q));
    if (input.charCodeAt(q + 1) !== QUOTE) return { value: parts.join(''), end: q + 1, closed: true };
    parts.push('"');
    at = q + 2;
  }
}

/**
 * Splits a CSV text into records (RFC 4180, tolerant). A leading byte-order
 * mark is removed; a final line break does not make an empty record.
 *
 * @example
 * parseCsv('a,b\r\n"1,5","say ""hi"""\n').rows // [['1,5', 'say "hi"']]
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvTable {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? guessDelimiter(input);
  const sep = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const problems: CsvProblem[] = [];
  const n = input.length;
  // The regular case, one native regex step per field: a quoted field ("" inside
  // allowed) or an unquoted one without quotes, then a separator, a line end or the end.
  const d = delimiter === '\t' ? '\\t' : delimiter;
  const field = new RegExp(`(?:"((?:[^"]|"")*)"|([^${d}"\\r\\n]*))(?:(${d})|(\\r\\n|\\n|\\r)|$)`, 'y');
  let i = 0;
  let record: string[] = [];
  while (i < n) {
    field.lastIndex = i;
    const m = field.exec(input);
    if (m) {
      const quotedValue = m[1];
      record.push(quotedValue === undefined ? (m[2] ?? '') : quotedValue.includes('""') ? quotedValue.replaceAll('""', '"') : quotedValue);
      i = field.lastIndex;
      if (m[3] !== undefined) {
        if (i >= n) record.push('');
        continue;
      }
      records.push(record);
      record = [];
      continue;
    }
    // Irregular field: a quote never closed, text after a closing quote, or a quote inside an unquoted field.
    let value: string;
    if (input.charCodeAt(i) === QUOTE) {
      const quoted = readQuoted(input, i + 1);
      value = quoted.value;
      i = quoted.end;
      if (!quoted.closed) problems.push({ row: records.length, code: 'csv.quote.unclosed' });
    } else {
      value = '';
    }
    // Text up to the next separator or line end is kept, and reported when it follows a closing quote.
    let j = i;
    while (j < n && input.charCodeAt(j) !== sep && input.charCodeAt(j) !== LF && input.charCodeAt(j) !== CR) j++;
    if (j > i && input.charCodeAt(i - 1) === QUOTE) problems.push({ row: records.length, code: 'csv.quote.stray' });
    value += input.slice(i, j);
    i = j;
    record.push(value);
    if (i >= n) break;
    const c = input.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) record.push('');
      continue;
    }
    // A line end: CRLF, LF or CR.
    i += c === CR && input.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  const [first, ...rest] = records;
  return {
    delimiter,
    header: (first ?? []).map((name) => name.trim()),
    rows: rest.map((r) => (r.length === 1 && r[0] === '' ? null : r)),
    problems,
  };
}

/** Quotes a field when it needs it (separator, quote, line break, or outer spaces). */
function quoteField(value: string, delimiter: CsvDelimiter): string {
  if (value === '') return '';
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || value.trim() !== value;
  return needs ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes records as CSV text (RFC 4180): CRLF line ends, a field quoted only
 * when it holds the separator, a quote, a line break or outer spaces.
 *
 * @example
 * writeCsv([['nom', 'adresse'], ['Mairie', '1, place de la Mairie']]) // 'nom,adresse\r\nMairie,"1, place de la Mairie"\r\n'
 */
export function writeCsv(records: readonly (readonly string[])[], options: { delimiter?: CsvDelimiter } = {}): string {
  const delimiter = options.delimiter ?? ',';
  return records.map((record) => record.map((value) => quoteField(value, delimiter)).join(delimiter) + '\r\n').join('');
}
