import { describe, expect, it } from 'vitest';
import { example, fixture, onDescription } from '../helpers.js';

describe('section-required', () => {
  it('passes the example description', () => {
    expect(onDescription('section-required', example('pull-request.md'))).toEqual([]);
  });

  it('names each missing section', () => {
    expect(onDescription('section-required', fixture('pull-requests/checklist-problems.md'))).toEqual([
      '1:1 Missing section "Resources". Add a "## Resources" heading with its checklist.',
    ]);
  });

  it('matches headings at any level, with emoji, punctuation, a trailing colon or text after a colon', () => {
    const text = '# 🚀 deployment:\n### MONITORING 📈\n#### Reliability: gateway\n##### Resources!\n';
    expect(onDescription('section-required', text)).toEqual([]);
  });

  it('accepts configured aliases and added sections', () => {
    const yaml = 'pull-request:\n  sections:\n    - name: Security\n      aliases: [Threat model]\n    - Compliance\n';
    const text = '## Deployment\n## Monitoring\n## Reliability\n## Resources\n## Threat Model\n';
    expect(onDescription('section-required', text, { yaml })).toEqual([
      '1:1 Missing section "Compliance". Add a "## Compliance" heading.',
    ]);
  });

  it('does not take a heading inside a code block', () => {
    const text = '## Deployment\n## Monitoring\n## Reliability\n```\n## Resources\n```\n';
    expect(onDescription('section-required', text)).toEqual([
      '1:1 Missing section "Resources". Add a "## Resources" heading with its checklist.',
    ]);
  });
});
