import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{a as g,b as Ve,c as le,d as Je,e as et,f as tt,g as X,h as nt}from"./chunk-6L54TSD4.js";import{b as K,c as Ue,d as Ke}from"./chunk-TW5C4DS3.js";import{a as xe,c as te,d as Se,e as ne,f as Ae,g as Ce,i as Ee,j as Me,k as Ie,l as qe,m as De,n as se,o as Te,p as _e}from"./chunk-N4VKR7FX.js";import{a as O}from"./chunk-D2DZG33M.js";import{a as ce,d as st,e as it,f as Y}from"./chunk-AZ4OKJVP.js";import{C as E,E as ze,K as We,L as z,M as W,N as T,O as re,P as ae,Q as Xe,R as Ye,Y as de,Z as Ze,_ as Qe,h as Le,j as ie,p as Ne,r as N,s as Be,u as $e,w as oe,x as He,y as Ge,z as je}from"./chunk-W6LRXUFT.js";import{d as Oe,i as w}from"./chunk-MYH3ABNS.js";var pe=".github/readiness-gate.yml",It=`# yaml-language-server: $schema=https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json
# readiness-gate configuration. Read from the base branch of each pull request,
# so a pull request cannot weaken its own gate.
extends: devops          # built-in rules; \`none\` starts empty
strict: false            # true: warnings fail the gate too

# Change a rule's severity (error, warning, notice) or turn it off.
rules:
  ops-resource-placeholder: warning
  # runbook-health-check: error

# pull-request:
#   sections:            # added to the preset; a section named like a preset section replaces it
#     - name: Security
#       aliases: [Security review]
#       policy: all      # all | any | {at-least: 2}
#       items: [Threat model, Secrets]
#   runbook:
#     section: Runbook
#     required: true

runbooks:
  paths: ['docs/runbooks/**/*.md', 'runbooks/**/*.md']
  # exclude: ['docs/runbooks/archive/**']   # added to README.md, TEMPLATE.md, template.md
  # external: ['https://wiki.example.com/runbooks/']   # runbooks kept elsewhere, accepted, not checked
  # Or one template per family of runbooks, first match wins:
  # templates:
  #   - builtin: devops                    # the role document's runbook template and its rules
  #     paths: ['docs/runbooks/**/*.md']
  #   - name: Alert runbooks
  #     paths: ['alerts/**/*.md']
  #     sections: [Meaning, Impact, Diagnosis, Mitigation]
  #     fields: [{name: Severity, allowed: [critical, warning]}]
  #     placeholders: ['<value of the label>']

# What a pull request owes more, depending on what it changes (see docs/description.md, "Proportional gates"):
# when:
#   - name: Database migrations
#     changed-files: ['migrations/**', 'db/**/*.sql']
#     require: { items: [Database Migrations] }     # ticked; N/A is not accepted here

# The deployment files a pull request changes (manifests, Helm templates, Dockerfiles, workflows)
# are checked, and a ticked item they contradict fails (see docs/deployment-files.md):
# evidence:
#   exclude: ['**/testdata/**', 'examples/**']
#   max-files: 300
# claims:                                          # replaces the preset's map
#   Health Checks: [manifest-readiness-probe, manifest-liveness-probe]
#   Graceful Shutdown: [manifest-graceful-shutdown, dockerfile-exec-form]

# skip:
#   only-changed-files: ['docs/**', '**/*.md']      # docs-only pull requests pass, with the reason shown
#   labels: [skip-readiness]
#   authors: ['dependabot[bot]', 'renovate[bot]']
#   drafts: true

# Alerting rules the pull request changes link a runbook of this repository (see docs/alerts.md):
# alerts:
#   runbook-annotation: runbook_url       # or a list: [runbook_url, runbook]
#   runbook-urls:
#     - prefix: https://runbooks.example.com/
#       path: docs/runbooks/
#   severities: [critical, warning]

# The Red Flags in the source code the pull request touches (see docs/code.md):
# code:
#   exclude: ['scripts/**']
#   languages: [go, python, javascript, typescript, java]
`,qt=`## Summary
<!-- What changes and why. -->

<!--
readiness-gate checks the sections below. Tick each box when it holds.
Where an item does not apply, leave it unticked and write "N/A — reason",
e.g. "- [ ] **Feature Flags**: N/A — config-only change". A bare N/A fails.
-->

## Deployment
- [ ] **Zero Downtime**: Can this be deployed without interruption?
- [ ] **Rollback Plan**: How to quickly revert if issues arise?
- [ ] **Database Migrations**: Are migrations backward compatible?
- [ ] **Feature Flags**: Is gradual rollout possible?

## Monitoring
- [ ] **Metrics**: Are key performance indicators tracked?
- [ ] **Alerts**: Are failure conditions alerted?
- [ ] **Dashboards**: Is system health visible?
- [ ] **Logging**: Are logs structured and searchable?

## Reliability
- [ ] **Health Checks**: Liveness and readiness probes defined?
- [ ] **Graceful Shutdown**: Are connections drained properly?
- [ ] **Circuit Breakers**: Are external calls protected?
- [ ] **Timeouts**: Are all network calls timeout-bounded?

## Resources
- [ ] **Memory**: Expected memory footprint?
- [ ] **CPU**: Expected CPU utilization?
- [ ] **Storage**: Disk space requirements?
- [ ] **Connections**: Database connection limits?

## Runbook
<!-- Link the runbook this change follows, e.g. [Deploy](docs/runbooks/deploy.md), or write "N/A — reason". -->

<!--
Operations Review (optional). For a change operations should look at closely, move this block out
of the comment and fill it in; readiness-gate then checks it too: statuses chosen (no ❌), risks with
a High impact mitigated, estimates filled, every Runbook Items and DevOps Sign-off box ticked, and
exactly one Recommendation, "Production ready". With sign-off in the config, only an authorised
reviewer can tick DevOps Sign-off and Recommendation.

## Operations Review: [Feature Name]

### Deployment Assessment
| Aspect | Status | Notes |
|--------|--------|-------|
| Zero-downtime | ✅/⚠️/❌ | [notes] |
| Rollback plan | ✅/⚠️/❌ | [notes] |
| Config management | ✅/⚠️/❌ | [notes] |
| DB migrations | ✅/⚠️/❌ | [notes] |

### Monitoring Checklist
| Item | Status | Details |
|------|--------|---------|
| Key metrics defined | ✅/❌ | [which metrics] |
| Alerts configured | ✅/❌ | [conditions] |
| Dashboard created | ✅/❌ | [link] |
| Log aggregation | ✅/❌ | [format] |

### Resource Estimates
| Resource | Expected | Limit |
|----------|----------|-------|
| Memory | X MB | Y MB |
| CPU | X% | Y% |
| Disk | X GB | Y GB |
| Connections | X | Y |

### Operational Risks
| Risk | Impact | Likelihood | Mitigation |
|------|--------|------------|------------|
| [desc] | High/Med/Low | High/Med/Low | [action] |

### Runbook Items
- [ ] Deployment procedure documented
- [ ] Rollback procedure documented
- [ ] Troubleshooting guide created
- [ ] On-call handoff prepared

### DevOps Sign-off
- [ ] Deployment strategy clear
- [ ] Rollback plan defined
- [ ] Monitoring requirements identified
- [ ] Resource limits set

### Recommendation
- [ ] **Production ready**
- [ ] **Needs operational improvements**
- [ ] **Not ready for production**
-->
`,Dt=`# Runbook: [Deployment/Operation Name]

## Overview
- **Purpose**: [What this does]
- **Risk Level**: Low/Medium/High
- **Estimated Duration**: [Time]

## Pre-Deployment Checklist
- [ ] Backup taken
- [ ] Rollback plan tested
- [ ] Stakeholders notified

## Deployment Steps
1. [ ] Step 1: [Command or action]
2. [ ] Step 2: [Command or action]

## Verification
- [ ] Health check: \`curl http://localhost:8080/api/v1/health\`
- [ ] Metrics: [What to check]

## Rollback Procedure
1. [ ] Rollback step 1
2. [ ] Rollback step 2

## Known Issues
- [Issue and workaround]
`,Ot=`name: Production readiness
on:
  pull_request:
    types: [opened, edited, synchronize, reopened, ready_for_review, labeled, unlabeled]
  merge_group:

permissions:
  contents: read
  pull-requests: write
  checks: write

concurrency:
  group: readiness-gate-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

jobs:
  readiness:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: readiness-gate/readiness-gate@v1
`,nn=[{path:pe,text:It},{path:".github/pull_request_template.md",text:qt},{path:"docs/runbooks/TEMPLATE.md",text:Dt},{path:".github/workflows/readiness-gate.yml",text:Ot}];async function ue(s,e,t){let n=Ae("reviews"),i=await s.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",{...e,pull_number:t,per_page:100},n.map);return n.check(),i.map(o=>({id:o.id,login:o.user?.login??"",state:o.state,commitId:o.commit_id,submittedAt:o.submitted_at??null,body:o.body??""}))}var Tt=`query($owner: String!, $repo: String!, $number: Int!, $after: String, $more: Boolean!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      createdAt
      includesCreatedEdit
      userContentEdits(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { editedAt editor { login } diff }
      }
      comments(last: 100) @skip(if: $more) {
        nodes { databaseId lastEditedAt editor { login } }
      }
      reviews(last: 100) @skip(if: $more) {
        nodes { databaseId lastEditedAt editor { login } }
      }
    }
  }
}`;async function ot(s,e,t,n=He){let i=[],o=null,d,p=!0;for(;p&&i.length<n;){let u=(await s.graphql(Tt,{owner:e.owner,repo:e.repo,number:t,after:o,more:d!==void 0})).repository?.pullRequest;if(!u)throw new Error(`pull request #${t} not found through GraphQL`);if(d??=u,i.push(...u.userContentEdits.nodes),p=u.userContentEdits.pageInfo.hasNextPage,o=u.userContentEdits.pageInfo.endCursor,!o)break}let h=i.slice(0,n).map(l=>({editor:l.editor?.login??"",editedAt:l.editedAt,body:l.diff??""})).reverse(),r=h.length===0||!p&&i.length<=n&&d.includesCreatedEdit,c=l=>new Map((l??[]).filter(u=>u.databaseId!==null&&u.lastEditedAt!==null).map(u=>[u.databaseId,{editor:u.editor?.login??"",at:u.lastEditedAt}])),f=l=>new Set((l??[]).flatMap(u=>u.databaseId===null?[]:[u.databaseId]));return{createdAt:d.createdAt,revisions:h,complete:r,commentEdits:c(d.comments?.nodes),reviewEdits:c(d.reviews?.nodes),commentsSeen:f(d.comments?.nodes),reviewsSeen:f(d.reviews?.nodes)}}var _t="the token cannot read this team; give the action a token with read:org (or a GitHub App with Members: read) in `github-token`",Lt=20,Nt=4,B=class{constructor(e,t,n=Lt){this.client=e;this.max=n;this.people=new Set(t.filter(i=>!i.includes("/")).map(i=>i.toLowerCase())),this.teams=t.filter(i=>i.includes("/")).map(i=>{let[o,d]=i.split("/");return{name:i,org:o,slug:d}})}client;max;people;teams;readable=new Map;known=new Map;looked=0;queue=[];running=0;async resolve(e){let t=new Map,n=e.map(i=>this.one(i).then(o=>[i,o]));for(let[i,o]of await Promise.all(n))t.set(i,o);return t}one(e){let t=this.known.get(e);return t||(this.people.has(e.toLowerCase())?t=Promise.resolve({kind:"yes",via:"listed"}):this.teams.length===0?t=Promise.resolve({kind:"no"}):++this.looked>this.max?t=Promise.resolve({kind:"unknown",reason:`the gate looks up at most ${this.max} people in teams a run, and more reviewed or commented`}):t=this.limited(()=>this.lookUp(e)),this.known.set(e,t),t)}async limited(e){this.running>=Nt&&await new Promise(t=>this.queue.push(t)),this.running++;try{return await e()}finally{this.running--,this.queue.shift()?.()}}canRead(e){let t=this.readable.get(e.name);return t||(t=this.client.request("GET /orgs/{org}/teams/{team_slug}",{org:e.org,team_slug:e.slug}).then(()=>!0).catch(n=>{if(n instanceof O&&(n.status===403||n.status===404))return!1;throw n}),this.readable.set(e.name,t)),t}async lookUp(e){let t=[];for(let n of this.teams){if(!await this.canRead(n)){t.push(n.name);continue}try{let{data:i}=await this.client.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}",{org:n.org,team_slug:n.slug,username:e});if(i.state==="active")return{kind:"yes",via:n.name}}catch(i){if(!(i instanceof O&&i.status===404))throw i}}return t.length>0?{kind:"unknown",reason:`${t.join(", ")}: ${_t}`}:{kind:"no"}}};async function at(s,e,t,n,i){return me(s,e,t,n.filter(o=>o.require.approvals>0).map(o=>o.require.reviewers),i)}async function me(s,e,t,n,i){let o=await(i.reviews??ue(s,e,t.number)),d=oe({author:t.author,reviews:o,comments:[],revisions:[]},[]),p=new Map(n.map(r=>[Ge(r),[...r]])),h=new Map;return await Promise.all([...p].map(async([r,c])=>h.set(r,await new B(s,c).resolve(d)))),{reviews:o,author:t.author,headSha:t.headSha,allowStaleApproval:i.allowStaleApproval,authority:h}}async function dt(s,e,t,n,i){let o=[],[d,p,h]=await Promise.all([ue(s,e,t.number),i,ot(s,e,t.number).catch(m=>{o.push(`Could not read the description's edit history (${m.message.split(`
`)[0]}), so ticks in it cannot be attributed to a reviewer, nor edits of reviews and comments to their editors.`);let y=new Map;return{createdAt:"",revisions:[],complete:!1,commentEdits:y,reviewEdits:y,commentsSeen:new Set,reviewsSeen:new Set}})]),r=(m,y,A)=>y.get(m)??(A.has(m)?void 0:"unknown"),c=d.map(m=>({...m,...rt(r(m.id,h.reviewEdits,h.reviewsSeen))})),f=p.filter(m=>!m.body.startsWith(Se)).map(m=>({id:m.id,login:m.login,createdAt:m.createdAt,body:m.body,...rt(r(m.id,h.commentEdits,h.commentsSeen))})),l=oe({author:t.author,reviews:c,comments:f,revisions:h.revisions},n.sections),u=await new B(s,n.reviewers).resolve(l);return{facts:{author:t.author,headSha:t.headSha,createdAt:h.createdAt,reviews:c,comments:f,revisions:h.revisions,historyComplete:h.complete,authority:u},notes:o}}var rt=s=>s?{edited:s}:{};var lt=class{constructor(e,t){this.client=e;this.options=t;this.repository={host:new URL(t.serverUrl).host,...t.repo}}client;options;concurrency=et;configFrom="the base branch";repository;pr;commentList;fileList;templatePaths=new Map;pull(){let e=this.options.first?.pull??Ee(this.client,this.options.repo,this.options.number);return this.pr??=e.catch(t=>{throw P(`pull request #${this.options.number}`,t)}),this.pr}comments(){return this.commentList??=this.options.first?.comments??Ce(this.client,this.options.repo,this.options.number),this.commentList}async config(){let{configPath:e,eventBaseSha:t}=this.options;t&&this.templatesAt(t).catch(()=>{});let n=t??(await this.pull()).baseSha,i=n,o=await this.readConfig(n),{baseSha:d}=await this.pull();if(d!==n&&(i=d,o=await this.readConfig(d)),o===void 0&&e!==pe){let p=`no such file at the base commit ${i.slice(0,7)}, though the \`config\` input names it. Fix the input, or add the file.`;throw new K(e,1,1,p)}return{path:e,text:o}}templatesAt(e){let t=this.options.first?.templates,n=this.templatePaths.get(e)??(t?.sha===e?t.paths:Te(this.client,this.options.repo,e));return this.templatePaths.set(e,n),n}async templates(e){if(e===!1)return[];let{baseSha:t}=await this.pull();try{let n=Oe(e,typeof e=="string"?[]:await this.templatesAt(t)),i=await _e(this.client,this.options.repo,t,n);if(typeof e=="string"&&i.length===0)throw new g(`the pull-request template ${e}`,`there is no such file at the base commit ${t.slice(0,7)}, though \`pull-request.template\` names it`,E,!1);return i}catch(n){throw n instanceof g?n:P("the pull-request template",n)}}async readConfig(e){let{configPath:t}=this.options,n=this.options.first?.config;try{return await(n?.path===t&&n.sha===e?n.text:se(this.client,this.options.repo,t,e))}catch(i){throw P(`the config at the base commit ${e.slice(0,7)}`,i,t)}}async pullRequest(){let e=await this.pull();return{body:e.body,draft:e.draft,facts:{labels:e.labels,baseBranch:e.baseRef,author:e.author,title:e.title}}}listed(){let e=this.options.first?.files??Me(this.client,this.options.repo,this.options.number);return this.fileList??=e.catch(t=>{throw P("the list of changed files",t)}),this.fileList}async changedFiles(){let[e,t]=await Promise.all([this.listed(),this.pull()]);return{files:e.map(n=>({path:n.path,...n.previous?{previous:n.previous}:{},...n.status==="removed"?{removed:!0}:{}})),total:t.changedFileCount,lines:Object.fromEntries(e.flatMap(n=>n.patch!==void 0&&Le(n.path)?[[n.path,ze(n.patch)]]:[]))}}get eventDescription(){return this.options.eventBody}sent(){return xe(this.client)}async read(e){try{let t=await this.pull(),n=e.fromBase?t.baseSha:t.headSha,i=e.fromBase?void 0:this.options.first?.ahead.get(e.path);return i?.sha===n&&i.maxBytes===(e.maxBytes??1048576)?await i.text:await se(this.client,this.options.repo,e.path,n,e.maxBytes)}catch(t){let n=t instanceof Error?t.message.split(`
`)[0]:String(t);return{kind:"failed",reason:`${t instanceof O&&t.response?`GitHub answered ${t.status}: `:""}${n}`}}}async list(e){try{let t=await this.pull();return await Ie(this.client,this.options.repo,e,t.headSha)}catch(t){throw P(`the folder ${e}`,t)}}async tree(){try{let e=await this.pull();return await qe(this.client,this.options.repo,e.headSha,Ve)}catch(e){throw P("the repository's list of files",e)}}async mentions(e){let t=new Set;for(let n of e)try{for(let i of await De(this.client,this.options.repo,n,le))t.add(i)}catch(i){throw P(`the search for files that link ${n}`,i)}return[...t].slice(0,le)}async teamApprovals(e,t){try{let n=await this.pull();return await me(this.client,this.options.repo,n,e,{allowStaleApproval:t})}catch(n){if(n instanceof g)throw n;let i="the reviews and teams the services of this pull request owe an approval";throw n instanceof ne?new g(i,n.message,E,!1):P(i,n)}}async reviews(e){let t=e.when.some(o=>o.require.approvals>0);if(!e.signOff&&!t)return{notes:[]};let{client:n}=this,{repo:i}=this.options;try{let o=await this.pull(),d=e.signOff?await dt(n,i,o,e.signOff,this.comments()):void 0,p=t?await at(n,i,o,e.when,{allowStaleApproval:e.signOff?.allowStaleApproval??!1,...d?{reviews:Promise.resolve(d.facts.reviews)}:{}}):void 0;return{...d?{reviews:d.facts}:{},...p?{approvals:p}:{},notes:d?.notes??[]}}catch(o){if(o instanceof g)throw o;let d="the reviews, comments and reviewers that sign-off and approvals rest on";throw o instanceof ne?new g(d,o.message,E,!1):P(d,o)}}};function $t(s){let e=s instanceof Error?s.message.split(`
`)[0]:String(s);return s instanceof O?s.response?`GitHub answered ${s.status} on ${te(s)}: ${e}`:`could not reach GitHub on ${te(s)}: ${e}`:e}function P(s,e,t){return new g(s,$t(e),t)}var Ht=/^(?:api_?key|apikey|key|token|access_?token|refresh_?token|id_?token|auth|authorization|sig|signature|x_?amz_?signature|x_?amz_?credential|x_?amz_?security_?token|x_?goog_?signature|x_?goog_?credential|password|passwd|pwd|pass|secret|client_?secret|private_?token|session|sessionid)$/i,Gt=/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@?#]+)@/gi,jt=/([?&;])([A-Za-z0-9_.-]+)=([^\s&#;"'<>)\]}`]*?)(?=[.,:!?]*(?:[\s&#;"'<>)\]}`]|$))/g;function ut(s){return!s.includes("://")&&!s.includes("?")?s:s.replace(Gt,(e,t)=>`${t}***@`).replace(jt,(e,t,n,i)=>i!==""&&Ht.test(n.replace(/-/g,"_"))?`${t}${n}=***`:e)}var Ut=/:\/\/|-----BEGIN|(?=[A-Za-z0-9_+/=-]{16,})(?=[A-Za-z_+/=-]*[0-9])[A-Za-z0-9_+/=-]{16,}/,ct;function Kt(){return ct??=(async()=>{let[{lintSource:s},{creator:e}]=await Promise.all([import("./module-IFXNAHDZ.js"),import("./module-57A2J6M4.js")]);return async t=>(await s({source:{content:t,filePath:"/report.txt",ext:".txt",contentType:"text"},options:{config:{rules:[{id:e.meta.id,rule:e}]}}})).messages.map(i=>i.range)})(),ct}var pt=`

`;async function zt(s){let e=[...s],t=s.map((n,i)=>Ut.test(n)?i:-1).filter(n=>n>=0);if(t.length>0){let n=t.map(o=>s[o]).join(pt),i=await(await Kt())(n);if(i.length>0){let o=0;for(let d of t){let p=e[d],h=i.filter(([c,f])=>c<o+p.length&&f>o).map(([c,f])=>[Math.max(0,c-o),Math.min(p.length,f-o)]).sort((c,f)=>f[0]-c[0]),r=p;for(let[c,f]of h)r=`${r.slice(0,c)}${Wt(r.slice(c,f))}${r.slice(f)}`;e[d]=r,o+=p.length+pt.length}}}return e.map(ut)}function Wt(s){let e=ut(s);if(e!==s)return e;let t=/^([a-z][a-z0-9+.-]*:\/\/[^/\s@]+)(?:\/|$)/i.exec(s);return t?`${t[1]}/***`:"***"}async function mt(s,e){let t=[],n=l=>t.push(l)-1,i=s.findings.map(l=>({message:n(l.message),parts:(l.parts??[]).map(u=>n(u.text)),fix:l.fix?n(l.fix.text):-1,gather:l.gather?[n(l.gather.name),n(l.gather.lead),n(l.gather.tail)]:void 0})),o=s.waivers.map(l=>({label:n(l.label),section:n(l.section),reason:n(l.reason)})),d=e.map(n),p=(s.notChecked??[]).map(l=>n(l.reason)),h=(s.matched??[]).map(l=>l.reasons.map(n)),r=s.skipped!==void 0?n(s.skipped):-1,c=await zt(t),f=l=>c[l]!==t[l];return{report:{...s,findings:s.findings.map((l,u)=>{let{fix:v,gather:m,parts:y,...A}=l,F=i[u],$=v&&!f(F.fix),k=y&&!f(F.message)&&!F.parts.some(f),[x,M,H]=(F.gather??[]).map(I=>c[I]);return{...A,message:c[F.message],...$?{fix:v}:{},...k?{parts:y}:{},...m?{gather:{key:m.key,name:x,lead:M,tail:H}}:{}}}),waivers:s.waivers.map((l,u)=>({...l,label:c[o[u].label],section:c[o[u].section],reason:c[o[u].reason]})),...s.notChecked?{notChecked:s.notChecked.map((l,u)=>({...l,reason:c[p[u]]}))}:{},...s.matched?{matched:s.matched.map((l,u)=>({...l,reasons:h[u].map(v=>c[v])}))}:{},...s.skipped!==void 0?{skipped:c[r]}:{}},notes:d.map(l=>c[l])}}import{availableParallelism as Xt}from"node:os";function ht(s,e){let t=new Map,n=r=>{t.has(w(r))||t.set(w(r),r)},i=new Map,o=r=>{if(!r)return{};let c=(i.get(r.what)??0)+1;return i.set(r.what,c),c>r.max?{unread:{kind:"over-limit",bound:r}}:{}},d=Ye(),p=d.bound(e);for(let r of new Set(s.linked))n({path:r,kind:d.kind,...o(p)});let h=r=>re(r,e)??s.byText?.get(r);for(let r of s.changed??[]){let c=h(r);!c||t.has(r)||n({path:r,kind:c,...o(T(c).bound?.(e))})}for(let r of s.named??[])Xe(r,e)||n({path:r,kind:h(r)??We});return[...t.values()]}function ft(s,e=he()){let t=new Set(s.map(w)),n=[];for(let i of s)if(!(i.text===void 0||i.companion))for(let o of T(i.kind).companions?.(i.path,i.text)??[]){let d=w(o);if(!t.has(d)){if(!e.seen.has(d)){if(e.left<=0)continue;e.seen.add(d),e.left--}t.add(d),n.push({...o,kind:i.kind,companion:!0})}}return n}var he=()=>({seen:new Set,left:Yt}),Yt=60;function gt(s,e){return s.unread?{...s,text:void 0}:typeof e=="object"?{...s,text:void 0,unread:e}:{...s,text:e}}function yt(s,e){let t=e.labels.find(n=>s.skip.labels.includes(n));return t!==void 0?`the pull request has the label "${t}".`:s.skip.authors.includes(e.author)?`pull requests by ${e.author} are not gated.`:s.skip.drafts&&e.draft?"the pull request is a draft; the gate runs when it is ready for review.":je(s.skip.onlyChangedFiles,e,n=>{let i=re(n,s);return i!==void 0&&!T(i).weighed||ae(n,s)!==void 0})}async function wt(s,e,t,n){let i=s.flatMap(r=>{let c=ae(r,e);return c?[{path:r,...c}]:[]}),o=new Map,d=[],p=i.slice(0,e.evidence.maxFiles),h=await N(p,n,r=>t(r.path));p.forEach((r,c)=>{let f=h[c];typeof f!="string"||r.owns(f)?f!==void 0&&o.set(r.path,r.kind):d.push({path:r.path,reason:r.otherwise})});for(let r of i.slice(p.length))o.set(r.path,r.kind);return{kinds:o,notChecked:d,left:new Set(d.map(r=>r.path))}}var Zt=150;function kt(s){let e=s.length<Zt?1:Math.min(Xt(),4);if(e===1)return s.length>0?[s]:[];let t=p=>(p.text?.length??0)+256,n=s.reduce((p,h)=>p+t(h),0),i=[],o=[],d=0;for(let p of s)o.push(p),d+=t(p),d>=n*(i.length+1)/e&&i.length<e-1&&(i.push(o),o=[]);return o.length>0&&i.push(o),i}function vt(s){let e=Math.max(s.total,s.files.length);return{files:s.files.map(t=>({path:t.path,...t.previous?{previous:t.previous}:{},...t.removed?{removed:t.removed}:{}})),truncated:s.files.length<e,total:e}}var Q=s=>({...s,kind:z(s.kind)}),Z=class{constructor(e){this.source=e}source;heads=new Map;companionReads=new Map;linked=Promise.resolve([]);head=e=>{let t=this.heads.get(e);return t||this.heads.set(e,t=this.source.read({path:e,maxBytes:10485760})),t};documents(e){return N(e,this.source.concurrency,async t=>gt(t,t.unread?void 0:await(!t.fromBase&&this.heads.has(t.path)?this.heads.get(t.path):this.source.read({...t,maxBytes:Je(t.kind)}))))}companions(e){return N(e,this.source.concurrency,t=>{let n=w(t),i=this.companionReads.get(n);return i||this.companionReads.set(n,i=this.documents([t]).then(([o])=>o)),i})}linkedBy(e){this.linked=e}async document(e){return(await this.linked).find(n=>n.path===e.path&&!n.fromBase)??(await this.documents([{path:e.path,kind:z(e.kind)}]))[0]}};function bt(s,e,t,n){let i;return{...n,concurrency:s.concurrency,readHead:e.head,readDocument:o=>e.document(o),readBase:async o=>(await e.companions([{path:o.path,kind:z(o.kind),companion:!0,fromBase:!0}]))[0],canList:s.list!==void 0,mentions:async o=>{if(s.mentions)try{return await s.mentions(o)}catch(d){if(!(d instanceof g))throw d;return}},tree:async()=>{if(s.tree)return i??=s.tree().catch(o=>{if(!(o instanceof g))throw o;t.push(o)}),i},list:async(o,d)=>{if(s.list)try{return await s.list(o)}catch(p){if(!(p instanceof g))throw p;d&&t.push(p);return}}}}function Rt(s,e){if(!e)return;let t={};for(let n of s)T(n.kind).judgesChangedLines&&Object.hasOwn(e,n.path)&&(t[n.path]=e[n.path]);return Object.keys(t).length>0?t:void 0}async function Pt(s,e,t,n){let i;try{i=await s}catch(d){if(!(d instanceof g))throw d;t.push(d);return}if(e===void 0)return;let o=$e(i,e);return o&&i.length>1&&n.push(`The description was compared with the pull-request template ${Ne(o.path)}, the one of the repository's ${i.length} it follows.`),o}async function Jn(s,e={}){let t=await Vt(s,e);return{...t,...await mt(t.report,t.notes)}}async function Vt(s,e){let{rendered:t=[],kubectl:n,today:i=new Date().toISOString().slice(0,10),verifyFixes:o=!1,...d}=e,p={...d,deadline:e.deadline??Date.now()+(e.budget??ce).runMs},h=await en(s,i,p.budget);if("report"in h)return h;let{config:r,pr:c,changed:f,facts:l,failures:u,early:v}=h,m=yt(r,{labels:l.labels??[],author:l.author??"",draft:c.draft,...l.changedFiles?{changedFiles:l.changedFiles}:{}});if(m)return{report:{...Qe([],[],[],[],r.strict),config:r.source,skipped:m},notes:[],config:r};let y=s.reviews?.(r);y?.catch(()=>{});let{linked:A,description:F}=c.body===void 0?{linked:[],description:void 0}:await st(c.body,r,p.budget,v),$=s.templates?.(r.pullRequest.template)??Promise.resolve([]);$.catch(()=>{});let k=await s.named?.(r),x=new Z(s),M=bt(s,x,u,{settings:r,changed:(f?.files??[]).filter(a=>!a.removed).map(a=>a.path),removed:(f?.files??[]).flatMap(a=>a.removed?[a.path]:a.previous!==void 0?[a.previous]:[]),named:k!==void 0,audit:k?.audit===!0,deadline:p.deadline,rendered:t,...n?{kubectl:n}:{}}),H=await Promise.all(W.map(a=>a.dependents?.(M))),I=H.flatMap(a=>a?.notes??[]),fe=()=>{},Ft=new Promise(a=>fe=a),_=Promise.all(W.map(a=>a.extraChecks?.(Ft,M)));_.catch(()=>{});let ge=k?k.files:[...M.changed,...H.flatMap(a=>a?.paths??[])],G=await wt(ge,r,x.head,s.concurrency),L=ht(k?{linked:A,named:k.files.filter(a=>!G.left.has(a)),byText:G.kinds}:{linked:A,changed:ge,byText:G.kinds},r);fe(L);let ye=new Set(A),we=x.documents(L.filter(a=>ye.has(a.path)));x.linkedBy(we);let j=Promise.all(W.map(a=>a.linked?.(L,M)));j.catch(()=>{});let ke=async()=>{let a=await j,C=Object.assign({},...a.map(S=>S?.overlays??{}));return{...k?.audit?{alertRunbooks:a.flatMap(S=>S?.alertRunbooks??[])}:{},...Object.keys(C).length>0?{overlays:C}:{}}},xt=he(),St=await x.documents(L.filter(a=>!ye.has(a.path))),V=await Promise.all([...kt(St).map(async a=>{let C=await x.companions(ft(a,xt)),S=new Set(a.map(w)),U=(await j).flatMap(b=>b?.wanted(a)?[...b.files,...b.companions??[]]:[]).filter(b=>!S.has(w(b))).map(b=>({...Q(b),companion:!0})),D=Rt(a,f?.lines);return{report:await Y({files:[...a,...C,...U],config:r,...o?{verifyFixes:o}:{},...D?{changedLines:D}:{},...await ke(),...l.changedFiles?{pullRequest:{changedFiles:l.changedFiles,...l.baseBranch!==void 0?{baseBranch:l.baseBranch}:{}}}:{}},p),evidenceSources:de(a)}}),...(await _).flatMap(a=>a?.checks??[]).map(async({files:a,relabel:C,keep:S})=>{let U=a.map(Q),D=await Y({files:U,config:r,...l.changedFiles?{pullRequest:{changedFiles:l.changedFiles}}:{}},p),ee=R=>!S||S.includes(R)||Be.includes(R),b=D.findings.filter(R=>ee(R.ruleId)).map(R=>C?C(R):R),Mt=D.passed.filter(R=>ee(R.ruleId));return{report:{...D,findings:b,passed:Mt},evidenceSources:de(U)}})]);I.push(...(await _).flatMap(a=>a?.notes??[]));let q;try{q=await y,I.push(...q?.notes??[])}catch(a){if(!(a instanceof g))throw a;u.push(a)}let ve=await Pt($,c.body,u,I),be=await Jt(s,r,(await _).flatMap(a=>a?.owed??[]),u),Re=V.flatMap(a=>a.report.findings),At=new Set(L.filter(a=>!a.companion).map(w)),Ct=(await j).flatMap(a=>a?.files??[]).filter(a=>a.text!==void 0&&!At.has(w(a))).map(Q),Et=[await Y({...F!==void 0?{description:F}:{},files:[...await we,...Ct],config:r,...o?{verifyFixes:o}:{},...await ke(),...ve?{template:ve}:{},...Re.length>0?{evidence:Re}:{},evidenceSources:V.flatMap(a=>a.evidenceSources),pullRequest:{...l,...q?.approvals?{approvals:q.approvals}:{},...be?{owners:be}:{}},...q?.reviews?{reviews:q.reviews}:{}},p),...u.length>0?[X(u,E,r.strict)]:[]],J=Ze([...Et,...V.map(a=>a.report)],r.strict),Pe=[...k?.notChecked??[],...k?G.notChecked:[]];Pe.length>0&&(J.notChecked=Pe);let Fe=(await _).flatMap(a=>a?.services??[]);return Fe.length>0&&(J.services=Fe),{report:J,notes:I,config:r}}async function Jt(s,e,t,n){if(t.length!==0){if(!s.teamApprovals)return{owed:t};try{let i=await s.teamApprovals(t.map(o=>o.teams),e.signOff?.allowStaleApproval??!1);return{owed:t,facts:i}}catch(i){if(!(i instanceof g))throw i;return n.push(i),{owed:t}}}}async function en(s,e,t=ce){let n=s.config(),i=s.pullRequest(),o=s.changedFiles();i.catch(()=>{}),o.catch(()=>{});let{eventDescription:d}=s,p=d!==void 0&&s.sent?s.sent().then(()=>it(d,t)):void 0;p?.catch(()=>{});let h;try{let{text:m,path:y}=await n;h=ie(Ue(m,y))}catch(m){if(m instanceof K)return{report:tt(m,s.configFrom),notes:[]};if(m instanceof g)return{report:X([m],m.source,!1),notes:[]};throw m}let r=ie({...Ke(h,s.repository),today:e}),c;try{c=await i}catch(m){if(m instanceof g)return{report:X([m],E,r.strict,r),notes:[],config:r};throw m}let f=[],l=await o.catch(m=>{if(!(m instanceof g))throw m;f.push(m)}),u={...c.facts,...l?{changedFiles:vt(l)}:{}},v=nt(u);return v&&f.push(v),{config:r,pr:c,changed:l,facts:u,failures:f,early:await p?.catch(()=>{})}}export{pe as a,nn as b,lt as c,$t as d,Z as e,bt as f,Jn as g};
