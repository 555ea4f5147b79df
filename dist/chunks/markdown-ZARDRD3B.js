import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{m as a}from"./chunk-UUKLWYN3.js";import"./chunk-YP3WHZUT.js";import"./chunk-VMH4POOJ.js";import"./chunk-MYH3ABNS.js";import"./chunk-UVUCH7GY.js";export{a as formatMarkdown};
