/**
 * Reading a YAML node as Kubernetes reads it (through aliases `*probe` and
 * merge keys `<<: *base`, an explicit key winning over a merged one, the
 * last of a key given twice), and
 * the field reader the views hand their rules: any field below a manifest
 * object, a container or a workflow job, with its value, line and column. A
 * new rule reads what it needs through it; the parser is not changed.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

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
  const field = (node: unknown, key: string | number, depth = 0): unknown => {
    const at = deref(node);
    if (typeof key === 'number') return isSeq(at) ? deref(at.items[key]) : undefined;
    if (!isMap(at) || depth > 8) return undefined;
    // A key given twice: kubectl (go-yaml) keeps the last.
    const own = at.items.findLast((pair) => scalar(pair.key) === key);
    if (own) return deref(own.value);
    // An explicit key wins over a merged one; `<<: [*a, *b]` merges the first that has it.
    for (const pair of at.items) {
      // With `merge: true` the yaml package gives a merge key a symbol for its value; its source is `<<`.
      if (!isScalar(pair.key) || (pair.key as { source?: unknown }).source !== '<<') continue;
      const sources = isSeq(deref(pair.value)) ? (deref(pair.value) as { items: unknown[] }).items : [pair.value];
      for (const source of sources) {
        const found = field(source, key, depth + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return (node, ...path) => path.reduce<unknown>((at, key) => field(at, key), deref(node));
}

/** Where a node starts, 1-based, as findings report it. */
export function positionOf(counter: LineCounter, node: unknown): { line: number; column: number } {
  const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  const { line, col } = counter.linePos(range?.[0] ?? 0);
  return { line, column: col };
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
