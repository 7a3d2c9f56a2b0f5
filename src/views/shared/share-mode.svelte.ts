/**
 * Share mode: the disclosure rule applied to everything the cohort screens show and export. On
 * by default at every visit (never remembered off), so nothing leaves unprotected by accident.
 * Besides the threshold: rounding of shown counts to the nearest 5 or 10 (ONS convention), off by
 * default, and whether charts may merge small areas into "Other areas" when coarsening (off).
 */
import { DEFAULT_THRESHOLD, checkRoundingBase, checkThreshold, type DisclosureRule, type RoundingBase } from '../../model/share-rule';

export class ShareMode {
  on = $state(true);
  threshold = $state(DEFAULT_THRESHOLD);
  rounding = $state(false);
  roundingBase = $state<RoundingBase>(5);
  /** Charts may merge areas too small to show into "Other areas" (the user's choice). */
  mergeSmallAreas = $state(false);
  /** Why the last threshold or rounding base typed was refused; empty when it was applied. */
  thresholdError = $state('');
  roundingError = $state('');

  /** The rule in force, or null when share mode is off. */
  get rule(): DisclosureRule | null {
    if (!this.on) return null;
    return this.rounding ? { threshold: this.threshold, rounding: this.roundingBase } : { threshold: this.threshold };
  }

  /** Applies a typed threshold (4 to 99); anything else is refused, the message kept, the threshold unchanged. Returns whether it was applied. */
  setThreshold(value: unknown): boolean {
    const c = checkThreshold(value);
    this.thresholdError = c.ok ? '' : c.message;
    if (c.ok) this.threshold = c.value;
    return c.ok;
  }

  /** Applies a typed rounding base (5 or 10); anything else is refused with a message. */
  setRoundingBase(value: unknown): boolean {
    const c = checkRoundingBase(value);
    this.roundingError = c.ok ? '' : c.message;
    if (c.ok) this.roundingBase = c.value;
    return c.ok;
  }
}
