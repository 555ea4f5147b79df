/**
 * A Dockerfile (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`):
 * its instructions with their lines, continuation lines joined, and the
 * final stage (after the last `FROM`), which is what runs. An opt-out is a
 * comment `# readiness-gate waive=<rule-id>: <reason>`.
 */
import { deploymentFiles, type DocumentKind } from './kind.js';
import { optOutWaivers, readOptOuts, type OptOut } from './opt-out.js';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerfileView {
  path: string;
  instructions: Instruction[];
  /** Instructions of the final stage. */
  final: Instruction[];
  optOuts: OptOut[];
}

export interface DockerfileContext {
  file: DockerfileView;
}

// Case-insensitive, as `docker build` falls back to a lowercase `dockerfile`.
const NAME = /(?:^|\/)(?:Dockerfile(?:\.[^/]*)?|[^/]+\.Dockerfile|Containerfile)$/i;

export function parseDockerfile(text: string, path: string): DockerfileView {
  const instructions: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i;
    let joined = first;
    // A trailing backslash continues the instruction; comment lines inside it are dropped.
    while (joined.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.trim();
      joined = next.startsWith('#') ? joined : `${joined.slice(0, -1)} ${next}`;
    }
    // A lone backslash continues into nothing: no instruction.
    const match = /^(\S+)\s*(.*)$/s.exec(joined.trim());
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 });
  }
  const lastFrom = instructions.map((ins) => ins.keyword).lastIndexOf('FROM');
  return { path, instructions, final: instructions.slice(Math.max(lastFrom, 0)), optOuts: readOptOuts(text) };
}

export const dockerfileKind: DocumentKind<'dockerfile', DockerfileView, DockerfileContext> = {
  id: 'dockerfile',
  evidence: true,
  bound: deploymentFiles,
  select: (path) => NAME.test(path),
  parse: parseDockerfile,
  context: (file) => ({ file }),
  waivers: (file) => optOutWaivers(file.path, file.optOuts),
};
