// The task boxes the gate reads are those GitHub shows. The oracle is cmark-gfm, GitHub's Markdown engine:
// scripts/record-gfm-tasks.mjs recorded which boxes it renders for each snippet, so this runs anywhere; where
// Debian's `cmark-gfm` is installed the record is checked against it too.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { gfmHtmlBlocks } from '../../src/markdown/gfm.js';

interface Snippet {
  name: string;
  markdown: string;
  boxes: boolean[];
}
const record = JSON.parse(readFileSync(new URL('../fixtures/gfm/task-items.json', import.meta.url), 'utf8')) as {
  options: string;
  snippets: Snippet[];
};

/**
 * Where Debian's cmark-gfm 0.29.0.gfm.6 and github.com disagree, the gate reads what github.com shows:
 * github.com renders boxes inside block quotes (github/task_list#36); that build prints them as text.
 */
const GITHUB_DIFFERS: Record<string, boolean[]> = { quoted: [true] };

const hasCmark = spawnSync('cmark-gfm', ['--version']).status === 0;
if (!hasCmark) console.warn('cmark-gfm is not installed (apt-get install cmark-gfm): the live comparison is skipped.');

describe('task boxes as GitHub renders them', () => {
  it('has HTML block starts set to GFM 0.29', () => {
    expect(gfmHtmlBlocks()).toBe(true);
  });

  it('covers the differences between GFM 0.29 and CommonMark 0.31', () => {
    const names = record.snippets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['search after a paragraph', 'textarea with blank lines']));
    expect(record.snippets.length).toBeGreaterThanOrEqual(30);
  });

  it.each(record.snippets)('$name', ({ name, markdown, boxes }) => {
    const read = parseDocument(markdown).items.map((i) => i.checked);
    expect(read).toEqual(GITHUB_DIFFERS[name] ?? boxes);
  });

  it.skipIf(!hasCmark)('the record is what cmark-gfm renders today', () => {
    for (const { name, markdown, boxes } of record.snippets) {
      const html = spawnSync('cmark-gfm', record.options.split(' '), { input: markdown, encoding: 'utf8' }).stdout;
      const live = [...html.matchAll(/<input type="checkbox"( checked="")? disabled="" \/>/g)].map((m) =>
        Boolean(m[1]),
      );
      expect(live, name).toEqual(boxes);
    }
  });
});
