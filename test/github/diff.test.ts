// The local GitHub's patches read like git's: the same hunks, context and order of removed and added lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedPatch } from './diff.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rg-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `git diff --no-index -U3` of two texts, its file header and hunk section names left out, as GitHub's `patch`. */
function git(before: string, after: string): string {
  const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
  writeFileSync(a, before);
  writeFileSync(b, after);
  let out = '';
  try {
    execFileSync('git', ['diff', '--no-index', '-U3', a, b], { encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // git diff exits 1 when the files differ
  }
  return out
    .split('\n')
    .filter((l) => !/^(diff |index |--- |\+\+\+ |new file|deleted file)/.test(l))
    .join('\n')
    .trim()
    .replace(/ @@.*$/gm, ' @@');
}

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}\n`).join('');

describe('unifiedPatch', () => {
  it.each([
    [
      'two changes, one a changed line',
      'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n',
      'a\nb\nc\nX\nd\ne\nf\ng\nh\ni\nj\nk\nY\nm\n',
    ],
    [
      'lines added at the start, removed within, added at the end',
      numbers(1, 20),
      `0\n${numbers(1, 15)}${numbers(17, 21)}`,
    ],
    ['one line changed in the middle of a long file', numbers(1, 40), numbers(1, 40).replace('20\n', 'twenty\n')],
  ])('%s', (_, before, after) => {
    expect(unifiedPatch(before, after)).toBe(git(before, after));
  });

  it('shows an added file as added lines and a removed one as removed lines', () => {
    expect(unifiedPatch(undefined, 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y');
    expect(unifiedPatch('x\ny\n', undefined)).toBe('@@ -1,2 +0,0 @@\n-x\n-y');
  });

  it('leaves out the patch of a file over 1 MB, as GitHub does for a large diff', () => {
    expect(unifiedPatch(undefined, 'x\n'.repeat(600_000))).toBeUndefined();
  });
});
