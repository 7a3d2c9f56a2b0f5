/**
 * Updates found by a later extract: rows whose natural key was already stored with other values.
 * Nothing changes until the user accepts them. Imports nothing but types.
 */
import type { Kind } from './contract';

/** One changed cell, as display text (dates as YYYY-MM-DD, yes/no, codes); null when unknown. */
export interface ChangedCell {
  /** The record's natural key, parts joined by ', '. */
  key: string;
  /** Physical line of the incoming row in its file. */
  line: number;
  column: string;
  stored: string | null;
  incoming: string | null;
}

export type ChangeStatus = 'pending' | 'accepted' | 'dismissed';

/** The changes one file of an import brings to rows stored by earlier imports. */
export interface FileChanges {
  fileName: string;
  kind: Kind;
  /** Stored rows this file changes (exact). */
  rows: number;
  /** Changed cells in those rows (exact). */
  cells: number;
  /** The first changed cells, for the report; `cells` counts them all. */
  listed: ChangedCell[];
  status: ChangeStatus;
  /** Milliseconds since the epoch when accepted or dismissed. */
  resolvedAt: number | null;
  /** Accepted changes that can be put back to pending (false for ones accepted before undo existed). */
  undoable: boolean;
}
