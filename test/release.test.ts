// The release workflow's own checks (scripts/release.mjs), run here as the workflow runs them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types, run by the release workflow
import { checkRelease, majorOf, notesFor, versionOf } from '../scripts/release.mjs';
import { ROOT } from './helpers.js';

const CHANGELOG = `# Changelog\n\n## [Unreleased]\n\n- Next.\n\n## [1.2.0] - 2026-12-01\n\n### Added\n\n- A rule.\n\n## [1.1.0] - 2026-11-01\n\n- Older.\n`;

describe('release checks', () => {
  it('reads the version and the major tag from a release tag, and refuses anything else', () => {
    expect(versionOf('v1.2.0')).toBe('1.2.0');
    expect(majorOf('v1.2.0')).toBe('v1');
    expect(majorOf('v10.0.3')).toBe('v10');
    for (const bad of ['1.2.0', 'v1.2', 'v1.2.0-rc.1', 'v01.2.0', 'v1.2.0\nv2', 'v1']) {
      expect(() => versionOf(bad), bad).toThrow(/is not a release tag/);
    }
  });

  it('takes the release notes from the version’s changelog section, and nothing after it', () => {
    expect(notesFor(CHANGELOG, '1.2.0')).toBe('### Added\n\n- A rule.\n');
    expect(() => notesFor(CHANGELOG, '1.3.0')).toThrow('CHANGELOG.md has no "## [1.3.0]" section');
    expect(() => notesFor('## [2.0.0]\n\n## [1.0.0]\n- x\n', '2.0.0')).toThrow('section is empty');
  });

  it('refuses a tag that is not package.json’s version', () => {
    expect(checkRelease('v1.2.0', { version: '1.2.0', changelog: CHANGELOG })).toBe('1.2.0');
    expect(() => checkRelease('v1.2.1', { version: '1.2.0', changelog: CHANGELOG })).toThrow(
      'the tag v1.2.1 names 1.2.1, but package.json says 1.2.0',
    );
  });

  it('runs as the workflow runs it, against this repository’s package.json and CHANGELOG.md', () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/release.mjs'), ...args], { encoding: 'utf8' });
    expect(run('major', `v${version}`).trim()).toBe(`v${version.split('.')[0]}`);
    // The changelog keeps its notes under Unreleased until a release moves them: this version is not releasable yet.
    expect(() => run('check', `v${version}`)).toThrow(`has no "## [${version}]" section`);
    expect(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain('## [Unreleased]');
  });
});
