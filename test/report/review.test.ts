// Review comments planned from findings and the changed files' patches: only added lines, suggestions only where
// GitHub can place them, untrusted text neutralised, and a key that survives a moved line.
import { describe, expect, it } from 'vitest';
import { changedLines, diffLines, touches } from '../../src/model/diff.js';
import { keyOf, planReview } from '../../src/report/review.js';
import { unifiedPatch } from '../github/diff.js';
import type { Finding } from '../../src/model/report.js';

const DOCKERFILE = 'services/api/Dockerfile';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'dockerfile-exec-form',
    severity: 'warning',
    message: 'CMD is in shell form',
    source: DOCKERFILE,
    kind: 'dockerfile',
    line: 2,
    column: 1,
    ...over,
  };
}

const patches = (before: string | undefined, after: string) => new Map([[DOCKERFILE, unifiedPatch(before, after)]]);

describe('diffLines', () => {
  it('reads the new side of each hunk: added lines, context lines, and which hunk', () => {
    const patch =
      '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,2 +10,3 @@ section\n j\n+k\n\\ No newline at end of file\n l';
    const right = diffLines(patch);
    expect([...right].map(([n, l]) => `${n}:${l.text}:${l.hunk}:${l.added ? '+' : ' '}`)).toEqual([
      '1:a:0: ',
      '2:B:0:+',
      '3:c:0: ',
      '10:j:1: ',
      '11:k:1:+',
      '12:l:1: ',
    ]);
  });

  it('changedLines: what a change adds, and where it deletes (-n: between new lines n - 1 and n), with context or without', () => {
    const withContext = unifiedPatch('a(\n  url,\n  timeout=5,\n)\n', 'a(\n  url,\n)\n')!;
    expect(changedLines(withContext)).toEqual([-3]);
    // git diff -U0: a hunk that adds nothing names the line before it.
    expect(changedLines('@@ -3,1 +2,0 @@\n-  timeout=5,')).toEqual([-3]);
    expect(changedLines('@@ -0,0 +1,2 @@\n+x\n+y')).toEqual([1, 2]);
    expect(changedLines('@@ -1,1 +0,0 @@\n-x')).toEqual([-1]);
    // A modified line: deleted and added at 10.
    expect(changedLines('@@ -10,1 +10,1 @@\n-old\n+new')).toEqual([-10, 10]);
  });

  it('touches: a call with a line added, or lines deleted from inside it; not the call beside a change', () => {
    // `timeout=5,` deleted from the call on lines 1 to 3 (between its lines 2 and 3): the call is changed.
    expect(touches(new Set([-3]), 1, 3)).toBe(true);
    // Line 10 modified: the one-line call on line 9 is untouched, so is the one on line 11.
    expect(touches(new Set([-10, 10]), 9, 9)).toBe(false);
    expect(touches(new Set([-10, 10]), 11, 11)).toBe(false);
    expect(touches(new Set([-10, 10]), 10, 10)).toBe(true);
    // Lines deleted right after a call, or right before it, are not inside it.
    expect(touches(new Set([-4]), 1, 3)).toBe(false);
    expect(touches(new Set([-1]), 1, 3)).toBe(false);
  });
});

describe('planReview', () => {
  it('comments a finding on an added line with a suggestion that replaces the line', () => {
    const fix = { line: 2, endLine: 2, text: 'CMD ["node", "server.js"]' };
    const plan = planReview(
      [finding({ fix })],
      patches('FROM node:20\nCMD ["node"]\n', 'FROM node:20\nCMD node server.js\n'),
    );
    expect(plan.comments).toHaveLength(1);
    const [c] = plan.comments;
    expect({ path: c!.path, line: c!.line, startLine: c!.startLine }).toEqual({
      path: DOCKERFILE,
      line: 2,
      startLine: undefined,
    });
    expect(c!.body).toContain('```suggestion\nCMD ["node", "server.js"]\n```');
    expect(keyOf(c!.body)).toBe(c!.key);
  });

  it('leaves a finding on a context line, on a file without a patch, and on the description out', () => {
    const before = 'FROM node:20\nCMD node server.js\nEXPOSE 80\n';
    const plan = planReview(
      [finding(), finding({ source: 'other/Dockerfile' }), finding({ source: 'pull-request', kind: 'pull-request' })],
      patches(before, before.replace('80', '8080')),
    );
    expect(plan.comments).toEqual([]);
    // Every finding still has a key, so a comment made when its line was added is kept.
    expect(plan.keys.size).toBe(2);
  });

  it('offers no suggestion where its lines leave the hunk, and points at --fix instead', () => {
    const after = `FROM node:20\n${'RUN true\n'.repeat(20)}CMD node server.js\n`;
    const before = `FROM node:20\n${'RUN true\n'.repeat(20)}CMD ["node"]\n`;
    // A fix that inserts after line 1, far from the finding's hunk at line 22.
    const plan = planReview([finding({ line: 22, fix: { line: 1, text: 'USER node' } })], patches(before, after));
    expect(plan.comments.map((c) => c.line)).toEqual([22]);
    expect(plan.comments[0]!.body).not.toContain('```suggestion');
    expect(plan.comments[0]!.body).toContain('`readiness-gate check --fix` fixes this in a checkout.');
  });

  it('suggests an insertion before the first line by keeping the first line after it', () => {
    const plan = planReview(
      [finding({ line: 1, fix: { line: 0, text: '# syntax=docker/dockerfile:1' } })],
      patches(undefined, 'FROM node:20\n'),
    );
    expect(plan.comments[0]!.body).toContain('```suggestion\n# syntax=docker/dockerfile:1\nFROM node:20\n```');
  });

  it('fences a suggestion past its longest run of backticks, and offers none with control or bidi characters', () => {
    const fence = planReview(
      [finding({ fix: { line: 2, endLine: 2, text: 'RUN echo ```' } })],
      patches(undefined, 'FROM x\nRUN echo ```\n'),
    );
    expect(fence.comments[0]!.body).toContain('````suggestion\nRUN echo ```\n````');
    const bidi = planReview(
      [finding({ fix: { line: 2, endLine: 2, text: 'CMD ["a\u202eb"]' } })],
      patches(undefined, 'FROM x\nCMD a\u202eb\n'),
    );
    expect(bidi.comments[0]!.body).not.toContain('suggestion');
  });

  it('neutralises the message: no mention, no HTML, no link', () => {
    const plan = planReview(
      [finding({ message: 'CMD runs @octo-org/admins <img src=x> https://evil.example' })],
      patches(undefined, 'FROM x\nCMD y\n'),
    );
    const body = plan.comments[0]!.body;
    expect(body).not.toMatch(/@octo-org/);
    expect(body).not.toContain('<img');
    expect(body).not.toContain('https://evil');
  });

  it('keys a finding by rule, file and message, not its line, and tells equal findings apart by rank', () => {
    const one = planReview([finding({ line: 2 })], patches(undefined, 'FROM x\nCMD y\n'));
    const moved = planReview([finding({ line: 3 })], patches(undefined, 'FROM x\n\nCMD y\n'));
    expect(moved.comments[0]!.key).toBe(one.comments[0]!.key);
    const twice = planReview(
      [finding({ line: 2 }), finding({ line: 3 })],
      patches(undefined, 'FROM x\nCMD y\nCMD y\n'),
    );
    expect(new Set(twice.comments.map((c) => c.key)).size).toBe(2);
  });
});
