import { describe, expect, it } from 'vitest';
import { PageCommit } from '../../../src/ingest/page-commit';
import type { ImportSummary } from '../../../src/domain/import-report';
import type { IngestOutMessage } from '../../../src/ingest/ingest-messages';
import { makeBlock, pendingOf } from '../db/helpers';

const summary = { id: 3, rowsImported: 2 } as ImportSummary;

function setup() {
  const posted: { message: IngestOutMessage; transfer: Transferable[] }[] = [];
  const commit = new PageCommit((message, transfer) => posted.push({ message, transfer }));
  const block = makeBlock('incidents', [
    { incident_id: 'INC1', case_id: 'C1', date: '2014-03-17', kind: 'crime' },
    { incident_id: 'INC2', case_id: 'C1', date: '2014-01-02', kind: 'crime' },
  ]);
  return { posted, commit, pending: pendingOf([block]), block };
}

describe('PageCommit (session only, the worker side)', () => {
  it('sends the import to the page with its column buffers to transfer, and resolves with the page summary', async () => {
    const { posted, commit, pending, block } = setup();
    const result = commit.commit(pending);
    expect(posted).toHaveLength(1);
    expect(posted[0].message).toEqual({ type: 'commit', pending });
    const buffers = Object.values(block.columns).flatMap((c) => (c.type === 'text' ? [] : [c.values.buffer]));
    expect(buffers.length).toBeGreaterThan(2);
    expect(new Set(posted[0].transfer)).toEqual(new Set(buffers));
    commit.answer({ type: 'committed', summary });
    expect(await result).toBe(summary);
  });

  it("rejects with the page's message when storing failed, and ignores answers nobody waits for", async () => {
    const { commit, pending } = setup();
    commit.answer({ type: 'committed', summary });
    const result = commit.commit(pending);
    commit.answer({ type: 'commit-failed', message: 'The browser ran out of memory.' });
    await expect(result).rejects.toThrow('The browser ran out of memory.');
    commit.answer({ type: 'committed', summary });
  });
});
