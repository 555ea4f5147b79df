// Preloaded (node --import) into a process the bench runs: prints its peak resident memory on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
