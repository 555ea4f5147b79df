/**
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
