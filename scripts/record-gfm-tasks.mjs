// Records which task boxes cmark-gfm (GitHub's Markdown engine, Debian's `cmark-gfm`) renders for a
// battery of tricky snippets, into test/fixtures/gfm/task-items.json. test/markdown/cmark-gfm.test.ts
// compares the gate's reading with the record, and the record with cmark-gfm where it is installed.
// Usage: node scripts/record-gfm-tasks.mjs [out.json]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const snippets = [
  ['plain list', '- [ ] a\n- [x] b\n'],
  ['capital X and star bullets', '* [X] capital\n+ [ ] plus\n'],
  ['ordered list', '1. [x] one\n2) [ ] two\n'],
  ['nested items', '- [ ] a\n  - [x] nested\n    - [ ] deeper\n'],
  ['no space after the box', '- [ ]no space\n- [x]\n'],
  ['not a box', '- [~] tilde\n- [xx] two\n- [ ] real\n'],
  ['tab after the box', '- [x]\ttab\n'],
  ['quoted', '> - [x] quoted\n'],
  ['fenced code', '```\n- [x] in code\n```\n- [ ] after\n'],
  ['indented code', '    - [x] indented code\n\n- [ ] after\n'],
  ['HTML comment', '<!-- - [x] comment -->\n- [ ] real\n'],
  ['multi-line comment', '<!--\n- [x] in comment\n\n- [x] still\n-->\n- [ ] real\n'],
  ['details without blank lines', '<details>\n- [x] hidden\n</details>\n\n- [ ] after\n'],
  ['details with blank lines', '<details>\n<summary>More</summary>\n\n- [x] shown\n\n</details>\n'],
  ['textarea with blank lines', '<textarea>\n\n- [ ] shown by GitHub\n\n</textarea>\n'],
  ['textarea on its own', '<textarea>\n- [x] hidden\n</textarea>\n\n- [ ] after\n'],
  ['search after a paragraph', 'Intro\n<search>\n- [x] y\n</search>\n'],
  ['search with blank lines', '<search>\n\n- [ ] shown\n\n</search>\n'],
  ['source is inline', 'Intro\n<source src="a">\n- [x] hidden by source\n\n- [ ] after\n'],
  ['pre runs to its close', '<pre>\n\n- [x] in pre\n\n</pre>\n\n- [ ] after\n'],
  ['script runs to its close', '<script>\n\n- [x] in script\n\n</script>\n- [ ] after\n'],
  ['style runs to its close', '<style>\n\n- [x] in style\n\n</style>\n\n- [ ] after\n'],
  ['div interrupts a list item', '- [x] a\n<div>\n- [ ] b\n</div>\n'],
  ['custom tag alone on a line', '<app-note>\n- [x] hidden\n\n- [ ] shown\n'],
  ['custom tag cannot interrupt a paragraph', 'Intro\n<app-note>\n- [x] shown\n'],
  ['section interrupts a paragraph', 'Intro\n<section>\n- [x] hidden\n\n- [ ] after\n'],
  ['html heading', '<h2>Checks</h2>\n- [x] hidden\n\n- [ ] shown\n'],
  ['zero-width before the bullet', '\u200b- [x] zw\n- [ ] real\n'],
  ['table cell', '| a |\n|---|\n| - [x] cell |\n'],
  ['list after heading', '## H\n- [x] a\n'],
  ['box in a link', '- [[x] link](http://e) \n- [ ] b\n'],
  ['escaped bracket', '- \\[x] escaped\n- [x] real\n'],
  ['entity box', '- [&#x78;] entity\n'],
  ['setext underline', '- [x] a\n---\n- [ ] b\n'],
  ['lazy continuation', '- [ ] a\nb\n- [x] c\n'],
];
export const OPTIONS = [
  '-e',
  'tasklist',
  '-e',
  'table',
  '-e',
  'autolink',
  '-e',
  'tagfilter',
  '-e',
  'strikethrough',
  '--unsafe',
];

export function boxes(markdown) {
  const html = spawnSync('cmark-gfm', OPTIONS, { input: markdown, encoding: 'utf8' }).stdout;
  return [...html.matchAll(/<input type="checkbox"( checked="")? disabled="" \/>/g)].map((m) => Boolean(m[1]));
}

const out = () =>
  snippets.map(([name, markdown]) => {
    return { name, markdown, boxes: boxes(markdown) };
  });
if (import.meta.url === `file://${process.argv[1]}`) {
  const renderer = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const file = process.argv[2] ?? 'test/fixtures/gfm/task-items.json';
  writeFileSync(file, JSON.stringify({ renderer, options: OPTIONS.join(' '), snippets: out() }, null, 2) + '\n');
}
