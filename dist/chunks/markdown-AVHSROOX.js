import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{l as a}from"./chunk-VSLTCXJT.js";import"./chunk-YP3WHZUT.js";import"./chunk-CDIGBKYY.js";import"./chunk-MYH3ABNS.js";import"./chunk-UVUCH7GY.js";export{a as formatMarkdown};
