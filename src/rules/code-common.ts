/**
 * What the code rules share: every call, matched once a file for all of
 * them, and how they read Rust calls (the path a call names, and the method
 * chain a builder call starts: `Client::builder().timeout(…).build()`, each
 * call wrapping the one before it).
 */
import type { Node } from 'web-tree-sitter';
import type { Grammar } from '../kinds/code/languages.js';

const SCRIPT_CALLS = `[
  (call_expression function: [(identifier) (member_expression)] @fn) @call
  (new_expression constructor: [(identifier) (member_expression)] @fn) @call
]`;

/**
 * Every call, as the timeout, queue and log rules read them: one query a
 * language, asked by each of them, so the file's one pass matches a call
 * once however many rules judge it (each capture is an object made for the
 * rules). `@call` is the call (a `new` too, in JavaScript), `@fn` what it
 * calls (a name, a member, Go's `pkg.Field`: `goSelector`, a Rust path);
 * Java's `@object` and `@method` (`object.method(…)`) and `@new` with its
 * `@type`. The rule that wants a call's arguments reads them from the call
 * (`argumentListOf`), only for a call it judges.
 */
export const CALLS: Partial<Record<Grammar, string>> = {
  python: `(call function: [(attribute) (identifier)] @fn) @call`,
  go: `(call_expression function: (selector_expression) @fn) @call`,
  javascript: SCRIPT_CALLS,
  typescript: SCRIPT_CALLS,
  tsx: SCRIPT_CALLS,
  java: `[
    (method_invocation object: (_) @object name: (identifier) @method) @call
    (object_creation_expression type: (_) @type) @new
  ]`,
  rust: `(call_expression function: [(scoped_identifier) (identifier) (generic_function)] @fn) @call`,
};

/**
 * A node's text, read once however many rules ask: each read of a node's
 * text (or type) is a call into the parser's memory, and every rule reads
 * what each call names.
 */
const texts = new WeakMap<Node['tree'], Map<number, string>>();
export function textOf(node: Node): string {
  // Kept by tree and node id (unique in its tree): a few maps of numbers, not a weak entry a node.
  let ofTree = texts.get(node.tree);
  if (!ofTree) texts.set(node.tree, (ofTree = new Map()));
  let text = ofTree.get(node.id);
  if (text === undefined) ofTree.set(node.id, (text = node.text));
  return text;
}

/**
 * What a Go selector names: `http` and `Get` of `http.Get`, `http.DefaultClient`
 * and `Do` of `http.DefaultClient.Do`. Read from its text, as the grammar
 * has it: the field is the name it ends with, after a dot; blanks and
 * comments around that dot are not the operand's.
 */
export function goSelector(selector: Node): { operand: string; field: string } {
  const text = textOf(selector);
  const field = lastName(text);
  let operand = text.slice(0, text.lastIndexOf('.', text.length - field.length));
  operand = operand.includes('*/')
    ? operand.replace(/(?:\s|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)+$/, '')
    : operand.trimEnd();
  return { operand, field };
}

/** The node types each grammar gives a call's list of arguments: `f(a)`, not a generator or a tagged template. */
const ARGUMENT_LISTS = new Set(['argument_list', 'arguments']);

/** A call's list of arguments, when it has one in parentheses; null otherwise (`print(x for x in y)`, `` tag`…` ``). */
export function argumentListOf(call: Node): Node | null {
  const args = call.childForFieldName('arguments');
  return args && ARGUMENT_LISTS.has(args.type) ? args : null;
}

const COMMENTS = new Set(['comment', 'line_comment', 'block_comment']);

/** The arguments in a list of them, its comments left out. */
export function argumentsIn(args: Node): Node[] {
  return args.namedChildren.filter((n): n is Node => n !== null && !COMMENTS.has(n.type));
}

/**
 * The name a text ends with (`info` of `logger.info`): letters, digits and
 * underscores, any letter beyond ASCII among them. Read backwards: a
 * pattern anchored at the end would be tried from every position of a long
 * chain of calls.
 */
export function lastName(text: string): string {
  let at = text.length;
  while (at > 0) {
    const code = text.charCodeAt(at - 1);
    const word =
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 95 ||
      code > 127;
    if (!word) break;
    at--;
  }
  return text.slice(at);
}

/** The path a Rust call names, generics and spaces left out: `mpsc::unbounded_channel` for `mpsc::unbounded_channel::<Job>`. */
export function rustCallee(fn: Node): string {
  const text = textOf(fn);
  // Only a path with generics needs its node's type read (a call into the parser's memory).
  if (!text.includes('<') || fn.type !== 'generic_function') return text.replace(/\s+/g, '');
  return (fn.childForFieldName('function') ?? fn).text.replace(/\s+/g, '');
}

/** The methods chained on a Rust call, in order, and the last call of the chain (where the code it builds ends). */
export function rustChain(call: Node): { names: string[]; end: Node } {
  const names: string[] = [];
  let end = call;
  while (end.parent?.type === 'field_expression' && end.parent.parent?.type === 'call_expression') {
    names.push(end.parent.childForFieldName('field')?.text ?? '');
    end = end.parent.parent;
  }
  return { names, end };
}
