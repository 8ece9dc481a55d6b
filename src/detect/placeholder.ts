// The placeholder/example filter: values that stand in for a credential rather than being one
// (documentation keys, `xxxx`, `<your-token>`, template and environment references). Applied to
// every match unless a detector turns it off, so docs and sample configs stay quiet.

/** AWS's documentation keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html */
const DOCUMENTED_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
]);

const PLACEHOLDER_WORDS =
  /example|placeholder|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd|id)|yourkey|yourtoken|changeme|change[_-]me|replace[_-]?me|replace[_-]?with|insert[_-]?(?:your|key|token|here)|redacted|dummy|notreal|not[_-]a[_-](?:real|secret)|put[_-]?your|enter[_-]?your|sample[_-]?(?:key|token|secret)|fake[_-]?(?:key|token|secret|password)|secret[_-]?here|token[_-]?here|key[_-]?here|todo|fixme/i;

/** Template, environment and interpolation references: the value lives elsewhere. */
const REFERENCE =
  /^\$\{[^}]*\}?$|^\$\(|^\$[A-Za-z_][A-Za-z0-9_]*$|\{\{[^}]*\}\}|^\{\{|^%\([A-Za-z0-9_]+\)[sd]|^%[A-Z_]+%$|^<[^<>]{1,80}>$|^<%=|process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|ENV\[|\$ENV\{|System\.getenv|secrets\.[A-Za-z_]|\$\{\{|^@Value\(|^\[\[[^\]]+\]\]$|^ENC\[|^vault:|^\$ANSIBLE_VAULT|^sops:|^!vault/;

/** Runs of the same character (xxxx, ****, 0000…) or a plain ascending sequence. */
function isMonotonous(body: string): boolean {
  if (body.length < 4) return false;
  if (/(.)\1{5,}/.test(body) && /^(.)\1+$|x{4,}|X{4,}|\*{4,}|#{4,}|\.{4,}|_{4,}|-{4,}|0{8,}/.test(body)) return true;
  const distinct = new Set(body).size;
  if (body.length >= 8 && distinct <= 3) return true;
  const lower = body.toLowerCase();
  if (/0123456789|123456789|abcdefghij|1234567890|qwertyuiop|abcdef012345/.test(lower) && distinct <= 16) return true;
  return /(?:xxxx|\*\*\*\*|####|\.\.\.\.|…)/i.test(body) && distinct <= 12;
}

/**
 * True when `value` (the captured secret; `prefix` is the provider's fixed prefix, which is not
 * judged) looks like a placeholder, a reference or an example rather than a credential.
 */
export function isPlaceholder(value: string, prefix = ''): boolean {
  if (DOCUMENTED_EXAMPLES.has(value)) return true;
  const body = prefix && value.startsWith(prefix) ? value.slice(prefix.length) : value;
  if (body.length === 0) return true;
  if (REFERENCE.test(value)) return true;
  if (PLACEHOLDER_WORDS.test(body)) return true;
  return isMonotonous(body);
}
