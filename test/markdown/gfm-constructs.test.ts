// The gate parses a text with only the GFM constructs it can hold (a table needs a `|` or a `:-` cell, an email
// autolink an `@`, see src/markdown/gfm.ts). That is only worth its speed if the tree is the one remark-gfm makes with
// all of them: every Markdown file of the project and of the shared corpus, and near misses of each choice, are parsed
// both ways, to the same tree, positions and all.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/document.js';
import { gfmFor } from '../../src/markdown/gfm.js';
import { ROOT } from '../helpers.js';

const allOfGfm = unified().use(remarkParse).use(remarkGfm);
const allOfGfmWithFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Texts at the edge of each choice, with the constructs each must be parsed with. */
const NEAR_MISSES: [string, string[]][] = [
  ['a\n-:\n', ['table']],
  ['> a\n> :-\n', ['table']],
  ['| a |\n| - |\n', ['table']],
  ['a\n---\n', []],
  ['x ~~y~~ and ~z~\n', ['strikethrough']],
  ['a[^1]\n\n[^1]: the note\n', ['footnote']],
  ['- [ ] a\n- [x] b\n- [\t] c\n- [X] d\n', ['task list item']],
  ['- [\r\n] a\n', ['task list item']],
  ['see www.example.com and WWW.EXAMPLE.ORG\n', ['autolink literal']],
  ['see HTTPS://example.com/a?b\n', ['autolink literal']],
  ['write to oncall@example.com\n', ['autolink literal']],
  ['write to oncall&#64;example.com or oncall&#x40;example.com\n', ['autolink literal']],
  ['write to oncall&commat;example.com\n', ['autolink literal']],
  ['write to oncall\\@example.com\n', ['autolink literal']],
  ['see http\\://example.com and http:\\/\\/example.com\n', ['autolink literal']],
  ['see http&colon;//example.com and www&period;example.com\n', ['autolink literal']],
  ['see mailto:oncall@example.com and xmpp:oncall@example.com\n', ['autolink literal']],
  ['a plain line, a [link](docs/x.md), `code`, <b>html</b> and **bold**\n', []],
  ['---\ntitle: x\n---\n| a |\n| - |\n', ['table']],
];

function sameTree(text: string, frontMatter: boolean): void {
  const expected = (frontMatter ? allOfGfmWithFrontMatter : allOfGfm).parse(text);
  expect(parseMarkdown(text, frontMatter)).toEqual(expected);
}

describe('GFM constructs chosen by what a text can hold', () => {
  it('are chosen as each near miss needs, and give the tree all of GFM gives', () => {
    for (const [text, names] of NEAR_MISSES) {
      expect(gfmFor(text).names, JSON.stringify(text)).toEqual(names);
      sameTree(text, false);
      sameTree(text, true);
    }
    // An email autolink is tried only where an `@` can be; www and http ones wherever a link can be.
    expect(gfmFor('see www.example.com\n').key).toBe('autolink literal (no email)');
    expect(gfmFor('oncall@example.com\n').key).toBe('autolink literal');
  });

  it("give the tree all of GFM gives on the project's own Markdown", async () => {
    const files = await glob(['**/*.md'], { cwd: ROOT, ignore: ['node_modules/**', '.git/**'] });
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(JSON.stringify(parseMarkdown(text)), file).toBe(JSON.stringify(allOfGfm.parse(text)));
    }
  });

  const CORPUS = path.resolve(ROOT, '../shared/corpus');
  it.skipIf(!existsSync(CORPUS))(
    'give the tree all of GFM gives on the shared corpus, with fewer constructs',
    async () => {
      const files = (await glob('**/*.md', { cwd: CORPUS })).sort();
      expect(files.length).toBeGreaterThan(900);
      let spared = 0;
      for (const file of files) {
        const text = readFileSync(path.join(CORPUS, file), 'utf8');
        expect(parseMarkdown(text), file).toEqual(allOfGfm.parse(text));
        spared += 5 - gfmFor(text).names.length;
      }
      // Most documents hold no footnote, no strikethrough and no table.
      expect(spared).toBeGreaterThan(files.length * 2);
    },
  );
});
