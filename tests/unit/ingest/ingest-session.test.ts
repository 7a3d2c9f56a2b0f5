import { describe, expect, it } from 'vitest';
import type { PendingImport } from '../../../src/db/import-batch';
import type { ImportSummary } from '../../../src/domain/import-report';
import type { IngestOutMessage } from '../../../src/ingest/ingest-messages';
import { IngestSession, runFileHere, type FileRunner, type SessionDeps } from '../../../src/ingest/ingest-session';
import { QUOTA_MESSAGE } from '../../../src/ingest/import-errors';
import { fixtureBytes, rowsOf, stubScanner } from './helpers';

const file = (name: string, content: string | Uint8Array) => new File([content as BlobPart], name);
const fixtureFile = (path: string) => file(path.split('/').pop()!, fixtureBytes(path));

function summaryOf(p: PendingImport): ImportSummary {
  return {
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
  };
}

function harness(overrides: Partial<SessionDeps> = {}) {
  const posted: IngestOutMessage[] = [];
  const committed: { pending: PendingImport; dbName?: string }[] = [];
  let waiter: (() => void) | null = null;
  const session = new IngestSession({
    post: (m) => {
      posted.push(m);
      waiter?.();
    },
    commit: async (pending, dbName) => {
      committed.push({ pending, dbName });
      return summaryOf(pending);
    },
    currentYear: 2025,
    scanner: stubScanner,
    ...overrides,
  });
  /** Resolves once a message of this type has been posted. */
  const until = (type: IngestOutMessage['type']) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (posted.some((m) => m.type === type)) {
          waiter = null;
          resolve();
        }
      };
      waiter = check;
      check();
    });
  const types = () => posted.filter((m) => m.type !== 'progress').map((m) => m.type);
  return { session, posted, committed, until, types };
}

describe('IngestSession', () => {
  it('reads every file, commits once, then posts done', async () => {
    const h = harness();
    const files = ['good/cases.csv', 'good/incidents.csv', 'bad/incidents-bad.csv'].map(fixtureFile);
    await h.session.run(files, false, 'test-db');
    expect(h.types()).toEqual(['done']);
    expect(h.committed).toHaveLength(1);
    const { pending, dbName } = h.committed[0];
    expect(dbName).toBe('test-db');
    expect(pending.allOrNothing).toBe(false);
    expect(pending.files.map((f) => [f.fileName, f.kind, f.rowsImported, f.rowsQuarantined])).toEqual([
      ['cases.csv', 'cases', 4, 0],
      ['incidents.csv', 'incidents', 5, 0],
      ['incidents-bad.csv', 'incidents', 2, 8],
    ]);
    expect(pending.blocks.map((b) => [b.fileIndex, b.block.kind, b.block.rowCount])).toEqual([
      [0, 'cases', 4],
      [1, 'incidents', 5],
      [2, 'incidents', 2],
    ]);
    expect(pending.privacyFindings).toEqual([]);
    const done = h.posted.at(-1);
    expect(done?.type === 'done' && done.summary.rowsImported).toBe(11);
  });

  it('spreads files over several runners, largest first, and keeps results in file order', async () => {
    const calls: [number, string, number][] = [];
    const runner = (id: number) =>
      (async (f, i, onProgress) => {
        calls.push([id, f.name, i]);
        onProgress(0.5, 1);
        await new Promise((r) => setTimeout(r, 5));
        return runFileHere(f, i, { scanner: stubScanner, currentYear: 2025 }, onProgress);
      }) satisfies FileRunner;
    const h = harness({ runners: [runner(1), runner(2)] });
    const files = ['good/cases.csv', 'good/incidents.csv', 'bad/incidents-bad.csv', 'good/contacts.csv'].map(fixtureFile);
    await h.session.run(files, false);
    expect(h.types()).toEqual(['done']);
    // Each runner took the largest file left when it was free, so both ran.
    const bySize = files.map((f, i) => [f.size, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    expect(calls.slice(0, 2).map(([, , i]) => i)).toEqual([bySize[0][1], bySize[1][1]]);
    expect(new Set(calls.map(([id]) => id))).toEqual(new Set([1, 2]));
    const { pending } = h.committed[0];
    expect(pending.files.map((f) => f.fileName)).toEqual(['cases.csv', 'incidents.csv', 'incidents-bad.csv', 'contacts.csv']);
    expect(pending.blocks.map((b) => b.fileIndex)).toEqual([0, 1, 2, 3]);
    const reading = h.posted.filter((m) => m.type === 'progress' && m.phase === 'reading');
    expect(reading.at(-1)).toMatchObject({ bytesDone: files.reduce((n, f) => n + f.size, 0) });
  });

  it('posts progress for every file and while storing, with byte and row totals', async () => {
    const h = harness();
    const files = [fixtureFile('good/cases.csv'), fixtureFile('good/contacts.csv')];
    await h.session.run(files, false);
    const progress = h.posted.filter((m) => m.type === 'progress');
    const total = files[0].size + files[1].size;
    expect(progress.every((p) => p.type === 'progress' && p.bytesTotal === total && p.fileCount === 2)).toBe(true);
    expect(progress.map((p) => p.type === 'progress' && p.fileName)).toContain('contacts.csv');
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ phase: 'storing', bytesDone: total, rowsDone: 9 });
  });

  it('throttles progress within a file', async () => {
    let t = 0;
    const h = harness({ now: () => (t += 1), chunkSize: 64 });
    const text = ['case_id,date', ...Array.from({ length: 2000 }, (_, i) => `C${i},2014-01-01`)].join('\n');
    await h.session.run([file('big.csv', text)], false);
    const reading = h.posted.filter((m) => m.type === 'progress' && m.phase === 'reading');
    // One per 100 ms of (fake) time plus the forced ones at the file boundary.
    expect(reading.length).toBeGreaterThan(2);
    expect(reading.length).toBeLessThan(20);
  });

  it('stops at privacy findings and stores nothing until the decision; cancel stores nothing', async () => {
    const h = harness();
    const run = h.session.run([fixtureFile('privacy/cases-with-postcode.csv')], false);
    await h.until('findings');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.committed).toEqual([]);
    const findings = h.posted.find((m) => m.type === 'findings');
    expect(findings).toMatchObject({
      type: 'findings',
      total: 2,
      columns: [
        { fileIndex: 0, fileName: 'cases-with-postcode.csv', column: 'Postcode', kinds: ['identifying_column'], count: 2 },
        { fileIndex: 0, fileName: 'cases-with-postcode.csv', column: 'detail', kinds: ['phone'], count: 1 },
      ],
    });
    h.session.decide('cancel');
    await run;
    expect(h.types()).toEqual(['findings', 'cancelled']);
    expect(h.committed).toEqual([]);
  });

  it('drop-columns re-reads flagged files without those columns, then commits', async () => {
    const h = harness();
    const files = [fixtureFile('good/cases.csv'), fixtureFile('privacy/cases-with-postcode.csv'), fixtureFile('privacy/support-with-phone.csv')];
    const run = h.session.run(files, true);
    await h.until('findings');
    h.session.decide('drop-columns');
    await run;
    expect(h.types()).toEqual(['findings', 'done']);
    const { pending } = h.committed[0];
    expect(pending.allOrNothing).toBe(true);
    expect(pending.files.map((f) => [f.fileName, f.droppedColumns, f.ignoredColumns, f.rowsImported])).toEqual([
      ['cases.csv', [], [], 4],
      ['cases-with-postcode.csv', ['Postcode', 'detail'], [], 2],
      ['support-with-phone.csv', ['detail'], [], 2],
    ]);
    expect(pending.privacyFindings.map((f) => [f.fileName, f.column, f.kind])).toEqual([
      ['cases-with-postcode.csv', 'Postcode', 'identifying_column'],
      ['cases-with-postcode.csv', 'detail', 'phone'],
      ['support-with-phone.csv', 'detail', 'phone'],
    ]);
    expect(pending.privacyFindingsOmitted).toBe(0);
    const support = pending.blocks.find((b) => b.fileIndex === 2)!;
    expect(rowsOf([support.block]).map((r) => r.detail)).toEqual([null, null]);
  });

  it('a flagged required key column marked not identifying is kept, and the report records it', async () => {
    const h = harness({ scanner: undefined });
    // Ten-digit incident ids that pass the NHS check digit, as text in a free-text column too.
    const text = [
      'incident_id,case_id,date,kind,offence,dash_risk,outcome,notes',
      'jane@example.com,K-1,2014-03-17,crime,common_assault,medium,nfa,ring 07700 900123',
      '6545838083,K-2,2014-03-18,crime,common_assault,medium,nfa,',
    ].join('\n');
    const run = h.session.run([file('incidents.csv', text)], false);
    await h.until('findings');
    const msg = h.posted.find((m) => m.type === 'findings');
    expect(msg?.type === 'findings' && msg.columns.map((c) => [c.column, c.kinds, c.required === true])).toEqual([
      ['incident_id', ['email'], true],
      ['notes', ['phone'], false],
    ]);
    h.session.decide({ keep: [{ fileIndex: 0, fileName: 'incidents.csv', column: 'incident_id' }] });
    await run;
    const [report] = h.committed[0].pending.files;
    expect([report.droppedColumns, report.notIdentifyingColumns, report.rowsImported]).toEqual([['notes'], ['incident_id'], 2]);
  });

  it('a decision that keeps every flagged column imports without re-reading', async () => {
    const h = harness();
    const run = h.session.run([fixtureFile('privacy/support-with-phone.csv')], false);
    await h.until('findings');
    h.session.decide({ keep: [{ fileIndex: 0, fileName: 'support-with-phone.csv', column: 'detail' }] });
    await run;
    expect(h.posted.some((m) => m.type === 'progress' && m.phase === 'dropping')).toBe(false);
    const [report] = h.committed[0].pending.files;
    expect([report.droppedColumns, report.notIdentifyingColumns]).toEqual([[], ['detail']]);
  });

  it('never posts a flagged value unmasked', async () => {
    const h = harness({ scanner: undefined });
    const text = 'case_id,area,referral_date,Postcode,notes\nP-1,City,2014-03-17,NG1 5FS,call 07700 900123\nP-2,City,2014-03-18,NG7 2RD,seen by Mrs Jane Smith';
    const run = h.session.run([file('pii.csv', text)], false);
    await h.until('findings');
    h.session.decide('drop-columns');
    await run;
    const everything = JSON.stringify(h.posted) + JSON.stringify(h.committed);
    for (const raw of ['NG1 5FS', '5FS', '07700', '900123', 'Jane', 'Smith']) expect(everything).not.toContain(raw);
    expect(h.committed[0].pending.files[0].droppedColumns).toEqual(['Postcode', 'notes']);
  });

  it('caps listed findings across files at 200 and counts the rest as omitted', async () => {
    const h = harness();
    const lines = ['case_id,date,category,detail'];
    for (let i = 0; i < 150; i++) lines.push(`C${i},2014-01-01,housing,ring 07700 900${String(i).padStart(3, '0')}`);
    const run = h.session.run([file('a.csv', lines.join('\n')), file('b.csv', lines.join('\n'))], false);
    await h.until('findings');
    const msg = h.posted.find((m) => m.type === 'findings');
    expect(msg?.type === 'findings' && [msg.findings.length, msg.total]).toEqual([200, 300]);
    h.session.decide('drop-columns');
    await run;
    expect(h.committed[0].pending.privacyFindings).toHaveLength(200);
    expect(h.committed[0].pending.privacyFindingsOmitted).toBe(100);
  });

  it('a binary file is reported, the other files still import', async () => {
    const h = harness();
    await h.session.run([fixtureFile('bad/binary.csv'), fixtureFile('good/milestones.csv'), file('empty.csv', '')], false);
    const { pending } = h.committed[0];
    expect(pending.files.map((f) => [f.fileName, f.kind, f.rowsImported])).toEqual([
      ['binary.csv', null, 0],
      ['milestones.csv', 'milestones', 3],
      ['empty.csv', null, 0],
    ]);
    expect(pending.files[0].notes[0]).toMatch(/not a text file/);
    expect(pending.blocks.map((b) => b.fileIndex)).toEqual([1]);
  });

  it('a failing commit becomes an error message', async () => {
    const h = harness({
      commit: async () => {
        throw new Error('The database is full.');
      },
    });
    await h.session.run([fixtureFile('good/cases.csv')], false);
    expect(h.types()).toEqual(['error']);
    expect(h.posted.at(-1)).toEqual({ type: 'error', message: 'The database is full.' });
  });

  it('a storage quota failure, bare or wrapped as Dexie wraps it, becomes a plain message without the error name', async () => {
    const quota = () => Object.assign(new Error('QuotaExceededError: the quota has been exceeded.'), { name: 'QuotaExceededError' });
    const wrapped = () => Object.assign(new Error('AbortError: transaction aborted'), { name: 'AbortError', inner: quota() });
    for (const fail of [quota, wrapped, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')]) {
      const h = harness({
        commit: async () => {
          throw fail();
        },
      });
      await h.session.run([fixtureFile('good/cases.csv')], false);
      expect(h.posted.at(-1)).toEqual({ type: 'error', message: QUOTA_MESSAGE });
      expect(QUOTA_MESSAGE).not.toContain('Quota');
    }
  });

  it('holds a file that lost lines to an unterminated quote until the person confirms, counting the lost lines', async () => {
    const text = ['case_id,date', 'A,2014-01-01', 'B,2014-01-02', 'C,2014-01-03', 'D,"open', ...Array.from({ length: 995 }, (_, i) => `E${i},2014-01-01`)].join('\n');
    expect(text.split('\n')).toHaveLength(1000);
    const h = harness();
    const run = h.session.run([file('open-quote.csv', text + '\n')], false);
    await h.until('held');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.committed).toEqual([]);
    const reason = 'an unterminated quote from line 5 swallowed lines 5–1000 (996 lines): they were read as one value, so none of them was imported; close the quote and import the file again';
    expect(h.posted.find((m) => m.type === 'held')).toEqual({
      type: 'held',
      files: [{ fileName: 'open-quote.csv', reason, rowsImported: 3, rowsQuarantined: 996 }],
    });
    h.session.confirm();
    await run;
    expect(h.types()).toEqual(['held', 'done']);
    const [report] = h.committed[0].pending.files;
    expect(report).toMatchObject({ rowsRead: 999, rowsImported: 3, rowsQuarantined: 996 });
    expect(report.quarantined).toEqual([{ line: 5, column: '', value: '', reason }]);
  });
});
