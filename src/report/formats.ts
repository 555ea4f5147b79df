/**
 * Every output format, in one list: the CLI's `--format` (its usage, its
 * check and what it prints), the action's file outputs and the docs'
 * formats table all come from it. A new format is one file and one line
 * here.
 */
import type { Report } from '../model/report.js';
import { toJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { toSarif } from './sarif.js';
import { formatText } from './text.js';
import { formatGithub } from './github.js';

/** What a format is told besides the report. */
export interface FormatContext {
  /** Trusted lines for the report (an overlay built, a fix applied). */
  notes: string[];
  /** The report's heading, where the format has one. */
  title: string;
  /** Whether the terminal takes colour. */
  color: boolean;
  /** What the run adds to a machine report: the pull request's number, its head commit. */
  extra?: Record<string, unknown>;
  /** How to name a source where not by its path: the description as the file it was read from (`pr.md`). */
  names?: Readonly<Record<string, string>>;
}

export interface OutputFormat<Id extends string = string> {
  id: Id;
  /** What it is for, in one line: the formats table of docs/cli.md. */
  description: string;
  render(report: Report, context: FormatContext): string;
  /** The action writes the report in this format to a file too, and names the file in this output. */
  actionOutput?: { name: string; extension: string };
}

/** A format, with its id kept as a literal type so the list yields the union of ids. */
export const defineFormat = <const Id extends string>(format: OutputFormat<Id>): OutputFormat<Id> => format;

const json = (report: Report, context: FormatContext) =>
  `${JSON.stringify(toJson(report, { ...context.extra, ...(context.notes.length > 0 ? { notes: context.notes } : {}) }), null, 2)}\n`;

export const FORMATS = [
  defineFormat({
    id: 'text',
    description: 'one line a finding, `file:line:column`, as editors and problem matchers read it (the default)',
    render: (report, { color, notes, names }) => formatText(report, { color, notes, ...(names ? { names } : {}) }),
  }),
  defineFormat({
    id: 'json',
    description: 'the machine report: findings, waivers, passing checks and per-document counts',
    render: json,
    actionOutput: { name: 'report', extension: 'json' },
  }),
  defineFormat({
    id: 'markdown',
    description: 'the report the action writes as its comment and job summary',
    render: (report, { title, notes }) => formatMarkdown(report, { title, notes }),
  }),
  defineFormat({
    id: 'github',
    description:
      'workflow commands (`::error file=…,line=…::`): annotations from a `run:` step, and lines other CI systems parse',
    render: (report, { names }) => formatGithub(report, names),
  }),
  defineFormat({
    id: 'sarif',
    description: 'SARIF 2.1.0 for code scanning (`github/codeql-action/upload-sarif`): findings on files',
    render: (report) => `${JSON.stringify(toSarif(report), null, 2)}\n`,
    actionOutput: { name: 'sarif', extension: 'sarif' },
  }),
] as const;

export type FormatId = (typeof FORMATS)[number]['id'];

export const FORMAT_IDS = FORMATS.map((f) => f.id) as [FormatId, ...FormatId[]];

/** The format with this id, or undefined. */
export const formatById = (id: string): OutputFormat | undefined => FORMATS.find((f) => f.id === id);

export const FORMATS_START = '<!-- formats:start (generated from src/report/formats.ts: npm run docs) -->';
export const FORMATS_END = '<!-- formats:end -->';

/** The table of output formats (docs/cli.md). */
export function formatsTable(): string {
  const rows = FORMATS.map(
    (f) => `| \`${f.id}\` | ${f.description} | ${f.actionOutput ? `\`${f.actionOutput.name}\`` : '—'} |`,
  );
  return ['| `--format` | what | action output (a file path) |', '|---|---|---|', ...rows].join('\n');
}
