import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g,h}from"./chunk-22TYLAIC.js";import"./chunk-QV5MB6SW.js";import"./chunk-WX3GLO5E.js";import"./chunk-UVUCH7GY.js";export{d as changedSince,e as filesMentioning,f as isCommit,g as isMissing,c as readAtRef,b as readBytes,a as readDocument,h as readRendered};
