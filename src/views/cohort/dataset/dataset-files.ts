/**
 * The analysis dataset's files: the tables as CSV (through the app's CSV helper, so formula cells
 * are escaped) and as Parquet (hyparquet-writer), the dictionary, syntax files that read the CSVs
 * with types and labels for R, SPSS and Stata, a README, and one ZIP of them all. Pure (no DOM):
 * runs in the export worker.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { dayToIso } from '../../../data/days';
import { zipStore, type ZipEntry } from '../../../domain/zip';
import type { DatasetColumn, DatasetTable, DatasetVariable, ValueLabel } from '../../../model/dataset/dataset-table';
import { escapeCell } from '../../shared/csv';

/** A Parquet schema element, as the writer takes it. */
type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

const YES_NO: readonly ValueLabel[] = [
  { code: '1', label: 'Yes' },
  { code: '0', label: 'No' },
];

const encoder = new TextEncoder();

/**
 * A column's cells as CSV bytes: each distinct cell written once (through escapeCell) into `pool`,
 * cell k being pool[at[k]] to pool[at[k + 1]], and each row's cell number (-1 empty).
 */
interface CsvCells {
  pool: Uint8Array;
  at: Int32Array;
  cell: Int32Array | Int8Array;
}

function csvCells(words: readonly (string | number)[], cell: Int32Array | Int8Array): CsvCells {
  const bytes = words.map((w) => encoder.encode(escapeCell(w)));
  const at = new Int32Array(bytes.length + 1);
  bytes.forEach((b, k) => (at[k + 1] = at[k] + b.length));
  const pool = new Uint8Array(at[bytes.length]);
  bytes.forEach((b, k) => pool.set(b, at[k]));
  return { pool, at, cell };
}

/** Number cells: each distinct value once (day numbers as ISO dates for dates). */
function numberCells(v: DatasetVariable, values: Float64Array): CsvCells {
  const n = values.length;
  const cell = new Int32Array(n);
  const words: (string | number)[] = [];
  const text = v.type === 'date' ? (d: number) => dayToIso(d) : (x: number) => x;
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    if (whole && !Number.isInteger(x)) whole = false;
  }
  if (whole && hi - lo < 1 << 22) {
    // Whole numbers over a short range (days, counts): looked up by value in a table.
    const seen = new Int32Array(hi >= lo ? hi - lo + 1 : 0).fill(-1);
    for (let i = 0; i < n; i++) {
      const x = values[i];
      if (x !== x) cell[i] = -1;
      else {
        let k = seen[x - lo];
        if (k < 0) seen[x - lo] = k = words.push(text(x)) - 1;
        cell[i] = k;
      }
    }
  } else {
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = values[i];
      if (x !== x) cell[i] = -1;
      else {
        let k = seen.get(x);
        if (k === undefined) seen.set(x, (k = words.push(text(x)) - 1));
        cell[i] = k;
      }
    }
  }
  return csvCells(words, cell);
}

function cellsOf(v: DatasetVariable, col: DatasetColumn): CsvCells {
  if (col.kind === 'text') return csvCells(col.dict, col.codes);
  if (col.kind === 'flag') return csvCells(['0', '1'], col.values);
  return numberCells(v, col.values);
}

/** The table as CSV bytes, as toCsv writes it (header row, CRLF, every cell through escapeCell). */
export function tableCsvBytes(table: DatasetTable): Uint8Array {
  const header = encoder.encode(table.variables.map((v) => escapeCell(v.name)).join(',') + '\r\n');
  const cols = table.variables.map((v, c) => cellsOf(v, table.columns[c]));
  // The exact length first (commas and line ends, then every cell), so that one buffer holds it all.
  let size = header.length + table.rowCount * (cols.length + 1);
  for (const { at, cell } of cols) for (let r = 0; r < table.rowCount; r++) if (cell[r] >= 0) size += at[cell[r] + 1] - at[cell[r]];
  const out = new Uint8Array(size);
  out.set(header);
  let n = header.length;
  for (let r = 0; r < table.rowCount; r++) {
    for (let c = 0; c < cols.length; c++) {
      if (c) out[n++] = 44;
      const { pool, at, cell } = cols[c];
      const k = cell[r];
      if (k < 0) continue;
      for (let j = at[k], e = at[k + 1]; j < e; j++) out[n++] = pool[j];
    }
    out[n++] = 13;
    out[n++] = 10;
  }
  return out;
}

/** The table as CSV text. */
export function tableCsv(table: DatasetTable): string {
  return new TextDecoder().decode(tableCsvBytes(table));
}

function schemaOf(v: DatasetVariable, required: boolean): SchemaElement {
  const base = { name: v.name, repetition_type: required ? 'REQUIRED' : 'OPTIONAL' } as const;
  switch (v.type) {
    case 'string':
    case 'code':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'yesno':
      return { ...base, type: 'BOOLEAN' };
    case 'integer':
      return { ...base, type: 'INT32' };
    case 'number':
      return { ...base, type: 'DOUBLE' };
    case 'date':
      return { ...base, type: 'INT32', converted_type: 'DATE' };
  }
}

/** A column's values as the Parquet writer takes them, and whether none is unknown (REQUIRED). */
function parquetData(v: DatasetVariable, col: DatasetColumn): { data: unknown[] | Int32Array | Float64Array; required: boolean } {
  const n = col.kind === 'text' ? col.codes.length : col.values.length;
  let required = true;
  if (col.kind === 'text') {
    const data = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0) ((required = false), (data[i] = null));
      else data[i] = col.dict[c];
    }
    return { data, required };
  }
  if (col.kind === 'flag') {
    const data = new Array<boolean | null>(n);
    for (let i = 0; i < n; i++) {
      const x = col.values[i];
      if (x < 0) ((required = false), (data[i] = null));
      else data[i] = x === 1;
    }
    return { data, required };
  }
  const values = col.values;
  for (let i = 0; i < n && required; i++) if (values[i] !== values[i]) required = false;
  if (required) return { data: v.type === 'number' ? values : Int32Array.from(values), required };
  const data = new Array<number | null>(n);
  for (let i = 0; i < n; i++) data[i] = values[i] !== values[i] ? null : values[i];
  return { data, required };
}

/** The table as Parquet: dates as DATE (days since 1970-01-01, as the app keeps them), yes/no as BOOLEAN. */
export function tableParquet(table: DatasetTable, metadata: Record<string, string>): Uint8Array {
  const columns = table.variables.map((v, i) => ({ v, ...parquetData(v, table.columns[i]) }));
  const buffer = parquetWriteBuffer({
    // Numbers plain (no dictionary tried first), text as dictionary pages: both far faster to write than the defaults.
    columnData: columns.map(({ v, data }) => ({ name: v.name, data: data as never, encoding: v.type === 'string' || v.type === 'code' ? ('RLE_DICTIONARY' as const) : v.type === 'yesno' ? ('RLE' as const) : ('PLAIN' as const) })),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map(({ v, required }) => schemaOf(v, required))],
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'Waymark',
    statistics: false,
    rowGroupSize: 250_000,
  });
  return new Uint8Array(buffer);
}

const valueList = (v: DatasetVariable): readonly ValueLabel[] => (v.type === 'yesno' ? YES_NO : (v.values ?? []));

/** dictionary.csv: every variable of every table, with its allowed values and the definition in force. */
export function dictionaryCsv(tables: readonly DatasetTable[]): string {
  const header = ['file', 'variable', 'label', 'type', 'allowed_values', 'definition_in_force'];
  const lines = [header.map(escapeCell).join(',')];
  for (const t of tables)
    for (const v of t.variables) {
      const values = valueList(v).map((x) => `${x.code} = ${x.label}`).join('; ');
      lines.push([`${t.name}.csv`, v.name, v.label, v.type, values, v.definition ?? ''].map(escapeCell).join(','));
    }
  return lines.join('\r\n') + '\r\n';
}

// --- R -------------------------------------------------------------------------------------------

const rString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const R_CLASS: Record<DatasetVariable['type'], string> = { string: 'character', code: 'character', yesno: 'integer', integer: 'integer', number: 'numeric', date: 'character' };

function rTable(t: DatasetTable): string[] {
  const d = t.name;
  const lines = [
    `${d} <- read.csv(${rString(`${d}.csv`)}, na.strings = "", fileEncoding = "UTF-8", check.names = FALSE,`,
    `  colClasses = c(${t.variables.map((v) => `${v.name} = ${rString(R_CLASS[v.type])}`).join(', ')}))`,
  ];
  for (const v of t.variables) {
    const col = `${d}$${v.name}`;
    if (v.type === 'date') lines.push(`${col} <- as.Date(${col})`);
    if (v.type === 'yesno') lines.push(`${col} <- ${col} == 1L`);
    if (v.type === 'code' && v.values?.length)
      lines.push(`${col} <- factor(${col}, levels = c(${v.values.map((x) => rString(x.code)).join(', ')}), labels = c(${v.values.map((x) => rString(x.label)).join(', ')}))`);
    lines.push(`attr(${col}, "label") <- ${rString(v.label)}`);
  }
  return lines;
}

export function loadR(tables: readonly DatasetTable[]): string {
  return [
    '# Waymark analysis dataset: reads the CSV files with their types and labels.',
    '# Set the working directory to the folder of the unzipped files, then: source("load.R")',
    '# Codes become factors labelled as in dictionary.csv; yes/no become TRUE/FALSE; dates become Date.',
    '# The Parquet files hold the same data: arrow::read_parquet("women.parquet") reads them.',
    '',
    ...tables.flatMap((t) => [...rTable(t), '']),
  ].join('\n');
}

// --- SPSS ----------------------------------------------------------------------------------------

const spssString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function spssFormat(t: DatasetTable, i: number): string {
  const v = t.variables[i];
  switch (v.type) {
    case 'string':
    case 'code': {
      // SPSS widths are in bytes: a character outside ASCII takes several.
      const col = t.columns[i] as Extract<DatasetColumn, { kind: 'text' }>;
      let width = 1;
      for (const x of col.dict) width = Math.max(width, /[^\x00-\x7f]/.test(x) ? utf8Length(x) : x.length);
      return `A${Math.min(32767, width)}`;
    }
    case 'yesno':
      return 'F1.0';
    case 'integer':
      return 'F8.0';
    case 'number':
      return 'F12.2';
    case 'date':
      return 'SDATE10';
  }
}

function spssTable(t: DatasetTable): string[] {
  const lines = [
    `GET DATA /TYPE=TXT /FILE=${spssString(`${t.name}.csv`)} /ENCODING='UTF8' /ARRANGEMENT=DELIMITED /DELIMITERS=',' /QUALIFIER='"' /FIRSTCASE=2`,
    '  /VARIABLES=',
    ...t.variables.map((v, i) => `  ${v.name} ${spssFormat(t, i)}`),
    '.',
    `DATASET NAME ${t.name}.`,
    'VARIABLE LABELS',
    ...t.variables.map((v, i) => `  ${i ? '/' : ''}${v.name} ${spssString(v.label)}`),
    '.',
  ];
  const labelled = t.variables.filter((v) => v.type === 'yesno' || (v.type === 'code' && v.values?.length));
  if (labelled.length) {
    lines.push('VALUE LABELS');
    labelled.forEach((v, i) => {
      const pairs = valueList(v).map((x) => (v.type === 'yesno' ? `${x.code} ${spssString(x.label)}` : `${spssString(x.code)} ${spssString(x.label)}`));
      lines.push(`  ${i ? '/' : ''}${v.name} ${pairs.join(' ')}`);
    });
    lines.push('.');
  }
  const dates = t.variables.filter((v) => v.type === 'date');
  if (dates.length) lines.push(`FORMATS ${dates.map((v) => `${v.name} (SDATE10)`).join(' ')}.`);
  lines.push('EXECUTE.');
  return lines;
}

export function loadSps(tables: readonly DatasetTable[]): string {
  return [
    '* Waymark analysis dataset: reads the CSV files with their types, variable labels and value labels.',
    '* Open this file from the folder of the unzipped files (or add CD with that folder first), then run all.',
    '* Each file becomes a dataset named after it (women, events).',
    '',
    ...tables.flatMap((t) => [...spssTable(t), '']),
  ].join('\n');
}

// --- Stata ---------------------------------------------------------------------------------------

/** Stata labels: at most 80 characters, double quotes as single. */
const stataLabel = (s: string) => `"${(s.length > 80 ? `${s.slice(0, 79)}…` : s).replace(/"/g, "'")}"`;

function stataTable(t: DatasetTable): string[] {
  const strings = t.variables.flatMap((v, i) => (v.type === 'string' || v.type === 'code' || v.type === 'date' ? [i + 1] : []));
  const lines = [
    `import delimited using "${t.name}.csv", clear varnames(1) case(preserve) encoding("utf-8") bindquote(strict)${strings.length ? ` stringcols(${strings.join(' ')})` : ''}`,
  ];
  for (const v of t.variables) {
    if (v.type === 'date') {
      lines.push(`generate _d = date(${v.name}, "YMD")`, `format _d %td`, `drop ${v.name}`, `rename _d ${v.name}`);
    }
    if (v.type === 'code' && v.values?.length) {
      lines.push(`label define ${v.name} ${v.values.map((x, i) => `${i + 1} ${stataLabel(x.label)}`).join(' ')}, replace`);
      lines.push('generate _c = .');
      v.values.forEach((x, i) => lines.push(`replace _c = ${i + 1} if ${v.name} == ${stataLabel(x.code)}`));
      lines.push(`drop ${v.name}`, `rename _c ${v.name}`, `label values ${v.name} ${v.name}`);
    }
    if (v.type === 'yesno') lines.push(`label values ${v.name} yesno`);
    lines.push(`label variable ${v.name} ${stataLabel(v.label)}`);
  }
  lines.push(`order ${t.variables.map((v) => v.name).join(' ')}`, `save "${t.name}.dta", replace`);
  return lines;
}

export function loadDo(tables: readonly DatasetTable[]): string {
  return [
    '* Waymark analysis dataset: reads the CSV files with their types and labels, and saves each as .dta.',
    '* Change to the folder of the unzipped files (cd), then: do load.do',
    '* Codes become labelled numbers (value labels as in dictionary.csv); yes/no are 1/0 labelled Yes/No; dates are %td.',
    '',
    'label define yesno 0 "No" 1 "Yes", replace',
    '',
    ...tables.flatMap((t) => [...stataTable(t), '']),
  ].join('\n');
}

// --- The archive ---------------------------------------------------------------------------------

export interface DatasetAbout {
  /** When the dataset was made (milliseconds since the epoch). */
  madeAt: number;
  /** One sentence per definition in force. */
  definitions: readonly string[];
  /** The Cohort screen's filters, in words. */
  filters: string;
  /** The last day of the data (closes the follow-up), or null. */
  end: number | null;
  imports: readonly { importedAt: number; files: readonly { fileName: string; rowsImported: number }[] }[];
}

const isoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export function readme(tables: readonly DatasetTable[], about: DatasetAbout): string {
  const [women, events] = tables;
  return [
    'Waymark analysis dataset',
    '========================',
    '',
    `Made: ${isoTime(about.madeAt)} (UTC), in this browser, from the data loaded in Waymark.`,
    `Women: ${women.rowCount.toLocaleString('en-GB')} (${about.filters}).`,
    `Events: ${events.rowCount.toLocaleString('en-GB')} records of these women.`,
    `Last day of the data: ${about.end === null ? 'none (no dated records)' : dayToIso(about.end)}. Follow-up after referral runs to it.`,
    '',
    'Definitions in force when the files were made:',
    ...about.definitions.map((d) => `- ${d}`),
    '',
    'Files:',
    '- women.csv, women.parquet: one row per woman, every derived variable the Cohort and Section 4 screens use.',
    '- events.csv, events.parquet: one row per record of the event files (long format), with its lane and source file.',
    '- dictionary.csv: every variable, its label, type, allowed values with labels, and the definition in force.',
    '- load.R, load.sps, load.do: read the CSV files with types and labels in R, SPSS and Stata.',
    '  DuckDB reads the Parquet files directly: SELECT * FROM \'women.parquet\';',
    '',
    'How values are written:',
    '- Dates are ISO (yyyy-mm-dd) in the CSV files and DATE in Parquet; days_since_referral counts from the referral day.',
    '- Yes/no is 1/0 in the CSV files and true/false in Parquet. An empty cell is not known.',
    '- Text starting with = + - or @ is written with a leading apostrophe in the CSV files, so a spreadsheet does not run it.',
    '- Free text (detail columns) is left out.',
    '',
    'Imports the data came from:',
    ...(about.imports.length
      ? about.imports.flatMap((i) => [`- ${isoTime(i.importedAt)}:`, ...i.files.map((f) => `    ${f.fileName} (${f.rowsImported.toLocaleString('en-GB')} rows imported)`)])
      : ['- none recorded (data held in this tab only)']),
    '',
    'These are record-level data: keep them within the evaluation team. They are exported only with share mode off.',
    '',
  ].join('\r\n');
}

/** What every Parquet file records beside the data. */
export function parquetMetadata(about: Pick<DatasetAbout, 'madeAt' | 'definitions'>): Record<string, string> {
  return { 'waymark.made': isoTime(about.madeAt), 'waymark.definitions': about.definitions.join(' ') };
}

/**
 * The ZIP: the tables as CSV and Parquet, the dictionary, the syntax files and the README. Each
 * table's Parquet comes from `parquetOf`, asked first so that it can be written elsewhere (another
 * worker) while the rest is written here.
 */
export async function datasetZipWith(
  tables: readonly DatasetTable[],
  about: DatasetAbout,
  parquetOf: (table: DatasetTable) => Uint8Array | Promise<Uint8Array>,
): Promise<Uint8Array> {
  const parquets = tables.map(parquetOf);
  const text = (name: string, s: string): ZipEntry => ({ name, data: encoder.encode(s) });
  const csvs = tables.map(tableCsvBytes);
  const rest = [text('dictionary.csv', dictionaryCsv(tables)), text('load.R', loadR(tables)), text('load.sps', loadSps(tables)), text('load.do', loadDo(tables))];
  const written = await Promise.all(parquets);
  return zipStore([
    text('README.txt', readme(tables, about)),
    ...tables.flatMap((t, i) => [
      { name: `${t.name}.csv`, data: csvs[i] },
      { name: `${t.name}.parquet`, data: written[i] },
    ]),
    ...rest,
  ]);
}
