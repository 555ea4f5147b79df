import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{c as Q,d as L,e as V,f as X,g as J,h as Z,i as D,j as O,n as tt,o as et,p as rt,q as nt,s as st,u as it,v as ot}from"./chunks/chunk-PV7CZ2B4.js";import{d as K}from"./chunks/chunk-UBSDYLOO.js";import{isMainThread as Tr,parentPort as $r,workerData as Ir}from"node:worker_threads";import{mkdir as Sr,readFile as Lt,writeFile as xr}from"node:fs/promises";import T from"node:path";import{parseArgs as Ot}from"node:util";var E=".github/readiness-gate.yml",Mt=`# readiness-gate configuration. Read from the base branch of each pull request,
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
`,Bt=`# Runbook: [Deployment/Operation Name]

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
`,jt=`name: Production readiness
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
`,_=[{path:E,text:Mt},{path:".github/pull_request_template.md",text:qt},{path:"docs/runbooks/TEMPLATE.md",text:Bt},{path:".github/workflows/readiness-gate.yml",text:jt}];var at="0.1.0";var Dt=K(J(),1);import{open as yr,readFile as wr,realpath as Rt,stat as At}from"node:fs/promises";import v from"node:path";import{readdir as je,readdirSync as Ue,realpath as ze,realpathSync as Ge,stat as He,statSync as Ye}from"fs";import{isAbsolute as Ke,posix as P,resolve as Qe}from"path";import{fileURLToPath as Ve}from"url";import{createRequire as Ut}from"module";import{basename as zt,dirname as N,normalize as Gt,relative as Ht,resolve as Yt,sep as ut}from"path";import*as Kt from"fs";var ct=Ut(import.meta.url);function Qt(t){let e=Gt(t);return e.length>1&&e[e.length-1]===ut&&(e=e.substring(0,e.length-1)),e}var Vt=/[\\/]/g;function ht(t,e){return t.replace(Vt,e)}var Xt=/^[a-z]:[\\/]$/i;function Jt(t){return t==="/"||Xt.test(t)}function W(t,e){let{resolvePaths:r,normalizePath:n,pathSeparator:s}=e,i=process.platform==="win32"&&t.includes("/")||t.startsWith(".");if(r&&(t=Yt(t)),(n||i)&&(t=Qt(t)),t===".")return"";let o=t[t.length-1]!==s;return ht(o?t+s:t,s)}function ft(t,e){return e+t}function Zt(t,e){return function(r,n){return n.startsWith(t)?n.slice(t.length)+r:ht(Ht(t,n),e.pathSeparator)+e.pathSeparator+r}}function te(t){return t}function ee(t,e,r){return e+t+r}function re(t,e){let{relativePaths:r,includeBasePath:n}=e;return r&&t?Zt(t,e):n?ft:te}function ne(t){return function(e,r){r.push(e.substring(t.length)||".")}}function se(t){return function(e,r,n){let s=e.substring(t.length)||".";n.every(i=>i(s,!0))&&r.push(s)}}var ie=(t,e)=>{e.push(t||".")},oe=(t,e,r)=>{let n=t||".";r.every(s=>s(n,!0))&&e.push(n)},ae=()=>{};function ce(t,e){let{includeDirs:r,filters:n,relativePaths:s}=e;return r?s?n&&n.length?se(t):ne(t):n&&n.length?oe:ie:ae}var le=(t,e,r,n)=>{n.every(s=>s(t,!1))&&r.files++},ue=(t,e,r,n)=>{n.every(s=>s(t,!1))&&e.push(t)},he=(t,e,r,n)=>{r.files++},fe=(t,e)=>{e.push(t)},de=()=>{};function pe(t){let{excludeFiles:e,filters:r,onlyCounts:n}=t;return e?de:r&&r.length?n?le:ue:n?he:fe}var me=t=>t,ge=()=>[""].slice(0,0);function ye(t){return t.group?ge:me}var we=(t,e,r)=>{t.push({directory:e,files:r,dir:e})},ke=()=>{};function be(t){return t.group?we:ke}var ve=function(t,e,r){let{queue:n,fs:s,options:{suppressErrors:i}}=e;n.enqueue(),s.realpath(t,(o,a)=>{if(o)return n.dequeue(i?null:o,e);s.stat(a,(u,c)=>{if(u)return n.dequeue(i?null:u,e);if(c.isDirectory()&&dt(t,a,e))return n.dequeue(null,e);r(c,a),n.dequeue(null,e)})})},Pe=function(t,e,r){let{queue:n,fs:s,options:{suppressErrors:i}}=e;n.enqueue();try{let o=s.realpathSync(t),a=s.statSync(o);if(a.isDirectory()&&dt(t,o,e))return;r(a,o)}catch(o){if(!i)throw o}};function Se(t,e){return!t.resolveSymlinks||t.excludeSymlinks?null:e?Pe:ve}function dt(t,e,r){if(r.options.useRealPaths)return xe(e,r);let n=N(t),s=1;for(;n!==r.root&&s<2;){let i=r.symlinks.get(n);!!i&&(i===e||i.startsWith(e)||e.startsWith(i))?s++:n=N(n)}return r.symlinks.set(t,e),s>1}function xe(t,e){return e.visited.includes(t+e.options.pathSeparator)}var Ee=t=>t.counts,Re=t=>t.groups,Fe=t=>t.paths,Ae=t=>t.paths.slice(0,t.options.maxFiles),De=(t,e,r)=>(C(e,r,t.counts,t.options.suppressErrors),null),_e=(t,e,r)=>(C(e,r,t.paths,t.options.suppressErrors),null),Ce=(t,e,r)=>(C(e,r,t.paths.slice(0,t.options.maxFiles),t.options.suppressErrors),null),Te=(t,e,r)=>(C(e,r,t.groups,t.options.suppressErrors),null);function C(t,e,r,n){e(t&&!n?t:null,r)}function $e(t,e){let{onlyCounts:r,group:n,maxFiles:s}=t;return r?e?Ee:De:n?e?Re:Te:s?e?Ae:Ce:e?Fe:_e}var pt={withFileTypes:!0},Ie=(t,e,r,n,s)=>{if(t.queue.enqueue(),n<0)return t.queue.dequeue(null,t);let{fs:i}=t;t.visited.push(e),t.counts.directories++,i.readdir(e||".",pt,(o,a=[])=>{s(a,r,n),t.queue.dequeue(t.options.suppressErrors?null:o,t)})},Le=(t,e,r,n,s)=>{let{fs:i}=t;if(n<0)return;t.visited.push(e),t.counts.directories++;let o=[];try{o=i.readdirSync(e||".",pt)}catch(a){if(!t.options.suppressErrors)throw a}s(o,r,n)};function Oe(t){return t?Le:Ie}var We=class{count=0;constructor(t){this.onQueueEmpty=t}enqueue(){return this.count++,this.count}dequeue(t,e){this.onQueueEmpty&&(--this.count<=0||t)&&(this.onQueueEmpty(t,e),t&&(e.controller.abort(),this.onQueueEmpty=void 0))}},Ne=class{_files=0;_directories=0;set files(t){this._files=t}get files(){return this._files}set directories(t){this._directories=t}get directories(){return this._directories}get dirs(){return this._directories}},Me=class{aborted=!1;abort(){this.aborted=!0}},mt=class{root;isSynchronous;state;joinPath;pushDirectory;pushFile;getArray;groupFiles;resolveSymlink;walkDirectory;callbackInvoker;constructor(t,e,r){this.isSynchronous=!r,this.callbackInvoker=$e(e,this.isSynchronous),this.root=W(t,e),this.state={root:Jt(this.root)?this.root:this.root.slice(0,-1),paths:[""].slice(0,0),groups:[],counts:new Ne,options:e,queue:new We((n,s)=>this.callbackInvoker(s,n,r)),symlinks:new Map,visited:[""].slice(0,0),controller:new Me,fs:e.fs||Kt},this.joinPath=re(this.root,e),this.pushDirectory=ce(this.root,e),this.pushFile=pe(e),this.getArray=ye(e),this.groupFiles=be(e),this.resolveSymlink=Se(e,this.isSynchronous),this.walkDirectory=Oe(this.isSynchronous)}start(){return this.pushDirectory(this.root,this.state.paths,this.state.options.filters),this.walkDirectory(this.state,this.root,this.root,this.state.options.maxDepth,this.walk),this.isSynchronous?this.callbackInvoker(this.state,null):null}walk=(t,e,r)=>{let{paths:n,options:{filters:s,resolveSymlinks:i,excludeSymlinks:o,exclude:a,maxFiles:u,signal:c,useRealPaths:p,pathSeparator:l},controller:h}=this.state;if(h.aborted||c&&c.aborted||u&&n.length>u)return;let f=this.getArray(this.state.paths);for(let d=0;d<t.length;++d){let k=t[d];if(k.isFile()||k.isSymbolicLink()&&!i&&!o){let m=this.joinPath(k.name,e);this.pushFile(m,f,this.state.counts,s)}else if(k.isDirectory()){let m=ee(k.name,e,this.state.options.pathSeparator);if(a&&a(k.name,m))continue;this.pushDirectory(m,n,s),this.walkDirectory(this.state,m,m,r-1,this.walk)}else if(this.resolveSymlink&&k.isSymbolicLink()){let m=ft(k.name,e);this.resolveSymlink(m,this.state,($,g)=>{if($.isDirectory()){if(g=W(g,this.state.options),a&&a(k.name,p?g:m+l))return;this.walkDirectory(this.state,g,p?g:m+l,r-1,this.walk)}else{g=p?g:m;let A=zt(g),I=W(N(g),this.state.options);g=this.joinPath(A,I),this.pushFile(g,f,this.state.counts,s)}})}}this.groupFiles(this.state.groups,e,f)}};function qe(t,e){return new Promise((r,n)=>{gt(t,e,(s,i)=>{if(s)return n(s);r(i)})})}function gt(t,e,r){new mt(t,e,r).start()}function Be(t,e){return new mt(t,e).start()}var lt=class{constructor(t,e){this.root=t,this.options=e}withPromise(){return qe(this.root,this.options)}withCallback(t){gt(this.root,this.options,t)}sync(){return Be(this.root,this.options)}},yt=null;try{ct.resolve("picomatch"),yt=ct("picomatch")}catch{}var wt=class{globCache={};options={maxDepth:1/0,suppressErrors:!0,pathSeparator:ut,filters:[]};globFunction;constructor(t){this.options={...this.options,...t},this.globFunction=this.options.globFunction}group(){return this.options.group=!0,this}withPathSeparator(t){return this.options.pathSeparator=t,this}withBasePath(){return this.options.includeBasePath=!0,this}withRelativePaths(){return this.options.relativePaths=!0,this}withDirs(){return this.options.includeDirs=!0,this}withMaxDepth(t){return this.options.maxDepth=t,this}withMaxFiles(t){return this.options.maxFiles=t,this}withFullPaths(){return this.options.resolvePaths=!0,this.options.includeBasePath=!0,this}withErrors(){return this.options.suppressErrors=!1,this}withSymlinks({resolvePaths:t=!0}={}){return this.options.resolveSymlinks=!0,this.options.useRealPaths=t,this.withFullPaths()}withAbortSignal(t){return this.options.signal=t,this}normalize(){return this.options.normalizePath=!0,this}filter(t){return this.options.filters.push(t),this}onlyDirs(){return this.options.excludeFiles=!0,this.options.includeDirs=!0,this}exclude(t){return this.options.exclude=t,this}onlyCounts(){return this.options.onlyCounts=!0,this}crawl(t){return new lt(t||".",this.options)}withGlobFunction(t){return this.globFunction=t,this}crawlWithOptions(t,e){return this.options={...this.options,...e},new lt(t||".",this.options)}glob(...t){return this.globFunction?this.globWithOptions(t):this.globWithOptions(t,{dot:!0})}globWithOptions(t,...e){let r=this.globFunction||yt;if(!r)throw new Error("Please specify a glob function to use glob matching.");var n=this.globCache[t.join("\0")];return n||(n=r(t,...e),this.globCache[t.join("\0")]=n),this.options.filters.push(s=>n(s)),this}};var x=K(J(),1),Xe=Array.isArray,Pt=/\\/g,Je=/^[A-Za-z]:$/,St=process.platform==="win32",Ze=/^(\/?\.\.)+$/;function tr(t,e={}){let r=t.length,n=Array(r),s=Array(r),i,o;for(i=0;i<r;i++){let a=xt(t[i]);n[i]=a;let u=a.length,c=Array(u);for(o=0;o<u;o++)c[o]=(0,x.default)(a[o],e);s[i]=c}return a=>{let u=a.split("/");if(u[0]===".."&&Ze.test(a))return!0;for(i=0;i<r;i++){let c=n[i],p=s[i],l=u.length,h=Math.min(l,c.length);for(o=0;o<h;){let f=c[o];if(f.includes("/"))return!0;if(!p[o](u[o]))break;if(!e.noglobstar&&f==="**")return!0;o++}if(o===l)return!0}return!1}}var er=/^[A-Z]:\/$/i,rr=St?t=>er.test(t):t=>t==="/";function kt(t,e,r){if(t===e||e.startsWith(`${t}/`)){if(r){let s=t.length+ +!rr(t);return(i,o)=>i.slice(s,o?-1:void 0)||"."}let n=e.slice(t.length+1);return n?(s,i)=>{if(s===".")return n;let o=`${n}/${s}`;return i?o.slice(0,-1):o}:(s,i)=>i&&s!=="."?s.slice(0,-1):s}return r?n=>P.relative(t,n)||".":n=>P.relative(t,`${e}/${n}`)||"."}function nr(t,e){if(e.startsWith(`${t}/`)){let r=e.slice(t.length+1);return n=>`${r}/${n}`}return r=>{let n=P.relative(t,`${e}/${r}`);return r[r.length-1]==="/"&&n!==""?`${n}/`:n||"."}}function bt(t){return t.replace(Je,e=>`${e}/`)}var sr={parts:!0};function xt(t){var e;let r=x.default.scan(t,sr);return!((e=r.parts)===null||e===void 0)&&e.length?r.parts:[t]}var ir=/(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g,or=/(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g,ar=t=>t.replace(ir,"\\$&"),cr=t=>t.replace(or,"\\$&"),lr=St?cr:ar;function q(t,e){if(e?.caseSensitiveMatch===!1)return!0;let r=x.default.scan(t);return r.isGlob||r.negated}function R(...t){console.log(`[tinyglobby ${new Date().toLocaleTimeString("es")}]`,...t)}function Et(t){return typeof t=="string"?[t]:t??[]}var ur=/^(\/?\.\.)+/,hr=/\\(?=[()[\]{}!*+?@|])/g;function M(t,e,r,n){var s;let i=e.cwd,o=t;t[t.length-1]==="/"&&(o=t.slice(0,-1)),o[o.length-1]!=="*"&&e.expandDirectories&&(o+="/**");let a=lr(i);o=Ke(o.replace(hr,""))?P.relative(a,o):P.normalize(o);let u=(s=ur.exec(o))===null||s===void 0?void 0:s[0],c=xt(o);if(u){let l=(u.length+1)/3,h=0,f=a.split("/");for(;h<l&&c[h+l]===f[f.length+h-l];)o=o.slice(0,(l-h-1)*3)+o.slice((l-h)*3+c[h+l].length+1)||".",h++;let d=P.join(i,u.slice(h*3));d[0]!=="."&&r.root.length>d.length&&(r.root=bt(d),r.depthOffset=-l+h)}if(!n&&r.depthOffset>=0){var p;(p=r.commonPath)!==null&&p!==void 0||(r.commonPath=c);let l=[],h=Math.min(r.commonPath.length,c.length);for(let f=0;f<h;f++){let d=c[f];if(d==="**"&&!c[f+1]){l.pop();break}if(f===c.length-1||d!==r.commonPath[f]||q(d))break;l.push(d)}r.depthOffset=l.length,r.commonPath=l,r.root=bt(l.length>0?P.join(i,...l):i)}return o}function fr(t,e,r){let n=[],s=[];for(let i of t.ignore)i&&(i[0]!=="!"||i[1]==="(")&&s.push(M(i,t,r,!0));for(let i of e)i&&(i[0]!=="!"||i[1]==="("?n.push(M(i,t,r,!1)):(i[1]!=="!"||i[2]==="(")&&s.push(M(i.slice(1),t,r,!0)));return{match:n,ignore:s}}function dr(t,e){let r=t.cwd,n={root:r,depthOffset:0},s=fr(t,e,n);t.debug&&R("internal processing patterns:",s);let{absolute:i,caseSensitiveMatch:o,debug:a,dot:u,followSymbolicLinks:c,onlyDirectories:p}=t,l=n.root.replace(Pt,""),h={dot:u,nobrace:t.braceExpansion===!1,nocase:!o,noextglob:t.extglob===!1,noglobstar:t.globstar===!1,posix:!0},f=(0,x.default)(s.match,h),d=(0,x.default)(s.ignore,h),k=tr(s.match,h),m=kt(r,l,i),$=i?m:kt(r,l,!0),g=(S,b)=>{let y=$(b,!0);return y!=="."&&!k(y)||d(y)},A;t.deep!==void 0&&(A=Math.round(t.deep-n.depthOffset));let I=new wt({filters:[a?(S,b)=>{let y=m(S,b),Y=f(y)&&!d(y);return Y&&R(`matched ${y}`),Y}:(S,b)=>{let y=m(S,b);return f(y)&&!d(y)}],exclude:a?(S,b)=>{let y=g(S,b);return R(`${y?"skipped":"crawling"} ${b}`),y}:g,fs:t.fs,pathSeparator:"/",relativePaths:!i,resolvePaths:i,includeBasePath:i,resolveSymlinks:c,excludeSymlinks:!c,excludeFiles:p,includeDirs:p||!t.onlyFiles,maxDepth:A,signal:t.signal}).crawl(l);return t.debug&&R("internal properties:",{...n,root:l}),[I,r!==l&&!i&&nr(r,l)]}function pr(t,e){if(e)for(let r=t.length-1;r>=0;r--)t[r]=e(t[r]);return t}var vt={caseSensitiveMatch:!0,debug:!!process.env.TINYGLOBBY_DEBUG,expandDirectories:!0,followSymbolicLinks:!0,onlyFiles:!0};function mr(t){let e=Object.assign({},t);for(let r in vt)e[r]===void 0&&Object.assign(e,{[r]:vt[r]});return e.cwd=(e.cwd instanceof URL?Ve(e.cwd):Qe(e.cwd||process.cwd())).replace(Pt,"/"),e.ignore=Et(e.ignore),e.fs&&(e.fs={readdir:e.fs.readdir||je,readdirSync:e.fs.readdirSync||Ue,realpath:e.fs.realpath||ze,realpathSync:e.fs.realpathSync||Ge,stat:e.fs.stat||He,statSync:e.fs.statSync||Ye}),e.debug&&R("globbing with options:",e),e}function gr(t,e={}){var r;if(t&&e?.patterns)throw new Error("Cannot pass patterns as both an argument and an option");let n=Xe(t)||typeof t=="string",s=Et((r=n?t:t.patterns)!==null&&r!==void 0?r:"**/*"),i=mr(n?e:t);return s.length>0?dr(i,s):[]}async function B(t,e){let[r,n]=gr(t,e);return r?pr(await r.withPromise(),n):[]}var w=class extends Error{name="UsageError"};async function _t(t,e,r){let n=new Set,s=(0,Dt.default)(r,{dot:!0});for(let i of t){if(q(i)){let a=await B(i,{cwd:e,onlyFiles:!0,dot:!1,ignore:["**/node_modules/**"]}),u=a.filter(c=>!s(c)).sort();if(a.length===0)throw new w(`no file matches "${i}". Check the pattern, or quote it so the shell does not expand it.`);for(let c of u)n.add(c);continue}let o=await At(v.resolve(e,i)).catch(()=>{});if(!o)throw new w(`${i}: no such file. Name an existing runbook or a glob such as "docs/runbooks/**/*.md".`);if(o.isDirectory()){let a=await B("**/*.{md,markdown}",{cwd:v.resolve(e,i),onlyFiles:!0,ignore:["**/node_modules/**"]});for(let u of a.sort()){let c=Ft(v.join(i,u));s(c)||n.add(c)}continue}n.add(Ft(v.normalize(i)))}return[...n]}var F=1024*1024;async function Ct(t,e){let r=a=>({kind:"failed",reason:a}),n;try{n=await Rt(v.resolve(t,e))}catch(a){if(Tt(a))return;throw a}let s=await Rt(t);if(n!==s&&!n.startsWith(s+v.sep))return r("it leads outside the repository root");let i=await At(n);if(!i.isFile())return r("it is not a regular file");if(i.size>F)return r(`it is ${i.size} bytes, over the ${F}-byte limit`);let o=await yr(n,"r");try{let a=Buffer.alloc(F+1),{bytesRead:u}=await o.read(a,0,a.length,0);return u>F?r(`it grew past the ${F}-byte limit while being read`):a.subarray(0,u).toString("utf8")}finally{await o.close()}}async function j(t,e){try{return await wr(v.resolve(t,e),"utf8")}catch(r){if(Tt(r))return;throw r}}function Tt(t){let e=t?.code;return e==="ENOENT"||e==="ENOTDIR"||e==="EISDIR"}function Ft(t){return t.split(v.sep).join("/")}import{availableParallelism as kr}from"node:os";import{Worker as br}from"node:worker_threads";var vr=150,U;function $t(t){U=t}async function z({root:t,files:e,config:r}){return D({files:await G(t,e),config:r})}async function G(t,e){return tt(e,nt*4,async r=>rt(r,r.unread?void 0:await Ct(t,r.path)))}async function It(t){let{description:e,linkedFiles:r,named:n,root:s,config:i}=t,o=Math.min(kr(),4);if(!U||o<2||n.length<vr){let h=D({description:e,files:r,config:i}),f=await z({root:s,files:n,config:i});return O([h,f],i.strict)}let a=Math.ceil(n.length/o),u=Array.from({length:o},(h,f)=>n.slice(f*a,(f+1)*a)).filter(h=>h.length),c=U,p=Promise.all(u.map(h=>Pr(c,{root:s,files:h,config:i}))),l=D({description:e,files:r,config:i});return O([l,...await p],i.strict)}function Pr(t,e){return new Promise((r,n)=>{let s=new br(t,{workerData:{readinessGateTask:e}});s.once("message",i=>r(i)),s.once("error",n),s.once("exit",i=>{i!==0&&n(new Error(`a checking thread stopped with code ${i}`))})})}var H=`Usage:
  readiness-gate check [--body FILE|-] [--config FILE] [--format text|json|markdown] [--exit-zero] [RUNBOOK_OR_GLOB ...]
  readiness-gate init [--force]
  readiness-gate --help | --version

check   Check a pull-request description (--body) and runbooks against the rules.
        Runbooks linked from the description are read from the current directory.
        Config: --config FILE, else ${E} when present, else the built-in devops rules.
        Exit: 0 passed, 1 gate failed, 2 usage or config error.
init    Write ${_.map(t=>t.path).join(", ")}.
`;async function Wt(t,e){try{let[r,...n]=t;if(r==="--help"||r==="-h"||r==="help")return e.stdout(H),0;if(r==="--version"||r==="-v")return e.stdout(`${at}
`),0;if(r==="check")return await Fr(n,e);if(r==="init")return await Cr(n,e);throw new w(r?`unknown command "${r}".`:"no command given.")}catch(r){return Er(r,e)}}function Er(t,e){if(t instanceof Q)e.stderr(`readiness-gate: ${t.message}
`);else if(t instanceof w)e.stderr(`readiness-gate: ${t.message}

${H}`);else if(Rr(t))e.stderr(`readiness-gate: ${t.message}

${H}`);else{let r=t instanceof Error?t.message:String(t);e.stderr(`readiness-gate: unexpected error: ${r.split(`
`)[0]}
`)}return 2}function Rr(t){let e=t?.code;return typeof e=="string"&&e.startsWith("ERR_PARSE_ARGS")}async function Fr(t,e){let{values:r,positionals:n}=Ot({args:t,allowPositionals:!0,options:{body:{type:"string"},config:{type:"string"},format:{type:"string",default:"text"},"exit-zero":{type:"boolean",default:!1}}}),s=r.format;if(s!=="text"&&s!=="json"&&s!=="markdown")throw new w(`--format must be text, json or markdown, not "${s}".`);let i=await Dr(r.config,e.cwd),o=r.body===void 0?void 0:await _r(r.body,e);if(o===void 0&&n.length===0)throw new w("nothing to check: give --body FILE and/or runbook files.");let a=await Ar(o,n,i,e.cwd);return s==="json"?e.stdout(`${JSON.stringify(ot(a),null,2)}
`):s==="markdown"?e.stdout(it(a,{title:"Production readiness"})):e.stdout(st(a,{color:e.isTTY&&!e.env.NO_COLOR})),a.conclusion==="success"||r["exit-zero"]?0:1}async function Ar(t,e,r,n){let s=t===void 0?void 0:Z["pull-request"].parse(t,V),i=s?X(s,r):[],o=await _t(e,n,r.runbooks.exclude),a=et({linked:i,named:o},r),u=new Set(i),c=await G(n,a.filter(l=>u.has(l.path))),p=a.filter(l=>!u.has(l.path));return It({description:s,linkedFiles:c,named:p,root:n,config:r})}async function Dr(t,e){if(t!==void 0){let n=await Lt(T.resolve(e,t),"utf8").catch(()=>{throw new w(`${t}: cannot read the config file. Check the path given to --config.`)});return L(n,t)}let r=await j(e,E);return L(r,E)}async function _r(t,e){return t==="-"?e.stdin():Lt(T.resolve(e.cwd,t),"utf8").catch(()=>{throw new w(`${t}: cannot read the pull-request description given to --body.`)})}async function Cr(t,e){let{values:r}=Ot({args:t,options:{force:{type:"boolean",default:!1}}}),n=[];for(let s of _)!r.force&&await j(e.cwd,s.path)!==void 0&&n.push(s.path);if(n.length>0)return e.stderr(`readiness-gate: ${n.join(", ")} already exist${n.length===1?"s":""}; nothing written. Run "readiness-gate init --force" to overwrite.
`),2;for(let s of _){let i=T.resolve(e.cwd,s.path);await Sr(T.dirname(i),{recursive:!0}),await xr(i,s.text),e.stdout(`wrote ${s.path}
`)}return 0}var Nt=Ir?.readinessGateTask;if(!Tr&&Nt)$r?.postMessage(await z(Nt));else{$t(new URL(import.meta.url));let t=[];process.exitCode=await Wt(process.argv.slice(2),{cwd:process.cwd(),stdout:e=>process.stdout.write(e),stderr:e=>process.stderr.write(e),stdin:async()=>{for await(let e of process.stdin)t.push(e);return Buffer.concat(t).toString("utf8")},isTTY:!!process.stdout.isTTY,env:process.env})}
