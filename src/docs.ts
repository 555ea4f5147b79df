/**
 * The documentation made from the project's own lists, pure: the rules
 * table, the formats table and the list of kinds in the pages under docs/
 * that hold them, and a page per rule
 * (`docs/rules/<id>.md`) from the rule's object, its header comment and its
 * examples. `npm run docs` writes them; tests fail when what is committed
 * differs from what this makes, so the documentation cannot drift from the
 * code.
 */
import { KINDS, kindById } from './kinds/index.js';
import { FORMATS } from './report/formats.js';
import { RULES, type AnyRule } from './rules/index.js';
import { exampleFindings, type RuleExample } from './rules/rule.js';

/** A generated part of a documentation page, between its markers. */
interface Part {
  /** The page that holds it, from the repository root. */
  file: string;
  start: string;
  end: string;
  make(): string;
}

export const PARTS: readonly Part[] = [
  {
    file: 'docs/configuration.md',
    start: '<!-- rules-table:start (npm run docs) -->',
    end: '<!-- rules-table:end -->',
    make: () => rulesTable(),
  },
  {
    file: 'docs/cli.md',
    start: '<!-- formats:start (npm run docs) -->',
    end: '<!-- formats:end -->',
    make: () => formatsTable(),
  },
  {
    file: 'docs/development.md',
    start: '<!-- kinds:start (npm run docs) -->',
    end: '<!-- kinds:end -->',
    make: () => kindsList(),
  },
];

export const [RULES_TABLE, FORMATS_TABLE, KINDS_LIST] = PARTS;

/** The rules table (in docs/configuration.md): each rule's id links its page, beside it in docs/rules/. */
export function rulesTable(): string {
  const rows = RULES.map(
    (rule) =>
      `| [\`${rule.id}\`](rules/${rule.id}.md) | ${rule.kind} | ${rule.defaultSeverity.devops} | ${rule.defaultSeverity.none} | ${rule.fixable ? 'yes' : ''} | ${rule.description} |`,
  );
  return ['| id | reads | `devops` | `none` | fix | checks |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The table of output formats (`--format`, and the action's file outputs). */
export function formatsTable(): string {
  const rows = FORMATS.map(
    (f) => `| \`${f.id}\` | ${f.description} | ${f.actionOutput ? `\`${f.actionOutput.name}\`` : ''} |`,
  );
  return ['| `--format` | what | action output (a file path) |', '|---|---|---|', ...rows].join('\n');
}

/** The kinds in the order a file is offered to them. */
export function kindsList(): string {
  return Object.keys(KINDS)
    .map((id) => `\`${id}\``)
    .join(', ');
}

/** A page with every generated part it holds replaced by what the lists make now. */
export function withGenerated(page: string, file: string): string {
  let out = page;
  for (const part of PARTS.filter((p) => p.file === file)) {
    const start = out.indexOf(part.start);
    const end = out.indexOf(part.end);
    if (start < 0 || end < start) throw new Error(`${file} has no ${part.start} … ${part.end} markers.`);
    const inline = !out.slice(start, end).includes('\n');
    const body = inline ? part.make() : `\n${part.make()}\n`;
    out = `${out.slice(0, start + part.start.length)}${body}${out.slice(end)}`;
  }
  return out;
}

/** What a part of a page holds now, between its markers. */
export function partOf(readme: string, part: Part): string {
  return readme.slice(readme.indexOf(part.start) + part.start.length, readme.indexOf(part.end)).trim();
}

/**
 * Every rule's page, by file name, and the index of them (`README.md`).
 * `sourceOf` gives a rule's source file, whose header comment says what the
 * rule checks and why.
 */
export function rulePages(sourceOf: (id: string) => string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const rule of RULES) pages.set(`${rule.id}.md`, rulePage(rule, headerOf(sourceOf(rule.id))));
  pages.set('README.md', rulesIndex());
  return pages;
}

const GENERATED = '<!-- Generated from src/rules by `npm run docs`: edit the rule, not this page. -->';

function rulesIndex(): string {
  const rows = RULES.map((rule) => `| [\`${rule.id}\`](${rule.id}.md) | ${rule.kind} | ${rule.title} |`);
  return [
    GENERATED,
    '',
    '# Rules',
    '',
    'Every rule of readiness-gate, in report order. Each page says what the rule checks and why, its severity under each preset, what it says, examples that fail and pass, its fix, and how to waive it.',
    '',
    '| rule | reads | passes when |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function rulePage(rule: AnyRule, header: string): string {
  const kind = kindById(rule.kind);
  const failing = rule.examples.filter((e) => e.findings.length > 0);
  const passing = rule.examples.filter((e) => e.findings.length === 0);
  return [
    GENERATED,
    '',
    `# \`${rule.id}\``,
    '',
    `**${rule.title}.** Reads: ${rule.kind === 'pull-request' ? 'the pull-request description' : `${rule.kind} files`}.`,
    '',
    header.replace(new RegExp(`^\`${rule.id}\`: (.)`), (_, first: string) => first.toUpperCase()),
    '',
    '| preset | severity |',
    '|---|---|',
    `| \`devops\` (the default) | ${rule.defaultSeverity.devops} |`,
    `| \`none\` | ${rule.defaultSeverity.none} |`,
    '',
    `Set it in the config: \`rules: { ${rule.id}: error | warning | notice | off }\`.`,
    '',
    '## What it says',
    '',
    ...Object.entries(rule.messages as Record<string, string>).map(
      ([id, template]) => `- \`${id}\`: ${codeSpan(template.replace(/\{\{(\w+)\}\}/g, '‹$1›'))}`,
    ),
    '',
    '## Examples',
    '',
    ...failing.flatMap((e) => example(rule, e, 'Fails')),
    ...passing.flatMap((e) => example(rule, e, 'Passes')),
    '## Fix',
    '',
    rule.fixable
      ? '`readiness-gate check --fix` applies the fix it offers where it can tell one (`--fix-dry-run` prints it as a diff), and with `review: changed-lines` the action offers it as a one-click suggestion on the changed line.'
      : 'None automatic: the finding says what to change.',
    '',
    '## Waiving it',
    '',
    kind.waive.replaceAll('RULE', rule.id),
    '',
  ].join('\n');
}

function example(rule: AnyRule, e: RuleExample, verdict: 'Fails' | 'Passes'): string[] {
  const path = e.path ?? (rule.kind === 'pull-request' ? 'the description' : 'docs/runbooks/example.md');
  const out = [
    `### ${verdict}: ${e.name}`,
    '',
    `\`${path}\`:`,
    '',
    ...fence(e.text, languageOf(e.path, rule.kind)),
    '',
  ];
  if (e.config) out.push('With the config:', '', ...fence(e.config, 'yaml'), '');
  if (e.template) out.push("With the repository's pull-request template:", '', ...fence(e.template, 'markdown'), '');
  for (const [other, text] of Object.entries(e.files ?? {}))
    out.push(`With \`${other}\`:`, '', ...fence(text, languageOf(other)), '');
  for (const [other, text] of Object.entries(e.base ?? {})) {
    out.push(`With \`${other}\` at the base commit:`, '', ...fence(text, languageOf(other)), '');
  }
  if (e.findings.length > 0) {
    const findings = exampleFindings(rule, e).map((f) => [f.slice(0, f.indexOf(' ')), f.slice(f.indexOf(' ') + 1)]);
    out.push('Findings:', '', ...findings.map(([at, message]) => `- \`${at}\` ${escapeMarkdown(message!)}`), '');
  }
  return out;
}

/** A fenced code block that the text cannot close: its fence is longer than any run of backticks in it. */
function fence(text: string, language: string): string[] {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return [`${marks}${language}`, text.replace(/\n$/, ''), marks];
}

/** Text shown as written: every character Markdown could read as markup (emphasis, a link, HTML) escaped. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]<>#|~!]/g, '\\$&');

/** A code span the text cannot close: its backticks outnumber any run in it, with a space inside where one touches. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

const LANGUAGES: [RegExp, string][] = [
  [/\.md$/i, 'markdown'],
  [/\.ya?ml$/i, 'yaml'],
  [/\.json$/i, 'json'],
  [/(^|\/)Dockerfile[^/]*$/, 'dockerfile'],
  [/\.py$/, 'python'],
  [/\.go$/, 'go'],
  [/\.[mc]?jsx?$/, 'js'],
  [/\.[mc]?tsx?$/, 'ts'],
  [/\.java$/, 'java'],
  [/\.rs$/, 'rust'],
];

function languageOf(path: string | undefined, kind?: string): string {
  if (path === undefined) return kind === 'pull-request' || kind === 'runbook' || kind === undefined ? 'markdown' : '';
  return LANGUAGES.find(([pattern]) => pattern.test(path))?.[1] ?? '';
}

/** A rule file's header comment as Markdown: the block before its imports, without the comment's stars. */
export function headerOf(source: string): string {
  const match = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(source);
  if (!match) return '';
  return match[1]!
    .split('\n')
    .map((line) => line.replace(/^ \* ?/, '').replace(/^ \*$/, ''))
    .join('\n')
    .trim();
}
