// The action's entry (dist/index.js). Do not add logic here: see main.ts.
import { run } from './main.js';

await run();
