// Builds the committed bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// Deterministic: same sources and lock file, same bytes, so CI can compare.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

const entries = { index: 'src/index.ts', cli: 'src/cli-entry.ts' };
await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  charset: 'utf8',
  logLevel: 'warning',
  // CommonJS dependencies (undici, @actions/*) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);",
  },
});
