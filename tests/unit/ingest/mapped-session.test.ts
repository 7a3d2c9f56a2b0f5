import { describe, expect, it } from 'vitest';
import type { PendingImport } from '../../../src/db/import-batch';
import type { ImportSummary } from '../../../src/domain/import-report';
import { makeProfile, type ColumnMapping } from '../../../src/domain/mapping';
import type { DoneMessage, FindingsMessage, IngestOutMessage } from '../../../src/ingest/ingest-messages';
import { IngestSession, runFileHere, type FileRunner } from '../../../src/ingest/ingest-session';
import { rowsOf, stubScanner } from './helpers';

const HEADER = ['Crime Number', 'Client', 'Date of incident', 'Type', 'Postcode'];
const MAPPING: ColumnMapping = { kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', null] };
const TEXT = [HEADER.join(','), 'CR-1,WM-1,12/03/2014,crime,AB1 2CD', 'CR-2,WM-2,13/03/2014,DI,'].join('\n');
const CASES = 'case_id,area,referral_date\nWM-1,City,2014-01-01\n';

const summaryOf = (p: PendingImport): ImportSummary => ({
  id: 1,
  importedAt: 0,
  files: p.files,
  privacyFindings: p.privacyFindings,
  privacyFindingsOmitted: p.privacyFindingsOmitted,
  rowsImported: p.files.reduce((n, f) => n + f.rowsImported, 0),
  rowsQuarantined: p.files.reduce((n, f) => n + f.rowsQuarantined, 0),
  rowsAlreadyPresent: 0,
  changes: [],
  allOrNothing: p.allOrNothing,
  rolledBack: false,
});

function run(files: File[], choices: Parameters<IngestSession['run']>[3], runners?: FileRunner[]) {
  const posted: IngestOutMessage[] = [];
  const committed: PendingImport[] = [];
  let session!: IngestSession;
  const done = new Promise<void>((resolve) => {
    session = new IngestSession({
      post: (m) => {
        posted.push(m);
        if (m.type === 'findings') session.decide('drop-columns');
        if (m.type === 'done' || m.type === 'error' || m.type === 'cancelled') resolve();
      },
      commit: async (pending) => {
        committed.push(pending);
        return summaryOf(pending);
      },
      currentYear: 2025,
      scanner: stubScanner,
      runners,
    });
  });
  void session.run(files, false, undefined, choices);
  return done.then(() => ({ posted, committed }));
}

describe('a mapping chosen for one file, through the session', () => {
  it('without a mapping: the file is not read and the done message previews it', async () => {
    const { posted } = await run([new File([CASES], 'cases.csv'), new File([TEXT], 'agency-b.csv')], {});
    const done = posted.find((m): m is DoneMessage => m.type === 'done')!;
    expect(done.summary.files[1].kind).toBeNull();
    expect(done.previews).toEqual([
      {
        fileIndex: 1,
        fileName: 'agency-b.csv',
        header: HEADER,
        rows: [
          ['CR-1', 'WM-1', '12/03/2014', 'crime', 'AB1 2CD'],
          ['CR-2', 'WM-2', '13/03/2014', 'DI', ''],
        ],
      },
    ]);
  });

  it('the target mapping reads that file, also when the privacy guard re-reads it without flagged columns', async () => {
    const { posted, committed } = await run([new File([CASES], 'cases.csv'), new File([TEXT], 'agency-b.csv')], {
      targets: [null, { mapping: MAPPING }],
    });
    const findings = posted.find((m): m is FindingsMessage => m.type === 'findings')!;
    expect(findings.columns.map((c) => c.column)).toContain('Postcode');
    const done = posted.find((m): m is DoneMessage => m.type === 'done')!;
    expect(done.previews).toBeUndefined();
    const report = committed[0].files[1];
    expect(report.kind).toBe('incidents');
    expect(report.droppedColumns).toEqual(['Postcode']);
    expect(report.rowsImported).toBe(2);
    const incidents = committed[0].blocks.filter((b) => b.fileIndex === 1).map((b) => b.block);
    expect(rowsOf(incidents).map((r) => r.incident_id)).toEqual(['CR-1', 'CR-2']);
  });

  it('profiles reach the runners (helper workers get them in their message)', async () => {
    const seen: unknown[] = [];
    const runner: FileRunner = (file, i, onProgress, read) => {
      seen.push(read);
      return runFileHere(file, i, { currentYear: 2025, scanner: null, ...read }, onProgress);
    };
    const profile = makeProfile('Agency B', HEADER, MAPPING, 1);
    const { committed } = await run([new File([TEXT], 'agency-b.csv')], { profiles: [profile] }, [runner]);
    expect(seen).toEqual([{ mapping: null, profiles: [profile] }]);
    expect(committed[0].files[0].notes).toContain('Mapped with profile Agency B');
  });
});
