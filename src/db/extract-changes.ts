/**
 * The user's answers to a later extract's changes, and undo. Accepting writes a file's new values
 * over the stored rows and keeps the values it replaced; undoing an import removes its rows and
 * puts back every value its accepted changes replaced. Imports and accepts are undone newest
 * first: one that a later import or accept of the same kind of record still relies on is refused.
 * Each function runs in one transaction, so a refusal or failure leaves the store unchanged.
 */
import type { Kind } from '../domain/contract';
import { UNKNOWN_DAY, YN_NO, YN_UNKNOWN, YN_YES, type Column } from '../domain/columns';
import type { ImportSummary } from '../domain/import-report';
import { cellValue, columnLayout, comparedColumns, emptyColumn, type CellValue } from './column-ops';
import type { ImportRecord, ReplacedValues, StoredBlock, WaymarkDb } from './db';
import { toSummary } from './history';
import { nextSeq } from './import-batch';
import { keyText } from './natural-keys';

/** Something later that relies on what would be undone. */
export interface LaterAction {
  importId: number;
  importedAt: number;
  fileNames: string[];
  /** The file whose accepted changes rely on it; null when it is the later import itself. */
  acceptedFile: string | null;
}

/** An undo refused because a later import or accept still relies on what it would undo. */
export class UndoRefused extends Error {
  readonly later: LaterAction;

  constructor(later: LaterAction) {
    super(
      later.acceptedFile === null
        ? `Import ${later.importId} (${later.fileNames.join(', ')}) came later and changed or relied on these rows: undo the later one first.`
        : `The changes of ${later.acceptedFile} (import ${later.importId}) were accepted later and changed or relied on these rows: undo the later one first.`,
    );
    this.name = 'UndoRefused';
    this.later = later;
  }
}

/** An import, or one accepted set of changes of it, in the order of undo. */
interface Action {
  record: ImportRecord;
  /** null: the import itself; else the index of its accepted changes. */
  change: number | null;
  seq: number;
  kinds: ReadonlySet<Kind>;
}

function actionsOf(record: ImportRecord): Action[] {
  const kinds = new Set<Kind>();
  if (!record.rolledBack) {
    for (const f of record.files) {
      if (f.kind && f.rowsImported + f.rowsAlreadyPresent + (f.rowsChanged ?? 0) > 0) kinds.add(f.kind);
    }
  }
  const out: Action[] = [{ record, change: null, seq: record.seq, kinds }];
  record.changes.forEach((c, i) => {
    if (c.status === 'accepted') {
      out.push({ record, change: i, seq: record.replaced[i]?.seq ?? record.seq, kinds: new Set([c.kind]) });
    }
  });
  return out;
}

/** The newest action other than `undoing` that came after them and touches a kind they touch. */
function laterThan(records: readonly ImportRecord[], undoing: readonly Action[]): LaterAction | null {
  const from = Math.min(...undoing.map((a) => a.seq));
  const kinds = new Set(undoing.flatMap((a) => [...a.kinds]));
  let found: Action | null = null;
  for (const record of records) {
    for (const a of actionsOf(record)) {
      if (undoing.some((u) => u.record.id === a.record.id && u.change === a.change)) continue;
      if (a.seq <= from || ![...a.kinds].some((k) => kinds.has(k))) continue;
      if (!found || a.seq > found.seq) found = a;
    }
  }
  if (!found) return null;
  return {
    importId: found.record.id!,
    importedAt: found.record.importedAt,
    fileNames: found.record.files.map((f) => f.fileName),
    acceptedFile: found.change === null ? null : found.record.changes[found.change].fileName,
  };
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && a !== a && b !== b);
}

function cloneColumn(col: Column): Column {
  switch (col.type) {
    case 'dict':
      return { type: 'dict', values: col.values.slice(), dict: col.dict.slice() };
    case 'text':
      return { type: 'text', values: col.values.slice() };
    default:
      return { type: col.type, values: col.values.slice() } as Column;
  }
}

const dictIndexes = new WeakMap<string[], Map<string, number>>();

function setCell(dest: Column, row: number, v: CellValue): void {
  switch (dest.type) {
    case 'day':
      dest.values[row] = v === null ? UNKNOWN_DAY : Number(v);
      break;
    case 'num':
      dest.values[row] = v === null ? NaN : Number(v);
      break;
    case 'yn':
      dest.values[row] = v === null ? YN_UNKNOWN : v ? YN_YES : YN_NO;
      break;
    case 'dict': {
      const s = v === null ? '' : String(v);
      let index = dictIndexes.get(dest.dict);
      if (!index) {
        index = new Map();
        for (let i = dest.dict.length - 1; i >= 0; i--) index.set(dest.dict[i], i);
        dictIndexes.set(dest.dict, index);
      }
      let id = index.get(s);
      if (id === undefined) {
        id = dest.dict.push(s) - 1;
        index.set(s, id);
      }
      dest.values[row] = id;
      break;
    }
    case 'text':
      dest.values[row] = v === null ? null : String(v);
      break;
  }
}

/** The stored blocks with these ids, read once per transaction. */
async function blocksById(db: WaymarkDb, ids: Iterable<number>, cache: Map<number, StoredBlock>): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  const found = await db.blocks.bulkGet(missing);
  found.forEach((b, i) => {
    if (!b) throw new Error('A stored row these changes apply to is no longer stored.');
    cache.set(missing[i], b);
  });
}

/** Writes the new values of change set i into the cached blocks; returns what they replaced. */
async function applyChanges(
  db: WaymarkDb,
  record: ImportRecord,
  i: number,
  blocks: Map<number, StoredBlock>,
  seq: number,
): Promise<ReplacedValues> {
  const rows = record.pendingRows[i];
  if (!rows) throw new Error(`The changes of ${record.changes[i].fileName} are no longer held.`);
  const kind = record.changes[i].kind;
  await blocksById(db, rows.targetBlock, blocks);
  const types = new Map(columnLayout(kind).map((c) => [c.name, c.type]));
  const names = comparedColumns(kind);
  const saved = new Map<number, Record<string, Column | null>>();
  for (let k = 0; k < rows.rowCount; k++) {
    const id = rows.targetBlock[k];
    const block = blocks.get(id)!;
    const r = rows.targetRow[k];
    if (r >= block.rowCount || keyText(kind, block, r) !== keyText(kind, rows, k)) {
      throw new Error('A stored row these changes apply to has moved; nothing was changed.');
    }
    for (const name of names) {
      const v = cellValue(rows.columns[name], k);
      if (sameValue(cellValue(block.columns[name], r), v)) continue;
      let before = saved.get(id);
      if (!before) saved.set(id, (before = {}));
      if (!(name in before)) {
        const original = block.columns[name];
        before[name] = original ?? null;
        block.columns[name] = original ? cloneColumn(original) : emptyColumn(name, types.get(name)!, block.rowCount);
      }
      setCell(block.columns[name], r, v);
    }
  }
  return { seq, blocks: [...saved].map(([id, columns]) => ({ id, columns })) };
}

/** Puts back the values an accepted change set replaced, in the cached blocks. */
async function restoreValues(db: WaymarkDb, replaced: ReplacedValues, blocks: Map<number, StoredBlock>): Promise<void> {
  await blocksById(
    db,
    replaced.blocks.map((b) => b.id),
    blocks,
  );
  for (const { id, columns } of replaced.blocks) {
    const block = blocks.get(id)!;
    for (const [name, col] of Object.entries(columns)) {
      if (col) block.columns[name] = col;
      else delete block.columns[name];
    }
  }
}

function updateLastSeq(record: ImportRecord): void {
  record.lastSeq = Math.max(record.seq, ...record.replaced.map((r) => r?.seq ?? 0));
}

async function storedRecord(db: WaymarkDb, importId: number): Promise<ImportRecord> {
  const record = await db.imports.get(importId);
  if (!record) throw new Error(`Import ${importId} is not stored.`);
  return record;
}

function pendingIndexes(record: ImportRecord, which: number | 'all'): number[] {
  const all = record.changes.map((_, i) => i);
  const chosen = which === 'all' ? all : all.filter((i) => i === which);
  return chosen.filter((i) => record.changes[i].status === 'pending');
}

/**
 * Writes the new values of the pending changes of one file (its index in `changes`) or of all
 * files over the stored rows, keeping the values replaced so that it can be undone.
 */
export function acceptChanges(db: WaymarkDb, importId: number, which: number | 'all', now = Date.now()): Promise<ImportSummary> {
  return db.transaction('rw', db.blocks, db.imports, async () => {
    const record = await storedRecord(db, importId);
    const blocks = new Map<number, StoredBlock>();
    const touched = new Set<number>();
    let seq = await nextSeq(db);
    for (const i of pendingIndexes(record, which)) {
      const replaced = await applyChanges(db, record, i, blocks, seq++);
      for (const b of replaced.blocks) touched.add(b.id);
      record.replaced[i] = replaced;
      record.changes[i] = { ...record.changes[i], status: 'accepted', resolvedAt: now, undoable: true };
    }
    updateLastSeq(record);
    if (touched.size) await db.blocks.bulkPut([...touched].map((id) => blocks.get(id)!));
    await db.imports.put(record);
    return toSummary(record);
  });
}

/** Keeps the stored values: the pending changes of one file or all files are dropped. */
export function dismissChanges(db: WaymarkDb, importId: number, which: number | 'all', now = Date.now()): Promise<ImportSummary> {
  return db.transaction('rw', db.imports, async () => {
    const record = await storedRecord(db, importId);
    for (const i of pendingIndexes(record, which)) {
      record.pendingRows[i] = null;
      record.changes[i] = { ...record.changes[i], status: 'dismissed', resolvedAt: now, undoable: false };
    }
    await db.imports.put(record);
    return toSummary(record);
  });
}

/**
 * Puts the values replaced by the accepted changes of one file back, and the changes back to
 * pending. Refused (UndoRefused) when a later import or accept of that kind relies on them.
 */
export function undoAcceptedChanges(db: WaymarkDb, importId: number, which: number): Promise<ImportSummary> {
  return db.transaction('rw', db.blocks, db.imports, async () => {
    const record = await storedRecord(db, importId);
    const change = record.changes[which];
    const replaced = record.replaced[which];
    if (!change || change.status !== 'accepted') throw new Error('These changes are not accepted.');
    if (!replaced) throw new Error('These changes were accepted before they could be undone; they cannot be undone.');
    const action = actionsOf(record).find((a) => a.change === which)!;
    const later = laterThan(await db.imports.toArray(), [action]);
    if (later) throw new UndoRefused(later);
    const blocks = new Map<number, StoredBlock>();
    await restoreValues(db, replaced, blocks);
    record.replaced[which] = null;
    record.changes[which] = { ...change, status: 'pending', resolvedAt: null, undoable: true };
    updateLastSeq(record);
    if (blocks.size) await db.blocks.bulkPut([...blocks.values()]);
    await db.imports.put(record);
    return toSummary(record);
  });
}

/**
 * Removes an import: its rows, every value its accepted changes replaced put back, and its
 * report, so that the store is exactly as it was before it. Refused (UndoRefused) when a later
 * import or accept of a kind it touched relies on it.
 */
export function undoImport(db: WaymarkDb, importId: number): Promise<void> {
  return db.transaction('rw', db.blocks, db.imports, async () => {
    const record = await storedRecord(db, importId);
    const undoing = actionsOf(record);
    const later = laterThan(await db.imports.toArray(), undoing);
    if (later) throw new UndoRefused(later);
    const accepted = undoing.filter((a) => a.change !== null).sort((a, b) => b.seq - a.seq);
    const blocks = new Map<number, StoredBlock>();
    for (const a of accepted) {
      const replaced = record.replaced[a.change!];
      if (!replaced) throw new Error('This import has changes accepted before they could be undone; it cannot be undone.');
      await restoreValues(db, replaced, blocks);
    }
    if (blocks.size) await db.blocks.bulkPut([...blocks.values()]);
    await db.blocks.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}
