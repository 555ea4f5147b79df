// The action's entry (dist/index.js). Do not add logic here: see main.ts.
import { isMainThread } from 'node:worker_threads';
import { run } from './main.js';

// The same file runs the checking threads (see budget.ts); the main thread loads the checking code only once its
// first requests are out (main.ts).
if (isMainThread || !(await (await import('./budget.js')).serveCheckThread())) {
  await run(process.env, new URL(import.meta.url));
}
