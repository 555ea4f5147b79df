import { describe, expect, it } from 'vitest';
import { example, fixture, onRunbook } from '../helpers.js';

describe('runbook-section-empty', () => {
  it('passes sections with content', () => {
    expect(onRunbook('runbook-section-empty', example('runbooks/deploy-payments.md'))).toEqual([]);
  });

  it('reports a section holding nothing, or only an HTML comment', () => {
    expect(onRunbook('runbook-section-empty', fixture('runbooks/missing-sections.md'))).toEqual([
      '11:1 Section "Verification" is empty. Write its content, or "None known" where that is the truth.',
      '14:1 Section "Known Issues" is empty. Write its content, or "None known" where that is the truth.',
    ]);
  });

  it('counts content in a subsection', () => {
    const text = example('runbooks/deploy-payments.md').replace(
      /## Known Issues\n[\s\S]*$/,
      '## Known Issues\n### Pool warm-up\nFirst request is slow.\n',
    );
    expect(onRunbook('runbook-section-empty', text)).toEqual([]);
  });
});
