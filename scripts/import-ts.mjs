// Imports a TypeScript module of src/ from a script: esbuild bundles it in memory, Node imports the result.
import { build } from 'esbuild';

export async function importTs(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
