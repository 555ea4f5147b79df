/**
 * `code-unstructured-log`: in a file that already logs through a logger,
 * the code a pull request adds logs through it too, not with `print`,
 * `console.log`, `fmt.Println` or `System.out.println` (the role document's
 * "unstructured logs" red flag, and its "Are logs structured and
 * searchable?"). A file with no logger at all (a script, a CLI) is left
 * alone: the notice is for the line that bypasses the logger the service
 * has, so it is rare and right.
 */
import type { Node } from 'web-tree-sitter';
import type { CodeContext } from '../kinds/code.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const QUERIES = {
  python: `[
    (call function: (identifier) @fn) @call
    (import_statement) @import
    (import_from_statement) @import
  ]`,
  go: `[
    (call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)) @call
    (import_spec path: (interpreted_string_literal) @import)
  ]`,
  javascript: `[
    (call_expression function: (member_expression object: (identifier) @object property: (property_identifier) @fn)) @call
    (import_statement source: (string) @import)
    (call_expression function: (identifier) @require arguments: (arguments . (string) @import))
  ]`,
  java: `[
    (method_invocation object: (field_access object: (identifier) @class field: (identifier) @stream) name: (identifier) @fn) @call
    (import_declaration) @import
  ]`,
};
const SCRIPT = QUERIES.javascript;
const BY_GRAMMAR = { ...QUERIES, typescript: SCRIPT, tsx: SCRIPT };

/** Imports that mean the file has a logger. */
const LOGGERS = {
  python: /^(?:import|from)\s+(?:logging|structlog|loguru)\b/,
  go: /^"(?:log\/slog|go\.uber\.org\/zap|github\.com\/sirupsen\/logrus|github\.com\/rs\/zerolog(?:\/log)?)"$/,
  script: /^['"](?:pino|winston|bunyan|@opentelemetry\/api-logs|log4js|loglevel)['"]$/,
  java: /^import\s+(?:static\s+)?(org\.slf4j|org\.apache\.logging\.log4j|java\.util\.logging|org\.apache\.commons\.logging|ch\.qos\.logback)\./,
};

const messages = {
  bypass:
    '{{call}}(…) writes a line the log pipeline cannot parse or search, in a file that logs through {{logger}}. Log through it, with the values as fields.',
};
const say = sayer(messages);

export const codeUnstructuredLog = defineRule({
  id: 'code-unstructured-log',
  kind: 'code',
  title: 'The change logs through the logger its file has',
  description:
    'in a file that imports a logger (`logging`/`structlog`, `slog`/`zap`/`logrus`, `pino`/`winston`, SLF4J/Log4j/`java.util.logging`), the code the change touches does not print instead (`print`, `fmt.Print*`, `console.log`, `System.out/err.println`)',
  defaultSeverity: { devops: 'notice', none: 'off' },
  messages,
  examples: [
    {
      name: 'Python: print in a module that logs; a module without a logger is left alone',
      path: 'services/payments/charge.py',
      text: 'import logging\n\nlog = logging.getLogger(__name__)\n\ndef charge(amount):\n    print("charging", amount)\n    log.info("charging", extra={"amount": amount})\n',
      findings: [{ at: '6:5', id: 'bypass', data: { call: 'print', logger: 'logging' } }],
    },
    {
      name: 'Go: fmt.Println beside slog',
      path: 'services/cart/handler.go',
      text: 'package cart\n\nimport (\n\t"fmt"\n\t"log/slog"\n)\n\nfunc Add(id string) {\n\tfmt.Println("adding", id)\n\tslog.Info("adding", "id", id)\n}\n',
      findings: [{ at: '9:2', id: 'bypass', data: { call: 'fmt.Println', logger: 'log/slog' } }],
    },
    {
      name: 'TypeScript: console.log beside pino',
      path: 'src/checkout/handler.ts',
      text: "import pino from 'pino';\n\nconst logger = pino();\nexport function pay(id: string) {\n  console.log('paying', id);\n  logger.info({ id }, 'paying');\n}\n",
      findings: [{ at: '5:3', id: 'bypass', data: { call: 'console.log', logger: 'pino' } }],
    },
    {
      name: 'JavaScript: console.error beside winston, required',
      path: 'services/payment/charge.js',
      text: "const winston = require('winston');\n\nconst logger = winston.createLogger();\nmodule.exports.charge = (card) => {\n  console.error('declined', card.last4);\n  logger.warn('declined', { last4: card.last4 });\n};\n",
      findings: [{ at: '5:3', id: 'bypass', data: { call: 'console.error', logger: 'winston' } }],
    },
    {
      name: 'Java: System.out.println beside SLF4J',
      path: 'src/main/java/shop/Orders.java',
      text: 'package shop;\n\nimport org.slf4j.Logger;\nimport org.slf4j.LoggerFactory;\n\nclass Orders {\n  static final Logger log = LoggerFactory.getLogger(Orders.class);\n  void place(String id) {\n    System.out.println("placing " + id);\n    log.info("placing {}", id);\n  }\n}\n',
      findings: [{ at: '9:5', id: 'bypass', data: { call: 'System.out.println', logger: 'org.slf4j' } }],
    },
    {
      name: 'Java: stderr in a shutdown hook, where the logger may have stopped already',
      path: 'src/main/java/shop/Server.java',
      text: 'package shop;\n\nimport org.slf4j.Logger;\n\nclass Server {\n  void start() {\n    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("shutting down")));\n  }\n}\n',
      findings: [],
    },
    {
      name: 'a command-line script with no logger prints as it should',
      path: 'tools/report.py',
      text: 'import sys\n\nprint("done", file=sys.stderr)\n',
      findings: [],
    },
  ],
  check(ctx) {
    const matches = ctx.matches(BY_GRAMMAR);
    const logger = loggerOf(
      ctx,
      matches.flatMap((m) => (m.captures.import ? [m.captures.import] : [])),
    );
    if (!logger) return [];
    const out: RawFinding[] = [];
    for (const { captures: c } of matches) {
      const call = c.call;
      if (!call) continue;
      const shown = printing(ctx, c);
      if (!shown) continue;
      if (!ctx.reports('code-unstructured-log', call, out)) continue;
      out.push({
        message: say('bypass', { call: shown, logger }),
        line: call.startPosition.row + 1,
        column: call.startPosition.column + 1,
      });
    }
    return out;
  },
});

/** The logger the file imports, as its import names it; undefined when it has none. */
function loggerOf(ctx: CodeContext, imports: Node[]): string | undefined {
  const grammar = ctx.file.grammar;
  for (const node of imports) {
    const text = node.text.trim();
    if (grammar === 'python') {
      if (LOGGERS.python.test(text)) return /^(?:import|from)\s+(\w+)/.exec(text)![1];
    } else if (grammar === 'go') {
      if (LOGGERS.go.test(text)) return text.slice(1, -1);
    } else if (grammar === 'java') {
      const logger = LOGGERS.java.exec(text);
      if (logger) return logger[1];
    } else if (LOGGERS.script.test(text)) return text.slice(1, -1);
  }
  return undefined;
}

/** The printing call a match is, as shown in the finding; undefined for any other call. */
function printing(ctx: CodeContext, c: Record<string, Node>): string | undefined {
  switch (ctx.file.grammar) {
    case 'python':
      return c.fn?.text === 'print' ? 'print' : undefined;
    case 'go':
      return c.pkg?.text === 'fmt' && /^Print(?:ln|f)?$/.test(c.fn?.text ?? '') ? `fmt.${c.fn!.text}` : undefined;
    case 'java':
      // In a JVM shutdown hook the logger may be shut down already (Log4j and Logback stop in theirs): stderr is right.
      if (inShutdownHook(c.call!)) return undefined;
      return c.class?.text === 'System' &&
        (c.stream?.text === 'out' || c.stream?.text === 'err') &&
        /^print(?:ln|f)?$/.test(c.fn?.text ?? '')
        ? `System.${c.stream.text}.${c.fn!.text}`
        : undefined;
    default:
      return c.object?.text === 'console' && /^(?:log|info|warn|error|debug)$/.test(c.fn?.text ?? '')
        ? `console.${c.fn!.text}`
        : undefined;
  }
}

/** Whether a call is inside the argument of `addShutdownHook(…)`. */
function inShutdownHook(node: Node): boolean {
  for (let at = node.parent, depth = 0; at && depth < 40; at = at.parent, depth++) {
    if (at.type === 'method_invocation' && at.childForFieldName('name')?.text === 'addShutdownHook') return true;
  }
  return false;
}
