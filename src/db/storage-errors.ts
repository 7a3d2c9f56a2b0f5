/** Recognising the browser's storage errors, wherever they were thrown or wrapped. Pure. */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

export function nameOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : undefined;
}

export function messageOf(e: unknown): string {
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
