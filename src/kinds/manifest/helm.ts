/**
 * Helm templates read without rendering them (there is no helm binary, and
 * nothing from a pull request is ever run). Whole-line directives that only
 * steer (`if`, `else`, `end`, `with`, `range`, comments) are dropped; a
 * whole-line `toYaml .Values.x | nindent N` is replaced by the value from the
 * chart's `values.yaml`, written as one flow line so every line keeps its
 * number; a comment over several lines is blanked; any other whole-line directive (`include`, `template`, an unknown
 * value) emits fields the gate cannot see, and is recorded as hidden. Inline
 * directives become HELM_VALUE.
 */
import { keptByText } from '../../model/kept-by-text.js';
import { parse as parseYaml } from 'yaml';

/** What an inline Helm directive (`{{ .Values.x }}`) becomes before a template is parsed: a value the gate cannot see. */
export const HELM_VALUE = 'HELM_VALUE';

/** A whole-line directive that emits text the gate could not resolve. */
export interface HiddenDirective {
  line: number;
  /** The directive, shortened, for the report. */
  text: string;
  /** The column, 0-based, its output starts at: its `nindent N`/`indent N`, else where the directive stands. */
  indent: number;
  /**
   * The line above it at that column is a list entry (`- name: A`): its output
   * continues that list (more `env` entries), as YAML reads entries at their
   * key's own column.
   */
  continuesList: boolean;
}

const STEERING = /^(?:if|else|end|with|range|define|block)\b|^\/\*/;
const TO_YAML = /^toYaml\s+\.Values((?:\.[A-Za-z_][\w-]*)+)\s*\|\s*n?indent\s+(\d+)$/;
/** `toYaml . | nindent N` inside a `with .Values.x`: the value `with` holds. */
const TO_YAML_DOT = /^toYaml\s+\.\s*\|\s*n?indent\s+(\d+)$/;
/**
 * `with .Values.x`, a value path and nothing else: the block renders as the
 * chart's default values say (`with .Values.resources` over `resources: {}`
 * renders nothing). An `if` is read as holding: it is how a chart makes a
 * part optional (`if .Values.collector.create`), and an optional part is
 * judged as if it were on, not skipped.
 */
const ON_VALUE = /^(with)\s+\.Values((?:\.[A-Za-z_][\w-]*)+)$/;

/**
 * A block a template opened: whether the chart's values leave it out
 * (`with .Values.resources` over `resources: {}`), and the value a `with`
 * holds, for `toYaml .` inside it. Undefined where the values do not say.
 */
interface Scope {
  skip: boolean;
  /** The values decide whether it renders (and so whether a later branch does). */
  known: boolean;
  /** What a known `with` holds. */
  value?: unknown;
  /** A branch of this if/else chain rendered already: the later ones do not. */
  taken?: boolean;
}

/** Empty as a template's `if` and `with` read a value: absent, false, 0, "", an empty map or list. */
function empty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A template's text made parseable, with the directives it could not resolve. */
export function renderStatically(text: string, values: unknown): { yaml: string; hidden: HiddenDirective[] } {
  const hidden: HiddenDirective[] = [];
  const source = text.split('\n');
  let inComment = false;
  // The blocks open, outermost first; a line inside one the values leave out is not rendered.
  const scopes: Scope[] = [];
  const skipping = () => scopes.some((s) => s.skip);
  const steer = (body: string) => {
    const word = /^(if|with|range|define|block|else|end)\b/.exec(body)?.[1];
    if (word === 'end') scopes.pop();
    else if (word === 'else') {
      const last = scopes.pop();
      // A later branch renders only when none before it did; what the values decide is known only along a chain
      // of known branches (`else if` on anything else is not).
      const taken = last !== undefined && last.known && (last.taken === true || !last.skip);
      const known = last !== undefined && last.known && (taken || !/^else\s+(?:if|with)\b/.test(body));
      scopes.push({ skip: taken, known, taken });
    } else if (word !== undefined) {
      const on = ON_VALUE.exec(body);
      if (on && values !== undefined) {
        const value = valueAt(values, on[2]!.slice(1).split('.'));
        scopes.push({ skip: empty(value), known: true, value });
      } else scopes.push({ skip: false, known: false });
    }
  };
  const lines = source.map((line, i) => {
    // A template comment over several lines (`{{/*` … `*/}}`) is blanked, each line keeping its number.
    const trimmed = line.trim();
    if (inComment) {
      if (/\*\/\s*-?\}\}\s*$/.test(trimmed)) inComment = false;
      return '';
    }
    if (/^\{\{-?\s*\/\*/.test(trimmed) && !/\*\/\s*-?\}\}/.test(trimmed)) {
      inComment = true;
      return '';
    }
    const all = lineOfDirectives(line);
    if (all === undefined) return skipping() ? '' : inlineDirectives(line);
    const bodies = all.map((d) => d.slice(2, -2).replace(/^-/, '').replace(/-$/, '').trim());
    // `{{- if .Values.a }}{{- end }}`: directives that only steer, however many, write nothing.
    const writing = bodies.findIndex((b) => !STEERING.test(b));
    if (writing < 0) {
      for (const body of bodies) steer(body);
      return '';
    }
    if (skipping()) return '';
    const whole = all[writing]!;
    const body = bodies[writing]!;
    const toYaml = body.length <= 200 ? TO_YAML.exec(body) : null;
    const dot = toYaml || body.length > 200 ? null : TO_YAML_DOT.exec(body);
    const held = [...scopes].reverse().find((s) => s.known && 'value' in s);
    const value = toYaml ? valueAt(values, toYaml[1]!.slice(1).split('.')) : dot ? held?.value : undefined;
    const indentOf = toYaml ? toYaml[2] : dot?.[1];
    // An empty map or list (`podDisruptionBudget: {}`, `extraInitContainers: []`) writes nothing the rules read, and
    // written as `{}` or `[]` among a map's keys or a list's items it would not read as YAML.
    if ((toYaml || dot) && value !== null && typeof value === 'object' && empty(value)) return '';
    if ((toYaml || dot) && value !== undefined && value !== null && typeof value === 'object') {
      // A list's toYaml is a block sequence, which may stand at its key's own column (`hosts:` over `- "*"`); written
      // as one flow line it must stand deeper than the key.
      const indent = Number(indentOf) + (Array.isArray(value) ? 2 : 0);
      return `${' '.repeat(indent)}${JSON.stringify(value)}`;
    }
    const indented = /\bn?indent\s+(\d+)\s*$/.exec(body.length <= 400 ? body : '');
    const indent = indented ? Number(indented[1]) : line.length - line.trimStart().length;
    hidden.push({
      line: i + 1,
      text: whole.length > 60 ? `${whole.slice(0, 57)}...` : whole,
      indent,
      continuesList: lineAbove(source, i, indent)?.startsWith('- ') ?? false,
    });
    return '';
  });
  return { yaml: lines.join('\n'), hidden };
}

/** The nearest line above `at` that starts at `column` (blank lines, directives and deeper lines skipped), trimmed. */
function lineAbove(lines: readonly string[], at: number, column: number): string | undefined {
  for (let i = at - 1; i >= 0 && at - i <= 200; i--) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('{{') || trimmed.startsWith('#')) continue;
    const indent = line.length - trimmed.length;
    if (indent < column) return undefined;
    if (indent === column) return trimmed;
  }
  return undefined;
}

/**
 * The directives a line holds and nothing else (`{{- if .x }}{{- end }}`,
 * blanks between them), or undefined. String scans, not a regular
 * expression: the text is the pull request's, and a pattern with nested
 * quantifiers backtracks for minutes on `{{` and spaces.
 */
function lineOfDirectives(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{{') || !trimmed.endsWith('}}') || trimmed.length < 4) return undefined;
  const out: string[] = [];
  let at = 0;
  while (at < trimmed.length) {
    if (!trimmed.startsWith('{{', at)) return undefined;
    const close = trimmed.indexOf('}}', at + 2);
    if (close < 0) return undefined;
    out.push(trimmed.slice(at, close + 2));
    at = close + 2;
    while (trimmed[at] === ' ' || trimmed[at] === '\t') at++;
  }
  // `{{ a }}: {{ b }}` is a line with two inline directives, not one of directives alone.
  return out;
}

/**
 * Each `{{ … }}` on a line replaced by HELM_VALUE, in one pass; an unclosed
 * `{{` is left as it is. A choice written within the line (`{{ if .x -}}
 * stringData: {{- else -}} data: {{- end }}`) is read as its first branch,
 * as an `if` over lines is: the line is what that branch writes.
 */
function inlineDirectives(raw: string): string {
  const line = firstBranch(raw);
  let out = '';
  let at = 0;
  for (;;) {
    const open = line.indexOf('{{', at);
    if (open < 0) break;
    const close = line.indexOf('}}', open + 2);
    if (close < 0) break;
    out += line.slice(at, open) + HELM_VALUE;
    at = close + 2;
  }
  return out + line.slice(at);
}

/** A line that opens an `if` and closes it (with or without an `else`) read as its first branch; else the line. */
function firstBranch(line: string): string {
  const indent = line.length - line.trimStart().length;
  const trimmed = line.trim();
  if (!trimmed.startsWith('{{') || trimmed.length > 400) return line;
  const open = /^\{\{-?\s*if\b[^}]*\}\}/.exec(trimmed);
  if (!open) return line;
  const rest = trimmed.slice(open[0].length);
  const end = /\{\{-?\s*end\s*-?\}\}$/.exec(rest);
  if (!end) return line;
  const body = rest.slice(0, end.index);
  const otherwise = /\{\{-?\s*else\s*-?\}\}/.exec(body);
  const branch = (otherwise ? body.slice(0, otherwise.index) : body).trim();
  // A branch that holds another directive is not a plain choice of text.
  if (branch.includes('{{') || branch.includes('}}')) return line;
  return `${' '.repeat(indent)}${branch}`;
}

/** A chart's values.yaml, or undefined when it is absent or does not parse. */
export function readValues(text: string | null | undefined): unknown {
  return text ? valuesOf(text) : undefined;
}

/** A chart's values, parsed once however many of its templates read them: those of the last 64 charts read. */
const valuesOf = keptByText(64, (text): unknown => {
  try {
    return parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined;
  }
});

function valueAt(values: unknown, path: string[]): unknown {
  let at = values;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at ?? undefined;
}
