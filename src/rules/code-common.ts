/**
 * What the code rules share in reading Rust calls: the path a call names,
 * and the method chain a builder call starts (`Client::builder().timeout(…)
 * .build()`), each call wrapping the one before it.
 */
import type { Node } from 'web-tree-sitter';

/** The path a Rust call names, generics and spaces left out: `mpsc::unbounded_channel` for `mpsc::unbounded_channel::<Job>`. */
export function rustCallee(fn: Node): string {
  const bare = fn.type === 'generic_function' ? (fn.childForFieldName('function') ?? fn) : fn;
  return bare.text.replace(/\s+/g, '');
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
