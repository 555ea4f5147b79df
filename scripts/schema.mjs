// Writes schema/readiness-gate.schema.json from the zod schema in src/config/schema.ts,
// so editors can complete and check .github/readiness-gate.yml.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';

const out = await build({
  entryPoints: ['src/config/schema.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
const { configSchema } = await import(url);
const z = await import('zod/mini');
const schema = {
  $id: 'https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json',
  title: 'readiness-gate configuration',
  ...z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }),
};
await mkdir('schema', { recursive: true });
await writeFile('schema/readiness-gate.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
