/**
 * Runs inside Chromium, driven by bench/compare-bench.ts: reads a generated cohort's CSV files into
 * the in-memory working set (not timed) and works out all women under the default definitions, as
 * the Cohort screen has them before the Compare view is drawn (and, as on the screen, what its
 * charts of all women have worked out); then mounts the real Compare view and times its render
 * (every table, the forest plot and the caveats panel, until the next frame is painted): the first,
 * again, and on a change of groups, with share mode on and off.
 */
import { flushSync, mount, unmount } from 'svelte';
import '../src/styles.css';
import { buildWorkingSet } from '../src/data/working-set';
import type { ColumnBlock } from '../src/data/columns';
import { ingestText } from '../src/ingest/ingest-file';
import { AppData } from '../src/views/shared/app-data.svelte';
import { DefinitionsState } from '../src/views/shared/definitions.svelte';
import { ShareMode } from '../src/views/shared/share-mode.svelte';
import { appStateContext } from '../src/views/shared/context';
import { cohortWomen, type CohortWoman } from '../src/model/cohort/cohort-women';
import { dataEndDay, incidentRates } from '../src/model/cohort/incident-rates';
import { DEFAULT_QUERY, groupWomen } from '../src/model/cohort/cohort-query';
import { riskTransitions } from '../src/model/cohort/aggregates';
import { outcomeChange } from '../src/model/cohort/outcome-change';
import { describeDefinitions } from '../src/model/definitions';
import type { WorkingSet } from '../src/data/working-set';
import { caveats, compareGroups, compareOptions } from '../src/model/cohort/compare';
import type { CohortData } from '../src/views/cohort/sections';
import CompareSection from '../src/views/cohort/CompareSection.svelte';

declare global {
  interface Window {
    compareBench: typeof compareBench;
  }
}

const target = document.getElementById('compare') as HTMLElement;
let app: ReturnType<typeof mount> | null = null;
const appData = new AppData();
const definitions = new DefinitionsState(() => false);
const shareMode = new ShareMode();
const context = appStateContext({ data: appData, definitions, shareMode });
let props: { ws: WorkingSet; all: CohortWoman[]; areas: string[]; end: number | null; query: typeof DEFAULT_QUERY; definitionLines: string[] } | null = null;

const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function timed(step: () => void): Promise<number> {
  const t0 = performance.now();
  step();
  flushSync();
  await afterPaint();
  return performance.now() - t0;
}

function select(label: string, value: string): void {
  const el = target.querySelector<HTMLSelectElement>(`#${label}`);
  if (!el) throw new Error(`no ${label}`);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Throws unless the view shows figures (not a problem message) for the groups chosen. */
function assertFigures(): void {
  if (!target.querySelector('#compare-incidents-heading')) throw new Error(`no figures: ${target.querySelector('#compare-problem-heading')?.parentElement?.textContent ?? 'nothing drawn'}`);
}

const compareBench = {
  /**
   * Reads the files; with `asScreen`, also works out what the Cohort screen around the Compare
   * view has already worked out on its first render (incident rates, risk transitions and outcome
   * change of all women), which the comparison reads again for its groups.
   */
  async load(asScreen: boolean): Promise<{ women: number; rows: number }> {
    const input = document.getElementById('files') as HTMLInputElement;
    const blocks: ColumnBlock[] = [];
    for (const file of Array.from(input.files ?? [])) blocks.push(...ingestText(await file.text(), file.name, { scanner: null, chunkSize: 4 << 20 }).blocks);
    const ws = buildWorkingSet(blocks);
    appData.workingSet = ws;
    appData.loading = false;
    const all = cohortWomen(ws, definitions.current);
    if (asScreen) {
      const everyone = groupWomen(all, 'none');
      incidentRates(ws, everyone, dataEndDay(ws));
      riskTransitions(ws, all, definitions.current);
      outcomeChange(ws, everyone, true);
    }
    props = { ws, all, areas: [...new Set(all.map((w) => w.area))].sort(), end: dataEndDay(ws), query: DEFAULT_QUERY, definitionLines: describeDefinitions(definitions.current) };
    return { women: all.length, rows: blocks.reduce((n, b) => n + b.rowCount, 0) };
  },

  /** Mounts the Compare view (engaged against not engaged); share mode as given. */
  async render(share: boolean): Promise<number> {
    if (!props) throw new Error('load first');
    if (app) unmount(app);
    app = null;
    target.textContent = '';
    shareMode.on = share;
    await afterPaint();
    const p = props;
    const ms = await timed(() => {
      // The section reads only these fields of the screen's CohortData.
      const cohort = { ws: p.ws, all: p.all, areas: p.areas, end: p.end, q: p.query, definitionLines: p.definitionLines } as unknown as CohortData;
      app = mount(CompareSection, { target, props: { cohort }, context });
    });
    assertFigures();
    return ms;
  },

  /** Changes the groups on the mounted view, each until painted. */
  async changes(areas: [string, string]): Promise<number[]> {
    const out: number[] = [];
    for (const [first, second] of [
      ['complex', 'not_complex'],
      [`area:${areas[0]}`, `area:${areas[1]}`],
      ['not_engaged', 'engaged'],
      ['engaged', 'not_engaged'],
    ]) {
      out.push(
        await timed(() => {
          select('compare-first', first);
          select('compare-second', second);
        }),
      );
      assertFigures();
    }
    return out;
  },

  /** The comparison's model alone (engaged against not engaged), without drawing: ms per run. */
  model(share: boolean, runs: number): number[] {
    if (!props) throw new Error('load first');
    const p = props;
    const opts = compareOptions(p.areas, []);
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      caveats(compareGroups(p.ws, p.all, opts[0], opts[1], definitions.current, p.end, share ? { threshold: 9 } : null));
      out.push(performance.now() - t0);
    }
    return out;
  },

  areas(): string[] {
    return props?.areas ?? [];
  },
};

window.compareBench = compareBench;
document.body.dataset.ready = 'true';
