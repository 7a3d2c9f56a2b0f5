// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ShareModeControls from '../../../src/views/cohort/ShareModeControls.svelte';
import { ShareMode } from '../../../src/views/shared/share-mode.svelte';
import { appStateContext } from '../../../src/views/shared/context';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

function render(shareMode: ShareMode): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(ShareModeControls, { target, context: appStateContext({ shareMode }) });
  flushSync();
  return target;
}

describe('the share-mode controls, mounted with the app state by context', () => {
  it('switch and threshold change the one share mode the charts are given', () => {
    const shareMode = new ShareMode();
    const el = render(shareMode);
    const box = el.querySelector<HTMLInputElement>('#share-mode')!;
    const threshold = el.querySelector<HTMLInputElement>('#share-threshold')!;
    expect(box.checked).toBe(true);
    expect(shareMode.rule).toEqual({ threshold: 9 });

    // A threshold outside 4 to 99 is refused with a message; the one in force stays.
    threshold.value = '2';
    threshold.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(shareMode.rule).toEqual({ threshold: 9 });
    expect(el.querySelector('#share-threshold-error')?.textContent).toBe('The threshold must be a whole number from 4 to 99; "2" was not applied.');
    expect(threshold.getAttribute('aria-invalid')).toBe('true');
    threshold.value = '4';
    threshold.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(shareMode.rule).toEqual({ threshold: 4 });
    expect(el.querySelector('#share-threshold-error')).toBeNull();
    expect(el.textContent).toContain('Counts from 1 to 4 show as [c]');

    // Rounding: to the nearest 5 by default; a base other than 5 or 10 is refused with a message.
    const rounding = el.querySelector<HTMLInputElement>('#share-rounding')!;
    const base = el.querySelector<HTMLInputElement>('#share-rounding-base')!;
    expect(base.disabled).toBe(true);
    rounding.click();
    flushSync();
    expect(shareMode.rule).toEqual({ threshold: 4, rounding: 5 });
    base.value = '3';
    base.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(el.querySelector('#share-rounding-error')?.textContent).toBe('Counts can be rounded to the nearest 5 or 10 only; "3" was not applied.');
    expect(shareMode.rule).toEqual({ threshold: 4, rounding: 5 });
    base.value = '10';
    base.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(shareMode.rule).toEqual({ threshold: 4, rounding: 10 });
    expect(el.textContent).toContain('Shown counts are rounded to the nearest 10');
    rounding.click();
    flushSync();
    expect(shareMode.rule).toEqual({ threshold: 4 });

    // Merging small areas is the user's choice, off by default.
    const merge = el.querySelector<HTMLInputElement>('#share-merge-areas')!;
    expect(merge.checked).toBe(false);
    merge.click();
    flushSync();
    expect(shareMode.mergeSmallAreas).toBe(true);
    expect(el.textContent).toContain('shows areas with most cells hidden together as "Other areas"');

    box.click();
    flushSync();
    expect(shareMode.on).toBe(false);
    expect(shareMode.rule).toBeNull();
    expect(threshold.disabled).toBe(true);
    expect(el.textContent).toContain('Share mode is off');
  });

  it('says which state is missing when mounted without it', () => {
    const target = document.createElement('div');
    document.body.append(target);
    expect(() => mount(ShareModeControls, { target })).toThrow(/share/i);
  });
});
