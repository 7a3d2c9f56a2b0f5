/** The history of imports, newest first, as the reports the user saw. */
import type { ImportSummary } from '../domain/import-report';
import type { ImportRecord, WaymarkDb } from './db';

/** The report part of a stored import record (without the held-back case rows). */
export function toSummary(record: ImportRecord): ImportSummary {
  const { pendingCases: _held, id, ...summary } = record;
  void _held;
  return { ...summary, id: id ?? 0 };
}

export async function listImports(db: WaymarkDb): Promise<ImportSummary[]> {
  const records = await db.imports.orderBy('importedAt').reverse().toArray();
  return records.map(toSummary);
}

export async function getImport(db: WaymarkDb, id: number): Promise<ImportSummary | undefined> {
  const record = await db.imports.get(id);
  return record ? toSummary(record) : undefined;
}
