import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{a as Y,c as K,d as O,e as V,i as Q,j as D,k as L,m as J,o as X,p as Z}from"./chunks/chunk-QJ24XU6S.js";import{d as H}from"./chunks/chunk-UBSDYLOO.js";import{isMainThread as Sr,parentPort as xr,workerData as Rr}from"node:worker_threads";import{mkdir as pr,readFile as xt,writeFile as mr}from"node:fs/promises";import T from"node:path";import{parseArgs as Rt}from"node:util";var kt=H(Y(),1);import{readFile as rr,stat as nr}from"node:fs/promises";import x from"node:path";import{readdir as Ae,readdirSync as Fe,realpath as De,realpathSync as _e,stat as Ce,statSync as Te}from"fs";import{isAbsolute as Ie,posix as v,resolve as $e}from"path";import{fileURLToPath as Oe}from"url";import{createRequire as Ft}from"module";import{basename as Dt,dirname as N,normalize as _t,relative as Ct,resolve as Tt,sep as rt}from"path";import*as It from"fs";var tt=Ft(import.meta.url);function $t(t){let e=_t(t);return e.length>1&&e[e.length-1]===rt&&(e=e.substring(0,e.length-1)),e}var Ot=/[\\/]/g;function nt(t,e){return t.replace(Ot,e)}var Lt=/^[a-z]:[\\/]$/i;function Wt(t){return t==="/"||Lt.test(t)}function W(t,e){let{resolvePaths:r,normalizePath:n,pathSeparator:s}=e,o=process.platform==="win32"&&t.includes("/")||t.startsWith(".");if(r&&(t=Tt(t)),(n||o)&&(t=$t(t)),t===".")return"";let i=t[t.length-1]!==s;return nt(i?t+s:t,s)}function st(t,e){return e+t}function Nt(t,e){return function(r,n){return n.startsWith(t)?n.slice(t.length)+r:nt(Ct(t,n),e.pathSeparator)+e.pathSeparator+r}}function Mt(t){return t}function qt(t,e,r){return e+t+r}function jt(t,e){let{relativePaths:r,includeBasePath:n}=e;return r&&t?Nt(t,e):n?st:Mt}function Bt(t){return function(e,r){r.push(e.substring(t.length)||".")}}function Gt(t){return function(e,r,n){let s=e.substring(t.length)||".";n.every(o=>o(s,!0))&&r.push(s)}}var Ut=(t,e)=>{e.push(t||".")},zt=(t,e,r)=>{let n=t||".";r.every(s=>s(n,!0))&&e.push(n)},Ht=()=>{};function Yt(t,e){let{includeDirs:r,filters:n,relativePaths:s}=e;return r?s?n&&n.length?Gt(t):Bt(t):n&&n.length?zt:Ut:Ht}var Kt=(t,e,r,n)=>{n.every(s=>s(t,!1))&&r.files++},Vt=(t,e,r,n)=>{n.every(s=>s(t,!1))&&e.push(t)},Qt=(t,e,r,n)=>{r.files++},Jt=(t,e)=>{e.push(t)},Xt=()=>{};function Zt(t){let{excludeFiles:e,filters:r,onlyCounts:n}=t;return e?Xt:r&&r.length?n?Kt:Vt:n?Qt:Jt}var te=t=>t,ee=()=>[""].slice(0,0);function re(t){return t.group?ee:te}var ne=(t,e,r)=>{t.push({directory:e,files:r,dir:e})},se=()=>{};function oe(t){return t.group?ne:se}var ie=function(t,e,r){let{queue:n,fs:s,options:{suppressErrors:o}}=e;n.enqueue(),s.realpath(t,(i,a)=>{if(i)return n.dequeue(o?null:i,e);s.stat(a,(h,c)=>{if(h)return n.dequeue(o?null:h,e);if(c.isDirectory()&&ot(t,a,e))return n.dequeue(null,e);r(c,a),n.dequeue(null,e)})})},ae=function(t,e,r){let{queue:n,fs:s,options:{suppressErrors:o}}=e;n.enqueue();try{let i=s.realpathSync(t),a=s.statSync(i);if(a.isDirectory()&&ot(t,i,e))return;r(a,i)}catch(i){if(!o)throw i}};function ce(t,e){return!t.resolveSymlinks||t.excludeSymlinks?null:e?ae:ie}function ot(t,e,r){if(r.options.useRealPaths)return le(e,r);let n=N(t),s=1;for(;n!==r.root&&s<2;){let o=r.symlinks.get(n);!!o&&(o===e||o.startsWith(e)||e.startsWith(o))?s++:n=N(n)}return r.symlinks.set(t,e),s>1}function le(t,e){return e.visited.includes(t+e.options.pathSeparator)}var ue=t=>t.counts,he=t=>t.groups,fe=t=>t.paths,de=t=>t.paths.slice(0,t.options.maxFiles),pe=(t,e,r)=>(_(e,r,t.counts,t.options.suppressErrors),null),me=(t,e,r)=>(_(e,r,t.paths,t.options.suppressErrors),null),ge=(t,e,r)=>(_(e,r,t.paths.slice(0,t.options.maxFiles),t.options.suppressErrors),null),ye=(t,e,r)=>(_(e,r,t.groups,t.options.suppressErrors),null);function _(t,e,r,n){e(t&&!n?t:null,r)}function we(t,e){let{onlyCounts:r,group:n,maxFiles:s}=t;return r?e?ue:pe:n?e?he:ye:s?e?de:ge:e?fe:me}var it={withFileTypes:!0},ke=(t,e,r,n,s)=>{if(t.queue.enqueue(),n<0)return t.queue.dequeue(null,t);let{fs:o}=t;t.visited.push(e),t.counts.directories++,o.readdir(e||".",it,(i,a=[])=>{s(a,r,n),t.queue.dequeue(t.options.suppressErrors?null:i,t)})},be=(t,e,r,n,s)=>{let{fs:o}=t;if(n<0)return;t.visited.push(e),t.counts.directories++;let i=[];try{i=o.readdirSync(e||".",it)}catch(a){if(!t.options.suppressErrors)throw a}s(i,r,n)};function ve(t){return t?be:ke}var Pe=class{count=0;constructor(t){this.onQueueEmpty=t}enqueue(){return this.count++,this.count}dequeue(t,e){this.onQueueEmpty&&(--this.count<=0||t)&&(this.onQueueEmpty(t,e),t&&(e.controller.abort(),this.onQueueEmpty=void 0))}},Se=class{_files=0;_directories=0;set files(t){this._files=t}get files(){return this._files}set directories(t){this._directories=t}get directories(){return this._directories}get dirs(){return this._directories}},xe=class{aborted=!1;abort(){this.aborted=!0}},at=class{root;isSynchronous;state;joinPath;pushDirectory;pushFile;getArray;groupFiles;resolveSymlink;walkDirectory;callbackInvoker;constructor(t,e,r){this.isSynchronous=!r,this.callbackInvoker=we(e,this.isSynchronous),this.root=W(t,e),this.state={root:Wt(this.root)?this.root:this.root.slice(0,-1),paths:[""].slice(0,0),groups:[],counts:new Se,options:e,queue:new Pe((n,s)=>this.callbackInvoker(s,n,r)),symlinks:new Map,visited:[""].slice(0,0),controller:new xe,fs:e.fs||It},this.joinPath=jt(this.root,e),this.pushDirectory=Yt(this.root,e),this.pushFile=Zt(e),this.getArray=re(e),this.groupFiles=oe(e),this.resolveSymlink=ce(e,this.isSynchronous),this.walkDirectory=ve(this.isSynchronous)}start(){return this.pushDirectory(this.root,this.state.paths,this.state.options.filters),this.walkDirectory(this.state,this.root,this.root,this.state.options.maxDepth,this.walk),this.isSynchronous?this.callbackInvoker(this.state,null):null}walk=(t,e,r)=>{let{paths:n,options:{filters:s,resolveSymlinks:o,excludeSymlinks:i,exclude:a,maxFiles:h,signal:c,useRealPaths:g,pathSeparator:u},controller:f}=this.state;if(f.aborted||c&&c.aborted||h&&n.length>h)return;let l=this.getArray(this.state.paths);for(let d=0;d<t.length;++d){let w=t[d];if(w.isFile()||w.isSymbolicLink()&&!o&&!i){let p=this.joinPath(w.name,e);this.pushFile(p,l,this.state.counts,s)}else if(w.isDirectory()){let p=qt(w.name,e,this.state.options.pathSeparator);if(a&&a(w.name,p))continue;this.pushDirectory(p,n,s),this.walkDirectory(this.state,p,p,r-1,this.walk)}else if(this.resolveSymlink&&w.isSymbolicLink()){let p=st(w.name,e);this.resolveSymlink(p,this.state,(I,m)=>{if(I.isDirectory()){if(m=W(m,this.state.options),a&&a(w.name,g?m:p+u))return;this.walkDirectory(this.state,m,g?m:p+u,r-1,this.walk)}else{m=g?m:p;let F=Dt(m),$=W(N(m),this.state.options);m=this.joinPath(F,$),this.pushFile(m,l,this.state.counts,s)}})}}this.groupFiles(this.state.groups,e,l)}};function Re(t,e){return new Promise((r,n)=>{ct(t,e,(s,o)=>{if(s)return n(s);r(o)})})}function ct(t,e,r){new at(t,e,r).start()}function Ee(t,e){return new at(t,e).start()}var et=class{constructor(t,e){this.root=t,this.options=e}withPromise(){return Re(this.root,this.options)}withCallback(t){ct(this.root,this.options,t)}sync(){return Ee(this.root,this.options)}},lt=null;try{tt.resolve("picomatch"),lt=tt("picomatch")}catch{}var ut=class{globCache={};options={maxDepth:1/0,suppressErrors:!0,pathSeparator:rt,filters:[]};globFunction;constructor(t){this.options={...this.options,...t},this.globFunction=this.options.globFunction}group(){return this.options.group=!0,this}withPathSeparator(t){return this.options.pathSeparator=t,this}withBasePath(){return this.options.includeBasePath=!0,this}withRelativePaths(){return this.options.relativePaths=!0,this}withDirs(){return this.options.includeDirs=!0,this}withMaxDepth(t){return this.options.maxDepth=t,this}withMaxFiles(t){return this.options.maxFiles=t,this}withFullPaths(){return this.options.resolvePaths=!0,this.options.includeBasePath=!0,this}withErrors(){return this.options.suppressErrors=!1,this}withSymlinks({resolvePaths:t=!0}={}){return this.options.resolveSymlinks=!0,this.options.useRealPaths=t,this.withFullPaths()}withAbortSignal(t){return this.options.signal=t,this}normalize(){return this.options.normalizePath=!0,this}filter(t){return this.options.filters.push(t),this}onlyDirs(){return this.options.excludeFiles=!0,this.options.includeDirs=!0,this}exclude(t){return this.options.exclude=t,this}onlyCounts(){return this.options.onlyCounts=!0,this}crawl(t){return new et(t||".",this.options)}withGlobFunction(t){return this.globFunction=t,this}crawlWithOptions(t,e){return this.options={...this.options,...e},new et(t||".",this.options)}glob(...t){return this.globFunction?this.globWithOptions(t):this.globWithOptions(t,{dot:!0})}globWithOptions(t,...e){let r=this.globFunction||lt;if(!r)throw new Error("Please specify a glob function to use glob matching.");var n=this.globCache[t.join("\0")];return n||(n=r(t,...e),this.globCache[t.join("\0")]=n),this.options.filters.push(s=>n(s)),this}};var S=H(Y(),1),Le=Array.isArray,pt=/\\/g,We=/^[A-Za-z]:$/,mt=process.platform==="win32",Ne=/^(\/?\.\.)+$/;function Me(t,e={}){let r=t.length,n=Array(r),s=Array(r),o,i;for(o=0;o<r;o++){let a=gt(t[o]);n[o]=a;let h=a.length,c=Array(h);for(i=0;i<h;i++)c[i]=(0,S.default)(a[i],e);s[o]=c}return a=>{let h=a.split("/");if(h[0]===".."&&Ne.test(a))return!0;for(o=0;o<r;o++){let c=n[o],g=s[o],u=h.length,f=Math.min(u,c.length);for(i=0;i<f;){let l=c[i];if(l.includes("/"))return!0;if(!g[i](h[i]))break;if(!e.noglobstar&&l==="**")return!0;i++}if(i===u)return!0}return!1}}var qe=/^[A-Z]:\/$/i,je=mt?t=>qe.test(t):t=>t==="/";function ht(t,e,r){if(t===e||e.startsWith(`${t}/`)){if(r){let s=t.length+ +!je(t);return(o,i)=>o.slice(s,i?-1:void 0)||"."}let n=e.slice(t.length+1);return n?(s,o)=>{if(s===".")return n;let i=`${n}/${s}`;return o?i.slice(0,-1):i}:(s,o)=>o&&s!=="."?s.slice(0,-1):s}return r?n=>v.relative(t,n)||".":n=>v.relative(t,`${e}/${n}`)||"."}function Be(t,e){if(e.startsWith(`${t}/`)){let r=e.slice(t.length+1);return n=>`${r}/${n}`}return r=>{let n=v.relative(t,`${e}/${r}`);return r[r.length-1]==="/"&&n!==""?`${n}/`:n||"."}}function ft(t){return t.replace(We,e=>`${e}/`)}var Ge={parts:!0};function gt(t){var e;let r=S.default.scan(t,Ge);return!((e=r.parts)===null||e===void 0)&&e.length?r.parts:[t]}var Ue=/(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g,ze=/(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g,He=t=>t.replace(Ue,"\\$&"),Ye=t=>t.replace(ze,"\\$&"),Ke=mt?Ye:He;function q(t,e){if(e?.caseSensitiveMatch===!1)return!0;let r=S.default.scan(t);return r.isGlob||r.negated}function E(...t){console.log(`[tinyglobby ${new Date().toLocaleTimeString("es")}]`,...t)}function yt(t){return typeof t=="string"?[t]:t??[]}var Ve=/^(\/?\.\.)+/,Qe=/\\(?=[()[\]{}!*+?@|])/g;function M(t,e,r,n){var s;let o=e.cwd,i=t;t[t.length-1]==="/"&&(i=t.slice(0,-1)),i[i.length-1]!=="*"&&e.expandDirectories&&(i+="/**");let a=Ke(o);i=Ie(i.replace(Qe,""))?v.relative(a,i):v.normalize(i);let h=(s=Ve.exec(i))===null||s===void 0?void 0:s[0],c=gt(i);if(h){let u=(h.length+1)/3,f=0,l=a.split("/");for(;f<u&&c[f+u]===l[l.length+f-u];)i=i.slice(0,(u-f-1)*3)+i.slice((u-f)*3+c[f+u].length+1)||".",f++;let d=v.join(o,h.slice(f*3));d[0]!=="."&&r.root.length>d.length&&(r.root=ft(d),r.depthOffset=-u+f)}if(!n&&r.depthOffset>=0){var g;(g=r.commonPath)!==null&&g!==void 0||(r.commonPath=c);let u=[],f=Math.min(r.commonPath.length,c.length);for(let l=0;l<f;l++){let d=c[l];if(d==="**"&&!c[l+1]){u.pop();break}if(l===c.length-1||d!==r.commonPath[l]||q(d))break;u.push(d)}r.depthOffset=u.length,r.commonPath=u,r.root=ft(u.length>0?v.join(o,...u):o)}return i}function Je(t,e,r){let n=[],s=[];for(let o of t.ignore)o&&(o[0]!=="!"||o[1]==="(")&&s.push(M(o,t,r,!0));for(let o of e)o&&(o[0]!=="!"||o[1]==="("?n.push(M(o,t,r,!1)):(o[1]!=="!"||o[2]==="(")&&s.push(M(o.slice(1),t,r,!0)));return{match:n,ignore:s}}function Xe(t,e){let r=t.cwd,n={root:r,depthOffset:0},s=Je(t,e,n);t.debug&&E("internal processing patterns:",s);let{absolute:o,caseSensitiveMatch:i,debug:a,dot:h,followSymbolicLinks:c,onlyDirectories:g}=t,u=n.root.replace(pt,""),f={dot:h,nobrace:t.braceExpansion===!1,nocase:!i,noextglob:t.extglob===!1,noglobstar:t.globstar===!1,posix:!0},l=(0,S.default)(s.match,f),d=(0,S.default)(s.ignore,f),w=Me(s.match,f),p=ht(r,u,o),I=o?p:ht(r,u,!0),m=(P,b)=>{let y=I(b,!0);return y!=="."&&!w(y)||d(y)},F;t.deep!==void 0&&(F=Math.round(t.deep-n.depthOffset));let $=new ut({filters:[a?(P,b)=>{let y=p(P,b),z=l(y)&&!d(y);return z&&E(`matched ${y}`),z}:(P,b)=>{let y=p(P,b);return l(y)&&!d(y)}],exclude:a?(P,b)=>{let y=m(P,b);return E(`${y?"skipped":"crawling"} ${b}`),y}:m,fs:t.fs,pathSeparator:"/",relativePaths:!o,resolvePaths:o,includeBasePath:o,resolveSymlinks:c,excludeSymlinks:!c,excludeFiles:g,includeDirs:g||!t.onlyFiles,maxDepth:F,signal:t.signal}).crawl(u);return t.debug&&E("internal properties:",{...n,root:u}),[$,r!==u&&!o&&Be(r,u)]}function Ze(t,e){if(e)for(let r=t.length-1;r>=0;r--)t[r]=e(t[r]);return t}var dt={caseSensitiveMatch:!0,debug:!!process.env.TINYGLOBBY_DEBUG,expandDirectories:!0,followSymbolicLinks:!0,onlyFiles:!0};function tr(t){let e=Object.assign({},t);for(let r in dt)e[r]===void 0&&Object.assign(e,{[r]:dt[r]});return e.cwd=(e.cwd instanceof URL?Oe(e.cwd):$e(e.cwd||process.cwd())).replace(pt,"/"),e.ignore=yt(e.ignore),e.fs&&(e.fs={readdir:e.fs.readdir||Ae,readdirSync:e.fs.readdirSync||Fe,realpath:e.fs.realpath||De,realpathSync:e.fs.realpathSync||_e,stat:e.fs.stat||Ce,statSync:e.fs.statSync||Te}),e.debug&&E("globbing with options:",e),e}function er(t,e={}){var r;if(t&&e?.patterns)throw new Error("Cannot pass patterns as both an argument and an option");let n=Le(t)||typeof t=="string",s=yt((r=n?t:t.patterns)!==null&&r!==void 0?r:"**/*"),o=tr(n?e:t);return s.length>0?Xe(o,s):[]}async function j(t,e){let[r,n]=er(t,e);return r?Ze(await r.withPromise(),n):[]}var k=class extends Error{name="UsageError"};async function bt(t,e,r){let n=new Set,s=(0,kt.default)(r,{dot:!0});for(let o of t){if(q(o)){let a=await j(o,{cwd:e,onlyFiles:!0,dot:!1,ignore:["**/node_modules/**"]}),h=a.filter(c=>!s(c)).sort();if(a.length===0)throw new k(`no file matches "${o}". Check the pattern, or quote it so the shell does not expand it.`);for(let c of h)n.add(c);continue}let i=await nr(x.resolve(e,o)).catch(()=>{});if(!i)throw new k(`${o}: no such file. Name an existing runbook or a glob such as "docs/runbooks/**/*.md".`);if(i.isDirectory()){let a=await j("**/*.{md,markdown}",{cwd:x.resolve(e,o),onlyFiles:!0,ignore:["**/node_modules/**"]});for(let h of a.sort()){let c=wt(x.join(o,h));s(c)||n.add(c)}continue}n.add(wt(x.normalize(o)))}return[...n]}async function R(t,e){try{return await rr(x.resolve(t,e),"utf8")}catch(r){if(sr(r))return;throw r}}function sr(t){let e=t?.code;return e==="ENOENT"||e==="ENOTDIR"||e==="EISDIR"}function wt(t){return t.split(x.sep).join("/")}var A=".github/readiness-gate.yml",or=`# readiness-gate configuration. Read from the base branch of each pull request,
# so a pull request cannot weaken its own gate.
# Schema: https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json
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
  exclude: ['**/TEMPLATE.md']

# skip:
#   labels: [skip-readiness]
#   authors: ['dependabot[bot]', 'renovate[bot]']
#   drafts: true
`,ir=`## Summary
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
`,ar=`# Runbook: [Deployment/Operation Name]

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
`,cr=`name: Production readiness
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
    steps:
      - uses: readiness-gate/readiness-gate@v1
`,C=[{path:A,text:or},{path:".github/pull_request_template.md",text:ir},{path:"docs/runbooks/TEMPLATE.md",text:ar},{path:".github/workflows/readiness-gate.yml",text:cr}];import{availableParallelism as lr}from"node:os";import{Worker as ur}from"node:worker_threads";var hr=150,B;function vt(t){B=t}async function G({root:t,paths:e,config:r}){let n=await fr(t,e);return D({runbooks:n,config:r})}async function fr(t,e){return Promise.all(e.map(async r=>({path:r,text:await R(t,r)})))}async function Pt(t){let{description:e,linkedFiles:r,root:n,config:s}=t,o=new Set(r.map(l=>l.path)),i=t.named.filter(l=>!o.has(l)),a=Math.min(lr(),4);if(!B||a<2||i.length<hr){let l=D({description:e,runbooks:r,config:s}),d=await G({root:n,paths:i,config:s});return L([l,d],s.strict)}let h=Math.ceil(i.length/a),c=Array.from({length:a},(l,d)=>i.slice(d*h,(d+1)*h)).filter(l=>l.length),g=B,u=Promise.all(c.map(l=>dr(g,{root:n,paths:l,config:s}))),f=D({description:e,runbooks:r,config:s});return L([f,...await u],s.strict)}function dr(t,e){return new Promise((r,n)=>{let s=new ur(t,{workerData:{readinessGateTask:e}});s.once("message",o=>r(o)),s.once("error",n),s.once("exit",o=>{o!==0&&n(new Error(`a checking thread stopped with code ${o}`))})})}var St="0.1.0";var U=`Usage:
  readiness-gate check [--body FILE|-] [--config FILE] [--format text|json|markdown] [--exit-zero] [RUNBOOK_OR_GLOB ...]
  readiness-gate init [--force]
  readiness-gate --help | --version

check   Check a pull-request description (--body) and runbooks against the rules.
        Runbooks linked from the description are read from the current directory.
        Config: --config FILE, else ${A} when present, else the built-in devops rules.
        Exit: 0 passed, 1 gate failed, 2 usage or config error.
init    Write ${C.map(t=>t.path).join(", ")}.
`;async function Et(t,e){try{let[r,...n]=t;if(r==="--help"||r==="-h"||r==="help")return e.stdout(U),0;if(r==="--version"||r==="-v")return e.stdout(`${St}
`),0;if(r==="check")return await wr(n,e);if(r==="init")return await Pr(n,e);throw new k(r?`unknown command "${r}".`:"no command given.")}catch(r){return gr(r,e)}}function gr(t,e){if(t instanceof K)e.stderr(`readiness-gate: ${t.message}
`);else if(t instanceof k)e.stderr(`readiness-gate: ${t.message}

${U}`);else if(yr(t))e.stderr(`readiness-gate: ${t.message}

${U}`);else{let r=t instanceof Error?t.message:String(t);e.stderr(`readiness-gate: unexpected error: ${r.split(`
`)[0]}
`)}return 2}function yr(t){let e=t?.code;return typeof e=="string"&&e.startsWith("ERR_PARSE_ARGS")}async function wr(t,e){let{values:r,positionals:n}=Rt({args:t,allowPositionals:!0,options:{body:{type:"string"},config:{type:"string"},format:{type:"string",default:"text"},"exit-zero":{type:"boolean",default:!1}}}),s=r.format;if(s!=="text"&&s!=="json"&&s!=="markdown")throw new k(`--format must be text, json or markdown, not "${s}".`);let o=await br(r.config,e.cwd),i=r.body===void 0?void 0:await vr(r.body,e);if(i===void 0&&n.length===0)throw new k("nothing to check: give --body FILE and/or runbook files.");let a=await kr(i,n,o,e.cwd);return s==="json"?e.stdout(`${JSON.stringify(Z(a),null,2)}
`):s==="markdown"?e.stdout(X(a,{title:"Production readiness"})):e.stdout(J(a,{color:e.isTTY&&!e.env.NO_COLOR})),a.conclusion==="success"||r["exit-zero"]?0:1}async function kr(t,e,r,n){let s=t===void 0?void 0:V(t),o=await bt(e,n,r.runbooks.exclude),i=s?Q(s,r):[],a=await Promise.all(i.map(async h=>({path:h,text:await R(n,h)})));return Pt({description:s,linkedFiles:a,named:o,root:n,config:r})}async function br(t,e){if(t!==void 0){let n=await xt(T.resolve(e,t),"utf8").catch(()=>{throw new k(`${t}: cannot read the config file. Check the path given to --config.`)});return O(n,t)}let r=await R(e,A);return O(r,A)}async function vr(t,e){return t==="-"?e.stdin():xt(T.resolve(e.cwd,t),"utf8").catch(()=>{throw new k(`${t}: cannot read the pull-request description given to --body.`)})}async function Pr(t,e){let{values:r}=Rt({args:t,options:{force:{type:"boolean",default:!1}}}),n=[];for(let s of C)!r.force&&await R(e.cwd,s.path)!==void 0&&n.push(s.path);if(n.length>0)return e.stderr(`readiness-gate: ${n.join(", ")} already exist${n.length===1?"s":""}; nothing written. Run "readiness-gate init --force" to overwrite.
`),2;for(let s of C){let o=T.resolve(e.cwd,s.path);await pr(T.dirname(o),{recursive:!0}),await mr(o,s.text),e.stdout(`wrote ${s.path}
`)}return 0}var At=Rr?.readinessGateTask;if(!Sr&&At)xr?.postMessage(await G(At));else{vt(new URL(import.meta.url));let t=[];process.exitCode=await Et(process.argv.slice(2),{cwd:process.cwd(),stdout:e=>process.stdout.write(e),stderr:e=>process.stderr.write(e),stdin:async()=>{for await(let e of process.stdin)t.push(e);return Buffer.concat(t).toString("utf8")},isTTY:!!process.stdout.isTTY,env:process.env})}
