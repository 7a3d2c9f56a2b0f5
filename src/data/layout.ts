/**
 * The columns the contract implies for each kind, their names and types: at run time
 * (`columnLayout`) and as TypeScript types (`ColumnsOf`), both derived from `src/domain/contract.ts`
 * by the same rule, so a misspelt column name or a column read as the wrong type does not compile.
 */
import { FILE_KINDS, type ContractField, type Field, type Kind } from '../domain/contract';
import { COUNT_COLUMN, RAW_SUFFIX, type ColumnType } from './columns';

/** The column type of a contract field, as columnTypeOf computes it. */
type FieldColumnType<F> = F extends { type: 'date' }
  ? 'day'
  : F extends { type: 'yn' }
    ? 'yn'
    : F extends { type: 'int' | 'number' }
      ? 'num'
      : F extends { type: 'freetext' }
        ? 'text'
        : 'dict';

/** The `<field>__raw` column of an open vocabulary (hasRawColumn). */
type RawColumnName<F> = F extends { type: 'vocab'; strict: false; name: infer N extends string } ? `${N}${typeof RAW_SUFFIX}` : never;

/**
 * Every column of a stored table of kind K, by name, with its type: the fields, the raw text of
 * open vocabularies, and `count` for contacts (as columnLayout lists them). For the union `Kind`,
 * the columns of every kind.
 */
export type ColumnsOf<K extends Kind> = { [F in ContractField<K> as F['name']]: FieldColumnType<F> } & {
  [N in RawColumnName<ContractField<K>>]: 'text';
} & ('contacts' extends K ? { [COUNT_COLUMN]: 'num' } : unknown);

/** A column name of kind K. */
export type ColumnName<K extends Kind> = keyof ColumnsOf<K> & string;

/** The names of K's columns of type T (for T 'dict' | 'text': either). */
export type ColumnNameOfType<K extends Kind, T extends ColumnType> = {
  [N in ColumnName<K>]: ColumnsOf<K>[N] extends T ? N : never;
}[ColumnName<K>];

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

