import { describe, expect, it } from 'vitest';
import { RUNBOOK_TEMPLATE } from '../../src/init/templates.js';
import { example, onRunbook } from '../helpers.js';

describe('runbook-placeholder', () => {
  it('passes a runbook without placeholders', () => {
    expect(onRunbook('runbook-placeholder', example('runbooks/deploy-payments.md'))).toEqual([]);
  });

  it('reports each placeholder at its line and column', () => {
    expect(onRunbook('runbook-placeholder', example('runbooks/rotate-certs.md'))).toEqual([
      '4:16 Template placeholder "[What this does]" left in. Replace it with the real command or text.',
      '6:27 Template placeholder "[Time]" left in. Replace it with the real command or text.',
      '14:16 Template placeholder "[Command or action]" left in. Replace it with the real command or text.',
      '23:3 Template placeholder "[Issue and workaround]" left in. Replace it with the real command or text.',
    ]);
  });

  it('finds every placeholder of the untouched template', () => {
    const found = onRunbook('runbook-placeholder', RUNBOOK_TEMPLATE).map((f) => /placeholder "([^"]+)"/.exec(f)?.[1]);
    expect(found).toEqual([
      '[Deployment/Operation Name]',
      '[What this does]',
      '[Time]',
      '[Command or action]',
      '[Command or action]',
      '[What to check]',
      'Rollback step 1',
      'Rollback step 2',
      '[Issue and workaround]',
    ]);
  });

  it('ignores brackets inside code and links, and text that is more than a placeholder', () => {
    const text =
      '## Notes\n- `[Command or action]`\n- [Dashboard](https://grafana/x)\n- Run it [twice] if it fails\n\n```\n[Time]\n```\n';
    expect(onRunbook('runbook-placeholder', text)).toEqual([]);
  });
});
