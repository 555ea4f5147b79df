/**
 * GFM as GitHub reads it, and only as much of it as a text can hold.
 *
 * HTML blocks as GitHub reads them. GitHub renders Markdown with cmark-gfm,
 * which follows the GFM spec (CommonMark 0.29); micromark follows
 * CommonMark 0.31. They differ on which tags start an HTML block: 0.31 added
 * `search` to the block tags and `textarea` to the raw tags (which run to
 * their closing tag across blank lines). A checkbox GitHub shows after
 * `<search>` or inside a `<textarea>` with blank lines would be raw HTML to
 * the gate. (`source`, in the GFM spec's list, starts no block in cmark-gfm.)
 *
 * micromark reads the two lists from `micromark-util-html-tag-name` on every
 * parse, so the lists are set to GFM 0.29's here, once, on import. Nothing
 * else in the bundle parses HTML blocks. `test/markdown/cmark-gfm.test.ts`
 * compares the task items the gate reads with those cmark-gfm renders.
 */
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

function remove(list: string[], name: string): void {
  const at = list.indexOf(name);
  if (at >= 0) list.splice(at, 1);
}

remove(htmlBlockNames, 'search');
remove(htmlRawNames, 'textarea');

/** Whether the tag lists are GFM 0.29's. */
export function gfmHtmlBlocks(): boolean {
  return !htmlBlockNames.includes('search') && !htmlRawNames.includes('textarea');
}

/**
 * GFM's constructs, each only for a text that can hold one. remark-gfm
 * tokenizes every text for all five, and most texts hold few: a construct
 * cannot start without its characters, so leaving it out of a text without
 * them changes nothing in the tree (`test/markdown/gfm-constructs.test.ts`
 * parses the real documents both ways, and near misses: an `@` written as
 * `&#64;`, a table without a pipe) and spares the tokenizer its tries. The
 * literal email autolink is tried at every letter and digit of the text, so
 * it is left out of a text with no `@`; the www and http ones are kept
 * wherever a link is possible. On the runbook corpus the parse takes about a
 * fifth less.
 */

type Syntax = ReturnType<typeof gfmTable>;
type Tree = ReturnType<typeof gfmTableFromMarkdown>;

/** Where an `@` can be: written, as a character reference, or escaped (the tree's text holds them decoded). */
const AT = /@|&#|&commat;|\\@/i;

const autolinks = gfmAutolinkLiteral();
/**
 * The literal autolinks without the email one: its construct is the one
 * every digit starts (`0`), and `h`/`w` start it before http and www. Any
 * other shape (another version of the extension) keeps them all.
 */
const withoutEmail: Syntax = (() => {
  const text = autolinks.text ?? {};
  const email = text[48];
  if (email === undefined || Array.isArray(email)) return autolinks;
  const kept = Object.entries(text).flatMap(([code, constructs]) => {
    const rest = (Array.isArray(constructs) ? constructs : [constructs]).filter((c) => c !== email);
    return rest.length === 0 ? [] : [[code, rest]];
  });
  return { text: Object.fromEntries(kept) as Syntax['text'] };
})();

/** GFM's constructs in remark-gfm's order, each with what a text must hold for it to start. */
const CONSTRUCTS: { name: string; holds: (text: string) => boolean; syntax: (text: string) => Syntax; tree: Tree }[] = [
  {
    name: 'autolink literal',
    // www., http(s)://, an email; in the tree's text (what its transform searches), also by reference or escape.
    holds: (text) => /www\.|https?:\/\/|&(?:colon|sol|period);|\\[:/.]/i.test(text) || AT.test(text),
    syntax: (text) => (AT.test(text) ? autolinks : withoutEmail),
    tree: gfmAutolinkLiteralFromMarkdown(),
  },
  { name: 'footnote', holds: (text) => text.includes('[^'), syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown() },
  {
    name: 'strikethrough',
    holds: (text) => text.includes('~'),
    syntax: () => gfmStrikethrough(),
    tree: gfmStrikethroughFromMarkdown(),
  },
  // A delimiter row has a pipe, or a cell with a colon beside its dashes (`:-`, `-:`): `a` over `-:` is a table.
  { name: 'table', holds: (text) => /\||:-|-:/.test(text), syntax: gfmTable, tree: gfmTableFromMarkdown() },
  {
    name: 'task list item',
    holds: (text) => /\[(?:[\sxX]|\r\n)\]/.test(text),
    syntax: gfmTaskListItem,
    tree: gfmTaskListItemFromMarkdown(),
  },
];

export interface GfmConstructs {
  /** Which constructs, and whether the email autolink is among them: a key for a parser made with them. */
  key: string;
  names: string[];
  syntax: Syntax[];
  tree: Tree[];
}

const chosen = new Map<string, GfmConstructs>();

/** The GFM constructs a text can hold, in remark-gfm's order; the same object for the same choice. */
export function gfmFor(text: string): GfmConstructs {
  const held = CONSTRUCTS.filter((c) => c.holds(text));
  const syntax = held.map((c) => c.syntax(text));
  const key = held.map((c, i) => (syntax[i] === withoutEmail ? `${c.name} (no email)` : c.name)).join(', ');
  let found = chosen.get(key);
  if (!found) {
    found = { key, names: held.map((c) => c.name), syntax, tree: held.map((c) => c.tree) };
    chosen.set(key, found);
  }
  return found;
}
