import { describe, expect, it } from 'vitest';
import { SESSION_ONLY_KEY, rememberSessionOnly, sessionOnlyChosen, type ChoiceStorage } from '../../../src/views/shared/session-only';

function memoryStorage(): ChoiceStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const refusing: ChoiceStorage = {
  getItem() {
    throw new Error('SecurityError');
  },
  setItem() {
    throw new Error('QuotaExceededError');
  },
  removeItem() {
    throw new Error('SecurityError');
  },
};

describe('the session-only choice', () => {
  it('is remembered for the tab as one key holding "on", and forgotten when left', () => {
    const storage = memoryStorage();
    expect(sessionOnlyChosen(storage)).toBe(false);
    rememberSessionOnly(true, storage);
    expect([...storage.items]).toEqual([[SESSION_ONLY_KEY, 'on']]);
    expect(sessionOnlyChosen(storage)).toBe(true);
    rememberSessionOnly(false, storage);
    expect(storage.items.size).toBe(0);
    expect(sessionOnlyChosen(storage)).toBe(false);
  });

  it('reads as not chosen, and never throws, where storage is missing or refused', () => {
    expect(sessionOnlyChosen(null)).toBe(false);
    expect(sessionOnlyChosen(refusing)).toBe(false);
    expect(() => rememberSessionOnly(true, refusing)).not.toThrow();
    expect(() => rememberSessionOnly(true, null)).not.toThrow();
  });
});
