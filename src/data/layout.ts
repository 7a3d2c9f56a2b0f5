/** The columns the contract implies for each kind: their names and types. */
import { FILE_KINDS, type Field, type Kind } from '../domain/contract';
import { COUNT_COLUMN, RAW_SUFFIX, type ColumnType } from './columns';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/** The column type the ingest worker produces for a contract field. */
export function columnTypeOf(field: Field): ColumnType {
  switch (field.type) {
    case 'date':
      return 'day';
    case 'yn':
      return 'yn';
    case 'int':
    case 'number':
      return 'num';
    case 'freetext':
      return 'text';
    default:
      return 'dict';
  }
}

/** True for fields whose rows may carry a `<field>__raw` column (open vocabularies). */
export function hasRawColumn(field: Field): boolean {
  return field.type === 'vocab' && field.strict === false;
}

const layoutCache = new Map<Kind, ColumnSpec[]>();

/**
 * Every column a stored table of this kind has, in contract order: the fields, then the raw
 * text of open vocabularies, then `count` for contacts.
 */
export function columnLayout(kind: Kind): ColumnSpec[] {
  let layout = layoutCache.get(kind);
  if (!layout) {
    const fields = FILE_KINDS[kind].fields;
    layout = fields.map((f) => ({ name: f.name, type: columnTypeOf(f) }));
    for (const f of fields) if (hasRawColumn(f)) layout.push({ name: f.name + RAW_SUFFIX, type: 'text' });
    if (kind === 'contacts') layout.push({ name: COUNT_COLUMN, type: 'num' });
    layoutCache.set(kind, layout);
  }
  return layout;
}

/** Columns whose values must all agree for two rows with the same natural key to be the same row. */
export function comparedColumns(kind: Kind): string[] {
  return columnLayout(kind)
    .map((c) => c.name)
    .filter((n) => n !== COUNT_COLUMN);
}

