import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { configFor, example, onDescription, runbooks } from '../helpers.js';

const linking = '## Runbook\n- [Deploy](docs/runbooks/deploy.md)\n- `docs/runbooks/missing.md`\n';

describe('runbook-exists', () => {
  it('passes when every linked file is there', () => {
    const runbooks = [
      { path: 'docs/runbooks/deploy.md', text: '# x' },
      { path: 'docs/runbooks/missing.md', text: '# y' },
    ];
    expect(onDescription('runbook-exists', linking, { runbooks })).toEqual([]);
  });

  it('reports a linked file that does not exist, at the link', () => {
    const runbooks = [
      { path: 'docs/runbooks/deploy.md', text: '# x' },
      { path: 'docs/runbooks/missing.md', text: undefined },
    ];
    expect(onDescription('runbook-exists', linking, { runbooks })).toEqual([
      '3:3 Linked runbook "docs/runbooks/missing.md" does not exist. Add the file in this pull request or fix the link.',
    ]);
  });

  it('checks a linked runbook with the runbook rules', () => {
    const report = check({
      description: example('pull-request.md'),
      files: runbooks([{ path: 'examples/runbooks/deploy-payments.md', text: example('runbooks/rotate-certs.md') }]),
      config: configFor('runbook-high-risk'),
    });
    expect(report.findings.map((f) => `${f.source}:${f.line}`)).toEqual([
      'examples/runbooks/deploy-payments.md:10',
      'examples/runbooks/deploy-payments.md:11',
    ]);
  });
});
