/**
 * Commits one import: dedupes the parsed blocks against the stored rows by natural key and
 * writes the rows kept as a few large columnar records, all in one IndexedDB transaction, so an
 * error anywhere leaves the database exactly as it was. Runs in the ingest worker.
 */
import { KINDS, type Kind } from '../domain/contract';
import type { Column, ColumnBlock } from '../domain/columns';
import type {
  CaseConflict,
  FileReport,
  ImportSummary,
  PrivacyFinding,
} from '../domain/import-report';
import {
  COUNT_COLUMN,
  LINE_COLUMN,
  cellText,
  columnLayout,
  comparedColumns,
  concatRows,
  type RowSelection,
} from './column-ops';
import type { ImportRecord, StoredBlock, StoredColumns, WaymarkDb } from './db';
import { toSummary } from './history';
import { KindRows } from './kind-rows';
import { KeyTable, keyParts, keyText, naturalKeyFields } from './natural-keys';

export { acceptCaseConflicts, dismissCaseConflicts } from './case-conflicts';

/** Rows of one parsed block and the file (index into PendingImport.files) they came from. */
export interface PendingBlock {
  fileIndex: number;
  block: ColumnBlock;
}

export interface PendingImport {
  /** Valid rows only, per kind, in file order; each with `__line`. */
  blocks: PendingBlock[];
  /** The worker's reports, with validation's quarantined rows already listed. */
  files: FileReport[];
  privacyFindings: PrivacyFinding[];
  privacyFindingsOmitted: number;
  allOrNothing: boolean;
}

export interface CommitOptions {
  /** Time of the import in milliseconds since the epoch (default: now). */
  now?: number;
}

/** Quarantined problems listed per file in the stored report; the rest are counted. */
export const QUARANTINE_LIST_CAP = 5000;
/** Rows per stored block record: large enough for few records, small enough to clone cheaply. */
export const MAX_ROWS_PER_STORED_BLOCK = 100_000;

const KEEP = 0;
const PRESENT = 1;
const QUARANTINED = 2;
const CASE_CONFLICT = 3;
/** Contacts: a repeat of an earlier row of this import, added to its count. */
const MERGED = 4;

interface FileTally {
  report: FileReport;
  omitted: number;
}

function addProblem(tally: FileTally, line: number, column: string, value: string, reason: string): void {
  if (tally.report.quarantined.length < QUARANTINE_LIST_CAP) {
    tally.report.quarantined.push({ line, column, value, reason });
  } else {
    tally.omitted++;
  }
}

function lineOf(block: StoredColumns, row: number): number {
  const col = block.columns[LINE_COLUMN];
  return col && col.type === 'num' ? col.values[row] : 0;
}

/**
 * The block with its columns in the stored types: string columns converted between dict and
 * text where the worker chose the other form, unknown columns left out.
 */
function normalizeBlock(block: ColumnBlock): ColumnBlock {
  const layout = new Map(columnLayout(block.kind).map((c) => [c.name, c.type]));
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(block.columns)) {
    if (name === LINE_COLUMN) {
      if (col.type === 'num') columns[name] = col;
      continue;
    }
    const want = layout.get(name);
    if (!want) continue;
    if (col.type === want) columns[name] = col;
    else if (col.type === 'text' && want === 'dict') {
      const index = new Map<string, number>([['', 0]]);
      const dict = [''];
      const values = new Uint32Array(block.rowCount);
      for (let r = 0; r < block.rowCount; r++) {
        const s = col.values[r] ?? '';
        let id = index.get(s);
        if (id === undefined) {
          id = dict.length;
          dict.push(s);
          index.set(s, id);
        }
        values[r] = id;
      }
      columns[name] = { type: 'dict', values, dict };
    } else if (col.type === 'dict' && want === 'text') {
      const values = new Array<string | null>(block.rowCount);
      for (let r = 0; r < block.rowCount; r++) values[r] = col.dict[col.values[r]] || null;
      columns[name] = { type: 'text', values };
    } else {
      throw new Error(`Column ${name} of ${block.kind} arrived as ${col.type}; it is stored as ${want}.`);
    }
  }
  return { kind: block.kind, rowCount: block.rowCount, columns };
}

interface KindOutcome {
  rows: KindRows;
  /** Index of the first incoming source in rows.sources. */
  firstIncoming: number;
  /** Per incoming block, the fate of each row (KEEP, PRESENT, ...). */
  status: Uint8Array[];
  /** Contacts: per incoming block, the count of each kept row. */
  counts: Float64Array[] | null;
  /** Cases: per incoming block, the rows held back as conflicts, in conflict order. */
  conflictRows: number[][];
}

function dedupeKind(
  kind: Kind,
  stored: readonly StoredBlock[],
  incoming: readonly PendingBlock[],
  tallies: readonly FileTally[],
  caseConflicts: CaseConflict[],
): KindOutcome {
  const rows = new KindRows(kind, [...stored, ...incoming.map((p) => p.block)]);
  const { sources, offsets, sourceOf } = rows;
  const storedTotal = offsets[stored.length];
  const parts = keyParts(rows);
  const table = new KeyTable(parts, rows.total);
  for (let g = 0; g < storedTotal; g++) table.findOrAdd(g);

  const compared = comparedColumns(kind).map((name) => rows.columns.get(name)!);
  const keyNames = naturalKeyFields(kind).map((f) => f.name).join(', ');
  const isContacts = kind === 'contacts';
  const isCases = kind === 'cases';
  const pendingCases = new Map<number, number[]>();

  const status: Uint8Array[] = [];
  const conflictRows: number[][] = [];
  const counts: Float64Array[] | null = isContacts
    ? incoming.map(({ block }) => {
        const given = block.columns[COUNT_COLUMN];
        const c = new Float64Array(block.rowCount).fill(1);
        if (given && given.type === 'num') {
          for (let r = 0; r < block.rowCount; r++) if (given.values[r] >= 1) c[r] = given.values[r];
        }
        return c;
      })
    : null;

  incoming.forEach(({ block, fileIndex }, bi) => {
    const base = offsets[stored.length + bi];
    const n = block.rowCount;
    const st = new Uint8Array(n);
    const held: number[] = [];
    const tally = tallies[fileIndex];
    for (let r = 0; r < n; r++) {
      const g = base + r;
      const h = table.findOrAdd(g);
      if (h < 0) continue;
      const diff = rows.differences(compared, h, g);
      const hs = sourceOf[h];
      const hr = h - offsets[hs];
      if (!diff) {
        if (isContacts && h >= storedTotal) {
          st[r] = MERGED;
          counts![hs - stored.length][hr] += counts![bi][r];
        } else {
          st[r] = PRESENT;
        }
        continue;
      }
      const other = sources[hs];
      if (isCases) {
        const id = parts[0][g];
        const prior = pendingCases.get(id);
        if (prior?.some((p) => !rows.differences(compared, p, g))) {
          st[r] = PRESENT;
          continue;
        }
        if (prior) prior.push(g);
        else pendingCases.set(id, [g]);
        st[r] = CASE_CONFLICT;
        held.push(r);
        caseConflicts.push({
          caseId: cellText(block.columns.case_id, r) ?? '',
          fileName: tally.report.fileName,
          line: lineOf(block, r),
          differences: diff.map((field) => ({
            field,
            stored: cellText(other.columns[field], hr),
            incoming: cellText(block.columns[field], r),
          })),
        });
        continue;
      }
      st[r] = QUARANTINED;
      tally.report.rowsQuarantined++;
      const where =
        h < storedTotal
          ? 'already stored'
          : `already in this import (${tallies[incoming[hs - stored.length].fileIndex].report.fileName} line ${lineOf(other, hr)})`;
      addProblem(
        tally,
        lineOf(block, r),
        keyNames,
        keyText(kind, block, r, ', '),
        `${keyNames} ${where} with different values (${diff.join(', ')})`,
      );
    }
    status.push(st);
    conflictRows.push(held);
  });
  return { rows, firstIncoming: stored.length, status, counts, conflictRows };
}

/** The merged dictionaries of a kind's dict columns, for concatRows. */
function mergedWords(rows: KindRows): Record<string, string[]> {
  const words: Record<string, string[]> = {};
  for (const c of rows.columns.values()) if (c.merge) words[c.name] = c.merge.words;
  return words;
}

/** Per dict column, source si's remap into the merged dictionary. */
function remapsOf(rows: KindRows, si: number): Record<string, Uint32Array | undefined> {
  const remaps: Record<string, Uint32Array | undefined> = {};
  for (const c of rows.columns.values()) if (c.merge) remaps[c.name] = c.merge.remaps[si];
  return remaps;
}

/** Kept rows of the incoming blocks of one kind, as stored blocks of at most MAX rows. */
function compact(incoming: readonly PendingBlock[], outcome: KindOutcome): StoredColumns[] {
  const out: StoredColumns[] = [];
  const words = mergedWords(outcome.rows);
  let chunk: RowSelection[] = [];
  let size = 0;
  const flush = () => {
    if (size > 0) out.push(concatRows(chunk, { drop: [LINE_COLUMN], words }));
    chunk = [];
    size = 0;
  };
  incoming.forEach(({ block }, bi) => {
    const st = outcome.status[bi];
    let kept = 0;
    for (let r = 0; r < st.length; r++) if (st[r] === KEEP) kept++;
    if (kept === 0) return;
    const rows = new Uint32Array(kept);
    for (let r = 0, k = 0; r < st.length; r++) if (st[r] === KEEP) rows[k++] = r;
    const columns = outcome.counts
      ? { ...block.columns, [COUNT_COLUMN]: { type: 'num', values: outcome.counts[bi] } as Column }
      : block.columns;
    const remaps = remapsOf(outcome.rows, outcome.firstIncoming + bi);
    let start = 0;
    while (start < kept) {
      const take = Math.min(kept - start, MAX_ROWS_PER_STORED_BLOCK - size);
      chunk.push({
        columns,
        rowCount: block.rowCount,
        rows: take === block.rowCount ? null : rows.subarray(start, start + take),
        remaps,
      });
      size += take;
      start += take;
      if (size === MAX_ROWS_PER_STORED_BLOCK) flush();
    }
  });
  flush();
  return out;
}

function copyReport(f: FileReport): FileReport {
  return {
    ...f,
    ignoredColumns: [...f.ignoredColumns],
    droppedColumns: [...f.droppedColumns],
    notes: [...f.notes],
    quarantined: f.quarantined.slice(0, QUARANTINE_LIST_CAP),
  };
}

/**
 * Store the rows of one import. In one read-write transaction over blocks and imports:
 * - a row whose natural key and values equal a stored row (or an earlier row of this import)
 *   is not added and counts as already present;
 * - contacts repeated within this import are stored once with a `count`;
 * - a row whose key is stored with other values is quarantined, except for cases, whose later
 *   values are held in the import record as case conflicts until accepted or dismissed;
 * - with allOrNothing and any quarantined row, only the report is stored (rolledBack).
 */
export async function commitImport(
  db: WaymarkDb,
  pending: PendingImport,
  options: CommitOptions = {},
): Promise<ImportSummary> {
  const tallies: FileTally[] = pending.files.map((f) => ({
    report: copyReport(f),
    omitted: (f.quarantinedOmitted ?? 0) + Math.max(0, f.quarantined.length - QUARANTINE_LIST_CAP),
  }));
  const byKind = new Map<Kind, PendingBlock[]>();
  for (const p of pending.blocks) {
    const file = tallies[p.fileIndex]?.report;
    if (!file) throw new Error(`A block refers to file ${p.fileIndex}, which is not in the import.`);
    if (file.kind !== p.block.kind) {
      throw new Error(`A ${p.block.kind} block refers to ${file.fileName}, a file of kind ${file.kind ?? 'unknown'}.`);
    }
    if (p.block.rowCount === 0) continue;
    const list = byKind.get(p.block.kind) ?? [];
    list.push({ fileIndex: p.fileIndex, block: normalizeBlock(p.block) });
    byKind.set(p.block.kind, list);
  }
  const kinds = KINDS.filter((k) => byKind.has(k));

  return db.transaction('rw', db.blocks, db.imports, async () => {
    const stored = kinds.length ? await db.blocks.where('kind').anyOf(kinds).toArray() : [];
    stored.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));

    const caseConflicts: CaseConflict[] = [];
    const outcomes = new Map<Kind, KindOutcome>();
    for (const kind of kinds) {
      const incoming = byKind.get(kind)!;
      const storedOfKind = stored.filter((b) => b.kind === kind);
      outcomes.set(kind, dedupeKind(kind, storedOfKind, incoming, tallies, caseConflicts));
    }

    for (const t of tallies) {
      t.report.rowsImported = 0;
      t.report.rowsAlreadyPresent = 0;
      t.report.rowsInCaseConflict = 0;
    }
    for (const kind of kinds) {
      const outcome = outcomes.get(kind)!;
      byKind.get(kind)!.forEach(({ fileIndex }, bi) => {
        const report = tallies[fileIndex].report;
        for (const s of outcome.status[bi]) {
          if (s === KEEP || s === MERGED) report.rowsImported++;
          else if (s === PRESENT) report.rowsAlreadyPresent++;
          else if (s === CASE_CONFLICT) report.rowsInCaseConflict!++;
        }
      });
    }
    const files = tallies.map((t) => ({ ...t.report, quarantinedOmitted: t.omitted }));
    const anyQuarantined = files.some((f) => f.rowsQuarantined > 0 || f.quarantined.length > 0);
    const rolledBack = pending.allOrNothing && anyQuarantined;
    if (rolledBack) for (const f of files) f.rowsImported = 0;

    let pendingCases: StoredColumns | null = null;
    const casesIncoming = byKind.get('cases');
    const casesOutcome = outcomes.get('cases');
    if (!rolledBack && casesIncoming && casesOutcome && caseConflicts.length > 0) {
      pendingCases = concatRows(
        casesIncoming.map(({ block }, bi) => ({ ...block, rows: casesOutcome.conflictRows[bi] })),
        { drop: [LINE_COLUMN] },
      );
    }

    const importedAt = options.now ?? Date.now();
    const record: ImportRecord = {
      importedAt,
      files,
      privacyFindings: pending.privacyFindings.slice(),
      privacyFindingsOmitted: pending.privacyFindingsOmitted,
      rowsImported: files.reduce((n, f) => n + f.rowsImported, 0),
      rowsQuarantined: files.reduce((n, f) => n + f.rowsQuarantined, 0),
      rowsAlreadyPresent: files.reduce((n, f) => n + f.rowsAlreadyPresent, 0),
      caseConflicts: rolledBack ? [] : caseConflicts,
      caseConflictResolution: null,
      allOrNothing: pending.allOrNothing,
      rolledBack,
      pendingCases,
    };
    const id = (await db.imports.add(record)) as number;

    if (!rolledBack) {
      const blocks: StoredBlock[] = [];
      for (const kind of kinds) {
        for (const c of compact(byKind.get(kind)!, outcomes.get(kind)!)) {
          blocks.push({ importId: id, kind, rowCount: c.rowCount, columns: c.columns });
        }
      }
      if (blocks.length) await db.blocks.bulkAdd(blocks);
    }

    return toSummary({ ...record, id });
  });
}
