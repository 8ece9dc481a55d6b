import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);
import{s as e}from"./chunk-RECOFTQG.js";var i=e;function o(r){return Object.hasOwn(i,r)}export{i as a,o as b};
