/** The history of imports, newest first, as the reports the user saw. */
import type { ImportSummary } from '../domain/import-report';
import type { ImportRecord, WaymarkDb } from './db';
import { openRecord, sealRecord, vaultKey } from './vault';

/** The fields of an import record kept in clear when it is sealed: its keys and indexes. */
const CLEAR_FIELDS = ['id', 'importedAt', 'lastSeq'] as const;

/** An import record as stored (sealed when a passphrase is set). */
export function sealImportRecord(record: ImportRecord, key = vaultKey()): Promise<ImportRecord> {
  return sealRecord(record, CLEAR_FIELDS, key);
}

/** Stored import records as the app uses them. */
export function openImportRecords(records: readonly ImportRecord[]): Promise<ImportRecord[]> {
  return Promise.all(records.map((r) => openRecord(r)));
}

/** The report part of a stored import record (without the held rows and undo data). */
export function toSummary(record: ImportRecord): ImportSummary {
  const { pendingRows: _rows, accepted: _accepted, seq: _seq, lastSeq: _last, id, ...summary } = record;
  void _rows;
  void _accepted;
  void _seq;
  void _last;
  return { ...summary, id: id ?? 0 };
}

export async function listImports(db: WaymarkDb): Promise<ImportSummary[]> {
  const records = await db.imports.orderBy('importedAt').reverse().toArray();
  return (await openImportRecords(records)).map(toSummary);
}

export async function getImport(db: WaymarkDb, id: number): Promise<ImportSummary | undefined> {
  const record = await db.imports.get(id);
  return record ? toSummary(await openRecord(record)) : undefined;
}

/** The next number in the order of imports and accepts. */
export async function nextSeq(db: WaymarkDb): Promise<number> {
  const last = await db.imports.orderBy('lastSeq').last();
  const byId = await db.imports.orderBy(':id').lastKey();
  return Math.max(last?.lastSeq ?? 0, typeof byId === 'number' ? byId : 0) + 1;
}
