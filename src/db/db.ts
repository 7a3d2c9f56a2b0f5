/**
 * The one Dexie database of the app. Rows are never stored one record per event: IndexedDB's
 * cost is per record, so each import stores a few large columnar blocks per kind (see "Storage
 * for speed" in DESIGN.md). Works in the page and in the ingest worker.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Kind } from '../domain/contract';
import type { ColumnSet } from '../data/columns';
import type { ImportSummary } from '../domain/import-report';
import type { MappingProfile } from '../domain/mapping';
import type { CaseStudy } from '../domain/case-study';
import { upgradeImportRecords } from './import-record-upgrade';
import { decodeColumns, encodeColumns } from './block-codec';
import { LockedError, openBytes, sealBytes, vaultKey } from './vault';

export const DEFAULT_DB_NAME = 'waymark';

/** Rows in columnar form, without the transfer-only `__line` column. */
export type StoredColumns = ColumnSet;

/** A stored block as read: up to MAX_ROWS_PER_STORED_BLOCK rows of one kind, in columns. */
export interface StoredBlock extends StoredColumns {
  id?: number;
  /** The import that wrote these rows (accepted changes of later imports are laid over them when read). */
  importId: number;
  kind: Kind;
}

/** One record of the `blocks` table: a StoredBlock's columns as one buffer (src/db/block-codec.ts). */
export interface BlockRecord {
  id?: number;
  importId: number;
  kind: Kind;
  rowCount: number;
  data: ArrayBuffer;
  /** True when `data` is sealed under the passphrase's key (src/db/vault.ts). */
  sealed?: true;
}

/**
 * The incoming rows of one file's changes (the new values), and per row the stored row it
 * changes: block id and row within that block.
 */
export interface PendingRows extends StoredColumns {
  targetBlock: Int32Array;
  targetRow: Uint32Array;
}

/** One record of the `imports` table: the report of one import, kept for the history. */
export interface ImportRecord extends Omit<ImportSummary, 'id'> {
  id?: number;
  /** Order of this import among imports and accepts, which are undone newest first. */
  seq: number;
  /** The largest of `seq` and the seqs of its accepted changes (indexed: the next seq follows it). */
  lastSeq: number;
  /**
   * Aligned with `changes`: the incoming rows, held while pending and while accepted (accepted
   * rows are laid over the stored rows when read: accepted-overlay.ts); null once dismissed.
   */
  pendingRows: (PendingRows | null)[];
  /** Aligned with `changes`: when each set of changes was accepted, in the order of imports and accepts; else null. */
  accepted: (number | null)[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One record of the `profiles` table: a named column mapping (header names only, never data). */
export interface StoredProfile extends MappingProfile {
  id?: number;
}

/** Thrown by every write after "Delete all data" until the user starts again (allowWrites). */
export class DataDeletedError extends Error {
  constructor() {
    super('All data was deleted. Nothing more is saved until you start again.');
    this.name = 'DataDeletedError';
  }
}

let writesBlocked = false;

/** After a deletion (in this tab or another): no write reaches the store, so nothing deleted comes back. */
export function blockWrites(): void {
  writesBlocked = true;
}

/** The user started again (an import, a passphrase): writes are allowed. */
export function allowWrites(): void {
  writesBlocked = false;
}

export class WaymarkDb extends Dexie {
  declare imports: EntityTable<ImportRecord, 'id'>;
  declare blocks: EntityTable<BlockRecord, 'id'>;
  declare settings: EntityTable<SettingRecord, 'key'>;
  declare caseStudies: EntityTable<CaseStudy, 'id'>;
  declare profiles: EntityTable<StoredProfile, 'id'>;

  /** `options`: another IndexedDB implementation, as session only's in-memory one (memory-db.ts). */
  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      imports: '++id, importedAt',
      blocks: '++id, importId, kind',
      settings: 'key',
    });
    this.version(2).stores({
      imports: '++id, importedAt',
      blocks: '++id, importId, kind',
      settings: 'key',
      caseStudies: '++id, updatedAt',
    });
    this.version(3).stores({ profiles: '++id, &name' });
    this.use({
      stack: 'dbcore',
      name: 'writes-after-deletion',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (req) => (writesBlocked ? Promise.reject(new DataDeletedError()) : table.mutate(req)) };
        },
      }),
    });
    this.version(4)
      .stores({ imports: '++id, importedAt, lastSeq' })
      .upgrade((tx) => upgradeImportRecords(tx));
    // Blocks stored as one buffer each instead of an object graph of columns.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('blocks')
          .toCollection()
          .modify((record: BlockRecord & Partial<StoredColumns>) => {
            if (!record.columns) return;
            record.data = encodeColumns({ rowCount: record.rowCount!, columns: record.columns });
            delete record.columns;
          }),
      );
  }
}

/** The record that stores a block's rows (sealed when a passphrase is set). */
export async function blockRecord(importId: number, kind: Kind, set: StoredColumns, key = vaultKey()): Promise<BlockRecord> {
  const data = encodeColumns(set);
  if (!key) return { importId, kind, rowCount: set.rowCount, data };
  return { importId, kind, rowCount: set.rowCount, data: await sealBytes(new Uint8Array(data), key), sealed: true };
}

/** A stored block's rows, as read (opened when sealed). */
export async function readBlock(record: BlockRecord, key: CryptoKey | null = null): Promise<StoredBlock> {
  let data = record.data;
  if (record.sealed) {
    const k = key ?? vaultKey();
    if (!k) throw new LockedError();
    data = await openBytes(data, k);
  }
  const { rowCount, columns } = decodeColumns(data);
  if (rowCount !== record.rowCount) throw new Error(`Stored block ${record.id} is damaged: it holds ${rowCount} rows, not ${record.rowCount}.`);
  return { id: record.id, importId: record.importId, kind: record.kind, rowCount, columns };
}

/** Every block record opened (in parallel). */
export function readBlocks(records: readonly BlockRecord[]): Promise<StoredBlock[]> {
  return Promise.all(records.map((r) => readBlock(r)));
}

/** Every instance opened through openDb, so deleteAllData can close them first. */
const instances = new Map<string, WaymarkDb>();

/** The app's database (one shared instance per name; Dexie opens it on first use). */
export function openDb(name: string = DEFAULT_DB_NAME): WaymarkDb {
  let db = instances.get(name);
  if (!db) {
    db = new WaymarkDb(name);
    instances.set(name, db);
  }
  return db;
}

/** Names of the databases this module knows about (the default and every one opened). */
export function knownDbNames(): string[] {
  return [...new Set([DEFAULT_DB_NAME, ...instances.keys()])];
}

/** Close every instance opened through openDb and forget them. */
export function closeAllDbs(): void {
  for (const db of instances.values()) db.close();
  instances.clear();
}
