/**
 * An import's failure in plain words, for the page: never a raw exception name. Pure, and small
 * enough for the main thread to import.
 */

import { isQuotaError } from '../db/storage-errors';

export { isQuotaError };

/** What the page shows when the browser's storage is full (the error's name, never shown). */
export const QUOTA_MESSAGE =
  'The browser has run out of storage space for Waymark: nothing from this import was stored. Free some space (or delete old imports) and try again.';

/** An import error as plain words: the quota message for a full store, else the error's own message. */
export function importErrorMessage(e: unknown): string {
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  return e instanceof Error ? e.message : 'The import failed.';
}
