import { describe, expect, it } from 'vitest';
import { isQuotaError, QUOTA_MESSAGE, writeErrorMessage, writeErrorReason } from '../../../src/views/shared/write-error';

/** A DOMException-like error, as the browser throws it. */
function domError(name: string, message = ''): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('write errors in plain English', () => {
  it('recognises the quota error by name, wrapped by Dexie as inner, as a cause, or named in text from a worker', () => {
    expect(isQuotaError(domError('QuotaExceededError', 'The quota has been exceeded.'))).toBe(true);
    const dexie = Object.assign(domError('AbortError', 'AbortError: transaction aborted'), { inner: domError('QuotaExceededError') });
    expect(isQuotaError(dexie)).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: domError('QuotaExceededError') }))).toBe(true);
    expect(isQuotaError('QuotaExceededError: Encountered full disk while opening backing store')).toBe(true);
    expect(isQuotaError(domError('AbortError', 'transaction aborted'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  it('says what was not saved and why, with no exception name', () => {
    const dexie = Object.assign(domError('AbortError'), { inner: domError('QuotaExceededError') });
    const text = writeErrorMessage('Your changes to this case study were not saved.', dexie);
    expect(text).toBe(`Your changes to this case study were not saved. ${QUOTA_MESSAGE}`);
    expect(text).not.toMatch(/QuotaExceeded|Error/);
  });

  it('gives other failures a reason without the error name', () => {
    expect(writeErrorReason(domError('DatabaseClosedError', 'DatabaseClosedError: Database has been closed'))).toMatch(/closed the storage/);
    expect(writeErrorReason(domError('AbortError', 'AbortError: the disk is unplugged'))).toBe('The browser refused to store it: the disk is unplugged.');
    expect(writeErrorReason(new Error(''))).toBe('The browser refused to store it.');
    expect(writeErrorReason('Disk gone.')).toBe('The browser refused to store it: Disk gone.');
  });
});
