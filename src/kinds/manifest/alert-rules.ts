/**
 * Prometheus alerting rules and where their runbooks are. Rules are read
 * from the shapes teams keep them in: a rule file (`groups: [{name, rules}]`,
 * what Prometheus loads), a `PrometheusRule` object (`spec.groups`, what the
 * Prometheus Operator loads), and a single rule on its own (a top-level map
 * with `alert:` and `expr:`, as charts keep them for a template to include
 * with `.Files.Glob`). Recording rules (`record:`) are not alerts.
 *
 * Such files are often Helm templates. A literal a template assigns and uses
 * in the same file (`{{- $alert := "CNPGClusterOffline" -}}`, `{{ $alert }}`)
 * is resolved; steering lines (`if`, `range`, `end`) are dropped; any other
 * directive is a value the gate cannot see, so an annotation built by one is
 * unverifiable, never a false "missing".
 */
import { isMap, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { HELM_VALUE, renderStatically } from './helm.js';
import { KUBECTL_YAML, reader, scalar, type Reader } from '../yaml-fields.js';
import { positionOf } from '../../model/yaml-position.js';
import { repositoryPath } from '../../model/link-targets.js';
import type { AlertSpec, Repository } from '../../model/spec.js';

export type { AlertSpec };

export interface Located<T> {
  value: T;
  line: number;
  column: number;
  /**
   * The template conditions (`if .Values.runbooks.enabled`) it is written
   * under that its alert is not: what the chart's values decide.
   */
  when?: string[];
}

export interface AlertRule {
  /** The alert's name; `{{…}}` where a directive writes it. */
  name: string;
  line: number;
  column: number;
  /** Its annotations with a value the gate can read, by key. */
  annotations: Record<string, Located<string>>;
  /**
   * Annotations written by a directive the gate cannot resolve: the whole
   * map (`true`), or these keys (a value built by a directive). What they
   * hold is unverifiable, never missing.
   */
  hidden: true | string[];
  severity?: Located<string>;
  /** `expr` and `for` as written, for telling a changed alert from an unchanged one. */
  expr?: string;
  for?: string;
  /** The name of its group, and its labels as written: with its name, what tells it from its siblings. */
  group?: string;
  labels: Record<string, string>;
}

/** Whether a text may hold an alerting rule: an `alert:` key anywhere, in block or flow style. Cheap, to leave other YAML alone. */
export function mayHoldAlerts(text: string): boolean {
  // Most YAML never says "alert": one substring search settles it before the pattern runs.
  return text.includes('alert') && /(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)["']?alert["']?[ \t]*:/m.test(text);
}

/** A text parsed as kubectl reads YAML (`KUBECTL_YAML`, no pretty errors, duplicate keys allowed), with its lines. */
export interface ParsedYaml {
  text: string;
  docs: ReturnType<typeof parseAllDocuments>;
  lineCounter: LineCounter;
}

/**
 * The alerting rules in a file's text, in order; none when it does not
 * parse. `parsed`: the same text parsed already (as a manifest), read
 * instead of parsing it again when the text is plain YAML.
 */
export function readAlerts(text: string, parsed?: ParsedYaml): AlertRule[] {
  if (!mayHoldAlerts(text)) return [];
  const templated = text.includes('{{');
  const { yaml, hidden } = templated ? renderStatically(resolveLiterals(text), undefined) : { yaml: text, hidden: [] };
  const directives = hidden.map((h) => ({ line: h.line, indent: h.indent }));
  const conditions = templated ? conditionsByLine(text) : [];
  // A plain file's parse as a manifest is this parse: the same text, the same options.
  const shared = !templated && parsed?.text === text ? parsed : undefined;
  const lineCounter = shared?.lineCounter ?? new LineCounter();
  const docs =
    shared?.docs ?? parseAllDocuments(yaml, { ...KUBECTL_YAML, lineCounter, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(docs)) return [];
  const out: AlertRule[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    const at = reader(doc);
    const root = at(doc.contents);
    if (!isMap(root)) continue;
    const rules: { node: unknown; group?: string }[] = [];
    const groupsOf = (node: unknown) => {
      const groups = at(node);
      if (!isSeq(groups)) return;
      for (const group of groups.items) {
        const list = at(group, 'rules');
        const name = scalar(at(group, 'name'));
        if (isSeq(list))
          rules.push(...list.items.map((n) => ({ node: n, ...(typeof name === 'string' ? { group: name } : {}) })));
      }
    };
    if (scalar(at(root, 'kind')) === 'PrometheusRule') groupsOf(at(root, 'spec', 'groups'));
    else if (at(root, 'groups') !== undefined) groupsOf(at(root, 'groups'));
    else if (at(root, 'alert') !== undefined && at(root, 'expr') !== undefined) rules.push({ node: root });
    for (const { node, group } of rules) {
      const rule = alertRule(at, lineCounter, node, directives, conditions);
      if (rule) out.push({ ...rule, ...(group !== undefined ? { group } : {}) });
    }
  }
  return out;
}

/** `directives`: the whole-line directives the gate dropped without knowing what they write, and their columns. */
function alertRule(
  at: Reader,
  counter: LineCounter,
  node: unknown,
  directives: { line: number; indent: number }[],
  conditions: readonly (readonly Condition[])[] = [],
): AlertRule | undefined {
  const rule = at(node);
  if (!isMap(rule)) return undefined;
  const alertNode = at(rule, 'alert');
  const name = scalar(alertNode);
  if (name === undefined || name === null) return undefined;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  const shown = (value: string) => value.replaceAll(HELM_VALUE, '{{…}}');
  const located = (n: unknown): Located<string> | undefined => {
    const value = text(scalar(n));
    return value === undefined ? undefined : { value, ...positionOf(counter, n) };
  };
  const annotationsNode = at(rule, 'annotations');
  const annotations: Record<string, Located<string>> = {};
  const builtKeys: string[] = [];
  if (isMap(annotationsNode)) {
    for (const pair of annotationsNode.items) {
      const key = scalar(pair.key);
      if (typeof key !== 'string') continue;
      const value = located(at(pair.value));
      if (value?.value.includes(HELM_VALUE)) builtKeys.push(key);
      else if (value) {
        // Conditions around the annotation that do not hold the whole rule: the values decide whether it is written.
        const own = new Set(conditions[positionOf(counter, alertNode).line - 1] ?? []);
        const when = (conditions[value.line - 1] ?? []).filter((c) => !own.has(c)).map((c) => c.text);
        annotations[key] = { ...value, value: value.value.trim(), ...(when.length > 0 ? { when } : {}) };
      }
    }
  }
  // What a directive the gate dropped may write: within the annotations, any annotation; without them, an
  // `annotations` map, but only from the rule's own key column (a directive deeper writes inside labels or expr).
  // A key a directive writes may be any key.
  const writes = (n: unknown, slack: number, column?: number) => {
    const range = (n as { range?: [number, number, number] | null }).range;
    if (!range) return false;
    const [from, to] = [counter.linePos(range[0]).line, counter.linePos(range[2]).line];
    return directives.some(
      (d) => d.line >= from && d.line <= to + slack && (column === undefined || d.indent === column),
    );
  };
  const keyColumn = positionOf(counter, rule.items[0]?.key).column - 1;
  const hidden: true | string[] =
    hasValueKey(annotationsNode) ||
    (annotationsNode === undefined ? writes(rule, 1, keyColumn) : writes(annotationsNode, 1))
      ? true
      : builtKeys;
  const severity = located(at(rule, 'labels', 'severity'));
  const labelsNode = at(rule, 'labels');
  const labels: Record<string, string> = {};
  if (isMap(labelsNode)) {
    for (const pair of labelsNode.items) {
      const key = scalar(pair.key);
      const value = text(scalar(at(pair.value)));
      if (typeof key === 'string' && value !== undefined) labels[key] = value;
    }
  }
  const expr = text(scalar(at(rule, 'expr')));
  const duration = text(scalar(at(rule, 'for')));
  return {
    name: shown(String(name)),
    ...positionOf(counter, alertNode),
    annotations,
    hidden,
    ...(severity && !severity.value.includes(HELM_VALUE) ? { severity } : {}),
    ...(expr !== undefined ? { expr } : {}),
    ...(duration !== undefined ? { for: duration } : {}),
    labels,
  };
}

/** An `if` or `with` a template opened: its text, one object for every line it holds. */
interface Condition {
  text: string;
}

/**
 * The `if`/`with` conditions open at each line of a template, outermost
 * first (index 0 is line 1): `else` turns one into its negation, `range`
 * and `define` are kept on the stack so their `end` closes them. Directives
 * are found by string scans, as everywhere the pull request's text is read.
 */
function conditionsByLine(text: string): (readonly Condition[])[] {
  const out: (readonly Condition[])[] = [];
  let stack: (Condition | undefined)[] = [];
  for (const line of text.split('\n')) {
    // A line is under what was open when it started.
    const before = stack;
    let at = 0;
    for (;;) {
      const open = line.indexOf('{{', at);
      if (open < 0) break;
      const close = line.indexOf('}}', open + 2);
      if (close < 0) break;
      at = close + 2;
      const body = line
        .slice(open + 2, close)
        .replace(/^-/, '')
        .replace(/-$/, '')
        .trim();
      const word = /^(if|with|range|define|block|else|end)\b/.exec(body)?.[1];
      if (word === undefined) continue;
      if (word === 'end') stack = stack.slice(0, -1);
      else if (word === 'else') {
        const last = stack.at(-1);
        stack = [...stack.slice(0, -1), last ? { text: `not (${last.text})` } : undefined];
      } else stack = [...stack, word === 'if' || word === 'with' ? { text: body.slice(0, 80) } : undefined];
    }
    out.push(before.filter((c): c is Condition => c !== undefined));
  }
  return out;
}

/** A map one of whose keys a directive wrote (`{{ $key }}: …`): it may hold any key. */
function hasValueKey(node: unknown): boolean {
  return isMap(node) && node.items.some((pair) => String(scalar(pair.key) ?? '').includes(HELM_VALUE));
}

/**
 * The values given to `annotation` anywhere in a text, found line by line
 * without parsing it: what the run must read before the alerts are checked,
 * on the main thread, where a YAML parse of a hostile file would have no
 * time bound (the check itself parses in a budgeted thread). It may find
 * more than the alerts link (a commented-out line); a few extra reads cost
 * less than a runbook missed, which the rule would take for absent.
 */
export function runbookUrlsIn(text: string, annotation: string): string[] {
  if (!text.includes(annotation)) return [];
  const lines = (text.includes('{{') ? resolveLiterals(text) : text).split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    let from = 0;
    for (;;) {
      const at = line.indexOf(annotation, from);
      if (at < 0) return;
      from = at + annotation.length;
      const before = line.slice(0, at).replace(/["']$/, '');
      if (!/(?:^|[\s{,]|^\s*-)$/.test(before)) continue;
      const rest = line.slice(from).replace(/^["']/, '');
      const colon = /^[ \t]*:[ \t]*/.exec(rest);
      if (!colon) continue;
      let value = rest.slice(colon[0].length);
      // A block scalar (`runbook_url: >-`): the value is on the next line.
      if (/^[|>][-+]?\s*$/.test(value)) value = (lines[i + 1] ?? '').trim();
      const quoted = /^"([^"]*)"|^'([^']*)'/.exec(value);
      const url = quoted ? (quoted[1] ?? quoted[2]!) : value.split(/[\s,}]|\s#/)[0]!;
      if (url !== '') out.push(url);
    }
  });
  return out;
}

/** The fragment of a URL (`#alert-name-x`), decoded; undefined when it has none. */
function fragmentOf(url: string): string | undefined {
  const at = url.indexOf('#');
  if (at < 0 || at === url.length - 1) return undefined;
  return decoded(url.slice(at + 1).trim());
}

/** A URL part percent-decoded, or as written when its escapes are not valid UTF-8 (the pull request's text). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * `{{- $name := "literal" -}}` assignments, and the uses of those names in
 * the same file, resolved; each assignment line blanked (it writes
 * nothing). A name assigned twice is not resolved.
 */
function resolveLiterals(text: string): string {
  const assigned = new Map<string, string | null>();
  const ASSIGN = /^[ \t]*\{\{-?[ \t]*\$([A-Za-z_]\w*)[ \t]*:=[ \t]*"([^"\\{}]*)"[ \t]*-?\}\}[ \t]*$/gm;
  for (const [, name, value] of text.matchAll(ASSIGN)) {
    assigned.set(name!, assigned.has(name!) ? null : value!);
  }
  if (assigned.size === 0) return text;
  return text.replace(ASSIGN, '').replace(/\{\{-?[ \t]*\$([A-Za-z_]\w*)[ \t]*-?\}\}/g, (use, name: string) => {
    const value = assigned.get(name);
    return typeof value === 'string' ? value : use;
  });
}

export type RunbookTarget =
  /**
   * A file of this repository, at the head commit; `ref`, the branch or
   * commit a GitHub URL names; `anchor`, the section its fragment names.
   */
  | { kind: 'file'; path: string; ref?: string; anchor?: string }
  /** A URL with `.` or `..` segments (`%2e%2e` too): the page a browser opens is not the file the path names. */
  | { kind: 'dotted' }
  /** A prefix of `runbooks.external`: accepted, not checked. */
  | { kind: 'external' }
  /** Anywhere else: the gate cannot tell it exists. */
  | { kind: 'elsewhere' };

/**
 * Where an alert's runbook URL points: a file of this repository through an
 * `alerts.runbook-urls` prefix (the rest of the URL under its `path`, `.md`
 * added when the last part has no extension) or a GitHub URL to this
 * repository (any branch or commit); a `runbooks.external` prefix; or
 * elsewhere. Prefixes match without regard to case, as hosts do.
 */
export function resolveRunbookUrl(
  url: string,
  spec: Pick<AlertSpec, 'runbookUrls'>,
  external: readonly string[],
  repository?: Repository,
): RunbookTarget {
  const bare = url.trim().replace(/[?#].*$/, '');
  const lower = bare.toLowerCase();
  const anchor = fragmentOf(url);
  const withAnchor = anchor !== undefined ? { anchor } : {};
  // A browser takes `..` out of the URL before it asks (`/runbooks/../x` is `/x`), where the prefix no longer holds; in
  // an http(s) URL it reads `\` as `/` too (the WHATWG URL standard).
  if (/(?:^|[/\\])(?:\.|%2e){1,2}(?:[/\\]|$)/i.test(bare.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\]*/i, '')))
    return { kind: 'dotted' };
  for (const { prefix, path } of spec.runbookUrls) {
    if (!lower.startsWith(prefix.toLowerCase())) continue;
    let rest = bare.slice(prefix.length).replace(/^\/+/, '');
    if (rest === '') return { kind: 'elsewhere' };
    const last = rest.slice(rest.lastIndexOf('/') + 1);
    if (!last.includes('.')) rest = `${rest}.md`;
    const file = repositoryPath(`${path.replace(/\/*$/, path === '' ? '' : '/')}${rest}`);
    return file ? { kind: 'file', path: file, ...withAnchor } : { kind: 'elsewhere' };
  }
  const github = /^https?:\/\//i.test(bare) && repository ? repositoryPath(bare, repository) : undefined;
  const ref = /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/(?:blob|tree|raw)\/([^/]+)\//i.exec(bare)?.[1];
  if (github && ref !== undefined) return { kind: 'file', path: github, ref: decoded(ref), ...withAnchor };
  if (external.some((prefix) => lower.startsWith(prefix.toLowerCase()))) return { kind: 'external' };
  return { kind: 'elsewhere' };
}
