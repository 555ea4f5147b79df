import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { configFor, example, fixture, onDescription } from '../helpers.js';

describe('waiver-reason', () => {
  it('passes a waiver with a reason', () => {
    expect(onDescription('waiver-reason', example('pull-request.md'))).toEqual([]);
  });

  it('reports a bare N/A', () => {
    expect(onDescription('waiver-reason', fixture('pull-requests/checklist-problems.md'))).toEqual([
      '7:1 "Feature Flags" is waived with a bare "N/A". Say why after it: "N/A — config-only change".',
    ]);
  });

  it('treats N/A followed only by punctuation as bare', () => {
    expect(onDescription('waiver-reason', '## Deployment\n- [ ] **Feature Flags**: N/A — .\n')).toHaveLength(1);
  });

  it('lists waivers with their reasons in the report', () => {
    const report = check({
      description: fixture('pull-requests/checklist-problems.md'),
      files: [],
      config: configFor('waiver-reason'),
    });
    expect(report.waivers).toEqual([
      {
        source: 'pull-request',
        section: 'Reliability',
        label: 'Timeouts',
        reason: 'every call goes through the mesh, which sets them',
        line: 26,
      },
    ]);
  });
});
