/**
 * Duplicates. An import keeps one row per natural key and quarantines a second row of the import
 * with the same key and other values; a row of a later import that changes a stored row waits as
 * a pending change. So repeated incident ids and conflicting cases rows are read from the import
 * history; the same woman, date and incident kind under two incident ids is found in
 * the working set. Pure.
 */
import { UNKNOWN_DAY } from '../../data/columns';
import type { ImportSummary } from '../../domain/import-report';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import { dayText, type LogEntry } from './quality-base';

export interface RepeatedIncidentId {
  incidentId: string;
  fileName: string;
  line: number;
  reason: string;
}

export interface SameDayIncidents {
  caseId: string;
  date: number;
  kind: string;
  incidentIds: string[];
}

/**
 * A cases row that disagrees with another row of the same case_id: a later extract's change to a
 * stored case not yet accepted or dismissed ('pending'), or a row quarantined because an earlier
 * row of the same import (the same file or another) has its case_id with other values.
 */
export interface CaseConflict {
  caseId: string;
  fileName: string;
  line: number;
  status: 'pending' | 'quarantined';
  /** What the row is compared with: 'stored row', or the earlier row of the import when that is not stored. */
  against: string;
  /** Each field that differs: the value of the row compared with ('stored'), then this row's. */
  differences: { field: string; stored: string | null; incoming: string | null }[];
}

const STORED_ROW = 'stored row';

/** The listed changes to cases rows still pending, one entry per changed row. */
export function pendingCaseChanges(history: readonly ImportSummary[]): CaseConflict[] {
  const out: CaseConflict[] = [];
  for (const summary of history) {
    if (summary.rolledBack) continue;
    for (const set of summary.changes) {
      if (set.kind !== 'cases' || set.status !== 'pending') continue;
      let last: CaseConflict | null = null;
      for (const cell of set.listed) {
        if (!last || last.caseId !== cell.key || last.line !== cell.line) {
          last = { caseId: cell.key, fileName: set.fileName, line: cell.line, status: 'pending', against: STORED_ROW, differences: [] };
          out.push(last);
        }
        last.differences.push({ field: cell.column, stored: cell.stored, incoming: cell.incoming });
      }
    }
  }
  return out;
}

/** Cases rows quarantined because an earlier row of their import has the case_id with other values. */
export function quarantinedCaseRepeats(history: readonly ImportSummary[]): CaseConflict[] {
  const out: CaseConflict[] = [];
  for (const summary of history) {
    if (summary.rolledBack) continue;
    for (const file of summary.files) {
      if (file.kind !== 'cases') continue;
      for (const q of file.quarantined) {
        const earlier = q.repeatOf;
        if (!earlier) continue;
        out.push({
          caseId: q.value,
          fileName: file.fileName,
          line: q.line,
          status: 'quarantined',
          against: earlier.stored ? STORED_ROW : `${earlier.fileName} line ${earlier.line}`,
          differences: earlier.differences.map((d) => ({ field: d.column, stored: d.earlier, incoming: d.later })),
        });
      }
    }
  }
  return out;
}

/** Pending changes of stored cases rows (exact, beyond the ones listed) and quarantined repeats. */
export function caseConflictCount(history: readonly ImportSummary[], quarantined: number): number {
  let pending = 0;
  for (const summary of history) {
    if (summary.rolledBack) continue;
    for (const set of summary.changes) if (set.kind === 'cases' && set.status === 'pending') pending += set.rows;
  }
  return pending + quarantined;
}

export interface Duplicates {
  repeatedIncidentIds: RepeatedIncidentId[];
  sameDayIncidents: SameDayIncidents[];
  /** Listed; the cap on listed changes may leave some out. */
  caseConflicts: CaseConflict[];
  /** Every pending change of a stored cases row and every quarantined repeat. */
  caseConflictRows: number;
}

const DIFFERENT_VALUES = /with different values/;

export function repeatedIncidentIds(history: readonly ImportSummary[]): RepeatedIncidentId[] {
  const out: RepeatedIncidentId[] = [];
  for (const summary of history) {
    if (summary.rolledBack) continue;
    for (const file of summary.files) {
      if (file.kind !== 'incidents') continue;
      for (const q of file.quarantined) {
        if (q.column === 'incident_id' && DIFFERENT_VALUES.test(q.reason)) {
          out.push({ incidentId: q.value, fileName: file.fileName, line: q.line, reason: q.reason });
        }
      }
    }
  }
  return out;
}

export function sameDayIncidents(ws: WorkingSet): SameDayIncidents[] {
  const table = ws.tables.incidents;
  const day = table.days('date');
  const kind = table.text('kind');
  const id = table.text('incident_id');
  const out: SameDayIncidents[] = [];
  for (let c = 0; c < ws.caseIds.length; c++) {
    const rows = rowsOfCase(ws, 'incidents', c);
    for (let i = 0; i < rows.length; ) {
      let j = i + 1;
      while (j < rows.length && day[rows[j]] === day[rows[i]]) j++;
      if (j - i > 1 && day[rows[i]] !== UNKNOWN_DAY) {
        const byKind = new Map<string, string[]>();
        for (let k = i; k < j; k++) {
          const kd = kind(rows[k]) ?? '';
          const list = byKind.get(kd) ?? [];
          list.push(id(rows[k]) ?? '');
          byKind.set(kd, list);
        }
        for (const [kd, ids] of byKind) {
          if (ids.length > 1) out.push({ caseId: ws.caseIds[c], date: day[rows[i]], kind: kd, incidentIds: ids.sort() });
        }
      }
      i = j;
    }
  }
  return out;
}

export function duplicates(ws: WorkingSet, history: readonly ImportSummary[]): Duplicates {
  const repeats = quarantinedCaseRepeats(history);
  return {
    repeatedIncidentIds: repeatedIncidentIds(history),
    sameDayIncidents: sameDayIncidents(ws),
    caseConflicts: [...pendingCaseChanges(history), ...repeats],
    caseConflictRows: caseConflictCount(history, repeats.length),
  };
}

export function duplicatesLog(d: Duplicates): LogEntry[] {
  const out: LogEntry[] = [];
  for (const r of d.repeatedIncidentIds) {
    out.push({
      finding: 'Same incident id twice with different values',
      caseId: '',
      field: 'incident_id',
      value: `${r.incidentId} (${r.fileName} line ${r.line})`,
      why: 'One police reference with two sets of values: only the first was kept, and it may be the wrong one.',
    });
  }
  for (const s of d.sameDayIncidents) {
    out.push({
      finding: 'Same woman, date and incident kind twice',
      caseId: s.caseId,
      field: 'incidents',
      value: `${dayText(s.date)} ${s.kind}: ${s.incidentIds.join(', ')}`,
      why: 'Possibly one incident recorded twice under two references, which would inflate her repeat count.',
    });
  }
  for (const c of d.caseConflicts) {
    out.push({
      finding: 'Cases row repeated with different values',
      caseId: c.caseId,
      field: c.differences.map((x) => x.field).join(', '),
      value: c.differences.map((x) => `${x.field}: ${x.stored ?? 'unknown'} / ${x.incoming ?? 'unknown'}`).join('; '),
      why:
        c.status === 'pending'
          ? `A later extract (${c.fileName} line ${c.line}) changes the stored row; the stored values stand until the change is accepted on the Data screen.`
          : `Two rows of one import disagree (${c.against} and ${c.fileName} line ${c.line}); the later row was quarantined and the first one stands.`,
    });
  }
  return out;
}
