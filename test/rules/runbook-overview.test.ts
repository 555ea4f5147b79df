import { describe, expect, it } from 'vitest';
import { example, fixture, onRunbook } from '../helpers.js';

describe('runbook-overview', () => {
  it('passes a filled Overview', () => {
    expect(onRunbook('runbook-overview', example('runbooks/deploy-payments.md'))).toEqual([]);
  });

  it('reports an unchosen risk level and an empty field', () => {
    expect(onRunbook('runbook-overview', fixture('runbooks/missing-sections.md'))).toEqual([
      '5:3 "Risk Level" is "Low/Medium/High". Write one of Low, Medium or High.',
      '6:3 "Estimated Duration" is empty. Write the value after "**Estimated Duration**:".',
    ]);
  });

  it('reports a missing field, and accepts `**Field:**` and paragraph forms', () => {
    const text = '## Overview\n**Purpose:** Rotate keys.\n\n**Risk level**: high\n';
    expect(onRunbook('runbook-overview', text)).toEqual([
      '1:1 The Overview has no "**Estimated Duration**:" field. Add "- **Estimated Duration**: …".',
    ]);
  });

  it('leaves bracketed placeholders to runbook-placeholder', () => {
    expect(onRunbook('runbook-overview', example('runbooks/rotate-certs.md'))).toEqual([]);
  });
});
