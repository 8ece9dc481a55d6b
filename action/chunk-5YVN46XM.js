import { createRequire as __tokenscopeRequire } from 'node:module'; const require = __tokenscopeRequire(import.meta.url);
import{a as d}from"./chunk-UBTA5OTR.js";import"./chunk-JPMI3GTC.js";import"./chunk-MLHRG3E3.js";import"./chunk-55M5XIAY.js";import{b as h,c as l}from"./chunk-WJLVADC2.js";import"./chunk-MI3VRUHS.js";import"./chunk-X77YDJOY.js";import{existsSync as a,writeFileSync as w}from"node:fs";import{dirname as u,join as r,relative as f,resolve as p,sep as y}from"node:path";var m=r("node_modules","tokenscope","schemas","config.schema.json");function k(t){let o;for(let e=p(t);;e=u(e)){let n=r(e,m);if(a(n))return{reference:v(f(t,n)),installed:!0};if(o??=a(r(e,"package.json"))?e:void 0,a(r(e,".git"))||u(e)===e)break}return{reference:v(f(t,r(o??p(t),m))),installed:!1}}function v(t){let o=t.split(y).join("/");return o.startsWith(".")?o:`./${o}`}function x(t){return`# yaml-language-server: $schema=${t}
# tokenscope configuration, found from the scanned folder upward to the repository root
# (or given with --config). Every key is optional; the values below are the defaults.
# Each "e.g." line shows a typical value: put it in place of the line above it.

# Exit 1 when a finding is at or above this level: error, warning, note or none.
failOn: warning

# Files larger than this are skipped, and counted in the summary.
maxFileSize: 10MB
# e.g. maxFileSize: 2MB

# Skip dependency trees, VCS metadata and tool caches (node_modules/, .venv/, ...).
defaultExcludes: true

# Configurations this one builds on: files relative to this one, or installed packages.
# Lists concatenate, scalars here win; URLs are not fetched (docs/configuration.md).
extends: []
# e.g. extends: ["@acme/tokenscope-config", ../shared/tokenscope.yaml]

# Gitignore-style patterns, relative to the repository root, that are not scanned.
exclude: []
# e.g. exclude: [dist/, "**/*.min.js", "vendor/**"]

# Accepted findings, written by \`tokenscope baseline -o .tokenscope-baseline.json\`
# (relative to this file). Baselined findings are hidden; new secrets are still reported.
# e.g. baseline: .tokenscope-baseline.json

detectors:
  # Detectors that do not run: ids, providers or globs (\`tokenscope detectors\` lists them).
  # To run only some, add "only: [github, stripe.*]" (--detectors replaces it for one run).
  disable: []
  # e.g. disable: [generic.password, "generic.*"]
  # The level of a detector's findings (error, warning, note), or off.
  levels: {}
  # e.g. levels: { generic.password: note, stripe.secret-key-test: off }
  # Your own detector files or folders, same format as the built-in detectors/*.yaml
  # (relative to this file). Their patterns are checked for catastrophic backtracking.
  custom: []
  # e.g. custom: [.tokenscope/detectors/]

# Findings that are acceptable. Each entry needs a reason; its fields must all match.
# Prefer an inline "tokenscope:ignore <detector-id> -- <reason>" next to the value.
# Criteria: paths (globs), pathRegexes, detectors, values (regexes on the value), stopwords, fingerprints.
allowlist: []
# e.g. allowlist: [{ paths: ["docs/**"], detectors: [stripe.secret-key-test], reason: documented sandbox keys }]

policy:
  # Per-path limits: a finding above its limit is tagged overbroad.
  limits: []
  # e.g. limits: [{ paths: ["test/**", "**/fixtures/**"], maxPrivilege: read, reason: fixtures must not hold write credentials }]
`}function j(t,o){let e=p(t.cwd,o??".");if(!a(e))throw h(`${e}: no such directory`);let n=d.map(i=>r(e,i)).find(i=>a(i));if(n)throw l(`${n}: a configuration file already exists; edit it, or delete it to start over`);let s=r(e,d[0]),c=k(e);try{w(s,x(c.reference),{flag:"wx"})}catch(i){let g=i.code??"error";throw g==="EEXIST"?l(`${s}: a configuration file already exists; edit it, or delete it to start over`):l(`${s}: cannot write (${g})`)}return t.stdout(`wrote ${f(t.cwd,s)||s}: edit it, then run \`tokenscope scan\`
`),c.installed||t.stdout(`its $schema (${c.reference}) resolves once tokenscope is installed there: npm install --save-dev tokenscope
`),0}export{j as runInitCommand,k as schemaReference,x as starterConfig};
