/**
 * Accepted changes are not written over the stored blocks. They stay with their import as the
 * incoming rows (`pendingRows`, each with the stored block and row it changes) and are laid over
 * the blocks whenever blocks are read: for the working set, and for the stored rows a later
 * import is compared with. They are laid oldest accept first, so a later accept wins.
 *
 * So accepting or undoing a set of changes rewrites one import record, whatever the size of the
 * store (rewriting every block a 1% extract touches took about 3 s at 50,000 women), and the
 * blocks of an import stay exactly what it wrote until it is undone.
 */
import type { Kind } from '../domain/contract';
import { UNKNOWN_DAY, YN_NO, YN_UNKNOWN, YN_YES, type Column } from '../data/columns';
import { cellValue, type CellValue } from '../data/cells';
import { columnLayout, comparedColumns } from '../data/layout';
import { emptyColumn } from '../data/columns';
import type { ImportRecord, PendingRows, StoredBlock } from './db';
import { keyText } from './natural-keys';

/** One accepted set of changes, in the order they are laid over the blocks. */
export interface AcceptedSet {
  seq: number;
  kind: Kind;
  rows: PendingRows;
}

/** Every accepted set of changes that is laid over the blocks, oldest accept first. */
export function acceptedSets(records: readonly ImportRecord[]): AcceptedSet[] {
  const out: AcceptedSet[] = [];
  for (const record of records) {
    record.changes.forEach((c, i) => {
      const seq = record.accepted?.[i];
      const rows = record.pendingRows[i];
      // Changes accepted before version 4 of the database were written into the blocks.
      if (c.status === 'accepted' && rows && typeof seq === 'number') out.push({ seq, kind: c.kind, rows });
    });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && a !== a && b !== b);
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

/**
 * Writes the accepted changes of these import records into these blocks, in place (the blocks
 * must be the caller's own copies, as read from the database). Blocks not given are left alone,
 * so a caller may pass the blocks of some kinds only. Returns the number of cells written.
 */
export function overlayAccepted(blocks: readonly StoredBlock[], records: readonly ImportRecord[]): number {
  const sets = acceptedSets(records);
  if (sets.length === 0) return 0;
  const byId = new Map<number, StoredBlock>();
  for (const b of blocks) if (b.id !== undefined) byId.set(b.id, b);
  let written = 0;
  for (const { kind, rows } of sets) {
    const types = new Map(columnLayout(kind).map((c) => [c.name, c.type]));
    const names = comparedColumns(kind);
    for (let k = 0; k < rows.rowCount; k++) {
      const block = byId.get(rows.targetBlock[k]);
      const r = rows.targetRow[k];
      // A row that is not where the import found it is left as stored (it cannot happen while
      // imports are undone newest first, but a stale target must never change another row).
      if (!block || block.kind !== kind || r >= block.rowCount || keyText(kind, block, r) !== keyText(kind, rows, k)) continue;
      for (const name of names) {
        const v = cellValue(rows.columns[name], k);
        if (sameValue(cellValue(block.columns[name], r), v)) continue;
        const dest = (block.columns[name] ??= emptyColumn(name, types.get(name)!, block.rowCount));
        setCell(dest, r, v);
        written += 1;
      }
    }
  }
  return written;
}
