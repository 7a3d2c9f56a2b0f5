/**
 * Large cohorts for benchmarks: every woman drawn independently (model/woman.ts), her records
 * rendered at a lower density, streamed to disk. Every chunk written is read back by the app's
 * own reader first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FILE_KINDS, KINDS, type Kind } from '../src/domain/contract.ts';
import { assertFilesAccepted, assertReaderAccepts } from './lib/contract-check';
import { headerLine, linesByKind, sortLines, toLine, type Emit, type Files } from './lib/csv';
import { END, dayOf } from './lib/dates';
import { Rng } from './lib/random';
import { CITY, NORTH, SOUTH, planWoman, type Group } from './model/woman';
import { assignRandomCrimes, incidentRow, incidentSkeletons } from './records/incidents';
import { renderWoman } from './records/journey';

const GROUP_WEIGHTS: readonly (readonly [Group, number])[] = [['A', 38], ['B', 19], ['C', 31], ['D', 2], ['E', 5], ['F', 16]];
const AREA_WEIGHTS: readonly (readonly [string, number])[] = [[CITY, 40], [NORTH, 34], [SOUTH, 37]];

function* cohortWomen(women: number, seed: number): Generator<{ kind: Kind; lines: string[] }[]> {
  const idWidth = Math.max(4, String(women).length);
  const perpWidth = Math.max(4, String(women * 2).length);
  const incWidth = Math.max(6, String(women * 20).length);
  let perpNo = 0;
  let incNo = 0;
  for (let i = 0; i < women; i++) {
    const rng = Rng.for(seed, `cohort-${i}`);
    const group = rng.weighted(GROUP_WEIGHTS);
    const area = rng.weighted(AREA_WEIGHTS);
    const referral = rng.int(dayOf('2013-11-01'), group === 'A' ? dayOf('2015-04-30') : END - 2);
    const w = planWoman(rng, i, `MRP-${String(i + 1).padStart(idWidth, '0')}`, group, area, referral, 34);
    w.perps = Array.from({ length: w.nPerps }, () => `P-${String(++perpNo).padStart(perpWidth, '0')}`);
    const incs = incidentSkeletons(w, rng);
    assignRandomCrimes(rng, incs);
    for (const inc of incs) inc.id = `INC-${String(++incNo).padStart(incWidth, '0')}`;
    const lines = linesByKind();
    const emit: Emit = (kind, row) => lines[kind].push(toLine(kind, row));
    renderWoman(w, incs, rng, emit, { density: 0.2 });
    for (const inc of incs) emit('incidents', incidentRow(w, inc));
    yield KINDS.map((kind) => ({ kind, lines: kind === 'incidents' ? lines[kind] : sortLines(lines[kind]) }));
  }
}

/** A cohort of `women` held in memory as CSV texts (by file name). For small cohorts and tests. */
export function generateCohort({ women, seed = 1 }: { women: number; seed?: number }): Files {
  const parts = Object.fromEntries(KINDS.map((k) => [k, [headerLine(k)]])) as Record<Kind, string[]>;
  for (const chunk of cohortWomen(women, seed)) for (const { kind, lines } of chunk) parts[kind].push(...lines);
  const files = Object.fromEntries(KINDS.map((k) => [FILE_KINDS[k].fileName, parts[k].join('\n') + '\n']));
  assertFilesAccepted(files);
  return files;
}

/** Streams a cohort of `women` to `outDir` with buffered writes. Returns rows written per file. */
export function writeCohort({ women, seed = 1, outDir }: { women: number; seed?: number; outDir: string }): Record<string, number> {
  fs.mkdirSync(outDir, { recursive: true });
  const fds = Object.fromEntries(KINDS.map((k) => [k, fs.openSync(path.join(outDir, FILE_KINDS[k].fileName), 'w')])) as Record<Kind, number>;
  const bufs = Object.fromEntries(KINDS.map((k) => [k, ''])) as Record<Kind, string>;
  const counts = Object.fromEntries(KINDS.map((k) => [FILE_KINDS[k].fileName, 0])) as Record<string, number>;
  // The header is written once; each buffer of rows is read back under it before it is written.
  const flush = (kind: Kind) => {
    assertReaderAccepts(kind, headerLine(kind) + '\n' + bufs[kind]);
    fs.writeSync(fds[kind], bufs[kind]);
    bufs[kind] = '';
  };
  try {
    for (const k of KINDS) fs.writeSync(fds[k], headerLine(k) + '\n');
    for (const chunk of cohortWomen(women, seed)) {
      for (const { kind, lines } of chunk) {
        if (lines.length === 0) continue;
        bufs[kind] += lines.join('\n') + '\n';
        counts[FILE_KINDS[kind].fileName] += lines.length;
        if (bufs[kind].length > 1 << 20) flush(kind);
      }
    }
    for (const k of KINDS) if (bufs[k]) flush(k);
  } finally {
    for (const k of KINDS) fs.closeSync(fds[k]);
  }
  return counts;
}
