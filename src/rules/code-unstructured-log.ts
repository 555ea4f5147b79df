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
  rust: `[
    (macro_invocation macro: (identifier) @fn) @call
    (macro_invocation macro: (scoped_identifier) @import)
    (use_declaration) @import
  ]`,
};
const SCRIPT = QUERIES.javascript;
const BY_GRAMMAR = { ...QUERIES, typescript: SCRIPT, tsx: SCRIPT };

/** Calls with their first argument: asked only in a file whose logger takes fields, as the query costs a pass. */
const LOG_CALLS = {
  python: `(call function: (attribute attribute: (identifier) @level) arguments: (argument_list . (_) @message)) @logcall`,
  go: `(call_expression function: (selector_expression field: (field_identifier) @level) arguments: (argument_list . (_) @message)) @logcall`,
  javascript: `(call_expression function: (member_expression property: (property_identifier) @level) arguments: (arguments . (_) @message)) @logcall`,
};
const LOG_CALLS_BY_GRAMMAR = { ...LOG_CALLS, typescript: LOG_CALLS.javascript, tsx: LOG_CALLS.javascript };

/** Imports that mean the file has a logger. */
const LOGGERS = {
  python: /^(?:import|from)\s+(?:logging|structlog|loguru)\b/,
  go: /^"(?:log\/slog|go\.uber\.org\/zap|github\.com\/sirupsen\/logrus|github\.com\/rs\/zerolog(?:\/log)?)"$/,
  script: /^['"](?:pino|winston|bunyan|@opentelemetry\/api-logs|log4js|loglevel)['"]$/,
  java: /^import\s+(?:static\s+)?(org\.slf4j|org\.apache\.logging\.log4j|java\.util\.logging|org\.apache\.commons\.logging|ch\.qos\.logback)\./,
  /** `use tracing::info;`, `use log::warn;`, or a macro called by its path (`tracing::info!`). */
  rust: /^(?:use\s+(?:::)?)?(tracing|log|slog)(?:::|;|$)/,
};

/** Loggers that take fields: a message formatted with the values in it wastes them. */
const STRUCTURED =
  /^(?:structlog|log\/slog|go\.uber\.org\/zap|github\.com\/sirupsen\/logrus|github\.com\/rs\/zerolog(?:\/log)?|pino|winston|bunyan)$/;
const LEVELS =
  /^(?:debug|info|warn|warning|error|exception|critical|fatal|Debug|Info|Warn|Error|Fatal|Print|Printf|Println|Infof|Warnf|Errorf|Debugf|Msgf)$/;
/** How each language passes values as fields, for the message. */
const FIELDS: Record<string, string> = {
  python: 'log.info("order failed", order_id=order_id)',
  go: 'slog.Info("order failed", "id", id)',
  script: 'logger.info({ id }, "order failed")',
  // Loggers whose own way differs from their language's first.
  'github.com/sirupsen/logrus': 'log.WithField("id", id).Info("order failed")',
  'go.uber.org/zap': 'logger.Info("order failed", zap.String("id", id))',
  'github.com/rs/zerolog': 'log.Info().Str("id", id).Msg("order failed")',
  'github.com/rs/zerolog/log': 'log.Info().Str("id", id).Msg("order failed")',
  winston: 'logger.info("order failed", { id })',
};

const messages = {
  bypass:
    '{{call}}(…) writes a line the log pipeline cannot parse or search, in a file that logs through {{logger}}. Log through it, with the values as fields.',
  formatted:
    '{{call}}(…) writes its values into the message, in a file that logs through {{logger}}, which takes them as fields the log pipeline can search. Pass them as fields: {{how}}.',
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
      name: 'Python: a message formatted with its values, where structlog takes them as fields; the standard logger formats, as it should',
      path: 'services/orders/fulfil.py',
      text: 'import structlog\n\nlog = structlog.get_logger()\n\ndef fulfil(order_id):\n    log.info(f"order {order_id} fulfilled")\n    log.error("order %s failed" % order_id)\n    log.info("order fulfilled", order_id=order_id)\n    log.info(f"fulfilled")\n',
      findings: [
        {
          at: '6:5',
          id: 'formatted',
          data: { call: 'log.info', logger: 'structlog', how: 'log.info("order failed", order_id=order_id)' },
        },
        {
          at: '7:5',
          id: 'formatted',
          data: { call: 'log.error', logger: 'structlog', how: 'log.info("order failed", order_id=order_id)' },
        },
      ],
    },
    {
      name: 'Python: the standard library logger with a formatted message is left alone',
      path: 'services/orders/legacy.py',
      text: 'import logging\n\nlog = logging.getLogger(__name__)\nlog.info(f"order {1} fulfilled")\n',
      findings: [],
    },
    {
      name: 'Go: slog given a Sprintf message, and the standard log beside it',
      path: 'services/cart/order.go',
      text: 'package cart\n\nimport (\n\t"fmt"\n\t"log"\n\t"log/slog"\n)\n\nfunc Order(id string) {\n\tslog.Info(fmt.Sprintf("order %s", id))\n\tlog.Printf("order %s", id)\n\tslog.Info("order", "id", id)\n}\n',
      findings: [
        {
          at: '10:2',
          id: 'formatted',
          data: { call: 'slog.Info', logger: 'log/slog', how: 'slog.Info("order failed", "id", id)' },
        },
        {
          at: '11:2',
          id: 'formatted',
          data: { call: 'log.Printf', logger: 'log/slog', how: 'slog.Info("order failed", "id", id)' },
        },
      ],
    },
    {
      name: 'Go: logrus formats its messages in a file that never gives it fields, as the standard logger does',
      path: 'services/catalog/server.go',
      text: 'package catalog\n\nimport log "github.com/sirupsen/logrus"\n\nfunc Load(n int) {\n\tlog.Infof("loaded %d products", n)\n}\n',
      findings: [],
    },
    {
      name: 'Go: where the file gives logrus fields, a formatted message wastes them',
      path: 'services/checkout/server.go',
      text: 'package checkout\n\nimport log "github.com/sirupsen/logrus"\n\nfunc Place(id string) {\n\tlog.WithField("order", id).Info("placed")\n\tlog.Infof("order %s placed", id)\n\tlog.WithField("order", id).Debugf("placed in full")\n}\n',
      findings: [
        {
          at: '7:2',
          id: 'formatted',
          data: {
            call: 'log.Infof',
            logger: 'github.com/sirupsen/logrus',
            how: 'log.WithField("id", id).Info("order failed")',
          },
        },
      ],
    },
    {
      name: 'TypeScript: pino given a template with the values in it',
      path: 'src/checkout/order.ts',
      text: "import pino from 'pino';\n\nconst logger = pino();\nexport function order(id: string) {\n  logger.info(`order ${id} placed`);\n  logger.info({ id }, 'order placed');\n}\n",
      findings: [
        {
          at: '5:3',
          id: 'formatted',
          data: { call: 'logger.info', logger: 'pino', how: 'logger.info({ id }, "order failed")' },
        },
      ],
    },
    {
      name: 'Rust: println! beside tracing; a binary with no logger prints as it should',
      path: 'src/orders.rs',
      text: 'use tracing::info;\n\npub fn place(id: u64) {\n    println!("placing {}", id);\n    info!(order_id = id, "placing");\n    eprintln!("placed");\n}\n',
      findings: [
        { at: '4:5', id: 'bypass', data: { call: 'println!', logger: 'tracing' } },
        { at: '6:5', id: 'bypass', data: { call: 'eprintln!', logger: 'tracing' } },
      ],
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
    const structured = STRUCTURED.test(logger) && takesFields(logger, ctx.file.tree?.rootNode.text ?? '');
    const logCalls = structured ? ctx.matches(LOG_CALLS_BY_GRAMMAR) : [];
    for (const { captures: c } of [...matches, ...logCalls]) {
      if (c.logcall && structured) {
        const shown = formatted(ctx, c);
        if (shown && ctx.reports('code-unstructured-log', c.logcall, out)) {
          const how = FIELDS[logger] ?? FIELDS[ctx.file.grammar] ?? FIELDS.script!;
          out.push({
            message: say('formatted', { call: shown, logger, how }),
            line: c.logcall.startPosition.row + 1,
            column: c.logcall.startPosition.column + 1,
          });
        }
        continue;
      }
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

/**
 * Whether the file logs with fields through its logger: always, for those
 * built for it (slog, zap, zerolog, structlog, pino, bunyan); for logrus
 * and winston, which print a formatted line as readily, only where the file
 * uses their fields (`WithField(s)`, a metadata object or `format.json`).
 * In a file that never does, a formatted message is the file's way, as
 * with the standard library's logger.
 */
function takesFields(logger: string, text: string): boolean {
  if (logger === 'github.com/sirupsen/logrus') return /\.With(?:Fields?|Error|Context)\(/.test(text);
  if (logger === 'winston')
    return /\bformat\.json\(|\.(?:error|warn|info|http|verbose|debug|silly|log)\([^()]*,\s*\{/.test(text);
  return true;
}

/** The logger the file imports, as its import names it (one that takes fields first); undefined when it has none. */
function loggerOf(ctx: CodeContext, imports: Node[]): string | undefined {
  const found = imports.flatMap((node) => loggerIn(ctx.file.grammar, node.text.trim()) ?? []);
  return found.find((l) => STRUCTURED.test(l)) ?? found[0];
}

function loggerIn(grammar: string, text: string): string | undefined {
  if (grammar === 'python') return LOGGERS.python.test(text) ? /^(?:import|from)\s+(\w+)/.exec(text)![1] : undefined;
  if (grammar === 'go') return LOGGERS.go.test(text) ? text.slice(1, -1) : undefined;
  if (grammar === 'java') return LOGGERS.java.exec(text)?.[1];
  if (grammar === 'rust') return LOGGERS.rust.exec(text)?.[1];
  return LOGGERS.script.test(text) ? text.slice(1, -1) : undefined;
}

/** The printing call a match is, as shown in the finding; undefined for any other call. */
function printing(ctx: CodeContext, c: Record<string, Node>): string | undefined {
  switch (ctx.file.grammar) {
    case 'python':
      return c.fn?.text === 'print' ? 'print' : undefined;
    case 'go':
      return c.pkg?.text === 'fmt' && /^Print(?:ln|f)?$/.test(c.fn?.text ?? '') ? `fmt.${c.fn!.text}` : undefined;
    case 'rust':
      return /^e?print(?:ln)?$|^dbg$/.test(c.fn?.text ?? '') ? `${c.fn!.text}!` : undefined;
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

/**
 * The logging call a match is when it formats the values into its message
 * (an f-string, `%` or `.format()` in Python; `fmt.Sprintf`, or a `…f`
 * method, in Go; a template with values in JavaScript), as shown in the
 * finding; undefined otherwise. Only in a file whose logger takes fields.
 */
function formatted(ctx: CodeContext, c: Record<string, Node>): string | undefined {
  const level = c.level!.text;
  if (!LEVELS.test(level)) return undefined;
  const call = c.logcall!;
  const callee = call.childForFieldName('function')?.text ?? level;
  const message = c.message!;
  const shown = callee.length > 40 ? level : callee;
  switch (ctx.file.grammar) {
    case 'python': {
      const fString = message.type === 'string' && /^[rbu]*f/i.test(message.text);
      const percent = message.type === 'binary_operator' && message.child(1)?.text === '%';
      const format = message.type === 'call' && /\.format$/.test(message.childForFieldName('function')?.text ?? '');
      const withValues = fString && message.namedChildren.some((n) => n?.type === 'interpolation');
      return withValues || percent || format ? shown : undefined;
    }
    case 'go': {
      // fmt.Print* and the like are said by `bypass`; here a logger's own call.
      if (/^fmt\./.test(callee)) return undefined;
      // Formatting a message the code writes (`fmt.Sprintf("order %s", id)`), not passing on one it was handed (an
      // adapter of a printf-style interface: `fmt.Sprintf(format, v...)`).
      const first = message.childForFieldName('arguments')?.namedChildren[0];
      const sprintf =
        message.type === 'call_expression' &&
        message.childForFieldName('function')?.text === 'fmt.Sprintf' &&
        first?.type === 'interpreted_string_literal';
      // A printf-style call (`Infof`) with a verb in its format and values after it; not one handed a constant
      // message with its values given as fields before it (`WithFields(…).Debugf("request complete")`).
      const values =
        (call.childForFieldName('arguments')?.namedChildren.filter((n) => n?.type !== 'comment').length ?? 0) > 1;
      const own =
        /f$/.test(level) &&
        (message.type === 'interpreted_string_literal' || message.type === 'raw_string_literal') &&
        /%[-+# 0-9.*]*[a-zA-Z]/.test(message.text.replaceAll('%%', '')) &&
        values;
      return sprintf || own ? shown : undefined;
    }
    case 'java':
      return undefined;
    default: {
      if (/^console\./.test(callee)) return undefined;
      const template =
        message.type === 'template_string' && message.namedChildren.some((n) => n?.type === 'template_substitution');
      return template ? shown : undefined;
    }
  }
}

/** Whether a call is inside the argument of `addShutdownHook(…)`. */
function inShutdownHook(node: Node): boolean {
  for (let at = node.parent, depth = 0; at && depth < 40; at = at.parent, depth++) {
    if (at.type === 'method_invocation' && at.childForFieldName('name')?.text === 'addShutdownHook') return true;
  }
  return false;
}
