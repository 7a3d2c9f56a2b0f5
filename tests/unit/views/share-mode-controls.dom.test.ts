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

    // A threshold below the minimum is clamped, in the state and in the field.
    threshold.value = '2';
    threshold.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(shareMode.rule).toEqual({ threshold: 4 });
    expect(threshold.value).toBe('4');
    expect(el.textContent).toContain('Counts from 1 to 4 show as [c]');

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
