import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{b as Y,c as L,d as Q,e as V,f as J,g as X,h as D,i as O,m as Z,n as tt,p as et,r as rt,s as nt}from"./chunks/chunk-6KJ56AM5.js";import{d as K}from"./chunks/chunk-UBSDYLOO.js";import{isMainThread as Rr,parentPort as Fr,workerData as Ar}from"node:worker_threads";import{mkdir as yr,readFile as At,writeFile as wr}from"node:fs/promises";import T from"node:path";import{parseArgs as Dt}from"node:util";var E=".github/readiness-gate.yml",Tt=`# readiness-gate configuration. Read from the base branch of each pull request,
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
`,It=`## Summary
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
`,$t=`# Runbook: [Deployment/Operation Name]

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
`,Lt=`name: Production readiness
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
`,_=[{path:E,text:Tt},{path:".github/pull_request_template.md",text:It},{path:"docs/runbooks/TEMPLATE.md",text:$t},{path:".github/workflows/readiness-gate.yml",text:Lt}];var st="0.1.0";var xt=K(J(),1);import{readFile as ur,stat as hr}from"node:fs/promises";import x from"node:path";import{readdir as Le,readdirSync as Oe,realpath as We,realpathSync as Ne,stat as Me,statSync as qe}from"fs";import{isAbsolute as je,posix as P,resolve as Be}from"path";import{fileURLToPath as Ue}from"url";import{createRequire as Ot}from"module";import{basename as Wt,dirname as N,normalize as Nt,relative as Mt,resolve as qt,sep as at}from"path";import*as jt from"fs";var it=Ot(import.meta.url);function Bt(t){let e=Nt(t);return e.length>1&&e[e.length-1]===at&&(e=e.substring(0,e.length-1)),e}var Ut=/[\\/]/g;function ct(t,e){return t.replace(Ut,e)}var Gt=/^[a-z]:[\\/]$/i;function zt(t){return t==="/"||Gt.test(t)}function W(t,e){let{resolvePaths:r,normalizePath:n,pathSeparator:s}=e,i=process.platform==="win32"&&t.includes("/")||t.startsWith(".");if(r&&(t=qt(t)),(n||i)&&(t=Bt(t)),t===".")return"";let o=t[t.length-1]!==s;return ct(o?t+s:t,s)}function lt(t,e){return e+t}function Ht(t,e){return function(r,n){return n.startsWith(t)?n.slice(t.length)+r:ct(Mt(t,n),e.pathSeparator)+e.pathSeparator+r}}function Kt(t){return t}function Yt(t,e,r){return e+t+r}function Qt(t,e){let{relativePaths:r,includeBasePath:n}=e;return r&&t?Ht(t,e):n?lt:Kt}function Vt(t){return function(e,r){r.push(e.substring(t.length)||".")}}function Jt(t){return function(e,r,n){let s=e.substring(t.length)||".";n.every(i=>i(s,!0))&&r.push(s)}}var Xt=(t,e)=>{e.push(t||".")},Zt=(t,e,r)=>{let n=t||".";r.every(s=>s(n,!0))&&e.push(n)},te=()=>{};function ee(t,e){let{includeDirs:r,filters:n,relativePaths:s}=e;return r?s?n&&n.length?Jt(t):Vt(t):n&&n.length?Zt:Xt:te}var re=(t,e,r,n)=>{n.every(s=>s(t,!1))&&r.files++},ne=(t,e,r,n)=>{n.every(s=>s(t,!1))&&e.push(t)},se=(t,e,r,n)=>{r.files++},ie=(t,e)=>{e.push(t)},oe=()=>{};function ae(t){let{excludeFiles:e,filters:r,onlyCounts:n}=t;return e?oe:r&&r.length?n?re:ne:n?se:ie}var ce=t=>t,le=()=>[""].slice(0,0);function ue(t){return t.group?le:ce}var he=(t,e,r)=>{t.push({directory:e,files:r,dir:e})},fe=()=>{};function de(t){return t.group?he:fe}var pe=function(t,e,r){let{queue:n,fs:s,options:{suppressErrors:i}}=e;n.enqueue(),s.realpath(t,(o,a)=>{if(o)return n.dequeue(i?null:o,e);s.stat(a,(u,c)=>{if(u)return n.dequeue(i?null:u,e);if(c.isDirectory()&&ut(t,a,e))return n.dequeue(null,e);r(c,a),n.dequeue(null,e)})})},me=function(t,e,r){let{queue:n,fs:s,options:{suppressErrors:i}}=e;n.enqueue();try{let o=s.realpathSync(t),a=s.statSync(o);if(a.isDirectory()&&ut(t,o,e))return;r(a,o)}catch(o){if(!i)throw o}};function ge(t,e){return!t.resolveSymlinks||t.excludeSymlinks?null:e?me:pe}function ut(t,e,r){if(r.options.useRealPaths)return ye(e,r);let n=N(t),s=1;for(;n!==r.root&&s<2;){let i=r.symlinks.get(n);!!i&&(i===e||i.startsWith(e)||e.startsWith(i))?s++:n=N(n)}return r.symlinks.set(t,e),s>1}function ye(t,e){return e.visited.includes(t+e.options.pathSeparator)}var we=t=>t.counts,ke=t=>t.groups,be=t=>t.paths,Pe=t=>t.paths.slice(0,t.options.maxFiles),ve=(t,e,r)=>(C(e,r,t.counts,t.options.suppressErrors),null),Se=(t,e,r)=>(C(e,r,t.paths,t.options.suppressErrors),null),xe=(t,e,r)=>(C(e,r,t.paths.slice(0,t.options.maxFiles),t.options.suppressErrors),null),Ee=(t,e,r)=>(C(e,r,t.groups,t.options.suppressErrors),null);function C(t,e,r,n){e(t&&!n?t:null,r)}function Re(t,e){let{onlyCounts:r,group:n,maxFiles:s}=t;return r?e?we:ve:n?e?ke:Ee:s?e?Pe:xe:e?be:Se}var ht={withFileTypes:!0},Fe=(t,e,r,n,s)=>{if(t.queue.enqueue(),n<0)return t.queue.dequeue(null,t);let{fs:i}=t;t.visited.push(e),t.counts.directories++,i.readdir(e||".",ht,(o,a=[])=>{s(a,r,n),t.queue.dequeue(t.options.suppressErrors?null:o,t)})},Ae=(t,e,r,n,s)=>{let{fs:i}=t;if(n<0)return;t.visited.push(e),t.counts.directories++;let o=[];try{o=i.readdirSync(e||".",ht)}catch(a){if(!t.options.suppressErrors)throw a}s(o,r,n)};function De(t){return t?Ae:Fe}var _e=class{count=0;constructor(t){this.onQueueEmpty=t}enqueue(){return this.count++,this.count}dequeue(t,e){this.onQueueEmpty&&(--this.count<=0||t)&&(this.onQueueEmpty(t,e),t&&(e.controller.abort(),this.onQueueEmpty=void 0))}},Ce=class{_files=0;_directories=0;set files(t){this._files=t}get files(){return this._files}set directories(t){this._directories=t}get directories(){return this._directories}get dirs(){return this._directories}},Te=class{aborted=!1;abort(){this.aborted=!0}},ft=class{root;isSynchronous;state;joinPath;pushDirectory;pushFile;getArray;groupFiles;resolveSymlink;walkDirectory;callbackInvoker;constructor(t,e,r){this.isSynchronous=!r,this.callbackInvoker=Re(e,this.isSynchronous),this.root=W(t,e),this.state={root:zt(this.root)?this.root:this.root.slice(0,-1),paths:[""].slice(0,0),groups:[],counts:new Ce,options:e,queue:new _e((n,s)=>this.callbackInvoker(s,n,r)),symlinks:new Map,visited:[""].slice(0,0),controller:new Te,fs:e.fs||jt},this.joinPath=Qt(this.root,e),this.pushDirectory=ee(this.root,e),this.pushFile=ae(e),this.getArray=ue(e),this.groupFiles=de(e),this.resolveSymlink=ge(e,this.isSynchronous),this.walkDirectory=De(this.isSynchronous)}start(){return this.pushDirectory(this.root,this.state.paths,this.state.options.filters),this.walkDirectory(this.state,this.root,this.root,this.state.options.maxDepth,this.walk),this.isSynchronous?this.callbackInvoker(this.state,null):null}walk=(t,e,r)=>{let{paths:n,options:{filters:s,resolveSymlinks:i,excludeSymlinks:o,exclude:a,maxFiles:u,signal:c,useRealPaths:p,pathSeparator:l},controller:h}=this.state;if(h.aborted||c&&c.aborted||u&&n.length>u)return;let f=this.getArray(this.state.paths);for(let d=0;d<t.length;++d){let k=t[d];if(k.isFile()||k.isSymbolicLink()&&!i&&!o){let m=this.joinPath(k.name,e);this.pushFile(m,f,this.state.counts,s)}else if(k.isDirectory()){let m=Yt(k.name,e,this.state.options.pathSeparator);if(a&&a(k.name,m))continue;this.pushDirectory(m,n,s),this.walkDirectory(this.state,m,m,r-1,this.walk)}else if(this.resolveSymlink&&k.isSymbolicLink()){let m=lt(k.name,e);this.resolveSymlink(m,this.state,(I,g)=>{if(I.isDirectory()){if(g=W(g,this.state.options),a&&a(k.name,p?g:m+l))return;this.walkDirectory(this.state,g,p?g:m+l,r-1,this.walk)}else{g=p?g:m;let A=Wt(g),$=W(N(g),this.state.options);g=this.joinPath(A,$),this.pushFile(g,f,this.state.counts,s)}})}}this.groupFiles(this.state.groups,e,f)}};function Ie(t,e){return new Promise((r,n)=>{dt(t,e,(s,i)=>{if(s)return n(s);r(i)})})}function dt(t,e,r){new ft(t,e,r).start()}function $e(t,e){return new ft(t,e).start()}var ot=class{constructor(t,e){this.root=t,this.options=e}withPromise(){return Ie(this.root,this.options)}withCallback(t){dt(this.root,this.options,t)}sync(){return $e(this.root,this.options)}},pt=null;try{it.resolve("picomatch"),pt=it("picomatch")}catch{}var mt=class{globCache={};options={maxDepth:1/0,suppressErrors:!0,pathSeparator:at,filters:[]};globFunction;constructor(t){this.options={...this.options,...t},this.globFunction=this.options.globFunction}group(){return this.options.group=!0,this}withPathSeparator(t){return this.options.pathSeparator=t,this}withBasePath(){return this.options.includeBasePath=!0,this}withRelativePaths(){return this.options.relativePaths=!0,this}withDirs(){return this.options.includeDirs=!0,this}withMaxDepth(t){return this.options.maxDepth=t,this}withMaxFiles(t){return this.options.maxFiles=t,this}withFullPaths(){return this.options.resolvePaths=!0,this.options.includeBasePath=!0,this}withErrors(){return this.options.suppressErrors=!1,this}withSymlinks({resolvePaths:t=!0}={}){return this.options.resolveSymlinks=!0,this.options.useRealPaths=t,this.withFullPaths()}withAbortSignal(t){return this.options.signal=t,this}normalize(){return this.options.normalizePath=!0,this}filter(t){return this.options.filters.push(t),this}onlyDirs(){return this.options.excludeFiles=!0,this.options.includeDirs=!0,this}exclude(t){return this.options.exclude=t,this}onlyCounts(){return this.options.onlyCounts=!0,this}crawl(t){return new ot(t||".",this.options)}withGlobFunction(t){return this.globFunction=t,this}crawlWithOptions(t,e){return this.options={...this.options,...e},new ot(t||".",this.options)}glob(...t){return this.globFunction?this.globWithOptions(t):this.globWithOptions(t,{dot:!0})}globWithOptions(t,...e){let r=this.globFunction||pt;if(!r)throw new Error("Please specify a glob function to use glob matching.");var n=this.globCache[t.join("\0")];return n||(n=r(t,...e),this.globCache[t.join("\0")]=n),this.options.filters.push(s=>n(s)),this}};var S=K(J(),1),Ge=Array.isArray,kt=/\\/g,ze=/^[A-Za-z]:$/,bt=process.platform==="win32",He=/^(\/?\.\.)+$/;function Ke(t,e={}){let r=t.length,n=Array(r),s=Array(r),i,o;for(i=0;i<r;i++){let a=Pt(t[i]);n[i]=a;let u=a.length,c=Array(u);for(o=0;o<u;o++)c[o]=(0,S.default)(a[o],e);s[i]=c}return a=>{let u=a.split("/");if(u[0]===".."&&He.test(a))return!0;for(i=0;i<r;i++){let c=n[i],p=s[i],l=u.length,h=Math.min(l,c.length);for(o=0;o<h;){let f=c[o];if(f.includes("/"))return!0;if(!p[o](u[o]))break;if(!e.noglobstar&&f==="**")return!0;o++}if(o===l)return!0}return!1}}var Ye=/^[A-Z]:\/$/i,Qe=bt?t=>Ye.test(t):t=>t==="/";function gt(t,e,r){if(t===e||e.startsWith(`${t}/`)){if(r){let s=t.length+ +!Qe(t);return(i,o)=>i.slice(s,o?-1:void 0)||"."}let n=e.slice(t.length+1);return n?(s,i)=>{if(s===".")return n;let o=`${n}/${s}`;return i?o.slice(0,-1):o}:(s,i)=>i&&s!=="."?s.slice(0,-1):s}return r?n=>P.relative(t,n)||".":n=>P.relative(t,`${e}/${n}`)||"."}function Ve(t,e){if(e.startsWith(`${t}/`)){let r=e.slice(t.length+1);return n=>`${r}/${n}`}return r=>{let n=P.relative(t,`${e}/${r}`);return r[r.length-1]==="/"&&n!==""?`${n}/`:n||"."}}function yt(t){return t.replace(ze,e=>`${e}/`)}var Je={parts:!0};function Pt(t){var e;let r=S.default.scan(t,Je);return!((e=r.parts)===null||e===void 0)&&e.length?r.parts:[t]}var Xe=/(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g,Ze=/(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g,tr=t=>t.replace(Xe,"\\$&"),er=t=>t.replace(Ze,"\\$&"),rr=bt?er:tr;function q(t,e){if(e?.caseSensitiveMatch===!1)return!0;let r=S.default.scan(t);return r.isGlob||r.negated}function R(...t){console.log(`[tinyglobby ${new Date().toLocaleTimeString("es")}]`,...t)}function vt(t){return typeof t=="string"?[t]:t??[]}var nr=/^(\/?\.\.)+/,sr=/\\(?=[()[\]{}!*+?@|])/g;function M(t,e,r,n){var s;let i=e.cwd,o=t;t[t.length-1]==="/"&&(o=t.slice(0,-1)),o[o.length-1]!=="*"&&e.expandDirectories&&(o+="/**");let a=rr(i);o=je(o.replace(sr,""))?P.relative(a,o):P.normalize(o);let u=(s=nr.exec(o))===null||s===void 0?void 0:s[0],c=Pt(o);if(u){let l=(u.length+1)/3,h=0,f=a.split("/");for(;h<l&&c[h+l]===f[f.length+h-l];)o=o.slice(0,(l-h-1)*3)+o.slice((l-h)*3+c[h+l].length+1)||".",h++;let d=P.join(i,u.slice(h*3));d[0]!=="."&&r.root.length>d.length&&(r.root=yt(d),r.depthOffset=-l+h)}if(!n&&r.depthOffset>=0){var p;(p=r.commonPath)!==null&&p!==void 0||(r.commonPath=c);let l=[],h=Math.min(r.commonPath.length,c.length);for(let f=0;f<h;f++){let d=c[f];if(d==="**"&&!c[f+1]){l.pop();break}if(f===c.length-1||d!==r.commonPath[f]||q(d))break;l.push(d)}r.depthOffset=l.length,r.commonPath=l,r.root=yt(l.length>0?P.join(i,...l):i)}return o}function ir(t,e,r){let n=[],s=[];for(let i of t.ignore)i&&(i[0]!=="!"||i[1]==="(")&&s.push(M(i,t,r,!0));for(let i of e)i&&(i[0]!=="!"||i[1]==="("?n.push(M(i,t,r,!1)):(i[1]!=="!"||i[2]==="(")&&s.push(M(i.slice(1),t,r,!0)));return{match:n,ignore:s}}function or(t,e){let r=t.cwd,n={root:r,depthOffset:0},s=ir(t,e,n);t.debug&&R("internal processing patterns:",s);let{absolute:i,caseSensitiveMatch:o,debug:a,dot:u,followSymbolicLinks:c,onlyDirectories:p}=t,l=n.root.replace(kt,""),h={dot:u,nobrace:t.braceExpansion===!1,nocase:!o,noextglob:t.extglob===!1,noglobstar:t.globstar===!1,posix:!0},f=(0,S.default)(s.match,h),d=(0,S.default)(s.ignore,h),k=Ke(s.match,h),m=gt(r,l,i),I=i?m:gt(r,l,!0),g=(v,b)=>{let y=I(b,!0);return y!=="."&&!k(y)||d(y)},A;t.deep!==void 0&&(A=Math.round(t.deep-n.depthOffset));let $=new mt({filters:[a?(v,b)=>{let y=m(v,b),H=f(y)&&!d(y);return H&&R(`matched ${y}`),H}:(v,b)=>{let y=m(v,b);return f(y)&&!d(y)}],exclude:a?(v,b)=>{let y=g(v,b);return R(`${y?"skipped":"crawling"} ${b}`),y}:g,fs:t.fs,pathSeparator:"/",relativePaths:!i,resolvePaths:i,includeBasePath:i,resolveSymlinks:c,excludeSymlinks:!c,excludeFiles:p,includeDirs:p||!t.onlyFiles,maxDepth:A,signal:t.signal}).crawl(l);return t.debug&&R("internal properties:",{...n,root:l}),[$,r!==l&&!i&&Ve(r,l)]}function ar(t,e){if(e)for(let r=t.length-1;r>=0;r--)t[r]=e(t[r]);return t}var wt={caseSensitiveMatch:!0,debug:!!process.env.TINYGLOBBY_DEBUG,expandDirectories:!0,followSymbolicLinks:!0,onlyFiles:!0};function cr(t){let e=Object.assign({},t);for(let r in wt)e[r]===void 0&&Object.assign(e,{[r]:wt[r]});return e.cwd=(e.cwd instanceof URL?Ue(e.cwd):Be(e.cwd||process.cwd())).replace(kt,"/"),e.ignore=vt(e.ignore),e.fs&&(e.fs={readdir:e.fs.readdir||Le,readdirSync:e.fs.readdirSync||Oe,realpath:e.fs.realpath||We,realpathSync:e.fs.realpathSync||Ne,stat:e.fs.stat||Me,statSync:e.fs.statSync||qe}),e.debug&&R("globbing with options:",e),e}function lr(t,e={}){var r;if(t&&e?.patterns)throw new Error("Cannot pass patterns as both an argument and an option");let n=Ge(t)||typeof t=="string",s=vt((r=n?t:t.patterns)!==null&&r!==void 0?r:"**/*"),i=cr(n?e:t);return s.length>0?or(i,s):[]}async function j(t,e){let[r,n]=lr(t,e);return r?ar(await r.withPromise(),n):[]}var w=class extends Error{name="UsageError"};async function Et(t,e,r){let n=new Set,s=(0,xt.default)(r,{dot:!0});for(let i of t){if(q(i)){let a=await j(i,{cwd:e,onlyFiles:!0,dot:!1,ignore:["**/node_modules/**"]}),u=a.filter(c=>!s(c)).sort();if(a.length===0)throw new w(`no file matches "${i}". Check the pattern, or quote it so the shell does not expand it.`);for(let c of u)n.add(c);continue}let o=await hr(x.resolve(e,i)).catch(()=>{});if(!o)throw new w(`${i}: no such file. Name an existing runbook or a glob such as "docs/runbooks/**/*.md".`);if(o.isDirectory()){let a=await j("**/*.{md,markdown}",{cwd:x.resolve(e,i),onlyFiles:!0,ignore:["**/node_modules/**"]});for(let u of a.sort()){let c=St(x.join(i,u));s(c)||n.add(c)}continue}n.add(St(x.normalize(i)))}return[...n]}async function F(t,e){try{return await ur(x.resolve(t,e),"utf8")}catch(r){if(fr(r))return;throw r}}function fr(t){let e=t?.code;return e==="ENOENT"||e==="ENOTDIR"||e==="EISDIR"}function St(t){return t.split(x.sep).join("/")}import{availableParallelism as dr}from"node:os";import{Worker as pr}from"node:worker_threads";var mr=150,B;function Rt(t){B=t}async function U({root:t,files:e,config:r}){return D({files:await G(t,e),config:r})}async function G(t,e){return Promise.all(e.map(async r=>tt(r,await F(t,r.path))))}async function Ft(t){let{description:e,linkedFiles:r,named:n,root:s,config:i}=t,o=Math.min(dr(),4);if(!B||o<2||n.length<mr){let h=D({description:e,files:r,config:i}),f=await U({root:s,files:n,config:i});return O([h,f],i.strict)}let a=Math.ceil(n.length/o),u=Array.from({length:o},(h,f)=>n.slice(f*a,(f+1)*a)).filter(h=>h.length),c=B,p=Promise.all(u.map(h=>gr(c,{root:s,files:h,config:i}))),l=D({description:e,files:r,config:i});return O([l,...await p],i.strict)}function gr(t,e){return new Promise((r,n)=>{let s=new pr(t,{workerData:{readinessGateTask:e}});s.once("message",i=>r(i)),s.once("error",n),s.once("exit",i=>{i!==0&&n(new Error(`a checking thread stopped with code ${i}`))})})}var z=`Usage:
  readiness-gate check [--body FILE|-] [--config FILE] [--format text|json|markdown] [--exit-zero] [RUNBOOK_OR_GLOB ...]
  readiness-gate init [--force]
  readiness-gate --help | --version

check   Check a pull-request description (--body) and runbooks against the rules.
        Runbooks linked from the description are read from the current directory.
        Config: --config FILE, else ${E} when present, else the built-in devops rules.
        Exit: 0 passed, 1 gate failed, 2 usage or config error.
init    Write ${_.map(t=>t.path).join(", ")}.
`;async function _t(t,e){try{let[r,...n]=t;if(r==="--help"||r==="-h"||r==="help")return e.stdout(z),0;if(r==="--version"||r==="-v")return e.stdout(`${st}
`),0;if(r==="check")return await Pr(n,e);if(r==="init")return await Er(n,e);throw new w(r?`unknown command "${r}".`:"no command given.")}catch(r){return kr(r,e)}}function kr(t,e){if(t instanceof Y)e.stderr(`readiness-gate: ${t.message}
`);else if(t instanceof w)e.stderr(`readiness-gate: ${t.message}

${z}`);else if(br(t))e.stderr(`readiness-gate: ${t.message}

${z}`);else{let r=t instanceof Error?t.message:String(t);e.stderr(`readiness-gate: unexpected error: ${r.split(`
`)[0]}
`)}return 2}function br(t){let e=t?.code;return typeof e=="string"&&e.startsWith("ERR_PARSE_ARGS")}async function Pr(t,e){let{values:r,positionals:n}=Dt({args:t,allowPositionals:!0,options:{body:{type:"string"},config:{type:"string"},format:{type:"string",default:"text"},"exit-zero":{type:"boolean",default:!1}}}),s=r.format;if(s!=="text"&&s!=="json"&&s!=="markdown")throw new w(`--format must be text, json or markdown, not "${s}".`);let i=await Sr(r.config,e.cwd),o=r.body===void 0?void 0:await xr(r.body,e);if(o===void 0&&n.length===0)throw new w("nothing to check: give --body FILE and/or runbook files.");let a=await vr(o,n,i,e.cwd);return s==="json"?e.stdout(`${JSON.stringify(nt(a),null,2)}
`):s==="markdown"?e.stdout(rt(a,{title:"Production readiness"})):e.stdout(et(a,{color:e.isTTY&&!e.env.NO_COLOR})),a.conclusion==="success"||r["exit-zero"]?0:1}async function vr(t,e,r,n){let s=t===void 0?void 0:X["pull-request"].parse(t,Q),i=s?V(s,r):[],o=await Et(e,n,r.runbooks.exclude),a=Z({linked:i,named:o},r),u=new Set(i),c=await G(n,a.filter(l=>u.has(l.path))),p=a.filter(l=>!u.has(l.path));return Ft({description:s,linkedFiles:c,named:p,root:n,config:r})}async function Sr(t,e){if(t!==void 0){let n=await At(T.resolve(e,t),"utf8").catch(()=>{throw new w(`${t}: cannot read the config file. Check the path given to --config.`)});return L(n,t)}let r=await F(e,E);return L(r,E)}async function xr(t,e){return t==="-"?e.stdin():At(T.resolve(e.cwd,t),"utf8").catch(()=>{throw new w(`${t}: cannot read the pull-request description given to --body.`)})}async function Er(t,e){let{values:r}=Dt({args:t,options:{force:{type:"boolean",default:!1}}}),n=[];for(let s of _)!r.force&&await F(e.cwd,s.path)!==void 0&&n.push(s.path);if(n.length>0)return e.stderr(`readiness-gate: ${n.join(", ")} already exist${n.length===1?"s":""}; nothing written. Run "readiness-gate init --force" to overwrite.
`),2;for(let s of _){let i=T.resolve(e.cwd,s.path);await yr(T.dirname(i),{recursive:!0}),await wr(i,s.text),e.stdout(`wrote ${s.path}
`)}return 0}var Ct=Ar?.readinessGateTask;if(!Rr&&Ct)Fr?.postMessage(await U(Ct));else{Rt(new URL(import.meta.url));let t=[];process.exitCode=await _t(process.argv.slice(2),{cwd:process.cwd(),stdout:e=>process.stdout.write(e),stderr:e=>process.stderr.write(e),stdin:async()=>{for await(let e of process.stdin)t.push(e);return Buffer.concat(t).toString("utf8")},isTTY:!!process.stdout.isTTY,env:process.env})}
