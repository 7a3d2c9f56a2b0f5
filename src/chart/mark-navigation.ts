/**
 * Keyboard movement between marks: left and right along a lane (row by row, by date), up and
 * down to the nearest-dated mark of the row above or below, Home and End to a lane's ends.
 */
import type { LaneKey } from '../model/journey';
import type { MarkIndex } from './journey-marks';

export type MarkMove = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

export function nextMark(index: MarkIndex, key: string, move: MarkMove): string | null {
  const info = index.byKey.get(key);
  if (!info) return null;
  const lane = index.order[info.lane as LaneKey];
  const at = lane.indexOf(key);
  switch (move) {
    case 'left':
      return at > 0 ? lane[at - 1] : null;
    case 'right':
      return at >= 0 && at < lane.length - 1 ? lane[at + 1] : null;
    case 'home':
      return lane[0] ?? null;
    case 'end':
      return lane[lane.length - 1] ?? null;
    case 'up':
    case 'down': {
      let rowY: number | null = null;
      for (const other of index.byKey.values()) {
        const beyond = move === 'down' ? other.y > info.y : other.y < info.y;
        if (beyond && (rowY === null || (move === 'down' ? other.y < rowY : other.y > rowY))) rowY = other.y;
      }
      if (rowY === null) return null;
      let best: string | null = null;
      let bestGap = Infinity;
      for (const other of index.byKey.values()) {
        if (other.y !== rowY) continue;
        const gap = Math.abs(other.day - info.day);
        if (gap < bestGap) {
          best = other.key;
          bestGap = gap;
        }
      }
      return best;
    }
  }
}
