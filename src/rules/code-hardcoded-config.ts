/**
 * `code-hardcoded-config`: where the code a pull request adds names a
 * service, it reads the address from configuration (the role document's
 * "hardcoded config" red flag). A literal URL with a real host, an IP
 * address or a `host:port`, given to a name that reads as configuration
 * (`PAYMENTS_URL`, `dbHost`, `endpoint`, `baseURL`, `dsn`), ties every
 * environment to one address: moving the service takes a release.
 * Local and documentation addresses (localhost, 127.0.0.1, example.com,
 * `.test`, `.invalid`) are what a default or an example looks like, and
 * are left alone; so is a single-label service name (`customers-service`,
 * `redis-cart:6379`, `lb://billing`), which service discovery or the
 * cluster's DNS resolves in each environment, and a URL built from an
 * environment variable or a config value.
 */
import type { Node } from 'web-tree-sitter';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const QUERIES = {
  python: `[
    (assignment left: (identifier) @name right: (string) @value)
    (keyword_argument name: (identifier) @name value: (string) @value)
  ]`,
  go: `[
    (const_spec name: (identifier) @name value: (expression_list . (interpreted_string_literal) @value))
    (var_spec name: (identifier) @name value: (expression_list . (interpreted_string_literal) @value))
    (short_var_declaration left: (expression_list . (identifier) @name) right: (expression_list . (interpreted_string_literal) @value))
    (keyed_element key: (literal_element (identifier) @name) value: (literal_element (interpreted_string_literal) @value))
  ]`,
  javascript: `[
    (variable_declarator name: (identifier) @name value: [(string) (template_string)] @value)
    (pair key: [(property_identifier) (string)] @name value: [(string) (template_string)] @value)
    (assignment_expression left: (member_expression property: (property_identifier) @name) right: [(string) (template_string)] @value)
  ]`,
  java: `(variable_declarator name: (identifier) @name value: (string_literal) @value)`,
  rust: `[
    (const_item name: (identifier) @name value: (string_literal) @value)
    (static_item name: (identifier) @name value: (string_literal) @value)
    (let_declaration pattern: (identifier) @name value: (string_literal) @value)
  ]`,
};
const SCRIPT = QUERIES.javascript;
const BY_GRAMMAR = { ...QUERIES, typescript: SCRIPT, tsx: SCRIPT };

/** The last word of a name, whatever its case style: `PAYMENTS_URL`, `paymentsUrl`, `payments-url` → `url`. */
function lastWord(name: string): string {
  const words = name
    .replace(/['"]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean);
  return (words.at(-1) ?? '').toLowerCase();
}

const CONFIG_WORDS = new Set(['url', 'uri', 'host', 'hostname', 'endpoint', 'addr', 'address', 'dsn', 'server']);
const CONFIG_NAMES = new Set(['baseurl', 'base_url', 'endpoint', 'dsn', 'host', 'url', 'addr', 'address']);

function readsAsConfig(name: string): boolean {
  const bare = name.replace(/['"]/g, '');
  return CONFIG_NAMES.has(bare.toLowerCase()) || CONFIG_WORDS.has(lastWord(bare)) || /URL$/.test(bare);
}

const LOCAL_HOST =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1?\]?|host\.docker\.internal|(?:[\w-]+\.)*(?:localhost|test|invalid|example)|(?:[\w-]+\.)*example\.(?:com|org|net))$/i;

/**
 * What a file holds where `hostIn` can find a host in one of its strings: a
 * quote, perhaps blanks, then a URL's scheme, an IP address's first digits
 * or a `host:port`. A URL in a comment (a licence header) is not quoted.
 */
const QUOTED_HOST = /["'`]\s*(?:[a-z][a-z0-9+.-]*:\/\/|\d{1,3}\.\d|[a-z0-9][a-z0-9.-]*:\d)/i;
const WHEN = {
  python: QUOTED_HOST,
  go: QUOTED_HOST,
  javascript: QUOTED_HOST,
  typescript: QUOTED_HOST,
  tsx: QUOTED_HOST,
  java: QUOTED_HOST,
  rust: QUOTED_HOST,
};

/** The host a value names, when it is a URL, an IP address or a `host:port`; undefined for anything else. */
function hostIn(value: string): string | undefined {
  const text = value.trim();
  if (/\s/.test(text) || text.includes('${') || text.includes('{{') || text.includes('%s')) return undefined;
  const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(text);
  // A host an expression writes (`{os.getenv("HOST")}` in an f-string) is configuration already.
  if (url) return /[{}()$%]/.test(url[2]!) ? undefined : url[2]!;
  if (/^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/.test(text)) return text.replace(/:\d+$/, '');
  const hostPort = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*):(\d{2,5})$/i.exec(text);
  return hostPort ? hostPort[1] : undefined;
}

/**
 * A single-label name (`customers-service`, `billing`): service discovery
 * or the cluster's DNS resolves it in each environment, so it is not one
 * environment's address. An IP address is not one.
 */
function serviceName(host: string): boolean {
  return /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/i.test(host);
}

/** A string literal's text, its quotes (and a Python prefix) taken off. */
function literal(node: Node): string {
  return node.text.replace(/^[rbuf]*(['"`]{1,3})/i, '').replace(/(['"`]{1,3})$/, '');
}

const messages = {
  literal:
    '{{name}} is set to "{{value}}" in the code, so moving that service takes a release. Read it from the environment or the service\'s config, with no production default.',
};
const say = sayer(messages);

export const codeHardcodedConfig = defineRule({
  id: 'code-hardcoded-config',
  kind: 'code',
  title: 'Addresses in the change come from configuration',
  description:
    'a name that reads as configuration (`*_URL`, `*_HOST`, `endpoint`, `baseURL`, `dsn`) the change touches is not given a literal URL, IP address or `host:port` of a real host (localhost and documentation hosts aside)',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'Python: a production URL and a database host in code; a local default and one read from the environment',
      path: 'services/payments/settings.py',
      text: 'import os\n\nPAYMENTS_URL = "https://payments.prod.internal/v1"\nDB_HOST = "10.20.0.15"\nLOCAL_URL = "http://localhost:8080"\nAUDIT_URL = os.environ["AUDIT_URL"]\ngreeting = "https://payments.prod.internal"\n',
      findings: [
        { at: '3:16', id: 'literal', data: { name: 'PAYMENTS_URL', value: 'https://payments.prod.internal/v1' } },
        { at: '4:11', id: 'literal', data: { name: 'DB_HOST', value: '10.20.0.15' } },
      ],
    },
    {
      name: "Go: a constant and a struct field; a service the cluster DNS names alone is not one environment's address",
      path: 'services/cart/config.go',
      text: 'package cart\n\nconst redisAddr = "redis.prod.internal:6379"\n\nvar cfg = Config{Endpoint: "https://api.stripe.com"}\nvar name = "cart:1"\nconst cacheAddr = "redis-cart:6379"\n',
      findings: [
        { at: '3:19', id: 'literal', data: { name: 'redisAddr', value: 'redis.prod.internal:6379' } },
        { at: '5:28', id: 'literal', data: { name: 'Endpoint', value: 'https://api.stripe.com' } },
      ],
    },
    {
      name: 'TypeScript: an object property and a variable; a template with a variable in it, an example host',
      path: 'src/checkout/config.ts',
      text: "const api = { baseURL: 'https://checkout.shop.io/api' };\nconst docsUrl = 'https://docs.example.com';\nconst userUrl = `https://${host}/users`;\nexport { api, docsUrl, userUrl };\n",
      findings: [{ at: '1:24', id: 'literal', data: { name: 'baseURL', value: 'https://checkout.shop.io/api' } }],
    },
    {
      name: 'Java: a constant naming a service inside the cluster',
      path: 'src/main/java/shop/Config.java',
      text: 'class Config {\n  static final String INVENTORY_URL = "http://inventory.svc.cluster.local:8080";\n  static final String TITLE = "Inventory";\n}\n',
      findings: [
        {
          at: '2:39',
          id: 'literal',
          data: { name: 'INVENTORY_URL', value: 'http://inventory.svc.cluster.local:8080' },
        },
      ],
    },
    {
      name: 'JavaScript: a database URL in a module, its credentials not echoed',
      path: 'services/payment/db.js',
      text: "module.exports.DATABASE_URL = 'postgres://payments:secret@db.payments.svc:5432/payments';\n",
      findings: [
        {
          at: '1:31',
          id: 'literal',
          data: { name: 'DATABASE_URL', value: 'postgres://…@db.payments.svc:5432/payments' },
        },
      ],
    },
    {
      name: 'Python: a database URL on a line of its own in a long string, shown without the lines and its credentials',
      path: 'services/db/settings.py',
      text: 'DATABASE_URL = """\npostgres://app:hunter2@db.prod.internal:5432/app\n"""\n',
      findings: [
        { at: '1:16', id: 'literal', data: { name: 'DATABASE_URL', value: 'postgres://…@db.prod.internal:5432/app' } },
      ],
    },
    {
      name: 'Python: a URL an f-string builds from the environment, and names service discovery resolves',
      path: 'services/vets/client.py',
      text: 'import os\n\nMETADATA_URL = f\'http://{os.getenv("METADATA_SERVER")}/computeMetadata/v1\'\nCUSTOMERS_URL = "http://customers-service/owners"\nBILLING_URL = "lb://billing"\nSTORE_URL = "https://store.shop.io/api"\n',
      findings: [{ at: '6:13', id: 'literal', data: { name: 'STORE_URL', value: 'https://store.shop.io/api' } }],
    },
    {
      name: 'Rust: a constant naming a production database; one read from the environment',
      path: 'src/config.rs',
      text: 'const DATABASE_URL: &str = "postgres://app@db.prod.internal:5432/app";\n\nfn url() -> String {\n    let api_url = std::env::var("API_URL").unwrap();\n    api_url\n}\n',
      findings: [
        { at: '1:28', id: 'literal', data: { name: 'DATABASE_URL', value: 'postgres://…@db.prod.internal:5432/app' } },
      ],
    },
    {
      name: 'a default read from the environment first, in JavaScript',
      path: 'web/src/config.js',
      text: "export const apiUrl = process.env.API_URL ?? 'http://localhost:3000';\n",
      findings: [],
    },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const { captures: c } of ctx.matches(BY_GRAMMAR, WHEN)) {
      const name = c.name!.text.replace(/['"]/g, '');
      if (!readsAsConfig(name)) continue;
      const valueNode = c.value!;
      // A template or an f-string that puts a value in: built, not written out.
      if (valueNode.namedChildren.some((n) => n?.type === 'template_substitution' || n?.type === 'interpolation'))
        continue;
      // A host written on a line of its own in a long string is shown as written, without the lines around it.
      const value = literal(valueNode).trim();
      const host = hostIn(value);
      if (!host || LOCAL_HOST.test(host) || serviceName(host)) continue;
      const line = valueNode.startPosition.row + 1;
      if (!ctx.reports('code-hardcoded-config', valueNode, out)) continue;
      // Credentials in the URL are not echoed into the report (it is posted as a comment).
      const safe = value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1…@');
      const shown = safe.length > 80 ? `${safe.slice(0, 77)}...` : safe;
      out.push({
        message: say('literal', { name, value: shown }),
        line,
        column: valueNode.startPosition.column + 1,
      });
    }
    return out;
  },
});
