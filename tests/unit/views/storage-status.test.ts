import { describe, expect, it } from 'vitest';
import { formatBytes, StorageStatus, type StorageApi } from '../../../src/views/shared/storage-status.svelte';

/** A stub of navigator.storage: persisted until asked, a grant or refusal, an estimate; counts the requests. */
function stub(options: { persisted: boolean; grant: boolean; usage?: number; quota?: number }) {
  let persisted = options.persisted;
  const calls = { persist: 0 };
  const api: StorageApi = {
    persisted: async () => persisted,
    persist: async () => {
      calls.persist += 1;
      if (options.grant) persisted = true;
      return options.grant;
    },
    estimate: async () => ({ usage: options.usage, quota: options.quota }),
  };
  return { api, calls };
}

describe('storage status', () => {
  it('formats bytes as KB, MB and GB', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(73_728)).toBe('74 KB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(10_737_491_968)).toBe('10.7 GB');
  });

  it('reads persistence and the estimate', async () => {
    const { api } = stub({ persisted: false, grant: false, usage: 2_500_000, quota: 4_000_000_000 });
    const s = new StorageStatus(() => api);
    await s.refresh();
    expect(s.available).toBe(true);
    expect(s.persistent).toBe(false);
    expect(s.usageText).toBe('2.5 MB of 4 GB');
  });

  it('asks on the first import only, and only when not yet persistent', async () => {
    const refused = stub({ persisted: false, grant: false });
    const s = new StorageStatus(() => refused.api);
    await s.requestIfFirst(true);
    expect(refused.calls.persist).toBe(0);
    await s.requestIfFirst(false);
    expect(refused.calls.persist).toBe(1);
    expect(s.persistent).toBe(false);
    expect(s.lastRequest).toBe('refused');

    const granted = stub({ persisted: false, grant: true });
    const g = new StorageStatus(() => granted.api);
    expect(await g.request()).toBe(true);
    expect(g.persistent).toBe(true);
    expect(g.lastRequest).toBe('granted');
    await g.requestIfFirst(false);
    expect(granted.calls.persist).toBe(1);
  });

  it('says nothing is available in a browser without the API, and never throws', async () => {
    const none = new StorageStatus(() => undefined);
    await none.refresh();
    expect(none.available).toBe(false);
    expect(none.persistent).toBeNull();
    expect(none.usageText).toBeNull();
    expect(await none.request()).toBe(false);

    const failing = new StorageStatus(() => ({
      persisted: () => Promise.reject(new Error('denied')),
      persist: () => Promise.reject(new Error('denied')),
      estimate: () => Promise.reject(new Error('denied')),
    }));
    await failing.refresh();
    expect(failing.persistent).toBeNull();
    expect(await failing.request()).toBe(false);
  });

  it('shows usage alone when the browser gives no quota', async () => {
    const s = new StorageStatus(() => ({ persisted: async () => true, estimate: async () => ({ usage: 1_000 }) }));
    await s.refresh();
    expect(s.usageText).toBe('1 KB');
  });
});
