// Builds the committed bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// Deterministic: same sources and lock file, same bytes, so CI can compare.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

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
