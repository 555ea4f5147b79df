// CODEOWNERS as GitHub reads it: gitignore-style patterns, the last matching line wins, no owners unsets.
import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners } from '../../src/model/codeowners.js';

const FILE = [
  '# Everything, by default',
  '*                        @octo-org/everyone',
  '*.md                     @octo-org/docs',
  '/build/                  @octo-org/build',
  'docs/*                   docs@example.com',
  'apps/**/deploy/          @octo-org/platform @sre-lead',
  '/.github/workflows/      @octo-org/platform',
  '/.github/workflows/experimental.yml',
].join('\n');

describe('CODEOWNERS', () => {
  const lines = parseCodeowners(FILE);
  const owners = (path: string) => ownersOf(lines, path)?.owners;

  it('gives a path the owners of the last line that matches it', () => {
    expect(owners('src/app.ts')).toEqual(['@octo-org/everyone']);
    expect(owners('README.md')).toEqual(['@octo-org/docs']);
    expect(owners('build/out/x.js')).toEqual(['@octo-org/build']);
    expect(owners('docs/guide.txt')).toEqual(['docs@example.com']);
    expect(owners('apps/pay/deploy/api.yaml')).toEqual(['@octo-org/platform', '@sre-lead']);
    expect(owners('.github/workflows/ci.yml')).toEqual(['@octo-org/platform']);
  });

  it('anchors a pattern with a slash at the root, and lets one without match at any depth', () => {
    expect(owners('src/build/x.js')).toEqual(['@octo-org/everyone']);
    expect(owners('deep/nested/notes.md')).toEqual(['@octo-org/docs']);
    // `docs/*` matches the folder's files, not those of its subfolders.
    expect(owners('docs/a/b.txt')).toEqual(['@octo-org/everyone']);
  });

  it('unsets ownership with a pattern that names no owner', () => {
    expect(ownersOf(lines, '.github/workflows/experimental.yml')).toBeUndefined();
  });
});
