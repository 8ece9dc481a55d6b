import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);
import{a,b,c,d,e,f,g}from"./chunk-7L6O6HLA.js";import"./chunk-X77YDJOY.js";export{c as appendEntry,a as callKey,b as entryFor,d as findAsk,g as formatSummary,e as readLog,f as summarise};
