import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);
import{a as o}from"./chunk-MI3VRUHS.js";import{readFileSync as r}from"node:fs";import{join as i}from"node:path";var s=JSON.parse(r(i(o,"package.json"),"utf8")).version;export{s as a};
