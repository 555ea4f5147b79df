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
import { argumentListOf, argumentsIn, CALLS, goSelector, lastName, textOf } from './code-common.js';
import { defineRule } from './rule.js';

/** What each file imports (and Rust's macro calls, where it prints); its calls are every rule's (`CALLS`). */
const SCRIPT_IMPORTS = `[
  (import_statement source: (string) @import)
  (call_expression function: (identifier) @require arguments: (arguments . (string) @import))
]`;
const QUERIES = {
  python: `[(import_statement) (import_from_statement)] @import`,
  go: `(import_spec path: (interpreted_string_literal) @import)`,
  javascript: SCRIPT_IMPORTS,
  typescript: SCRIPT_IMPORTS,
  tsx: SCRIPT_IMPORTS,
  java: `(import_declaration) @import`,
  rust: `[
    (macro_invocation macro: (identifier) @fn) @call
    (macro_invocation macro: (scoped_identifier) @import)
    (use_declaration) @import
  ]`,
};

/** Imports that mean the file has a logger. */
const LOGGERS = {
  python: /^(?:import|from)\s+(?:logging|structlog|loguru)\b/,
  go: /^"(?:log\/slog|go\.uber\.org\/zap|github\.com\/sirupsen\/logrus|github\.com\/rs\/zerolog(?:\/log)?)"$/,
  script: /^['"](?:pino|winston|bunyan|@opentelemetry\/api-logs|log4js|loglevel)['"]$/,
  java: /^import\s+(?:static\s+)?(org\.slf4j|org\.apache\.logging\.log4j|java\.util\.logging|org\.apache\.commons\.logging|ch\.qos\.logback)\./,
  /** `use tracing::info;`, `use log::warn;`, or a macro called by its path (`tracing::info!`). */
  rust: /^(?:use\s+(?:::)?)?(tracing|log|slog)(?:::|;|$)/,
};

/** What a file that imports one of those holds: the rule has nothing to say on a file without any. */
const SCRIPT_WHEN = /pino|winston|bunyan|@opentelemetry\/api-logs|log4js|loglevel/;
const WHEN = {
  python: /logging|structlog|loguru/,
  go: /log\/slog|go\.uber\.org\/zap|github\.com\/sirupsen\/logrus|github\.com\/rs\/zerolog/,
  javascript: SCRIPT_WHEN,
  typescript: SCRIPT_WHEN,
  tsx: SCRIPT_WHEN,
  java: /org\.slf4j|org\.apache\.logging\.log4j|java\.util\.logging|org\.apache\.commons\.logging|ch\.qos\.logback/,
  // `use log;`, `use log::warn;`, `log::info!`, `slog::…` (the word alone is in login, blog, catalog).
  rust: /tracing|log(?:::|;)/,
};

/**
 * What a file that logs holds where the rule has calls to judge: a logger
 * (`WHEN`), and a call that prints (`print`, `fmt.Print…`, `console`, `System`), or a logger
 * that takes fields (logrus only where the file uses them, as `takesFields`
 * reads it). A file that logs through `logging` and never prints has none.
 */
const SCRIPT_CALLS_WHEN = [SCRIPT_WHEN, /console|pino|winston|bunyan/];
const CALLS_WHEN = {
  python: [WHEN.python, /print|structlog/],
  go: [WHEN.go, /Print|log\/slog|go\.uber\.org\/zap|github\.com\/rs\/zerolog|\.With(?:Fields?|Error|Context)\(/],
  javascript: SCRIPT_CALLS_WHEN,
  typescript: SCRIPT_CALLS_WHEN,
  tsx: SCRIPT_CALLS_WHEN,
  java: [WHEN.java, /System/],
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
      name: 'Python: a message formatted with its values (a comment before it hides nothing), where structlog takes them as fields',
      path: 'services/orders/fulfil.py',
      text: 'import structlog\n\nlog = structlog.get_logger()\n\ndef fulfil(order_id):\n    log.info(f"order {order_id} fulfilled")\n    log.error("order %s failed" % order_id)\n    log.info("order fulfilled", order_id=order_id)\n    log.info(f"fulfilled")\n    log.warning(  # the order\n        f"order {order_id} late"\n    )\n',
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
        {
          at: '10:5',
          id: 'formatted',
          data: { call: 'log.warning', logger: 'structlog', how: 'log.info("order failed", order_id=order_id)' },
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
    const own = ctx.matches(QUERIES, WHEN);
    const logger = loggerOf(
      ctx,
      own.flatMap((m) => (m.captures.import ? [m.captures.import] : [])),
    );
    if (!logger) return [];
    const out: RawFinding[] = [];
    const structured = STRUCTURED.test(logger) && takesFields(logger, ctx.file.text);
    // Rust prints with macros (its own query); the other languages with calls, which every rule shares.
    const calls = ctx.file.grammar === 'rust' ? own : ctx.matches(CALLS, CALLS_WHEN);
    for (const { captures: c } of calls) {
      const call = c.call;
      if (!call) continue;
      const shown = printing(ctx, c);
      if (shown) {
        if (!ctx.reports('code-unstructured-log', call, out)) continue;
        out.push({
          message: say('bypass', { call: shown, logger }),
          line: call.startPosition.row + 1,
          column: call.startPosition.column + 1,
        });
        continue;
      }
      const logged = structured ? logCall(ctx, c) : undefined;
      const formattedAs = logged && formatted(ctx, logged);
      if (formattedAs && ctx.reports('code-unstructured-log', call, out)) {
        const how = FIELDS[logger] ?? FIELDS[ctx.file.grammar] ?? FIELDS.script!;
        out.push({
          message: say('formatted', { call: formattedAs, logger, how }),
          line: call.startPosition.row + 1,
          column: call.startPosition.column + 1,
        });
      }
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
      // The text first: a node's type and text are each a call into the parser's memory, and most calls print nothing.
      return textOf(c.fn!) === 'print' && c.fn!.type === 'identifier' ? 'print' : undefined;
    case 'go': {
      const { operand, field } = goSelector(c.fn!);
      return operand === 'fmt' && /^Print(?:ln|f)?$/.test(field) ? `fmt.${field}` : undefined;
    }
    case 'rust':
      return /^e?print(?:ln)?$|^dbg$/.test(c.fn?.text ?? '') ? `${c.fn!.text}!` : undefined;
    case 'java': {
      // `System.out.println(…)`: a print method of a field of System.
      const object = c.object!;
      if (
        !textOf(object).startsWith('System') ||
        !/^print(?:ln|f)?$/.test(textOf(c.method!)) ||
        object.type !== 'field_access'
      )
        return undefined;
      const [system, stream] = [object.childForFieldName('object'), object.childForFieldName('field')];
      if (system?.type !== 'identifier' || system.text !== 'System' || stream?.type !== 'identifier') return undefined;
      if (stream.text !== 'out' && stream.text !== 'err') return undefined;
      // In a JVM shutdown hook the logger may be shut down already (Log4j and Logback stop in theirs): stderr is right.
      return inShutdownHook(c.call!) ? undefined : `System.${stream.text}.${textOf(c.method!)}`;
    }
    default: {
      const fn = c.fn!;
      if (!textOf(fn).startsWith('console') || c.call!.type !== 'call_expression' || fn.type !== 'member_expression')
        return undefined;
      const [object, property] = [fn.childForFieldName('object'), fn.childForFieldName('property')];
      return object?.type === 'identifier' &&
        object.text === 'console' &&
        property?.type === 'property_identifier' &&
        /^(?:log|info|warn|error|debug)$/.test(property.text)
        ? `console.${property.text}`
        : undefined;
    }
  }
}

/** A call of a logger's level method, with the message it is given first. */
interface LogCall {
  call: Node;
  /** What it calls, as written (`log.info`), and its level (`info`). */
  callee: string;
  level: string;
  message: Node;
}

/**
 * The call a match is when it calls a level (`log.info(message, …)`,
 * `logger.Infof(format, …)`): its level and its first argument, comments
 * aside; undefined for any other call.
 */
function logCall(ctx: CodeContext, c: Record<string, Node>): LogCall | undefined {
  const call = c.call!;
  const fn = c.fn!;
  const callee = textOf(fn);
  // Most calls call no level: the text says so before the tree is asked.
  if (!LEVELS.test(lastName(callee))) return undefined;
  let level: string | undefined;
  if (ctx.file.grammar === 'go') level = goSelector(fn).field;
  else if (ctx.file.grammar === 'python') {
    level = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  } else if (call.type === 'call_expression' && fn.type === 'member_expression') {
    const property = fn.childForFieldName('property');
    level = property?.type === 'property_identifier' ? property.text : undefined;
  }
  if (!level || !LEVELS.test(level)) return undefined;
  const args = argumentListOf(call);
  const message = args ? argumentsIn(args)[0] : undefined;
  return message ? { call, callee, level, message } : undefined;
}

/**
 * The logging call a match is when it formats the values into its message
 * (an f-string, `%` or `.format()` in Python; `fmt.Sprintf`, or a `…f`
 * method, in Go; a template with values in JavaScript), as shown in the
 * finding; undefined otherwise. Only in a file whose logger takes fields.
 */
function formatted(ctx: CodeContext, logged: LogCall): string | undefined {
  const { call, callee, level, message } = logged;
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
