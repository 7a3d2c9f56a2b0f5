/**
 * Turning a failed write into words a person can act on: what was not saved, and why, in plain
 * English (never a raw exception name such as "QuotaExceededError").
 */

import { isQuotaError, messageOf, nameOf } from '../../db/storage-errors';

export { isQuotaError };

/** The sentence shown when the browser refuses to store more for this site. */
export const QUOTA_MESSAGE = 'The browser has run out of storage space for Waymark.';

/** Why a write failed, in plain English, ending with a full stop. */
export function writeErrorReason(e: unknown): string {
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  const name = nameOf(e);
  if (name === 'InvalidStateError' || name === 'DatabaseClosedError') return 'The browser closed the storage (it may have been deleted in another tab).';
  if (name === 'VersionError' || name === 'UpgradeError') return 'Another tab has a newer version of Waymark open; close it, then try again.';
  if (name === 'ReadOnlyError' || name === 'InvalidAccessError' || name === 'SecurityError' || name === 'MissingAPIError') {
    return 'The browser does not allow Waymark to store data here (a private window may forbid it).';
  }
  const text = messageOf(e).trim();
  // Dexie prefixes its messages with the error's name ("AbortError: ..."): keep the words only.
  const plain = text.replace(/^[A-Za-z]*Error:\s*/, '').trim();
  if (!plain) return 'The browser refused to store it.';
  return `The browser refused to store it: ${/[.!?]$/.test(plain) ? plain : `${plain}.`}`;
}

/** What was not saved (a whole sentence, e.g. "Your changes to this case study were not saved."), then why. */
export function writeErrorMessage(notSaved: string, e: unknown): string {
  return `${notSaved} ${writeErrorReason(e)}`;
}
