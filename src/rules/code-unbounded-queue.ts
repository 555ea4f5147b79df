/**
 * `code-unbounded-queue`: a queue the pull request adds has a bound (the
 * role document's "unbounded queues" red flag). An unbounded queue turns
 * a slow consumer into memory growth until the process dies, instead of
 * back-pressure the producer can see. Python's queues without `maxsize`
 * and Java's unbounded queues and the executors built on them; Go's
 * channels always have a capacity, and arrays in JavaScript are out of
 * scope.
 */
import type { Node } from 'web-tree-sitter';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { argumentListOf, argumentsIn, CALLS, rustCallee, rustChain, textOf } from './code-common.js';
import { defineRule } from './rule.js';

/** What a file holds where this rule can say anything: each queue, executor, channel or pool it judges is named with one of these. */
const WHEN = {
  python: /Queue/,
  java: /Queue|Deque|Executors/,
  rust: /unbounded|channel|Pool/,
};
/** The calls of the languages this rule reads (every rule's `CALLS`). */
const QUERIES = { python: CALLS.python, java: CALLS.java, rust: CALLS.rust };

/** Python queues that take `maxsize` (first positional argument too); 0 or less means unbounded. */
const PY_BOUNDED = new Map([
  ['queue.Queue', 'queue.Queue()'],
  ['queue.LifoQueue', 'queue.LifoQueue()'],
  ['queue.PriorityQueue', 'queue.PriorityQueue()'],
  ['asyncio.Queue', 'asyncio.Queue()'],
  ['asyncio.LifoQueue', 'asyncio.LifoQueue()'],
  ['asyncio.PriorityQueue', 'asyncio.PriorityQueue()'],
  ['multiprocessing.Queue', 'multiprocessing.Queue()'],
  ['Queue', 'Queue()'],
  ['LifoQueue', 'LifoQueue()'],
  ['PriorityQueue', 'PriorityQueue()'],
]);

/** Java queues whose no-argument constructor holds up to Integer.MAX_VALUE, or no bound at all. */
const JAVA_QUEUES = new Map([
  ['LinkedBlockingQueue', 'has no capacity (it holds up to Integer.MAX_VALUE items)'],
  ['LinkedBlockingDeque', 'has no capacity (it holds up to Integer.MAX_VALUE items)'],
  ['LinkedTransferQueue', 'is unbounded'],
  ['PriorityBlockingQueue', 'is unbounded'],
  ['ConcurrentLinkedQueue', 'is unbounded'],
  ['ConcurrentLinkedDeque', 'is unbounded'],
]);
const EXECUTORS = new Map([
  [
    'newFixedThreadPool',
    `queues its tasks in an unbounded LinkedBlockingQueue, so a slow consumer lets it grow until the process runs out of memory`,
  ],
  [
    'newSingleThreadExecutor',
    `queues its tasks in an unbounded LinkedBlockingQueue, so a slow consumer lets it grow until the process runs out of memory`,
  ],
  [
    'newCachedThreadPool',
    'starts a thread for every task no idle thread takes, without limit, so a burst of slow tasks starts thousands of threads',
  ],
]);

const messages = {
  simpleQueue:
    '{{queue}}() cannot be bounded, so a slow consumer lets it grow until the process runs out of memory. Use queue.Queue(maxsize=…).',
  noMaxsize:
    '{{queue}} has no maxsize, so a slow consumer lets it grow until the process runs out of memory. Pass maxsize= and decide what a full queue does (block the producer, drop, or shed load).',
  noBound:
    '{{queue}} has maxsize {{maxsize}}, which is no bound, so a slow consumer lets it grow until the process runs out of memory. Pass maxsize= and decide what a full queue does (block the producer, drop, or shed load).',
  javaNoCapacity:
    'new {{queue}}() {{why}}, so a slow consumer lets it grow until the process runs out of memory. Give it a capacity (new {{queue}}<>(1000)), or use an ArrayBlockingQueue.',
  javaUnbounded:
    'new {{queue}}() {{why}}, so a slow consumer lets it grow until the process runs out of memory. Use an ArrayBlockingQueue, or a LinkedBlockingQueue with a capacity.',
  executor:
    'Executors.{{method}}(…) {{why}}. Build a ThreadPoolExecutor over a bounded queue, with a rejection policy.',
  rustPool:
    "{{call}}() builds a database pool without {{setting}}, so its size is the library's default ({{default}}), not one the database's connection budget was asked about. Set {{setting}}(n) to the number the Connections estimate gives.",
  rustUnbounded:
    '{{call}}() makes a channel with no bound, so a slow receiver lets it grow until the process runs out of memory. Use {{bounded}} and decide what a full channel does (wait, drop, or shed load).',
};
const say = sayer(messages);

export const codeUnboundedQueue = defineRule({
  id: 'code-unbounded-queue',
  kind: 'code',
  title: 'Every queue the change adds is bounded',
  description:
    'a queue the change touches has a bound: Python `queue`/`asyncio`/`multiprocessing` queues with a `maxsize` above 0 (not `SimpleQueue`); Java queues with a capacity and `ThreadPoolExecutor` over a bounded queue instead of `Executors.newFixedThreadPool`/`newSingleThreadExecutor`/`newCachedThreadPool`',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: "Rust: tokio's and the standard library's unbounded channels, crossbeam's and flume's; bounded ones",
      path: 'src/worker.rs',
      text: 'use tokio::sync::mpsc;\n\nfn start() {\n    let (tx, rx) = mpsc::unbounded_channel::<Job>();\n    let (a, b) = std::sync::mpsc::channel();\n    let (c, d) = crossbeam_channel::unbounded();\n    let (e, f) = flume::unbounded::<u8>();\n    let (g, h) = mpsc::channel(100);\n    let (i, j) = std::sync::mpsc::sync_channel(10);\n}\n',
      findings: [
        { at: '4:20', id: 'rustUnbounded', data: { call: 'mpsc::unbounded_channel', bounded: 'mpsc::channel(n)' } },
        {
          at: '5:18',
          id: 'rustUnbounded',
          data: { call: 'std::sync::mpsc::channel', bounded: 'mpsc::sync_channel(n)' },
        },
        {
          at: '6:18',
          id: 'rustUnbounded',
          data: { call: 'crossbeam_channel::unbounded', bounded: 'crossbeam_channel::bounded(n)' },
        },
        { at: '7:18', id: 'rustUnbounded', data: { call: 'flume::unbounded', bounded: 'flume::bounded(n)' } },
      ],
    },
    {
      name: 'Rust: database pools built without a maximum, a notice for the Connections estimate; one that sets it',
      path: 'src/db.rs',
      text: 'use sqlx::postgres::PgPoolOptions;\n\nasync fn pools(url: &str) {\n    let a = PgPoolOptions::new().connect(url).await;\n    let b = PgPoolOptions::new().max_connections(20).connect(url).await;\n    let c = bb8::Pool::builder().build(manager).await;\n}\n',
      findings: [
        {
          at: '4:13',
          id: 'rustPool',
          data: { call: 'PgPoolOptions::new', setting: 'max_connections', default: '10 connections' },
        },
        {
          at: '6:13',
          id: 'rustPool',
          data: { call: 'bb8::Pool::builder', setting: 'max_size', default: 'as the pool crate chooses' },
        },
      ],
    },
    {
      name: 'Python: queues without maxsize, with maxsize 0, and SimpleQueue; bounded ones',
      path: 'workers/jobs.py',
      text: 'import asyncio, queue\nfrom queue import Queue\n\njobs = queue.Queue()\nevents = asyncio.Queue(maxsize=0)\nlog = queue.SimpleQueue()\nmore = Queue()\nbounded = queue.Queue(maxsize=1000)\nalso = asyncio.Queue(100)\n',
      findings: [
        { at: '4:8', id: 'noMaxsize', data: { queue: 'queue.Queue()' } },
        { at: '5:10', id: 'noBound', data: { queue: 'asyncio.Queue()', maxsize: '0' } },
        { at: '6:7', id: 'simpleQueue', data: { queue: 'queue.SimpleQueue' } },
        { at: '7:8', id: 'noMaxsize', data: { queue: 'Queue()' } },
      ],
    },
    {
      name: 'Java: unbounded queues and executors (a comment is no capacity); a capacity, and a ThreadPoolExecutor over a bounded queue',
      path: 'src/main/java/shop/Work.java',
      text: 'package shop;\n\nimport java.util.concurrent.*;\n\nclass Work {\n  BlockingQueue<Runnable> q = new LinkedBlockingQueue<>();\n  ExecutorService pool = Executors.newFixedThreadPool(8);\n  ExecutorService any = Executors.newCachedThreadPool();\n  BlockingQueue<Runnable> b = new LinkedBlockingQueue<>(1000);\n  ExecutorService ok = new ThreadPoolExecutor(4, 8, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));\n  BlockingQueue<Runnable> c = new LinkedBlockingQueue<>(/* sized later */);\n}\n',
      findings: [
        {
          at: '6:31',
          id: 'javaNoCapacity',
          data: { queue: 'LinkedBlockingQueue', why: 'has no capacity (it holds up to Integer.MAX_VALUE items)' },
        },
        {
          at: '7:26',
          id: 'executor',
          data: {
            method: 'newFixedThreadPool',
            why: 'queues its tasks in an unbounded LinkedBlockingQueue, so a slow consumer lets it grow until the process runs out of memory',
          },
        },
        {
          at: '8:25',
          id: 'executor',
          data: {
            method: 'newCachedThreadPool',
            why: 'starts a thread for every task no idle thread takes, without limit, so a burst of slow tasks starts thousands of threads',
          },
        },
        {
          at: '11:31',
          id: 'javaNoCapacity',
          data: { queue: 'LinkedBlockingQueue', why: 'has no capacity (it holds up to Integer.MAX_VALUE items)' },
        },
      ],
    },
    {
      name: 'a bounded queue, and an unbounded one waived with a reason',
      path: 'workers/bounded.py',
      text: 'import queue\n\njobs = queue.Queue(maxsize=100)\n# readiness-gate waive=code-unbounded-queue: drained in step by the thread that fills it\nlog = queue.SimpleQueue()\n',
      findings: [],
    },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    const report: Report = (node, message, severity, code = node) => {
      if (ctx.reports('code-unbounded-queue', code, out)) {
        out.push({
          message,
          line: node.startPosition.row + 1,
          column: node.startPosition.column + 1,
          ...(severity ? { severity } : {}),
        });
      }
    };
    for (const { captures: c } of ctx.matches(QUERIES, WHEN)) {
      if (ctx.file.grammar === 'python') python(c, report);
      else if (ctx.file.grammar === 'rust') rust(c, report);
      else java(c, report);
    }
    return out;
  },
});

/** Reports at a node; `code`, the span of code the finding judges (a builder's whole chain), when it is more. */
type Report = (node: Node, message: string, severity?: 'notice', code?: Node) => void;

function python(c: Record<string, Node>, report: Report): void {
  const name = textOf(c.fn!);
  if (name === 'queue.SimpleQueue' || name === 'SimpleQueue') {
    report(c.call!, say('simpleQueue', { queue: name }));
    return;
  }
  const shown = PY_BOUNDED.get(name);
  if (!shown) return;
  const list = argumentListOf(c.call!);
  if (!list) return;
  const args = argumentsIn(list);
  if (args.some((a) => a.type === 'dictionary_splat' || a.type === 'list_splat')) return;
  const keyword = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'maxsize');
  const value = keyword ? keyword.childForFieldName('value') : args.find((a) => a.type !== 'keyword_argument');
  if (!value) report(c.call!, say('noMaxsize', { queue: shown }));
  else if (
    (value.type === 'integer' && Number(value.text) <= 0) ||
    (value.type === 'unary_operator' && value.text.startsWith('-'))
  ) {
    report(c.call!, say('noBound', { queue: shown, maxsize: value.text }));
  }
}

/**
 * Rust's unbounded channels, by the path the call names (its last two
 * segments, so `tokio::sync::mpsc::unbounded_channel` and
 * `mpsc::unbounded_channel` alike): tokio's `unbounded_channel`, the
 * standard library's `mpsc::channel()` (`sync_channel(n)` is bounded; tokio's
 * `mpsc::channel(n)` takes its bound), crossbeam's and flume's `unbounded`.
 */
function rust(c: Record<string, Node>, report: Report): void {
  const path = rustCallee(c.fn!);
  const tail = path.split('::').slice(-2).join('::');
  const bounded: Record<string, string> = {
    'mpsc::unbounded_channel': 'mpsc::channel(n)',
    'crossbeam_channel::unbounded': 'crossbeam_channel::bounded(n)',
    'flume::unbounded': 'flume::bounded(n)',
  };
  if (bounded[tail]) report(c.call!, say('rustUnbounded', { call: path, bounded: bounded[tail]! }));
  else if (tail === 'mpsc::channel' && noArguments(c.call!))
    report(c.call!, say('rustUnbounded', { call: path, bounded: 'mpsc::sync_channel(n)' }));
  else if (/^(?:Pg|MySql|Sqlite|Any)?PoolOptions::new$/.test(tail) || tail === 'Pool::builder') {
    // The pool's size, for the checklist's Connections item: said, as a notice, where the builder never sets it.
    const sqlx = tail.endsWith('PoolOptions::new');
    const setting = sqlx ? 'max_connections' : 'max_size';
    const { names, end: at } = rustChain(c.call!);
    const built = names.some((n) =>
      /^(?:connect|connect_with|connect_lazy|connect_lazy_with|build|build_unchecked)$/.test(n),
    );
    if (!built || names.includes(setting)) return;
    report(
      c.call!,
      say('rustPool', { call: path, setting, default: sqlx ? '10 connections' : 'as the pool crate chooses' }),
      'notice',
      at,
    );
  }
}

function java(c: Record<string, Node>, report: Report): void {
  if (c.new) {
    // Most classes made are no queue: the text says so before the tree is asked.
    if (!/Queue|Deque/.test(c.type!.text)) return;
    // The class by its simple name, with its type arguments or without: `new LinkedBlockingQueue<>()`.
    const named =
      c.type!.type === 'generic_type' ? c.type!.namedChildren.find((n) => n?.type === 'type_identifier') : c.type;
    if (named?.type !== 'type_identifier') return;
    const type = named.text;
    const why = JAVA_QUEUES.get(type);
    const list = argumentListOf(c.new);
    if (!why || !list) return;
    const sized = type.startsWith('Linked') && type !== 'LinkedTransferQueue' ? argumentsIn(list).length > 0 : false;
    if (sized) return;
    report(c.new, say(why.startsWith('has no capacity') ? 'javaNoCapacity' : 'javaUnbounded', { queue: type, why }));
    return;
  }
  if (textOf(c.object!) !== 'Executors' || c.object!.type !== 'identifier') return;
  const method = textOf(c.method!);
  const why = EXECUTORS.get(method);
  if (!why) return;
  report(c.call!, say('executor', { method, why }));
}

/** Whether a call is made with no arguments (its comments aside): `mpsc::channel()`. */
function noArguments(call: Node): boolean {
  const list = argumentListOf(call);
  return list !== null && argumentsIn(list).length === 0;
}
