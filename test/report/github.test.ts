// Workflow commands: what a document says can neither end its command nor start another.
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/github.js';
import type { Report } from '../../src/model/report.js';

const report = (message: string, source: string): Report => ({
  conclusion: 'failure',
  errors: 1,
  warnings: 0,
  notices: 0,
  findings: [{ ruleId: 'section-text', severity: 'error', message, source, kind: 'manifest', line: 3, column: 1 }],
  waivers: [],
  passed: [],
  sources: [source],
});

describe('formatGithub', () => {
  it('escapes the data and the properties as the runner reads them', () => {
    const out = formatGithub(report('100% done\n::error::injected\r', 'a,b:c.yaml'));
    expect(out.split('\n')[0]).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=3,col=1,title=section-text::100%25 done%0A::error::injected%0D',
    );
    // One command a finding, and the verdict: no line of the output starts a command the gate did not write.
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });
});
