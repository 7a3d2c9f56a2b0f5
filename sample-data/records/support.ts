/**
 * Support (support.csv) of a drawn woman: the counted categories of section 4.4, the Freedom
 * Programme, substance use, and the usual extras; partner agencies only for women who had support
 * from other agencies. Rows are written once per date, category and detail.
 */
import type { Row } from '../lib/csv';
import { END, isoOf } from '../lib/dates';
import { ALCOHOL_TEXT, DRUG_TEXT, OTHER_DVA_TEXT, SUPPORT_TEXT } from '../model/words';
import type { Woman } from '../model/woman';
import type { Journey } from './journey';

export function supportRow(w: Woman, date: number, category: string, status: string, agency: string, detail: string, endDate: number | null = null): Row {
  return {
    case_id: w.caseId,
    date: isoOf(date),
    end_date: endDate === null ? '' : isoOf(endDate),
    category,
    status,
    agency,
    detail,
  };
}

export function supportRecords(j: Journey): void {
  const { w, rng, emit, active, start, last, inSupport, milestone, support } = j;
  if (active) {
    const push = (category: string, status: string, detail: string, endDate: number | null = null, date = inSupport(start, start + 300)) =>
      support.push(supportRow(w, date, category, status, '', detail, endDate));
    const openStatus = () => (w.closure === null && rng.chance(0.5) ? 'ongoing' : 'completed');
    for (const cat of w.support) {
      const t = SUPPORT_TEXT[cat];
      if (cat === 'housing') {
        if (w.rehoused) push('housing', 'completed', rng.pick(t.details));
        else push('housing', openStatus(), rng.pick(t.details));
        if (rng.chance(0.3)) push('housing', openStatus(), rng.pick(t.details));
      } else if (cat === 'parenting' && rng.chance(0.5)) {
        const d = inSupport(start, start + 250);
        push('parenting', d + 56 <= last ? 'completed' : 'started', 'Parenting course', d + 56 <= last ? d + 56 : null, d);
      } else if (cat === 'healthy_relationships') {
        const d = inSupport(start, start + 120);
        const e = d + rng.int(28, 90);
        push(cat, e <= last ? 'completed' : 'ongoing', rng.pick(t.details), e <= last ? e : null, d);
      } else push(cat, openStatus(), rng.pick(t.details));
    }
    if (w.freedom) {
      const f = w.freedom;
      if (f === 'completed') {
        const d = Math.max(start, Math.min(inSupport(start + 14, start + 200), last - 77, END - 77));
        push('freedom_programme', 'completed', 'Freedom Programme', Math.min(d + 77, END), d);
      } else if (f === 'started') push('freedom_programme', 'started', 'Freedom Programme', null, rng.int(Math.max(start, END - 70), END - 7));
      else if (f === 'offered') push('freedom_programme', 'offered', 'Freedom Programme: waiting to start', null, rng.int(Math.max(start, END - 120), END - 3));
      else push('freedom_programme', 'declined', 'Freedom Programme', null, inSupport(start, start + 200));
    }
    if (w.substance === 'drugs') push('substance_use', openStatus(), rng.pick(DRUG_TEXT));
    if (w.substance === 'alcohol') push('substance_use', openStatus(), rng.pick(ALCOHOL_TEXT));
    if (rng.chance(0.8)) push('emotional_support', w.closure === null ? 'ongoing' : 'completed', rng.pick(SUPPORT_TEXT.emotional_support.details), null, start);
    if (rng.chance(0.45)) push('safety_measures', 'completed', rng.pick(SUPPORT_TEXT.safety_measures.details));
    if (rng.chance(0.3)) push('criminal_justice', 'completed', rng.pick(SUPPORT_TEXT.criminal_justice.details));
    if (w.children && rng.chance(0.3)) push('children', openStatus(), rng.pick(SUPPORT_TEXT.children.details));
    if (w.group !== 'A' && rng.chance(0.4)) push('housing', openStatus(), rng.pick(SUPPORT_TEXT.housing.details));
    if (w.support.has('employment') && rng.chance(0.5)) milestone('started_work', inSupport(start + 60, start + 400), 'Started working');
    if (w.support.has('education') && rng.chance(0.6)) milestone('started_education', inSupport(start + 60, start + 400), 'Started a course');
  } else if (w.otherDva) {
    support.push(supportRow(w, w.referral + rng.int(3, 15), 'other', 'ongoing', 'Other DVA service', OTHER_DVA_TEXT));
  } else if (rng.chance(0.25) && w.referral + 10 <= END) {
    support.push(supportRow(w, w.referral + rng.int(2, 10), rng.pick(['housing', 'safety_measures', 'emotional_support']), rng.pick(['offered', 'declined']), '', 'Offered by letter'));
  }
  // Partner agencies: only for women who had support from other agencies.
  if (w.agencies) {
    let any = false;
    for (const r of support) {
      const t = r.category === 'substance_use' ? { agency: r.detail.startsWith('Drugs') ? 'Drug treatment service' : 'Alcohol service' } : SUPPORT_TEXT[r.category];
      if (r.category === 'legal_order') {
        any ||= r.agency !== '';
        continue;
      }
      if (t && t.agency && (r.category === 'substance_use' || rng.chance(0.75))) {
        r.agency = t.agency;
        any = true;
      }
    }
    if (!any) support.push(supportRow(w, inSupport(start, start + 200), 'safety_measures', 'completed', 'Fire service', 'Home fire safety check'));
  }
  const supportKeys = new Set<string>();
  for (const r of support) {
    const k = `${r.date}|${r.category}|${r.detail}`;
    if (supportKeys.has(k)) continue;
    supportKeys.add(k);
    emit('support', r);
  }
}
