/**
 * The list of loaded women for the journeys screen, read straight from the working set's
 * columns (it must stay quick for 50,000 women), and its search and area filter.
 */
import { VOCABULARIES } from '../domain/contract';
import type { WorkingSet } from '../data/working-set';
import { labelOf } from './labels';

export interface CaseListItem {
  caseId: string;
  displayName: string | null;
  area: string | null;
  referral: number | null;
  engagementModus: string;
  engagementPolice: string;
  incidents: number;
  /** False for a case id that appears only in event files. */
  hasCaseRow: boolean;
}

export function listCases(ws: WorkingSet): CaseListItem[] {
  const table = ws.tables.cases;
  const caseRowOf = new Int32Array(ws.caseIds.length).fill(-1);
  for (let r = 0; r < table.rowCount; r++) {
    const c = table.caseIx[r];
    if (c >= 0 && caseRowOf[c] < 0) caseRowOf[c] = r;
  }
  const area = table.text('area');
  const name = table.text('display_name');
  const referral = table.day('referral_date');
  const modus = table.text('engagement_modus');
  const police = table.text('engagement_police');
  const incidentOffsets = ws.byCase.incidents.offsets;
  const out: CaseListItem[] = new Array(ws.caseIds.length);
  for (let c = 0; c < ws.caseIds.length; c++) {
    const r = caseRowOf[c];
    const m = modus(r);
    const p = police(r);
    out[c] = {
      caseId: ws.caseIds[c],
      displayName: name(r),
      area: area(r),
      referral: r >= 0 ? referral(r) : null,
      engagementModus: m ? labelOf(VOCABULARIES.engagementModus, m) : 'Not recorded',
      engagementPolice: p ? labelOf(VOCABULARIES.engagementPolice, p) : 'Not recorded',
      incidents: incidentOffsets[c + 1] - incidentOffsets[c],
      hasCaseRow: r >= 0,
    };
  }
  return out;
}

/** Distinct areas, sorted. */
export function areasOf(items: readonly CaseListItem[]): string[] {
  const set = new Set<string>();
  for (const item of items) if (item.area) set.add(item.area);
  return [...set].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export interface CaseFilter {
  /** Matches the case id or display name, case-insensitively, anywhere in the text. */
  query: string;
  /** An area name, or '' for all areas. */
  area: string;
}

export function filterCases(items: readonly CaseListItem[], filter: CaseFilter): CaseListItem[] {
  const q = filter.query.trim().toLowerCase();
  return items.filter(
    (item) =>
      (filter.area === '' || item.area === filter.area) &&
      (q === '' || item.caseId.toLowerCase().includes(q) || (item.displayName?.toLowerCase().includes(q) ?? false)),
  );
}
