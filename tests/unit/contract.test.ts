import { describe, expect, it } from 'vitest';
import { FILE_KINDS, KINDS, fold } from '../../src/domain/contract';

describe('contract', () => {
  it('folds headers case-insensitively, ignoring non-alphanumerics', () => {
    expect(fold('Case ID')).toBe(fold('case_id'));
    expect(fold('CaseId')).toBe('caseid');
    expect(fold('Engagement (Modus)')).toBe(fold('engagement_modus'));
  });
  it('defines all seven kinds with case_id', () => {
    expect(KINDS).toHaveLength(7);
    for (const k of KINDS) expect(FILE_KINDS[k].fields.some((f) => f.name === 'case_id')).toBe(true);
  });
});
