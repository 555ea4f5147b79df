/**
 * Heading and label names are compared by key: Unicode-normalised, lower
 * case, and every run of emoji, punctuation or space folded into one space.
 * What only decorates a name is dropped: leading numbering (`1.`, `2)`,
 * `Step 3:`), text after the first `:`, an explanation after ` – ` or ` — `,
 * and a trailing parenthetical (`(REQUIRED)`); `&` reads as `and`. So
 * `## 🔧 DevOps Sign-off`, `### 2. Monitoring & Alerting (required)` and
 * `### Operations Review: Gateway` meet `DevOps Sign-off`, `Monitoring and
 * Alerting` and `Operations Review`.
 */
export function headingKey(title: string): string {
  let text = title.normalize('NFKC').trim();
  text = text.replace(/^(?:step\s+\d+\s*[:.)-]?|\d+(?:\.\d+)*(?:[.)]|(?=\s)))\s*/i, '');
  const colon = text.indexOf(':');
  if (colon >= 0) text = text.slice(0, colon);
  text = text.replace(/\s+[–—]\s+.*$/s, '');
  text = text.replace(/\s*\([^()]*\)\s*$/, '');
  return text
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Keys for a name and its aliases. */
export function keysOf(spec: { name: string; aliases?: readonly string[] }): string[] {
  return [spec.name, ...(spec.aliases ?? [])].map(headingKey);
}
