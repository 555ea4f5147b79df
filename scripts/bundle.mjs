// Builds the committed bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// Deterministic: same sources and lock file, same bytes, so CI can compare.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

const entries = { index: 'src/index.ts', cli: 'src/cli-entry.ts' };

// @actions/core imports its OIDC client, and with it an HTTP client and undici
// (400 KB), at load time, though only getIDToken() uses them and this action
// never calls it. Marking those modules free of side effects lets esbuild drop
// them when nothing uses their exports; anything that does keeps them.
const unusedOidc = {
  name: 'unused-oidc',
  setup(b) {
    b.onResolve({ filter: /oidc-utils\.js$|^@actions\/http-client|^undici$/ }, async (args) => {
      if (args.pluginData === 'unused-oidc') return undefined;
      const result = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'unused-oidc',
      });
      return { ...result, sideEffects: false };
    });
  },
};
await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
  outdir: 'dist',
  // Code loaded only on some runs (the proxy-aware client) goes in chunks of its own.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [unusedOidc],
  // CommonJS dependencies (undici, @actions/*) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);",
  },
});

// tree-sitter's runtime and the grammars the code kind reads are WebAssembly, loaded only by a run that has
// source files: copied beside the bundle, each with its package's licence.
const WASM = [
  ['web-tree-sitter', 'tree-sitter.wasm'],
  ['tree-sitter-go', 'tree-sitter-go.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
  ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-java', 'tree-sitter-java.wasm'],
  ['tree-sitter-rust', 'tree-sitter-rust.wasm'],
];
await mkdir('dist/grammars', { recursive: true });
for (const [pkg, file] of WASM) {
  const from = path.join('node_modules', pkg);
  await copyFile(path.join(from, file), path.join('dist/grammars', file));
  await copyFile(path.join(from, 'LICENSE'), path.join('dist/grammars', `${pkg}.LICENSE`));
}
