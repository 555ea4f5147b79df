/**
 * What counts as written. One definition for required sections, fields,
 * prose and waiver reasons: a text is near-empty when, with `<br>`,
 * `&nbsp;`, HTML comments and format characters removed, it holds
 *
 * - no letter or digit (punctuation, `-`, `...`, `---`, `***`);
 * - a bare `N/A` (or `NA`, `Not applicable`, `None yet`);
 * - only a placeholder: `[…]`, `<…>`, `{…}` around words (`{Please write
 *   here}`), or a phrase a template leaves (`To be written.`, `to be added`,
 *   `coming soon`, `fill in`, `TBD`);
 * - a marker first: `TBD`, `TODO`, `FIXME` or `XXX` in capitals, or in any
 *   case followed by `:` (`fixme: add steps`);
 * - only what a team's own placeholder patterns match.
 *
 * "None", "None known" and "N/A — reason" are content.
 */

const MARKUP = /<!--[\s\S]*?(?:-->|$)|<br\s*\/?>|&nbsp;|&#160;|&#xa0;|[\p{Cf}\u00a0]/giu;
const BARE_NA = /^(?:n\/?a|not\s+applicable|none\s+yet)$/i;
const ENCLOSED = /^(?:\[[^[\]]*\]|<[^<>]*>|\{[^{}]*\})$/;
const PHRASE =
  /^(?:to\s+be\s+(?:written|added|completed|defined|determined|documented|confirmed|decided|done)|coming\s+soon|fill\s+(?:this\s+)?in|fill\s+me\s+in|please\s+(?:write|fill\s+in)\s+here|write\s+here|add\s+(?:content|text)\s+here|tbd|tba|tbc|wip|todo|fixme|xxx)$/i;
const MARKER = /^(?:(?:tbd|todo|fixme|xxx)\s*:|(?:TBD|TODO|FIXME|XXX)(?![\p{L}\p{N}]))/u;
const LOWER_MARKER = /^(?:tbd|todo|fixme|xxx)\s*:/i;

/** The text with what renders as nothing removed, and its decoration (emphasis, list marks) trimmed. */
function bare(text: string): string {
  return text
    .replace(MARKUP, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s*_~`>#|:;,.\-–—]+|[\s*_~`|:;,.!\-–—]+$/g, '')
    .trim();
}

/** Why a text counts as not written, or undefined when it is content. */
export function nearEmptyReason(text: string, own: readonly RegExp[] = []): string | undefined {
  const written = bare(text);
  let rest = written;
  for (const pattern of own) rest = bare(rest.replace(new RegExp(pattern.source, pattern.flags), ' '));
  if (!/[\p{L}\p{N}]/u.test(rest)) {
    const shown = short(text);
    if (shown === '') return 'nothing';
    return rest !== written ? `only the placeholder "${short(written)}"` : `only "${shown}"`;
  }
  if (BARE_NA.test(rest)) return `only "${rest}"`;
  if (ENCLOSED.test(rest)) return `only the placeholder "${rest}"`;
  if (PHRASE.test(rest)) return `only "${rest}"`;
  const marker = MARKER.exec(rest) ?? LOWER_MARKER.exec(rest);
  if (marker) return `"${marker[0].replace(/\s*:$/, '')}" first`;
  return undefined;
}

function short(text: string): string {
  const shown = text.replace(/\s+/g, ' ').trim();
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

export function nearEmpty(text: string, own: readonly RegExp[] = []): boolean {
  return nearEmptyReason(text, own) !== undefined;
}

/** A template's placeholder: `/regex/flags`, or plain text matched as written, ignoring case. */
export function placeholderPattern(source: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(source);
  // A /regex/ matches anywhere in the section, each time: what it matches is taken out, the rest must be written.
  if (regex) return new RegExp(regex[1]!, regex[2]!.includes('g') ? regex[2] : `${regex[2]}g`);
  // Plain text matches as authors copy it: emphasis, spacing and a trailing colon aside.
  const words = source
    .replace(/[*_`]+/g, '')
    .replace(/[\s:]+$/, '')
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.join('') === '') return /(?!)/g;
  return new RegExp(`[*_\`]*${words.join('[*_`\\s]+')}[*_\`]*\\s*:?`, 'gi');
}
