// Properties of proportional gates, over random entries and changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { evaluateWhen, type ChangedFile } from '../src/model/conditions.js';
import { skipReason } from '../src/plan.js';
import type { WhenEntry } from '../src/model/spec.js';
import { kindOf } from '../src/kinds/index.js';
import { example } from './helpers.js';

const dirs = ['docs', 'migrations', 'deploy', 'src', 'docs/runbooks'];
const file = fc.record({
  path: fc
    .tuple(fc.constantFrom(...dirs), fc.constantFrom('a.md', 'b.sql', 'c.yaml', 'd.ts'))
    .map(([d, f]) => `${d}/${f}`),
  previous: fc.option(fc.constantFrom('migrations/old.sql', 'docs/old.md'), { nil: undefined }),
});
const changes = fc
  .array(file, { maxLength: 6 })
  .map((files) =>
    files.map((f): ChangedFile => (f.previous ? { path: f.path, previous: f.previous } : { path: f.path })),
  );
const entry = fc.record({
  name: fc.constantFrom('A', 'B', 'C'),
  globs: fc.subarray(['docs/**', 'migrations/**', 'deploy/**', '**/*.sql'], { minLength: 1 }),
  labels: fc.option(fc.subarray(['hotfix', 'risky'], { minLength: 1 }), { nil: undefined }),
  section: fc.constantFrom('Operations Review', 'Deployment', 'Rollback'),
});
const toEntry = (e: { name: string; globs: string[]; labels: string[] | undefined; section: string }): WhenEntry => ({
  name: e.name,
  changedFiles: { paths: e.globs, exclude: [] },
  ...(e.labels ? { labels: e.labels } : {}),
  require: { items: [], sections: [e.section], runbook: false, changed: [], approvals: 0, reviewers: [] },
});
const BODY = example('pull-request.md');

function verdict(entries: WhenEntry[], files: ChangedFile[], labels: string[]) {
  const config = loadConfig(undefined, 'x.yml');
  config.when = entries;
  const report = check({
    description: BODY,
    files: [],
    config,
    pullRequest: { changedFiles: { files, truncated: false, total: files.length }, labels },
  });
  return { conclusion: report.conclusion, findings: report.findings.map((f) => f.message).sort() };
}

describe('when entries', () => {
  it('an entry that does not match changes nothing', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 3 }), changes, (entries, files) => {
        const labels: string[] = [];
        const base = entries.map(toEntry);
        const never: WhenEntry = {
          ...toEntry({ name: 'Never', globs: ['nowhere/**'], labels: undefined, section: 'Nope' }),
        };
        expect(verdict([...base, never], files, labels)).toEqual(verdict(base, files, labels));
      }),
      { numRuns: 60 },
    );
  });

  it('the order of entries does not change the verdict', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 4 }),
        changes,
        fc.subarray(['hotfix', 'risky']),
        (entries, files, labels) => {
          const forward = entries.map(toEntry);
          expect(verdict([...forward].reverse(), files, labels)).toEqual(verdict(forward, files, labels));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('removed files and both sides of a rename match', () => {
    fc.assert(
      fc.property(changes, (files) => {
        const entries = [toEntry({ name: 'SQL', globs: ['**/*.sql'], labels: undefined, section: 'X' })];
        const touched = files.flatMap((f) => [f.path, f.previous ?? '']).filter((p) => p.endsWith('.sql'));
        const matched = evaluateWhen(
          entries,
          { changedFiles: { files, truncated: false, total: files.length } },
          undefined,
        ).matched;
        expect(matched.length).toBe(touched.length > 0 ? 1 : 0);
      }),
      { numRuns: 100 },
    );
  });

  it('a changed runbook or deployment file never lets a pull request skip as docs-only', () => {
    // Through the planning step's skip decision, as the action and the CLI take it.
    const config = loadConfig(
      "skip:\n  only-changed-files: ['docs/**', '**/*.md', '**/*.sql', '**/*.yaml']\n",
      'x.yml',
    );
    fc.assert(
      fc.property(changes, (files) => {
        const reason = skipReason(config, {
          labels: [],
          author: 'a',
          draft: false,
          changedFiles: { files, truncated: false, total: files.length },
        });
        // Source code is not one: a team may let code-only pull requests pass.
        const runbookChanged = files.some((f) =>
          [f.path, f.previous].some((p) => p && kindOf(p, config) !== undefined && kindOf(p, config) !== 'code'),
        );
        if (runbookChanged) expect(reason).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('lets a pull request that changes only source code the list names pass, the code unread', () => {
    const config = loadConfig("skip:\n  only-changed-files: ['src/**']\n", 'x.yml');
    const files = [{ path: 'src/payments/client.py' }, { path: 'src/web/app.ts' }];
    expect(kindOf('src/payments/client.py', config)).toBe('code');
    expect(
      skipReason(config, {
        labels: [],
        author: 'a',
        draft: false,
        changedFiles: { files, truncated: false, total: files.length },
      }),
    ).toBeDefined();
  });
});
