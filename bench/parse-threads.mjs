// Parse-only pass split over checking threads as the CLI splits its documents (`chunks`: consecutive runs of about
// as much text each): read and parse every file in each thread, nothing else. The floor under the CLI's wall time on
// this machine with this parser. Usage: node bench/parse-threads.mjs ROOT PATTERN PARSER, PARSER a module with the
// gate's `parseMarkdown` and `chunks` (bench/run.mjs builds it from src/markdown/document.ts and src/concurrency.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { glob } from 'tinyglobby';

if (isMainThread) {
  const [root, pattern, parser] = process.argv.slice(2);
  const { chunks } = await import(pathToFileURL(parser).href);
  const files = (await glob(pattern, { cwd: root })).sort();
  const texts = await Promise.all(files.map(async (f) => ({ text: await readFile(path.join(root, f), 'utf8') })));
  const parts = chunks(texts).map((part) => part.map((f) => f.text));
  const nodes = await Promise.all(
    parts
      .filter((p) => p.length > 0)
      .map(
        (part) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { part, parser } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
  );
  process.stdout.write(`${files.length} ${nodes.reduce((a, b) => a + b, 0)} ${parts.length}\n`);
} else {
  const { part, parser } = workerData;
  const { parseMarkdown } = await import(pathToFileURL(parser).href);
  let nodes = 0;
  for (const text of part) nodes += parseMarkdown(text).children.length;
  parentPort.postMessage(nodes);
}
