// What the gate reads must be what GitHub shows: hidden or repeated text never decides a verdict.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { runbooks } from '../helpers.js';

const config = loadConfig(undefined, 'x.yml');
const RELIABILITY = (timeouts: string) =>
  `## Reliability\n- [x] **Health Checks**: probes\n- [x] **Graceful Shutdown**: drains\n- [x] **Circuit Breakers**: yes\n${timeouts}\n`;
const findings = (description: string, ruleId: string) =>
  check({ description, files: [], config })
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.line}: ${f.message}`);

describe('footnotes', () => {
  it('a ticked item in a footnote definition is not an item: the visible unticked one fails', () => {
    const body = `## Reliability\n[^t]: - [x] **Timeouts**: ok\n\n${RELIABILITY('- [ ] **Timeouts**: later').replace('## Reliability\n', '')}`;
    expect(findings(body, 'item-checked')).toEqual([
      '7: "Timeouts" in "Reliability" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
    ]);
  });

  it('a Risk Level in a footnote does not hide the visible High', () => {
    const runbook =
      '## Overview\n[^r]: **Risk Level**: Low\n\n- **Risk Level**: High\n## Pre-Deployment Checklist\n- [ ] Backup taken\n';
    const report = check({ files: runbooks([{ path: 'r.md', text: runbook }]), config });
    expect(report.findings.filter((f) => f.ruleId === 'runbook-high-risk').map((f) => f.line)).toEqual([6]);
  });
});

describe('the same thing twice', () => {
  it('an item ticked in a <details> copy fails, naming both lines', () => {
    const body = `${RELIABILITY('- [ ] **Timeouts**: later')}\n<details>\n\n- [x] **Timeouts**\n\n</details>\n`;
    expect(findings(body, 'item-duplicate')).toEqual([
      '9: "Timeouts" appears twice (lines 5 and 9): the gate reads the one in "Reliability" and a reviewer may read the other. Keep one.',
    ]);
  });

  it('a Risk Level given twice fails, and the runbook counts as High when either says so', () => {
    const runbook =
      '## Overview\n- **Purpose**: x\n- **Risk Level**: Low\n- **Estimated Duration**: 1h\n## Pre-Deployment Checklist\n- [ ] Backup taken\n\n<details>\n\n**Risk Level**: High\n\n</details>\n';
    const report = check({ files: runbooks([{ path: 'r.md', text: runbook }]), config });
    const by = (id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => `${f.line}: ${f.message}`);
    expect(by('runbook-overview')).toEqual([
      '10: "Risk Level" is given twice (lines 3 and 10). Keep one, so that the gate and a reviewer read the same value.',
    ]);
    expect(by('runbook-high-risk')).toHaveLength(1);
  });
});
