/**
 * Milestones (milestones.csv) of a drawn woman: separation, MARAC, child protection plans, court
 * orders, MAPPA, custody, spells out of contact, rehousing, a new relationship, closure. Some come
 * with a support row (MARAC, child protection, the order), gathered for the support step.
 */
import { END } from '../lib/dates';
import { VOCABULARIES } from '../../src/domain/contract.ts';
import { SUPPORT_TEXT, label } from '../model/words';
import type { Journey } from './journey';
import type { RiskStory } from './risk-assessments';
import { supportRow } from './support';

export function milestones(j: Journey, { separation, marac }: RiskStory): void {
  const { w, incs, rng, active, start, last, gaps, inSupport, milestone, support } = j;
  if (separation !== null) milestone('separated', separation, rng.pick(['She ended the relationship', 'The perpetrator moved out', 'She left the shared home']));
  if (marac !== null) {
    milestone('marac_referral', marac, 'Risk escalated to high');
    support.push(supportRow(w, marac, 'marac', 'completed', '', rng.pick(SUPPORT_TEXT.marac.details)));
  }
  let cpStart: number | null = null;
  if (w.cpPlan === 'yes') {
    cpStart = w.group === 'A' && active && rng.chance(0.3) ? start + rng.int(7, 45) : w.referral - rng.int(20, 240);
    milestone('cp_plan_started', cpStart, rng.pick(['Her children placed on child protection plans', 'A child placed on a child protection plan']));
    let cpEnd: number | null = null;
    if (w.cpEnded && active) {
      const lo = Math.max(cpStart + 60, start + 21);
      cpEnd = lo < last ? inSupport(lo, lo + 240) : start + Math.max(1, Math.floor((last - start) / 2));
      milestone('cp_plan_ended', cpEnd, rng.pick(['Children taken off their plans', 'Child protection plan ended']));
    }
    if (active) {
      const d = Math.max(start, cpStart) + rng.int(0, 20);
      if (d <= last) support.push(supportRow(w, d, 'child_protection', cpEnd !== null ? 'completed' : w.closure === null ? 'ongoing' : 'completed', '', rng.pick(SUPPORT_TEXT.child_protection.details), cpEnd));
    }
  }
  if (w.order !== null && w.perps.length > 0) {
    const perp = w.perps[0];
    if (w.group === 'A' && active) {
      const app = inSupport(start + 7, start + 200);
      const granted = Math.min(END, w.order === 'helped' ? app + rng.int(3, 21) : app);
      const expiry = granted + rng.pick([182, 182, 365, 365, 730]);
      milestone('order_granted', granted, w.order === 'helped' ? `Non-molestation order against ${perp}` : `Restraining order against ${perp} made at sentencing`);
      support.push(
        w.order === 'helped'
          ? supportRow(w, app, 'legal_order', expiry <= END ? 'completed' : 'ongoing', 'Solicitor', 'Worker helped her apply for a non-molestation order', expiry <= END ? expiry : null)
          : supportRow(w, granted, 'legal_order', expiry <= END ? 'completed' : 'ongoing', '', 'Restraining order in place; safety plan updated', expiry <= END ? expiry : null),
      );
      if (rng.chance(0.2)) milestone('order_breached', granted + rng.int(14, 120), 'Breach reported to the police');
    } else {
      const charged = incs.find((i) => i.perp === perp && i.outcome === 'charge_summons');
      const d = charged ? charged.date + rng.int(20, 80) : rng.int(w.referral - 200, END);
      milestone('order_granted', Math.min(d, END), `Restraining order against ${perp} made at sentencing`);
    }
  }
  if (w.mappa) milestone('other', inSupport(start, start + 60), `Perpetrator ${w.perps[0]} supervised under MAPPA`);
  const charged = incs.filter((i) => i.outcome === 'charge_summons' && i.date >= w.referral - 90);
  if (charged.length && rng.chance(0.3)) {
    const c = rng.pick(charged);
    const custody = c.date + rng.int(20, 120);
    milestone('perpetrator_custody', custody, `Perpetrator ${c.perp} remanded or sentenced`);
    if (rng.chance(0.5)) milestone('perpetrator_released', custody + rng.int(60, 300), `Perpetrator ${c.perp} released`);
  }
  for (const [off, back] of gaps) {
    milestone('disengaged', off, 'Not responding to contact');
    if (back <= last) milestone('re_engaged', back, 'Back in contact');
  }
  if (w.rehoused && active) milestone('rehoused', inSupport(start + 60, start + 400), rng.pick(['Moved to a new home', 'Rehoused by the council', 'Moved out of the area']));
  if (active && w.group === 'A' && rng.chance(0.08)) milestone('new_relationship', inSupport(start + 90, start + 500), 'Started a new relationship');
  if (w.closure !== null) milestone('case_closed', w.closure, `Closed: ${label(VOCABULARIES.closureReason, w.closureReason).toLowerCase()}`);
}
