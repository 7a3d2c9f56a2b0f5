/**
 * Support as one row per category that occurs: single actions are points, things that last
 * (programmes, orders) are spans from the start to the end date.
 */
import { VOCABULARIES } from '../domain/contract';
import { labelOf, orderOf } from './labels';
import { codeWithRaw, dayField, textField, type PlainRecord } from './record-fields';

export interface SupportItem {
  key: string;
  day: number;
  /** Null for a single action (a point). */
  end: number | null;
  category: string;
  /** The category label, or the original text of an `other` category. */
  what: string;
  status: string | null;
  statusLabel: string;
  agency: string | null;
  detail: string | null;
}

export interface SupportRow {
  category: string;
  label: string;
  items: SupportItem[];
}

export function supportItems(support: readonly PlainRecord[]): SupportItem[] {
  const items: SupportItem[] = [];
  support.forEach((r, i) => {
    const day = dayField(r, 'date');
    if (day === null) return;
    const category = codeWithRaw(r, 'category');
    const code = category.code ?? 'other';
    const end = dayField(r, 'end_date');
    const status = codeWithRaw(r, 'status');
    items.push({
      key: `sup-${i}`,
      day,
      end: end !== null && end > day ? end : null,
      category: code,
      what: category.raw ?? labelOf(VOCABULARIES.supportCategory, code),
      status: status.code,
      statusLabel: status.raw ?? labelOf(VOCABULARIES.supportStatus, status.code),
      agency: textField(r, 'agency'),
      detail: textField(r, 'detail'),
    });
  });
  return items.sort((a, b) => a.day - b.day);
}

export function supportRows(items: readonly SupportItem[]): SupportRow[] {
  const rows = new Map<string, SupportRow>();
  for (const item of items) {
    let row = rows.get(item.category);
    if (!row) {
      row = { category: item.category, label: labelOf(VOCABULARIES.supportCategory, item.category), items: [] };
      rows.set(item.category, row);
    }
    row.items.push(item);
  }
  const order = orderOf(VOCABULARIES.supportCategory);
  return [...rows.values()].sort((a, b) => (order.get(a.category) ?? 99) - (order.get(b.category) ?? 99));
}
