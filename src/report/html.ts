// One self-contained HTML page (no external assets, no network) that a person reads at a glance:
// a privilege × reach matrix in which the token that can delete production stands out, then the
// findings grouped by file with their remediation, filterable by level, provider and policy tag.
// Every string from the scan (file names, messages, facts) is escaped; a Content-Security-Policy
// allows only this page's own inline script (by hash) and styles, so even a missed escape could
// not run code.

import { createHash } from 'node:crypto';
import { describeBreadth, describePrivilege } from '../policy/evaluate.js';
import { formatSize, plural } from '../util/format.js';
import {
  BREADTHS,
  PRIVILEGES,
  type Breadth,
  type Finding,
  type Privilege,
  type RuleInfo,
  type ScanResult,
} from '../model/types.js';
import { levelCounts } from './common.js';

export interface HtmlOptions {
  showSuppressed?: boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and quoted attribute values; controls and bidi overrides become visible. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/[&<>"'`]/g, (c) => ESCAPES[c]!)
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

const PRIVILEGE_ROWS: Privilege[] = [...[...PRIVILEGES].reverse(), 'unknown'];
const BREADTH_COLUMNS: Breadth[] = [...[...BREADTHS].reverse(), 'unknown'];

/** How alarming a matrix cell is: 3 for what can delete or administer a whole account or org. */
function cellDanger(privilege: Privilege, breadth: Breadth): number {
  const p = PRIVILEGES.indexOf(privilege as (typeof PRIVILEGES)[number]);
  const b = BREADTHS.indexOf(breadth as (typeof BREADTHS)[number]);
  if (p >= 3 && b >= 2) return 3;
  if (p >= 3 || (p >= 2 && b >= 2)) return 2;
  if (p >= 1) return 1;
  return 0;
}

function matrix(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(`${f.privilege}|${f.breadth}`, (counts.get(`${f.privilege}|${f.breadth}`) ?? 0) + 1);
  const head = BREADTH_COLUMNS.map(
    (b) => `<th scope="col" title="${escapeHtml(describeBreadth(b))}">${escapeHtml(b)}</th>`,
  ).join('');
  const rows = PRIVILEGE_ROWS.map((p) => {
    const cells = BREADTH_COLUMNS.map((b) => {
      const n = counts.get(`${p}|${b}`) ?? 0;
      const danger = n > 0 ? cellDanger(p, b) : -1;
      return `<td class="cell d${danger}" data-privilege="${escapeHtml(p)}" data-breadth="${escapeHtml(b)}" data-count="${n}">${n > 0 ? n : ''}</td>`;
    }).join('');
    return `<tr><th scope="row" title="${escapeHtml(describePrivilege(p))}">${escapeHtml(p)}</th>${cells}</tr>`;
  }).join('\n');
  return `<table class="matrix" id="matrix"><caption>Findings by privilege (rows) and reach (columns)</caption>
<thead><tr><th scope="col">privilege \\ reach</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function worstFinding(findings: readonly Finding[]): Finding | undefined {
  return [...findings].sort(
    (a, b) => b.securitySeverity - a.securitySeverity || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line),
  )[0];
}

function findingRow(f: Finding, rules: ReadonlyMap<string, RuleInfo>): string {
  const rule = rules.get(f.ruleId);
  const tags = f.policy.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ');
  const reasons = f.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('');
  const evidence = f.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join('');
  return `<tr class="finding" data-level="${escapeHtml(f.level)}" data-provider="${escapeHtml(f.provider)}" data-policy="${escapeHtml(f.policy.join(' '))}">
<td class="where">${f.line}:${f.column}</td>
<td><span class="level ${escapeHtml(f.level)}">${escapeHtml(f.level)}</span></td>
<td><strong>${escapeHtml(f.ruleName)}</strong><br><code>${escapeHtml(f.ruleId)}</code></td>
<td><code class="secret">${escapeHtml(f.redacted)}</code><br><small>${f.secretLength} chars</small></td>
<td>${escapeHtml(describePrivilege(f.privilege))}<br><small>${escapeHtml(describeBreadth(f.breadth))} · ${escapeHtml(f.scopeSource)}</small></td>
<td>${tags}</td>
<td>${reasons ? `<ul class="reasons">${reasons}</ul>` : escapeHtml(f.message)}${evidence ? `<ul class="evidence">${evidence}</ul>` : ''}${
    rule
      ? `<details><summary>Remediation</summary><p>${escapeHtml(rule.remediation)}</p>${f.narrowerAlternative ? `<p>Narrower alternative: ${escapeHtml(f.narrowerAlternative)}</p>` : ''}</details>`
      : ''
  }${f.commit ? `<br><small>commit ${escapeHtml(f.commit.sha.slice(0, 12))}</small>` : ''}</td>
</tr>`;
}

function fileSections(findings: readonly Finding[], rules: ReadonlyMap<string, RuleInfo>): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.path, [...(groups.get(f.path) ?? []), f]);
  return [...groups.entries()]
    .map(
      ([path, list]) => `<section class="file" data-path="${escapeHtml(path)}">
<h3><code>${escapeHtml(path)}</code> <small>${plural(list.length, 'finding')}</small></h3>
<table class="findings"><thead><tr><th>line</th><th>level</th><th>detector</th><th>value</th><th>can do</th><th>policy</th><th>why and what to do</th></tr></thead>
<tbody>
${list.map((f) => findingRow(f, rules)).join('\n')}
</tbody></table>
</section>`,
    )
    .join('\n');
}

function options(values: readonly string[], all: string): string {
  return [
    `<option value="">${escapeHtml(all)}</option>`,
    ...[...new Set(values)].sort().map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`),
  ].join('');
}

// Filters rows by level, provider and policy tag; the state lives in the URL fragment
// (#level=error&provider=github&policy=overbroad) so a filtered view can be linked.
const SCRIPT = `(function () {
  var form = document.getElementById('filters');
  var keys = ['level', 'provider', 'policy'];
  function apply() {
    var want = {};
    keys.forEach(function (k) { want[k] = form.elements[k].value; });
    var shown = 0;
    document.querySelectorAll('tr.finding').forEach(function (row) {
      var ok = (!want.level || row.dataset.level === want.level) &&
        (!want.provider || row.dataset.provider === want.provider) &&
        (!want.policy || (' ' + row.dataset.policy + ' ').indexOf(' ' + want.policy + ' ') >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll('section.file').forEach(function (s) {
      s.hidden = s.querySelectorAll('tr.finding:not([hidden])').length === 0;
    });
    document.getElementById('shown').textContent = String(shown);
    var hash = keys.filter(function (k) { return want[k]; }).map(function (k) { return k + '=' + encodeURIComponent(want[k]); }).join('&');
    if (history.replaceState) history.replaceState(null, '', hash ? '#' + hash : location.pathname);
  }
  (location.hash || '').replace(/^#/, '').split('&').forEach(function (pair) {
    var kv = pair.split('=');
    if (keys.indexOf(kv[0]) >= 0 && form.elements[kv[0]]) form.elements[kv[0]].value = decodeURIComponent(kv[1] || '');
  });
  form.addEventListener('change', apply);
  apply();
})();`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem; color: #1b1f24; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { margin-top: 2rem; } h3 { margin: 1.2rem 0 0.4rem; font-size: 1rem; }
.summary { color: #444; } .incomplete { background: #fff3cd; border: 1px solid #e0b000; padding: 0.5rem 0.8rem; }
.callout { border-left: 6px solid #c62828; background: #fdecea; padding: 0.6rem 0.9rem; margin: 1rem 0; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
.matrix td.cell { width: 5.5rem; height: 2.2rem; text-align: center; font-weight: 600; font-size: 1.1rem; }
.matrix .d-1 { background: #fafafa; } .matrix .d0 { background: #e8f5e9; } .matrix .d1 { background: #fff8e1; }
.matrix .d2 { background: #ffcc80; } .matrix .d3 { background: #c62828; color: #fff; }
.findings { width: 100%; } .where { white-space: nowrap; font-family: ui-monospace, monospace; }
.level { font-weight: 700; text-transform: uppercase; font-size: 0.8rem; } .level.error { color: #c62828; } .level.warning { color: #a15c00; } .level.note { color: #1565c0; }
.tag { display: inline-block; background: #eceff1; border-radius: 3px; padding: 0 0.3rem; margin: 0 0.1rem 0.1rem 0; font-size: 0.8rem; }
.secret { background: #f6f8fa; } ul.reasons, ul.evidence { margin: 0.3rem 0; padding-left: 1.1rem; } ul.evidence { color: #555; }
form#filters { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin: 0.5rem 0 1rem; }
`;

export function formatHtml(result: ScanResult, opts: HtmlOptions = {}): string {
  const findings = opts.showSuppressed ? [...result.findings, ...result.suppressed] : result.findings;
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const s = result.stats;
  const worst = worstFinding(findings);
  const incomplete =
    (result as ScanResult & { incomplete?: boolean; incompleteReasons?: string[] }).incomplete === true;
  const reasons = (result as ScanResult & { incompleteReasons?: string[] }).incompleteReasons ?? [];
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const summary = `${plural(s.filesScanned, 'file')} scanned (${formatSize(s.bytesScanned)}), ${s.filesSkipped} skipped; ${plural(s.findings, 'finding')}: ${levelCounts(s)}${s.suppressed ? `; ${s.suppressed} suppressed` : ''}`;
  const callout = worst
    ? `<div class="callout" id="worst"><strong>Most dangerous:</strong> ${escapeHtml(worst.ruleName)} <code>${escapeHtml(worst.redacted)}</code> in <code>${escapeHtml(worst.path)}:${worst.line}</code> — ${escapeHtml(describePrivilege(worst.privilege))}, ${escapeHtml(describeBreadth(worst.breadth))}${worst.policy.length ? ` (${escapeHtml(worst.policy.join(', '))})` : ''}.</div>`
    : '<p id="worst">No credentials found.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tokenscope report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>tokenscope report</h1>
<p class="summary" id="summary" data-findings="${s.findings}" data-errors="${s.findingsByLevel.error}" data-warnings="${s.findingsByLevel.warning}" data-notes="${s.findingsByLevel.note}">${escapeHtml(summary)} · tokenscope ${escapeHtml(result.tool.version)}</p>
${incomplete ? `<p class="incomplete" id="incomplete"><strong>Incomplete scan:</strong> ${escapeHtml(reasons.join('; ') || 'some files could not be examined')}</p>` : ''}
${callout}
<h2>Privilege × reach</h2>
${matrix(findings)}
<h2>Findings (<span id="shown">${findings.length}</span> shown)</h2>
<form id="filters">
<label>Level <select name="level">${options(
    findings.map((f) => f.level),
    'all levels',
  )}</select></label>
<label>Provider <select name="provider">${options(
    findings.map((f) => f.provider),
    'all providers',
  )}</select></label>
<label>Policy <select name="policy">${options(
    findings.flatMap((f) => f.policy),
    'any policy',
  )}</select></label>
</form>
${fileSections(findings, rules)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
