/**
 * Rows of one file to typed-array column blocks. Each row is read cell by cell straight into
 * growing columns (no per-row objects); a row with any problem is quarantined with all its
 * problems listed, and its cells are simply overwritten by the next row. Text-like cells are
 * handed to the privacy guard on the way. Pure.
 */
import { DEFAULT_SCALE_MIN, FILE_KINDS, FREETEXT_MAX_LENGTH, TEXT_MAX_LENGTH, type Field, type Kind } from '../domain/contract';
import { LINE_COLUMN, RAW_SUFFIX, UNKNOWN_DAY, YN_UNKNOWN, type Column, type ColumnBlock } from '../data/columns';
import type { PrivacyFindingKind } from '../domain/import-report';
import type { KindDetection } from './detect-kind';
import {
  defaultScaleMax,
  isUnknownWord,
  readDate,
  readNumber,
  readVocab,
  readYesNo,
  trimCell,
  vocabLookup,
  type VocabLookup,
} from './read-value';
import { shownValue, type FindingCollector, type QuarantineCollector } from './report-collectors';
import { FINDING_KINDS, ScanMemo, findingCode } from './scan-memo';
import type { ScanRole } from './scan-privacy';
import { DictBuilder } from '../data/dictionary';

export interface PrivacyScanner {
  /** role 'id' for the contract's key columns, which are not scanned for phone, NHS number, postcode or address shapes. */
  scanValue(value: string, role?: ScanRole): PrivacyFindingKind | null;
  maskValue(value: string): string;
}

export const REQUIRED_MISSING = 'required value missing';
export const COLUMN_DROPPED = 'column dropped by the privacy guard';

const T_ID = 0;
const T_TEXT = 1;
const T_FREETEXT = 2;
const T_DATE = 3;
const T_YN = 4;
const T_INT = 5;
const T_NUM = 6;
const T_VOCAB = 7;
const TYPE_CODES: Record<Field['type'], number> = {
  id: T_ID,
  text: T_TEXT,
  freetext: T_FREETEXT,
  date: T_DATE,
  yn: T_YN,
  int: T_INT,
  number: T_NUM,
  vocab: T_VOCAB,
};
const YN_INVALID = -2;
/** entryCode of a value too long for its column. */
const ENTRY_TOO_LONG = -1;
/** entryCode of a value seen only in quarantined rows of this block, so not in its dictionary. */
const ENTRY_PENDING = -2;
/** entryCode of an id with an invisible or direction-changing character. */
const ENTRY_INVISIBLE = -3;
const YN_REASON = 'not a yes/no value; use yes, no or unknown';
/** Distinct raw spellings remembered per yes/no or vocabulary column. */
const CACHE_MAX = 4096;
/** Open-vocabulary warnings listed per column; further distinct values are counted. */
const OTHER_NOTES_MAX = 20;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160 || c === 10 || c === 13;
const EMPTY_STRINGS: string[] = [];

/** One contract field of the kind: how it is read, and its column in the block being built. */
class Slot {
  readonly name: string;
  readonly type: number;
  readonly required: boolean;
  /** Index in the row, -1 when the column is absent or dropped. */
  col = -1;
  /** The header as written (the field name when the column is absent). */
  label: string;
  /** For absent required columns: the reason every row is quarantined. */
  missingReason: string | null = null;
  readonly min: number;
  readonly max: number;
  readonly maxLength: number;
  readonly strict: boolean;
  readonly lookup: VocabLookup | null;
  readonly vocabReason: string;
  /** Raw cell text to its value, for yes/no and vocabulary columns. */
  readonly cache = new Map<string, number>();
  /**
   * The first few spellings seen, checked before the map: comparing a handful of short strings
   * is cheaper than hashing each new cell string.
   */
  readonly recentRaw: string[] = [];
  readonly recentValue: number[] = [];

  // id and text columns: the distinct values of the current block, with what is known about them.
  table = new DictBuilder(64, { unknownFirst: false });
  /** Per distinct value: its code in the block dictionary, 0 (unknown), TOO_LONG or PENDING. */
  entryCode = new Int32Array(0);
  /** Per distinct value: the privacy guard's verdict (see findingCode). */
  entryFlag = new Int8Array(0);
  /** Privacy-guard verdicts across blocks, so a repeated value is scanned once per file. */
  idMemo: ScanMemo | null = null;
  /** The previous row's text and entry (exports are often sorted by case). */
  lastText = '';
  lastEntry = -1;

  // The block being built.
  days = new Int32Array(0);
  nums = new Float64Array(0);
  yns = new Int8Array(0);
  codes = new Uint32Array(0);
  texts: (string | null)[] = [];
  raws: (string | null)[] | null = null;
  dict: string[] = EMPTY_STRINGS;
  /** Entry added to the block dictionary by the current row (undone if it is quarantined), else -1. */
  added = -1;
  /** The number read from the current row (NaN when unknown or invalid). */
  num = NaN;

  // Free text and open vocabularies.
  memo: ScanMemo | null = null;
  readonly otherSeen = new Set<string>();

  constructor(field: Field) {
    this.name = field.name;
    this.label = field.name;
    this.type = TYPE_CODES[field.type];
    this.required = field.required;
    this.min = field.min ?? -Infinity;
    this.max = field.max ?? Infinity;
    this.maxLength =
      field.type === 'id'
        ? (field.maxLength ?? 64)
        : field.type === 'freetext'
          ? FREETEXT_MAX_LENGTH
          : field.type === 'text' || field.type === 'vocab'
            ? (field.maxLength ?? TEXT_MAX_LENGTH)
            : Infinity;
    this.strict = field.strict === true;
    this.lookup = field.vocab ? vocabLookup(field.vocab) : null;
    this.vocabReason = field.vocab
      ? `not a known value; use one of: ${field.vocab.terms.map((t) => t.code).join(', ')} (or their labels)`
      : '';
  }

  begin(cap: number): void {
    switch (this.type) {
      case T_ID:
      case T_TEXT:
        this.codes = new Uint32Array(cap);
        this.dict = [''];
        this.table = new DictBuilder(64, { unknownFirst: false });
        this.lastText = '';
        this.lastEntry = -1;
        break;
      case T_VOCAB:
        this.codes = new Uint32Array(cap);
        this.raws = null;
        break;
      case T_FREETEXT:
        this.texts = new Array<string | null>(cap).fill(null);
        break;
      case T_DATE:
        this.days = new Int32Array(cap).fill(UNKNOWN_DAY);
        break;
      case T_YN:
        this.yns = new Int8Array(cap).fill(YN_UNKNOWN);
        break;
      default:
        this.nums = new Float64Array(cap).fill(NaN);
    }
    this.num = NaN;
  }

  /** Makes room for entry g in the per-value arrays. */
  reserve(g: number): void {
    if (g < this.entryCode.length) return;
    const size = Math.max(1024, this.entryCode.length * 2);
    const code = new Int32Array(size);
    code.set(this.entryCode);
    this.entryCode = code;
    const flag = new Int8Array(size);
    flag.set(this.entryFlag);
    this.entryFlag = flag;
  }

  column(n: number): Column {
    switch (this.type) {
      case T_ID:
      case T_TEXT:
        return { type: 'dict', values: cut(this.codes, n), dict: this.dict };
      case T_VOCAB:
        return { type: 'dict', values: cut(this.codes, n), dict: this.lookup!.dict.slice() };
      case T_FREETEXT:
        this.texts.length = n;
        return { type: 'text', values: this.texts };
      case T_DATE:
        return { type: 'day', values: cut(this.days, n) };
      case T_YN:
        return { type: 'yn', values: cut(this.yns, n) };
      default:
        return { type: 'num', values: cut(this.nums, n) };
    }
  }
}

function cut<T extends Int32Array | Float64Array | Int8Array | Uint32Array>(a: T, n: number): T {
  return (n === a.length ? a : a.slice(0, n)) as T;
}

export interface RowValidatorOptions {
  kind: Kind;
  detection: KindDetection;
  /** Header labels (as detection.labels) of columns to treat as absent. */
  dropColumns?: ReadonlySet<string>;
  /** Decides two-digit years; default: this year. */
  currentYear?: number;
  scanner: PrivacyScanner | null;
  findings: FindingCollector;
  quarantine: QuarantineCollector;
}

export class RowValidator {
  readonly kind: Kind;
  readonly notes: string[] = [];
  rowsAccepted = 0;
  rowsQuarantined = 0;
  /** Rows that had more values than the header, all of them empty (tolerated). */
  rowsWithEmptyExtras = 0;

  readonly #slots: Slot[];
  /** Slots whose column is in the file: the only ones read per row. */
  readonly #present: Slot[];
  /** Required slots whose column was dropped: every row is quarantined for them. */
  readonly #missing: Slot[];
  readonly #width: number;
  readonly #currentYear: number;
  readonly #scanner: PrivacyScanner | null;
  readonly #findings: FindingCollector;
  readonly #quarantine: QuarantineCollector;
  /** Columns not read (unknown to the contract, or repeats) but scanned, with their labels. */
  readonly #scanCols: number[];
  readonly #scanLabels: string[];
  readonly #scanMemos: ScanMemo[];
  /** Per ignored column: its non-empty cells. */
  readonly #ignoredFilled: Float64Array;
  readonly #outcome: { tool: Slot; score: Slot; min: Slot; max: Slot } | null;
  readonly #toolMax = new Map<string, number>();
  #otherNotesLeft = new Map<Slot, number>();
  #otherOmitted = new Map<Slot, number>();

  // The block being built.
  #n = 0;
  #lines = new Float64Array(0);

  // The current row's problems.
  #errCount = 0;
  readonly #errColumn: string[] = [];
  readonly #errValue: string[] = [];
  readonly #errReason: string[] = [];

  constructor(options: RowValidatorOptions) {
    const { kind, detection } = options;
    const drop = options.dropColumns ?? new Set<string>();
    this.kind = kind;
    this.#width = detection.labels.length;
    this.#currentYear = options.currentYear ?? new Date().getUTCFullYear();
    this.#scanner = options.scanner;
    this.#findings = options.findings;
    this.#quarantine = options.quarantine;

    const byName = new Map<string, Slot>();
    this.#slots = FILE_KINDS[kind].fields.map((f) => {
      const slot = new Slot(f);
      byName.set(f.name, slot);
      return slot;
    });
    detection.fields.forEach((field, i) => {
      if (!field) return;
      const slot = byName.get(field.name)!;
      slot.label = detection.labels[i];
      if (drop.has(detection.labels[i])) {
        if (slot.required) slot.missingReason = COLUMN_DROPPED;
      } else {
        slot.col = i;
      }
    });
    this.#present = this.#slots.filter((slot) => slot.col >= 0);
    this.#missing = this.#slots.filter((slot) => slot.missingReason !== null);
    const scanner = this.#scanner;
    if (scanner) {
      const scan = scanner.scanValue;
      for (const slot of this.#present) {
        if (slot.type === T_FREETEXT || slot.type === T_VOCAB) slot.memo = new ScanMemo(scan);
        if (slot.type === T_ID) slot.idMemo = new ScanMemo((value) => scan(value, 'id'), 100_000);
        if (slot.type === T_TEXT) slot.idMemo = new ScanMemo(scan, 100_000);
      }
    }
    this.#scanCols = detection.ignored.filter((i) => !drop.has(detection.labels[i]));
    this.#scanLabels = this.#scanCols.map((i) => detection.labels[i]);
    this.#scanMemos = this.#scanCols.map(() => new ScanMemo(scanner ? scanner.scanValue : () => null));
    this.#ignoredFilled = new Float64Array(this.#scanCols.length);
    this.#outcome =
      kind === 'outcomes'
        ? { tool: byName.get('tool')!, score: byName.get('score')!, min: byName.get('scale_min')!, max: byName.get('scale_max')! }
        : null;
  }

  /** Starts a block with room for `capacity` rows. */
  begin(capacity: number): void {
    this.#n = 0;
    this.#lines = new Float64Array(capacity);
    for (const s of this.#slots) s.begin(capacity);
  }

  /** The rows accepted since begin(), or null when there were none. */
  end(): ColumnBlock | null {
    const n = this.#n;
    if (n === 0) return null;
    const columns: Record<string, Column> = {};
    for (const s of this.#slots) {
      columns[s.name] = s.column(n);
      if (s.raws) {
        s.raws.length = n;
        columns[s.name + RAW_SUFFIX] = { type: 'text', values: s.raws };
      }
    }
    columns[LINE_COLUMN] = { type: 'num', values: cut(this.#lines, n) };
    return { kind: this.kind, rowCount: n, columns };
  }

  /**
   * Starts a block and reads a parsed chunk into it: rows whose line is 0 are skipped (blank
   * lines, the header). Returns the number of rows read; end() returns the block.
   */
  addChunk(rows: string[][], lines: Int32Array, problems: ReadonlyMap<number, string> | null): number {
    this.begin(rows.length);
    let read = 0;
    for (let i = 0; i < rows.length; i++) {
      const line = lines[i];
      if (line === 0) continue;
      this.addRow(rows[i], line, problems === null ? null : (problems.get(i) ?? null));
      read++;
    }
    return read;
  }

  /**
   * Reads one record into the block; false when it was quarantined. `problem` is a reason the
   * parser already found (quotes).
   */
  addRow(fields: string[], line: number, problem: string | null = null): boolean {
    if (problem !== null) return this.#rejectRow(line, problem);
    const width = this.#width;
    if (fields.length !== width) {
      if (fields.length < width || !restIsEmpty(fields, width)) {
        return this.#rejectRow(
          line,
          `the row has ${fields.length} values but the header has ${width} columns`,
        );
      }
      this.rowsWithEmptyExtras++;
    }

    this.#errCount = 0;
    const n = this.#n;
    const slots = this.#present;
    const scanner = this.#scanner;
    for (let si = 0; si < this.#missing.length; si++) {
      const s = this.#missing[si];
      this.#error(s.label, '', s.missingReason!);
    }
    for (let si = 0; si < slots.length; si++) {
      const s = slots[si];
      const raw = fields[s.col];
      switch (s.type) {
        case T_ID:
        case T_TEXT: {
          s.added = -1;
          let t = raw;
          const len = t.length;
          if (len !== 0 && (isSpace(t.charCodeAt(0)) || isSpace(t.charCodeAt(len - 1)))) t = t.trim();
          let code = 0;
          if (t.length !== 0) {
            let g = s.lastEntry;
            if (t !== s.lastText || g < 0) {
              g = s.table.findOrAdd(t);
              if (g < 0) g = this.#classify(s, ~g, t);
              s.lastText = t;
              s.lastEntry = g;
            }
            code = s.entryCode[g];
            if (code === ENTRY_PENDING) {
              code = s.dict.length;
              s.dict.push(t);
              s.entryCode[g] = code;
              s.added = g;
            }
            if (code > 0) {
              const flag = s.entryFlag[g];
              if (flag >= 0) this.#findings.add(s.label, line, FINDING_KINDS[flag], t);
            } else if (code === ENTRY_TOO_LONG) {
              this.#error(s.label, clipValue(t), tooLongReason(t, s.maxLength));
            } else if (code === ENTRY_INVISIBLE) {
              this.#error(s.label, escapeInvisible(t), INVISIBLE_REASON);
            }
          }
          if (code >= 0) {
            s.codes[n] = code;
            if (code === 0 && s.required) this.#error(s.label, raw, REQUIRED_MISSING);
          }
          break;
        }
        case T_FREETEXT: {
          const t = trimCell(raw);
          if (isUnknownWord(t)) {
            s.texts[n] = null;
            if (s.required) this.#error(s.label, raw, REQUIRED_MISSING);
          } else if (t.length > s.maxLength) {
            this.#error(s.label, clipValue(t), tooLongReason(t, s.maxLength));
          } else {
            s.texts[n] = t;
            if (s.memo !== null) {
              const flag = s.memo.verdict(t);
              if (flag !== null) this.#findings.add(s.label, line, flag, t);
            }
          }
          break;
        }
        case T_DATE: {
          const r = readDate(raw, this.#currentYear);
          if (typeof r === 'number') {
            s.days[n] = r;
            if (r === UNKNOWN_DAY && s.required) this.#error(s.label, raw, REQUIRED_MISSING);
          } else {
            this.#error(s.label, raw, r.reason);
          }
          break;
        }
        case T_YN: {
          let v = recent(s, raw);
          if (v === undefined) {
            v = s.cache.get(raw);
            if (v === undefined) {
              const r = readYesNo(raw);
              v = typeof r === 'number' ? r : YN_INVALID;
              if (s.cache.size < CACHE_MAX) s.cache.set(raw, v);
            }
            remember(s, raw, v);
          }
          if (v === YN_INVALID) {
            this.#error(s.label, raw, YN_REASON);
          } else {
            s.yns[n] = v;
            if (v === YN_UNKNOWN && s.required) this.#error(s.label, raw, REQUIRED_MISSING);
          }
          break;
        }
        case T_INT:
        case T_NUM: {
          const r = readNumber(raw, s.type === T_INT, s.min, s.max);
          if (typeof r === 'number') {
            s.nums[n] = r;
            s.num = r;
            if (r !== r && s.required) this.#error(s.label, raw, REQUIRED_MISSING);
          } else {
            s.num = NaN;
            this.#error(s.label, raw, r.reason);
          }
          break;
        }
        case T_VOCAB: {
          let v = recent(s, raw);
          if (v === undefined) {
            v = s.cache.get(raw);
            if (v === undefined) {
              v = readVocab(raw, s.lookup!);
              if (s.cache.size < CACHE_MAX) s.cache.set(raw, v);
            }
            remember(s, raw, v);
          }
          if (v >= 0) {
            s.codes[n] = v;
            if (s.raws !== null) s.raws[n] = null;
            if (v === 0 && s.required) this.#error(s.label, raw, REQUIRED_MISSING);
          } else if (s.strict) {
            this.#error(s.label, raw, s.vocabReason);
          } else {
            const t = trimCell(raw);
            if (t.length > s.maxLength) {
              this.#error(s.label, clipValue(t), tooLongReason(t, s.maxLength));
              break;
            }
            s.codes[n] = s.lookup!.otherIndex;
            if (s.raws === null) s.raws = new Array<string | null>(s.codes.length).fill(null);
            s.raws[n] = t;
            this.#otherValue(s, t, line);
          }
          break;
        }
      }
    }
    if (this.#outcome !== null && this.#errCount === 0) this.#checkOutcome(n);

    const cols = this.#scanCols;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      if (c >= fields.length) continue;
      const v = fields[c];
      if (v.length === 0) continue;
      this.#ignoredFilled[k]++;
      if (scanner === null) continue;
      const flag = this.#scanMemos[k].verdict(v);
      if (flag !== null) this.#findings.add(this.#scanLabels[k], line, flag, v);
    }

    if (this.#errCount > 0) {
      for (let si = 0; si < slots.length; si++) {
        const s = slots[si];
        if (s.added >= 0) {
          s.dict.pop();
          s.entryCode[s.added] = ENTRY_PENDING;
          s.added = -1;
        }
      }
      this.#quarantineErrors(line);
      return false;
    }
    this.#lines[n] = line;
    this.#n = n + 1;
    this.rowsAccepted++;
    return true;
  }

  /** Header indices of ignored columns that held at least one value. */
  ignoredColumnsUsed(): Set<number> {
    return new Set(this.#scanCols.filter((_, k) => this.#ignoredFilled[k] > 0));
  }

  /** Non-empty cells of each ignored column, by header label (what dropping the column drops). */
  ignoredColumnCells(): Map<string, number> {
    return new Map(this.#scanLabels.map((label, k) => [label, this.#ignoredFilled[k]]));
  }

  /** Notes to add to the file's report once every row is read. */
  finish(): string[] {
    const notes = [...this.notes];
    for (const [slot, count] of this.#otherOmitted) {
      notes.push(`Column "${slot.label}": ${count} more values not in the vocabulary were stored as "other" (their text is kept).`);
    }
    if (this.rowsWithEmptyExtras > 0) {
      notes.push(`${this.rowsWithEmptyExtras} rows had more values than the header, all empty; the empty values were ignored.`);
    }
    return notes;
  }

  #error(column: string, value: string, reason: string): void {
    const i = this.#errCount++;
    this.#errColumn[i] = column;
    this.#errValue[i] = value;
    this.#errReason[i] = reason;
  }

  #rejectRow(line: number, reason: string): false {
    this.rowsQuarantined++;
    this.#quarantine.add(line, '', '', reason);
    return false;
  }

  /**
   * Lists the current row's problems, masking values the privacy guard flags. They are not
   * findings to decide on: a value that failed validation is never stored, so dropping its whole
   * column (say, every date) for it would be out of all proportion.
   */
  #quarantineErrors(line: number): void {
    this.rowsQuarantined++;
    const scanner = this.#scanner;
    for (let i = 0; i < this.#errCount; i++) {
      const column = this.#errColumn[i];
      // Cut before scanning: a 20 MB value is never scanned or kept whole here.
      let value = shownValue(this.#errValue[i]);
      if (value !== '' && scanner !== null && scanner.scanValue(value) !== null) value = scanner.maskValue(value);
      this.#quarantine.add(line, column, value, this.#errReason[i]);
    }
  }

  /** What is known about a value new to an id or text column in this block. */
  #classify(s: Slot, g: number, t: string): number {
    s.reserve(g);
    if (isUnknownWord(t)) {
      s.entryCode[g] = 0;
      s.entryFlag[g] = -1;
    } else if (t.length > s.maxLength) {
      s.entryCode[g] = ENTRY_TOO_LONG;
      s.entryFlag[g] = -1;
    } else if (s.type === T_ID && hasInvisible(t)) {
      s.entryCode[g] = ENTRY_INVISIBLE;
      s.entryFlag[g] = -1;
    } else {
      s.entryCode[g] = ENTRY_PENDING;
      s.entryFlag[g] = s.idMemo !== null ? findingCode(s.idMemo.verdict(t)) : -1;
    }
    return g;
  }

  /** An open-vocabulary value stored as `other`: scanned, and noted once per distinct value. */
  #otherValue(s: Slot, t: string, line: number): void {
    const flag = s.memo !== null ? s.memo.verdict(t) : null;
    if (flag !== null) this.#findings.add(s.label, line, flag, t);
    if (s.otherSeen.has(t)) return;
    if (s.otherSeen.size < CACHE_MAX) s.otherSeen.add(t);
    const left = this.#otherNotesLeft.get(s) ?? OTHER_NOTES_MAX;
    if (left === 0) {
      this.#otherOmitted.set(s, (this.#otherOmitted.get(s) ?? 0) + 1);
      return;
    }
    this.#otherNotesLeft.set(s, left - 1);
    const shown = flag !== null && this.#scanner ? this.#scanner.maskValue(t) : t.length > 80 ? t.slice(0, 79) + '…' : t;
    this.notes.push(
      `Column "${s.label}": "${shown}" is not in the vocabulary; stored as "other" with its text kept (first on line ${line}).`,
    );
  }

  /**
   * Outcome scores must lie within the scale. The scale defaults to 1 at the bottom and, at the
   * top, 8 for batteries and 10 for empowerment_star; other tools must give scale_max. The
   * effective bounds are stored, so later steps never re-derive them.
   */
  #checkOutcome(n: number): void {
    const { tool, score, min, max } = this.#outcome!;
    const toolText = tool.dict[tool.codes[n]] ?? '';
    let top = max.num;
    if (top !== top) {
      let d = this.#toolMax.get(toolText);
      if (d === undefined) {
        d = defaultScaleMax(toolText);
        this.#toolMax.set(toolText, d);
      }
      top = d;
    }
    const bottom = min.num === min.num ? min.num : DEFAULT_SCALE_MIN;
    if (top !== top) {
      this.#error(
        max.label,
        '',
        'scale_max is required: only batteries (1 to 8) and empowerment_star (1 to 10) have a default scale',
      );
      return;
    }
    if (bottom >= top) {
      this.#error(min.label, String(bottom), `scale_min ${bottom} is not below scale_max ${top}`);
      return;
    }
    const v = score.num;
    if (v < bottom || v > top) {
      this.#error(score.label, String(v), `score ${v} is outside the scale ${bottom} to ${top}`);
      return;
    }
    min.nums[n] = bottom;
    max.nums[n] = top;
  }
}

/** Characters of an over-long value shown in the quarantine list. */
export const CLIP_SHOWN = 40;

/** The first CLIP_SHOWN characters of a long value, for the report: never the whole of it. */
export function clipValue(t: string): string {
  return t.length > CLIP_SHOWN ? t.slice(0, CLIP_SHOWN) + '…' : t;
}

function tooLongReason(t: string, max: number): string {
  return `${t.length.toLocaleString('en-GB')} characters, longer than the ${max.toLocaleString('en-GB')} this column allows`;
}

export const INVISIBLE_REASON =
  'the id holds an invisible or direction-changing character (shown as <U+…>), so it could pass for another id; remove it from the export';

/**
 * Invisible, formatting or direction-changing characters: controls (Cc), format characters (Cf:
 * zero-width spaces and joiners U+200B–U+200F, bidirectional embeddings and overrides
 * U+202A–U+202E and isolates U+2066–U+2069, U+2060–U+2064, the byte order mark U+FEFF, soft
 * hyphen…), and the line and paragraph separators U+2028 and U+2029.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** True when an id holds an invisible character. Printable ASCII is checked by char code alone. */
export function hasInvisible(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 32 || c > 126) return INVISIBLE.test(t);
  }
  return false;
}

/** The id with every invisible character written as <U+XXXX>, so the report shows what is there. */
export function escapeInvisible(t: string): string {
  return t.replace(INVISIBLE_ALL, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

const RECENT_MAX = 12;

function recent(s: Slot, raw: string): number | undefined {
  const seen = s.recentRaw;
  for (let k = 0; k < seen.length; k++) if (seen[k] === raw) return s.recentValue[k];
  return undefined;
}

function remember(s: Slot, raw: string, v: number): void {
  if (s.recentRaw.length < RECENT_MAX) {
    s.recentRaw.push(raw);
    s.recentValue.push(v);
  }
}

function restIsEmpty(fields: string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) {
    const v = fields[i];
    for (let k = 0; k < v.length; k++) if (!isSpace(v.charCodeAt(k))) return false;
  }
  return true;
}
