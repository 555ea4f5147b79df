/**
 * `manifest-secret-literal`: no secret is written into a manifest: a Secret
 * object with values in its `data` or `stringData` (not SOPS-encrypted, not
 * a template's), a literal `env` value for a name that reads as a secret
 * (password, pass or pwd, token, secret, credential, an api, access or
 * private key; names ending `_PATH`, `_FILE`, `_DIR` and `$(VAR)`
 * values excepted, and `_NAME`, `_ID`, `_REF`, which name a secret rather
 * than hold one), or any `scheme://user:password@` value (the role
 * document's "hardcoded config" red flag). Use a Secret and `valueFrom`.
 */
import { objectLabel } from '../kinds/manifest.js';
import { HELM_VALUE } from '../kinds/manifest/helm.js';
import type { RawFinding } from '../model/finding.js';
import { manifestOptOut } from './manifest-common.js';
import { sayer } from '../model/messages.js';
import { ANNOTATION_OPT_OUT } from './opt-out.js';
import { defineRule } from './rule.js';

const SECRET_NAME = /password|passwd|token|secret|credential|(api|access|private)[_-]?key|(^|[_-])(pass|pwd)$/i;
const NOT_SECRET = /_(path|file|dir|name|id|ref)$/i;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/i;
/** `$(VAR)`: Kubernetes puts another variable's value there; `$$(VAR)` is the literal text. */
const REFERENCE = /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/;

const messages = {
  ...ANNOTATION_OPT_OUT,
  values:
    '{{object}} holds its values in the file ({{keys}}): base64 is not encryption, and whoever can read the repository can read them. Keep the values out of Git (External Secrets, Sealed Secrets, SOPS, or a secret manager).',
  envSecret:
    'Env "{{env}}" of container "{{container}}" holds a literal secret. Move it to a Secret and use valueFrom.secretKeyRef.',
  envUrl:
    'Env "{{env}}" of container "{{container}}" holds a URL with a password. Move it to a Secret and use valueFrom.secretKeyRef.',
};
const say = sayer(messages);

export const manifestSecretLiteral = defineRule({
  id: 'manifest-secret-literal',
  kind: 'manifest',
  title: 'No secret is written into a manifest',
  description:
    'no Secret with its values in the file, no literal `env` value for a secret-like name, and no `scheme://user:password@` value',
  // An overlay can patch a manifest, but cannot take a committed secret out of Git: never capped.
  ignoresCap: true,
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a password and a URL with credentials',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DB_PASSWORD\n              value: hunter2\n            - name: CACHE\n              value: redis://app:s3cret@cache:6379\n            - name: SMTP_PASS\n              value: hunter3\n            - name: SIGNING_PRIVATE_KEY\n              value: MIIEvQIBADANBg\n',
      findings: [
        { at: '11:15', id: 'envSecret', data: { env: 'DB_PASSWORD', container: 'api' } },
        { at: '13:15', id: 'envUrl', data: { env: 'CACHE', container: 'api' } },
        { at: '15:15', id: 'envSecret', data: { env: 'SMTP_PASS', container: 'api' } },
        { at: '17:15', id: 'envSecret', data: { env: 'SIGNING_PRIVATE_KEY', container: 'api' } },
      ],
    },
    {
      name: 'a Secret with its values in the file',
      path: 'deploy/db-secret.yaml',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YWRtaW4=\n  password: aHVudGVyMg==\n',
      findings: [{ at: '7:3', id: 'values', data: { object: 'Secret "db"', keys: 'username, password' } }],
    },
    {
      name: 'beside a kustomization.yaml, still all it is: an overlay cannot take a secret out of Git',
      path: 'deploy/db-secret.yaml',
      files: { 'deploy/kustomization.yaml': 'resources: [db-secret.yaml]\n' },
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n',
      findings: [{ at: '6:3', id: 'values', data: { object: 'Secret "db"', keys: 'password' } }],
    },
    {
      name: 'a Secret encrypted with SOPS, or filled by a Helm template',
      path: 'charts/db/templates/secret.yaml',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]\n  token: "{{ .Values.token }}"\n  empty: ""\n',
      findings: [],
    },
    {
      name: 'references, paths and variables are not secrets',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: TOKEN_FILE\n              value: /var/run/token\n            - name: API_KEY\n              value: $(API_KEY_FROM_SECRET)\n            - name: DATABASE_URL\n              value: postgres://app:$(DB_PASS)@db/app\n            - name: DB_PASSWORD\n              valueFrom: {secretKeyRef: {name: db, key: password}}\n',
      findings: [],
    },
  ],
  check({ file }) {
    const objects = file.objects.filter((o) => o.containers.length > 0 || o.kind === 'Secret');
    if (objects.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const object of objects) {
      if (manifestOptOut(object, 'manifest-secret-literal', out)) continue;
      const data = object.secretData ?? [];
      if (data.length > 0) {
        const keys = data.map((d) => d.key);
        const shown = keys.slice(0, 3).join(', ') + (keys.length > 3 ? ` and ${keys.length - 3} more` : '');
        out.push({
          message: say('values', { object: objectLabel(object), keys: shown }),
          line: data[0]!.line,
          column: data[0]!.column,
        });
      }
      for (const container of object.containers) {
        for (const env of container.env) {
          const value = env.value;
          if (value === undefined || value === '' || value.includes(HELM_VALUE) || REFERENCE.test(value)) continue;
          const named = SECRET_NAME.test(env.name) && !NOT_SECRET.test(env.name);
          const password = URL_WITH_PASSWORD.exec(value)?.[1];
          const url = password !== undefined && !REFERENCE.test(password);
          if (!named && !url) continue;
          out.push({
            message: say(url ? 'envUrl' : 'envSecret', { env: env.name, container: container.name }),
            line: env.line,
            column: env.column,
          });
        }
      }
    }
    return out;
  },
});
