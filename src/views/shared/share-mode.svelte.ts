/**
 * Share mode: the disclosure rule applied to everything the cohort screens show and export. On
 * by default at every visit (never remembered off), so nothing leaves unprotected by accident.
 */
import { DEFAULT_THRESHOLD, clampThreshold, type DisclosureRule } from '../../model/disclosure';

export class ShareMode {
  on = $state(true);
  threshold = $state(DEFAULT_THRESHOLD);

  /** The rule in force, or null when share mode is off. */
  get rule(): DisclosureRule | null {
    return this.on ? { threshold: this.threshold } : null;
  }

  setThreshold(value: unknown): void {
    this.threshold = clampThreshold(value);
  }
}
