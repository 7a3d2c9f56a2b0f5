/**
 * Excel workbooks (.xlsx), read by hand: fflate inflates the ZIP entries, and this module reads
 * the few parts that matter (workbook, relationships, styles, shared strings, one sheet at a
 * time) as text streamed in pieces, never as one string. Each sheet comes out as rows of cell
 * text, in chunks, through the same handlers as CSV (see parse-csv.ts), so every rule of a CSV
 * file applies to it. Cells Excel typed as dates become ISO dates; plain numbers in the columns
 * the reader is told are dates are read as Excel serials (1900 or 1904 system). Pure: no DOM.
 */
import { Inflate } from 'fflate';
import { SERIAL_DAY_MAX, SERIAL_DAY_MIN, dayFromCivil, formatDay } from './read-value';
import { HeaderTooLargeError, type CsvStreamResult } from './parse-csv';

/** Thrown for a workbook that cannot be read at all; the message is shown to the user as is. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}

const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls)$/i;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** True for a file to read as a workbook: by its name, or by its first bytes (ZIP or OLE). */
export function isWorkbook(fileName: string, head: Uint8Array): boolean {
  return WORKBOOK_EXTENSIONS.test(fileName) || startsWith(head, ZIP_MAGIC) || startsWith(head, CFB_MAGIC);
}

const SAVE_AS = 'In Excel, choose File › Save As and save it as "Excel Workbook (.xlsx)" or as "CSV UTF-8", then import that file.';

/** Why an OLE (CFB) file cannot be read: a password-protected workbook, or the old .xls format. */
function cfbMessage(bytes: Uint8Array, fileName: string): string {
  if (containsUtf16(bytes, 'EncryptionInfo')) {
    return `${fileName} is password-protected, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it) and save it again, or save it as "CSV UTF-8".`;
  }
  return `${fileName} is in the old Excel 97-2003 format (.xls), which this app does not read. ${SAVE_AS}`;
}

/** Whether `text` occurs in the bytes as UTF-16LE (the names in an OLE directory). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const last = bytes.length - text.length * 2;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let k = 0;
    while (k < text.length && bytes[i + 2 * k] === text.charCodeAt(k) && bytes[i + 2 * k + 1] === 0) k++;
    if (k === text.length) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// ZIP: the central directory, and entries inflated in pieces by fflate.

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataOffset: number;
}

const damaged = (fileName: string, why: string): WorkbookError =>
  new WorkbookError(`${fileName} could not be read as an Excel workbook: ${why}. Open it in Excel and save it again, or save it as "CSV UTF-8".`);

function readZipDirectory(bytes: Uint8Array, fileName: string): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let end = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName, 'the file is damaged or incomplete (it is not a complete ZIP package)');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder();
  for (let e = 0; e < count; e++) {
    if (p + 46 > n || view.getUint32(p, true) !== 0x02014b50) throw damaged(fileName, 'its table of contents is damaged');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + skip;
    if (local + 30 > n || view.getUint32(local, true) !== 0x04034b50) throw damaged(fileName, `its part ${name} is damaged`);
    const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (compressedSize === 0xffffffff || dataOffset + compressedSize > n) throw damaged(fileName, `its part ${name} is damaged or too large`);
    entries.set(name.replace(/^\/+/, '').toLowerCase(), { name, method, compressedSize, dataOffset });
  }
  return entries;
}

/** Compressed bytes handed to the inflater at a time. */
const INFLATE_STEP = 1 << 18;

/**
 * The entry's text in pieces, in order: `onText(piece, compressedDone)`. Inflated by fflate in
 * steps, decoded as UTF-8 in stream mode, so no whole-part string or buffer is ever built.
 */
function streamEntryText(bytes: Uint8Array, entry: ZipEntry, fileName: string, onText: (text: string, done: number) => void): void {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let done = 0;
  const emit = (chunk: Uint8Array, final: boolean) => {
    const text = decoder.decode(chunk, { stream: !final });
    if (text.length > 0 || final) onText(text, done);
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length || i === 0; i += INFLATE_STEP) {
      done = Math.min(data.length, i + INFLATE_STEP);
      emit(data.subarray(i, done), done >= data.length);
    }
    return;
  }
  if (entry.method !== 8) throw damaged(fileName, `its part ${entry.name} uses a compression this app does not read`);
  const inflate = new Inflate((chunk, final) => emit(chunk, final));
  try {
    for (let i = 0; i < data.length || i === 0; i += INFLATE_STEP) {
      done = Math.min(data.length, i + INFLATE_STEP);
      inflate.push(data.subarray(i, done), done >= data.length);
    }
  } catch (e) {
    if (e instanceof WorkbookError || e instanceof HeaderTooLargeError) throw e;
    throw damaged(fileName, `its part ${entry.name} is damaged`);
  }
}

function entryText(bytes: Uint8Array, entry: ZipEntry, fileName: string): string {
  const parts: string[] = [];
  streamEntryText(bytes, entry, fileName, (t) => parts.push(t));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// XML: just enough for the parts of a workbook.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then OOXML's `_xHHHH_` escapes (control characters Excel cannot write raw). */
export function decodeXmlText(s: string): string {
  if (s.indexOf('&') !== -1) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e] ?? m;
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    });
  }
  if (s.indexOf('_x') !== -1) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** Attributes of the start tag at `from` (the `<`), by local name (prefixes dropped), decoded. */
function attributes(xml: string, from: number): Map<string, string> {
  const end = xml.indexOf('>', from);
  const tag = xml.slice(from, end < 0 ? xml.length : end);
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    out.set(m[1].slice(m[1].indexOf(':') + 1), decodeXmlText(m[3] ?? m[4]));
  }
  return out;
}

/** Every start tag `<name ...>` or `<prefix:name ...>` in the XML, as attribute maps. */
function tags(xml: string, name: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const re = new RegExp(`<(?:\\w+:)?${name}[\\s/>]`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(attributes(xml, m.index));
  return out;
}

/** The text of every `<t>` in a string item or inline string, leaving out phonetic runs. */
function itemText(xml: string): string {
  if (xml.indexOf('<rPh') !== -1) xml = xml.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (let i = xml.indexOf('<t'); i !== -1; i = xml.indexOf('<t', i + 2)) {
    const c = xml.charCodeAt(i + 2);
    if (c !== 62 /* > */ && c !== 32 && c !== 47 /* / */) continue;
    const open = xml.indexOf('>', i);
    if (xml.charCodeAt(open - 1) === 47) continue; // <t/>
    const close = xml.indexOf('</t>', open);
    if (close < 0) break;
    out += xml.slice(open + 1, close);
    i = close;
  }
  return decodeXmlText(out);
}

// ---------------------------------------------------------------------------------------------
// Number formats: which cell styles Excel shows as dates.

/** Built-in formats that are dates or times (ECMA-376 18.8.30, and the locale date formats). */
function builtinIsDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** A custom format code that shows a date: it has day, month or year parts and is not only a time or elapsed time. */
export function isDateFormatCode(code: string): boolean {
  let s = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
  s = s.split(';')[0];
  const elapsed = /\[(h+|m+|s+)\]/i.test(s);
  s = s.replace(/\[[^\]]*\]/g, '');
  if (/[dy]/i.test(s)) return true;
  return !elapsed && /m/i.test(s) && !/[hs]/i.test(s) && !/[#0?]/.test(s);
}

function dateStyles(xml: string): Uint8Array {
  const custom = new Map<number, string>();
  for (const a of tags(xml, 'numFmt')) custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  const start = xml.search(/<(?:\w+:)?cellXfs[\s>]/);
  const end = xml.search(/<\/(?:\w+:)?cellXfs>/);
  if (start < 0 || end < 0) return new Uint8Array(0);
  const xfs = tags(xml.slice(start, end), 'xf');
  return Uint8Array.from(xfs, (a) => {
    const id = Number(a.get('numFmtId') ?? 0);
    const code = custom.get(id);
    return (code !== undefined ? isDateFormatCode(code) : builtinIsDate(id)) ? 1 : 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Dates.

const EXCEL_DAY_1 = dayFromCivil(1900, 1, 1);
const DAY_1904 = dayFromCivil(1904, 1, 1);
const DAY_LAST = dayFromCivil(9999, 12, 31);

/** `yyyy-mm-dd` for an Excel serial (the time of day dropped), or null when it is no day. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let day: number;
  if (date1904) {
    if (whole < 0) return null;
    day = DAY_1904 + whole;
  } else {
    // Excel counts 29 February 1900, which never existed: leave that serial for the date reader to refuse.
    if (whole < 1 || whole === 60) return null;
    day = EXCEL_DAY_1 + whole - (whole < 60 ? 1 : 2);
  }
  return day > DAY_LAST ? null : formatDay(day);
}

/**
 * A plain number in a date column (not styled as a date) as an ISO date, only when it falls in
 * the plausible range of serials (1990 to 2100); else null, and the date reader quarantines it.
 */
export function plausibleSerialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  const day = (date1904 ? DAY_1904 : EXCEL_DAY_1 - 2) + whole;
  return day < SERIAL_DAY_MIN || day > SERIAL_DAY_MAX ? null : formatDay(day);
}

/** A number cell's text as a person would type it: no ".0", no binary noise (4.0999999999999996 is 4.1). */
function numberText(v: string): string {
  if (/^-?\d+$/.test(v)) return v;
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
}

// ---------------------------------------------------------------------------------------------
// The workbook.

export interface SheetRef {
  name: string;
  /** The part holding the sheet's cells, or null for a chart or dialog sheet. */
  part: string | null;
  /** Compressed bytes of the sheet's part (for progress and ordering). */
  size: number;
}

export interface Workbook {
  fileName: string;
  sheets: SheetRef[];
  date1904: boolean;
  /** True for a workbook saved as Strict Open XML. */
  strict: boolean;
}

/** An open workbook: its bytes, directory and parts read on first use. */
export class WorkbookReader implements Workbook {
  readonly fileName: string;
  readonly sheets: SheetRef[];
  readonly date1904: boolean;
  readonly strict: boolean;
  readonly #bytes: Uint8Array;
  readonly #entries: Map<string, ZipEntry>;
  readonly #sharedPart: string | null;
  readonly #stylesPart: string | null;
  #shared: string[] | null = null;
  #dates: Uint8Array | null = null;

  constructor(input: Uint8Array | ArrayBuffer, fileName: string) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    this.fileName = fileName;
    this.#bytes = bytes;
    if (startsWith(bytes, CFB_MAGIC)) throw new WorkbookError(cfbMessage(bytes, fileName));
    if (bytes.length === 0) throw new WorkbookError(`${fileName} is empty (0 bytes): it holds no workbook.`);
    if (!startsWith(bytes, ZIP_MAGIC)) throw damaged(fileName, 'it is not an Excel workbook (an .xlsx file is a ZIP package, and this file is not one)');
    this.#entries = readZipDirectory(bytes, fileName);

    const rootRels = this.#text('_rels/.rels');
    const workbookPart =
      (rootRels && tags(rootRels, 'Relationship').find((r) => /\/officeDocument$/.test(r.get('Type') ?? ''))?.get('Target')?.replace(/^\/+/, '')) ||
      'xl/workbook.xml';
    const workbookXml = this.#text(workbookPart);
    if (workbookXml === null) throw damaged(fileName, 'it has no workbook part (it may be another kind of ZIP file)');
    this.strict = workbookXml.includes('purl.oclc.org/ooxml/spreadsheetml');
    const pr = tags(workbookXml, 'workbookPr')[0];
    this.date1904 = pr ? /^(1|true)$/i.test(pr.get('date1904') ?? '') : false;

    const dir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
    const relsXml = this.#text(`${dir}_rels/${workbookPart.slice(dir.length)}.rels`) ?? '';
    const rels = new Map<string, { type: string; target: string }>();
    for (const r of tags(relsXml, 'Relationship')) {
      const target = r.get('Target') ?? '';
      rels.set(r.get('Id') ?? '', { type: r.get('Type') ?? '', target: target.startsWith('/') ? target.slice(1) : resolvePath(dir, target) });
    }
    const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? null;
    this.#sharedPart = byType('/sharedStrings');
    this.#stylesPart = byType('/styles');
    this.sheets = tags(workbookXml, 'sheet').map((a) => {
      const rel = rels.get(a.get('id') ?? '');
      const part = rel && rel.type.endsWith('/worksheet') ? rel.target : null;
      return { name: a.get('name') ?? '', part, size: part ? (this.#entry(part)?.compressedSize ?? 0) : 0 };
    });
  }

  #entry(part: string): ZipEntry | undefined {
    return this.#entries.get(part.toLowerCase());
  }

  #text(part: string): string | null {
    const entry = this.#entry(part);
    return entry ? entryText(this.#bytes, entry, this.fileName) : null;
  }

  /** The shared string table, read once. */
  get sharedStrings(): string[] {
    if (this.#shared) return this.#shared;
    const out: string[] = [];
    const entry = this.#sharedPart ? this.#entry(this.#sharedPart) : undefined;
    if (entry) {
      let carry = '';
      streamEntryText(this.#bytes, entry, this.fileName, (piece) => {
        const xml = carry + piece;
        let pos = 0;
        for (;;) {
          const open = nextTag(xml, 'si', pos);
          if (open < 0) break;
          const gt = xml.indexOf('>', open);
          if (gt < 0) break;
          if (xml.charCodeAt(gt - 1) === 47) {
            out.push('');
            pos = gt + 1;
            continue;
          }
          const close = xml.indexOf('</si>', gt);
          if (close < 0) break;
          out.push(itemText(xml.slice(gt + 1, close)));
          pos = close + 5;
        }
        const rest = nextTag(xml, 'si', pos);
        carry = rest < 0 ? xml.slice(Math.max(pos, xml.length - 8)) : xml.slice(rest);
      });
    }
    return (this.#shared = out);
  }

  /** Per cell style index, 1 when Excel shows the cell as a date. */
  get dateStyles(): Uint8Array {
    if (this.#dates) return this.#dates;
    const xml = this.#stylesPart ? this.#text(this.#stylesPart) : null;
    return (this.#dates = xml ? dateStyles(xml) : new Uint8Array(0));
  }

  /**
   * Streams the sheet's rows through the handlers, in chunks of about `chunkRows` rows. `lines`
   * holds each row's Excel row number (0 for blank rows and the header). The header handler may
   * return the columns to read as dates: plain numbers in them become ISO dates (serials).
   */
  streamSheet(sheet: SheetRef, handlers: SheetHandlers, chunkRows = 16384): CsvStreamResult {
    const out: CsvStreamResult = { headerLine: 0, dataRows: 0, unclosedQuoteLine: 0, unclosedQuoteEndLine: 0 };
    const entry = sheet.part ? this.#entry(sheet.part) : undefined;
    if (!entry) return out;
    const shared = this.sharedStrings;
    const styles = this.dateStyles;
    const date1904 = this.date1904;
    const total = entry.compressedSize;
    let dateColumn = new Uint8Array(0);
    let width = 0;
    let rows: string[][] = [];
    let lines: number[] = [];
    let lastRow = 0;
    let carry = '';
    let inData = false;
    let ended = false;

    const flush = (done: number, last: boolean) => {
      if (rows.length === 0 && !last) return;
      handlers.chunk({ rows, lines: Int32Array.from(lines), problems: null, charsDone: done, charsTotal: total });
      rows = [];
      lines = [];
    };

    const readRow = (xml: string, from: number, to: number, line: number) => {
      const row: string[] = width ? new Array<string>(width).fill('') : [];
      let col = -1;
      let any = false;
      for (let i = xml.indexOf('<c', from); i !== -1 && i < to; i = xml.indexOf('<c', i + 2)) {
        const after = xml.charCodeAt(i + 2);
        if (after !== 32 && after !== 62 && after !== 47) continue;
        const gt = xml.indexOf('>', i);
        // The start tag's attributes: r (reference), t (type), s (style).
        let ref = '';
        let type = '';
        let style = 0;
        for (let a = i + 2; a < gt; ) {
          const eq = xml.indexOf('="', a);
          if (eq < 0 || eq > gt) break;
          const q = xml.indexOf('"', eq + 2);
          const name = xml.slice(a, eq).trim();
          const value = xml.slice(eq + 2, q);
          if (name === 'r') ref = value;
          else if (name === 't') type = value;
          else if (name === 's') style = Number(value);
          a = q + 1;
        }
        col = ref ? columnIndex(ref) : col + 1;
        let text = '';
        const selfClosing = xml.charCodeAt(gt - 1) === 47;
        let end = gt + 1;
        if (!selfClosing) {
          end = xml.indexOf('</c>', gt);
          if (end < 0 || end > to) end = to;
          if (type === 'inlineStr') {
            text = itemText(xml.slice(gt + 1, end));
          } else {
            const v = xml.indexOf('<v', gt);
            if (v !== -1 && v < end) {
              const vgt = xml.indexOf('>', v);
              const raw = xml.charCodeAt(vgt - 1) === 47 ? '' : xml.slice(vgt + 1, xml.indexOf('</v>', vgt));
              text = cellText(raw, type, style, col);
            }
          }
          end += 4;
        }
        if (col >= row.length) for (let k = row.length; k <= col; k++) row.push('');
        if (text !== '') {
          row[col] = text;
          any = true;
        }
        i = end - 2;
      }
      if (!any) return;
      if (out.headerLine === 0) {
        out.headerLine = line;
        let n = row.length;
        while (n > 0 && row[n - 1].trim() === '') n--;
        row.length = n;
        width = n;
        const dates = handlers.header(row, line, null);
        dateColumn = new Uint8Array(width);
        if (dates) for (const c of dates) if (c < width) dateColumn[c] = 1;
        return;
      }
      out.dataRows++;
      rows.push(row);
      lines.push(line);
    };

    const cellText = (raw: string, type: string, style: number, col: number): string => {
      switch (type) {
        case 's':
          return shared[Number(raw)] ?? '';
        case 'str':
        case 'e':
          return decodeXmlText(raw);
        case 'b':
          return raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
        case 'd':
          return /^\d{4}-\d\d-\d\d/.test(raw) ? raw.slice(0, 10) : decodeXmlText(raw);
        default:
          if (raw === '') return '';
          // Excel showed it as a date: a date, whatever its year. A plain number in a date column
          // only when it is a plausible serial; else the number, which the date reader quarantines.
          if (styles[style] === 1) return serialToIso(Number(raw), date1904) ?? numberText(raw);
          if (dateColumn[col] === 1) return plausibleSerialToIso(Number(raw), date1904) ?? numberText(raw);
          return numberText(raw);
      }
    };

    streamEntryText(this.#bytes, entry, this.fileName, (piece, done) => {
      if (ended) return;
      let xml = carry + piece;
      let pos = 0;
      if (!inData) {
        const start = xml.search(/<(?:\w+:)?sheetData[\s>/]/);
        if (start < 0) {
          carry = xml.slice(Math.max(0, xml.length - 16));
          return;
        }
        inData = true;
        pos = start;
      }
      // Found once per piece: searching for it at every row would scan the rest of the piece each time.
      const stop = xml.indexOf('</sheetData>', pos);
      for (;;) {
        const open = nextTag(xml, 'row', pos);
        if (stop !== -1 && (open < 0 || stop < open)) {
          ended = true;
          pos = xml.length;
          break;
        }
        if (open < 0) break;
        const gt = xml.indexOf('>', open);
        if (gt < 0) break;
        const selfClosing = xml.charCodeAt(gt - 1) === 47;
        const close = selfClosing ? gt + 1 : xml.indexOf('</row>', gt);
        if (close < 0) break;
        const r = rowNumber(xml, open, gt);
        const line = r > 0 ? r : lastRow + 1;
        lastRow = line;
        if (!selfClosing) readRow(xml, gt + 1, close, line);
        pos = selfClosing ? close : close + 6;
        if (rows.length >= chunkRows) flush(done, false);
      }
      const rest = ended ? -1 : nextTag(xml, 'row', pos);
      carry = ended ? '' : rest < 0 ? xml.slice(Math.max(pos, xml.length - 16)) : xml.slice(rest);
      xml = '';
    });

    flush(total, true);
    return out;
  }
}

export interface SheetHandlers {
  header(fields: string[], line: number, problem: string | null): readonly number[] | void;
  chunk(chunk: { rows: string[][]; lines: Int32Array; problems: null; charsDone: number; charsTotal: number }): void;
}

function nextTag(xml: string, name: string, from: number): number {
  const probe = '<' + name;
  for (let i = xml.indexOf(probe, from); i !== -1; i = xml.indexOf(probe, i + 1)) {
    const c = xml.charCodeAt(i + probe.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return i;
  }
  return -1;
}

function rowNumber(xml: string, open: number, gt: number): number {
  const a = xml.indexOf(' r="', open);
  if (a < 0 || a > gt) return 0;
  return Number(xml.slice(a + 4, xml.indexOf('"', a + 4))) || 0;
}

/** "AB12" to 27 (0-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n - 1;
}

function resolvePath(dir: string, target: string): string {
  const parts = (dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
