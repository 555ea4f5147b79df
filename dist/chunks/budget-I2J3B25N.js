import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import{a,b,c,d,e,f}from"./chunk-AZ4OKJVP.js";import"./chunk-W6LRXUFT.js";import"./chunk-MYH3ABNS.js";import"./chunk-UVUCH7GY.js";export{a as BUDGET,f as checkWithinBudget,e as parseEarly,d as readDescription,c as serveCheckThread,b as setCheckScript};
