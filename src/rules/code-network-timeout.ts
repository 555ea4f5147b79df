/**
 * `code-network-timeout`: an outbound call the pull request adds has a
 * timeout (the role document's "missing timeouts" red flag, and its
 * Review Checklist's "Are all network calls timeout-bounded?"). A call
 * without one waits as long as the peer lets it: a slow dependency becomes
 * a hung request, then a full pool.
 *
 * Only what the call itself shows is judged: a call whose options come
 * from a variable, or `**kwargs`, may set a timeout the gate cannot see,
 * and is left alone.
 */
import type { Node } from 'web-tree-sitter';
import type { CodeContext, Span } from '../kinds/code.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { argumentListOf, argumentsIn, CALLS, goSelector, rustCallee, rustChain, textOf } from './code-common.js';
import { defineRule } from './rule.js';

/** Go's clients written as literals (`&http.Client{…}`); the calls are every rule's (`CALLS`). */
const LITERALS = {
  go: `(composite_literal type: (qualified_type package: (package_identifier) @pkg name: (type_identifier) @type) body: (literal_value) @body) @literal`,
};

/**
 * What a file holds where this rule can say anything: each call it judges
 * names, or imports under another name, one of these words (a session is
 * made by `requests`, a client `Client` is reqwest's only where `reqwest`
 * is used).
 */
const SCRIPT_WHEN = /fetch|axios/;
const WHEN = {
  python: /requests|httpx|urlopen/,
  // `http.Get`, `net.Dial`, `&http.Client{}` (blanks or a comment may come before the dot), or the import that names
  // either otherwise; a URL in a licence header (`http://`) is neither.
  go: /\b(?:http|net)\s*(?:\.|\/\*)|"net(?:\/http)?"/,
  javascript: SCRIPT_WHEN,
  typescript: SCRIPT_WHEN,
  tsx: SCRIPT_WHEN,
  java: /HttpClient|HttpRequest|WebClient|RestTemplate/,
  rust: /reqwest|TcpStream/,
};

const REQUESTS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const GO_HELPERS = new Set(['Get', 'Post', 'PostForm', 'Head']);
const AXIOS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'create']);

const messages = {
  noTimeout:
    '{{call}}(…) has no timeout, so it waits as long as the server lets it. Pass timeout= (seconds, e.g. timeout=10).',
  timeoutNone:
    '{{call}}(…) sets timeout=None, so it waits as long as the server lets it. Pass timeout= (seconds, e.g. timeout=10).',
  httpxNone:
    "{{call}}(…) sets timeout=None, so it waits as long as the server lets it. Give a number of seconds, or leave httpx's default of 5 s.",
  goClient:
    'http.Client{} has no Timeout, so its requests wait as long as the server lets them. Set Timeout (e.g. Timeout: 10 * time.Second).',
  goHelper:
    'http.{{fn}} uses http.DefaultClient, which has no timeout. Use an http.Client with Timeout set, or a request with a context deadline.',
  goDefaultClient:
    'http.DefaultClient has no timeout. Use an http.Client with Timeout set, or a request with a context deadline.',
  goDial: 'net.Dial has no timeout. Use net.DialTimeout, or a net.Dialer with Timeout.',
  fetch: 'fetch(…) has no signal, so it waits as long as the server lets it. Pass { signal: AbortSignal.timeout(ms) }.',
  axios:
    "{{call}}(…) has no timeout, and axios's default is none. Pass { timeout: ms }, or create the instance with one.",
  javaNewHttpClient:
    'HttpClient.newHttpClient() has no connect timeout. Build it with HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().',
  rustGet:
    '{{call}}(…) sends with a client that has no timeout, so it waits as long as the server lets it. Build a reqwest::Client with .timeout(Duration::from_secs(10)) and send with it.',
  rustClient:
    '{{call}}() makes a client with no timeout. Build it with reqwest::Client::builder().timeout(Duration::from_secs(10)).build().',
  rustBuilder:
    '{{call}}() builds a client without .timeout(…) or .connect_timeout(…), so a request waits as long as the server lets it. Add .timeout(Duration::from_secs(10)).',
  rustConnect: '{{call}}(…) connects with no timeout. Wrap it in tokio::time::timeout(Duration::from_secs(5), …).',
  javaWebClient:
    "{{call}} makes a WebClient with no response timeout (Reactor Netty's default is none), so a call waits as long as the server lets it. Build it with .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(5)))), or end each request with .timeout(…).",
  javaRestTemplate:
    'new RestTemplate() has no connect or read timeout, so a call waits as long as the server lets it. Build it with RestTemplateBuilder and setConnectTimeout/setReadTimeout, or give it a request factory with both.',
  javaClientBuilder:
    'HttpClient.newBuilder() builds a client without connectTimeout(…). Add .connectTimeout(Duration.ofSeconds(10)).',
  javaRequestBuilder:
    'HttpRequest.newBuilder() builds a request without timeout(…), so it waits as long as the server lets it. Add .timeout(Duration.ofSeconds(10)).',
};
const say = sayer(messages);

export const codeNetworkTimeout = defineRule({
  id: 'code-network-timeout',
  kind: 'code',
  title: 'Every network call the change adds has a timeout',
  description:
    'an outbound call the change touches has a timeout: Python `requests` with `timeout=`, `urlopen(…, timeout=)`, no `httpx` `timeout=None`; Go no `http.Get`/`Post`/`DefaultClient`, an `http.Client` with `Timeout`, `net.DialTimeout`; JS/TS `fetch` with a `signal`, `axios` with `timeout`; Java `HttpClient` with `connectTimeout` and requests with `timeout`, no `new RestTemplate()`, a Spring `WebClient` built with a connector',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'Python: requests without a timeout, httpx with none, urlopen without one; a timeout given, or kwargs the gate cannot see',
      path: 'services/payments/client.py',
      text: 'import requests, httpx\nfrom urllib.request import urlopen\n\ndef charge(url, body, **kw):\n    requests.post(url, json=body)\n    httpx.get(url, timeout=None)\n    urlopen(url)\n    requests.get(url, timeout=5)\n    requests.get(url, **kw)\n    httpx.get(url)\n',
      findings: [
        { at: '5:5', id: 'noTimeout', data: { call: 'requests.post' } },
        { at: '6:5', id: 'httpxNone', data: { call: 'httpx.get' } },
        { at: '7:5', id: 'noTimeout', data: { call: 'urlopen' } },
      ],
    },
    {
      name: 'Python: requests under another name, and sessions, which have no default timeout either',
      path: 'services/billing/client.py',
      text: 'import requests as rq\nfrom requests import post\n\ns = rq.Session()\nrq.get(url)\npost(url, json=body)\ns.get(url)\nrq.Session().post(url)\nrq.get(url, timeout=5)\n',
      findings: [
        { at: '5:1', id: 'noTimeout', data: { call: 'rq.get' } },
        { at: '6:1', id: 'noTimeout', data: { call: 'post' } },
        { at: '7:1', id: 'noTimeout', data: { call: 's.get' } },
        { at: '8:1', id: 'noTimeout', data: { call: 'rq.Session().post' } },
      ],
    },
    {
      name: 'Python: a session from the lowercase factory, requests.session(), is a session too',
      path: 'services/billing/poll.py',
      text: 'import requests\n\ns = requests.session()\ns.get(url)\nwith requests.session() as t:\n    t.post(url)\nrequests.session().put(url)\n',
      findings: [
        { at: '4:1', id: 'noTimeout', data: { call: 's.get' } },
        { at: '6:5', id: 'noTimeout', data: { call: 't.post' } },
        { at: '7:1', id: 'noTimeout', data: { call: 'requests.session().put' } },
      ],
    },
    {
      name: 'Go: net/http imported under another name',
      path: 'services/cart/client.go',
      text: 'package cart\n\nimport nethttp "net/http"\n\nvar c = &nethttp.Client{}\n\nfunc f(u string) { nethttp.Get(u) }\n',
      findings: [
        { at: '5:10', id: 'goClient' },
        { at: '7:20', id: 'goHelper', data: { fn: 'Get' } },
      ],
    },
    {
      name: 'TypeScript: axios imported under another name, and axios called with its config',
      path: 'web/src/api.ts',
      text: "import * as ax from 'axios';\n\nax.get('/cart');\nax({ method: 'get', url: '/cart' });\nax({ method: 'get', url: '/cart', timeout: 5000 });\n",
      findings: [
        { at: '3:1', id: 'axios', data: { call: 'ax.get' } },
        { at: '4:1', id: 'axios', data: { call: 'ax' } },
      ],
    },
    {
      name: "Java: Spring's WebClient made without a connector that bounds its responses",
      path: 'src/main/java/shop/Clients.java',
      text: 'package shop;\n\nimport org.springframework.web.reactive.function.client.WebClient;\nimport reactor.netty.http.client.HttpClient;\n\nclass Clients {\n  WebClient a = WebClient.create("http://inventory");\n  WebClient b = WebClient.builder().baseUrl("http://inventory").build();\n  WebClient c = WebClient.builder()\n      .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(5))))\n      .build();\n}\n',
      findings: [
        { at: '7:17', id: 'javaWebClient', data: { call: 'WebClient.create()' } },
        { at: '8:17', id: 'javaWebClient', data: { call: 'WebClient.builder()' } },
      ],
    },
    {
      name: 'Java: a client made by its full name, and a RestTemplate without timeouts (a comment is no argument)',
      path: 'src/main/java/shop/Clients.java',
      text: 'class Clients {\n  Object a = java.net.http.HttpClient.newHttpClient();\n  Object b = new RestTemplate();\n  Object c = new RestTemplate(/* the defaults */);\n}\n',
      findings: [
        { at: '2:14', id: 'javaNewHttpClient' },
        { at: '3:14', id: 'javaRestTemplate' },
        { at: '4:14', id: 'javaRestTemplate' },
      ],
    },
    {
      name: "Rust: reqwest's default client, a client without a timeout, a builder without one; tokio's connect outside a timeout",
      path: 'src/client.rs',
      text: 'use reqwest::Client;\nuse std::time::Duration;\nuse tokio::net::TcpStream;\n\nasync fn run(url: &str) {\n    let body = reqwest::get(url).await;\n    let plain = Client::new();\n    let built = reqwest::Client::builder().user_agent("x").build();\n    let bounded = reqwest::Client::builder().timeout(Duration::from_secs(10)).build();\n    let s = TcpStream::connect("db:5432").await;\n    let t = tokio::time::timeout(Duration::from_secs(5), TcpStream::connect("db:5432")).await;\n}\n',
      findings: [
        { at: '6:16', id: 'rustGet', data: { call: 'reqwest::get' } },
        { at: '7:17', id: 'rustClient', data: { call: 'Client::new' } },
        { at: '8:17', id: 'rustBuilder', data: { call: 'reqwest::Client::builder' } },
        { at: '10:13', id: 'rustConnect', data: { call: 'TcpStream::connect' } },
      ],
    },
    {
      name: 'Go: requests sent with the default client, bounded by a context deadline or not; a zero Timeout is none',
      path: 'services/cart/fetch.go',
      text: 'package cart\n\nimport (\n\t"context"\n\t"net/http"\n\t"time"\n)\n\nvar none = &http.Client{Timeout: 0}\n\nfunc bounded(u string) {\n\tctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)\n\tdefer cancel()\n\treq, _ := http.NewRequestWithContext(ctx, "GET", u, nil)\n\thttp.DefaultClient.Do(req)\n}\n\nfunc caller(ctx context.Context, u string) {\n\treq, _ := http.NewRequestWithContext(ctx, "GET", u, nil)\n\thttp.DefaultClient.Do(req)\n}\n\nfunc unbounded(u string) {\n\treq, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)\n\thttp.DefaultClient.Do(req)\n}\n',
      findings: [
        { at: '9:13', id: 'goClient' },
        { at: '25:2', id: 'goDefaultClient' },
      ],
    },
    {
      name: 'Go: the default client, a client without Timeout, a dial without one; a client with Timeout and DialTimeout',
      path: 'services/cart/client.go',
      text: 'package cart\n\nimport (\n\t"net"\n\t"net/http"\n\t"time"\n)\n\nvar slow = &http.Client{}\nvar fast = &http.Client{Timeout: 10 * time.Second}\n\nfunc fetch(u string) {\n\thttp.Get(u)\n\thttp.DefaultClient.Do(nil)\n\tnet.Dial("tcp", u)\n\tnet.DialTimeout("tcp", u, time.Second)\n\tfast.Get(u)\n}\n',
      findings: [
        { at: '9:13', id: 'goClient' },
        { at: '13:2', id: 'goHelper', data: { fn: 'Get' } },
        { at: '14:2', id: 'goDefaultClient' },
        { at: '15:2', id: 'goDial' },
      ],
    },
    {
      name: 'TypeScript: axios given a config the file binds to a constant, read as if written in the call',
      path: 'web/api/client.ts',
      text: "import axios from 'axios';\n\nconst jsonConfig = { headers: { 'Content-Type': 'application/json' } };\nconst bounded = { timeout: 3000 };\n\nexport function save(url: string, body: unknown) {\n  return axios.post(url, body, jsonConfig);\n}\n\nexport function load(url: string) {\n  return axios.get(url, bounded);\n}\n\nexport function handed(url: string, jsonConfig: object) {\n  return axios.get(url, jsonConfig);\n}\n",
      findings: [{ at: '7:10', id: 'axios', data: { call: 'axios.post' } }],
    },
    {
      name: "TypeScript: an instance made from axios's Axios class, without a timeout and with one",
      path: 'web/api/service.ts',
      text: "import { Axios } from 'axios';\n\nexport const catalog = new Axios({ baseURL: process.env.CATALOG_URL });\nexport const cart = new Axios({ baseURL: process.env.CART_URL, timeout: 3000 });\n",
      findings: [{ at: '3:24', id: 'axios', data: { call: 'new Axios' } }],
    },
    {
      name: 'TypeScript: fetch without a signal, axios without a timeout; with them, or options from a variable',
      path: 'src/checkout/api.ts',
      text: "import axios from 'axios';\n\nexport async function load(url: string, options: RequestInit) {\n  await fetch(url);\n  await fetch(url, { method: 'POST' });\n  await axios.get(url);\n  const api = axios.create({ baseURL: url });\n  await fetch(url, { signal: AbortSignal.timeout(5000) });\n  await fetch(url, options);\n  await axios.get(url, { timeout: 5000 });\n  return api;\n}\n",
      findings: [
        { at: '4:9', id: 'fetch' },
        { at: '5:9', id: 'fetch' },
        { at: '6:9', id: 'axios', data: { call: 'axios.get' } },
        { at: '7:15', id: 'axios', data: { call: 'axios.create' } },
      ],
    },
    {
      name: 'JavaScript: the same in a .js file',
      path: 'web/src/load.js',
      text: 'export const load = (url) => fetch(url).then((r) => r.json());\nexport const safe = (url) => fetch(url, { signal: AbortSignal.timeout(3000) });\n',
      findings: [{ at: '1:30', id: 'fetch' }],
    },
    {
      name: 'Java: a client without a connect timeout and a request without a timeout; both bounded',
      path: 'src/main/java/shop/Client.java',
      text: 'package shop;\n\nimport java.net.http.*;\nimport java.time.Duration;\n\nclass Client {\n  void call() {\n    var a = HttpClient.newHttpClient();\n    var b = HttpClient.newBuilder().build();\n    var r = HttpRequest.newBuilder(uri).GET().build();\n    var c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();\n    var s = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();\n  }\n}\n',
      findings: [
        { at: '8:13', id: 'javaNewHttpClient' },
        { at: '9:13', id: 'javaClientBuilder' },
        { at: '10:13', id: 'javaRequestBuilder' },
      ],
    },
    {
      name: 'an opt-out in a string is no comment, and waives nothing',
      path: 'services/payments/strings.py',
      text: 'import requests\n\nNOTE = "# readiness-gate waive=code-network-timeout: looks like one"\nrequests.get(url)\n',
      findings: [{ at: '4:1', id: 'noTimeout', data: { call: 'requests.get' } }],
    },
    {
      name: 'an opt-out with a reason on the line above',
      path: 'services/payments/stream.py',
      text: 'import requests\n\n# readiness-gate waive=code-network-timeout: a long poll, bounded by the server at 60 s\nrequests.get(url, stream=True)\n',
      findings: [],
    },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    // The finding sits on the call; the code it judges may run on (a builder chain), and a change anywhere in it counts.
    const report: Report = (node, message, code = node) => {
      if (ctx.reports('code-network-timeout', code, out)) {
        out.push({ message, line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
      }
    };
    const matches = [...ctx.matches(CALLS, WHEN), ...ctx.matches(LITERALS, WHEN)];
    if (matches.length === 0) return out;
    const names = namesOf(ctx);
    for (const match of matches) check(ctx, match.captures, report, names);
    return out;
  },
});

/** Reports a message (written with `say`) at a node, when the code it judges is the change's. */
type Report = (node: Node, message: string, code?: Span) => void;

function check(ctx: CodeContext, c: Record<string, Node>, report: Report, names: Names): void {
  switch (ctx.file.grammar) {
    case 'python':
      return python(c, report, names);
    case 'go':
      return go(c, report, names);
    case 'java':
      return java(c, report, names);
    case 'rust':
      return rust(c, report, names);
    default:
      return script(c, report, names);
  }
}

/**
 * What the names of a file stand for, as its imports say: `rq` for
 * `requests` (`import requests as rq`), `post` for `requests.post` (`from
 * requests import post`), `nethttp` for `http` (`import nethttp
 * "net/http"`), `ax` for `axios`; and the variables holding a
 * `requests.Session()` (or `requests.session()`), which has no default
 * timeout either.
 */
interface Names {
  aliases: Map<string, string>;
  sessions: Set<string>;
  /** Rust: whether the file's `Client` is reqwest's (`use reqwest::Client`), and its head says tokio. */
  reqwestClient?: boolean;
  tokio?: boolean;
  /** Java: whether the file's `WebClient` is Spring's reactive client, imported from its package. */
  springWebClient?: boolean;
}

function namesOf(ctx: CodeContext): Names {
  const names: Names = { aliases: new Map(), sessions: new Set() };
  const { text } = ctx.file;
  const { aliases, sessions } = names;
  if (ctx.file.grammar === 'python') {
    for (const [, list] of text.matchAll(/^[ \t]*import[ \t]+(\w[\w., \t]*)$/gm)) {
      for (const part of list!.split(',')) {
        const [module, alias] = part.trim().split(/[ \t]+as[ \t]+/);
        if (module && alias) aliases.set(alias, module);
      }
    }
    for (const [, module, list] of text.matchAll(/^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+([(\w][\w, \t()]*)$/gm)) {
      for (const part of list!.replace(/[()]/g, '').split(',')) {
        const [name, alias] = part.trim().split(/[ \t]+as[ \t]+/);
        if (name) aliases.set(alias ?? name, `${module}.${name}`);
      }
    }
    // requests.Session, or requests.session(), the module's factory for one.
    const session = (expr: string) => /^requests\.[Ss]ession$/.test(resolve(expr, names));
    // A name resolves to a session only through a text that says session (the import, or the call).
    if (!/[Ss]ession/.test(text)) return names;
    for (const [, variable, made] of text.matchAll(/\b(\w+)[ \t]*=[ \t]*(\w[\w.]*)\(\)/g))
      if (session(made!)) sessions.add(variable!);
    for (const [, made, variable] of text.matchAll(/(?<![\w.])(\w[\w.]*)\(\)[ \t]+as[ \t]+(\w+)/g))
      if (session(made!)) sessions.add(variable!);
  } else if (ctx.file.grammar === 'rust') {
    names.reqwestClient = /\buse\s+reqwest::(?:blocking::)?(?:Client\b|\{[^}]*\bClient\b)/.test(text);
    names.tokio = text.slice(0, 4000).includes('tokio');
  } else if (ctx.file.grammar === 'java') {
    names.springWebClient =
      /\bimport\s+org\.springframework\.web\.reactive\.function\.client\.(?:WebClient|\*)\s*;/.test(text);
  } else if (ctx.file.grammar === 'go') {
    // `nethttp "net/http"`: found from the quoted paths, as a scan from every position of the file costs a tenth of
    // its parse.
    for (let at = text.indexOf('"net'); at >= 0; at = text.indexOf('"net', at + 4)) {
      const path = /^"(net\/http|net)"/.exec(text.slice(at, at + 10))?.[1];
      const alias = path && /(?:^|[\s(])(\w+)[ \t]+$/.exec(text.slice(text.lastIndexOf('\n', at) + 1, at))?.[1];
      if (alias) aliases.set(alias, path.slice(path.lastIndexOf('/') + 1));
    }
  } else if (text.includes('axios')) {
    for (const [, alias] of text.matchAll(/import[ \t]+(?:\*[ \t]+as[ \t]+)?(\w+)[ \t]+from[ \t]+['"]axios['"]/g))
      aliases.set(alias!, 'axios');
    for (const [, alias] of text.matchAll(
      /(?:const|let|var)[ \t]+(\w+)[ \t]*=[ \t]*require\([ \t]*['"]axios['"][ \t]*\)/g,
    ))
      aliases.set(alias!, 'axios');
    // `import { Axios } from 'axios'` (or `Axios as Client`), and `const { Axios } = require('axios')`: the class.
    for (const [, list] of text.matchAll(
      /(?:import[ \t]*(?:\w+[ \t]*,[ \t]*)?\{([^}]*)\}[ \t]*from|(?:const|let|var)[ \t]*\{([^}]*)\}[ \t]*=[ \t]*require\()[ \t]*['"]axios['"]/g,
    )) {
      for (const part of (list ?? '').split(',')) {
        const [name, alias] = part.trim().split(/[ \t]+as[ \t]+|[ \t]*:[ \t]*/);
        if (name === 'Axios') aliases.set(alias ?? name, 'axios.Axios');
      }
    }
  }
  return names;
}

/** A dotted name with its first part as the imports say: `rq.post` → `requests.post`. */
function resolve(name: string, names: Names): string {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const to = names.aliases.get(head);
  return to === undefined ? name : `${to}${dot < 0 ? '' : name.slice(dot)}`;
}

function python(c: Record<string, Node>, report: Report, names: Names): void {
  const call = c.call!;
  const written = textOf(c.fn!);
  // A session (`requests.Session()`, or a variable holding one) sends as requests does, with no default timeout.
  const sessionCall = /^(\w+)\.(\w+)$/.exec(written);
  const name =
    sessionCall && names.sessions.has(sessionCall[1]!)
      ? `requests.${sessionCall[2]!}`
      : resolve(written, names).replace(/^requests\.[Ss]ession\(\)\./, 'requests.');
  const [module, fn] = name.includes('.')
    ? [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)]
    : ['', name];
  const sends = module === 'requests' && REQUESTS.has(fn);
  const httpx = module === 'httpx' && (REQUESTS.has(fn) || fn === 'Client' || fn === 'AsyncClient');
  const urlopen = fn === 'urlopen' && (module === '' || module.endsWith('request'));
  // Most calls are none of these: their arguments are never read.
  if (!sends && !httpx && !urlopen) return;
  const list = argumentListOf(call);
  if (!list) return;
  const args = list.namedChildren.filter((n): n is Node => n !== null);
  if (args.some((a) => a.type === 'dictionary_splat' || a.type === 'list_splat')) return;
  const timeout = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'timeout');
  if (sends) {
    if (!timeout) report(call, say('noTimeout', { call: written }));
    else if (timeout.childForFieldName('value')?.type === 'none') report(call, say('timeoutNone', { call: written }));
  } else if (httpx) {
    if (timeout?.childForFieldName('value')?.type === 'none') {
      report(call, say('httpxNone', { call: written }));
    }
  } else {
    // urlopen(url, data, timeout): the third positional argument is the timeout too.
    const positional = args.filter((a) => a.type !== 'keyword_argument');
    if (!timeout && positional.length < 3) report(call, say('noTimeout', { call: written }));
  }
}

function go(c: Record<string, Node>, report: Report, names: Names): void {
  if (c.literal) {
    if (resolve(c.pkg!.text, names) !== 'http' || c.type!.text !== 'Client') return;
    const timeout = c
      .body!.namedChildren.filter((n): n is Node => n?.type === 'keyed_element')
      .find((k) => k.namedChildren[0]?.text === 'Timeout');
    // `Timeout: 0` is no timeout at all, as http.Client reads it.
    const value = timeout?.namedChildren[1]?.text.trim();
    if (!timeout || value === '0' || value === '0 * time.Second') {
      report(c.literal, say('goClient'));
    }
    return;
  }
  const selector = goSelector(c.fn!);
  const pkg = resolve(selector.operand, names);
  const fn = selector.field;
  if (pkg === 'http' && GO_HELPERS.has(fn)) {
    report(c.call!, say('goHelper', { fn }));
  } else if (pkg === 'http.DefaultClient') {
    // A request made with a context that has a deadline is bounded by it, whatever client sends it (noctx's reading).
    if (fn === 'Do' && requestHasDeadline(c.call!)) return;
    report(c.call!, say('goDefaultClient'));
  } else if (pkg === 'net' && fn === 'Dial') {
    report(c.call!, say('goDial'));
  }
}

/**
 * Whether the request a Go `Do(req)` sends carries a deadline: built with
 * `http.NewRequestWithContext(ctx, …)` (in the call, or assigned to `req` in
 * the same function) from a context that has one: made with
 * `context.WithTimeout`/`WithDeadline` in the function, or handed in (a
 * `context.Context` parameter, `r.Context()`: the caller's deadline).
 */
function requestHasDeadline(call: Node): boolean {
  const arg = call.childForFieldName('arguments')?.namedChildren.find((n) => n !== null && n.type !== 'comment');
  if (!arg) return false;
  let fn: Node | null = call.parent;
  while (fn && !['function_declaration', 'method_declaration', 'func_literal'].includes(fn.type)) fn = fn.parent;
  const body = fn?.text ?? '';
  let ctx: string | undefined;
  const inline = /^http\.NewRequestWithContext\(\s*([\w.()]+)/.exec(arg.text);
  if (inline) ctx = inline[1];
  else if (arg.type === 'identifier') {
    const name = arg.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    ctx = new RegExp(`\\b${name}(?:\\s*,\\s*\\w+)?\\s*:?=\\s*http\\.NewRequestWithContext\\(\\s*([\\w.()]+)`).exec(
      body,
    )?.[1];
  }
  if (ctx === undefined) return false;
  if (/\.Context\(\)$/.test(ctx)) return true;
  if (!/^\w+$/.test(ctx)) return false;
  const params = fn?.childForFieldName('parameters')?.text ?? '';
  if (new RegExp(`\\b${ctx}\\s+context\\.Context\\b`).test(params)) return true;
  return new RegExp(`\\b${ctx}\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(?:Timeout|Deadline)\\(`).test(body);
}

/**
 * The options object of a call: its argument at `index` when written as an
 * object literal, or a name the file binds once, with `const`, to one
 * (`const config = { headers }` … `axios.post(url, body, config)`);
 * 'unknown' otherwise (a parameter, a call's result, a name bound twice).
 */
function options(args: Node, index: number): Node | 'none' | 'unknown' {
  const list = args.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  const arg = list[index];
  if (!arg) return 'none';
  if (arg.type === 'object') return arg;
  if (arg.type !== 'identifier') return 'unknown';
  let root = arg;
  while (root.parent) {
    root = root.parent;
    // A parameter of an enclosing function by that name is what the call is handed, not the file's constant.
    const params = root.childForFieldName('parameters') ?? root.childForFieldName('parameter');
    if (params && new RegExp(`(^|[^\\w$])${arg.text}($|[^\\w$])`).test(params.text)) return 'unknown';
  }
  const bound = root
    .descendantsOfType('variable_declarator')
    .filter((d): d is Node => d !== null && d.childForFieldName('name')?.text === arg.text);
  const value = bound.length === 1 ? bound[0]!.childForFieldName('value') : null;
  const constant = bound[0]?.parent?.type === 'lexical_declaration' && bound[0].parent.text.startsWith('const');
  // Assigned anywhere else (`config = …`, `config.timeout = …`), it may hold a timeout the literal does not.
  const assigned = new RegExp(`\\b${arg.text}(?:\\.\\w+|\\[[^\\]]*\\])*\\s*=[^=]`).test(
    root.text.replace(/\b(?:const|let|var)\s+\w+\s*=/g, ''),
  );
  return value?.type === 'object' && constant && !assigned ? value : 'unknown';
}

function hasKey(object: Node, key: string): boolean {
  return object.namedChildren.some(
    (p) =>
      (p?.type === 'pair' && p.childForFieldName('key')?.text.replace(/['"]/g, '') === key) ||
      (p?.type === 'shorthand_property_identifier' && p.text === key) ||
      p?.type === 'spread_element',
  );
}

function script(c: Record<string, Node>, report: Report, names: Names): void {
  const fn = resolve(textOf(c.fn!), names);
  // Most calls are neither fetch nor axios: their arguments are never read.
  if (!/^(?:(?:globalThis|window)\.)?fetch$|^axios(?:$|\.)/.test(fn)) return;
  const args = argumentListOf(c.call!);
  if (!args) return;
  if (fn === 'fetch' || fn === 'globalThis.fetch' || fn === 'window.fetch') {
    const init = options(args, 1);
    if (init === 'unknown' || (init !== 'none' && hasKey(init, 'signal'))) return;
    report(c.call!, say('fetch'));
    return;
  }
  // `new Axios(config)`: an instance made from the class, with no defaults of axios's own (no timeout among them).
  if (c.call!.type === 'new_expression') {
    if (fn !== 'axios.Axios') return;
    const config = options(args, 0);
    if (config !== 'unknown' && (config === 'none' || !hasKey(config, 'timeout')))
      report(c.call!, say('axios', { call: `new ${textOf(c.fn!)}` }));
    return;
  }
  const [object, method] = [fn.slice(0, fn.lastIndexOf('.')), fn.slice(fn.lastIndexOf('.') + 1)];
  if (object !== 'axios' || !AXIOS.has(method)) {
    // axios({ method, url }): the config is the first argument.
    if (fn === 'axios') {
      const config = options(args, 0);
      if (config !== 'unknown' && (config === 'none' || !hasKey(config, 'timeout')))
        report(c.call!, say('axios', { call: textOf(c.fn!) }));
    }
    return;
  }
  // The config is the last argument: axios.get(url, config), axios.post(url, data, config), axios.create(config).
  const at = method === 'create' || method === 'request' ? 0 : ['post', 'put', 'patch'].includes(method) ? 2 : 1;
  const config = options(args, at);
  if (config === 'unknown' || (config !== 'none' && hasKey(config, 'timeout'))) return;
  report(c.call!, say('axios', { call: textOf(c.fn!) }));
}

/**
 * Rust: `reqwest::get` (the default client, no timeout), `reqwest::Client::new()`,
 * a `reqwest::Client::builder()` chain built without `.timeout` or
 * `.connect_timeout`, blocking's alike, and `tokio::net::TcpStream::connect`
 * outside a `tokio::time::timeout(…)`. `Client` names reqwest's where the
 * file uses it.
 */
function rust(c: Record<string, Node>, report: Report, names: Names): void {
  const path = rustCallee(c.fn!);
  const client = /^(?:reqwest::(?:blocking::)?)?Client$/.exec(path.split('::').slice(0, -1).join('::'));
  const method = path.slice(path.lastIndexOf(':') + 1);
  const isReqwestClient = client !== null && (path.startsWith('reqwest::') || names.reqwestClient === true);
  if (/^reqwest::(?:blocking::)?get$/.test(path)) {
    report(c.call!, say('rustGet', { call: path }));
  } else if (isReqwestClient && method === 'new') {
    report(c.call!, say('rustClient', { call: path }));
  } else if (isReqwestClient && method === 'builder') {
    // The builder's chain, up to build().
    const { names, end: at } = rustChain(c.call!);
    if (!names.includes('build') || names.includes('timeout') || names.includes('connect_timeout')) return;
    report(c.call!, say('rustBuilder', { call: path }), {
      startPosition: c.call!.startPosition,
      endPosition: at.endPosition,
    });
  } else if (/(?:^|::)TcpStream::connect$/.test(path) && (path.includes('tokio') || names.tokio === true)) {
    for (let up = c.call!.parent, depth = 0; up && depth < 12; up = up.parent, depth++) {
      if (up.type === 'call_expression' && /(?:^|::)timeout$/.test(up.childForFieldName('function')?.text ?? ''))
        return;
    }
    report(c.call!, say('rustConnect', { call: path }));
  }
}

function java(c: Record<string, Node>, report: Report, names: Names): void {
  if (c.new) {
    // A RestTemplate made with its no-argument constructor has no connect or read timeout.
    const written = c.type!.text;
    if (written.slice(written.lastIndexOf('.') + 1) !== 'RestTemplate') return;
    if (!['type_identifier', 'scoped_type_identifier'].includes(c.type!.type)) return;
    const args = c.new.childForFieldName('arguments');
    if (args && argumentsIn(args).length === 0) report(c.new, say('javaRestTemplate'));
    return;
  }
  // A fully qualified class (`java.net.http.HttpClient`) is the class.
  const written = textOf(c.object!);
  const cls = written.slice(written.lastIndexOf('.') + 1);
  // Most calls are on none of these: their nodes are never asked more (each ask is a call into the parser's memory).
  if (cls !== 'HttpClient' && cls !== 'HttpRequest' && cls !== 'WebClient') return;
  if (!['identifier', 'field_access'].includes(c.object!.type)) return;
  const method = textOf(c.method!);
  const call = c.call!;
  if (cls === 'HttpClient' && method === 'newHttpClient') {
    report(call, say('javaNewHttpClient'));
    return;
  }
  if (cls === 'WebClient' && (method === 'create' || method === 'builder') && names.springWebClient === true) {
    // create() takes no connector; a builder is bounded only by the connector it is given.
    if (method === 'create') report(call, say('javaWebClient', { call: `WebClient.${method}()` }));
    else {
      const { names: chained, end } = javaChain(call);
      if (chained.includes('build') && !chained.includes('clientConnector'))
        report(call, say('javaWebClient', { call: 'WebClient.builder()' }), {
          startPosition: call.startPosition,
          endPosition: end.endPosition,
        });
    }
    return;
  }
  if (method !== 'newBuilder' || (cls !== 'HttpClient' && cls !== 'HttpRequest')) return;
  const wanted = cls === 'HttpClient' ? 'connectTimeout' : 'timeout';
  const { names: chained, end } = javaChain(call);
  if (!chained.includes('build') || chained.includes(wanted)) return;
  report(call, say(cls === 'HttpClient' ? 'javaClientBuilder' : 'javaRequestBuilder'), {
    startPosition: call.startPosition,
    endPosition: end.endPosition,
  });
}

/** A builder's chain: the names of the calls made on it, each wrapping the one before, and the last. */
function javaChain(call: Node): { names: string[]; end: Node } {
  let at: Node = call;
  const names: string[] = [];
  while (at.parent?.type === 'method_invocation' && at.parent.childForFieldName('object')?.id === at.id) {
    at = at.parent;
    names.push(at.childForFieldName('name')?.text ?? '');
  }
  return { names, end: at };
}
