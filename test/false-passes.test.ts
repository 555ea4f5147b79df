// Inputs that should fail and almost did not: each passed the gate before it was fixed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { notApplicable } from '../src/model/checklist.js';
import { runbooks } from './helpers.js';

const ids = (description: string, yaml = '') =>
  check({ description, files: [], config: loadConfig(yaml, 'c.yml') }).findings.map((f) => `${f.line} ${f.ruleId}`);

describe('waivers', () => {
  it('N/A in the middle of the text is not a waiver', () => {
    const body =
      '## Reliability\n- [x] **Health Checks**\n- [x] **Graceful Shutdown**\n- [x] **Circuit Breakers**\n- [ ] **Timeouts**: TODO, ask whether the N/A path needs one\n';
    expect(
      ids(
        body,
        'extends: none\npull-request:\n  sections:\n    - {name: Reliability, items: [Health Checks, Graceful Shutdown, Circuit Breakers, Timeouts]}\n',
      ),
    ).toEqual(['5 item-checked']);
  });

  it('N/A, n/a and Not applicable after the label, with or without a separator, are waivers', () => {
    for (const text of [
      'N/A — mesh sets them',
      'n/a: mesh sets them',
      '- Not applicable, mesh sets them',
      'N/A (mesh sets them)',
    ]) {
      expect(notApplicable(text)).toEqual({ kind: 'waived', reason: 'mesh sets them' });
    }
    expect(notApplicable('later; N/A for now').kind).toBe('unchecked');
  });
});

describe('policies', () => {
  const yaml = (policy: string, items = '[Unit, Integration]') =>
    `extends: none\npull-request:\n  sections:\n    - {name: Testing, policy: ${policy}, items: ${items}}\n`;

  it('under any, a section whose boxes are all unticked, one waived, fails', () => {
    expect(ids('## Testing\n- [ ] **Unit**: N/A — no code\n- [ ] **Integration**\n', yaml('any'))).toEqual([
      '1 item-checked',
    ]);
  });

  it('under at-least, waivers do not count', () => {
    expect(ids('## Testing\n- [x] **Unit**\n- [ ] **Integration**: N/A — none\n', yaml('{at-least: 2}'))).toEqual([
      '1 item-checked',
    ]);
  });

  it('a policy with no items covers every box: all', () => {
    const body = '## Checklist\n- [x] Tests pass\n- [ ] Docs updated\n';
    expect(ids(body, 'extends: none\npull-request:\n  sections:\n    - {name: Checklist, policy: all}\n')).toEqual([
      '3 item-checked',
    ]);
  });

  it('a policy with no items covers every box: any, and a section with no boxes', () => {
    const cfg = 'extends: none\npull-request:\n  sections:\n    - {name: Type of change, policy: any}\n';
    expect(ids('## Type of change\n- [ ] Bug fix\n- [ ] Feature\n', cfg)).toEqual(['1 item-checked']);
    expect(ids('## Type of change\nNone of these.\n', cfg)).toEqual(['1 item-checked']);
    expect(ids('## Type of change\n- [ ] Bug fix\n- [x] Feature\n', cfg)).toEqual([]);
  });
});

describe('runbooks', () => {
  const cfg = 'runbooks:\n  sections:\n    - {name: Escalation, items: [Paged on-call]}\n';
  it('items configured for runbook sections are checked', () => {
    const report = check({
      files: runbooks([{ path: 'docs/runbooks/a.md', text: '## Escalation\n- [ ] Paged on-call\n' }]),
      config: loadConfig(cfg, 'c.yml'),
    });
    expect(report.findings.filter((f) => f.ruleId.startsWith('runbook-item'))).toHaveLength(1);
  });

  it('placeholders that are not the seed’s brackets fail, at their line', () => {
    const text = '## Verification\nTBD\n\n<Insert site specific measures>\n\nRun `x` against {{ cluster }}.\n';
    const report = check({ files: runbooks([{ path: 'docs/runbooks/a.md', text }]), config: loadConfig('', 'c.yml') });
    expect(report.findings.filter((f) => f.ruleId === 'runbook-placeholder').map((f) => f.line)).toEqual([2, 4, 6]);
  });
});
