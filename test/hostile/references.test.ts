// Text echoed from a pull request must not become a link once GitHub has rendered it: no mention, no
// issue or pull-request reference (which would post a backlink there), no commit link. Rendered with
// cmark-gfm (GitHub's Markdown engine, Debian's `cmark-gfm`), then matched against the reference
// patterns GitHub links in rendered text ("Autolinked references and URLs" in GitHub's docs).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { neutralise } from '../../src/report/neutralise.js';

const CMARK = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' });
const hasCmark = CMARK.status === 0;
if (!hasCmark)
  console.warn('cmark-gfm is not installed (apt-get install cmark-gfm): the rendered-reference oracle is skipped.');

/** GitHub's autolinked references, as it finds them in rendered text. */
const REFERENCES: [string, RegExp][] = [
  ['issue', /(?:^|[^\w/&])#\d+\b/],
  ['GH- issue', /\bGH-\d+\b/i],
  ['repository issue', /\b[\w.-]+\/[\w.-]+#\d+\b/],
  ['commit', /(?:^|[^\w@/])[0-9a-f]{7,40}\b/i],
  ['user or repository commit', /\b[\w.-]+(?:\/[\w.-]+)?@[0-9a-f]{7,40}\b/i],
  ['mention', /(?:^|[^\w`])@[a-z\d](?:[a-z\d-]*)/i],
];

const SNIPPETS = [
  'fixes #12',
  '(#7) and #1: first',
  'see octo-org/octo-repo#3 and other/repo#44',
  'tracked in GH-4 and gh-5',
  'reverted a5c3785ed8d6a35868bc169f07e40e889087fd2e',
  'pinned octo-org/octo-repo@a5c3785ed8d6 and mallory@deadbeef12',
  'cc @octo-org/sre and @alice',
  'N/A — see #9 (owner/repo#10), commit 1f2e3d4c',
];

const linked = (text: string) => REFERENCES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);

/** The text GitHub shows for rendered Markdown: tags dropped, entities decoded. */
function shown(markdown: string): string {
  const html = spawnSync('cmark-gfm', ['-e', 'autolink', '-e', 'tagfilter'], {
    input: markdown,
    encoding: 'utf8',
  }).stdout;
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

describe('references in echoed text', () => {
  it('every snippet is a reference GitHub would link, as written', () => {
    for (const snippet of SNIPPETS) expect(linked(snippet), snippet).not.toEqual([]);
  });

  it.skipIf(!hasCmark)('none is one once neutralised and rendered by cmark-gfm', () => {
    for (const snippet of SNIPPETS) {
      const text = shown(`- ${neutralise(snippet)}\n`);
      expect(linked(text), `${snippet} -> ${JSON.stringify(text)}`).toEqual([]);
      // What a reader sees is still the text: only zero-width spaces were added.
      expect(text.replace(/\u200b/g, '').trim()).toBe(snippet);
    }
  });

  it('leaves short numbers and words alone', () => {
    expect(neutralise('step 3 of 12, at 10:30, in facade')).toBe('step 3 of 12, at 10:30, in facade');
  });
});

describe('findings said in one line, as GitHub renders them', () => {
  it.skipIf(!hasCmark)('name each box at a link to its line, with no visible escape and no reference', () => {
    const boxes = ['Backup taken', 'cc @octo-org/sre, fixes #12', 'Stakeholders notified'];
    const runbook = `# Runbook: x\n\n## Overview\n- **Risk Level**: High\n\n## Pre-Deployment Checklist\n${boxes.map((b) => `- [ ] ${b}`).join('\n')}\n`;
    const report = check({
      files: [{ path: 'docs/runbooks/x.md', kind: 'runbook', text: runbook }],
      config: loadConfig(undefined, 'x.yml'),
    });
    const markdown = formatMarkdown(report, {
      title: 'Production readiness',
      link: (source, line) => `https://github.com/o/r/blob/abc/${source}?plain=1#L${line}`,
    });
    const item = markdown.split('\n').find((l) => l.includes('runbook-high-risk.md'))!;
    const html = spawnSync('cmark-gfm', ['-e', 'autolink', '-e', 'tagfilter'], {
      input: item,
      encoding: 'utf8',
    }).stdout;
    for (const line of [7, 8, 9])
      expect(html).toContain(
        `<a href="https://github.com/o/r/blob/abc/docs/runbooks/x.md?plain=1#L${line}">line ${line}</a>`,
      );
    const text = shown(item);
    expect(text).not.toContain('\\');
    expect(linked(text)).toEqual([]);
    expect(text.replace(/\u200b/g, '').replace(/\s+/g, ' ')).toContain(
      'not ticked in "Pre-Deployment Checklist": "Backup taken" ( line 7 ), "cc @octo-org/sre, fixes #12" ( line 8 ), "Stakeholders notified" ( line 9 )',
    );
  });
});
