// Writes src/services/backstage-schemas.json: the JSON Schemas Backstage's own
// @backstage/catalog-model ships (the entity envelope, metadata, common
// definitions and each built-in kind), which its catalog validates entities
// against. The package does not export them, so they are taken from its dist/
// folder; test/services/catalog.test.ts checks the file is what the installed
// package holds. Run after upgrading the package: node scripts/backstage-schemas.mjs
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function backstageSchemas() {
  const root = path.resolve('node_modules/@backstage/catalog-model');
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const dir = path.join(root, 'dist/schema');
  const files = [
    ...(await readdir(dir)).map((f) => f),
    ...(await readdir(path.join(dir, 'shared'))).map((f) => `shared/${f}`),
    ...(await readdir(path.join(dir, 'kinds'))).map((f) => `kinds/${f}`),
  ].filter((f) => f.endsWith('.schema.json.esm.js'));
  const schemas = {};
  for (const file of files.sort()) {
    const { default: schema } = await import(pathToFileURL(path.join(dir, file)).href);
    schemas[file.replace('.esm.js', '')] = schema;
  }
  return { source: `@backstage/catalog-model@${version}`, schemas };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile('src/services/backstage-schemas.json', `${JSON.stringify(await backstageSchemas(), null, 1)}\n`);
}
