// The assignment context of a value: the variable, key, property, XML element or flag it is
// bound to. Detectors and decoders use it (RAILWAY_API_TOKEN vs RAILWAY_TOKEN, NEXT_PUBLIC_*).

const MAX_LOOKBACK = 240;

/**
 * Finds the name a value starting at `start` is assigned to, looking left on the same line:
 * `KEY=`, `key: `, `"key": "`, `key => '`, `<key>`, `key="…" value="`, `--key `, `ENV KEY `,
 * `setKey("`, `Authorization: Bearer `.
 */
export function extractKeyName(text: string, start: number): string | undefined {
  let lineStart = start;
  const floor = Math.max(0, start - MAX_LOOKBACK);
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  let before = text.slice(lineStart, start);
  // Value prefixes that are not part of the name: quotes, auth schemes, `${`-less templates.
  before = before.replace(/(?:["'`]|\\["'])\s*$/, '');
  before = before.replace(/(?:Bearer|Basic|Token|token|Bot|Key)\s+$/, '');
  before = before.replace(/["'`]\s*$/, '');

  // <name>value  (XML element)
  let m = /<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>\s*$/.exec(before);
  if (m) return m[1];
  // key="Name" value="…"  (.NET appSettings and similar)
  m = /\b(?:key|name)\s*=\s*["']([^"']{1,80})["'][^<>]*?\b(?:value|password|connectionString)\s*=\s*$/i.exec(before);
  if (m) return m[1];
  // name = / name: / name := / name => / name ?= ...
  m = /(["'`]?)([A-Za-z_$@][\w$@.-]*)\1\]?\s*(?::=|=>|\?=|\|\|=|\?\?=|\+=|=|:)\s*(?:[A-Za-z_$][\w$.]*\()?\s*$/.exec(
    before,
  );
  if (m) return m[2];
  // headers['X-Api-Key'] = / env["TOKEN"] =
  m = /\[\s*["'`]([^"'`\]]{1,80})["'`]\s*\]\s*(?:=|:)?\s*$/.exec(before);
  if (m) return m[1];
  // --password value / -p value
  m = /(?:^|\s)--?([A-Za-z][\w-]*)[\s=]+$/.exec(before);
  if (m) return m[1];
  // ENV NAME value (Dockerfile), export NAME value, set NAME value
  m = /^\s*(?:ENV|ARG|export|set|setenv)\s+([A-Za-z_][\w.]*)\s+$/.exec(before);
  if (m) return m[1];
  // setPassword(" / withToken(' / createClient(url,
  m = /([A-Za-z_$][\w$]*)\s*\(\s*(?:[^()]*,\s*)?$/.exec(before);
  if (m) return m[1];
  return undefined;
}
