import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{a as g,b as Je,c as le,d as et,e as tt,f as nt,g as Y,h as st}from"./chunk-GSE6MFJG.js";import{b as z,c as Ke,d as oe,e as ze}from"./chunk-SK2THQKW.js";import{a as Ae,c as te,d as Se,e as ne,f as Ce,g as Ee,i as Me,j as Ie,k as _e,l as qe,m as De,n as se,o as Te,p as Le}from"./chunk-N4VKR7FX.js";import{a as q}from"./chunk-D2DZG33M.js";import{a as ce,d as it,e as ot,f as Z}from"./chunk-AJMY6CSN.js";import{B as E,D as We,J as Xe,K as W,L as X,M as D,N as re,O as ae,P as Ye,Q as Ze,X as de,Y as Qe,Z as Ve,h as Ne,o as Be,q as B,r as $e,t as He,v as ie,w as Ge,x as je,y as Ue}from"./chunk-DTBL4QNS.js";import{d as Oe,i as k}from"./chunk-MYH3ABNS.js";var pe=".github/readiness-gate.yml",It=`# yaml-language-server: $schema=https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json
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
`,_t=`## Summary
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
`,qt=`# Runbook: [Deployment/Operation Name]

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
`,Dt=`name: Production readiness
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
`,tn=[{path:pe,text:It},{path:".github/pull_request_template.md",text:_t},{path:"docs/runbooks/TEMPLATE.md",text:qt},{path:".github/workflows/readiness-gate.yml",text:Dt}];async function ue(s,e,t){let n=Ce("reviews"),i=await s.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",{...e,pull_number:t,per_page:100},n.map);return n.check(),i.map(o=>({id:o.id,login:o.user?.login??"",state:o.state,commitId:o.commit_id,submittedAt:o.submitted_at??null,body:o.body??""}))}var Ot=`query($owner: String!, $repo: String!, $number: Int!, $after: String, $more: Boolean!) {
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
}`;async function rt(s,e,t,n=Ge){let i=[],o=null,a,p=!0;for(;p&&i.length<n;){let u=(await s.graphql(Ot,{owner:e.owner,repo:e.repo,number:t,after:o,more:a!==void 0})).repository?.pullRequest;if(!u)throw new Error(`pull request #${t} not found through GraphQL`);if(a??=u,i.push(...u.userContentEdits.nodes),p=u.userContentEdits.pageInfo.hasNextPage,o=u.userContentEdits.pageInfo.endCursor,!o)break}let h=i.slice(0,n).map(d=>({editor:d.editor?.login??"",editedAt:d.editedAt,body:d.diff??""})).reverse(),r=h.length===0||!p&&i.length<=n&&a.includesCreatedEdit,c=d=>new Map((d??[]).filter(u=>u.databaseId!==null&&u.lastEditedAt!==null).map(u=>[u.databaseId,{editor:u.editor?.login??"",at:u.lastEditedAt}])),f=d=>new Set((d??[]).flatMap(u=>u.databaseId===null?[]:[u.databaseId]));return{createdAt:a.createdAt,revisions:h,complete:r,commentEdits:c(a.comments?.nodes),reviewEdits:c(a.reviews?.nodes),commentsSeen:f(a.comments?.nodes),reviewsSeen:f(a.reviews?.nodes)}}var Tt="the token cannot read this team; give the action a token with read:org (or a GitHub App with Members: read) in `github-token`",Lt=20,Nt=4,$=class{constructor(e,t,n=Lt){this.client=e;this.max=n;this.people=new Set(t.filter(i=>!i.includes("/")).map(i=>i.toLowerCase())),this.teams=t.filter(i=>i.includes("/")).map(i=>{let[o,a]=i.split("/");return{name:i,org:o,slug:a}})}client;max;people;teams;readable=new Map;known=new Map;looked=0;queue=[];running=0;async resolve(e){let t=new Map,n=e.map(i=>this.one(i).then(o=>[i,o]));for(let[i,o]of await Promise.all(n))t.set(i,o);return t}one(e){let t=this.known.get(e);return t||(this.people.has(e.toLowerCase())?t=Promise.resolve({kind:"yes",via:"listed"}):this.teams.length===0?t=Promise.resolve({kind:"no"}):++this.looked>this.max?t=Promise.resolve({kind:"unknown",reason:`the gate looks up at most ${this.max} people in teams a run, and more reviewed or commented`}):t=this.limited(()=>this.lookUp(e)),this.known.set(e,t),t)}async limited(e){this.running>=Nt&&await new Promise(t=>this.queue.push(t)),this.running++;try{return await e()}finally{this.running--,this.queue.shift()?.()}}canRead(e){let t=this.readable.get(e.name);return t||(t=this.client.request("GET /orgs/{org}/teams/{team_slug}",{org:e.org,team_slug:e.slug}).then(()=>!0).catch(n=>{if(n instanceof q&&(n.status===403||n.status===404))return!1;throw n}),this.readable.set(e.name,t)),t}async lookUp(e){let t=[];for(let n of this.teams){if(!await this.canRead(n)){t.push(n.name);continue}try{let{data:i}=await this.client.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}",{org:n.org,team_slug:n.slug,username:e});if(i.state==="active")return{kind:"yes",via:n.name}}catch(i){if(!(i instanceof q&&i.status===404))throw i}}return t.length>0?{kind:"unknown",reason:`${t.join(", ")}: ${Tt}`}:{kind:"no"}}};async function dt(s,e,t,n,i){return me(s,e,t,n.filter(o=>o.require.approvals>0).map(o=>o.require.reviewers),i)}async function me(s,e,t,n,i){let o=await(i.reviews??ue(s,e,t.number)),a=ie({author:t.author,reviews:o,comments:[],revisions:[]},[]),p=new Map(n.map(r=>[je(r),[...r]])),h=new Map;return await Promise.all([...p].map(async([r,c])=>h.set(r,await new $(s,c).resolve(a)))),{reviews:o,author:t.author,headSha:t.headSha,allowStaleApproval:i.allowStaleApproval,authority:h}}async function lt(s,e,t,n,i){let o=[],[a,p,h]=await Promise.all([ue(s,e,t.number),i,rt(s,e,t.number).catch(m=>{o.push(`Could not read the description's edit history (${m.message.split(`
`)[0]}), so ticks in it cannot be attributed to a reviewer, nor edits of reviews and comments to their editors.`);let y=new Map;return{createdAt:"",revisions:[],complete:!1,commentEdits:y,reviewEdits:y,commentsSeen:new Set,reviewsSeen:new Set}})]),r=(m,y,C)=>y.get(m)??(C.has(m)?void 0:"unknown"),c=a.map(m=>({...m,...at(r(m.id,h.reviewEdits,h.reviewsSeen))})),f=p.filter(m=>!m.body.startsWith(Se)).map(m=>({id:m.id,login:m.login,createdAt:m.createdAt,body:m.body,...at(r(m.id,h.commentEdits,h.commentsSeen))})),d=ie({author:t.author,reviews:c,comments:f,revisions:h.revisions},n.sections),u=await new $(s,n.reviewers).resolve(d);return{facts:{author:t.author,headSha:t.headSha,createdAt:h.createdAt,reviews:c,comments:f,revisions:h.revisions,historyComplete:h.complete,authority:u},notes:o}}var at=s=>s?{edited:s}:{};var pt=class{constructor(e,t){this.client=e;this.options=t;this.repository={host:new URL(t.serverUrl).host,...t.repo}}client;options;concurrency=tt;configFrom="the base branch";repository;pr;commentList;fileList;templatePaths=new Map;pull(){let e=this.options.first?.pull??Me(this.client,this.options.repo,this.options.number);return this.pr??=e.catch(t=>{throw F(`pull request #${this.options.number}`,t)}),this.pr}comments(){return this.commentList??=this.options.first?.comments??Ee(this.client,this.options.repo,this.options.number),this.commentList}async config(){let{configPath:e,eventBaseSha:t}=this.options;t&&this.templatesAt(t).catch(()=>{});let n=t??(await this.pull()).baseSha,i=n,o=await this.readConfig(n),{baseSha:a}=await this.pull();if(a!==n&&(i=a,o=await this.readConfig(a)),o===void 0&&e!==pe){let p=`no such file at the base commit ${i.slice(0,7)}, though the \`config\` input names it. Fix the input, or add the file.`;throw new z(e,1,1,p)}return{path:e,text:o}}templatesAt(e){let t=this.options.first?.templates,n=this.templatePaths.get(e)??(t?.sha===e?t.paths:Te(this.client,this.options.repo,e));return this.templatePaths.set(e,n),n}async templates(e){if(e===!1)return[];let{baseSha:t}=await this.pull();try{let n=Oe(e,typeof e=="string"?[]:await this.templatesAt(t)),i=await Le(this.client,this.options.repo,t,n);if(typeof e=="string"&&i.length===0)throw new g(`the pull-request template ${e}`,`there is no such file at the base commit ${t.slice(0,7)}, though \`pull-request.template\` names it`,E,!1);return i}catch(n){throw n instanceof g?n:F("the pull-request template",n)}}async readConfig(e){let{configPath:t}=this.options,n=this.options.first?.config;try{return await(n?.path===t&&n.sha===e&&n.maxBytes===1048576?n.text:se(this.client,this.options.repo,t,e))}catch(i){throw F(`the config at the base commit ${e.slice(0,7)}`,i,t)}}async pullRequest(){let e=await this.pull();return{body:e.body,draft:e.draft,facts:{labels:e.labels,baseBranch:e.baseRef,author:e.author,title:e.title}}}listed(){let e=this.options.first?.files??Ie(this.client,this.options.repo,this.options.number);return this.fileList??=e.catch(t=>{throw F("the list of changed files",t)}),this.fileList}async changedFiles(){let[e,t]=await Promise.all([this.listed(),this.pull()]);return{files:e.map(n=>({path:n.path,...n.previous?{previous:n.previous}:{},...n.status==="removed"?{removed:!0}:{}})),total:t.changedFileCount,lines:Object.fromEntries(e.flatMap(n=>n.patch!==void 0&&Ne(n.path)?[[n.path,We(n.patch)]]:[]))}}get eventDescription(){return this.options.eventBody}sent(){return Ae(this.client)}async read(e){try{let t=await this.pull(),n=e.fromBase?t.baseSha:t.headSha,i=e.fromBase?void 0:this.options.first?.ahead.get(e.path);return i?.sha===n&&i.maxBytes===(e.maxBytes??1048576)?await i.text:await se(this.client,this.options.repo,e.path,n,e.maxBytes)}catch(t){let n=t instanceof Error?t.message.split(`
`)[0]:String(t);return{kind:"failed",reason:`${t instanceof q&&t.response?`GitHub answered ${t.status}: `:""}${n}`}}}async list(e){try{let t=await this.pull();return await _e(this.client,this.options.repo,e,t.headSha)}catch(t){throw F(`the folder ${e}`,t)}}async tree(){try{let e=await this.pull();return await qe(this.client,this.options.repo,e.headSha,Je)}catch(e){throw F("the repository's list of files",e)}}async mentions(e){let t=new Set;for(let n of e)try{for(let i of await De(this.client,this.options.repo,n,le))t.add(i)}catch(i){throw F(`the search for files that link ${n}`,i)}return[...t].slice(0,le)}async teamApprovals(e,t){try{let n=await this.pull();return await me(this.client,this.options.repo,n,e,{allowStaleApproval:t})}catch(n){if(n instanceof g)throw n;let i="the reviews and teams the services of this pull request owe an approval";throw n instanceof ne?new g(i,n.message,E,!1):F(i,n)}}async reviews(e){let t=e.when.some(o=>o.require.approvals>0);if(!e.signOff&&!t)return{notes:[]};let{client:n}=this,{repo:i}=this.options;try{let o=await this.pull(),a=e.signOff?await lt(n,i,o,e.signOff,this.comments()):void 0,p=t?await dt(n,i,o,e.when,{allowStaleApproval:e.signOff?.allowStaleApproval??!1,...a?{reviews:Promise.resolve(a.facts.reviews)}:{}}):void 0;return{...a?{reviews:a.facts}:{},...p?{approvals:p}:{},notes:a?.notes??[]}}catch(o){if(o instanceof g)throw o;let a="the reviews, comments and reviewers that sign-off and approvals rest on";throw o instanceof ne?new g(a,o.message,E,!1):F(a,o)}}};function Bt(s){let e=s instanceof Error?s.message.split(`
`)[0]:String(s);return s instanceof q?s.response?`GitHub answered ${s.status} on ${te(s)}: ${e}`:`could not reach GitHub on ${te(s)}: ${e}`:e}function F(s,e,t){return new g(s,Bt(e),t)}var $t=/^(?:api_?key|apikey|key|token|access_?token|refresh_?token|id_?token|auth|authorization|sig|signature|x_?amz_?signature|x_?amz_?credential|x_?amz_?security_?token|x_?goog_?signature|x_?goog_?credential|password|passwd|pwd|pass|secret|client_?secret|private_?token|session|sessionid)$/i,Ht=/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@?#]+)@/gi,Gt=/([?&;])([A-Za-z0-9_.-]+)=([^\s&#;"'<>)\]}`]*?)(?=[.,:!?]*(?:[\s&#;"'<>)\]}`]|$))/g;function ht(s){return!s.includes("://")&&!s.includes("?")?s:s.replace(Ht,(e,t)=>`${t}***@`).replace(Gt,(e,t,n,i)=>i!==""&&$t.test(n.replace(/-/g,"_"))?`${t}${n}=***`:e)}var jt=/:\/\/|-----BEGIN|(?=[A-Za-z0-9_+/=-]{16,})(?=[A-Za-z_+/=-]*[0-9])[A-Za-z0-9_+/=-]{16,}/,ut;function Ut(){return ut??=(async()=>{let[{lintSource:s},{creator:e}]=await Promise.all([import("./module-IFXNAHDZ.js"),import("./module-57A2J6M4.js")]);return async t=>(await s({source:{content:t,filePath:"/report.txt",ext:".txt",contentType:"text"},options:{config:{rules:[{id:e.meta.id,rule:e}]}}})).messages.map(i=>i.range)})(),ut}var mt=`

`;async function Kt(s){let e=[...s],t=s.map((n,i)=>jt.test(n)?i:-1).filter(n=>n>=0);if(t.length>0){let n=t.map(o=>s[o]).join(mt),i=await(await Ut())(n);if(i.length>0){let o=0;for(let a of t){let p=e[a],h=i.filter(([c,f])=>c<o+p.length&&f>o).map(([c,f])=>[Math.max(0,c-o),Math.min(p.length,f-o)]).sort((c,f)=>f[0]-c[0]),r=p;for(let[c,f]of h)r=`${r.slice(0,c)}${zt(r.slice(c,f))}${r.slice(f)}`;e[a]=r,o+=p.length+mt.length}}}return e.map(ht)}function zt(s){let e=ht(s);if(e!==s)return e;let t=/^([a-z][a-z0-9+.-]*:\/\/[^/\s@]+)(?:\/|$)/i.exec(s);return t?`${t[1]}/***`:"***"}async function ft(s,e){let t=[],n=d=>t.push(d)-1,i=s.findings.map(d=>({message:n(d.message),parts:(d.parts??[]).map(u=>n(u.text)),fix:d.fix?n(d.fix.text):-1,gather:d.gather?[n(d.gather.name),n(d.gather.lead),n(d.gather.tail)]:void 0})),o=s.waivers.map(d=>({label:n(d.label),section:n(d.section),reason:n(d.reason)})),a=e.map(n),p=(s.notChecked??[]).map(d=>n(d.reason)),h=(s.matched??[]).map(d=>d.reasons.map(n)),r=s.skipped!==void 0?n(s.skipped):-1,c=await Kt(t),f=d=>c[d]!==t[d];return{report:{...s,findings:s.findings.map((d,u)=>{let{fix:b,gather:m,parts:y,...C}=d,x=i[u],H=b&&!f(x.fix),v=y&&!f(x.message)&&!x.parts.some(f),[A,M,G]=(x.gather??[]).map(I=>c[I]);return{...C,message:c[x.message],...H?{fix:b}:{},...v?{parts:y}:{},...m?{gather:{key:m.key,name:A,lead:M,tail:G}}:{}}}),waivers:s.waivers.map((d,u)=>({...d,label:c[o[u].label],section:c[o[u].section],reason:c[o[u].reason]})),...s.notChecked?{notChecked:s.notChecked.map((d,u)=>({...d,reason:c[p[u]]}))}:{},...s.matched?{matched:s.matched.map((d,u)=>({...d,reasons:h[u].map(b=>c[b])}))}:{},...s.skipped!==void 0?{skipped:c[r]}:{}},notes:a.map(d=>c[d])}}import{availableParallelism as Wt}from"node:os";function gt(s,e){let t=new Map,n=r=>{t.has(k(r))||t.set(k(r),r)},i=new Map,o=r=>{if(!r)return{};let c=(i.get(r.what)??0)+1;return i.set(r.what,c),c>r.max?{unread:{kind:"over-limit",bound:r}}:{}},a=Ze(),p=a.bound(e);for(let r of new Set(s.linked))n({path:r,kind:a.kind,...o(p)});let h=r=>re(r,e)??s.byText?.get(r);for(let r of s.changed??[]){let c=h(r);!c||t.has(r)||n({path:r,kind:c,...o(D(c).bound?.(e))})}for(let r of s.named??[])Ye(r,e)||n({path:r,kind:h(r)??Xe});return[...t.values()]}function yt(s,e=he()){let t=new Set(s.map(k)),n=[];for(let i of s)if(!(i.text===void 0||i.companion))for(let o of D(i.kind).companions?.(i.path,i.text)??[]){let a=k(o);if(!t.has(a)){if(!e.seen.has(a)){if(e.left<=0)continue;e.seen.add(a),e.left--}t.add(a),n.push({...o,kind:i.kind,companion:!0})}}return n}var he=()=>({seen:new Set,left:Xt}),Xt=60;function wt(s,e){return s.unread?{...s,text:void 0}:typeof e=="object"?{...s,text:void 0,unread:e}:{...s,text:e}}function kt(s,e){let t=e.labels.find(n=>s.skip.labels.includes(n));return t!==void 0?`the pull request has the label "${t}".`:s.skip.authors.includes(e.author)?`pull requests by ${e.author} are not gated.`:s.skip.drafts&&e.draft?"the pull request is a draft; the gate runs when it is ready for review.":Ue(s.skip.onlyChangedFiles,e,n=>{let i=re(n,s);return i!==void 0&&!D(i).weighed||ae(n,s)!==void 0})}async function vt(s,e,t,n){let i=s.flatMap(r=>{let c=ae(r,e);return c?[{path:r,...c}]:[]}),o=new Map,a=[],p=i.slice(0,e.evidence.maxFiles),h=await B(p,n,r=>t(r.path));p.forEach((r,c)=>{let f=h[c];typeof f!="string"||r.owns(f)?f!==void 0&&o.set(r.path,r.kind):a.push({path:r.path,reason:r.otherwise})});for(let r of i.slice(p.length))o.set(r.path,r.kind);return{kinds:o,notChecked:a,left:new Set(a.map(r=>r.path))}}var Yt=150;function bt(s){let e=s.length<Yt?1:Math.min(Wt(),4),t=Math.ceil(s.length/e);return Array.from({length:e},(n,i)=>s.slice(i*t,(i+1)*t)).filter(n=>n.length>0)}function Rt(s){let e=Math.max(s.total,s.files.length);return{files:s.files.map(t=>({path:t.path,...t.previous?{previous:t.previous}:{},...t.removed?{removed:t.removed}:{}})),truncated:s.files.length<e,total:e}}var V=s=>({...s,kind:W(s.kind)}),Q=class{constructor(e){this.source=e}source;heads=new Map;companionReads=new Map;linked=Promise.resolve([]);head=e=>{let t=this.heads.get(e);return t||this.heads.set(e,t=this.source.read({path:e,maxBytes:10485760})),t};documents(e){return B(e,this.source.concurrency,async t=>wt(t,t.unread?void 0:await(!t.fromBase&&this.heads.has(t.path)?this.heads.get(t.path):this.source.read({...t,maxBytes:et(t.kind)}))))}companions(e){return B(e,this.source.concurrency,t=>{let n=k(t),i=this.companionReads.get(n);return i||this.companionReads.set(n,i=this.documents([t]).then(([o])=>o)),i})}linkedBy(e){this.linked=e}async document(e){return(await this.linked).find(n=>n.path===e.path&&!n.fromBase)??(await this.documents([{path:e.path,kind:W(e.kind)}]))[0]}};function Pt(s,e,t,n){let i;return{...n,concurrency:s.concurrency,readHead:e.head,readDocument:o=>e.document(o),readBase:async o=>(await e.companions([{path:o.path,kind:W(o.kind),companion:!0,fromBase:!0}]))[0],canList:s.list!==void 0,mentions:async o=>{if(s.mentions)try{return await s.mentions(o)}catch(a){if(!(a instanceof g))throw a;return}},tree:async()=>{if(s.tree)return i??=s.tree().catch(o=>{if(!(o instanceof g))throw o;t.push(o)}),i},list:async(o,a)=>{if(s.list)try{return await s.list(o)}catch(p){if(!(p instanceof g))throw p;a&&t.push(p);return}}}}function Ft(s,e){if(!e)return;let t={};for(let n of s)D(n.kind).judgesChangedLines&&Object.hasOwn(e,n.path)&&(t[n.path]=e[n.path]);return Object.keys(t).length>0?t:void 0}async function xt(s,e,t,n){let i;try{i=await s}catch(a){if(!(a instanceof g))throw a;t.push(a);return}if(e===void 0)return;let o=He(i,e);return o&&i.length>1&&n.push(`The description was compared with the pull-request template ${Be(o.path)}, the one of the repository's ${i.length} it follows.`),o}async function Vn(s,e={}){let t=await Qt(s,e);return{...t,...await ft(t.report,t.notes)}}async function Qt(s,e){let{rendered:t=[],kubectl:n,today:i=new Date().toISOString().slice(0,10),verifyFixes:o=!1,...a}=e,p={...a,deadline:e.deadline??Date.now()+(e.budget??ce).runMs},h=await Jt(s,i,p.budget);if("report"in h)return h;let{config:r,pr:c,changed:f,facts:d,failures:u,early:b}=h,m=kt(r,{labels:d.labels??[],author:d.author??"",draft:c.draft,...d.changedFiles?{changedFiles:d.changedFiles}:{}});if(m)return{report:{...Ve([],[],[],[],r.strict),config:r.source,skipped:m},notes:[],config:r};let y=s.reviews?.(r);y?.catch(()=>{});let{linked:C,description:x}=c.body===void 0?{linked:[],description:void 0}:await it(c.body,r,p.budget,b),H=s.templates?.(r.pullRequest.template)??Promise.resolve([]);H.catch(()=>{});let v=await s.named?.(r),A=new Q(s),M=Pt(s,A,u,{settings:r,changed:(f?.files??[]).filter(l=>!l.removed).map(l=>l.path),removed:(f?.files??[]).flatMap(l=>l.removed?[l.path]:l.previous!==void 0?[l.previous]:[]),named:v!==void 0,audit:v?.audit===!0,deadline:p.deadline,rendered:t,...n?{kubectl:n}:{}}),G=await Promise.all(X.map(l=>l.dependents?.(M))),I=G.flatMap(l=>l?.notes??[]),fe=()=>{},At=new Promise(l=>fe=l),O=Promise.all(X.map(l=>l.extraChecks?.(At,M)));O.catch(()=>{});let ge=v?v.files:[...M.changed,...G.flatMap(l=>l?.paths??[])],j=await vt(ge,r,A.head,s.concurrency),T=gt(v?{linked:C,named:v.files.filter(l=>!j.left.has(l)),byText:j.kinds}:{linked:C,changed:ge,byText:j.kinds},r);fe(T);let ye=new Set(C),we=A.documents(T.filter(l=>ye.has(l.path)));A.linkedBy(we);let U=Promise.all(X.map(l=>l.linked?.(T,M)));U.catch(()=>{});let ke=async()=>{let l=await U,w=Object.assign({},...l.map(S=>S?.overlays??{}));return{...v?.audit?{alertRunbooks:l.flatMap(S=>S?.alertRunbooks??[])}:{},...Object.keys(w).length>0?{overlays:w}:{}}},St=he(),J=await Promise.all([...bt(T.filter(l=>!ye.has(l.path))).map(async l=>{let w=await A.documents(l),S=await A.companions(yt(w,St)),K=new Set(w.map(k)),L=(await U).flatMap(R=>R?.wanted(w)?[...R.files,...R.companions??[]]:[]).filter(R=>!K.has(k(R))).map(R=>({...V(R),companion:!0})),N=Ft(w,f?.lines);return{report:await Z({files:[...w,...S,...L],config:r,...o?{verifyFixes:o}:{},...N?{changedLines:N}:{},...await ke(),...d.changedFiles?{pullRequest:{changedFiles:d.changedFiles,...d.baseBranch!==void 0?{baseBranch:d.baseBranch}:{}}}:{}},p),evidenceSources:de(w)}}),...(await O).flatMap(l=>l?.checks??[]).map(async({files:l,relabel:w,keep:S})=>{let K=l.map(V),L=await Z({files:K,config:r,...d.changedFiles?{pullRequest:{changedFiles:d.changedFiles}}:{}},p),N=P=>!S||S.includes(P)||$e.includes(P),xe=L.findings.filter(P=>N(P.ruleId)).map(P=>w?w(P):P),R=L.passed.filter(P=>N(P.ruleId));return{report:{...L,findings:xe,passed:R},evidenceSources:de(K)}})]);I.push(...(await O).flatMap(l=>l?.notes??[]));let _;try{_=await y,I.push(..._?.notes??[])}catch(l){if(!(l instanceof g))throw l;u.push(l)}let ve=await xt(H,c.body,u,I),be=await Vt(s,r,(await O).flatMap(l=>l?.owed??[]),u),Re=J.flatMap(l=>l.report.findings),Ct=new Set(T.filter(l=>!l.companion).map(k)),Et=(await U).flatMap(l=>l?.files??[]).filter(l=>l.text!==void 0&&!Ct.has(k(l))).map(V),Mt=[await Z({...x!==void 0?{description:x}:{},files:[...await we,...Et],config:r,...o?{verifyFixes:o}:{},...await ke(),...ve?{template:ve}:{},...Re.length>0?{evidence:Re}:{},evidenceSources:J.flatMap(l=>l.evidenceSources),pullRequest:{...d,..._?.approvals?{approvals:_.approvals}:{},...be?{owners:be}:{}},..._?.reviews?{reviews:_.reviews}:{}},p),...u.length>0?[Y(u,E,r.strict)]:[]],ee=Qe([...Mt,...J.map(l=>l.report)],r.strict),Pe=[...v?.notChecked??[],...v?j.notChecked:[]];Pe.length>0&&(ee.notChecked=Pe);let Fe=(await O).flatMap(l=>l?.services??[]);return Fe.length>0&&(ee.services=Fe),{report:ee,notes:I,config:r}}async function Vt(s,e,t,n){if(t.length!==0){if(!s.teamApprovals)return{owed:t};try{let i=await s.teamApprovals(t.map(o=>o.teams),e.signOff?.allowStaleApproval??!1);return{owed:t,facts:i}}catch(i){if(!(i instanceof g))throw i;return n.push(i),{owed:t}}}}async function Jt(s,e,t=ce){let n=s.config(),i=s.pullRequest(),o=s.changedFiles();i.catch(()=>{}),o.catch(()=>{});let{eventDescription:a}=s,p=a!==void 0&&s.sent?s.sent().then(()=>ot(a,t)):void 0;p?.catch(()=>{});let h;try{let{text:m,path:y}=await n;h=oe(Ke(m,y))}catch(m){if(m instanceof z)return{report:nt(m,s.configFrom),notes:[]};if(m instanceof g)return{report:Y([m],m.source,!1),notes:[]};throw m}let r=oe({...ze(h,s.repository),today:e}),c;try{c=await i}catch(m){if(m instanceof g)return{report:Y([m],E,r.strict,r),notes:[],config:r};throw m}let f=[],d=await o.catch(m=>{if(!(m instanceof g))throw m;f.push(m)}),u={...c.facts,...d?{changedFiles:Rt(d)}:{}},b=st(u);return b&&f.push(b),{config:r,pr:c,changed:d,facts:u,failures:f,early:await p?.catch(()=>{})}}export{pe as a,tn as b,pt as c,Bt as d,Q as e,Pt as f,Vn as g};
