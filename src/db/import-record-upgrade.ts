/**
 * Dexie upgrade to version 4: import records of earlier versions held cases rows whose case_id
 * was stored with other values as "case conflicts" (`caseConflicts`, `pendingCases`,
 * `caseConflictResolution`). They become the pending changes of their files, found again by
 * case_id in the stored cases blocks; resolved ones are kept as accepted or dismissed changes
 * that cannot be undone (what they replaced was not kept).
 */
import type { Transaction } from 'dexie';
import type { Column } from '../data/columns';
import type { FileChanges } from '../domain/extract-changes';
import type { FileReport } from '../domain/import-report';
import { cellValue } from '../data/cells';
import { concatRows } from '../data/column-ops';
import type { ImportRecord, PendingRows, StoredBlock, StoredColumns } from './db';

interface OldConflict {
  caseId: string;
  fileName: string;
  line: number;
  differences: { field: string; stored: string | null; incoming: string | null }[];
}

interface OldRecord extends Partial<ImportRecord> {
  id: number;
  files: (FileReport & { rowsInCaseConflict?: number })[];
  caseConflicts?: OldConflict[];
  caseConflictResolution?: { resolution: 'accepted' | 'dismissed'; count: number; resolvedAt: number } | null;
  pendingCases?: StoredColumns | null;
}

/** Per case_id, the stored block id and row holding it. */
function casesIndex(blocks: readonly StoredBlock[]): Map<string, { id: number; row: number }> {
  const where = new Map<string, { id: number; row: number }>();
  for (const block of blocks) {
    const col: Column | undefined = block.columns.case_id;
    for (let r = 0; r < block.rowCount; r++) {
      const id = cellValue(col, r);
      if (typeof id === 'string' && !where.has(id)) where.set(id, { id: block.id!, row: r });
    }
  }
  return where;
}

/** The record in the version 4 form (changed in place and returned). */
export function upgradeRecord(old: OldRecord, cases: () => Map<string, { id: number; row: number }>): ImportRecord {
  const changes: FileChanges[] = [];
  const pendingRows: (PendingRows | null)[] = [];
  const conflicts = old.caseConflicts ?? [];
  const held = old.pendingCases;
  if (held && conflicts.length > 0 && !old.rolledBack) {
    const where = cases();
    const byFile = new Map<string, number[]>();
    conflicts.forEach((c, i) => {
      if (i >= held.rowCount || !where.has(c.caseId)) return;
      const list = byFile.get(c.fileName) ?? [];
      list.push(i);
      byFile.set(c.fileName, list);
    });
    for (const [fileName, rows] of byFile) {
      const { rowCount, columns } = concatRows([{ ...held, rows }]);
      const targetBlock = new Int32Array(rowCount);
      const targetRow = new Uint32Array(rowCount);
      rows.forEach((i, k) => {
        const at = where.get(conflicts[i].caseId)!;
        targetBlock[k] = at.id;
        targetRow[k] = at.row;
      });
      changes.push({
        fileName,
        kind: 'cases',
        rows: rows.length,
        cells: rows.reduce((n, i) => n + conflicts[i].differences.length, 0),
        listed: rows.flatMap((i) =>
          conflicts[i].differences.map((d) => ({
            key: conflicts[i].caseId,
            line: conflicts[i].line,
            column: d.field,
            stored: d.stored,
            incoming: d.incoming,
          })),
        ),
        status: 'pending',
        resolvedAt: null,
        undoable: true,
      });
      pendingRows.push({ rowCount, columns, targetBlock, targetRow });
    }
  } else if (old.caseConflictResolution) {
    const r = old.caseConflictResolution;
    changes.push({
      fileName: old.files.find((f) => f.kind === 'cases')?.fileName ?? 'cases',
      kind: 'cases',
      rows: r.count,
      cells: 0,
      listed: [],
      status: r.resolution,
      resolvedAt: r.resolvedAt,
      undoable: false,
    });
    pendingRows.push(null);
  }
  for (const f of old.files) {
    f.rowsChanged = f.rowsInCaseConflict ?? 0;
    delete f.rowsInCaseConflict;
  }
  delete old.caseConflicts;
  delete old.caseConflictResolution;
  delete old.pendingCases;
  const record = old as ImportRecord;
  record.changes = changes;
  record.pendingRows = pendingRows;
  record.accepted = changes.map(() => null);
  record.seq = old.id;
  record.lastSeq = old.id;
  return record;
}

export async function upgradeImportRecords(tx: Transaction): Promise<void> {
  const records = (await tx.table('imports').toArray()) as OldRecord[];
  if (records.length === 0) return;
  let index: Map<string, { id: number; row: number }> | null = null;
  const blocks = tx.table('blocks');
  const needsCases = records.some((r) => r.pendingCases && (r.caseConflicts?.length ?? 0) > 0);
  const storedCases = needsCases ? ((await blocks.where('kind').equals('cases').toArray()) as StoredBlock[]) : [];
  const upgraded = records.map((r) => upgradeRecord(r, () => (index ??= casesIndex(storedCases))));
  await tx.table('imports').bulkPut(upgraded);
}
