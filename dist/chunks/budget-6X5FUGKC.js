import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{a,b,c,d,e,f}from"./chunk-FCXW7KLB.js";import"./chunk-Q6M6EXEF.js";import"./chunk-WX3GLO5E.js";import"./chunk-P3T7C7MY.js";import"./chunk-UVUCH7GY.js";export{a as BUDGET,f as checkWithinBudget,e as parseEarly,d as readDescription,c as serveCheckThread,b as setCheckScript};
