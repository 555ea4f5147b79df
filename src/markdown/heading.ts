/**
 * Heading and label names are compared by key: Unicode-normalised (NFKC),
 * format characters (`\p{Cf}`: zero-width spaces, joiners, soft hyphens)
 * and GitHub emoji shortcodes (`:airplane:`) removed, lower case, and every
 * run of emoji, punctuation or space folded into one space. What only
 * decorates a name is dropped: leading numbering (`1.`, `2)`, `Step 3:`), a
 * trailing `: text` after the name, an explanation after ` – ` or ` — `, and
 * a trailing parenthetical (`(REQUIRED)`); `&` reads as `and`. So
 * `## 🔧 DevOps Sign-off`, `## :airplane: Reliability`, `### 2. Monitoring &
 * Alerting (required)` and `### Operations Review: Gateway` meet `DevOps
 * Sign-off`, `Reliability`, `Monitoring and Alerting` and `Operations Review`.
 */
export function headingKey(title: string): string {
  let text = title
    .normalize('NFKC')
    .replace(/\p{Cf}+/gu, '')
    .replace(SHORTCODE, ' ')
    .trim();
  text = text.replace(/^(?:step\s+\d+\s*[:.)-]?|\d+(?:\.\d+)*(?:[.)]|(?=\s)))\s*/i, '');
  // Only what follows the name: a colon with nothing named before it is not a separator.
  const colon = text.search(/[\p{L}\p{N}][^:]*:/u);
  if (colon >= 0) text = text.slice(0, text.indexOf(':', colon));
  text = text.replace(/\s+[–—]\s+.*$/s, '');
  text = text.replace(/\s*\([^()]*\)\s*$/, '');
  return text
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A GitHub emoji shortcode, `:airplane:` or `:+1:`: rendered as an emoji, never part of a name. */
const SHORTCODE = /:(?=[\w+-]{0,40}[a-z])[a-z0-9_+-]{1,40}:|:[+-]1:/gi;

/** Keys for a name and its aliases. */
export function keysOf(spec: { name: string; aliases?: readonly string[] }): string[] {
  return [spec.name, ...(spec.aliases ?? [])].map(headingKey);
}
