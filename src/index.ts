// The action's entry (dist/index.js). Do not add logic here: see main.ts.
import { serveCheckThread, setCheckScript } from './budget.js';
import { run } from './main.js';

// The same file runs the checking threads (see budget.ts).
if (!(await serveCheckThread())) {
  setCheckScript(new URL(import.meta.url));
  await run();
}
