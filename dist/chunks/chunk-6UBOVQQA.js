import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{b as X,c as We,d as Ye}from"./chunk-HJHCJRCF.js";import{a as Se,c as ne,d as Ae,e as se,f as Me,g as Ie,i as Te,j as _e,k as qe,l as De,m as Oe,n as ie,p as Ne,r as Le,s as $e}from"./chunk-4F2AKUST.js";import{a as q}from"./chunk-D2DZG33M.js";import{a as ce,d as it,e as ot,f as Y}from"./chunk-FCXW7KLB.js";import{A as ze,D as k,I as Qe,J as Ve,K as z,L as W,M as D,N as ae,O as de,P as Je,Q as et,S as tt,W as nt,X as le,Y as st,Z as $,h as Be,j as oe,p as He,r as L,s as je,t as Ge,v as Ue,x as re,y as Ke,z as Xe}from"./chunk-Q6M6EXEF.js";import{b as Ze}from"./chunk-WX3GLO5E.js";import{f as w}from"./chunk-P3T7C7MY.js";var pe=".github/readiness-gate.yml",Ot=`# yaml-language-server: $schema=https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json
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
`,Nt=`## Summary
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
`,Lt=`# Runbook: [Deployment/Operation Name]

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
`,$t=`name: Production readiness
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
`,sn=[{path:pe,text:Ot},{path:".github/pull_request_template.md",text:Nt},{path:"docs/runbooks/TEMPLATE.md",text:Lt},{path:".github/workflows/readiness-gate.yml",text:$t}];async function ue(n,e,t){let s=Me("reviews"),i=await n.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",{...e,pull_number:t,per_page:100},s.map);return s.check(),i.map(o=>({id:o.id,login:o.user?.login??"",state:o.state,commitId:o.commit_id,submittedAt:o.submitted_at??null,body:o.body??""}))}var Bt=`query($owner: String!, $repo: String!, $number: Int!, $after: String, $more: Boolean!) {
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
}`;async function rt(n,e,t,s=Ke){let i=[],o=null,a,p=!0;for(;p&&i.length<s;){let u=(await n.graphql(Bt,{owner:e.owner,repo:e.repo,number:t,after:o,more:a!==void 0})).repository?.pullRequest;if(!u)throw new Error(`pull request #${t} not found through GraphQL`);if(a??=u,i.push(...u.userContentEdits.nodes),p=u.userContentEdits.pageInfo.hasNextPage,o=u.userContentEdits.pageInfo.endCursor,!o)break}let h=i.slice(0,s).map(l=>({editor:l.editor?.login??"",editedAt:l.editedAt,body:l.diff??""})).reverse(),r=h.length===0||!p&&i.length<=s&&a.includesCreatedEdit,c=l=>new Map((l??[]).filter(u=>u.databaseId!==null&&u.lastEditedAt!==null).map(u=>[u.databaseId,{editor:u.editor?.login??"",at:u.lastEditedAt}])),f=l=>new Set((l??[]).flatMap(u=>u.databaseId===null?[]:[u.databaseId]));return{createdAt:a.createdAt,revisions:h,complete:r,commentEdits:c(a.comments?.nodes),reviewEdits:c(a.reviews?.nodes),commentsSeen:f(a.comments?.nodes),reviewsSeen:f(a.reviews?.nodes)}}var Ht="the token cannot read this team; give the action a token with read:org (or a GitHub App with Members: read) in `github-token`",jt=20,Gt=4,B=class{constructor(e,t,s=jt){this.client=e;this.max=s;this.people=new Set(t.filter(i=>!i.includes("/")).map(i=>i.toLowerCase())),this.teams=t.filter(i=>i.includes("/")).map(i=>{let[o,a]=i.split("/");return{name:i,org:o,slug:a}})}client;max;people;teams;readable=new Map;known=new Map;looked=0;queue=[];running=0;async resolve(e){let t=new Map,s=e.map(i=>this.one(i).then(o=>[i,o]));for(let[i,o]of await Promise.all(s))t.set(i,o);return t}one(e){let t=this.known.get(e);return t||(this.people.has(e.toLowerCase())?t=Promise.resolve({kind:"yes",via:"listed"}):this.teams.length===0?t=Promise.resolve({kind:"no"}):++this.looked>this.max?t=Promise.resolve({kind:"unknown",reason:`the gate looks up at most ${this.max} people in teams a run, and more reviewed or commented`}):t=this.limited(()=>this.lookUp(e)),this.known.set(e,t),t)}async limited(e){this.running>=Gt&&await new Promise(t=>this.queue.push(t)),this.running++;try{return await e()}finally{this.running--,this.queue.shift()?.()}}canRead(e){let t=this.readable.get(e.name);return t||(t=this.client.request("GET /orgs/{org}/teams/{team_slug}",{org:e.org,team_slug:e.slug}).then(()=>!0).catch(s=>{if(s instanceof q&&(s.status===403||s.status===404))return!1;throw s}),this.readable.set(e.name,t)),t}async lookUp(e){let t=[];for(let s of this.teams){if(!await this.canRead(s)){t.push(s.name);continue}try{let{data:i}=await this.client.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}",{org:s.org,team_slug:s.slug,username:e});if(i.state==="active")return{kind:"yes",via:s.name}}catch(i){if(!(i instanceof q&&i.status===404))throw i}}return t.length>0?{kind:"unknown",reason:`${t.join(", ")}: ${Ht}`}:{kind:"no"}}};async function dt(n,e,t,s,i){return me(n,e,t,s.filter(o=>o.require.approvals>0).map(o=>o.require.reviewers),i)}async function me(n,e,t,s,i){let o=await(i.reviews??ue(n,e,t.number)),a=re({author:t.author,reviews:o,comments:[],revisions:[]},[]),p=new Map(s.map(r=>[Xe(r),[...r]])),h=new Map;return await Promise.all([...p].map(async([r,c])=>h.set(r,await new B(n,c).resolve(a)))),{reviews:o,author:t.author,headSha:t.headSha,allowStaleApproval:i.allowStaleApproval,authority:h}}async function lt(n,e,t,s,i){let o=[],[a,p,h]=await Promise.all([ue(n,e,t.number),i,rt(n,e,t.number).catch(m=>{o.push(`Could not read the description's edit history (${m.message.split(`
`)[0]}), so ticks in it cannot be attributed to a reviewer, nor edits of reviews and comments to their editors.`);let y=new Map;return{createdAt:"",revisions:[],complete:!1,commentEdits:y,reviewEdits:y,commentsSeen:new Set,reviewsSeen:new Set}})]),r=(m,y,S)=>y.get(m)??(S.has(m)?void 0:"unknown"),c=a.map(m=>({...m,...at(r(m.id,h.reviewEdits,h.reviewsSeen))})),f=p.filter(m=>!m.body.startsWith(Ae)).map(m=>({id:m.id,login:m.login,createdAt:m.createdAt,body:m.body,...at(r(m.id,h.commentEdits,h.commentsSeen))})),l=re({author:t.author,reviews:c,comments:f,revisions:h.revisions},s.sections),u=await new B(n,s.reviewers).resolve(l);return{facts:{author:t.author,headSha:t.headSha,createdAt:h.createdAt,reviews:c,comments:f,revisions:h.revisions,historyComplete:h.complete,authority:u},notes:o}}var at=n=>n?{edited:n}:{};var g=class extends Error{constructor(t,s,i=k,o=!0){super(`could not read ${t}: ${s}`);this.what=t;this.reason=s;this.source=i;this.transient=o}what;reason;source;transient;name="ReadFailed"},ct=1e5,ge=100,pt=n=>tt(n)?10485760:1048576,ut=4;function mt(n,e){let t={ruleId:"config-invalid",severity:"error",message:`${n.detail}${e?` The config is read from ${e}: fix it there.`:""}`,source:n.file,line:n.line,column:n.column};return{...$([t],[],[],[n.file],!1),config:n.file}}function Z(n,e,t,s){let i=n.map(a=>nt("read-failed",a.source,`Could not read ${a.what}: ${a.reason}. The gate fails until it can read what it checks${a.transient?"; re-run the job":""}.`,a.source===k?Qe:void 0)),o=[...new Set([e,...n.map(a=>a.source)])];return{...$(i,[],[],o,t),...s?{config:s.source}:{}}}function ht(n){let e=n.changedFiles;if(!(!e||e.total<=e.files.length))return new g("all of the changed files",`GitHub lists at most ${e.files.length} of a pull request's files, and this one changes ${e.total}; ${e.total-e.files.length} were not listed, so the gate cannot tell which of them it should check. Split the pull request`,k,!1)}var ft=class{constructor(e,t){this.client=e;this.options=t;this.repository={host:new URL(t.serverUrl).host,...t.repo}}client;options;concurrency=ut;configFrom="the base branch";repository;pr;commentList;fileList;templatePaths=new Map;pull(){let e=this.options.first?.pull??Te(this.client,this.options.repo,this.options.number);return this.pr??=e.catch(t=>{throw F(`pull request #${this.options.number}`,t)}),this.pr}comments(){return this.commentList??=this.options.first?.comments??Ie(this.client,this.options.repo,this.options.number),this.commentList}async config(){let{configPath:e,eventBaseSha:t}=this.options;t&&this.templatesAt(t).catch(()=>{});let s=t??(await this.pull()).baseSha,i=s,o=await this.readConfig(s),{baseSha:a}=await this.pull();if(a!==s&&(i=a,o=await this.readConfig(a)),o===void 0&&e!==pe){let p=`no such file at the base commit ${i.slice(0,7)}, though the \`config\` input names it. Fix the input, or add the file.`;throw new X(e,1,1,p)}return{path:e,text:o}}templatesAt(e){let t=this.options.first?.templates,s=this.templatePaths.get(e)??(t?.sha===e?t.paths:Le(this.client,this.options.repo,e));return this.templatePaths.set(e,s),s}async templates(e){if(e===!1)return[];let{baseSha:t}=await this.pull();try{let s=Ne(e,typeof e=="string"?[]:await this.templatesAt(t)),i=await $e(this.client,this.options.repo,t,s);if(typeof e=="string"&&i.length===0)throw new g(`the pull-request template ${e}`,`there is no such file at the base commit ${t.slice(0,7)}, though \`pull-request.template\` names it`,k,!1);return i}catch(s){throw s instanceof g?s:F("the pull-request template",s)}}async readConfig(e){let{configPath:t}=this.options,s=this.options.first?.config;try{return await(s?.path===t&&s.sha===e?s.text:ie(this.client,this.options.repo,t,e))}catch(i){throw F(`the config at the base commit ${e.slice(0,7)}`,i,t)}}async pullRequest(){let e=await this.pull();return{body:e.body,draft:e.draft,facts:{labels:e.labels,baseBranch:e.baseRef,author:e.author,title:e.title}}}listed(){let e=this.options.first?.files??_e(this.client,this.options.repo,this.options.number);return this.fileList??=e.catch(t=>{throw F("the list of changed files",t)}),this.fileList}async changedFiles(){let[e,t]=await Promise.all([this.listed(),this.pull()]);return{files:e.map(s=>({path:s.path,...s.previous?{previous:s.previous}:{},...s.status==="removed"?{removed:!0}:{}})),total:t.changedFileCount,lines:Object.fromEntries(e.flatMap(s=>s.patch!==void 0&&Be(s.path)?[[s.path,Ze(s.patch)]]:[]))}}get eventDescription(){return this.options.eventBody}sent(){return Se(this.client)}async read(e){try{let t=await this.pull(),s=e.fromBase?t.baseSha:t.headSha,i=e.fromBase?void 0:this.options.first?.ahead.get(e.path);return i?.sha===s&&i.maxBytes===(e.maxBytes??1048576)?await i.text:await ie(this.client,this.options.repo,e.path,s,e.maxBytes)}catch(t){let s=t instanceof Error?t.message.split(`
`)[0]:String(t);return{kind:"failed",reason:`${t instanceof q&&t.response?`GitHub answered ${t.status}: `:""}${s}`}}}async list(e){try{let t=await this.pull();return await qe(this.client,this.options.repo,e,t.headSha)}catch(t){throw F(`the folder ${e}`,t)}}async tree(){try{let e=await this.pull();return await De(this.client,this.options.repo,e.headSha,ct)}catch(e){throw F("the repository's list of files",e)}}async mentions(e){let t=new Set;for(let s of e)try{for(let i of await Oe(this.client,this.options.repo,s,ge))t.add(i)}catch(i){throw F(`the search for files that link ${s}`,i)}return[...t].slice(0,ge)}async teamApprovals(e,t){try{let s=await this.pull();return await me(this.client,this.options.repo,s,e,{allowStaleApproval:t})}catch(s){if(s instanceof g)throw s;let i="the reviews and teams the services of this pull request owe an approval";throw s instanceof se?new g(i,s.message,k,!1):F(i,s)}}async reviews(e){let t=e.when.some(o=>o.require.approvals>0);if(!e.signOff&&!t)return{notes:[]};let{client:s}=this,{repo:i}=this.options;try{let o=await this.pull(),a=e.signOff?await lt(s,i,o,e.signOff,this.comments()):void 0,p=t?await dt(s,i,o,e.when,{allowStaleApproval:e.signOff?.allowStaleApproval??!1,...a?{reviews:Promise.resolve(a.facts.reviews)}:{}}):void 0;return{...a?{reviews:a.facts}:{},...p?{approvals:p}:{},notes:a?.notes??[]}}catch(o){if(o instanceof g)throw o;let a="the reviews, comments and reviewers that sign-off and approvals rest on";throw o instanceof se?new g(a,o.message,k,!1):F(a,o)}}};function Ut(n){let e=n instanceof Error?n.message.split(`
`)[0]:String(n);return n instanceof q?n.response?`GitHub answered ${n.status} on ${ne(n)}: ${e}`:`could not reach GitHub on ${ne(n)}: ${e}`:e}function F(n,e,t){return new g(n,Ut(e),t)}var Kt=/^(?:api_?key|apikey|key|token|access_?token|refresh_?token|id_?token|auth|authorization|sig|signature|x_?amz_?signature|x_?amz_?credential|x_?amz_?security_?token|x_?goog_?signature|x_?goog_?credential|password|passwd|pwd|pass|secret|client_?secret|private_?token|session|sessionid)$/i,Xt=/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@?#]+)@/gi,zt=/([?&;])([A-Za-z0-9_.-]+)=([^\s&#;"'<>)\]}`]*?)(?=[.,:!?]*(?:[\s&#;"'<>)\]}`]|$))/g;function wt(n){return!n.includes("://")&&!n.includes("?")?n:n.replace(Xt,(e,t)=>`${t}***@`).replace(zt,(e,t,s,i)=>i!==""&&Kt.test(s.replace(/-/g,"_"))?`${t}${s}=***`:e)}var Wt=/:\/\/|-----BEGIN|(?=[A-Za-z0-9_+/=-]{16,})(?=[A-Za-z_+/=-]*[0-9])[A-Za-z0-9_+/=-]{16,}/,gt;function Yt(){return gt??=(async()=>{let[{lintSource:n},{creator:e}]=await Promise.all([import("./module-IFXNAHDZ.js"),import("./module-57A2J6M4.js")]);return async t=>(await n({source:{content:t,filePath:"/report.txt",ext:".txt",contentType:"text"},options:{config:{rules:[{id:e.meta.id,rule:e}]}}})).messages.map(i=>i.range)})(),gt}var yt=`

`;async function Zt(n){let e=[...n],t=n.map((s,i)=>Wt.test(s)?i:-1).filter(s=>s>=0);if(t.length>0){let s=t.map(o=>n[o]).join(yt),i=await(await Yt())(s);if(i.length>0){let o=0;for(let a of t){let p=e[a],h=i.filter(([c,f])=>c<o+p.length&&f>o).map(([c,f])=>[Math.max(0,c-o),Math.min(p.length,f-o)]).sort((c,f)=>f[0]-c[0]),r=p;for(let[c,f]of h)r=`${r.slice(0,c)}${Qt(r.slice(c,f))}${r.slice(f)}`;e[a]=r,o+=p.length+yt.length}}}return e.map(wt)}function Qt(n){let e=wt(n);if(e!==n)return e;let t=/^([a-z][a-z0-9+.-]*:\/\/[^/\s@]+)(?:\/|$)/i.exec(n);return t?`${t[1]}/***`:"***"}async function vt(n,e){let t=[],s=l=>t.push(l)-1,i=n.findings.map(l=>({message:s(l.message),parts:(l.parts??[]).map(u=>s(u.text)),fix:l.fix?s(l.fix.text):-1,gather:l.gather?[s(l.gather.name),s(l.gather.lead),s(l.gather.tail)]:void 0})),o=n.waivers.map(l=>({label:s(l.label),section:s(l.section),reason:s(l.reason)})),a=e.map(s),p=(n.notChecked??[]).map(l=>s(l.reason)),h=(n.matched??[]).map(l=>l.reasons.map(s)),r=n.skipped!==void 0?s(n.skipped):-1,c=await Zt(t),f=l=>c[l]!==t[l];return{report:{...n,findings:n.findings.map((l,u)=>{let{fix:b,gather:m,parts:y,...S}=l,x=i[u],H=b&&!f(x.fix),v=y&&!f(x.message)&&!x.parts.some(f),[C,M,j]=(x.gather??[]).map(I=>c[I]);return{...S,message:c[x.message],...H?{fix:b}:{},...v?{parts:y}:{},...m?{gather:{key:m.key,name:C,lead:M,tail:j}}:{}}}),waivers:n.waivers.map((l,u)=>({...l,label:c[o[u].label],section:c[o[u].section],reason:c[o[u].reason]})),...n.notChecked?{notChecked:n.notChecked.map((l,u)=>({...l,reason:c[p[u]]}))}:{},...n.matched?{matched:n.matched.map((l,u)=>({...l,reasons:h[u].map(b=>c[b])}))}:{},...n.skipped!==void 0?{skipped:c[r]}:{}},notes:a.map(l=>c[l])}}function kt(n,e){let t=new Map,s=r=>{t.has(w(r))||t.set(w(r),r)},i=new Map,o=r=>{if(!r)return{};let c=(i.get(r.what)??0)+1;return i.set(r.what,c),c>r.max?{unread:{kind:"over-limit",bound:r}}:{}},a=et(),p=a.bound(e);for(let r of new Set(n.linked))s({path:r,kind:a.kind,...o(p)});let h=r=>ae(r,e)??n.byText?.get(r);for(let r of n.changed??[]){let c=h(r);!c||t.has(r)||s({path:r,kind:c,...o(D(c).bound?.(e))})}for(let r of n.named??[])Je(r,e)||s({path:r,kind:h(r)??Ve});return[...t.values()]}function bt(n,e=ye()){let t=new Set(n.map(w)),s=[];for(let i of n)if(!(i.text===void 0||i.companion))for(let o of D(i.kind).companions?.(i.path,i.text)??[]){let a=w(o);if(!t.has(a)){if(!e.seen.has(a)){if(e.left<=0)continue;e.seen.add(a),e.left--}t.add(a),s.push({...o,kind:i.kind,companion:!0})}}return s}var ye=()=>({seen:new Set,left:Vt}),Vt=60;function Rt(n,e){return n.unread?{...n,text:void 0}:typeof e=="object"?{...n,text:void 0,unread:e}:{...n,text:e}}function Pt(n,e){let t=e.labels.find(s=>n.skip.labels.includes(s));return t!==void 0?`the pull request has the label "${t}".`:n.skip.authors.includes(e.author)?`pull requests by ${e.author} are not gated.`:n.skip.drafts&&e.draft?"the pull request is a draft; the gate runs when it is ready for review.":ze(n.skip.onlyChangedFiles,e,s=>{let i=ae(s,n);return i!==void 0&&!D(i).weighed||de(s,n)!==void 0})}async function Ft(n,e,t,s){let i=n.flatMap(r=>{let c=de(r,e);return c?[{path:r,...c}]:[]}),o=new Map,a=[],p=i.slice(0,e.evidence.maxFiles),h=await L(p,s,r=>t(r.path));p.forEach((r,c)=>{let f=h[c];typeof f!="string"||r.owns(f)?f!==void 0&&o.set(r.path,r.kind):a.push({path:r.path,reason:r.otherwise})});for(let r of i.slice(p.length))o.set(r.path,r.kind);return{kinds:o,notChecked:a,left:new Set(a.map(r=>r.path))}}function xt(n){let e=Math.max(n.total,n.files.length);return{files:n.files.map(t=>({path:t.path,...t.previous?{previous:t.previous}:{},...t.removed?{removed:t.removed}:{}})),truncated:n.files.length<e,total:e}}var V=n=>({...n,kind:z(n.kind)}),Q=class{constructor(e){this.source=e}source;heads=new Map;companionReads=new Map;linked=Promise.resolve([]);head=e=>{let t=this.heads.get(e);return t||this.heads.set(e,t=this.source.read({path:e,maxBytes:10485760})),t};documents(e){return L(e,this.source.concurrency,async t=>Rt(t,t.unread?void 0:await(!t.fromBase&&this.heads.has(t.path)?this.heads.get(t.path):this.source.read({...t,maxBytes:pt(t.kind)}))))}companions(e){return L(e,this.source.concurrency,t=>{let s=w(t),i=this.companionReads.get(s);return i||this.companionReads.set(s,i=this.documents([t]).then(([o])=>o)),i})}linkedBy(e){this.linked=e}async document(e){return(await this.linked).find(s=>s.path===e.path&&!s.fromBase)??(await this.documents([{path:e.path,kind:z(e.kind)}]))[0]}};function Ct(n,e,t,s){let i;return{...s,concurrency:n.concurrency,readHead:e.head,readDocument:o=>e.document(o),readBase:async o=>(await e.companions([{path:o.path,kind:z(o.kind),companion:!0,fromBase:!0}]))[0],canList:n.list!==void 0,mentions:async o=>{if(n.mentions)try{return await n.mentions(o)}catch(a){if(!(a instanceof g))throw a;return}},tree:async()=>{if(n.tree)return i??=n.tree().catch(o=>{if(!(o instanceof g))throw o;t.push(o)}),i},list:async(o,a)=>{if(n.list)try{return await n.list(o)}catch(p){if(!(p instanceof g))throw p;a&&t.push(p);return}}}}function Et(n,e){if(!e)return;let t={};for(let s of n)D(s.kind).judgesChangedLines&&Object.hasOwn(e,s.path)&&(t[s.path]=e[s.path]);return Object.keys(t).length>0?t:void 0}async function St(n,e,t,s){let i;try{i=await n}catch(a){if(!(a instanceof g))throw a;t.push(a);return}if(e===void 0)return;let o=Ue(i,e);return o&&i.length>1&&s.push(`The description was compared with the pull-request template ${He(o.path)}, the one of the repository's ${i.length} it follows.`),o}async function ds(n,e={}){let t=await Jt(n,e);return{...t,...await vt(t.report,t.notes)}}async function Jt(n,e){let{rendered:t=[],kubectl:s,today:i=new Date().toISOString().slice(0,10),verifyFixes:o=!1,...a}=e,p={...a,deadline:e.deadline??Date.now()+(e.budget??ce).runMs},h=await tn(n,i,p.budget);if("report"in h)return h;let{config:r,pr:c,changed:f,facts:l,failures:u,early:b}=h,m=Pt(r,{labels:l.labels??[],author:l.author??"",draft:c.draft,...l.changedFiles?{changedFiles:l.changedFiles}:{}});if(m)return{report:{...$([],[],[],[],r.strict),config:r.source,skipped:m},notes:[],config:r};let y=n.reviews?.(r);y?.catch(()=>{});let{linked:S,description:x}=c.body===void 0?{linked:[],description:void 0}:await it(c.body,r,p.budget,b),H=n.templates?.(r.pullRequest.template)??Promise.resolve([]);H.catch(()=>{});let v=await n.named?.(r),C=new Q(n),M=Ct(n,C,u,{settings:r,changed:(f?.files??[]).filter(d=>!d.removed).map(d=>d.path),removed:(f?.files??[]).flatMap(d=>d.removed?[d.path]:d.previous!==void 0?[d.previous]:[]),named:v!==void 0,audit:v?.audit===!0,deadline:p.deadline,rendered:t,...s?{kubectl:s}:{}}),j=await Promise.all(W.map(d=>d.dependents?.(M))),I=j.flatMap(d=>d?.notes??[]),we=()=>{},At=new Promise(d=>we=d),O=Promise.all(W.map(d=>d.extraChecks?.(At,M)));O.catch(()=>{});let ve=v?v.files:[...M.changed,...j.flatMap(d=>d?.paths??[])],G=await Ft(ve,r,C.head,n.concurrency),N=kt(v?{linked:S,named:v.files.filter(d=>!G.left.has(d)),byText:G.kinds}:{linked:S,changed:ve,byText:G.kinds},r);we(N);let ke=new Set(S),be=C.documents(N.filter(d=>ke.has(d.path)));C.linkedBy(be);let U=Promise.all(W.map(d=>d.linked?.(N,M)));U.catch(()=>{});let Re=async()=>{let d=await U,A=Object.assign({},...d.map(E=>E?.overlays??{}));return{...v?.audit?{alertRunbooks:d.flatMap(E=>E?.alertRunbooks??[])}:{},...Object.keys(A).length>0?{overlays:A}:{}}},Mt=ye(),It=await C.documents(N.filter(d=>!ke.has(d.path))),J=await Promise.all([...je(It).map(async d=>{let A=await C.companions(bt(d,Mt)),E=new Set(d.map(w)),K=(await U).flatMap(R=>R?.wanted(d)?[...R.files,...R.companions??[]]:[]).filter(R=>!E.has(w(R))).map(R=>({...V(R),companion:!0})),_=Et(d,f?.lines);return{report:await Y({files:[...d,...A,...K],config:r,...o?{verifyFixes:o}:{},..._?{changedLines:_}:{},...await Re(),...l.changedFiles?{pullRequest:{changedFiles:l.changedFiles,...l.baseBranch!==void 0?{baseBranch:l.baseBranch}:{}}}:{}},p),evidenceSources:le(d)}}),...(await O).flatMap(d=>d?.checks??[]).map(async({files:d,relabel:A,keep:E})=>{let K=d.map(V),_=await Y({files:K,config:r,...l.changedFiles?{pullRequest:{changedFiles:l.changedFiles}}:{}},p),te=P=>!E||E.includes(P)||Ge.includes(P),R=_.findings.filter(P=>te(P.ruleId)).map(P=>A?A(P):P),Dt=_.passed.filter(P=>te(P.ruleId));return{report:{..._,findings:R,passed:Dt},evidenceSources:le(K)}})]);I.push(...(await O).flatMap(d=>d?.notes??[]));let T;try{T=await y,I.push(...T?.notes??[])}catch(d){if(!(d instanceof g))throw d;u.push(d)}let Pe=await St(H,c.body,u,I),Fe=await en(n,r,(await O).flatMap(d=>d?.owed??[]),u),xe=J.flatMap(d=>d.report.findings),Tt=new Set(N.filter(d=>!d.companion).map(w)),_t=(await U).flatMap(d=>d?.files??[]).filter(d=>d.text!==void 0&&!Tt.has(w(d))).map(V),qt=[await Y({...x!==void 0?{description:x}:{},files:[...await be,..._t],config:r,...o?{verifyFixes:o}:{},...await Re(),...Pe?{template:Pe}:{},...xe.length>0?{evidence:xe}:{},evidenceSources:J.flatMap(d=>d.evidenceSources),pullRequest:{...l,...T?.approvals?{approvals:T.approvals}:{},...Fe?{owners:Fe}:{}},...T?.reviews?{reviews:T.reviews}:{}},p),...u.length>0?[Z(u,k,r.strict)]:[]],ee=st([...qt,...J.map(d=>d.report)],r.strict),Ce=[...v?.notChecked??[],...v?G.notChecked:[]];Ce.length>0&&(ee.notChecked=Ce);let Ee=(await O).flatMap(d=>d?.services??[]);return Ee.length>0&&(ee.services=Ee),{report:ee,notes:I,config:r}}async function en(n,e,t,s){if(t.length!==0){if(!n.teamApprovals)return{owed:t};try{let i=await n.teamApprovals(t.map(o=>o.teams),e.signOff?.allowStaleApproval??!1);return{owed:t,facts:i}}catch(i){if(!(i instanceof g))throw i;return s.push(i),{owed:t}}}}async function tn(n,e,t=ce){let s=n.config(),i=n.pullRequest(),o=n.changedFiles();i.catch(()=>{}),o.catch(()=>{});let{eventDescription:a}=n,p=a!==void 0&&n.sent?n.sent().then(()=>ot(a,t)):void 0;p?.catch(()=>{});let h;try{let{text:m,path:y}=await s;h=oe(We(m,y))}catch(m){if(m instanceof X)return{report:mt(m,n.configFrom),notes:[]};if(m instanceof g)return{report:Z([m],m.source,!1),notes:[]};throw m}let r=oe({...Ye(h,n.repository),today:e}),c;try{c=await i}catch(m){if(m instanceof g)return{report:Z([m],k,r.strict,r),notes:[],config:r};throw m}let f=[],l=await o.catch(m=>{if(!(m instanceof g))throw m;f.push(m)}),u={...c.facts,...l?{changedFiles:xt(l)}:{}},b=ht(u);return b&&f.push(b),{config:r,pr:c,changed:l,facts:u,failures:f,early:await p?.catch(()=>{})}}export{pe as a,sn as b,g as c,ct as d,ge as e,pt as f,ut as g,ft as h,Ut as i,Q as j,Ct as k,ds as l};
