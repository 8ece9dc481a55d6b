// What a file is for, judged from its path: configuration and secret stores are where
// credentials may live (outside version control, ideally); source code, docs, scripts, notebooks,
// tests, logs, build output, CI workflows and agent tool configs are not. Also which environment
// (staging, test, dev, example) a path belongs to.

export type FileRole =
  | 'secret-store'
  | 'config'
  | 'ci'
  | 'agent-config'
  | 'example'
  | 'test'
  | 'docs'
  | 'notebook'
  | 'log'
  | 'build-output'
  | 'script'
  | 'source';

/** Roles whose files should never hold a credential. */
export const MISPLACED_ROLES: ReadonlySet<FileRole> = new Set([
  'ci',
  'agent-config',
  'example',
  'test',
  'docs',
  'notebook',
  'log',
  'build-output',
  'script',
  'source',
]);

export const ROLE_DESCRIPTIONS: Record<FileRole, string> = {
  'secret-store': 'a secret store',
  config: 'a configuration file',
  ci: 'a CI workflow (credentials belong in the CI secret store, referenced by name)',
  'agent-config': 'an agent tool configuration (it hands the token to the coding agent)',
  example: 'an example or template file (copied around and committed by design)',
  test: 'a test or fixture file',
  docs: 'documentation',
  notebook: 'a notebook',
  log: 'a log file',
  'build-output': 'build output (shipped to users or servers)',
  script: 'a script',
  source: 'source code',
};

const SECRET_STORE =
  /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|\.npmrc|\.pypirc|\.netrc|_netrc|\.pgpass|\.git-credentials|\.dockercfg|credentials(?:\.\w+)?|secrets?\.(?:ya?ml|json|toml|ini|env|properties)|[\w.-]*\.tfvars(?:\.json)?|\.htpasswd|htpasswd|master\.key|[\w.-]+\.(?:pem|key|p12|pfx|jks|keystore|ppk|kdbx)|id_(?:rsa|dsa|ecdsa|ed25519)|kubeconfig|\.kube\/config|\.docker\/config\.json|\.aws\/credentials|\.s3cfg|\.boto|\.vault-token|\.terraformrc|terraform\.rc)$/i;
const AGENT_CONFIG =
  /(?:^|\/)(?:\.mcp\.json|\.cursor\/mcp\.json|\.vscode\/mcp\.json|\.claude\/settings(?:\.local)?\.json|\.gemini\/settings\.json|\.codeium\/[\w/.-]*mcp[\w.-]*\.json|\.roo\/mcp\.json|\.cline\/[\w/.-]*\.json|mcp_config\.json|claude_desktop_config\.json)$/i;
const CI =
  /(?:^|\/)(?:\.github\/workflows\/[^/]+\.ya?ml|\.github\/actions\/.+\.ya?ml|\.gitlab-ci\.ya?ml|\.gitlab\/ci\/.+\.ya?ml|\.circleci\/config\.ya?ml|Jenkinsfile[\w.-]*|azure-pipelines[\w.-]*\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.buildkite\/[^/]+\.ya?ml|\.drone\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml|\.woodpecker\.ya?ml|appveyor\.ya?ml)$/i;
const EXAMPLE =
  /(?:^|[/._-])(?:example|examples|sample|samples|template|templates)(?:[/._-]|$)|\.(?:example|sample|template|tmpl|tpl|dist)$/i;
const TEST =
  /(?:^|\/)(?:tests?|__tests__|specs?|fixtures?|testdata|test-data|mocks?|__mocks__|__fixtures__|e2e|cypress|playwright)(?:\/|$)|(?:^|\/)(?:test_[^/]*|[^/]*_test\.\w+|[^/]*\.(?:test|spec|e2e)\.\w+|conftest\.py)$/i;
const DOCS =
  /(?:^|\/)(?:docs?|documentation|wiki|man)\/|\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|rtf|html?|org|tex)$/i;
const NOTEBOOK = /\.(?:ipynb|rmd|qmd)$/i;
const LOG = /\.log(?:\.\d+)?$|(?:^|\/)logs?\//i;
const BUILD_OUTPUT =
  /(?:^|\/)(?:dist|build|out|target|\.next|\.nuxt|\.output|\.svelte-kit|public\/build|static\/js|bin\/(?:Debug|Release)|obj)\/|\.(?:min\.js|min\.css|map|bundle\.js|chunk\.js)$/i;
const SCRIPT =
  /\.(?:sh|bash|zsh|fish|ps1|psm1|bat|cmd)$|(?:^|\/)(?:scripts?|bin)\/[^/]+$|(?:^|\/)(?:Makefile|Dockerfile[\w.-]*|Containerfile|Vagrantfile|Procfile|\.bashrc|\.bash_profile|\.zshrc|\.profile)$/i;
const SOURCE =
  /\.(?:[cm]?[jt]sx?|py|pyw|rb|go|java|kt|kts|scala|groovy|cs|fs|vb|php|rs|swift|m|mm|c|cc|cpp|cxx|h|hpp|dart|lua|pl|pm|r|jl|ex|exs|erl|clj|cljs|elm|hs|ml|vue|svelte|astro|sol|tf|hcl|sql|gradle|cshtml|razor|jsp|asp|aspx|erb|ejs|hbs|twig|jinja2?)$/i;

/** Classifies a repo-relative POSIX path. More specific roles win over broader ones. */
export function classifyFile(path: string): FileRole {
  if (AGENT_CONFIG.test(path)) return 'agent-config';
  if (CI.test(path)) return 'ci';
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^\.env\.(?:example|sample|template|dist|defaults?)$|\.env\.example$/i.test(name)) return 'example';
  if (TEST.test(path)) return 'test';
  if (EXAMPLE.test(path) && !SECRET_STORE.test(path)) return 'example';
  if (SECRET_STORE.test(path)) return 'secret-store';
  if (NOTEBOOK.test(path)) return 'notebook';
  if (LOG.test(path)) return 'log';
  if (BUILD_OUTPUT.test(path)) return 'build-output';
  if (DOCS.test(path)) return 'docs';
  if (SCRIPT.test(path)) return 'script';
  if (SOURCE.test(path)) return 'source';
  // Everything else — YAML, JSON, TOML, .ini, rc files, unknown extensions — is configuration.
  return 'config';
}

/** The non-production environment a path belongs to, if its name says so. */
export function pathEnvironment(path: string): 'staging' | 'test' | 'development' | 'example' | undefined {
  const lower = path.toLowerCase();
  if (/(?:^|[/._-])(?:staging|stage|stg|preprod|uat|qa)(?:[/._-]|$)/.test(lower)) return 'staging';
  if (/(?:^|[/._-])(?:example|sample|template|demo)s?(?:[/._-]|$)/.test(lower)) return 'example';
  // `ci` marks a test environment (.env.ci, config/ci/), but not in a CI system's own file
  // names (.gitlab-ci.yml, .github/workflows/ci.yml): those say nothing about the environment.
  if (/(?:^|[/._-])(?:tests?|testing|spec|fixtures?|mocks?)(?:[/._-]|$)/.test(lower)) return 'test';
  if (!CI.test(path) && /(?:^|[/._-])ci(?:[/._-]|$)/.test(lower)) return 'test';
  if (/(?:^|[/._-])(?:dev|develop|development|local|sandbox)(?:[/._-]|$)/.test(lower)) return 'development';
  return undefined;
}
