// The placeholder/example filter: values that stand in for a credential rather than being one.
// Two kinds: templates (documentation keys, `xxxx`, `<your-token>`, `${VAR}`, references) are
// never reported; synthetic-looking values (keyboard walks like abcdef123456, one repeated
// character, the word "example") in a provider's exact format are reported as notes — fakes
// worth a look, also when a vendor's "named nearby" detector finds them — while generic
// detectors drop them.

/** Prefixes of AWS's documentation keys, which people edit into "new" fake ones. */
const DOCUMENTED_PREFIXES = ['AKIAIOSFODNN7', 'wJalrXUtnFEMI/K7MDENG', 'je7MtGbClwBF/2Zp9Utk'];

/**
 * Keys vendors print in their own documentation, which tutorials and READMEs copy: AWS's
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html), Stripe's test key from
 * its API reference, the bot token of Slack's OAuth guide, Hardhat's local test accounts,
 * RFC 8032's Ed25519 test keys (https://www.rfc-editor.org/rfc/rfc8032#section-7.1), and the
 * shipped defaults of Laravel's package test bench and Joomla's distributed configuration, and
 * Mollie's documented test key, Microsoft's emulator account keys, Plaid's documented sandbox
 * token, Shaka Packager's public test signer, reCAPTCHA's test keys and the Supabase CLI's local keys.
 */
const DOCUMENTED_EXAMPLES = new Set([
  // Binance's and Kraken's API docs sign their worked examples with these secrets, and Elastic's
  // API key docs show this encoded id:key.
  'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
  'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
  'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
  // The first five accounts of Hardhat's and Anvil's local chain (from the mnemonic "test test … junk"),
  // printed by `npx hardhat node` and copied into every tutorial.
  'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  // BIP-32's test vector 1 master key, in every HD-wallet library's tests.
  'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi',
  // The Ed25519 secret keys of RFC 8032's test vectors (section 7.1, TESTs 1–3), copied into
  // signing libraries' tests and examples as fixed seeds.
  '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
  'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
  // Laravel package tests: Orchestra Testbench's documented APP_KEY and the base64 key its
  // skeleton's phpunit.xml ships, copied into thousands of packages' test setups.
  'AckfSECXIvnK5r28GVIWUAxmbBSjTsmF',
  'base64:2fl+Ktvkfl+Fuz4Qp/A75G2RTiWVA/ZoKZvp6fiiM10=',
  '2fl+Ktvkfl+Fuz4Qp/A75G2RTiWVA/ZoKZvp6fiiM10=',
  // Joomla's `$secret` in installation/configuration.php-dist (the installer replaces it).
  'FBVtggIk5lAzEU9H',
  // The 256-bit key of the GCM specification's test cases 13-15 (McGrew & Viega, appendix B), in
  // every AES-GCM implementation's tests.
  'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
  // Grafana's shipped `secret_key` (conf/defaults.ini), left in place by many installs: as public as
  // the file it comes from.
  'SW2YcwTIb9zpOOhoPsMm',
  // MinIO's public playground (play.min.io) credentials, printed in the mc client's own config and docs.
  'Q3AM3UQ867SPQQA43P2F',
  'zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG',
  // The test API key of Mollie's API reference and client libraries' READMEs.
  'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM',
  // The signing secret of Slack's "Verifying requests from Slack" guide, every verifier's test vector.
  '8f742231b10e8888abcd99yyyzzz85a5',
  // The account keys Microsoft publishes for its local emulators: Azurite's (and the old storage
  // emulator's) devstoreaccount1 and the Cosmos DB emulator's, in every docker-compose and
  // appsettings.Development.json that runs them.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
  // The sandbox access token of Plaid's API reference examples.
  'access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6',
  // The Supabase CLI's local stack (`supabase start`): the supabase-demo issuer's anon and
  // service_role keys and the default secret key it prints.
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU',
  'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
  // Google's reCAPTCHA v2 test keys (always pass, documented for automated tests).
  '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
  '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
  // Shaka Packager's public widevine_test signer key (its documentation's --aes_signing_key).
  '1ae8ccd0e7985cc0b6203a55855a1034afc252980e970ca90e5202689f947ab9',
]);

/**
 * Redaction markers tools write in place of a value: Sentry's `[Filtered]`, sysprep's
 * `*SENSITIVE*DATA*DELETED*`.
 */
const REDACTION = /^\[(?:filtered|redacted|masked|hidden|removed|secret|sensitive)\]$|^\*SENSITIVE\*DATA\*DELETED\*$/i;

/** Words that mark a value as a template to fill in. */
const TEMPLATE_WORDS =
  /placeholder|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd|id)|yourkey|yourtoken|changeme|change[_-]me|replace[_-]?me|replace[_-]?with|insert[_-]?(?:your|key|token|here)|redacted|put[_-]?your|enter[_-]?your|secret[_-]?here|token[_-]?here|key[_-]?here/i;

/** Words that mark a value as a made-up example. */
const EXAMPLE_WORDS =
  /example|dummy|not[_-]?real|not[_-]a[_-](?:real|secret)|sample[_-]?(?:key|token|secret)|fake[_-]?(?:key|token|secret|password)|^fake[_-][a-z]|random[_-]string|todo|fixme/i;

/**
 * Template, environment and interpolation references: the value lives elsewhere (Compose writes
 * a `$` for the container's shell as `$$NAME`). Also JetBrains path macros (`$REDIS_PASSWORD$`),
 * Symfony parameters and env processors (`%kernel.project_dir%/…`, `%app.key%`, `%env(APP_SECRET)%`), and ciphertext markers (Spring Cloud Config's `{cipher}…`, sops' `ENC[…]`, Ansible Vault, WebLogic's
 * `{AES}…`, IIS's `[enc:…:enc]`, an application's own `enc:v1:…` envelopes, Rails' encrypted
 * attributes (`{"p":"…","h":{"iv":…}}`), a Windows DPAPI blob's fixed header `AQAAANCMnd8BFdERjHoAwE/Cl+s…`,
 * RabbitMQ's `encrypted:…` under its config_entry_decoder passphrase). Telegraf's `@{store:key}` names a
 * secret-store entry (https://docs.influxdata.com/telegraf/v1/configuration/#secret-store-secrets).
 * Grafana's `$__env{…}`, `$__file{…}` and `$__vault{…}`, Datadog Autodiscovery's `%%env_X%%` and
 * ARM template expressions (`[parameters('sqlPassword')]`), Puppet's hiera interpolation
 * (`%{lookup('smtp::password')}`), Ruby's `#{…}` and release pipelines' `__Name__` tokens (Azure DevOps
 * Replace Tokens), Helm's `.Values.x` paths and Salesforce merge fields (`{!$Credential.Password}`) are resolved at deployment or
 * run time.
 */
const REFERENCE =
  /^\{[A-Za-z_][A-Za-z0-9_.-]*\}$|^\[[A-Z_][A-Z0-9_]*\]$|^\$\$?\{[^}]*\}?$|^\$\(|^\$\$?[A-Za-z_][A-Za-z0-9_]*\$?$|^%[A-Za-z_][A-Za-z0-9_.]*%[/\\]|^\{cipher\}|^\{(?:AES256|AES|3DES|aes|hash)\}|^\[enc:|^AQAAANCMnd8BFdERjHoAwE\/Cl\+s|\{\{[^}]*\}\}|^\{\{|^%\([A-Za-z0-9_]+\)[sd]|^%[A-Za-z_][A-Za-z0-9_.]*%$|^%env\([^()%]{1,200}(?:\([^()%]{0,200}\))?\)%$|^<[^<>]{1,80}>$|^<%=|process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|ENV\[|\$ENV\{|System\.getenv|secrets\.[A-Za-z_]|\$\{\{|^@Value\(|^\[\[[^\]]+\]\]$|^ENC\[|^vault:|^\$ANSIBLE_VAULT|^sops:|^!vault|^encrypted:[A-Za-z0-9+/]{16,}={0,2}$|^@\{[A-Za-z_][\w-]{0,63}:[\w.-]{1,128}\}$|^\$__(?:env|file|vault)\{|^%\{[^}]{1,200}\}|#\{[^}]{1,200}\}|^@[A-Z][A-Z0-9_]{1,60}@$|^%%env_[A-Za-z0-9_]+%%$|^\[(?:parameters|variables|reference|listKeys|concat|format)\(|^__[A-Za-z][A-Za-z0-9_.-]{0,80}__$|^\{!\$?[A-Za-z_][\w.]{0,120}\}|^\$?\.(?:Values|Release|Chart|Files|Capabilities)\.[\w.]{1,200}|^enc:v\d{1,3}:[A-Za-z0-9+/=_-]{16,}|^\{"p":"[A-Za-z0-9+/=]{4,}","h":\{/;

/**
 * Keyboard-walk fakes: a run of 6+ consecutive ascending letters or digits (abcdefg, 123456,
 * ABCDEFGHIJKL), or 4+ interleaved pairs (a1b2c3d4). Random tokens essentially never contain one.
 */
function isLowerAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function hasAscendingRun(body: string): boolean {
  const lower = body.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    const a = lower.charCodeAt(i - 1);
    const b = lower.charCodeAt(i);
    run = b === a + 1 && isLowerAlnum(a) && isLowerAlnum(b) ? run + 1 : 1;
    if (run >= 6) return true;
  }
  // a1b2c3d4: three ascending letter-digit pairs in a row (two, `b2c3`, turn up in random hex).
  return /(?:[a-z]\d){4}/i.test(body) && /a1b2c3|b2c3d4|c3d4e5|d4e5f6|1a2b3c|2b3c4d|3c4d5e/i.test(body);
}

/** Runs of the same filler character (xxxx, ****, 0000…): a template, not a value. */
function isFiller(body: string): boolean {
  if (body.length < 4) return false;
  if (/^(.)\1+$/.test(body)) return true;
  if (/(.)\1{5,}/.test(body) && /x{4,}|X{4,}|\*{4,}|#{4,}|\.{4,}|_{4,}|-{4,}|0{8,}/.test(body)) return true;
  return /(?:xxxx|\*\*\*\*|####|\.\.\.\.|…)/i.test(body) && new Set(body).size <= 12;
}

/** Made-up values: keyboard walks, one character dominating, very few distinct characters. */
function isSynthetic(body: string): boolean {
  if (body.length < 4) return false;
  if (hasAscendingRun(body)) return true;
  // One character making up most of the value: aaaaaaaaaaaaend, 0000000000000001.
  const counts = new Map<string, number>();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (body.length >= 8 && Math.max(...counts.values()) / body.length >= 0.6) return true;
  const distinct = counts.size;
  if (body.length >= 8 && distinct <= 3) return true;
  return (
    /0123456789|123456789|abcdefghij|1234567890|qwertyuiop|abcdef012345/.test(body.toLowerCase()) && distinct <= 16
  );
}

export type PlaceholderKind = 'template' | 'synthetic';

/**
 * What kind of stand-in `value` is, if any (`prefix` is the provider's fixed prefix, which is not
 * judged): a template never to report, or a synthetic example worth at most a note.
 */
export function placeholderKind(value: string, prefix = ''): PlaceholderKind | undefined {
  if (DOCUMENTED_EXAMPLES.has(value.startsWith('0x') ? value.slice(2) : value)) return 'template';
  if (DOCUMENTED_PREFIXES.some((p) => value.startsWith(p))) return 'template';
  // Elided in documentation: "ops_eyJzaWdu...", "sk-…".
  if (/(?:\.\.\.|…)$/.test(value)) return 'template';
  const body = prefix && value.startsWith(prefix) ? value.slice(prefix.length) : value;
  if (body.length === 0) return 'template';
  if (REFERENCE.test(value) || REDACTION.test(value) || TEMPLATE_WORDS.test(body) || isFiller(body)) return 'template';
  if (EXAMPLE_WORDS.test(body) || isSynthetic(body)) return 'synthetic';
  return undefined;
}

/** True for either kind of stand-in: generic detectors and value judgements drop both. */
export function isPlaceholder(value: string, prefix = ''): boolean {
  return placeholderKind(value, prefix) !== undefined;
}
