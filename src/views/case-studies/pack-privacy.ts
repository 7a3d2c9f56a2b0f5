/**
 * The privacy guard over a case study pack before it is stored: every string of the pack (title,
 * content note, step headings, texts and presenter notes, the journey's area, age band,
 * ethnicity, needs, each event's label, level, detail and codes, and each outcome's name) is scanned with the detectors the
 * CSV import uses. Loaded on demand by the case studies screen. Pure.
 */
import type { CaseStudy } from '../../domain/case-study';
import type { PrivacyFindingKind } from '../../domain/import-report';
import { maskValue, scanAll, scanValue } from '../../ingest/scan-privacy';

/** The trainer's answer: clear the flagged strings, keep them (not identifying), or store nothing. */
export type PackDecision = 'remove' | 'keep' | 'cancel';

export interface PackFinding {
  /** Where in the pack, in words: "Area", "Step 2 text", "Event 3 detail". */
  where: string;
  /** Every kind found in it. */
  kinds: PrivacyFindingKind[];
  /** The value with every letter and digit masked. */
  masked: string;
}

/** Every string of a study read from a pack, with where it is and how to clear it. */
function packStrings(study: CaseStudy): { where: string; value: string; clear: (s: CaseStudy) => void }[] {
  const j = study.journey;
  const out: { where: string; value: string; clear: (s: CaseStudy) => void }[] = [
    { where: 'Title', value: study.title, clear: (s) => (s.title = 'Untitled case study') },
    { where: 'Content note', value: study.contentNote, clear: (s) => (s.contentNote = '') },
  ];
  study.steps.forEach((step, i) => {
    out.push(
      { where: `Step ${i + 1} heading`, value: step.heading, clear: (s) => (s.steps[i].heading = '') },
      { where: `Step ${i + 1} text`, value: step.text, clear: (s) => (s.steps[i].text = '') },
      { where: `Step ${i + 1} presenter notes`, value: step.notes ?? '', clear: (s) => (s.steps[i].notes = '') },
    );
  });
  if (j.area !== null) out.push({ where: 'Area', value: j.area, clear: (s) => ((s.journey.area = null), (s.options.showArea = false)) });
  if (j.ageBand !== null) out.push({ where: 'Age band', value: j.ageBand, clear: (s) => (s.journey.ageBand = null) });
  if (j.ethnicity !== null) out.push({ where: 'Ethnicity', value: j.ethnicity, clear: (s) => (s.journey.ethnicity = null) });
  j.needs.forEach((need, i) => out.push({ where: `Need ${i + 1}`, value: need, clear: (s) => (s.journey.needs[i] = '') }));
  j.events.forEach((e, i) => {
    out.push({ where: `Event ${i + 1} label`, value: e.label, clear: (s) => (s.journey.events[i].label = '') });
    if (e.level !== null) out.push({ where: `Event ${i + 1} level`, value: e.level, clear: (s) => (s.journey.events[i].level = null) });
    if (e.detail !== null) out.push({ where: `Event ${i + 1} detail`, value: e.detail, clear: (s) => (s.journey.events[i].detail = null) });
    if (typeof e.code === 'string') out.push({ where: `Event ${i + 1} code`, value: e.code, clear: (s) => (s.journey.events[i].code = null) });
    if (typeof e.status === 'string') out.push({ where: `Event ${i + 1} status`, value: e.status, clear: (s) => (s.journey.events[i].status = null) });
  });
  (j.outcomes ?? []).forEach((o, i) => {
    out.push({ where: `Outcome ${i + 1} name`, value: o.label, clear: (s) => (s.journey.outcomes![i].label = `Outcome ${i + 1}`) });
    out.push({ where: `Outcome ${i + 1} key`, value: o.key, clear: (s) => (s.journey.outcomes![i].key = `outcome-${i + 1}`) });
  });
  return out;
}

/** What the privacy guard finds in a study read from a pack (empty when nothing). */
export function scanPack(study: CaseStudy): PackFinding[] {
  return packStrings(study).flatMap(({ where, value }) => {
    const kinds = scanAll(value);
    return kinds.length === 0 ? [] : [{ where, kinds, masked: maskValue(value) }];
  });
}

/** A copy of the study with every flagged string cleared (emptied, or left out when it may be absent). */
export function withoutFindings(study: CaseStudy): CaseStudy {
  const copy = structuredClone(study);
  for (const { value, clear } of packStrings(copy)) if (scanValue(value) !== null) clear(copy);
  copy.journey.needs = copy.journey.needs.filter((n) => n !== '');
  return copy;
}
