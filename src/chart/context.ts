/**
 * What the marks of one chart share while it is used: which mark of each lane takes the Tab
 * stop, and which is hovered, focused or pinned. Read-only to the marks.
 */
import { createContext } from 'svelte';
import type { LaneKey } from '../model/journey';

export interface ChartInteraction {
  /** The mark key that is the lane's Tab stop (roving tabindex). */
  readonly tabStops: Readonly<Record<LaneKey, string | null>>;
  /** The mark whose tooltip shows (hovered, focused or pinned). */
  readonly shownKey: string | null;
  readonly pinnedKey: string | null;
  /** The accessible name of a mark. */
  labelOf(key: string): string;
}

export const [getChartInteraction, setChartInteraction] = createContext<ChartInteraction>();
