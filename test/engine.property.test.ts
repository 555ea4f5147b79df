import fc from 'fast-check';
import { runbooks } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';

const config = loadConfig(undefined, 'x.yml');

// Fragments that exercise every structure the rules read, mixed with noise.
const fragment = fc.constantFrom(
  '## Deployment\n',
  '### Operations Review: X\n',
  '#### Recommendation\n',
  '## Overview\n',
  '- [x] **Zero Downtime**: yes\n',
  '- [ ] **Feature Flags**: N/A\n',
  '- [ ] **Timeouts**: N/A — mesh\n',
  '1. [ ] Step 1: [Command or action]\n',
  '- \\[Time\\] escaped, so not where the text says\n',
  '| Aspect | Status |\n|---|---|\n| Rollback plan | ✅/⚠️/❌ |\n',
  '| Risk | Impact | Mitigation |\n|--|--|--|\n| x | High | |\n',
  '- **Risk Level**: High\n',
  '```\n- [x] code\n',
  '<!--\n- [x] hidden\n',
  '-->\n',
  '[link](docs/runbooks/a.md) `b.md`\n',
  '> quote\n',
  '\n',
  '    indented\n',
  '* * *\n',
  '<div>\n',
  '[^1]: note\n',
);

describe('engine properties', () => {
  it('never throws, on structured or arbitrary input, and keeps its counts consistent', () => {
    const input = fc.oneof(
      fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    fc.assert(
      fc.property(input, input, (description, runbook) => {
        const report = check({ description, files: runbooks([{ path: 'r.md', text: runbook }]), config });
        const errors = report.findings.filter((f) => f.severity === 'error').length;
        expect(report.errors).toBe(errors);
        expect(report.conclusion).toBe(errors > 0 ? 'failure' : 'success');
        for (const f of report.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes time roughly linear in the input size', () => {
    // Work is counted in parsed structures, not seconds, so the test does not depend on machine load.
    const unit = fc.sample(fc.array(fragment, { minLength: 40, maxLength: 40 }), { numRuns: 1, seed: 42 })[0]!.join('');
    const sizes = [1, 4, 16];
    for (let i = 0; i < 5; i++) check({ description: unit, files: [], config }); // warm up the JIT
    // The fastest of a few runs of each size, so a pause from elsewhere on the machine does not count.
    const times = sizes.map((n) => {
      const text = unit.repeat(n);
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        check({ description: text, files: runbooks([{ path: 'r.md', text }]), config });
        best = Math.min(best, Number(process.hrtime.bigint() - started));
      }
      return best;
    });
    // 16x the input must cost well under 16x16 (quadratic) the time; allow generous noise.
    expect(times[2]! / times[0]!).toBeLessThan(16 * 4);
  });
});
