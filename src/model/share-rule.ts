/**
 * The share-mode rule itself: the threshold, rounding and their checks, and nothing else, so that
 * the first screen (which holds share mode) does not load the disclosure control that applies it
 * (`disclosure.ts`, which re-exports all of this). Pure.
 */

export const DEFAULT_THRESHOLD = 9;
export const MIN_THRESHOLD = 4;
export const MAX_THRESHOLD = 99;
/** The rounding bases offered (ONS convention: to the nearest 5). */
export const ROUNDING_BASES: readonly RoundingBase[] = [5, 10];
export type RoundingBase = 5 | 10;
/** Percentages, means and medians need at least this many women. */
export const MIN_WOMEN_FOR_STATISTICS = 10;

export interface DisclosureRule {
  /** Counts 1..threshold are hidden; never below MIN_THRESHOLD. */
  threshold: number;
  /** Shown counts rounded to the nearest multiple of this base (after suppression); none when absent. */
  rounding?: RoundingBase;
}

export const DEFAULT_RULE: Readonly<DisclosureRule> = { threshold: DEFAULT_THRESHOLD };

/** A threshold made valid: a whole number from MIN_THRESHOLD to MAX_THRESHOLD. */
export function clampThreshold(value: unknown): number {
  const n = Math.floor(Number(value));
  if (!Number.isFinite(n)) return DEFAULT_THRESHOLD;
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, n));
}

/** The user's input checked: a value to use, or the message saying why it is refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A threshold as the user typed it: a whole number from 4 to 99, else refused with a message. */
export function checkThreshold(value: unknown): Checked<number> {
  const text = String(value ?? '').trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < MIN_THRESHOLD || n > MAX_THRESHOLD)
    return { ok: false, message: `The threshold must be a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}; "${text}" was not applied.` };
  return { ok: true, value: n };
}

/** A rounding base as the user typed it: 5 or 10, else refused with a message. */
export function checkRoundingBase(value: unknown): Checked<RoundingBase> {
  const text = String(value ?? '').trim();
  const n = Number(text);
  if (text === '' || !ROUNDING_BASES.includes(n as RoundingBase))
    return { ok: false, message: `Counts can be rounded to the nearest 5 or 10 only; "${text}" was not applied.` };
  return { ok: true, value: n as RoundingBase };
}

