import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{l as a}from"./chunk-TW5C4DS3.js";import"./chunk-YP3WHZUT.js";import"./chunk-W6LRXUFT.js";import"./chunk-MYH3ABNS.js";import"./chunk-UVUCH7GY.js";export{a as formatMarkdown};
