import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{l as a}from"./chunk-HJHCJRCF.js";import"./chunk-YP3WHZUT.js";import"./chunk-Q6M6EXEF.js";import"./chunk-WX3GLO5E.js";import"./chunk-P3T7C7MY.js";import"./chunk-UVUCH7GY.js";export{a as formatMarkdown};
