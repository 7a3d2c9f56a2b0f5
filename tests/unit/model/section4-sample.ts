/** The committed 111-woman sample as a working set, built the way the ingest worker stores it. */
import Papa from 'papaparse';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS, KINDS } from '../../../src/domain/contract';
import { buildWorkingSet, type WorkingSet } from '../../../src/data/working-set';
import { makeBlock, type RowInput } from '../db/helpers';

const HERE = new URL('../../../sample-data/', import.meta.url);
// Under jsdom the module's URL is not a file URL: the tests run from the repository's root.
const DIR = HERE.protocol === 'file:' ? fileURLToPath(HERE) : `${process.cwd()}/sample-data/`;

/** `change` may alter each row before it is stored (e.g. spread the women over many areas). */
export function sampleWorkingSet(change?: (kind: (typeof KINDS)[number], row: RowInput, index: number) => void): WorkingSet {
  return buildWorkingSet(
    KINDS.map((kind) => {
      const spec = FILE_KINDS[kind];
      const text = fs.readFileSync(DIR + spec.fileName, 'utf8');
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map((raw, index) => {
        const row: RowInput = {};
        for (const f of spec.fields) {
          const v = raw[f.name];
          if (v === undefined || v === '') row[f.name] = null;
          else if (f.type === 'yn') row[f.name] = v === 'yes' ? true : v === 'no' ? false : null;
          else row[f.name] = v;
        }
        change?.(kind, row, index);
        return row;
      });
      return makeBlock(kind, rows);
    }),
  );
}
