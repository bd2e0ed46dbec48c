// CSV for funders' reports. Excel is what most of them open it with, so: a byte-order mark (without
// it Excel reads UTF-8 as the local code page and Arabic turns to noise), CRLF line ends and
// RFC 4180 quoting. A text cell that a spreadsheet would take for a formula (= + - @, or a tab or
// carriage return in front of one) is prefixed with an apostrophe: an article title or a referring
// domain is outside text, and must never run as a formula on a funder's machine.

export type CsvCell = string | number;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  // Numbers we computed are written as they are, so a spreadsheet can add them up.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, a header row, then one line per row, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
