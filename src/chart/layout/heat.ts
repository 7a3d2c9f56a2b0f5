/**
 * A threshold scale for a heatmap of shares: five steps (l0 under 25% … l4 90% or more), 'none'
 * with nothing to share. Each cell also shows its percentage, so shade is never the only cue. Pure.
 */
export type HeatStep = 'none' | 'l0' | 'l1' | 'l2' | 'l3' | 'l4';

export const HEAT_STEPS: readonly { step: HeatStep; from: number; label: string }[] = [
  { step: 'l4', from: 0.9, label: '90% or more' },
  { step: 'l3', from: 0.75, label: '75–89%' },
  { step: 'l2', from: 0.5, label: '50–74%' },
  { step: 'l1', from: 0.25, label: '25–49%' },
  { step: 'l0', from: 0, label: 'under 25%' },
];

export function heatStep(part: number, whole: number): HeatStep {
  if (whole === 0) return 'none';
  const share = part / whole;
  return HEAT_STEPS.find((s) => share >= s.from)?.step ?? 'l0';
}
