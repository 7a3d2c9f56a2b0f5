/**
 * Turning a failed write into words a person can act on: what was not saved, and why, in plain
 * English (never a raw exception name such as "QuotaExceededError").
 */

/** The sentence shown when the browser refuses to store more for this site. */
export const QUOTA_MESSAGE = 'The browser has run out of storage space for Waymark.';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function nameOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : undefined;
}

function messageOf(e: unknown): string {
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return '';
}

/**
 * True when the error (or the error it wraps: Dexie's `inner`, a standard `cause`) is the
 * browser's storage quota being reached. A message that only names the error, as one that has
 * crossed from a worker as text, counts too.
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (e == null || depth > 4) return false;
  const name = nameOf(e);
  if (name && QUOTA_NAMES.has(name)) return true;
  if (/QuotaExceeded|quota (?:has been |was )?exceeded|NS_ERROR_DOM_QUOTA_REACHED/i.test(messageOf(e))) return true;
  if (typeof e !== 'object') return false;
  const { inner, cause } = e as { inner?: unknown; cause?: unknown };
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

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
