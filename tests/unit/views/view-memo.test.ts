import { describe, expect, it } from 'vitest';
import { viewMemo } from '../../../src/views/cohort/view-memo';

describe('viewMemo', () => {
  it('works a view out once, gives it back while it is among the most recent, and starts afresh for another working set', () => {
    const memo = viewMemo<string>(2);
    const ws = {};
    let calls = 0;
    const compute = (key: string) => () => (calls++, `figures of ${key}`);
    expect(memo(ws, 'a', compute('a'))).toBe('figures of a');
    expect(memo(ws, 'a', compute('a'))).toBe('figures of a');
    expect(calls).toBe(1);
    memo(ws, 'b', compute('b'));
    // Seen again, "a" becomes the most recent, so "b" is the one dropped when "c" comes.
    memo(ws, 'a', compute('a'));
    memo(ws, 'c', compute('c'));
    expect(calls).toBe(3);
    memo(ws, 'a', compute('a'));
    expect(calls).toBe(3);
    memo(ws, 'b', compute('b'));
    expect(calls).toBe(4);
    // Another working set shares nothing.
    expect(memo({}, 'a', compute('a'))).toBe('figures of a');
    expect(calls).toBe(5);
  });
});
