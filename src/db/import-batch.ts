/**
 * Commits one import: dedupes the parsed blocks against the stored rows by natural key and
 * writes the rows kept as a few large columnar records, all in one IndexedDB transaction, so an
 * error anywhere leaves the database exactly as it was. Runs in the ingest worker.
 */
import { KINDS, type Kind } from '../domain/contract';
import type { Column, ColumnBlock } from '../data/columns';
import type { FileReport, ImportSummary, PrivacyFinding, QuarantinedCell } from '../domain/import-report';
import type { ChangedCell, FileChanges } from '../domain/extract-changes';
import { COUNT_COLUMN, LINE_COLUMN } from '../data/columns';
import { WordHashes } from '../data/dictionary';
import { cellText } from '../data/cells';
import { columnLayout, comparedColumns, hasRawColumn } from '../data/layout';
import { concatRanges, concatRows, type RowRange } from '../data/column-ops';
import { overlayAccepted } from './accepted-overlay';
import { blockRecord, readBlocks, type ImportRecord, type PendingRows, type StoredBlock, type StoredColumns, type WaymarkDb } from './db';
import { nextSeq, openImportRecords, sealImportRecord, toSummary } from './history';
import { KindRows } from './kind-rows';
import { KeyScratch, NaturalKeys, distinctColumn, keyText, naturalKeyFields } from './natural-keys';
import { WorkProgress, type ProgressCallback } from './progress';

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
  /**
   * Told of progress while the import is deduped, compacted and written: rows done (an estimate
   * scaled over all the work) of the import's rows, at most every ~100 ms of work and at phase
   * boundaries, with increasing `done`, last with done === total. Called from inside the
   * synchronous work, so a worker can post it although its event loop is blocked.
   */
  onProgress?: ProgressCallback;
}

/** Quarantined problems listed per file in the stored report; the rest are counted. */
export const QUARANTINE_LIST_CAP = 5000;
/** Changed cells listed per file in the stored report; the rest are counted. */
export const CHANGES_LIST_CAP = 1000;
/** Rows per stored block record: large enough for few records, small enough to clone cheaply. */
export const MAX_ROWS_PER_STORED_BLOCK = 100_000;

const KEEP = 0;
const PRESENT = 1;
const QUARANTINED = 2;
/** A row whose key an earlier import stored with other values: held as a pending change. */
const UPDATE = 3;
/** Contacts: a repeat of an earlier row of this import, added to its count. */
const MERGED = 4;

interface FileTally {
  report: FileReport;
  omitted: number;
}

function addProblem(tally: FileTally, problem: () => QuarantinedCell): void {
  if (tally.report.quarantined.length < QUARANTINE_LIST_CAP) {
    tally.report.quarantined.push(problem());
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
  /** Per incoming block, the fate of each row (KEEP, PRESENT, ...); null when all are kept. */
  status: (Uint8Array | null)[];
  /** Per incoming block, how many of its rows have each fate (indexed by fate). */
  fates: Int32Array[];
  /** Contacts: per incoming block, the count of each kept row. */
  counts: Float64Array[] | null;
  /** Per incoming block, its rows that change a stored row, and (aligned) that stored row. */
  updates: { rows: number[]; targets: number[] }[];
}

/**
 * Units of progress per row and step: hashing counts once per key field and finding equal keys
 * three times (NaturalKeys.repeats), for every row of a kind (stored too); settling repeated
 * keys, compacting and writing for incoming rows.
 */
const HASH_WORK = 1;
const REPEATS_WORK = 3;
const SETTLE_WORK = 2;
const COMPACT_WORK = 2;
const WRITE_WORK = 4;
/** Repeated rows settled between two progress counts (each costs about a microsecond). */
const SETTLE_BATCH = 1024;

/** The first row g in from..end whose key an earlier row has (repeats[g] !== 0), or end. */
function nextRepeat(repeats: Int32Array, from: number, end: number): number {
  let g = from;
  while (g < end && repeats[g] === 0) g++;
  return g;
}

function dedupeKind(
  kind: Kind,
  stored: readonly StoredBlock[],
  incoming: readonly PendingBlock[],
  tallies: readonly FileTally[],
  changes: readonly FileChanges[],
  words: WordHashes,
  scratch: KeyScratch,
  progress: WorkProgress,
): KindOutcome {
  const rows = new KindRows(kind, [...stored, ...incoming.map((p) => p.block)]);
  const { sources, offsets, sourceOf } = rows;
  const storedTotal = offsets[stored.length];
  const keys = new NaturalKeys(rows, words, scratch, (n) => progress.add(n * HASH_WORK));
  /** Per row whose key an earlier row has (stored rows come first), 1 + that row; else 0. */
  const repeats = keys.repeats((n) => progress.add(n));
  progress.boundary();

  const compared = comparedColumns(kind).map((name) => rows.columns.get(name)!);
  const keyNames = naturalKeyFields(kind).map((f) => f.name).join(', ');
  const isContacts = kind === 'contacts';
  /**
   * Per stored row, 1 + the first incoming row with its key (0: none yet), negative when that row
   * changes the stored one (a pending change); when any repeats.
   */
  const firstIncoming = repeats && storedTotal > 0 ? new Int32Array(storedTotal) : null;

  const status: (Uint8Array | null)[] = [];
  const fates: Int32Array[] = [];
  const updates: { rows: number[]; targets: number[] }[] = [];
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

  for (let bi = 0; bi < incoming.length; bi++) {
    const { block, fileIndex } = incoming[bi];
    const base = offsets[stored.length + bi];
    const n = block.rowCount;
    let st: Uint8Array | null = null;
    const fate = new Int32Array(MERGED + 1);
    fate[KEEP] = n;
    const updated = { rows: [] as number[], targets: [] as number[] };
    const tally = tallies[fileIndex];
    const fileChanges = changes[fileIndex];
    const mark = (r: number, s: number) => {
      st ??= new Uint8Array(n);
      st[r] = s;
      fate[KEEP]--;
      fate[s]++;
    };
    // Only rows whose key an earlier row has: usually none.
    const end = repeats ? base + n : base;
    let counted = 0;
    for (let g = nextRepeat(repeats!, base, end); g < end; g = nextRepeat(repeats!, g + 1, end)) {
      if (g - base >= counted + SETTLE_BATCH) {
        progress.add((g - base - counted) * SETTLE_WORK);
        counted = g - base;
      }
      const r = g - base;
      let h = repeats![g] - 1;
      const ofStoredKey = h < storedTotal;
      let earlierStored = true;
      if (ofStoredKey) {
        const first = Math.abs(firstIncoming![h]) - 1;
        if (first < 0) {
          firstIncoming![h] = g + 1;
          const diff = rows.differences(compared, h, g);
          if (!diff) {
            mark(r, PRESENT);
          } else {
            firstIncoming![h] = -(g + 1);
            mark(r, UPDATE);
            updated.rows.push(r);
            updated.targets.push(h);
            listChanges(fileChanges, kind, sources[sourceOf[h]], h - offsets[sourceOf[h]], block, r, diff);
          }
          continue;
        }
        // Another row of this import has this stored key: this one is compared with it.
        earlierStored = firstIncoming![h] > 0;
        h = first;
      }
      const diff = rows.differences(compared, h, g);
      const hs = sourceOf[h];
      const hr = h - offsets[hs];
      if (!diff) {
        if (isContacts && !ofStoredKey) {
          mark(r, MERGED);
          counts![hs - stored.length][hr] += counts![bi][r];
        } else {
          mark(r, PRESENT);
        }
        continue;
      }
      const other = sources[hs];
      mark(r, QUARANTINED);
      tally.report.rowsQuarantined++;
      const earlierFile = tallies[incoming[hs - stored.length].fileIndex].report.fileName;
      const earlierLine = lineOf(other, hr);
      addProblem(tally, () => ({
        line: lineOf(block, r),
        column: keyNames,
        value: keyText(kind, block, r, ', '),
        reason: `${keyNames} already in this import (${earlierFile} line ${earlierLine}) with different values (${diff.join(', ')})`,
        repeatOf: {
          fileName: earlierFile,
          line: earlierLine,
          stored: earlierStored,
          differences: diff.map((column) => ({
            column,
            earlier: cellText(other.columns[column], hr),
            later: cellText(block.columns[column], r),
          })),
        },
      }));
    }
    status.push(st);
    fates.push(fate);
    updates.push(updated);
    progress.add((n - counted) * SETTLE_WORK);
  }
  progress.boundary();
  return { status, fates, counts, updates };
}

/** Counts one changed row of a file, listing its changed cells while under the cap. */
function listChanges(
  changes: FileChanges,
  kind: Kind,
  stored: StoredColumns,
  storedRow: number,
  incoming: ColumnBlock,
  row: number,
  diff: readonly string[],
): void {
  changes.rows++;
  changes.cells += diff.length;
  if (changes.listed.length >= CHANGES_LIST_CAP) return;
  const key = keyText(kind, incoming, row, ', ');
  const line = lineOf(incoming, row);
  for (const column of diff) {
    if (changes.listed.length >= CHANGES_LIST_CAP) break;
    const cell: ChangedCell = {
      key,
      line,
      column,
      stored: cellText(stored.columns[column], storedRow),
      incoming: cellText(incoming.columns[column], row),
    };
    changes.listed.push(cell);
  }
}

/** The incoming rows of one file that change stored rows, with where each stored row is. */
function pendingRowsOf(
  incoming: readonly PendingBlock[],
  outcome: KindOutcome,
  fileIndex: number,
  stored: readonly StoredBlock[],
  storedOffsets: Int32Array,
): PendingRows | null {
  const selections: { columns: Record<string, Column>; rowCount: number; rows: number[] }[] = [];
  const targets: number[] = [];
  incoming.forEach(({ block, fileIndex: f }, bi) => {
    const { rows, targets: t } = outcome.updates[bi];
    if (f !== fileIndex || rows.length === 0) return;
    selections.push({ columns: block.columns, rowCount: block.rowCount, rows });
    for (const h of t) targets.push(h);
  });
  if (targets.length === 0) return null;
  const { rowCount, columns } = concatRows(selections, { drop: [LINE_COLUMN] });
  const targetBlock = new Int32Array(rowCount);
  const targetRow = new Uint32Array(rowCount);
  targets.forEach((h, i) => {
    let lo = 0;
    let hi = stored.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (storedOffsets[mid] <= h) lo = mid;
      else hi = mid - 1;
    }
    targetBlock[i] = stored[lo].id!;
    targetRow[i] = h - storedOffsets[lo];
  });
  return { rowCount, columns, targetBlock, targetRow };
}

/** The rows of one stored block to be: runs of kept rows of incoming blocks of one kind. */
interface StoredPlan {
  kind: Kind;
  parts: RowRange[];
  /** Incoming rows dealt with by this block (kept or not), for progress. */
  consumed: number;
}

/** Kept rows of the incoming blocks of one kind, planned as stored blocks of at most MAX rows. */
function planStored(kind: Kind, incoming: readonly PendingBlock[], outcome: KindOutcome): StoredPlan[] {
  const plans: StoredPlan[] = [];
  let plan: StoredPlan = { kind, parts: [], consumed: 0 };
  let size = 0;
  const flush = () => {
    if (size > 0) plans.push(plan);
    else if (plans.length) plans[plans.length - 1].consumed += plan.consumed;
    plan = { kind, parts: [], consumed: 0 };
    size = 0;
  };
  incoming.forEach(({ block }, bi) => {
    const st = outcome.status[bi];
    const kept = outcome.fates[bi][KEEP];
    plan.consumed += block.rowCount - kept;
    if (kept === 0) return;
    let rows: Uint32Array | null = null;
    if (st) {
      rows = new Uint32Array(kept);
      for (let r = 0, k = 0; r < st.length; r++) if (st[r] === KEEP) rows[k++] = r;
    }
    const columns = outcome.counts
      ? { ...block.columns, [COUNT_COLUMN]: { type: 'num', values: outcome.counts[bi] } as Column }
      : block.columns;
    let start = 0;
    while (start < kept) {
      const take = Math.min(kept - start, MAX_ROWS_PER_STORED_BLOCK - size);
      plan.parts.push({ columns, rowCount: block.rowCount, rows, start, end: start + take });
      size += take;
      plan.consumed += take;
      start += take;
      if (size === MAX_ROWS_PER_STORED_BLOCK) flush();
    }
  });
  flush();
  return plans;
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
 * - a row whose key an earlier import stored with other values is an update: nothing changes,
 *   the import record holds the incoming row as a pending change of its file until accepted
 *   (see extract-changes.ts);
 * - a row whose key an earlier row of this import has with other values (in the same file or
 *   another file of the import) is quarantined: the first row of the key stands;
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
  let incomingRows = 0;
  for (const list of byKind.values()) for (const { block } of list) incomingRows += block.rowCount;
  const progress = new WorkProgress(incomingRows, options.onProgress);

  return db.transaction('rw', db.blocks, db.imports, async () => {
    const stored = kinds.length ? await readBlocks(await db.blocks.where('kind').anyOf(kinds).toArray()) : [];
    // Compared with the stored rows as they read now, accepted changes included.
    if (stored.length) overlayAccepted(stored, await openImportRecords(await db.imports.toArray()));
    stored.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    const storedByKind = new Map<Kind, StoredBlock[]>(kinds.map((k) => [k, []]));
    for (const b of stored) storedByKind.get(b.kind)?.push(b);

    let work = incomingRows * (SETTLE_WORK + COMPACT_WORK + WRITE_WORK);
    for (const kind of kinds) {
      let kindRows = 0;
      for (const b of storedByKind.get(kind)!) kindRows += b.rowCount;
      for (const { block } of byKind.get(kind)!) kindRows += block.rowCount;
      work += kindRows * (naturalKeyFields(kind).length * HASH_WORK + REPEATS_WORK);
    }
    progress.plan(work);
    progress.boundary();

    const words = new WordHashes();
    const scratch = new KeyScratch();
    const changes: FileChanges[] = tallies.map((t) => ({
      fileName: t.report.fileName,
      kind: t.report.kind ?? 'cases',
      rows: 0,
      cells: 0,
      listed: [],
      status: 'pending',
      resolvedAt: null,
      undoable: true,
    }));
    const outcomes = new Map<Kind, KindOutcome>();
    for (const kind of kinds) {
      const incoming = byKind.get(kind)!;
      outcomes.set(kind, dedupeKind(kind, storedByKind.get(kind)!, incoming, tallies, changes, words, scratch, progress));
    }

    for (const t of tallies) {
      t.report.rowsImported = 0;
      t.report.rowsAlreadyPresent = 0;
      t.report.rowsChanged = 0;
    }
    for (const kind of kinds) {
      const outcome = outcomes.get(kind)!;
      byKind.get(kind)!.forEach(({ fileIndex }, bi) => {
        const report = tallies[fileIndex].report;
        const fate = outcome.fates[bi];
        report.rowsImported += fate[KEEP] + fate[MERGED];
        report.rowsAlreadyPresent += fate[PRESENT];
        report.rowsChanged! += fate[UPDATE];
      });
    }
    const files = tallies.map((t) => ({ ...t.report, quarantinedOmitted: t.omitted }));
    const anyQuarantined = files.some((f) => f.rowsQuarantined > 0 || f.quarantined.length > 0);
    const rolledBack = pending.allOrNothing && anyQuarantined;
    if (rolledBack) for (const f of files) f.rowsImported = 0;

    const kept: FileChanges[] = [];
    const pendingRows: PendingRows[] = [];
    if (!rolledBack) {
      changes.forEach((c, fileIndex) => {
        const kind = tallies[fileIndex].report.kind;
        if (c.rows === 0 || !kind || !byKind.has(kind)) return;
        const storedOfKind = storedByKind.get(kind)!;
        const offsets = new Int32Array(storedOfKind.length + 1);
        storedOfKind.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.rowCount));
        const held = pendingRowsOf(byKind.get(kind)!, outcomes.get(kind)!, fileIndex, storedOfKind, offsets);
        if (!held) return;
        kept.push(c);
        pendingRows.push(held);
      });
    }
    const seq = await nextSeq(db);

    const importedAt = options.now ?? Date.now();
    const record: ImportRecord = {
      importedAt,
      files,
      privacyFindings: pending.privacyFindings.slice(),
      privacyFindingsOmitted: pending.privacyFindingsOmitted,
      rowsImported: files.reduce((n, f) => n + f.rowsImported, 0),
      rowsQuarantined: files.reduce((n, f) => n + f.rowsQuarantined, 0),
      rowsAlreadyPresent: files.reduce((n, f) => n + f.rowsAlreadyPresent, 0),
      changes: kept,
      allOrNothing: pending.allOrNothing,
      rolledBack,
      seq,
      lastSeq: seq,
      pendingRows,
      accepted: kept.map(() => null),
    };
    const id = (await db.imports.add(await sealImportRecord(record))) as number;

    if (!rolledBack) {
      const plans = kinds.flatMap((kind) => planStored(kind, byKind.get(kind)!, outcomes.get(kind)!));
      let unplanned = incomingRows;
      for (const plan of plans) unplanned -= plan.consumed;
      progress.add(unplanned * (COMPACT_WORK + WRITE_WORK));
      // One record at a time, each built while IndexedDB writes the one before: the worker waits
      // between records (so its other tasks, such as the progress heartbeat, get a turn), but
      // never for the write of the record it could be building. Measured in Chromium, one
      // bulkAdd of all records takes as long and blocks the worker ~0.4 s cloning them.
      let previous: { added: Promise<unknown>; consumed: number } | null = null;
      for (const plan of plans) {
        const distinct = distinctColumn(plan.kind);
        const { rowCount, columns } = concatRanges(plan.parts, { drop: [LINE_COLUMN], words, distinct });
        progress.add(plan.consumed * COMPACT_WORK);
        // Sealed (with a passphrase) while IndexedDB writes the record before.
        const added = db.blocks.add(await blockRecord(id, plan.kind, { rowCount, columns }));
        // Awaited below; until then, a failure must not count as unhandled.
        added.catch(() => undefined);
        if (previous) {
          await previous.added;
          progress.add(previous.consumed * WRITE_WORK);
        }
        previous = { added, consumed: plan.consumed };
      }
      if (previous) await previous.added;
    }
    progress.finish();

    return toSummary({ ...record, id });
  });
}
