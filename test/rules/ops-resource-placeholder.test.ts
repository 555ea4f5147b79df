import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { configFor, fixture, onDescription } from '../helpers.js';

describe('ops-resource-placeholder', () => {
  it('passes real estimates', () => {
    expect(onDescription('ops-resource-placeholder', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it('warns on X MB, Y MB and Y%, naming the row and column', () => {
    expect(onDescription('ops-resource-placeholder', fixture('pull-requests/ops-review-template.md'))).toEqual([
      '20:1 "Memory" in "Resource Estimates" still has the placeholder "X MB" under "Expected". Put the estimate.',
      '20:1 "Memory" in "Resource Estimates" still has the placeholder "Y MB" under "Limit". Put the estimate.',
      '21:1 "CPU" in "Resource Estimates" still has the placeholder "Y%" under "Limit". Put the estimate.',
    ]);
  });

  it('is a warning by default', () => {
    const report = check({
      description: fixture('pull-requests/ops-review-template.md'),
      files: [],
      config: configFor('ops-resource-placeholder'),
    });
    expect(report.findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(report.conclusion).toBe('success');
  });
});
