import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{l as a}from"./chunk-276TW5QQ.js";import"./chunk-YP3WHZUT.js";import"./chunk-KLATFNOX.js";import"./chunk-WX3GLO5E.js";import"./chunk-MYH3ABNS.js";import"./chunk-UVUCH7GY.js";export{a as formatMarkdown};
