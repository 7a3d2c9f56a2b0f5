import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefinitionsState } from '../../../src/views/shared/definitions.svelte';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';

describe('DefinitionsState and session only', () => {
  const items = new Map<string, string>();
  beforeEach(() => {
    items.clear();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  const change = () => ({ repeatThreshold: DEFAULT_DEFINITIONS.repeatThreshold + 1 });

  it('a change is written to storage as usual', () => {
    const state = new DefinitionsState();
    state.set(change());
    expect(JSON.parse([...items.values()][0])).toMatchObject(change());
  });

  it('in session only a change applies but nothing is written', () => {
    const state = new DefinitionsState(() => false);
    state.set(change());
    expect(state.current).toMatchObject(change());
    expect(items.size).toBe(0);
  });
});
