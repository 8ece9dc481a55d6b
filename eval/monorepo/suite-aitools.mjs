// Red-team suite "aitools": repositories of AI applications and the tools developers use with
// coding agents: MCP server configs (Cursor, VS Code, Claude Desktop, Claude Code .mcp.json,
// Windsurf, Cline, Continue, Zed), agent settings, aider / llm / LiteLLM / Open WebUI configs,
// LangChain / LlamaIndex / CrewAI / AutoGen / Semantic Kernel code (Python, TypeScript, C#),
// notebooks, vector databases, model hubs, LLM observability, eval harness configs and
// self-hosted Compose stacks. Decoys: Langfuse public keys, model names, endpoints, placeholders,
// env references, documented example keys, object ids, embeddings, digests of model files.
// Written from vendors' published formats, not from tokenscope's rules.
import { ALNUM, B64, LOWER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

function aiTokens(t) {
  return {
    hf: () => `hf_${t.alnum(34)}`,
    replicate: () => `r8_${t.alnum(37)}`,
    groq: () => `gsk_${t.alnum(52)}`,
    langsmith: (kind = 'pt') => `lsv2_${kind}_${t.hex(32)}_${t.hex(10)}`,
    langfuseSk: () => `sk-lf-${t.uuid()}`,
    langfusePk: () => `pk-lf-${t.uuid()}`,
    pinecone: () => `pcsk_${t.alnum(5)}_${t.alnum(63)}`,
    xai: () => `xai-${t.alnum(80)}`,
    pplx: () => `pplx-${t.alnum(48)}`,
    fireworks: () => `fw_${t.alnum(24)}`,
    openrouter: () => `sk-or-v1-${t.hex(64)}`,
    anthropicAdmin: () => `sk-ant-admin01-${t.mixed(URLSAFE, 93)}AA`,
    anthropicOat: () => `sk-ant-oat01-${t.mixed(URLSAFE, 93)}AA`,
    openaiAdmin: () => `sk-admin-${t.mixed(URLSAFE, 58)}T3BlbkFJ${t.mixed(URLSAFE, 58)}`,
    openaiSvc: () => `sk-svcacct-${t.mixed(URLSAFE, 58)}T3BlbkFJ${t.mixed(URLSAFE, 58)}`,
    openaiLegacy: () => `sk-${t.alnum(20)}T3BlbkFJ${t.alnum(20)}`,
    azureOpenai: () => t.hex(32),
    bedrock: () =>
      'ABSK' + Buffer.from(`BedrockAPIKey-${t.lower(4)}-at-${t.digits(12)}:${t.mixed(B64, 40)}`).toString('base64'),
    mistral: () => t.alnum(32),
    cohere: () => t.alnum(40),
    deepseek: () => `sk-${t.hex(32)}`,
    together: () => `tgp_v1_${t.mixed(URLSAFE, 43)}`,
    helicone: () => `sk-helicone-${t.lower(7)}-${t.lower(7)}-${t.lower(7)}-${t.lower(7)}`,
    wandb: () => t.hex(40),
    tavily: () => `tvly-dev-${t.alnum(32)}`,
    firecrawl: () => `fc-${t.hex(32)}`,
    e2b: () => `e2b_${t.hex(40)}`,
    brave: () => `BSA${t.alnum(28)}`,
    notion: () => `ntn_${t.digits(11)}${t.alnum(35)}`,
    linear: () => `lin_api_${t.alnum(40)}`,
    supabasePat: () => `sbp_${t.hex(40)}`,
    sentryUser: () => `sntryu_${t.hex(64)}`,
    chroma: () => `ck-${t.alnum(44)}`,
    qdrant: () => t.mixed(URLSAFE, 48),
    weaviate: () => t.alnum(48),
    zilliz: () => t.hex(104),
    serper: () => t.hex(40),
    litellmKey: () => `sk-${t.mixed(URLSAFE, 22)}`,
    master: () => `sk-${t.alnum(32)}`,
    elevenlabs: () => `sk_${t.hex(48)}`,
    arize: () => `ak-${t.uuid()}-${t.alnum(32)}`,
    secret32: () => t.alnum(32),
    hex64: () => t.hex(64),
    pgUrlPw: () => t.password().replace(/[^A-Za-z0-9]/g, ''),
    orgId: () => `org-${t.alnum(24)}`,
    projId: () => `proj_${t.alnum(24)}`,
    msgId: () => `msg_01${t.alnum(22)}`,
    chatId: () => `chatcmpl-${t.alnum(29)}`,
    embedding: (n) =>
      '[' +
      Array.from({ length: n }, () => (t.pick('01', 1) === '0' ? '-' : '') + '0.0' + t.pick('0123456789', 6)).join(
        ', ',
      ) +
      ']',
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 443);
  const t = makeTokens(rand);
  const a = aiTokens(t);
  const repo = new Repo();

  mcpConfigs(repo, t, a);
  agentSettings(repo, t, a);
  proxies(repo, t, a);
  pythonApps(repo, t, a);
  tsApps(repo, t, a);
  dotnetApps(repo, t, a);
  notebooks(repo, t, a);
  vectorDbs(repo, t, a);
  observability(repo, t, a);
  evalHarness(repo, t, a);
  compose(repo, t, a);
  docsAndLogs(repo, t, a);
  return repo;
}

// ---- MCP server configurations ---------------------------------------------------------------

function mcpConfigs(repo, t, a) {
  const c = repo.file('.cursor/mcp.json', 'mcp');
  const gh = t.github();
  const brave = a.brave();
  const pg = a.pgUrlPw();
  c.l('{', '  "mcpServers": {', '    "github": {', '      "command": "npx",');
  c.l('      "args": ["-y", "@modelcontextprotocol/server-github"],', '      "env": {');
  c.s(`        "GITHUB_PERSONAL_ACCESS_TOKEN": "${gh}"`, 'github', gh);
  c.l('      }', '    },', '    "brave-search": {', '      "command": "npx",');
  c.l('      "args": ["-y", "@modelcontextprotocol/server-brave-search"],', '      "env": {');
  c.s(`        "BRAVE_API_KEY": "${brave}"`, 'generic', brave);
  c.l('      }', '    },', '    "postgres": {', '      "command": "npx",', '      "args": [');
  c.l('        "-y",', '        "@modelcontextprotocol/server-postgres",');
  c.s(`        "postgresql://analytics:${pg}@db.internal.acme-ai.dev:5432/warehouse"`, 'database', pg);
  c.l('      ]', '    },', '    "linear": {', '      "url": "https://mcp.linear.app/sse",', '      "headers": {');
  c.d('        "Authorization": "Bearer ${env:LINEAR_API_KEY}"', 'env interpolation');
  c.l('      }', '    }', '  }', '}');

  const v = repo.file('.vscode/mcp.json', 'mcp');
  const pplx = a.pplx();
  const lin = a.linear();
  v.l('{', '  "inputs": [', '    {', '      "type": "promptString",');
  v.d('      "id": "github_token",', 'input id');
  v.l('      "description": "GitHub Personal Access Token",', '      "password": true', '    }', '  ],');
  v.l(
    '  "servers": {',
    '    "github": {',
    '      "type": "http",',
    '      "url": "https://api.githubcopilot.com/mcp/",',
  );
  v.l('      "headers": {');
  v.d('        "Authorization": "Bearer ${input:github_token}"', 'input reference');
  v.l('      }', '    },', '    "perplexity-ask": {', '      "type": "stdio",', '      "command": "npx",');
  v.l('      "args": ["-y", "server-perplexity-ask"],', '      "env": {');
  v.s(`        "PERPLEXITY_API_KEY": "${pplx}"`, 'perplexity', pplx);
  v.l('      }', '    },', '    "linear": {', '      "type": "http",', '      "url": "https://mcp.linear.app/mcp",');
  v.l('      "headers": {');
  v.s(`        "Authorization": "${lin}"`, 'linear', lin);
  v.l('      }', '    }', '  }', '}');

  const d = repo.file('docs/setup/claude_desktop_config.json', 'mcp');
  const xoxb = t.slackBot();
  const ntn = a.notion();
  const fs = a.firecrawl();
  d.l('{', '  "mcpServers": {', '    "slack": {', '      "command": "npx",');
  d.l('      "args": ["-y", "@modelcontextprotocol/server-slack"],', '      "env": {');
  d.s(`        "SLACK_BOT_TOKEN": "${xoxb}",`, 'slack', xoxb);
  d.d(`        "SLACK_TEAM_ID": "T0${t.pick('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8)}"`, 'slack team id');
  d.l('      }', '    },', '    "notion": {', '      "command": "npx",');
  d.l('      "args": ["-y", "@notionhq/notion-mcp-server"],', '      "env": {');
  d.s(
    `        "OPENAPI_MCP_HEADERS": "{\\"Authorization\\": \\"Bearer ${ntn}\\", \\"Notion-Version\\": \\"2022-06-28\\"}"`,
    'notion',
    ntn,
  );
  d.l('      }', '    },', '    "firecrawl": {', '      "command": "npx",', '      "args": ["-y", "firecrawl-mcp"],');
  d.l('      "env": {');
  d.s(`        "FIRECRAWL_API_KEY": "${fs}"`, 'generic', fs);
  d.l('      }', '    },', '    "filesystem": {', '      "command": "npx",');
  d.d('      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/dana/Projects"]', 'path');
  d.l('    }', '  }', '}');

  const m = repo.file('.mcp.json', 'mcp');
  const sbp = a.supabasePat();
  const sntry = a.sentryUser();
  m.l('{', '  "mcpServers": {', '    "supabase": {', '      "command": "npx",', '      "args": [');
  m.l('        "-y",', '        "@supabase/mcp-server-supabase@latest",', '        "--read-only",');
  m.d(`        "--project-ref=${t.pick(LOWER, 20)}",`, 'supabase project ref');
  m.s(`        "--access-token=${sbp}"`, 'supabase', sbp);
  m.l(
    '      ]',
    '    },',
    '    "sentry": {',
    '      "command": "npx",',
    '      "args": ["@sentry/mcp-server@latest"],',
  );
  m.l('      "env": {');
  m.s(`        "SENTRY_ACCESS_TOKEN": "${sntry}",`, 'sentry', sntry);
  m.d('        "SENTRY_HOST": "sentry.io"', 'host');
  m.l('      }', '    },', '    "context7": {', '      "type": "http",', '      "url": "https://mcp.context7.com/mcp"');
  m.l('    }', '  }', '}');

  const w = repo.file('.codeium/windsurf/mcp_config.json', 'mcp');
  const tv = a.tavily();
  const e2b = a.e2b();
  w.l('{', '  "mcpServers": {', '    "tavily": {', '      "command": "npx",');
  w.s(`      "args": ["-y", "tavily-mcp@0.1.4", "--api-key", "${tv}"]`, 'tavily', tv);
  w.l('    },', '    "e2b": {', '      "command": "uvx",', '      "args": ["e2b-mcp-server"],', '      "env": {');
  w.s(`        "E2B_API_KEY": "${e2b}"`, 'e2b', e2b);
  w.l('      }', '    },', '    "github": {', '      "command": "docker",', '      "args": [');
  w.l('        "run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN",');
  w.d(`        "ghcr.io/github/github-mcp-server@sha256:${t.sha256()}"`, 'image digest');
  w.l('      ],', '      "env": {');
  w.d('        "GITHUB_PERSONAL_ACCESS_TOKEN": "${env:GITHUB_PAT}"', 'env reference');
  w.l('      }', '    }', '  }', '}');

  const cl = repo.file(
    'home/dana/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    'mcp',
  );
  const exa = t.uuid();
  const elev = a.elevenlabs();
  cl.l('{', '  "mcpServers": {', '    "exa": {', '      "command": "npx",');
  cl.l('      "args": ["-y", "exa-mcp-server"],', '      "env": {');
  cl.s(`        "EXA_API_KEY": "${exa}"`, 'generic', exa);
  cl.l('      },', '      "disabled": false,', '      "autoApprove": []', '    },', '    "elevenlabs": {');
  cl.l('      "command": "uvx",', '      "args": ["elevenlabs-mcp"],', '      "env": {');
  cl.s(`        "ELEVENLABS_API_KEY": "${elev}"`, 'elevenlabs', elev);
  cl.l('      }', '    }', '  }', '}');

  const z = repo.file('.zed/settings.json', 'mcp');
  const gho = `github_pat_11${t.alnum(20)}_${t.alnum(59)}`; // fine-grained PAT: 22 + _ + 59
  const ctxKey = t.alnum(40);
  z.l('// Zed project settings', '{', '  "context_servers": {', '    "mcp-server-github": {');
  z.l('      "source": "custom",', '      "command": "docker",');
  z.l('      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],');
  z.l('      "env": {');
  z.s(`        "GITHUB_PERSONAL_ACCESS_TOKEN": "${gho}" // dana's PAT, repo scope`, 'github', gho);
  z.l('      }', '    },', '    "docs-search": {', '      "source": "custom",', '      "command": "node",');
  z.l('      "args": ["./tools/docs-mcp/index.js"],', '      "env": {');
  z.s(`        "DOCS_SEARCH_TOKEN": "${ctxKey}",`, 'generic', ctxKey);
  z.d('        "DOCS_INDEX": "acme-docs-v3"', 'index name');
  z.l('      }', '    }', '  },', '  "language_models": {', '    "openai": {');
  z.d('      "api_url": "https://api.openai.com/v1",', 'endpoint');
  z.d('      "available_models": [{ "name": "gpt-4.1-mini", "max_tokens": 128000 }]', 'model name');
  z.l('    }', '  }', '}');

  const cont = repo.file('.continue/config.yaml', 'mcp');
  const mis = a.mistral();
  const groq = a.groq();
  cont.l('name: acme-assistant', 'version: 1.0.0', 'schema: v1', 'models:', '  - name: Codestral');
  cont.l('    provider: mistral', '    model: codestral-latest');
  cont.s(`    apiKey: ${mis}`, 'mistral', mis);
  cont.l('    roles: [autocomplete]', '  - name: Llama 3.3 70B (Groq)', '    provider: groq');
  cont.d('    model: llama-3.3-70b-versatile', 'model name');
  cont.s(`    apiKey: "${groq}"`, 'groq', groq);
  cont.l('  - name: Claude Sonnet', '    provider: anthropic', '    model: claude-sonnet-4-20250514');
  cont.d('    apiKey: ${{ secrets.ANTHROPIC_API_KEY }}', 'secret reference');
  cont.l('  - name: Local', '    provider: ollama', '    model: qwen2.5-coder:7b');
  cont.d('    apiBase: http://localhost:11434', 'ollama endpoint, no key');
  cont.l('mcpServers:', '  - name: SQLite', '    command: npx');
  cont.l('    args: ["-y", "mcp-sqlite", "/Users/dana/data/app.db"]');
}

// ---- agent settings, aider, llm -----------------------------------------------------------

function agentSettings(repo, t, a) {
  const s = repo.file('.claude/settings.json', 'agent');
  s.l('{', '  "$schema": "https://json.schemastore.org/claude-code-settings.json",', '  "permissions": {');
  s.l('    "allow": ["Bash(npm run lint)", "Bash(npm run test:*)", "Read(~/.zshrc)"],');
  s.l('    "deny": ["Read(./.env)", "Read(./secrets/**)"]', '  },');
  s.d('  "apiKeyHelper": "~/bin/get-anthropic-key.sh",', 'helper script path');
  s.l('  "env": {', '    "CLAUDE_CODE_ENABLE_TELEMETRY": "1",');
  s.d('    "OTEL_EXPORTER_OTLP_ENDPOINT": "https://otel.acme-ai.dev:4317",', 'endpoint');
  const otelTok = t.alnum(32);
  s.s(`    "OTEL_EXPORTER_OTLP_HEADERS": "Authorization=Bearer ${otelTok}"`, 'generic', otelTok);
  s.l('  }', '}');

  const sl = repo.file('.claude/settings.local.json', 'agent');
  const br = a.bedrock();
  const oat = a.anthropicOat();
  sl.l('{', '  "env": {', '    "CLAUDE_CODE_USE_BEDROCK": "1",', '    "AWS_REGION": "us-west-2",');
  sl.s(`    "AWS_BEARER_TOKEN_BEDROCK": "${br}",`, 'aws', br);
  sl.d('    "ANTHROPIC_MODEL": "us.anthropic.claude-sonnet-4-20250514-v1:0"', 'bedrock model id');
  sl.l('  }', '}');

  const cc = repo.file('home/dana/.claude/.credentials.json', 'agent');
  cc.l('{', '  "claudeAiOauth": {');
  cc.s(`    "accessToken": "${oat}",`, 'anthropic', oat);
  const ort = `sk-ant-ort01-${t.mixed(URLSAFE, 93)}AA`;
  cc.s(`    "refreshToken": "${ort}",`, 'anthropic', ort);
  cc.d('    "expiresAt": 1767225600000,', 'timestamp');
  cc.d('    "scopes": ["user:inference", "user:profile"],', 'scopes');
  cc.l('    "subscriptionType": "max"', '  }', '}');

  const ad = repo.file('.aider.conf.yml', 'agent');
  const oa = t.openai();
  const an = t.anthropic();
  ad.l('## aider configuration for this repo', 'model: sonnet', 'weak-model: gpt-4o-mini');
  ad.l('auto-commits: false', 'dark-mode: true');
  ad.s(`openai-api-key: ${oa}`, 'openai', oa);
  ad.s(`anthropic-api-key: "${an}"   # team key, do not share`, 'anthropic', an);
  ad.d('#openai-api-key: sk-...', 'placeholder in comment');
  ad.l('api-key:');
  const dsk = a.deepseek();
  const orr = a.openrouter();
  ad.s(`  - deepseek=${dsk}`, 'deepseek', dsk);
  ad.s(`  - openrouter=${orr}`, 'openrouter', orr);
  ad.l('set-env:');
  ad.d('  - AZURE_API_VERSION=2024-10-21', 'api version');
  const az = a.azureOpenai();
  ad.s(`  - AZURE_API_KEY=${az}`, 'azure', az);

  const ae = repo.file('.aider.model.settings.yml', 'agent');
  ae.l('- name: openrouter/anthropic/claude-3.7-sonnet', '  edit_format: diff', '  extra_params:');
  ae.d('    max_tokens: 64000', 'number');
  ae.l('    extra_headers:');
  ae.d('      HTTP-Referer: https://aider.chat', 'header');
  ae.d('      X-Title: Aider', 'header');

  const gk = a.groq();
  const gem = t.gcpApiKey();
  const cohere = a.cohere();
  const k2 = repo.file('home/dana/.config/io.datasette.llm/keys.json', 'agent');
  const legacy = a.openaiLegacy();
  k2.l('{');
  k2.d('  "// Note": "This file stores secret API credentials. Do not share!",', 'comment');
  k2.s(`  "openai": "${legacy}",`, 'openai', legacy);
  k2.s(`  "groq": "${gk}",`, 'groq', gk);
  k2.s(`  "gemini": "${gem}",`, 'gcp', gem);
  k2.s(`  "cohere": "${cohere}"`, 'cohere', cohere);
  k2.l('}');

  const cur = repo.file('.cursor/rules/backend.mdc', 'agent');
  cur.l('---', 'description: Backend conventions', 'globs: apps/rag-api/**/*.py', 'alwaysApply: false', '---');
  cur.l('- Read keys with `os.environ["OPENAI_API_KEY"]`; never hard-code them.');
  cur.d('- Example: `client = OpenAI(api_key="sk-proj-...")` is wrong, use settings.', 'placeholder');
  cur.d('- Model ids: `gpt-4o-2024-08-06`, `claude-3-5-haiku-20241022`, `text-embedding-3-large`.', 'model ids');
}

// ---- LiteLLM, Open WebUI -----------------------------------------------------------------

function proxies(repo, t, a) {
  const l = repo.file('infra/litellm/config.yaml', 'proxy');
  const az = a.azureOpenai();
  const ak = t.awsId();
  const as = t.awsSecret();
  const fw = a.fireworks();
  const tg = a.together();
  l.l('model_list:', '  - model_name: gpt-4o', '    litellm_params:', '      model: azure/gpt-4o-prod');
  l.d('      api_base: https://acme-eastus2.openai.azure.com/', 'endpoint');
  l.d('      api_version: "2024-10-21"', 'api version');
  l.s(`      api_key: ${az}`, 'azure', az);
  l.l('  - model_name: gpt-4o-mini', '    litellm_params:', '      model: azure/gpt-4o-mini');
  l.d('      api_key: os.environ/AZURE_API_KEY_EU', 'litellm env reference');
  l.l('  - model_name: claude-3-7', '    litellm_params:');
  l.d('      model: bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0', 'model id');
  l.s(`      aws_access_key_id: ${ak}`, 'aws', ak);
  l.s(`      aws_secret_access_key: "${as}"`, 'aws', as);
  l.l('      aws_region_name: us-east-1', '  - model_name: llama-3.1-405b', '    litellm_params:');
  l.l('      model: fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct');
  l.s(`      api_key: "${fw}"`, 'fireworks', fw);
  l.l('  - model_name: qwen-72b', '    litellm_params:', '      model: together_ai/Qwen/Qwen2.5-72B-Instruct-Turbo');
  l.s(`      api_key: ${tg} # rotated 2025-11`, 'together', tg);
  l.l('  - model_name: local-llama', '    litellm_params:', '      model: ollama/llama3.1');
  l.d('      api_base: http://ollama:11434', 'endpoint');
  l.l('litellm_settings:', '  success_callback: ["langfuse"]', '  drop_params: true', 'general_settings:');
  l.d('  master_key: sk-1234 # from the LiteLLM quick start', 'documented example');
  l.d('  database_url: os.environ/DATABASE_URL', 'env reference');

  const p = repo.file('infra/litellm/proxy_config.prod.yaml', 'proxy');
  const mk = a.master();
  const salt = a.secret32();
  const lsk = a.langfuseSk();
  const pgpw = a.pgUrlPw();
  const gm = t.gcpApiKey();
  p.l('model_list:', '  - model_name: gemini-2.5-pro', '    litellm_params:', '      model: gemini/gemini-2.5-pro');
  p.s(`      api_key: "${gm}"`, 'gcp', gm);
  p.l('  - model_name: vertex-gemini', '    litellm_params:', '      model: vertex_ai/gemini-2.0-flash');
  p.d('      vertex_project: acme-ai-prod-4412', 'project id');
  p.d('      vertex_credentials: os.environ/VERTEX_CREDENTIALS', 'env reference');
  p.l('general_settings:');
  p.s(`  master_key: ${mk}`, 'generic', mk);
  p.s(`  database_url: "postgresql://litellm:${pgpw}@litellm-db:5432/litellm"`, 'database', pgpw);
  p.l('environment_variables:');
  p.s(`  LITELLM_SALT_KEY: "${salt}"`, 'generic', salt);
  p.d(`  LANGFUSE_PUBLIC_KEY: "${a.langfusePk()}"`, 'langfuse public key');
  p.s(`  LANGFUSE_SECRET_KEY: "${lsk}"`, 'langfuse', lsk);
  p.d('  LANGFUSE_HOST: "https://cloud.langfuse.com"', 'host');

  const vk = repo.file('infra/litellm/seed_keys.sh', 'proxy');
  vk.l('#!/usr/bin/env bash', '# create a virtual key for the eval team', 'set -euo pipefail');
  const mk2 = a.master();
  vk.s(`curl -s -X POST http://localhost:4000/key/generate -H "Authorization: Bearer ${mk2}" \\`, 'generic', mk2);
  vk.l(`  -H 'Content-Type: application/json' -d '{"models": ["gpt-4o"], "max_budget": 50}'`);
  vk.d('curl -s http://localhost:4000/key/info -H "Authorization: Bearer $LITELLM_MASTER_KEY"', 'variable');
  const vkey = a.litellmKey();
  vk.s(`# generated for evals: ${vkey} (budget 50 USD)`, 'generic', vkey);

  const ow = repo.file('infra/open-webui/docker-compose.yml', 'compose');
  const wsk = t.mixed(ALNUM, 24);
  const owOa = a.openaiSvc();
  ow.l('services:', '  ollama:', '    image: ollama/ollama:0.5.7', '    volumes:', '      - ollama:/root/.ollama');
  ow.l('  open-webui:', '    image: ghcr.io/open-webui/open-webui:main', '    ports:', '      - "3000:8080"');
  ow.l('    environment:');
  ow.d("      - 'OLLAMA_BASE_URL=http://ollama:11434'", 'endpoint, ollama has no key');
  ow.s(`      - 'WEBUI_SECRET_KEY=${wsk}'`, 'generic', wsk);
  ow.s(`      - OPENAI_API_KEY=${owOa}`, 'openai', owOa);
  ow.d('      - OPENAI_API_BASE_URL=https://api.openai.com/v1', 'endpoint');
  ow.d('      - WEBUI_AUTH=true', 'flag');
  ow.l('volumes:', '  ollama: {}');
}

// ---- Python applications ------------------------------------------------------------------

function pythonApps(repo, t, a) {
  const st = repo.file('apps/rag-api/app/settings.py', 'python');
  const pc = a.pinecone();
  const co = a.cohere();
  st.l('import os', '', 'from pydantic_settings import BaseSettings', '', '', 'class Settings(BaseSettings):');
  st.d('    openai_api_key: str = os.environ["OPENAI_API_KEY"]', 'env reference');
  st.s(`    pinecone_api_key: str = "${pc}"`, 'pinecone', pc);
  st.d('    pinecone_index: str = "docs-prod"', 'index name');
  st.s(`    cohere_api_key: str = os.getenv("COHERE_API_KEY", "${co}")`, 'cohere', co);
  st.d('    embed_model: str = "text-embedding-3-small"', 'model name');
  st.d('    anthropic_api_key: str = os.getenv("ANTHROPIC_API_KEY", "")', 'env reference, empty default');
  st.l('', '', 'settings = Settings()');

  const ch = repo.file('apps/rag-api/app/chains.py', 'python');
  const oa = t.openai();
  const an = t.anthropic();
  ch.l('from langchain_openai import ChatOpenAI', 'from langchain_anthropic import ChatAnthropic');
  ch.l('from langchain_core.prompts import ChatPromptTemplate', '');
  ch.l('llm = ChatOpenAI(', '    model="gpt-4o-mini",', '    temperature=0,');
  ch.s(`    api_key="${oa}",`, 'openai', oa);
  ch.d(`    organization="${a.orgId()}",`, 'openai org id');
  ch.l(')', '');
  ch.s(`judge = ChatAnthropic(model="claude-3-5-haiku-20241022", anthropic_api_key='${an}')`, 'anthropic', an);
  ch.l('', 'prompt = ChatPromptTemplate.from_messages([("system", "Answer from the context."), ("human", "{q}")])');
  ch.l('chain = prompt | llm');

  const li = repo.file('apps/rag-api/app/index_llama.py', 'python');
  const qd = a.qdrant();
  const wv = a.weaviate();
  const mis = a.mistral();
  li.l('import qdrant_client', 'import weaviate', 'from weaviate.classes.init import Auth');
  li.l('from llama_index.core import Settings, VectorStoreIndex', 'from llama_index.llms.mistralai import MistralAI');
  li.l('');
  li.s(`Settings.llm = MistralAI(model="mistral-large-latest", api_key="${mis}")`, 'mistral', mis);
  li.l('client = qdrant_client.QdrantClient(');
  li.d('    url="https://3f1c2a9e-77b1-4d2e-9c1a-5b6e7d8f9a0b.us-east4-0.gcp.cloud.qdrant.io:6333",', 'cluster url');
  li.s(`    api_key="${qd}",`, 'generic', qd);
  li.l(')', 'wclient = weaviate.connect_to_weaviate_cloud(');
  li.d('    cluster_url="https://rag-docs-x1y2z3.c0.europe-west3.gcp.weaviate.cloud",', 'cluster url');
  li.s(`    auth_credentials=Auth.api_key("${wv}"),`, 'generic', wv);
  li.l(')');

  const cr = repo.file('apps/agents/crew.py', 'python');
  const serper = a.serper();
  const oa2 = t.openai();
  cr.l('import os', '', 'from crewai import Agent, Crew, Task', 'from crewai_tools import SerperDevTool', '');
  cr.s(`os.environ["SERPER_API_KEY"] = "${serper}"`, 'generic', serper);
  cr.s(`os.environ["OPENAI_API_KEY"] = "${oa2}"`, 'openai', oa2);
  cr.d('os.environ["OPENAI_MODEL_NAME"] = "gpt-4o-mini"', 'model name');
  cr.l('', 'researcher = Agent(role="Researcher", goal="Find sources", tools=[SerperDevTool()])');
  cr.l('crew = Crew(agents=[researcher], tasks=[Task(description="{topic}", agent=researcher)])');

  const oc = repo.file('apps/agents/OAI_CONFIG_LIST', 'python');
  const azk = a.azureOpenai();
  const oa3 = t.openai();
  oc.l('[', '  {', '    "model": "gpt-4o",');
  oc.s(`    "api_key": "${oa3}"`, 'openai', oa3);
  oc.l('  },', '  {', '    "model": "gpt-4o-prod",');
  oc.s(`    "api_key": "${azk}",`, 'azure', azk);
  oc.d('    "base_url": "https://acme-swedencentral.openai.azure.com/",', 'endpoint');
  oc.l('    "api_type": "azure",');
  oc.d('    "api_version": "2024-08-01-preview"', 'api version');
  oc.l('  },', '  {', '    "model": "llama3.1:8b",');
  oc.d('    "api_key": "ollama",', 'ollama placeholder key');
  oc.l('    "base_url": "http://localhost:11434/v1"', '  }', ']');

  const au = repo.file('apps/agents/team.py', 'python');
  const gq = a.groq();
  au.l(
    'from autogen_agentchat.agents import AssistantAgent',
    'from autogen_ext.models.openai import OpenAIChatCompletionClient',
  );
  au.l('', 'model_client = OpenAIChatCompletionClient(', '    model="llama-3.3-70b-versatile",');
  au.d('    base_url="https://api.groq.com/openai/v1",', 'endpoint');
  au.s(`    api_key="${gq}",`, 'groq', gq);
  au.l('    model_info={"vision": False, "function_calling": True, "json_output": True, "family": "unknown"},', ')');

  const bd = repo.file('apps/agents/bedrock_client.py', 'python');
  const bak = t.awsId();
  const bas = t.awsSecret();
  bd.l('import boto3', '', 'bedrock = boto3.client(', '    "bedrock-runtime",', '    region_name="us-east-1",');
  bd.s(`    aws_access_key_id="${bak}",`, 'aws', bak);
  bd.s(`    aws_secret_access_key="${bas}",`, 'aws', bas);
  bd.l(')');
  bd.d('MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0"', 'model id');
  bd.d(`GUARDRAIL_ID = "${t.pick(LOWER + '0123456789', 12)}"`, 'guardrail id');

  const rot = repo.file('scripts/admin/rotate_keys.py', 'python');
  const oadm = a.openaiAdmin();
  const aadm = a.anthropicAdmin();
  rot.l('"""Rotate project keys nightly (run from the ops box only)."""', 'import httpx', '');
  rot.s(`OPENAI_ADMIN_KEY = "${oadm}"`, 'openai', oadm);
  rot.s(`ANTHROPIC_ADMIN_KEY = "${aadm}"`, 'anthropic', aadm);
  rot.d(`OPENAI_PROJECT = "${a.projId()}"`, 'openai project id');
  rot.l('', 'def list_keys():', '    r = httpx.get(');
  rot.d('        f"https://api.openai.com/v1/organization/projects/{OPENAI_PROJECT}/api_keys",', 'url');
  rot.l('        headers={"Authorization": f"Bearer {OPENAI_ADMIN_KEY}"},', '    )', '    return r.json()');

  const vx = repo.file('apps/vertex/credentials/vertex-sa.json', 'python');
  const pem = t.pkcs8Pem();
  vx.l('{', '  "type": "service_account",', '  "project_id": "acme-ai-prod-4412",');
  vx.d(`  "private_key_id": "${t.hex(40)}",`, 'key id');
  vx.s(`  "private_key": "${pem.join('\\n')}\\n",`, 'gcp', pem[1]);
  vx.d('  "client_email": "vertex-runner@acme-ai-prod-4412.iam.gserviceaccount.com",', 'email');
  vx.d(`  "client_id": "${t.digits(21)}",`, 'client id');
  vx.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');
}

// ---- TypeScript applications --------------------------------------------------------------

function tsApps(repo, t, a) {
  const ai = repo.file('apps/web/src/lib/ai.ts', 'typescript');
  const oa = t.openai();
  const orr = a.openrouter();
  const xai = a.xai();
  ai.l("import { createOpenAI } from '@ai-sdk/openai';", "import { createXai } from '@ai-sdk/xai';");
  ai.l("import { createOpenRouter } from '@openrouter/ai-sdk-provider';", '');
  ai.l('export const openai = createOpenAI({');
  ai.s(`  apiKey: process.env.OPENAI_API_KEY ?? '${oa}',`, 'openai', oa);
  ai.d("  compatibility: 'strict',", 'setting');
  ai.l('});', '');
  ai.s(`export const openrouter = createOpenRouter({ apiKey: \`${orr}\` });`, 'openrouter', orr);
  ai.l('export const xai = createXai({');
  ai.s(`  apiKey: "${xai}", // grok for the summariser`, 'xai', xai);
  ai.l('});');
  ai.d("export const DEFAULT_MODEL = 'openai/gpt-4o-mini';", 'model name');
  ai.d('export const anthropicKey = process.env.ANTHROPIC_API_KEY!;', 'env reference');

  const lc = repo.file('apps/web/src/lib/retriever.ts', 'typescript');
  const pc = a.pinecone();
  const cohere = a.cohere();
  lc.l(
    "import { Pinecone } from '@pinecone-database/pinecone';",
    "import { CohereEmbeddings } from '@langchain/cohere';",
  );
  lc.l("import { PineconeStore } from '@langchain/pinecone';", '');
  lc.s(`const pc = new Pinecone({ apiKey: '${pc}' });`, 'pinecone', pc);
  lc.d(
    "const index = pc.index('docs-prod', 'https://docs-prod-a1b2c3d.svc.aped-4627-b74a.pinecone.io');",
    'index host',
  );
  lc.l('const embeddings = new CohereEmbeddings({');
  lc.d("  model: 'embed-english-v3.0',", 'model name');
  lc.s(`  apiKey: '${cohere}',`, 'cohere', cohere);
  lc.l('});', 'export const store = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex: index });');

  const env = repo.file('apps/web/.env.local', 'env');
  const gem = t.gcpApiKey();
  const lfs = a.langfuseSk();
  const ls = a.langsmith('pt');
  const hel = a.helicone();
  const rep = a.replicate();
  env.l('# local dev, copied from 1Password "web-ai dev"');
  env.s(`GOOGLE_GENERATIVE_AI_API_KEY=${gem}`, 'gcp', gem);
  env.d(`LANGFUSE_PUBLIC_KEY=${a.langfusePk()}`, 'langfuse public key');
  env.s(`LANGFUSE_SECRET_KEY=${lfs}`, 'langfuse', lfs);
  env.d('LANGFUSE_BASEURL=https://us.cloud.langfuse.com', 'host');
  env.l('LANGSMITH_TRACING=true');
  env.s(`LANGSMITH_API_KEY="${ls}"`, 'langsmith', ls);
  env.d('LANGSMITH_PROJECT=web-ai-dev', 'project name');
  env.s(`HELICONE_API_KEY=${hel}`, 'helicone', hel);
  env.s(`REPLICATE_API_TOKEN='${rep}'`, 'replicate', rep);
  env.d('NEXT_PUBLIC_CHAT_MODEL=gpt-4o-mini', 'model name');

  const envx = repo.file('apps/web/.env.example', 'env');
  envx.d('OPENAI_API_KEY=sk-...', 'placeholder');
  envx.d('ANTHROPIC_API_KEY=sk-ant-api03-...', 'placeholder');
  envx.d('LANGFUSE_SECRET_KEY=sk-lf-...', 'placeholder');
  envx.d('LANGFUSE_PUBLIC_KEY=pk-lf-...', 'placeholder');
  envx.d('GROQ_API_KEY=gsk_your_key_here', 'placeholder');
  envx.d('HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  envx.d('PINECONE_API_KEY=<your-pinecone-key>', 'placeholder');

  const hc = repo.file('apps/web/src/lib/helicone.ts', 'typescript');
  const oa4 = t.openai();
  const hel2 = a.helicone();
  hc.l("import OpenAI from 'openai';", '', 'export const client = new OpenAI({');
  hc.s(`  apiKey: '${oa4}',`, 'openai', oa4);
  hc.d("  baseURL: 'https://oai.helicone.ai/v1',", 'endpoint');
  hc.l('  defaultHeaders: {');
  hc.s(`    'Helicone-Auth': 'Bearer ${hel2}',`, 'helicone', hel2);
  hc.d("    'Helicone-Property-App': 'web',", 'header');
  hc.l('  },', '});');
}

// ---- C# / Semantic Kernel -----------------------------------------------------------------

function dotnetApps(repo, t, a) {
  const j = repo.file('apps/sk-dotnet/appsettings.Development.json', 'dotnet');
  const az = a.azureOpenai();
  const oa = t.openai();
  j.l('{', '  "AzureOpenAI": {');
  j.d('    "Endpoint": "https://acme-sk.openai.azure.com/",', 'endpoint');
  j.d('    "ChatDeploymentName": "gpt-4o",', 'deployment');
  j.s(`    "ApiKey": "${az}"`, 'azure', az);
  j.l('  },', '  "OpenAI": {', '    "ChatModelId": "gpt-4o-mini",');
  j.s(`    "ApiKey": "${oa}",`, 'openai', oa);
  j.d(`    "OrgId": "${a.orgId()}"`, 'org id');
  j.l('  },', '  "Logging": { "LogLevel": { "Default": "Information" } }', '}');

  const p = repo.file('apps/sk-dotnet/Program.cs', 'dotnet');
  const az2 = a.azureOpenai();
  const an = t.anthropic();
  p.l('using Microsoft.SemanticKernel;', '', 'var builder = Kernel.CreateBuilder();');
  p.l('builder.AddAzureOpenAIChatCompletion(', '    deploymentName: "gpt-4o",');
  p.d('    endpoint: "https://acme-sk.openai.azure.com/",', 'endpoint');
  p.s(`    apiKey: "${az2}");`, 'azure', az2);
  p.d('var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY");', 'env reference');
  p.s(`const string AnthropicKey = @"${an}";`, 'anthropic', an);
  p.d('var kernel = builder.Build();', 'code');

  const us = repo.file('apps/sk-dotnet/secrets.json', 'dotnet');
  const ai = t.mixed(ALNUM, 84);
  us.l('{');
  us.s(`  "AzureAISearch:ApiKey": "${ai}",`, 'azure', ai);
  us.d('  "AzureAISearch:Endpoint": "https://acme-search.search.windows.net"', 'endpoint');
  us.l('}');
}

// ---- notebooks ----------------------------------------------------------------------------

function notebooks(repo, t, a) {
  const n = repo.file('notebooks/rag_eval.ipynb', 'notebook');
  const hf = a.hf();
  const oa = t.openai();
  n.l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 1,', '   "metadata": {},');
  n.l('   "outputs": [],', '   "source": [', '    "import os\\n",');
  n.s(`    "os.environ[\\"HF_TOKEN\\"] = \\"${hf}\\"\\n",`, 'huggingface', hf);
  n.s(`    "os.environ['OPENAI_API_KEY'] = '${oa}'"`, 'openai', oa);
  n.l('   ]', '  },', '  {', '   "cell_type": "code",', '   "execution_count": 2,', '   "metadata": {},');
  n.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  n.d('      "Using key sk-proj-****************************Qx7A\\n",', 'masked key in output');
  n.d(`      "embedding[:4] = ${a.embedding(4)}\\n"`, 'embedding values');
  n.l('     ]', '    }', '   ],', '   "source": [');
  n.l('    "from openai import OpenAI\\n",', '    "client = OpenAI()\\n",');
  n.l('    "print(\\"Using key\\", client.api_key[:8] + \\"*\\" * 28 + client.api_key[-4:])"');
  n.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": { "name": "python3", "display_name": "Python 3" }',
    ' },',
  );
  n.l(' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const f = repo.file('notebooks/finetune_llama.ipynb', 'notebook');
  const hf2 = a.hf();
  const wb = a.wandb();
  const rep = a.replicate();
  f.l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": null,', '   "metadata": {},');
  f.l('   "outputs": [],', '   "source": [', '    "from huggingface_hub import login\\n",', '    "import wandb\\n",');
  f.s(`    "login(token=\\"${hf2}\\", add_to_git_credential=True)\\n",`, 'huggingface', hf2);
  f.s(`    "wandb.login(key=\\"${wb}\\")\\n",`, 'wandb', wb);
  f.d(`    "run = wandb.init(project=\\"llama-ft\\", entity=\\"acme-ml\\", id=\\"${t.lower(8)}\\")\\n",`, 'run id');
  f.s(`    "replicate_client = replicate.Client(api_token='${rep}')"`, 'replicate', rep);
  f.l('   ]', '  },', '  {', '   "cell_type": "markdown",', '   "metadata": {},', '   "source": [');
  f.d(`    "Base weights: \`meta-llama/Llama-3.1-8B-Instruct\`, safetensors sha256 \`${t.sha256()}\`"`, 'model digest');
  f.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const tok = repo.file('home/dana/.cache/huggingface/token', 'notebook');
  const hf3 = a.hf();
  tok.s(hf3, 'huggingface', hf3);

  const netrc = repo.file('home/dana/.netrc', 'notebook');
  const wb2 = a.wandb();
  netrc.l('machine api.wandb.ai', '  login user');
  netrc.s(`  password ${wb2}`, 'wandb', wb2);

  const kag = repo.file('notebooks/colab_setup.py', 'notebook');
  const tg = a.together();
  const dsk = a.deepseek();
  kag.l('# %% [markdown]', '# Colab setup: keys normally come from google.colab.userdata', '# %%');
  kag.d("# from google.colab import userdata; key = userdata.get('TOGETHER_API_KEY')", 'secret store reference');
  kag.s(`TOGETHER_API_KEY = "${tg}"`, 'together', tg);
  kag.s(`deepseek = OpenAI(api_key="${dsk}", base_url="https://api.deepseek.com")`, 'deepseek', dsk);
  kag.d('MODEL = "deepseek-chat"', 'model name');
}

// ---- vector databases ---------------------------------------------------------------------

function vectorDbs(repo, t, a) {
  const vc = repo.file('apps/rag-api/app/vector_clients.py', 'vectordb');
  const zz = a.zilliz();
  const ck = a.chroma();
  const mpw = a.pgUrlPw();
  vc.l('import chromadb', 'from pymilvus import MilvusClient', '');
  vc.l('zilliz = MilvusClient(');
  vc.d('    uri="https://in03-5c1e2a7b9d3f4e6.serverless.gcp-us-west1.cloud.zilliz.com",', 'endpoint');
  vc.s(`    token="${zz}",`, 'generic', zz);
  vc.l(')');
  vc.s(`milvus = MilvusClient(uri="http://milvus:19530", token="root:${mpw}")`, 'generic', mpw);
  vc.d('local = MilvusClient(uri="http://localhost:19530", token="root:Milvus")', 'documented default');
  vc.l('chroma = chromadb.CloudClient(');
  vc.d(`    tenant="${t.uuid()}",`, 'tenant id');
  vc.d('    database="rag-docs",', 'database name');
  vc.s(`    api_key="${ck}",`, 'chroma', ck);
  vc.l(')');

  const sh = repo.file('scripts/bootstrap_vectors.sh', 'vectordb');
  const pc = a.pinecone();
  const qd = a.qdrant();
  const wv = a.weaviate();
  sh.l('#!/usr/bin/env bash', 'set -euo pipefail', '# one-off: create indexes for the demo');
  sh.s(`curl -s -X POST "https://api.pinecone.io/indexes" -H "Api-Key: ${pc}" \\`, 'pinecone', pc);
  sh.l('  -H "Content-Type: application/json" -H "X-Pinecone-API-Version: 2025-01" \\');
  sh.l(
    `  -d '{"name": "docs-prod", "dimension": 1536, "metric": "cosine", "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}}'`,
  );
  sh.s(
    `curl -X PUT "https://qdrant.acme-ai.dev:6333/collections/docs" -H 'api-key: ${qd}' -d '{"vectors": {"size": 1024, "distance": "Cosine"}}'`,
    'generic',
    qd,
  );
  sh.s(`export WEAVIATE_API_KEY=${wv}`, 'generic', wv);
  sh.d('curl -s "https://api.pinecone.io/indexes" -H "Api-Key: $PINECONE_API_KEY"', 'variable');

  const em = repo.file('data/embeddings_sample.jsonl', 'vectordb');
  for (let i = 0; i < 3; i++)
    em.d(`{"id": "${t.uuid()}", "sha": "${t.sha1()}", "values": ${a.embedding(8)}, "text": "chunk ${i}"}`, 'vectors');

  const dc = repo.file('infra/qdrant/config/production.yaml', 'vectordb');
  const qk = a.qdrant();
  const qro = a.qdrant();
  dc.l('service:', '  http_port: 6333', '  grpc_port: 6334', '  enable_tls: true');
  dc.s(`  api_key: ${qk}`, 'generic', qk);
  dc.s(`  read_only_api_key: "${qro}"`, 'generic', qro);
  dc.l('storage:', '  storage_path: /qdrant/storage');
  dc.l('tls:');
  dc.d('  cert: /qdrant/tls/cert.pem', 'path');
  dc.d('  key: /qdrant/tls/key.pem', 'path');
}

// ---- observability ------------------------------------------------------------------------

function observability(repo, t, a) {
  const lf = repo.file('infra/langfuse/docker-compose.yml', 'observability');
  const nas = t.mixed(B64, 43) + '=';
  const salt = t.mixed(ALNUM, 32);
  const enc = a.hex64();
  const initSk = a.langfuseSk();
  const chpw = a.pgUrlPw();
  const minio = a.secret32();
  lf.l('services:', '  langfuse-web:', '    image: docker.io/langfuse/langfuse:3', '    environment:');
  lf.d(
    '      DATABASE_URL: postgresql://postgres:${POSTGRES_PASSWORD:-postgres}@postgres:5432/postgres',
    'compose variable',
  );
  lf.s(`      NEXTAUTH_SECRET: "${nas}"`, 'generic', nas);
  lf.s(`      SALT: "${salt}"`, 'generic', salt);
  lf.s(`      ENCRYPTION_KEY: "${enc}" # openssl rand -hex 32`, 'generic', enc);
  lf.d('      NEXTAUTH_URL: http://localhost:3000', 'url');
  lf.d(`      LANGFUSE_INIT_PROJECT_PUBLIC_KEY: ${a.langfusePk()}`, 'langfuse public key');
  lf.s(`      LANGFUSE_INIT_PROJECT_SECRET_KEY: ${initSk}`, 'langfuse', initSk);
  lf.d('      LANGFUSE_INIT_USER_PASSWORD: ${LANGFUSE_INIT_USER_PASSWORD}', 'compose variable');
  lf.s(`      CLICKHOUSE_PASSWORD: ${chpw}`, 'generic', chpw);
  lf.s(`      LANGFUSE_S3_EVENT_UPLOAD_SECRET_ACCESS_KEY: ${minio}`, 'generic', minio);
  lf.d('      LANGFUSE_S3_EVENT_UPLOAD_ACCESS_KEY_ID: minio', 'username');

  const tr = repo.file('apps/rag-api/app/tracing.py', 'observability');
  const lfsk = a.langfuseSk();
  const lfpk = a.langfusePk();
  const arize = a.arize();
  const ls = a.langsmith('sk');
  tr.l('import os', 'from langfuse import Langfuse', 'from arize.otel import register', '');
  tr.l('langfuse = Langfuse(');
  tr.d(`    public_key="${lfpk}",`, 'langfuse public key');
  tr.s(`    secret_key="${lfsk}",`, 'langfuse', lfsk);
  tr.d('    host="https://cloud.langfuse.com",', 'host');
  tr.l(')', 'tracer_provider = register(');
  tr.d(`    space_id="${Buffer.from(`Space:${t.digits(5)}:${t.alnum(4)}`).toString('base64')}",`, 'arize space id');
  tr.s(`    api_key="${arize}",`, 'generic', arize);
  tr.d('    project_name="rag-api",', 'project name');
  tr.l(')');
  tr.s(`os.environ.setdefault("LANGCHAIN_API_KEY", "${ls}")`, 'langsmith', ls);
  tr.d('os.environ["LANGCHAIN_TRACING_V2"] = "true"', 'flag');

  const wb = repo.file('apps/trainer/wandb/settings', 'observability');
  wb.l('[default]', 'entity = acme-ml', 'project = llama-ft');
  wb.d('base_url = https://api.wandb.ai', 'url');
  wb.d(`run_id = ${t.lower(8)}`, 'run id');
}

// ---- evaluation harness -----------------------------------------------------------------

function evalHarness(repo, t, a) {
  const pf = repo.file('evals/promptfooconfig.yaml', 'eval');
  const an = t.anthropic();
  const mis = a.mistral();
  pf.l('description: RAG answer quality', 'prompts:', '  - file://prompts/answer.txt', 'providers:');
  pf.l('  - id: openai:gpt-4o-mini', '    config:');
  pf.d("      apiKey: '{{ env.OPENAI_API_KEY }}'", 'template reference');
  pf.l('  - id: anthropic:messages:claude-3-5-haiku-20241022', '    config:');
  pf.s(`      apiKey: ${an}`, 'anthropic', an);
  pf.l('  - id: mistral:mistral-small-latest', '    config:');
  pf.s(`      apiKey: '${mis}'`, 'mistral', mis);
  pf.l('defaultTest:', '  options:');
  pf.d('    provider: openai:gpt-4o', 'provider id');
  pf.l('tests:', '  - vars:', '      q: What is the refund window?', '    assert:', '      - type: contains');
  pf.l('        value: 30 days');

  const h = repo.file('evals/harness/config.toml', 'eval');
  const dsk = a.deepseek();
  const pp = a.pplx();
  h.l('[judge]', 'provider = "deepseek"', 'model = "deepseek-reasoner"');
  h.s(`api_key = "${dsk}"  # judge budget: 20 USD/day`, 'deepseek', dsk);
  h.l('', '[search]', 'provider = "perplexity"');
  h.s(`api_key = '${pp}'`, 'perplexity', pp);
  h.l('', '[dataset]');
  h.d(`revision = "${t.sha1()}"`, 'dataset revision');
  h.d('repo_id = "acme/rag-eval-v2"', 'dataset id');

  const lm = repo.file('evals/lm_eval/run.sh', 'eval');
  const oa = t.openai();
  const hf = a.hf();
  lm.l('#!/usr/bin/env bash', 'set -e');
  lm.s(`OPENAI_API_KEY=${oa} lm_eval --model openai-chat-completions \\`, 'openai', oa);
  lm.l('  --model_args model=gpt-4o-mini --tasks gsm8k --apply_chat_template');
  lm.s(
    `HF_TOKEN="${hf}" lm_eval --model hf --model_args pretrained=meta-llama/Llama-3.1-8B --tasks mmlu`,
    'huggingface',
    hf,
  );
  lm.d('huggingface-cli login --token "$HF_TOKEN"', 'variable');

  const ds = repo.file('evals/deepeval/.deepeval', 'eval');
  const conf = t.mixed(URLSAFE, 40);
  ds.l('{');
  ds.s(`  "api_key": "${conf}",`, 'generic', conf);
  ds.d('  "USE_AZURE_OPENAI": "NO",', 'flag');
  ds.d('  "LOCAL_MODEL_NAME": "llama3.1"', 'model name');
  ds.l('}');
}

// ---- self-hosted stacks -------------------------------------------------------------------

function compose(repo, t, a) {
  const n8 = repo.file('infra/n8n/docker-compose.yml', 'compose');
  const enc = t.mixed(ALNUM, 32);
  const pg = t.password();
  const jwt = t.hex(64);
  n8.l('services:', '  n8n:', '    image: docker.n8n.io/n8nio/n8n:1.80.3', '    environment:');
  n8.l('      - DB_TYPE=postgresdb', '      - DB_POSTGRESDB_HOST=postgres', '      - DB_POSTGRESDB_USER=n8n');
  n8.s(`      - DB_POSTGRESDB_PASSWORD=${pg}`, 'generic', pg);
  n8.s(`      - N8N_ENCRYPTION_KEY=${enc}`, 'generic', enc);
  n8.s(`      - N8N_USER_MANAGEMENT_JWT_SECRET=${jwt}`, 'generic', jwt);
  n8.d('      - WEBHOOK_URL=https://n8n.acme-ai.dev/', 'url');
  n8.d('      - GENERIC_TIMEZONE=Europe/Berlin', 'setting');
  n8.l('  postgres:', '    image: postgres:16', '    environment:');
  n8.d('      - POSTGRES_PASSWORD=${DB_POSTGRESDB_PASSWORD}', 'compose variable');

  const fl = repo.file('infra/flowise/.env', 'compose');
  const fpw = t.password();
  const fsk = t.mixed(ALNUM, 28);
  fl.l('PORT=3000', 'FLOWISE_USERNAME=admin');
  fl.s(`FLOWISE_PASSWORD=${fpw}`, 'generic', fpw);
  fl.s(`FLOWISE_SECRETKEY_OVERWRITE=${fsk}`, 'generic', fsk);
  fl.d('DATABASE_PATH=/root/.flowise', 'path');
  fl.d('APIKEY_PATH=/root/.flowise', 'path');
  fl.d('# FLOWISE_PASSWORD=1234', 'commented documented example');

  const dy = repo.file('infra/dify/.env', 'compose');
  const dsec = `sk-${t.mixed(B64, 42)}`;
  const redis = a.pgUrlPw();
  dy.l('CONSOLE_API_URL=', 'APP_WEB_URL=');
  dy.s(`SECRET_KEY=${dsec}`, 'generic', dsec);
  dy.d('INIT_PASSWORD=', 'empty');
  dy.s(`REDIS_PASSWORD=${redis}`, 'generic', redis);
  dy.d('DB_PASSWORD=difyai123456', 'documented default of dify');
  dy.d('SANDBOX_API_KEY=dify-sandbox', 'documented default of dify');

  const ol = repo.file('infra/ollama/Modelfile', 'compose');
  ol.l('FROM llama3.1:8b', 'PARAMETER temperature 0.2');
  ol.d(`# blob sha256:${t.sha256()}`, 'model blob digest');
  ol.l('SYSTEM """You are a helpful assistant for Acme support."""');

  const man = repo.file('infra/ollama/manifests/registry.ollama.ai/library/llama3.1/8b', 'compose');
  man.l('{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",');
  man.d(`"config":{"digest":"sha256:${t.sha256()}","size":485},`, 'digest');
  man.d(
    `"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:${t.sha256()}","size":4920734016}]}`,
    'digest',
  );
}

// ---- docs and logs ------------------------------------------------------------------------

function docsAndLogs(repo, t, a) {
  const r = repo.file('docs/getting-started.md', 'docs');
  const gq = a.groq();
  r.l('# Getting started', '', 'Copy `.env.example` to `.env.local` and fill in the keys:', '', '```bash');
  r.d('export OPENAI_API_KEY="sk-proj-..."', 'placeholder');
  r.d('export ANTHROPIC_API_KEY=<your key from console.anthropic.com>', 'placeholder');
  r.d('export LITELLM_MASTER_KEY=sk-1234', 'documented example');
  r.l('```', '', '## Troubleshooting', '');
  r.s(`If Groq returns 401, check the shared dev key still works: \`${gq}\``, 'groq', gq);
  r.d(`Langfuse public key for the demo project: \`${a.langfusePk()}\` (safe to share)`, 'public key');
  r.d('Models: `gpt-4o`, `claude-sonnet-4-20250514`, `llama-3.3-70b-versatile`, `mistral-large-2411`.', 'model names');

  const mc = repo.file('models/rag-reranker/README.md', 'docs');
  mc.l(
    '---',
    'license: apache-2.0',
    'base_model: BAAI/bge-reranker-v2-m3',
    'library_name: sentence-transformers',
    '---',
  );
  mc.l('# rag-reranker', '', '| file | sha256 |', '| --- | --- |');
  mc.d(`| model.safetensors | ${t.sha256()} |`, 'model file hash');
  mc.d(`| tokenizer.json | ${t.sha256()} |`, 'model file hash');
  mc.d(
    'Log in with `huggingface-cli login` and paste a token like `hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.',
    'placeholder',
  );

  const lg = repo.file('logs/agent-run-2025-11-18.log', 'logs');
  const an = t.anthropic();
  const oa = t.openai();
  lg.l('2025-11-18T09:12:01.114Z INFO  agent starting tools=[search,code] model=claude-sonnet-4');
  lg.s(
    `2025-11-18T09:12:01.220Z DEBUG POST https://api.anthropic.com/v1/messages headers={"x-api-key": "${an}", "anthropic-version": "2023-06-01"}`,
    'anthropic',
    an,
  );
  lg.d(
    `2025-11-18T09:12:03.870Z DEBUG response id=${a.msgId()} stop_reason=tool_use usage={"input_tokens":1822}`,
    'message id',
  );
  lg.d('2025-11-18T09:12:04.002Z WARN  retrying with x-api-key=sk-ant-api03-***REDACTED***', 'redacted');
  lg.s(`2025-11-18T09:12:05.431Z DEBUG openai request: Authorization: Bearer ${oa}`, 'openai', oa);
  lg.d(`2025-11-18T09:12:06.019Z DEBUG openai response id=${a.chatId()} request-id=req_${t.hex(32)}`, 'request ids');
  lg.d(
    `2025-11-18T09:12:06.020Z INFO  trace https://cloud.langfuse.com/project/${t.alnum(25)}/traces/${t.uuid()}`,
    'trace url',
  );

  const ch = repo.file('docs/CHANGELOG.md', 'docs');
  ch.l('# Changelog', '', '## 0.9.0');
  ch.d(`- Upgrade to \`langchain-core==0.3.28\` (lock hash \`sha256:${t.sha256()}\`).`, 'lock hash');
  ch.d('- Switch embeddings to `text-embedding-3-large` (3072 dims).', 'model');
  ch.d(`- Default assistant is now \`asst_${t.alnum(24)}\`.`, 'assistant id');
}
