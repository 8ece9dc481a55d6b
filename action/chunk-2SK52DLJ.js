import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);
import{randomUUID as i}from"node:crypto";function o(n){return n.replace(/%/g,"%25").replace(/\r/g,"%0D").replace(/\n/g,"%0A")}function g(n){return o(n).replace(/:/g,"%3A").replace(/,/g,"%2C")}function c(n){return n.replace(/\r/g,"\\r").replace(/^([ \t\f\v]*)::/gm,"$1\u200B::").replace(/##\[/g,"#\u200B#[")}function u(n){let e=`tokenscope-${i()}`;for(;n.includes(e);)e=`tokenscope-${i()}`;let r=n.endsWith(`
`)||n.length===0?n:`${n}
`;return`::stop-commands::${e}
${r}::${e}::
`}function l(n){return`::add-mask::${o(n)}`}function $(n,e,r){let s=Object.entries(e).filter(([,t])=>t!==void 0&&t!=="").map(([t,p])=>`${t}=${g(String(p))}`).join(",");return`::${n}${s?` ${s}`:""}::${o(r)}`}function d(n,e){let r=`ghadelimiter_${i()}`;for(;e.includes(r);)r=`ghadelimiter_${i()}`;return`${n}<<${r}
${e}
${r}
`}export{c as a,u as b,l as c,$ as d,d as e};
