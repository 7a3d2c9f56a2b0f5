// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import CaseStudyEditor from '../../../src/views/case-studies/CaseStudyEditor.svelte';
import { appStateContext } from '../../../src/views/shared/context';
import { emptyWorkingSet } from '../../../src/data/working-set';
import type { AppData } from '../../../src/views/shared/app-data.svelte';
import type { WaymarkDb } from '../../../src/db/db';
import type { CaseStudy } from '../../../src/domain/case-study';

const STUDY: CaseStudy = {
  id: 7,
  title: 'Training',
  contentNote: 'Note',
  caseKey: null,
  steps: [{ id: 'a', fromMonth: 0, toMonth: 1, heading: 'First', text: '', lanes: ['risk'] }],
  options: { showArea: false, includedDetails: [] },
  journey: { ageBand: null, area: null, ethnicity: null, needs: [], lastMonth: 3, events: [] },
  confirmedFingerprint: null,
  updatedAt: 0,
};

/** The quota error as IndexedDB raises it, wrapped by Dexie. */
function quotaError(): Error {
  const inner = new Error('The quota has been exceeded.');
  inner.name = 'QuotaExceededError';
  return Object.assign(new Error('AbortError: transaction aborted'), { name: 'AbortError', inner });
}

/** A database of one case study whose writes fail while `failing` is true; `saved` keeps what was written. */
function stubDb() {
  const state = { failing: true, saved: [] as CaseStudy[] };
  const db = {
    caseStudies: {
      get: async (id: number) => (id === STUDY.id ? structuredClone(STUDY) : undefined),
      put: async (s: CaseStudy) => {
        if (state.failing) throw quotaError();
        state.saved.push(s);
        return s.id;
      },
    },
  } as unknown as WaymarkDb;
  return { db, state };
}

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

async function render(db: WaymarkDb): Promise<HTMLElement> {
  const target = document.createElement('div');
  document.body.append(target);
  const data = { db, workingSet: emptyWorkingSet() } as unknown as AppData;
  app = mount(CaseStudyEditor, { target, props: { id: 7 }, context: appStateContext({ data }) });
  for (let i = 0; i < 5 && !target.querySelector('#cs-title'); i++) await tick();
  flushSync();
  return target;
}

function type(el: HTMLElement, selector: string, value: string) {
  const input = el.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

/** Lets the pending saves and their state updates run (the store adds a few awaits: sealing, the write guard). */
async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  flushSync();
}

describe('the case-study editor when a save fails', () => {
  it('says what was not saved and why in plain words, never "saved", and saves on Retry', async () => {
    vi.useFakeTimers();
    const { db, state } = stubDb();
    const el = await render(db);
    type(el, '#cs-title', 'Training, revised');
    expect(el.querySelector('[role="alert"]')).toBeNull();

    await vi.advanceTimersByTimeAsync(300);
    await settle();
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Your latest changes to this case study were not saved.');
    expect(alert.textContent).toContain('The browser has run out of storage space for Waymark.');
    expect(alert.textContent).not.toMatch(/QuotaExceeded|AbortError/);
    expect(el.querySelector('[role="status"]')!.textContent).not.toMatch(/saved/i);
    expect(state.saved).toEqual([]);

    state.failing = false;
    const retry = [...alert.querySelectorAll('button')].find((b) => /Retry/.test(b.textContent ?? ''))!;
    retry.click();
    await settle();
    expect(state.saved.map((s) => s.title)).toEqual(['Training, revised']);
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('[role="status"]')!.textContent).toContain('Your changes to this case study are saved.');
  });

  it('saves an edit still waiting for the debounce when the page is hidden, left or reloaded', async () => {
    vi.useFakeTimers();
    const { db, state } = stubDb();
    state.failing = false;
    const el = await render(db);

    type(el, '#cs-note', 'Hidden at once');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(state.saved.map((s) => s.contentNote)).toEqual(['Hidden at once']);

    type(el, '#cs-note', 'Left at once');
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(state.saved.map((s) => s.contentNote)).toEqual(['Hidden at once', 'Left at once']);

    type(el, '#cs-note', 'Reloaded at once');
    window.dispatchEvent(new Event('beforeunload'));
    await settle();
    expect(state.saved.map((s) => s.contentNote)).toEqual(['Hidden at once', 'Left at once', 'Reloaded at once']);

    // Nothing waiting: hiding the page writes nothing more, and the debounce never fires a second save.
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(300);
    expect(state.saved).toHaveLength(3);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});

describe('the case-study editor when the page goes with an edit still waiting', () => {
  /** A database whose writes are dropped (aborted: they never reach it, as when the browser unloads the page first), or kept. */
  function dropping(drop: boolean) {
    const saved: CaseStudy[] = [];
    const db = {
      caseStudies: {
        get: async (id: number) => (id === STUDY.id ? structuredClone(STUDY) : undefined),
        put: (s: CaseStudy) =>
          drop ? Promise.reject(Object.assign(new Error('The transaction was aborted.'), { name: 'AbortError' })) : (saved.push(s), Promise.resolve(s.id)),
      },
    } as unknown as WaymarkDb;
    return { db, saved };
  }

  it('keeps the edit in this tab, shows it after a reload though the store never got it, saves it then, and forgets it once saved', async () => {
    sessionStorage.clear();
    let target = await render(dropping(true).db);
    type(target, '#cs-title', 'Typed just before the reload');
    window.dispatchEvent(new Event('beforeunload'));
    expect(JSON.parse(sessionStorage.getItem('waymark.pendingCaseStudy.7')!).study.title).toBe('Typed just before the reload');
    unmount(app!);
    app = null;
    document.body.innerHTML = '';

    const after = dropping(false);
    target = await render(after.db);
    await settle();
    expect(target.querySelector<HTMLInputElement>('#cs-title')!.value).toBe('Typed just before the reload');
    expect(after.saved.at(-1)?.title).toBe('Typed just before the reload');
    expect(sessionStorage.getItem('waymark.pendingCaseStudy.7')).toBeNull();
  });

  it('keeps nothing when no edit is waiting, or in session only', async () => {
    sessionStorage.clear();
    let target = await render(dropping(false).db);
    window.dispatchEvent(new Event('beforeunload'));
    expect(sessionStorage.length).toBe(0);
    unmount(app!);
    document.body.innerHTML = '';
    const t2 = document.createElement('div');
    document.body.append(t2);
    const data = { db: dropping(true).db, workingSet: emptyWorkingSet(), sessionOnly: true } as unknown as AppData;
    app = mount(CaseStudyEditor, { target: t2, props: { id: 7 }, context: appStateContext({ data }) });
    for (let i = 0; i < 5 && !t2.querySelector('#cs-title'); i++) await tick();
    flushSync();
    target = t2;
    type(target, '#cs-title', 'Not kept');
    window.dispatchEvent(new Event('beforeunload'));
    expect(sessionStorage.length).toBe(0);
  });
});
