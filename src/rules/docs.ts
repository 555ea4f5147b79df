/**
 * The README's rules table, made from the list of rules: `npm run docs`
 * writes it between the `rules-table` markers, and a test fails when the
 * README differs from what this makes.
 */
import { RULES } from './index.js';

export const TABLE_START = '<!-- rules-table:start (npm run docs) -->';
export const TABLE_END = '<!-- rules-table:end -->';

export function rulesTable(): string {
  const rows = RULES.map(
    (rule) =>
      `| \`${rule.id}\` | ${rule.kind} | ${rule.defaultSeverity.devops} | ${rule.defaultSeverity.none} | ${rule.description} |`,
  );
  return ['| id | reads | `devops` | `none` | checks |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rules table replaced by the current one. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers.`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}
