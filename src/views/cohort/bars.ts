/** What BarsChart draws: blocks of labelled bars; a hidden value (share mode) is null. */
export interface Bar {
  label: string;
  value: number | null;
  text: string;
}

export interface BarBlock {
  label: string;
  bars: Bar[];
}

/** A published count as a bar value: null when it reads [c]. */
export function barValue(shown: string, value: number): number | null {
  return shown === '[c]' ? null : value;
}
