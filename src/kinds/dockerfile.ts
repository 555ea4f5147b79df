/**
 * A Dockerfile (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`,
 * in any case), parsed as the Docker tooling parses it (`dockerfile-ast`,
 * the parser of VS Code's Docker support): parser directives (`# escape=\``),
 * continuation lines joined, heredocs (`COPY <<EOF` … `EOF`) kept inside
 * their instruction, so a `CMD` line in a heredoc's body is no instruction.
 * The final stage is what runs, and it inherits what it does not set from
 * the stage it is built `FROM` (`FROM base`): its `CMD`, `ENTRYPOINT` and
 * `HEALTHCHECK`. An opt-out is a comment `# readiness-gate waive=<rule-id>:
 * <reason>`.
 */
import type { DockerfileParser } from 'dockerfile-ast';
import { deploymentFiles, type DocumentKind } from './kind.js';
import { optOutWaivers, readOptOuts, type OptOut } from './opt-out.js';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
  /** Its last line: an instruction continued with the escape character spans several. */
  endLine: number;
}

export interface DockerfileView {
  path: string;
  instructions: Instruction[];
  /** What the image runs with: the final stage, after the instructions of the stages it is built from. */
  final: Instruction[];
  optOuts: OptOut[];
}

export interface DockerfileContext {
  file: DockerfileView;
}

// Case-insensitive, as `docker build` falls back to a lowercase `dockerfile`.
const NAME = /(?:^|\/)(?:Dockerfile(?:\.[^/]*)?|[^/]+\.Dockerfile|Containerfile)$/i;

/** dockerfile-ast, with the VS Code types it brings (an eighth of the checking code): loaded by a run that reads a Dockerfile. */
let parser: typeof DockerfileParser | undefined;

async function loadParser(): Promise<void> {
  // A CommonJS package: bundled, its exports are the namespace's default; run from source, named too.
  const loaded: {
    DockerfileParser?: typeof DockerfileParser;
    default?: { DockerfileParser: typeof DockerfileParser };
  } = await import('dockerfile-ast');
  parser ??= loaded.DockerfileParser ?? loaded.default?.DockerfileParser;
  if (!parser) throw new Error('dockerfile-ast has no DockerfileParser');
}

export function parseDockerfile(text: string, path: string): DockerfileView {
  if (!parser) throw new Error('the Dockerfile parser is not loaded');
  const parsed = parser.parse(text);
  const escape = parsed.getEscapeCharacter();
  const instructions: Instruction[] = parsed.getInstructions().map((ins) => ({
    keyword: ins.getKeyword().toUpperCase(),
    args: joinLines(ins.getRawArgumentsContent() ?? '', escape),
    line: ins.getRange().start.line + 1,
    endLine: ins.getRange().end.line + 1,
  }));
  return { path, instructions, final: finalStage(instructions), optOuts: readOptOuts(text) };
}

/** An instruction's arguments on one line: each escaped line break a space, comment lines inside it dropped. */
function joinLines(args: string, escape: string): string {
  const lines = args.split(/\r?\n/);
  const out: string[] = [];
  let continued = false;
  for (const line of lines) {
    if (continued && line.trim().startsWith('#')) continue;
    const trimmed = line.trimEnd();
    continued = trimmed.endsWith(escape);
    out.push((continued ? trimmed.slice(0, -escape.length) : line).trim());
  }
  return out.join(' ').trim();
}

/**
 * The final stage's instructions after those of the stages it is built from:
 * `FROM base` inherits base's `CMD`, `ENTRYPOINT` and `HEALTHCHECK` unless it
 * sets its own, so the last of each in this list is what runs; a stage that
 * sets an `ENTRYPOINT` and no `CMD` inherits no `CMD`, as Docker resets it.
 */
function finalStage(instructions: Instruction[]): Instruction[] {
  const stages: { name: string | undefined; image: string; body: Instruction[] }[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const [image = '', as, name] = ins.args.replace(/--\S+\s+/g, '').split(/\s+/);
      stages.push({
        name: as?.toLowerCase() === 'as' ? name?.toLowerCase() : undefined,
        image: image.toLowerCase(),
        body: [ins],
      });
    } else if (stages.length > 0) stages.at(-1)!.body.push(ins);
  }
  const last = stages.at(-1);
  if (!last) return instructions;
  const chain = [last];
  // Each step goes to an earlier stage, so the chain ends.
  for (let at = stages.length - 1; ;) {
    const image = stages[at]!.image;
    const from = stages.slice(0, at).findLastIndex((s) => s.name === image);
    if (from < 0) break;
    chain.unshift(stages[from]!);
    at = from;
  }
  // An ENTRYPOINT resets the CMD a stage inherits, unless the stage sets its own (BuildKit's `cmdSet`).
  return chain.reduce<Instruction[]>((inherited, { body }) => {
    const has = (keyword: string) => body.some((ins) => ins.keyword === keyword);
    const kept = has('ENTRYPOINT') && !has('CMD') ? inherited.filter((ins) => ins.keyword !== 'CMD') : inherited;
    return [...kept, ...body];
  }, []);
}

export const dockerfileKind: DocumentKind<'dockerfile', DockerfileView, DockerfileContext> = {
  id: 'dockerfile',
  lineBreaks: 'lf',
  waive:
    "A comment in the Dockerfile, `# readiness-gate waive=RULE: reason`; the reason is listed with the report's waivers, and a waiver without one is an error.",
  evidence: true,
  bound: deploymentFiles,
  select: (path) => NAME.test(path),
  prepare: loadParser,
  parse: parseDockerfile,
  context: (file) => ({ file }),
  waivers: (file) => optOutWaivers(file.path, file.optOuts),
};
