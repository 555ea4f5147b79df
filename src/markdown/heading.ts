/**
 * Heading and label names are compared by key: Unicode-normalised, lower
 * case, text after the first `:` dropped, and every run of emoji,
 * punctuation or space folded into one space. So `## 🔧 DevOps Sign-off`,
 * `### devops sign off:` and `### Operations Review: Gateway` meet their
 * configured names `DevOps Sign-off` and `Operations Review`.
 */
export function headingKey(title: string): string {
  let text = title.normalize('NFKC');
  const colon = text.indexOf(':');
  if (colon >= 0) text = text.slice(0, colon);
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Keys for a name and its aliases. */
export function keysOf(spec: { name: string; aliases?: readonly string[] }): string[] {
  return [spec.name, ...(spec.aliases ?? [])].map(headingKey);
}
