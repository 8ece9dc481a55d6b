import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);
var e=class extends Error{constructor(E,o,t=[]){super(o);this.code=E;this.details=t;this.name="TokenscopeError"}exitCode=2};function s(r){return new e("E_USAGE",r)}function i(r,n=[]){return new e("E_CONFIG",r,n)}export{e as a,s as b,i as c};
