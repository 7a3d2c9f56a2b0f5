/**
 * The user's answers to a later extract's changes, and undo. Accepting marks a file's changes as
 * accepted, in order: their new values are laid over the stored rows when they are read (see
 * accepted-overlay.ts), so accepting and undoing never rewrite the stored blocks. Undoing an
 * import removes its rows and its report, and with them every accepted change it brought. Imports and accepts are undone newest
 * first: one that a later import or accept of the same kind of record still relies on is refused.
 * Each function runs in one transaction, so a refusal or failure leaves the store unchanged.
 */
import type { Kind } from '../domain/contract';
import type { ImportSummary } from '../domain/import-report';
import type { ImportRecord, WaymarkDb } from './db';
import { nextSeq, openImportRecords, sealImportRecord, toSummary } from './history';
import { openRecord } from './vault';

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
      out.push({ record, change: i, seq: record.accepted[i] ?? record.seq, kinds: new Set([c.kind]) });
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

function updateLastSeq(record: ImportRecord): void {
  record.lastSeq = Math.max(record.seq, ...record.accepted.map((seq) => seq ?? 0));
}

async function storedRecord(db: WaymarkDb, importId: number): Promise<ImportRecord> {
  const record = await db.imports.get(importId);
  if (!record) throw new Error(`Import ${importId} is not stored.`);
  return openRecord(record);
}

function pendingIndexes(record: ImportRecord, which: number | 'all'): number[] {
  const all = record.changes.map((_, i) => i);
  const chosen = which === 'all' ? all : all.filter((i) => i === which);
  return chosen.filter((i) => record.changes[i].status === 'pending');
}

/** Changes accepted before version 4 of the database were written into the blocks and cannot be undone. */
function acceptedInPlace(record: ImportRecord, i: number): boolean {
  return record.changes[i].status === 'accepted' && (record.pendingRows[i] === null || record.accepted[i] === null);
}

/**
 * Accepts the pending changes of one file (its index in `changes`) or of all files: from now on
 * their new values are laid over the stored rows they change, until they are undone.
 */
export function acceptChanges(db: WaymarkDb, importId: number, which: number | 'all', now = Date.now()): Promise<ImportSummary> {
  return db.transaction('rw', db.blocks, db.imports, async () => {
    const record = await storedRecord(db, importId);
    const chosen = pendingIndexes(record, which);
    const targets = new Set<number>();
    for (const i of chosen) {
      const rows = record.pendingRows[i];
      if (!rows) throw new Error(`The changes of ${record.changes[i].fileName} are no longer held.`);
      for (const id of rows.targetBlock) targets.add(id);
    }
    const stored = await db.blocks.where(':id').anyOf([...targets]).primaryKeys();
    if (stored.length !== targets.size) throw new Error('A stored row these changes apply to is no longer stored; nothing was changed.');
    let seq = await nextSeq(db);
    for (const i of chosen) {
      record.accepted[i] = seq++;
      record.changes[i] = { ...record.changes[i], status: 'accepted', resolvedAt: now, undoable: true };
    }
    updateLastSeq(record);
    await db.imports.put(await sealImportRecord(record));
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
    await db.imports.put(await sealImportRecord(record));
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
    if (!change || change.status !== 'accepted') throw new Error('These changes are not accepted.');
    if (acceptedInPlace(record, which)) throw new Error('These changes were accepted before they could be undone; they cannot be undone.');
    const action = actionsOf(record).find((a) => a.change === which)!;
    const later = laterThan(await openImportRecords(await db.imports.toArray()), [action]);
    if (later) throw new UndoRefused(later);
    record.accepted[which] = null;
    record.changes[which] = { ...change, status: 'pending', resolvedAt: null, undoable: true };
    updateLastSeq(record);
    await db.imports.put(await sealImportRecord(record));
    return toSummary(record);
  });
}

/**
 * Removes an import: its rows and its report, and so the values its accepted changes laid over
 * the stored rows, so that the store is exactly as it was before it. Refused (UndoRefused) when a later
 * import or accept of a kind it touched relies on it.
 */
export function undoImport(db: WaymarkDb, importId: number): Promise<void> {
  return db.transaction('rw', db.blocks, db.imports, async () => {
    const record = await storedRecord(db, importId);
    const undoing = actionsOf(record);
    const later = laterThan(await openImportRecords(await db.imports.toArray()), undoing);
    if (later) throw new UndoRefused(later);
    if (record.changes.some((_, i) => acceptedInPlace(record, i))) {
      throw new Error('This import has changes accepted before they could be undone; it cannot be undone.');
    }
    await db.blocks.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}
