/**
 * tree-sitter, loaded only when a run has source files to read: the
 * runtime and each grammar are WebAssembly (`web-tree-sitter` and the
 * grammars' own published `.wasm` files), so nothing native is built and
 * the action runs on every runner. `load` is the one asynchronous step:
 * after it, parsing and queries are synchronous, as the engine is.
 *
 * The `.wasm` files are found beside the bundle (`dist/grammars/`, copied
 * there by scripts/bundle.mjs) or, running from source, in node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as WebTreeSitter from 'web-tree-sitter';
import type { Language as TsLanguage, Parser as TsParser, Query as TsQuery } from 'web-tree-sitter';
import { GRAMMAR_FILES, type Grammar } from './languages.js';

type TreeSitter = typeof WebTreeSitter;

let runtime: Promise<TreeSitter> | undefined;
const grammars = new Map<Grammar, Promise<void>>();
const loaded = new Map<Grammar, { language: TsLanguage; parser: TsParser }>();
/** The queries compiled, by grammar and source (a source string is hashed once, kept with the string). */
const queries = new Map<Grammar, Map<string, TsQuery>>();

/** Where a `.wasm` file is: beside the bundle, or in its npm package. */
function wasmPath(pkg: string, file: string): string {
  for (const folder of ['./grammars/', '../grammars/']) {
    const beside = fileURLToPath(new URL(`${folder}${file}`, import.meta.url));
    if (existsSync(beside)) return beside;
  }
  return createRequire(import.meta.url).resolve(`${pkg}/${file}`);
}

/** The runtime, once loaded: queries are compiled with it, synchronously. */
let sync: TreeSitter | undefined;

function start(): Promise<TreeSitter> {
  runtime ??= import('web-tree-sitter').then(async (ts) => {
    const core = wasmPath('web-tree-sitter', 'tree-sitter.wasm');
    await ts.Parser.init({ locateFile: () => core });
    sync = ts;
    return ts;
  });
  return runtime;
}

/** Why a grammar could not be loaded, by grammar: its files are then findings, never a crash of the run. */
const failures = new Map<Grammar, string>();

/**
 * Loads these grammars (and the runtime, the first time); each once a
 * process. Never rejects: a grammar that cannot be loaded is remembered,
 * and parsing a file of it throws with the reason, which the engine
 * reports on the file, so the gate fails closed and still publishes.
 */
export async function load(wanted: Iterable<Grammar>): Promise<void> {
  await Promise.all(
    [...new Set(wanted)].map((grammar) => {
      let language = grammars.get(grammar);
      if (!language) {
        language = start()
          .then(async (ts) => {
            const { pkg, file } = GRAMMAR_FILES[grammar];
            const lang = await ts.Language.load(wasmPath(pkg, file));
            const parser = new ts.Parser();
            parser.setLanguage(lang);
            loaded.set(grammar, { language: lang, parser });
          })
          .catch((error: unknown) => {
            failures.set(grammar, error instanceof Error ? error.message.split('\n')[0]! : String(error));
          });
        grammars.set(grammar, language);
      }
      return language;
    }),
  );
}

/** A parse tree of `text`; the caller deletes it (`tree.delete()`), as its memory is WebAssembly's. */
export function parseWith(grammar: Grammar, text: string) {
  const found = loaded.get(grammar);
  if (!found) {
    const why = failures.get(grammar);
    throw new Error(`the ${grammar} grammar ${why ? `could not be loaded (${why})` : 'is not loaded'}`);
  }
  const tree = found.parser.parse(text);
  if (!tree) throw new Error(`tree-sitter gave no tree for this ${grammar} file`);
  return tree;
}

/** A query in a grammar's language, compiled once a process. */
export function queryFor(grammar: Grammar, source: string): TsQuery {
  let compiled = queries.get(grammar);
  if (!compiled) queries.set(grammar, (compiled = new Map()));
  let query = compiled.get(source);
  if (!query) {
    const found = loaded.get(grammar);
    if (!found) throw new Error(`the ${grammar} grammar is not loaded`);
    if (!sync) throw new Error('tree-sitter is not loaded');
    query = new sync.Query(found.language, source);
    compiled.set(source, query);
  }
  return query;
}
