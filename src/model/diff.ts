/** The lines a unified diff adds, on the new side: what the pull request wrote, not what it kept. */
export function addedLines(patch: string): number[] {
  const out: number[] = [];
  let line = 0;
  let inHunk = false;
  for (const raw of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (header) {
      line = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (raw.startsWith('+')) out.push(line++);
    else if (raw.startsWith(' ')) line++;
    // '-' lines are the old side's; '\ No newline at end of file' is neither.
  }
  return out;
}
