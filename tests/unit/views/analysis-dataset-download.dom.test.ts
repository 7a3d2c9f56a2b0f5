// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import AnalysisDatasetDownload from '../../../src/views/cohort/AnalysisDatasetDownload.svelte';
import { ShareMode } from '../../../src/views/shared/share-mode.svelte';
import { appStateContext } from '../../../src/views/shared/context';
import { emptyWorkingSet } from '../../../src/data/working-set';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import type { AppData } from '../../../src/views/shared/app-data.svelte';
import type { DefinitionsState } from '../../../src/views/shared/definitions.svelte';
import type { ImportSession } from '../../../src/views/import/import-session.svelte';
import type { CohortData } from '../../../src/views/cohort/sections';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

function render(state: { loading: boolean; busy: boolean; shareMode: ShareMode }): { el: HTMLElement; click: () => string } {
  const target = document.createElement('div');
  document.body.append(target);
  const data = { loading: state.loading, workingSet: emptyWorkingSet(), history: [] } as unknown as AppData;
  const definitions = { current: DEFAULT_DEFINITIONS } as unknown as DefinitionsState;
  const importSession = { busy: state.busy } as unknown as ImportSession;
  app = mount(AnalysisDatasetDownload, { target, props: { cohort: { cohortQuery: '' } as CohortData }, context: appStateContext({ data, definitions, shareMode: state.shareMode, importSession }) });
  flushSync();
  const click = () => {
    target.querySelector<HTMLButtonElement>('button')!.click();
    flushSync();
    return target.querySelector('[role="status"]')!.textContent!.trim();
  };
  return { el: target, click };
}

describe('Download analysis dataset, before any work starts', () => {
  it('is refused in share mode, saying why', () => {
    const { el, click } = render({ loading: false, busy: false, shareMode: new ShareMode() });
    expect(el.querySelector('button')!.textContent).toBe('Download analysis dataset');
    expect(click()).toMatch(/^Not exported: share mode is on\. The analysis dataset has one row per woman/);
  });

  it('waits for an import in progress, and for data still being read', () => {
    const off = new ShareMode();
    off.on = false;
    expect(render({ loading: false, busy: true, shareMode: off }).click()).toBe(
      'Not exported yet: data is still being imported or read. Try again when it has finished, so the dataset holds all of it.',
    );
    unmount(app!);
    app = null;
    expect(render({ loading: true, busy: false, shareMode: off }).click()).toMatch(/^Not exported yet: data is still being imported or read/);
  });
});
