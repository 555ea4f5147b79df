/**
 * Source files in Go, Python, TypeScript/JavaScript and Java, parsed with
 * tree-sitter (`code/tree-sitter.ts`, loaded only for a run that has them).
 * Their rules look for the role document's Red Flags in the code a pull
 * request adds: calls without timeouts, unbounded queues, unstructured logs,
 * hardcoded configuration. A rule reports only on the lines the pull
 * request changed (`changed`, from the changed files' diffs), never on code it
 * did not touch; a file named to the CLI is judged whole.
 *
 * An opt-out is a comment on the line or the line above:
 * `// readiness-gate waive=<rule-id>: <reason>` (`#` in Python).
 */
import { selectsPath } from '../model/paths.js';
import type { DocumentSettings } from '../model/spec.js';
import { optOutWaivers, reasonOf, type OptOut } from './opt-out.js';
import type { DocumentKind, Facts } from './kind.js';
import type { RawFinding } from '../model/finding.js';
import { DEFAULT_CODE_EXCLUDE, languageOf, type Grammar, type Language } from './code/languages.js';
import { load, parseWith, queryFor } from './code/tree-sitter.js';
import type { Node, Tree } from 'web-tree-sitter';
import type { ReadBound } from '../model/files.js';
import { touches } from '../model/diff.js';

export interface CodeView {
  path: string;
  /** The file's text, as parsed. */
  text: string;
  language: Language;
  grammar: Grammar;
  /** The parse tree, until the file's rules have run; undefined for a generated file. */
  tree?: Tree;
  /**
   * Marked generated, as the tools that generate code mark it: Go's
   * `// Code generated … DO NOT EDIT.` line, or `@generated` in a comment of
   * the file's header. No rule judges its code; `code-not-read` says so.
   */
  generated: boolean;
  /** The marking line, for the report. */
  generatedAt?: { line: number; marker: string };
  /** Where the grammar could not parse the file (its first such line), and how many such places: not judged there. */
  unparsed?: { line: number; count: number };
  optOuts: OptOut[];
}

export interface CodeContext {
  file: CodeView;
  /** What the pull request changed in the file (`model/diff.ts changedLines`: `-n` a deletion); undefined when it is judged whole. */
  changed?: ReadonlySet<number>;
  /**
   * The matches of a query written for each language the rule supports;
   * none for the others. `when`, by language, is what the file's text must
   * hold for any of the rule's findings to be possible (a word every call
   * it judges is written with, or imported by): a file without it is not
   * queried for the rule, and the rule's patterns leave the file's pass.
   * It must be a necessary condition: `withoutTextGates` runs the same
   * check without any, and the tests hold both to the same findings.
   */
  matches(queries: Partial<Record<Grammar, string>>, when?: Partial<Record<Grammar, TextGate>>): QueryMatch[];
  /**
   * Whether a finding on this code is the pull request's to answer for (a
   * line of it is one the pull request added: a call whose `timeout=` line
   * was deleted is the change's too) and not waived on its first line or
   * the line above. An opt-out without a reason is reported into `out`,
   * once.
   */
  reports(ruleId: string, code: Span, out: RawFinding[]): boolean;
}

/** What a file's text must hold: a pattern, or every pattern of a list. */
export type TextGate = RegExp | readonly RegExp[];

/** Where a piece of code starts and ends, 0-based rows as tree-sitter gives them. */
export interface Span {
  startPosition: { row: number };
  endPosition: { row: number };
}

export interface QueryMatch {
  captures: Record<string, Node>;
}

const codeFiles = (settings: DocumentSettings): ReadBound => ({
  what: 'changed source files',
  max: settings.code.maxFiles,
  setting: 'code.max-files',
  advice: 'Split the pull request, or leave generated code out with `code.exclude`.',
});

/** Go's convention (`go help generate`), in any of these languages' comments, and `@generated` (Meta's, and the tools that follow it). */
const GO_GENERATED = /^(?:\/\/|#|\/?\*+)\s*Code generated .* DO NOT EDIT\.?\s*(?:\*\/)?$/;
const AT_GENERATED = /@generated\b/;
/** A line of a comment, as the header of a file in these languages holds them. */
const COMMENT_LINE = /^\s*(?:\/\/|#|\/\*|\*)/;

/**
 * Where a file says it is generated: Go's line anywhere before the code
 * (as `go vet` reads it, before the package clause, so any comment line of
 * the header), or `@generated` in a comment of the header; never a string
 * or a comment further down.
 */
function generatedMark(text: string): { line: number; marker: string } | undefined {
  const lines = text.slice(0, 8192).split('\n');
  let inBlock = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const comment = inBlock || COMMENT_LINE.test(line);
    if (!comment) return undefined;
    if (line.includes('/*')) inBlock = true;
    if (line.includes('*/')) inBlock = false;
    if (GO_GENERATED.test(line.trim())) return { line: i + 1, marker: line.trim() };
    if (AT_GENERATED.test(line)) return { line: i + 1, marker: '@generated' };
  }
  return undefined;
}
const OPT_OUT = /^(?:\/\/|#|\/\*+)\s*readiness-gate\s+waive=([a-z0-9-]+)\s*(?::\s*(.*?))?\s*(?:\*\/)?$/is;

/** The comments of each grammar, as tree-sitter names them: an opt-out is a comment, never text in a string. */
const COMMENTS: Record<Grammar, string> = {
  python: '(comment) @comment',
  go: '(comment) @comment',
  javascript: '(comment) @comment',
  typescript: '(comment) @comment',
  tsx: '(comment) @comment',
  java: '[(line_comment) (block_comment)] @comment',
  rust: '[(line_comment) (block_comment)] @comment',
};

function readCodeOptOuts(grammar: Grammar, tree: Tree, text: string): OptOut[] {
  const out: OptOut[] = [];
  // Most files opt out of nothing: no need to look at their comments.
  if (!text.includes('readiness-gate')) return out;
  for (const { node } of queryFor(grammar, COMMENTS[grammar]).captures(tree.rootNode)) {
    if (!node.text.includes('readiness-gate')) continue;
    const match = OPT_OUT.exec(node.text.trim());
    if (match) {
      out.push({ ruleId: match[1]!.toLowerCase(), reason: reasonOf(match[2] ?? ''), line: node.startPosition.row + 1 });
    }
  }
  return out;
}

export function parseCode(text: string, path: string): CodeView {
  const found = languageOf(path);
  if (!found) throw new Error(`${path} is not a source file of a language the gate reads`);
  const mark = generatedMark(text);
  if (mark) return { path, text, ...found, generated: true, generatedAt: mark, optOuts: [] };
  const tree = parseWith(found.grammar, text);
  const unparsed = tree.rootNode.hasError ? unparsedIn(tree) : undefined;
  return {
    path,
    text,
    ...found,
    generated: false,
    ...(unparsed ? { unparsed } : {}),
    optOuts: readCodeOptOuts(found.grammar, tree, text),
    tree,
  };
}

/** The places the grammar could not parse (ERROR nodes, and what it had to assume missing): the first, and how many. */
function unparsedIn(tree: Tree): { line: number; count: number } | undefined {
  const errors = tree.rootNode.descendantsOfType('ERROR').filter((n) => n !== null);
  let first = errors[0]?.startPosition.row;
  let count = errors.length;
  if (count === 0) {
    // Only MISSING nodes: find them with a walk, bounded by the tree's size.
    const cursor = tree.walk();
    let seen = 0;
    for (let more = true; more && seen < 1_000_000; seen++) {
      if (cursor.currentNode.isMissing) {
        count++;
        first ??= cursor.startPosition.row;
      }
      more = cursor.gotoFirstChild() || cursor.gotoNextSibling();
      while (!more && cursor.gotoParent()) more = cursor.gotoNextSibling();
    }
    cursor.delete();
  }
  return first === undefined ? undefined : { line: first + 1, count };
}

/** Code no team writes by hand (vendored, built, installed): one spec, so its matcher is compiled once. */
const NOT_EXCLUDED = { paths: ['**'], exclude: DEFAULT_CODE_EXCLUDE };

function selected(path: string, settings: DocumentSettings): boolean {
  const found = languageOf(path);
  if (!found || !settings.code.languages.includes(found.language)) return false;
  if (!selectsPath(NOT_EXCLUDED, path)) return false;
  return selectsPath(settings.code, path);
}

/**
 * The queries the rules have asked of each grammar, in the order first
 * asked, each with the text gates it was asked with (undefined: none): each
 * file runs, in one pass, those whose gate its text passes.
 */
const asked = new Map<Grammar, Map<string, Set<TextGate | undefined>>>();
/** The one pass of each set of queries as planned: the queries, where each one's patterns start, and the combined query. */
const plans = new Map<string, { sources: readonly string[]; starts: number[]; query: ReturnType<typeof queryFor> }>();
/** Each file's matches by query, from its one pass. */
const passes = new WeakMap<CodeView, Map<string, QueryMatch[]>>();
/** Each file's answer to each text gate, tested once. */
const gated = new WeakMap<CodeView, Map<RegExp, boolean>>();
let textGates = true;

/**
 * Runs `check` with every text gate open: every query on every file, as if
 * no rule had said what a file must hold. The gates are only worth their
 * speed if they change no finding; the tests hold them to it.
 */
export function withoutTextGates<T>(check: () => T): T {
  textGates = false;
  try {
    return check();
  } finally {
    textGates = true;
  }
}

function passesGate(file: CodeView, gate: TextGate | undefined): boolean {
  if (gate === undefined || !textGates) return true;
  if (!(gate instanceof RegExp)) return gate.every((one) => passesGate(file, one));
  let answers = gated.get(file);
  if (!answers) gated.set(file, (answers = new Map()));
  let answer = answers.get(gate);
  if (answer === undefined) answers.set(gate, (answer = gate.test(file.text)));
  return answer;
}

/**
 * A query's matches on a file. The queries the rules ask of the file's
 * grammar run as one query, in one walk of the tree, the first time any is
 * asked; each takes its own patterns' matches. A query whose text gate the
 * file fails has none, and stays out of the file's pass. A query first
 * asked after that pass (the run's first file, or a rule that asks only
 * sometimes) runs alone, and joins the pass from the next file on.
 */
function matchesOnce(file: CodeView, source: string, gate: TextGate | undefined): QueryMatch[] {
  const { grammar, tree } = file;
  let known = asked.get(grammar);
  if (!known) asked.set(grammar, (known = new Map()));
  let gates = known.get(source);
  if (!gates) known.set(source, (gates = new Set()));
  gates.add(gate);
  if (!passesGate(file, gate)) return [];
  let pass = passes.get(file);
  if (!pass) {
    const wanted: string[] = [];
    for (const [one, gates] of known) if ([...gates].some((g) => passesGate(file, g))) wanted.push(one);
    passes.set(file, (pass = onePass(grammar, tree!, wanted)));
  }
  const found = pass.get(source);
  if (found) return found;
  return queryFor(grammar, source).matches(tree!.rootNode).map(asMatch);
}

function onePass(
  grammar: Grammar,
  tree: NonNullable<CodeView['tree']>,
  sources: readonly string[],
): Map<string, QueryMatch[]> {
  const { starts, query } = planFor(grammar, sources);
  const out = new Map<string, QueryMatch[]>(sources.map((s) => [s, []]));
  for (const m of query.matches(tree.rootNode)) {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > m.patternIndex) i--;
    out.get(sources[i]!)!.push(asMatch(m));
  }
  return out;
}

/** Each query's number, for the key of a set of them. */
const numbers = new Map<string, number>();

/** The combined query of these queries, and where each one's patterns start in it; planned once for each set. */
function planFor(grammar: Grammar, sources: readonly string[]) {
  let key: string = grammar;
  for (const source of sources) {
    let n = numbers.get(source);
    if (n === undefined) numbers.set(source, (n = numbers.size));
    key += `,${n}`;
  }
  let plan = plans.get(key);
  if (!plan) {
    const combined = sources.length === 1 ? sources[0]! : sources.join('\n');
    const starts: number[] = [];
    let count = 0;
    for (const source of sources) {
      starts.push(count);
      count += queryFor(grammar, source).patternCount();
    }
    plan = { sources: [...sources], starts, query: queryFor(grammar, combined) };
    plans.set(key, plan);
  }
  return plan;
}

function asMatch(m: { captures: { name: string; node: Node }[] }): QueryMatch {
  const captures: Record<string, Node> = {};
  for (const c of m.captures) captures[c.name] = c.node;
  return { captures };
}

function context(file: CodeView, path: string, _settings: DocumentSettings, facts: Facts): CodeContext {
  const changed = facts.changedLines?.get(path);
  const said = new Set<OptOut>();
  return {
    file,
    ...(changed ? { changed } : {}),
    matches(queries, when) {
      const source = queries[file.grammar];
      if (!source || !file.tree) return [];
      return matchesOnce(file, source, when?.[file.grammar]);
    },
    reports(ruleId, code, out) {
      const line = code.startPosition.row + 1;
      if (changed && !touches(changed, line, code.endPosition.row + 1)) return false;
      const waiver = file.optOuts.find((o) => o.ruleId === ruleId && (o.line === line || o.line === line - 1));
      if (!waiver) return true;
      if (waiver.reason === '' && !said.has(waiver)) {
        said.add(waiver);
        out.push({
          message: `The opt-out of ${ruleId} gives no reason. Write it after a colon: "readiness-gate waive=${ruleId}: why".`,
          line: waiver.line,
          column: 1,
          alwaysError: true,
        });
      }
      return false;
    },
  };
}

export const codeKind: DocumentKind<'code', CodeView, CodeContext> = {
  id: 'code',
  waive:
    "A comment on the line or the line above, `// readiness-gate waive=RULE: reason` (`#` in Python); the reason is listed with the report's waivers, and a waiver without one is an error.",
  weighed: true,
  judgesChangedLines: true,
  bound: codeFiles,
  select: selected,
  async prepare(paths) {
    const grammars = paths.flatMap((p) => languageOf(p)?.grammar ?? []);
    if (grammars.length > 0) await load(grammars);
  },
  parse: parseCode,
  context,
  dispose: (file) => {
    file.tree?.delete();
    delete file.tree;
  },
  waivers: (file) => optOutWaivers(file.path, file.optOuts),
};
