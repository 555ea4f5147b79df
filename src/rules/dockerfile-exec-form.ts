/**
 * `dockerfile-exec-form`: the final stage's `CMD` and `ENTRYPOINT` (the last
 * of each, which take effect, inherited from the stage it is built `FROM`
 * when it sets none) are in exec form (`["node", "server.js"]`). In
 * shell form a shell is PID 1 and does not pass SIGTERM on, so the process
 * cannot shut down gracefully (the role document's "no graceful shutdown"
 * red flag). Brackets that are not JSON (`['node', 'a.js']`) are shell form
 * to Docker, and `["sh", "-c", "node a.js"]` is a shell as PID 1 too, unless
 * the command starts with `exec`.
 */
import type { RawFinding } from '../model/finding.js';
import { COMMENT_OPT_OUT, optOut } from './opt-out.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  ...COMMENT_OPT_OUT,
  shellForm:
    '{{instruction}} is in shell form: a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Write it in exec form, e.g. {{instruction}} ["node", "server.js"].',
  notJson:
    '{{instruction}} is not a JSON array of strings, so Docker runs it in shell form: a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Write it in exec form, e.g. {{instruction}} ["node", "server.js"].',
  shellC:
    '{{instruction}} runs {{shell}} -c as PID 1, and the shell does not pass SIGTERM on, so it cannot shut down gracefully. Start the process with exec (sh -c "exec node server.js") or without a shell.',
};
const say = sayer(messages);

export const dockerfileExecForm = defineRule({
  id: 'dockerfile-exec-form',
  kind: 'dockerfile',
  title: 'The image starts its process in exec form',
  description: "the final stage's `CMD`/`ENTRYPOINT` is in exec form, so SIGTERM reaches the process",
  defaultSeverity: { devops: 'warning', none: 'off' },
  fixable: true,
  messages,
  examples: [
    {
      name: 'shell form in the final stage',
      path: 'Dockerfile',
      text: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCMD node /app/server.js\n',
      findings: [{ at: '5:1', id: 'shellForm', data: { instruction: 'CMD' } }],
    },
    {
      name: 'brackets that are not JSON, and a shell in exec form',
      path: 'Dockerfile',
      text: 'FROM python:3.12-slim\nENTRYPOINT ["sh", "-c", "gunicorn app:app"]\nCMD [\'--workers\', \'2\']\n',
      findings: [
        { at: '2:1', id: 'shellC', data: { instruction: 'ENTRYPOINT', shell: 'sh' } },
        { at: '3:1', id: 'notJson', data: { instruction: 'CMD' } },
      ],
    },
    {
      name: 'exec form, a shell that execs, the last CMD; an earlier stage does not count',
      path: 'Dockerfile',
      text: 'FROM node:20 AS build\nCMD npm test\nFROM node:20-slim\nCMD node old.js\nENTRYPOINT ["/bin/sh", "-c", "exec node \\"$0\\" \\"$@\\""]\nCMD ["/app/server.js"]\n',
      findings: [],
    },
    {
      name: 'a shell that sets a limit and then execs the server, in either form',
      path: 'Dockerfile',
      text: 'FROM alpine AS one\nCMD ["sh", "-c", "ulimit -n 65536 && exec /app/bin/server"]\nFROM alpine\nCMD ulimit -n 65536; exec /app/bin/server --port 8080\n',
      findings: [],
    },
    {
      name: 'an exec behind a comment does not run',
      path: 'Dockerfile',
      text: 'FROM alpine\nCMD ["sh", "-c", "node server.js # ; exec true"]\n',
      findings: [{ at: '2:1', id: 'shellC', data: { instruction: 'CMD', shell: 'sh' } }],
    },
    {
      name: "a step separator inside quotes, and a trailing ';', end no step",
      path: 'Dockerfile',
      text: 'FROM nginx AS one\nCMD ["/bin/sh", "-c", "envsubst < /t > /etc/nginx/nginx.conf && exec nginx -g \'daemon off;\'"]\nFROM alpine\nCMD cd /app && exec ./server --flag "a|b";\n',
      findings: [],
    },
    {
      name: 'a quoted exec is an argument, not a step',
      path: 'Dockerfile',
      text: 'FROM alpine\nCMD ["sh", "-c", "echo \'; exec true\'"]\n',
      findings: [{ at: '2:1', id: 'shellC', data: { instruction: 'CMD', shell: 'sh' } }],
    },
    {
      name: 'an exec that is not the last step does not count',
      path: 'Dockerfile',
      text: 'FROM alpine\nCMD ["sh", "-c", "exec /app/bin/server && echo stopped"]\n',
      findings: [{ at: '2:1', id: 'shellC', data: { instruction: 'CMD', shell: 'sh' } }],
    },
    {
      name: 'an opt-out whose reason is a dash gives no reason',
      path: 'Dockerfile',
      text: 'FROM alpine\n# readiness-gate waive=dockerfile-exec-form: -\nCMD run.sh\n',
      findings: [{ at: '2:1', id: 'optOutNoReason', data: { rule: 'dockerfile-exec-form' } }],
    },
    {
      name: 'exec form; an earlier stage does not count',
      path: 'Dockerfile',
      text: 'FROM node:20 AS build\nCMD npm test\nFROM node:20-slim\nENTRYPOINT ["node"]\nCMD ["/app/server.js"]\n',
      findings: [],
    },
    {
      name: 'a shell-form CMD inherited from the stage the final one is built from',
      path: 'Dockerfile',
      text: 'FROM node:20-slim AS base\nCMD node /app/server.js\nFROM base\nCOPY . /app\n',
      findings: [{ at: '2:1', id: 'shellForm', data: { instruction: 'CMD' } }],
    },
    {
      name: 'an ENTRYPOINT resets the CMD the stage inherits',
      path: 'Dockerfile',
      text: 'FROM node:20-slim AS base\nCMD node /app/server.js\nFROM base\nENTRYPOINT ["node", "/app/server.js"]\n',
      findings: [],
    },
    {
      name: 'a CMD of the same stage stays beside its ENTRYPOINT',
      path: 'Dockerfile',
      text: 'FROM node:20-slim\nCMD /app/server.js --port 8080\nENTRYPOINT ["/sbin/tini", "--"]\n',
      findings: [{ at: '2:1', id: 'shellForm', data: { instruction: 'CMD' } }],
    },
    {
      name: "a heredoc's body is no instruction",
      path: 'Dockerfile',
      text: 'FROM alpine\nCMD /app/bin/server --port 8080\nCOPY <<EOF /app/notes\nCMD ["node", "server.js"]\nEOF\n',
      findings: [{ at: '2:1', id: 'shellForm', data: { instruction: 'CMD' } }],
    },
    {
      name: 'an escape directive continues lines with its own character',
      path: 'Dockerfile',
      text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nCMD ["C:\\\\app\\\\server.exe", `\n  "--port", "8080"]\n',
      findings: [],
    },
    {
      name: 'an opt-out without a reason',
      path: 'Dockerfile',
      text: '# readiness-gate waive=dockerfile-exec-form\nFROM alpine\nCMD run.sh\n',
      findings: [{ at: '1:1', id: 'optOutNoReason', data: { rule: 'dockerfile-exec-form' } }],
    },
    {
      name: 'opted out, with a reason',
      path: 'Dockerfile',
      text: '# readiness-gate waive=dockerfile-exec-form: tini is PID 1 and forwards signals\nFROM alpine\nCMD run.sh\n',
      findings: [],
    },
  ],
  check({ file }) {
    const out: RawFinding[] = [];
    const skip = optOut(file.optOuts, 'dockerfile-exec-form', out);
    if (skip) return out;
    // Only the last CMD and the last ENTRYPOINT of the final stage take effect.
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
      const ins = file.final.findLast((i) => i.keyword === keyword);
      const problem = ins && shellProblem(ins.args);
      if (!ins || !problem) continue;
      // A shell-form ENTRYPOINT ignores CMD; in exec form it would take CMD as arguments: no fix then.
      const cmdToo = keyword === 'ENTRYPOINT' && file.final.some((i) => i.keyword === 'CMD');
      const argv = problem.id === 'shellForm' && !cmdToo ? plainWords(ins.args) : undefined;
      out.push({
        message: say(problem.id, { instruction: keyword, ...problem.data }),
        line: ins.line,
        column: 1,
        // A command of plain words means the same as a JSON array of them: no shell is needed to run it.
        ...(argv && ins.endLine === ins.line
          ? {
              fix: {
                line: ins.line,
                endLine: ins.line,
                text: `${keyword} [${argv.map((w) => JSON.stringify(w)).join(', ')}]`,
              },
            }
          : {}),
      });
    }
    return out;
  },
});

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/**
 * The words of a shell command that uses nothing of the shell (no variable,
 * quote, escape, glob, redirection, pipe, list, subshell or assignment), or
 * undefined: only such a command is the same in exec form. Words are split
 * where sh splits them, at spaces and tabs: a no-break space is part of a
 * word. A control character (a lone `\r` among them) leaves it unfixed.
 */
function plainWords(command: string): string[] | undefined {
  if (/[$`"'\\|&;<>()*?[\]{}~#!]/.test(command)) return undefined;
  // eslint-disable-next-line no-control-regex -- a control character in a command leaves it unfixed
  if (/[\x00-\x08\x0a-\x1f\x7f\ufffd]/.test(command)) return undefined;
  const words = command.replace(/^[ \t]+|[ \t]+$/g, '').split(/[ \t]+/);
  if (words.length === 0 || words[0] === '' || words[0]!.includes('=')) return undefined;
  return words;
}

/** Why the process would not get SIGTERM (a message and its data), or undefined when it would. */
function shellProblem(args: string): { id: 'shellForm' | 'notJson' | 'shellC'; data?: { shell: string } } | undefined {
  // `ulimit -n 65536 && exec server`: the shell replaces itself with the process, which gets SIGTERM.
  if (!args.startsWith('[')) return endsInExec(args) ? undefined : { id: 'shellForm' };
  let argv: unknown;
  try {
    argv = JSON.parse(args);
  } catch {
    argv = undefined;
  }
  // Docker reads anything but a JSON array of strings (single quotes, a missing comma) as shell form.
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
    return { id: 'notJson' };
  }
  const [program, ...rest] = argv as string[];
  const name = program?.split('/').pop() ?? '';
  const command = rest[rest.indexOf('-c') + 1];
  if (SHELLS.has(name) && rest.includes('-c') && command !== undefined && !endsInExec(command)) {
    return { id: 'shellC', data: { shell: name } };
  }
  return undefined;
}

/**
 * Whether a shell command's last step is `exec <program>`: after `&&` or
 * `;` (a trailing `;` ends the step before it), or the whole command.
 * Quotes are read as the shell reads them: `exec nginx -g 'daemon off;'` is
 * one step.
 */
function endsInExec(command: string): boolean {
  const steps: string[] = [];
  let step = '';
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') step += command[i++] ?? '';
      step += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') {
      step += c + (command[++i] ?? '');
      continue;
    } else if (c === '#' && (step === '' || /\s$/.test(step))) {
      // A `#` starting a word begins a comment: what follows it, an `exec` included, never runs.
      return false;
    } else if (c === ';' || (c === '&' && command[i + 1] === '&')) {
      steps.push(step);
      step = '';
      if (c === '&') i++;
      continue;
    }
    step += c;
  }
  steps.push(step);
  const last =
    steps
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .at(-1) ?? '';
  return /^exec\s+[^\s|&;<>]/.test(last) && !/[|&]/.test(unquoted(last));
}

/** A step with its quoted parts taken out: a `|` inside quotes is no pipe. */
function unquoted(step: string): string {
  return step.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '');
}
