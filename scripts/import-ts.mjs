// Imports a TypeScript module of src/ from a script: esbuild bundles it (packages left as imports)
// into node_modules/.cache, where Node resolves those imports, and the script imports the result.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importTs(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const dir = path.resolve('node_modules/.cache/readiness-gate');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${entry.replace(/[^\w.-]+/g, '_')}.mjs`);
  await writeFile(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}
