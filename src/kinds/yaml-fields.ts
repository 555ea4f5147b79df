/**
 * Reading a YAML node as Kubernetes reads it: kubectl decodes with go-yaml
 * v2, so YAML 1.1 scalars (`0_0` is 0, `on` and `y` are true, `0777` and
 * `0o17` are octal; `12:30` and `2001-12-14` stay strings), aliases (`*probe`,
 * keys too), and keys and merge keys (`<<: *base`) applied in order, the
 * last one to set a key winning; and
 * the field reader the views hand their rules: any field below a manifest
 * object, a container or a workflow job, with its value, line and column. A
 * new rule reads what it needs through it; the parser is not changed.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type Document,
  type DocumentOptions,
  type LineCounter,
  type ParseOptions,
  type SchemaOptions,
  type ScalarTag,
  type YAMLMap,
} from 'yaml';
import { positionOf } from '../model/yaml-position.js';

/** go-yaml v2's `0o17`, which the YAML 1.1 schema of the `yaml` package leaves a string. */
const octalO: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^[-+]?0o[0-7_]+$/,
  resolve: (text) => {
    const sign = text.startsWith('-') ? -1 : 1;
    return sign * parseInt(text.replace(/^[-+]?0o/, '').replace(/_/g, ''), 8);
  },
};

/**
 * The options that make the `yaml` package read as kubectl does: YAML 1.1,
 * without sexagesimal numbers or timestamps (go-yaml v2 leaves `12:30` and
 * `2001-12-14` strings), with `0o` octals, merge keys on.
 */
export const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  customTags: (tags) => [
    octalO,
    ...tags.filter((tag) => {
      const { format, tag: name } = tag as { format?: string; tag?: string };
      return format !== 'TIME' && name !== 'tag:yaml.org,2002:timestamp';
    }),
  ],
};

/** A field's value (a scalar's, or a map's or list's as plain data) and where the value starts, 1-based. */
export interface Field {
  value: unknown;
  line: number;
  column: number;
}

/** A field by its path below the node (keys, and indexes into lists), or undefined when it is absent. */
export type FieldReader = (...path: (string | number)[]) => Field | undefined;

/** Reads a node's field by path, through aliases and merge keys. */
export type Reader = (node: unknown, ...path: (string | number)[]) => unknown;

/** A scalar node's value, or undefined. */
export const scalar = (node: unknown): unknown => (isScalar(node) ? node.value : undefined);

export function reader(doc: Document): Reader {
  const deref = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  // A merged map's answer for a key is worked out once: merge keys that fan out (`<<: [*a, *a, *a]` nested
  // eight deep) would otherwise be walked once per path through them, billions of steps for a 500-byte file.
  // Maps read directly, nearly all of them, are not memoised: a lookup there is one pass over its keys.
  const memo = new WeakMap<object, Map<string, unknown>>();
  const field = (node: unknown, key: string | number, depth = 0): unknown => {
    const at = deref(node);
    if (typeof key === 'number') return isSeq(at) ? deref(at.items[key]) : undefined;
    if (!isMap(at) || depth > 8) return undefined;
    if (depth === 0) return lookup(at, key, depth);
    let known = memo.get(at);
    if (!known) memo.set(at, (known = new Map()));
    if (known.has(key)) return known.get(key);
    const found = lookup(at, key, depth);
    known.set(key, found);
    return found;
  };
  const lookup = (at: YAMLMap, key: string, depth: number): unknown => {
    // go-yaml v2 applies keys and merge keys in order, each setting what it holds: the last to set the key wins.
    for (let i = at.items.length - 1; i >= 0; i--) {
      const pair = at.items[i]!;
      if (isMergeKey(pair.key)) {
        // `<<: [*a, *b]`: an earlier map takes precedence over a later one.
        const sources = isSeq(deref(pair.value)) ? (deref(pair.value) as { items: unknown[] }).items : [pair.value];
        for (const source of sources) {
          const found = field(source, key, depth + 1);
          if (found !== undefined) return found;
        }
        continue;
      }
      if (scalar(deref(pair.key)) === key) return deref(pair.value);
    }
    return undefined;
  };
  return (node, ...path) => path.reduce<unknown>((at, key) => field(at, key), deref(node));
}

/** A merge key (`<<`): with `merge: true` the yaml package gives it a symbol for its value; its source is `<<`. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key as { source?: unknown }).source === '<<';
}

/** A map key as kubectl reads it: through an alias (`*k : Deployment`), as a scalar. */
export function keyOf(doc: Document, key: unknown): unknown {
  return scalar(isAlias(key) ? key.resolve(doc) : key);
}

/** The field reader rooted at `node`. */
export function fieldReader(doc: Document, counter: LineCounter, node: unknown, at: Reader = reader(doc)): FieldReader {
  return (...path) => {
    const found = at(node, ...path);
    if (found === undefined) return undefined;
    const value = isScalar(found) ? found.value : isNode(found) ? found.toJS(doc, { maxAliasCount: 100 }) : found;
    return { value, ...positionOf(counter, found) };
  };
}
