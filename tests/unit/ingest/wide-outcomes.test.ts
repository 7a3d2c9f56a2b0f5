import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../src/ingest/detect-kind';
import { isIdentifyingColumn } from '../../../src/ingest/scan-privacy';
import { QuarantineCollector } from '../../../src/ingest/report-collectors';
import { wideOutcomes } from '../../../src/ingest/wide-outcomes';
import { ingest, rowsOf } from './helpers';

const wideOf = (header: string[]) => wideOutcomes(header, detectKind(header), isIdentifyingColumn);

describe('wideOutcomes', () => {
  it('reads known domain columns as domains, whatever their case and punctuation', () => {
    const w = wideOf(['Client ID', 'Score Date', 'Tool', 'Safety', 'Support network', 'Understanding DVA', 'Notes']);
    expect(w).not.toBeNull();
    expect(w!.domains).toEqual(['safety', 'support_network', 'understanding_dva']);
    expect(w!.domainColumns).toEqual([3, 4, 5]);
    expect(w!.header).toEqual(['Client ID', 'Score Date', 'Tool', 'Notes', 'domain', 'score']);
    expect(w!.detection.kind).toBe('outcomes');
    expect(w!.detection.ignored).toEqual([3]);
    expect(w!.detection.notes[0]).toBe(
      'Read as a wide outcome file: each filled cell of a domain column became one score row. Columns read as domains: Safety (safety), Support network (support_network), Understanding DVA (understanding_dva).',
    );
  });

  it('is not a wide file without a join key, a date, or a known domain, or with domain and score', () => {
    expect(wideOf(['date', 'safety', 'wellbeing'])).toBeNull();
    expect(wideOf(['case_id', 'safety', 'wellbeing'])).toBeNull();
    expect(wideOf(['case_id', 'date', 'tool', 'self_esteem'])).toBeNull();
    expect(wideOf(['case_id', 'date', 'domain', 'score', 'safety'])).toBeNull();
    // A contacts file with a column that happens to be a domain's name stays a contacts file.
    expect(wideOf(['case_id', 'date', 'mode', 'result', 'safety'])).toBeNull();
    // A file of another kind is never reshaped.
    expect(wideOf(['case_id', 'date', 'level', 'safety'])).toBeNull();
  });

  it('never reads a column the privacy guard flags as identifying as a domain', () => {
    const flagsHousing = (h: string) => h === 'Housing' || isIdentifyingColumn(h);
    const header = ['case_id', 'date', 'Safety', 'Housing', 'Surname'];
    const w = wideOutcomes(header, detectKind(header), flagsHousing)!;
    expect(w.domains).toEqual(['safety']);
    expect(w.header).toEqual(['case_id', 'date', 'Housing', 'Surname', 'domain', 'score']);
  });

  it('gives one long row per filled domain cell, with the line it came from, and none for an empty line', () => {
    const w = wideOf(['case_id', 'date', 'tool', 'safety', 'wellbeing'])!;
    const out = w.reshape(
      [
        ['C1', '2014-01-02', 'batteries', '3', '5'],
        ['C2', '2014-01-03', 'batteries', '', 'n/k'],
        ['C3', '2014-01-04', 'batteries', ' ', '7'],
      ],
      Int32Array.from([2, 3, 5]),
      null,
    );
    expect(out.rows).toEqual([
      ['C1', '2014-01-02', 'batteries', 'safety', '3'],
      ['C1', '2014-01-02', 'batteries', 'wellbeing', '5'],
      ['C3', '2014-01-04', 'batteries', 'wellbeing', '7'],
    ]);
    expect(Array.from(out.lines)).toEqual([2, 2, 5]);
    expect(out.problems).toBeNull();
    expect(w.emptyLines).toBe(1);
    expect(w.finish()).toEqual(['1 row has no score in any domain column, so gave no score row.']);
  });

  it('keeps a row of the wrong width as one problem row with its line', () => {
    const w = wideOf(['case_id', 'date', 'safety'])!;
    const out = w.reshape([['C1', '2014-01-02', '3', 'x']], Int32Array.from([4]), null);
    expect(out.rows).toHaveLength(1);
    expect(Array.from(out.lines)).toEqual([4]);
    expect(out.problems?.get(0)).toBe('the row has 4 values but the header has 3 columns');
  });

  it('names a score problem by the domain column it came from', () => {
    const w = wideOf(['case_id', 'date', 'Safety', 'Wellbeing'])!;
    w.reshape([['C1', '2014-01-02', '12', '12']], Int32Array.from([2]), null);
    const target = new QuarantineCollector();
    const q = w.quarantineFor(target);
    q.add(2, 'score', '12', 'out of range');
    q.add(2, 'score', '12', 'out of range');
    q.add(2, 'date', 'x', 'not a date');
    expect(target.list.map((c) => c.column)).toEqual(['Safety', 'Wellbeing', 'date']);
  });
});

describe('ingesting a wide outcome file', () => {
  const WIDE = [
    'Person Ref,Score Date,Tool,Stage,Safety,Wellbeing,Support network,Worker',
    'C1,17/03/2014,batteries,intake,3,4,,AB',
    'C1,17/06/2014,batteries,exit,6,9,7,AB',
    'C2,18/03/2014,batteries,intake,,,,CD',
    'C2,18/06/2014,batteries,exit,5,,n/k,CD',
    '',
  ].join('\n');

  it('stores one score row per filled cell, and quarantines a bad score with its line and column', () => {
    const { report, blocks } = ingest(WIDE);
    expect(report.kind).toBe('outcomes');
    expect(report.notes).toContain(
      'Read as a wide outcome file: each filled cell of a domain column became one score row. Columns read as domains: Safety (safety), Wellbeing (wellbeing), Support network (support_network).',
    );
    expect(report.notes).toContain('1 row has no score in any domain column, so gave no score row.');
    expect(report.ignoredColumns).toEqual(['Worker']);
    expect(report.rowsRead).toBe(4);
    expect(report.rowsImported).toBe(5);
    expect(report.rowsQuarantined).toBe(1);
    expect(report.quarantined).toEqual([
      { line: 3, column: 'Wellbeing', value: '9', reason: expect.stringContaining('outside the scale') },
    ]);
    const rows = rowsOf(blocks).map((r) => [r.case_id, r.date, r.tool, r.stage, r.domain, r.score, r.scale_max, r.__line]);
    expect(rows).toEqual([
      ['C1', '2014-03-17', 'batteries', 'intake', 'safety', 3, 8, 2],
      ['C1', '2014-03-17', 'batteries', 'intake', 'wellbeing', 4, 8, 2],
      ['C1', '2014-06-17', 'batteries', 'exit', 'safety', 6, 8, 3],
      ['C1', '2014-06-17', 'batteries', 'exit', 'support_network', 7, 8, 3],
      ['C2', '2014-06-18', 'batteries', 'exit', 'safety', 5, 8, 5],
    ]);
  });

  it('applies the scale columns of a line to each of its domains', () => {
    const text = ['case_id,date,tool,scale_min,scale_max,confidence,parenting', 'C1,2014-03-17,outcomes_tool,0,5,5,0', 'C2,2014-03-17,outcomes_tool,0,5,6,2', 'C3,2014-03-17,outcomes_tool,,,3,', ''].join('\n');
    const { report, blocks } = ingest(text);
    expect(rowsOf(blocks).map((r) => [r.case_id, r.domain, r.score, r.scale_min, r.scale_max])).toEqual([
      ['C1', 'confidence', 5, 0, 5],
      ['C1', 'parenting', 0, 0, 5],
      ['C2', 'parenting', 2, 0, 5],
    ]);
    expect(report.quarantined.map((q) => [q.line, q.column, q.value])).toEqual([
      [3, 'confidence', '6'],
      [4, 'scale_max', ''],
    ]);
  });

  it('reports an identifying column and scans every cell, never reading it as a score', () => {
    const text = ['case_id,date,tool,safety,Postcode,wellbeing,Contact', 'C1,2014-03-17,batteries,3,AB1 2CD,Mrs Smith,07700 900123', ''].join('\n');
    const result = ingest(text);
    expect(result.report.ignoredColumns).toEqual(['Postcode', 'Contact']);
    expect(result.findingColumns.map((c) => [c.column, c.kinds, c.count])).toEqual([
      ['Postcode', ['identifying_column'], 1],
      ['Contact', ['phone'], 1],
    ]);
    // The titled name in a domain cell is not a score: quarantined, and shown masked.
    expect(result.report.quarantined).toEqual([
      { line: 2, column: 'wellbeing', value: '••• •••••', reason: expect.any(String) },
    ]);
    expect(rowsOf(result.blocks).map((r) => [r.domain, r.score])).toEqual([['safety', 3]]);
  });

  it('adds nothing new when the same wide rows are read twice in one file (dedupe by natural key)', () => {
    const text = ['case_id,date,tool,safety', 'C1,2014-03-17,batteries,3', 'C1,2014-03-17,batteries,3', ''].join('\n');
    const { report } = ingest(text);
    expect(report.rowsImported).toBe(2);
    expect(report.rowsQuarantined).toBe(0);
  });
});
