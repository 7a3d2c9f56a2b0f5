/**
 * The 111-woman sample: the women planned to the report's figures (figures/section4.ts), their
 * records, the planted data-quality findings, and the seven files, each read back by the app's
 * own reader before it is returned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FILE_KINDS, KINDS } from '../src/domain/contract.ts';
import { assertFilesAccepted } from './lib/contract-check';
import { fileText, linesByKind, sortLines, toLine, type Emit, type Files } from './lib/csv';
import { Rng } from './lib/random';
import type { Woman } from './model/woman';
import { plantProblems } from './figures/quality-findings';
import { SAMPLE_SEED, assignSampleCrimes, planSample } from './figures/section4';
import { incidentRow, incidentSkeletons, type Incident } from './records/incidents';
import { renderWoman } from './records/journey';

/** The 111-woman sample: the model and the seven CSV files (by file name). */
export function generateSample(seed = SAMPLE_SEED): { women: Woman[]; incidents: Incident[]; files: Files } {
  const women = planSample(seed);
  const byWoman = women.map((w) => incidentSkeletons(w, Rng.for(seed, `incidents-${w.idx}`)));
  const incidents = byWoman.flat();
  assignSampleCrimes(Rng.for(seed, 'crimes'), women, incidents);
  const ordered = [...incidents].sort((a, b) => a.date - b.date || a.caseIdx - b.caseIdx || a.seq - b.seq);
  ordered.forEach((inc, i) => (inc.id = `INC-${String(i + 1).padStart(6, '0')}`));
  const lines = linesByKind();
  const emit: Emit = (kind, row) => lines[kind].push(toLine(kind, row));
  for (const w of women) renderWoman(w, byWoman[w.idx], Rng.for(seed, `render-${w.idx}`), emit, { density: 1 });
  plantProblems(women, lines, emit);
  for (const inc of ordered) emit('incidents', incidentRow(women[inc.caseIdx], inc));
  const files: Files = {};
  for (const k of KINDS) files[FILE_KINDS[k].fileName] = fileText(k, sortLines([...lines[k]]));
  assertFilesAccepted(files);
  return { women, incidents: ordered, files };
}

export function writeSample(outDir: string, seed = SAMPLE_SEED): Files {
  const { files } = generateSample(seed);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), text, 'utf8');
  return files;
}
