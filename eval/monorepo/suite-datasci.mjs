// Red-team suite "datasci": credentials as data-science and data-engineering repositories hold
// them: Jupyter notebooks (code cells as JSON strings, and outputs: printed configs, tracebacks,
// shell-magic output), Airflow DAGs / connection exports / AIRFLOW_CONN_* URIs, dbt profiles,
// Spark and Databricks configs, Snowflake, BigQuery service accounts, Kaggle, MLflow, W&B, Hugging
// Face and the LLM vendors, Streamlit secrets, Great Expectations, Prefect/Dagster, DVC remotes, R,
// Julia, SQL notebooks, conda/pip private indexes, Label Studio and Roboflow; with the look-alikes
// the same files are full of as decoys. Written from what such repositories contain and from the
// vendors' published formats, not from tokenscope's rules. Every value comes from the seeded PRNG.
import { ALNUM, B64, BASE32, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

function dsTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const human = () =>
    one([
      () =>
        `${one(['Warehouse', 'Analytics', 'Etl', 'Lakehouse'])}${one(['2023', '2024', '2025'])}${one(['!', '#', '$'])}`,
      () => `${one(['dbt', 'etl', 'spark', 'ml'])}_${one(['prod', 'stg', 'svc'])}_${t.digits(4)}`,
      () => `${one(['Summer', 'Winter', 'Falcon', 'Orbit'])}${t.digits(3)}${one(['!', '@', '#'])}`,
    ])();
  const gen = () => t.mixed(ALNUM, 18 + Math.floor(rand() * 8));
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : gen());
  const urlPw = () => pw().replace(/[^A-Za-z0-9_-]/g, '') + t.digits(2);
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  return {
    one,
    pw,
    urlPw,
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    wandb: () => t.hex(40),
    cohere: () => t.mixed(ALNUM, 40),
    mistral: () => t.mixed(ALNUM, 32),
    groq: () => `gsk_${t.mixed(ALNUM, 52)}`,
    together: () => t.hex(64),
    replicate: () => `r8_${t.mixed(ALNUM, 37)}`,
    pinecone: () => `pcsk_${t.mixed(ALNUM, 6)}_${t.mixed(ALNUM, 63)}`,
    langsmith: (kind = 'pt') => `lsv2_${kind}_${t.hex(32)}_${t.hex(10)}`,
    kaggle: () => t.hex(32),
    databricks: () => `dapi${t.hex(32)}`,
    prefect: () => `pnu_${t.mixed(ALNUM, 36)}`,
    perplexity: () => `pplx-${t.mixed(ALNUM, 48)}`,
    labelStudio: () => t.hex(40),
    roboflow: () => t.mixed(ALNUM, 20),
    fernet: () => bytes(32).toString('base64url') + '=',
    flaskKey: () => t.hex(60),
    asia: () => `ASIA${t.mixed(BASE32, 16)}`,
    sessionToken: () => `IQoJb3JpZ2luX2VjE${t.mixed(B64, 340)}`,
    awsSecretSlash: () => {
      for (;;) {
        const s = t.mixed(B64, 40);
        if (s.includes('/') || s.includes('+')) return s;
      }
    },
    ghp: () => {
      const body = t.mixed(ALNUM, 30);
      return `ghp_${body}${crc32Base62Suffix(body)}`;
    },
    shortHex: (n) => t.pick(HEX, n),
  };
}

const J = (s) => JSON.stringify(s);
// One element of a notebook "source"/"text" array: the line plus its \n, JSON-quoted.
const src = (s, last = false) => `    ${J(last ? s : `${s}\n`)}${last ? '' : ','}`;
const out = (s, last = false) => `      ${J(last ? s : `${s}\n`)}${last ? '' : ','}`;

function cellOpen(f, n, id, asDecoy = false) {
  f.l('  {', '   "cell_type": "code",', `   "execution_count": ${n},`);
  if (asDecoy) f.d(`   "id": "${id}",`, 'notebook cell id');
  else f.l(`   "id": "${id}",`);
  f.l('   "metadata": {},');
}
const nbHead = (f) => f.l('{', ' "cells": [');
const nbTail = (f) =>
  f.l(
    ' ],',
    ' "metadata": {',
    '  "kernelspec": { "display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3" },',
    '  "language_info": { "name": "python", "version": "3.11.9" }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0xda7a5c1);
  const t = makeTokens(rand);
  const x = dsTokens(rand, t);
  const repo = new Repo();
  notebooks(repo, t, x);
  airflow(repo, t, x);
  dbtSpark(repo, t, x);
  warehouses(repo, t, x);
  mlops(repo, t, x);
  appsAndOrchestrators(repo, t, x);
  packaging(repo, t, x);
  otherLanguages(repo, t, x);
  return repo;
}

// ---- Jupyter notebooks -------------------------------------------------------------------

function notebooks(repo, t, x) {
  // 1. EDA notebook: %env magic, os.environ assignment, wandb.login, printed config in output,
  //    tracebacks that mask their secrets.
  const oa = t.openai();
  const hf = x.hf();
  const wb = x.wandb();
  const ak = t.awsId();
  const as = t.awsSecret();
  const a = repo.file('analytics/notebooks/01-churn-eda.ipynb', 'notebook');
  nbHead(a);
  cellOpen(a, 1, x.shortHex(8), true);
  a.l('   "outputs": [],', '   "source": [');
  a.l(src('import os, getpass'), src('import pandas as pd'));
  a.s(src(`%env OPENAI_API_KEY=${oa}`), 'openai', oa);
  a.s(src(`os.environ["HF_TOKEN"] = "${hf}"`), 'huggingface', hf);
  a.d(src('os.environ["WANDB_PROJECT"] = "churn-eda"'), 'non-secret env assignment');
  a.d(src('db_password = getpass.getpass("Warehouse password: ")'), 'getpass prompt');
  a.d(src('anthropic_key = os.environ["ANTHROPIC_API_KEY"]', true), 'os.environ lookup');
  a.l('   ]', '  },');
  cellOpen(a, 2, x.shortHex(8));
  a.l('   "outputs": [', '    {', '     "name": "stderr",', '     "output_type": "stream",', '     "text": [');
  a.d(
    out('\u001b[34m\u001b[1mwandb\u001b[0m: Appending key for api.wandb.ai to your netrc file: /root/.netrc', true),
    'wandb login output without the key',
  );
  a.l('     ]', '    }', '   ],', '   "source": [', src('import wandb'));
  a.s(src(`wandb.login(key="${wb}")`), 'wandb', wb);
  a.d(
    src('run = wandb.init(project="churn-eda", entity="acme-ds", id="3k9x2m1q", resume="allow")', true),
    'wandb run id',
  );
  a.l('   ]', '  },');
  cellOpen(a, 3, x.shortHex(8));
  a.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  a.s(
    out(
      `{'region_name': 'eu-west-1', 'aws_access_key_id': '${ak}', 'aws_secret_access_key': '${as}', 'bucket': 'acme-ds-raw'}`,
      true,
    ),
    'aws',
    as,
  );
  a.l('     ]', '    }', '   ],', '   "source": [');
  a.l(src('cfg = load_config("conf/local.yaml")'), src('print(cfg["s3"])', true));
  a.l('   ]', '  },');
  cellOpen(a, 4, x.shortHex(8));
  a.l('   "outputs": [', '    {', '     "ename": "AuthenticationError",', '     "evalue": "Error code: 401",');
  a.l('     "output_type": "error",', '     "traceback": [');
  a.d(
    out(
      `\u001b[0;31mAuthenticationError\u001b[0m: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-********************************************${t.mixed(ALNUM, 4)}. You can find your API key at https://platform.openai.com/account/api-keys.'}}`,
    ),
    'vendor-masked key in traceback',
  );
  a.d(
    out(
      '\u001b[0;31mOperationalError\u001b[0m: (psycopg2.OperationalError) connection to server at "warehouse.acme-corp.io" failed: FATAL: password authentication failed for user "analyst" (Background on this error at: https://sqlalche.me/e/20/e3q8) [engine: postgresql://analyst:***@warehouse.acme-corp.io:5432/dw]',
      true,
    ),
    'SQLAlchemy-masked URL in traceback',
  );
  a.l(
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
    src('resp = client.chat.completions.create(model="gpt-4o-mini", messages=msgs)', true),
  );
  a.l('   ]', '  },');
  cellOpen(a, 5, x.shortHex(8));
  a.l('   "outputs": [', '    {', '     "data": {', '      "application/vnd.jupyter.widget-view+json": {');
  a.d(`       "model_id": "${t.pick(HEX, 32)}",`, 'ipywidgets model id');
  a.l('       "version_major": 2,', '       "version_minor": 0', '      },');
  a.d(
    `      "text/plain": ["model.safetensors:  42%|####2     | 2.10G/4.98G [00:31<00:42, 67.9MB/s]"]`,
    'tqdm progress',
  );
  a.l('     },', '     "metadata": {},', '     "output_type": "display_data"', '    }', '   ],', '   "source": [');
  a.d(
    src(
      `model = AutoModelForSequenceClassification.from_pretrained("distilbert/distilbert-base-uncased", revision="${t.sha1()}")`,
      true,
    ),
    'Hugging Face revision SHA',
  );
  a.l('   ]', '  }');
  nbTail(a);

  // 2. LLM evaluation notebook: one vendor per cell, the way people paste keys.
  const anth = t.anthropic();
  const co = x.cohere();
  const mi = x.mistral();
  const gq = x.groq();
  const tg = x.together();
  const rp = x.replicate();
  const pc = x.pinecone();
  const ls = x.langsmith();
  const px = x.perplexity();
  const b = repo.file('research/llm-eval/notebooks/compare-providers.ipynb', 'notebook');
  nbHead(b);
  cellOpen(b, 1, t.uuid(), true);
  b.l('   "outputs": [],', '   "source": [');
  b.l(src('import anthropic, cohere'), src('from mistralai import Mistral'), src('from groq import Groq'));
  b.d(src('from google.colab import userdata'), 'import');
  b.s(src(`claude = anthropic.Anthropic(api_key="${anth}")`), 'anthropic', anth);
  b.s(src(`co = cohere.ClientV2("${co}")`), 'cohere', co);
  b.s(src(`mistral = Mistral(api_key="${mi}")`), 'mistral', mi);
  b.s(src(`groq = Groq(api_key="${gq}")`), 'groq', gq);
  b.d(src('groq_backup = Groq(api_key=userdata.get("GROQ_API_KEY"))'), 'Colab userdata lookup');
  b.d(src('together_model = "meta-llama/Llama-3.3-70B-Instruct-Turbo"'), 'model name');
  b.s(src(`os.environ["TOGETHER_API_KEY"] = "${tg}"`), 'together', tg);
  b.s(src(`os.environ["REPLICATE_API_TOKEN"] = "${rp}"`), 'replicate', rp);
  b.d(src('perplexity_key = "pplx-..."  # paste yours here', true), 'placeholder with ellipsis');
  b.l('   ]', '  },');
  cellOpen(b, 2, t.uuid());
  b.l('   "outputs": [],', '   "source": [', src('from pinecone import Pinecone'));
  b.s(src(`pc = Pinecone(api_key="${pc}")`), 'pinecone', pc);
  b.d(src('index = pc.Index(host="https://rag-eval-3f9a1c2.svc.aped-4627-b74a.pinecone.io")'), 'index host');
  b.s(src(`os.environ["LANGCHAIN_API_KEY"] = "${ls}"`), 'langsmith', ls);
  b.l(src('os.environ["LANGCHAIN_TRACING_V2"] = "true"'));
  b.s(src(`pplx = OpenAI(api_key="${px}", base_url="https://api.perplexity.ai")`, true), 'perplexity', px);
  b.l('   ]', '  },');
  cellOpen(b, 3, t.uuid());
  b.l('   "outputs": [', '    {', '     "data": {', '      "text/html": [');
  b.d(
    out(`<div id="${t.uuid()}" class="plotly-graph-div" style="height:525px; width:100%;"></div>`, true),
    'plotly div uuid',
  );
  b.l('      ]', '     },', '     "metadata": {},', '     "output_type": "display_data"', '    }', '   ],');
  b.l('   "source": [');
  b.d(src('client = OpenAI(api_key="sk-...")  # TODO: use env'), 'placeholder');
  b.d(src('api_key = "YOUR_COHERE_API_KEY"', true), 'placeholder');
  b.l('   ]', '  }');
  nbTail(b);

  // 3. Colab setup notebook: shell magics carrying credentials, and their outputs.
  const kg = x.kaggle();
  const kg2 = x.kaggle();
  const hf2 = x.hf();
  const glp = t.gitlab();
  const c = repo.file('research/vision/notebooks/00-colab-setup.ipynb', 'notebook');
  nbHead(c);
  cellOpen(c, 1, x.shortHex(8));
  c.l('   "outputs": [],', '   "source": [', src('!mkdir -p ~/.kaggle'));
  c.s(src(`!echo '{"username":"jdoe-ds","key":"${kg}"}' > ~/.kaggle/kaggle.json`), 'kaggle', kg);
  c.l(src('!chmod 600 ~/.kaggle/kaggle.json'));
  c.d(src('!kaggle competitions download -c playground-series-s4e1', true), 'kaggle command');
  c.l('   ]', '  },');
  cellOpen(c, 2, x.shortHex(8));
  c.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  c.s(out(`{"username":"mlteam-acme","key":"${kg2}"}`, true), 'kaggle', kg2);
  c.l(
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
    src('!cat /content/drive/MyDrive/secrets/kaggle.json', true),
    '   ]',
    '  },',
  );
  cellOpen(c, 3, x.shortHex(8));
  c.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  c.d(
    out(
      '{"type":"user","id":"65f1c0a2e4b0d1a2b3c4d5e6","name":"jdoe","auth":{"accessToken":{"displayName":"colab","role":"write"}}}',
      true,
    ),
    'whoami output',
  );
  c.l('     ]', '    }', '   ],', '   "source": [');
  c.s(src(`!curl -s -H "Authorization: Bearer ${hf2}" https://huggingface.co/api/whoami-v2`, true), 'huggingface', hf2);
  c.l('   ]', '  },');
  cellOpen(c, 4, x.shortHex(8));
  c.l('   "outputs": [],', '   "source": [');
  c.s(
    src(
      `!pip install -q --extra-index-url https://__token__:${glp}@gitlab.acme-corp.io/api/v4/projects/412/packages/pypi/simple acme-vision==0.9.3`,
    ),
    'gitlab',
    glp,
  );
  c.d(
    src('!pip install -q ultralytics==8.2.31 --extra-index-url https://download.pytorch.org/whl/cu121'),
    'public index',
  );
  c.d(
    src('!wget -q https://storage.googleapis.com/download.tensorflow.org/data/creditcard.csv', true),
    'public dataset URL',
  );
  c.l('   ]', '  }');
  nbTail(c);

  // 4. S3 export notebook: presigned URL and STS credentials printed by boto3.
  const pAk = t.awsId();
  const sig = t.pick(HEX, 64);
  const asia = x.asia();
  const stsSecret = t.awsSecret();
  const stsTok = x.sessionToken();
  const e = repo.file('analytics/notebooks/04-share-scores.ipynb', 'notebook');
  nbHead(e);
  cellOpen(e, 7, x.shortHex(8));
  e.l('   "outputs": [', '    {', '     "data": {', '      "text/plain": [');
  const presigned = `https://acme-ds-exports.s3.eu-west-1.amazonaws.com/scores/churn_scores_2025-06.parquet?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${pAk}%2F20250612%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20250612T101500Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`;
  e.s(out(`'${presigned}'`, true), 'aws', sig);
  e.l(
    '      ]',
    '     },',
    '     "execution_count": 7,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
  );
  e.l(
    '   "source": [',
    src(
      's3.generate_presigned_url("get_object", Params={"Bucket": "acme-ds-exports", "Key": key}, ExpiresIn=604800)',
      true,
    ),
    '   ]',
    '  },',
  );
  cellOpen(e, 8, x.shortHex(8));
  e.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  e.l(out("{'Credentials': {"));
  e.s(
    [
      out(`  'AccessKeyId': '${asia}',`),
      out(`  'SecretAccessKey': '${stsSecret}',`),
      out(`  'SessionToken': '${stsTok}',`),
    ],
    'aws',
    stsSecret,
  );
  e.l(out("  'Expiration': datetime.datetime(2025, 6, 12, 11, 15, tzinfo=tzutc())},"));
  e.d(out(" 'AssumedRoleUser': {'Arn': 'arn:aws:sts::123456789012:assumed-role/ds-export/jdoe'}}", true), 'ARN');
  e.l(
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
    src('pprint(sts.assume_role(RoleArn=role, RoleSessionName="jdoe"))', true),
    '   ]',
    '  },',
  );
  cellOpen(e, 9, x.shortHex(8));
  e.l('   "outputs": [],', '   "source": [');
  e.d(src('df = pd.read_parquet("s3://nyc-tlc/trip data/yellow_tripdata_2023-01.parquet")'), 'public dataset URL');
  e.d(
    src(
      'ref = pd.read_csv("https://raw.githubusercontent.com/datasets/covid-19/main/data/countries-aggregated.csv")',
      true,
    ),
    'public dataset URL',
  );
  e.l('   ]', '  }');
  nbTail(e);

  // 5. Papermill-parameterised notebook with injected parameters and a leaked env dump.
  const pmPw = x.pw();
  const envSecret = t.awsSecret();
  const p = repo.file('pipelines/reports/output/weekly-kpis-2025-06-09.ipynb', 'notebook');
  nbHead(p);
  p.l('  {', '   "cell_type": "code",', '   "execution_count": 1,', `   "id": "${x.shortHex(8)}",`, '   "metadata": {');
  p.d(
    `    "papermill": { "duration": 0.0123, "end_time": "2025-06-09T06:00:03.1", "exception": false, "start_time": "2025-06-09T06:00:03.0", "status": "completed" },`,
    'papermill metadata',
  );
  p.l('    "tags": ["injected-parameters"]', '   },', '   "outputs": [],', '   "source": [', src('# Parameters'));
  p.l(src('run_date = "2025-06-09"'), src('warehouse_user = "svc_reports"'));
  p.s(src(`warehouse_password = "${pmPw}"`, true), 'generic', pmPw);
  p.l('   ]', '  },');
  cellOpen(p, 2, x.shortHex(8));
  p.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  p.l(out('AWS_DEFAULT_REGION=eu-west-1'));
  p.s(out(`AWS_SECRET_ACCESS_KEY=${envSecret}`), 'aws', envSecret);
  p.d(out('AWS_SESSION_TOKEN='), 'empty');
  p.d(out(`JUPYTER_SERVER_ROOT=/home/jovyan`, true), 'path');
  p.l(
    '     ]',
    '    }',
    '   ],',
    '   "source": [',
    src('!env | grep -E "^(AWS|JUPYTER)_" | sort', true),
    '   ]',
    '  }',
  );
  nbTail(p);

  // 6. Object-detection notebook: Roboflow and a service-account dict pasted into a cell.
  const rf = x.roboflow();
  const saKey = t.pkcs8Pem();
  const g = repo.file('research/vision/notebooks/02-train-yolo.ipynb', 'notebook');
  nbHead(g);
  cellOpen(g, 1, x.shortHex(8));
  g.l('   "outputs": [', '    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  g.d(out('loading Roboflow workspace...'), 'output');
  g.d(
    out(
      'Dependency ultralytics==8.0.196 is required but found version=8.2.31, to fix: `pip install ultralytics==8.0.196`',
      true,
    ),
    'output',
  );
  g.l('     ]', '    }', '   ],', '   "source": [', src('from roboflow import Roboflow'));
  g.s(src(`rf = Roboflow(api_key="${rf}")`), 'roboflow', rf);
  g.d(
    src('dataset = rf.workspace("acme-vision").project("pallet-detect").version(3).download("yolov8")', true),
    'dataset path',
  );
  g.l('   ]', '  },');
  cellOpen(g, 2, x.shortHex(8));
  g.l('   "outputs": [],', '   "source": [', src('from google.oauth2 import service_account'), src('sa_info = {'));
  g.l(src('    "type": "service_account",'), src('    "project_id": "acme-vision-prod",'));
  g.s(src(`    "private_key": "${saKey.join('\\n')}\\n",`), 'gcp', saKey.join('\n'));
  g.l(src('    "client_email": "gcs-uploader@acme-vision-prod.iam.gserviceaccount.com",'));
  g.l(src('    "token_uri": "https://oauth2.googleapis.com/token",'), src('}'));
  g.l(src('creds = service_account.Credentials.from_service_account_info(sa_info)', true));
  g.l('   ]', '  }');
  nbTail(g);
}

// ---- Airflow -----------------------------------------------------------------------------

function airflow(repo, t, x) {
  const bearer = t.mixed(URLSAFE, 48);
  const apiPw = x.pw();
  const d = repo.file('airflow/dags/crm_daily_sync.py', 'airflow');
  d.l('from datetime import datetime, timedelta', 'import requests', 'from airflow import DAG');
  d.l('from airflow.models import Variable', 'from airflow.hooks.base import BaseHook');
  d.l(
    'from airflow.providers.http.operators.http import HttpOperator',
    'from airflow.providers.postgres.operators.postgres import PostgresOperator',
    '',
  );
  d.l('default_args = {"owner": "data-eng", "retries": 2, "retry_delay": timedelta(minutes=5)}', '');
  d.l('with DAG("crm_daily_sync", start_date=datetime(2024, 1, 1), schedule="@daily", catchup=False) as dag:');
  d.l(
    '    pull = HttpOperator(',
    '        task_id="pull_accounts",',
    '        http_conn_id="crm_api",',
    '        endpoint="/v2/accounts",',
  );
  d.s(`        headers={"Authorization": "Bearer ${bearer}", "Accept": "application/json"},`, 'generic', bearer);
  d.l('    )', '    load = PostgresOperator(', '        task_id="load",', '        postgres_conn_id="warehouse",');
  d.d(
    "        sql=\"SELECT * FROM dblink('host={{ conn.warehouse.host }} password={{ conn.warehouse.password }}', '...')\",",
    'Airflow Jinja template',
  );
  d.l('    )', '', 'def _push_to_partner(**ctx):');
  d.d('    token = Variable.get("partner_api_token")', 'Airflow Variable lookup');
  d.d('    conn = BaseHook.get_connection("partner_sftp"); pw = conn.password', 'Airflow connection lookup');
  d.s(
    `    requests.post("https://api.partner-data.io/upload", auth=("acme_etl", "${apiPw}"), json=ctx["ti"].xcom_pull())`,
    'generic',
    apiPw,
  );

  // airflow connections export (JSON)
  const pgPw = x.urlPw();
  const sfPw = x.pw();
  const exAk = t.awsId();
  const exAs = t.awsSecret();
  const j = repo.file('airflow/backup/connections.json', 'airflow');
  j.l(
    '{',
    '  "warehouse": {',
    '    "conn_type": "postgres",',
    '    "host": "dw-prod.cluster-c8x1.eu-west-1.rds.amazonaws.com",',
  );
  j.l('    "login": "airflow_etl",');
  j.s(`    "password": "${pgPw}",`, 'generic', pgPw);
  j.l(
    '    "schema": "analytics",',
    '    "port": 5432,',
    '    "extra": ""',
    '  },',
    '  "aws_default": {',
    '    "conn_type": "aws",',
  );
  j.l('    "login": null,', '    "password": null,');
  j.s(
    `    "extra": "{\\"aws_access_key_id\\": \\"${exAk}\\", \\"aws_secret_access_key\\": \\"${exAs}\\", \\"region_name\\": \\"eu-west-1\\"}"`,
    'aws',
    exAs,
  );
  j.l('  },', '  "snowflake_default": {', '    "conn_type": "snowflake",', '    "login": "AIRFLOW_SVC",');
  j.s(`    "password": "${sfPw}",`, 'generic', sfPw);
  j.d(
    '    "extra": "{\\"account\\": \\"xy12345.eu-west-1\\", \\"warehouse\\": \\"TRANSFORM_WH\\", \\"role\\": \\"TRANSFORMER\\"}"',
    'snowflake account locator',
  );
  j.l('  }', '}');

  // airflow connections export (YAML)
  const ftpPw = x.pw();
  const slackTok = t.slackBot();
  const y = repo.file('airflow/backup/connections.yaml', 'airflow');
  y.l('partner_sftp:', '  conn_type: sftp', '  host: sftp.partner-data.io', '  login: acme');
  y.s(`  password: ${ftpPw}`, 'generic', ftpPw);
  y.l('  port: 22', 'slack_alerts:', '  conn_type: slack');
  y.s(`  password: ${slackTok}`, 'slack', slackTok);
  y.d('  extra: \'{"timeout": 30}\'', 'extra without secrets');

  // docker-compose .env with AIRFLOW_CONN_* URIs (URL-encoded AWS secret), fernet key, secret key
  const uriAk = t.awsId();
  const uriAs = x.awsSecretSlash();
  const enc = encodeURIComponent(uriAs);
  const whPw = x.urlPw();
  const fernet = x.fernet();
  const flask = x.flaskKey();
  const sfJsonPw = x.pw().replace(/["\\]/g, '');
  const env = repo.file('airflow/.env', 'airflow');
  env.d('AIRFLOW_UID=50000', 'uid');
  env.d('AIRFLOW_IMAGE_NAME=apache/airflow:2.9.2-python3.11', 'image');
  env.s(`AIRFLOW_CONN_AWS_DATALAKE=aws://${uriAk}:${enc}@/?region_name=eu-west-1`, 'aws', enc);
  env.s(
    `AIRFLOW_CONN_WAREHOUSE=postgresql://airflow_etl:${whPw}@dw-prod.cluster-c8x1.eu-west-1.rds.amazonaws.com:5432/analytics`,
    'database',
    whPw,
  );
  env.s(
    `AIRFLOW_CONN_SNOWFLAKE_DEFAULT='{"conn_type": "snowflake", "login": "AIRFLOW_SVC", "password": "${sfJsonPw}", "extra": {"account": "xy12345"}}'`,
    'generic',
    sfJsonPw,
  );
  env.s(`AIRFLOW__CORE__FERNET_KEY=${fernet}`, 'generic', fernet);
  env.s(`AIRFLOW__WEBSERVER__SECRET_KEY=${flask}`, 'generic', flask);
  env.d('AIRFLOW_CONN_HTTP_PUBLIC=https://api.open-meteo.com', 'connection without credentials');
  env.d(
    'AIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables"}',
    'secrets backend config',
  );

  // airflow.cfg
  const cfgPw = x.urlPw();
  const cfgFernet = x.fernet();
  const cfg = repo.file('airflow/config/airflow.cfg', 'airflow');
  cfg.l('[core]', 'executor = CeleryExecutor', 'dags_folder = /opt/airflow/dags');
  cfg.s(`fernet_key = ${cfgFernet}`, 'generic', cfgFernet);
  cfg.l('', '[database]');
  cfg.s(
    `sql_alchemy_conn = postgresql+psycopg2://airflow:${cfgPw}@airflow-meta.internal:5432/airflow`,
    'database',
    cfgPw,
  );
  cfg.l('', '[celery]');
  cfg.d('broker_url = redis://:@redis:6379/0', 'empty password');
  cfg.d('result_backend_sqlalchemy_conn_cmd = cat /run/secrets/celery_result_backend', 'command reference');
  cfg.l('', '[webserver]');
  cfg.d('secret_key_secret = airflow/config/webserver_secret_key', 'secrets-backend reference');

  // k8s Secret for the Airflow Helm chart: base64 of a connection URI
  const k8Pw = x.urlPw();
  const k = repo.file('airflow/deploy/airflow-connections-secret.yaml', 'airflow');
  k.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: airflow-connections',
    '  namespace: airflow',
    'type: Opaque',
    'data:',
  );
  k.s(
    `  AIRFLOW_CONN_MYSQL_CRM: ${Buffer.from(`mysql://crm_reader:${k8Pw}@crm-db.internal:3306/crm`).toString('base64')}`,
    'database',
    k8Pw,
  );
  k.d(`  AIRFLOW_VAR_ENVIRONMENT: ${Buffer.from('production').toString('base64')}`, 'base64 of a plain setting');
}

// ---- dbt / Spark / Databricks ------------------------------------------------------------

function dbtSpark(repo, t, x) {
  const sfPw = x.pw();
  const dbx = x.databricks();
  const rsPw = x.pw();
  const bqKey = t.pkcs8Pem();
  const f = repo.file('transform/dbt/profiles.yml', 'dbt');
  f.l(
    'acme_analytics:',
    '  target: prod',
    '  outputs:',
    '    prod:',
    '      type: snowflake',
    '      account: xy12345.eu-west-1',
  );
  f.l('      user: DBT_PROD', '      role: TRANSFORMER');
  f.s(`      password: "${sfPw}"`, 'generic', sfPw);
  f.l(
    '      warehouse: TRANSFORM_WH',
    '      database: ANALYTICS',
    '      schema: marts',
    '      threads: 8',
    '    dev:',
    '      type: snowflake',
  );
  f.l('      account: xy12345.eu-west-1', '      user: "{{ env_var(\'DBT_USER\') }}"');
  f.d('      password: "{{ env_var(\'DBT_PASSWORD\') }}"', 'dbt env_var template');
  f.l('    lakehouse:', '      type: databricks', '      host: adb-4417362219781123.3.azuredatabricks.net');
  f.d('      http_path: /sql/1.0/warehouses/8f3c2a1b9d7e6f05', 'warehouse path');
  f.s(`      token: ${dbx}`, 'databricks', dbx);
  f.l(
    '    redshift:',
    '      type: redshift',
    '      host: acme-dw.c8x1abcd.eu-west-1.redshift.amazonaws.com',
    '      user: dbt',
  );
  f.s(`      pass: ${rsPw}`, 'generic', rsPw);
  f.l(
    '      port: 5439',
    '      dbname: analytics',
    '    bigquery:',
    '      type: bigquery',
    '      method: service-account-json',
    '      project: acme-analytics-prod',
  );
  f.l('      keyfile_json:', '        type: service_account', '        project_id: acme-analytics-prod');
  f.d(`        private_key_id: ${t.sha1()}`, 'service-account key id (not the key)');
  f.s(['        private_key: |', ...bqKey.map((line) => `          ${line}`)], 'gcp', bqKey.join('\n'));
  f.l('        client_email: dbt-runner@acme-analytics-prod.iam.gserviceaccount.com');

  const pj = repo.file('transform/dbt/dbt_project.yml', 'dbt');
  pj.l("name: 'acme_analytics'", "version: '1.8.0'", "profile: 'acme_analytics'");
  pj.d("vars:\n  surrogate_key_salt: \"{{ env_var('DBT_SALT', '') }}\"", 'dbt env_var template');
  const man = repo.file('transform/dbt/package-lock.yml', 'dbt');
  man.l('packages:', '  - package: dbt-labs/dbt_utils', '    version: 1.1.1');
  man.d(`sha1_hash: ${t.sha1()}`, 'package-lock hash');

  // spark-defaults.conf: whitespace-separated keys
  const sAk = t.awsId();
  const sAs = t.awsSecret();
  const sc = repo.file('platform/spark/conf/spark-defaults.conf', 'spark');
  sc.l(
    'spark.master                         k8s://https://k8s.prod.acme-corp.io:6443',
    'spark.executor.memory                8g',
  );
  sc.l('spark.hadoop.fs.s3a.endpoint         s3.eu-west-1.amazonaws.com');
  sc.s(`spark.hadoop.fs.s3a.access.key       ${sAk}`, 'aws', sAk);
  sc.s(`spark.hadoop.fs.s3a.secret.key       ${sAs}`, 'aws', sAs);
  sc.d(
    'spark.hadoop.fs.s3a.aws.credentials.provider com.amazonaws.auth.DefaultAWSCredentialsProviderChain',
    'provider class',
  );
  sc.d('spark.hadoop.google.cloud.auth.service.account.json.keyfile /var/secrets/google/key.json', 'key file path');
  sc.d(`spark.kubernetes.container.image   ghcr.io/acme-corp/spark@sha256:${t.sha256()}`, 'image digest');

  const sub = repo.file('platform/spark/bin/submit-backfill.sh', 'spark');
  const subAs = t.awsSecret();
  const subAk = t.awsId();
  sub.l('#!/usr/bin/env bash', 'set -euo pipefail', 'spark-submit \\', '  --deploy-mode cluster \\');
  sub.s(`  --conf spark.hadoop.fs.s3a.access.key=${subAk} \\`, 'aws', subAk);
  sub.s(`  --conf spark.hadoop.fs.s3a.secret.key=${subAs} \\`, 'aws', subAs);
  sub.d('  --conf spark.hadoop.fs.s3a.session.token="${AWS_SESSION_TOKEN}" \\', 'shell variable');
  sub.l('  jobs/backfill.py --date "$1"');

  const py = repo.file('pipelines/ingest/spark_session.py', 'spark');
  const pyAs = t.awsSecret();
  const pyAk = t.awsId();
  py.l(
    'from pyspark.sql import SparkSession',
    '',
    'def get_spark(app: str) -> SparkSession:',
    '    return (',
    '        SparkSession.builder.appName(app)',
  );
  py.d(
    '        .config("spark.jars.packages", "org.apache.hadoop:hadoop-aws:3.3.4,com.amazonaws:aws-java-sdk-bundle:1.12.262")',
    'maven coordinates',
  );
  py.s(`        .config("spark.hadoop.fs.s3a.access.key", "${pyAk}")`, 'aws', pyAk);
  py.s(`        .config("spark.hadoop.fs.s3a.secret.key", "${pyAs}")`, 'aws', pyAs);
  py.l('        .getOrCreate()', '    )');

  // Databricks notebook exported as source
  const azKey = t.azureStorageKey();
  const dbx2 = `${x.databricks()}-2`;
  const n = repo.file('lakehouse/notebooks/ingest_events.py', 'databricks');
  n.l(
    '# Databricks notebook source',
    '# MAGIC %md',
    '# MAGIC ## Ingest raw events from ADLS',
    '',
    '# COMMAND ----------',
    '',
  );
  n.s(`spark.conf.set("fs.azure.account.key.acmelakeprod.dfs.core.windows.net", "${azKey}")`, 'azure', azKey);
  n.d(
    'spark.conf.set("fs.azure.account.key.acmelakestg.dfs.core.windows.net", dbutils.secrets.get(scope="kv-stg", key="adls-key"))',
    'dbutils.secrets.get',
  );
  n.l('', '# COMMAND ----------', '', '# MAGIC %sh');
  n.s(
    `# MAGIC curl -s -H "Authorization: Bearer ${dbx2}" https://adb-4417362219781123.3.azuredatabricks.net/api/2.1/jobs/list`,
    'databricks',
    dbx2,
  );
  n.l('', '# COMMAND ----------', '');
  n.d(
    'dbutils.notebook.run("./transform", 3600, {"cluster_id": "0612-101500-abcd1234", "run_id": "884213377201945"})',
    'cluster and run ids',
  );
  n.d(
    'display(spark.read.format("delta").load("abfss://raw@acmelakeprod.dfs.core.windows.net/events/"))',
    'storage path',
  );

  // Databricks CLI profile
  const cliTok = x.databricks();
  const dc = repo.file('ops/home/.databrickscfg', 'databricks');
  dc.l('[DEFAULT]', 'host = https://adb-4417362219781123.3.azuredatabricks.net');
  dc.s(`token = ${cliTok}`, 'databricks', cliTok);
  dc.l('', '[staging]', 'host = https://adb-7720148806613390.10.azuredatabricks.net', 'auth_type = databricks-cli');
}

// ---- warehouses and databases ------------------------------------------------------------

function warehouses(repo, t, x) {
  const sfPw = x.pw();
  const s = repo.file('pipelines/warehouse/snowflake_client.py', 'warehouse');
  s.l(
    'import os',
    'import snowflake.connector',
    '',
    'def connect(role="LOADER"):',
    '    return snowflake.connector.connect(',
  );
  s.l('        user="LOADER_SVC",');
  s.s(`        password="${sfPw}",`, 'generic', sfPw);
  s.d('        account="xy12345.eu-west-1",', 'account locator');
  s.l('        warehouse="LOAD_WH",', '        role=role,', '    )', '', 'def connect_dev():');
  s.d(
    '    return snowflake.connector.connect(connection_name=os.getenv("SNOWFLAKE_DEFAULT_CONNECTION_NAME", "dev"))',
    'env lookup',
  );
  const jdbcPw = x.urlPw();
  s.s(
    `JDBC_URL = "jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing.com/?user=LOADER_SVC&password=${jdbcPw}&warehouse=LOAD_WH"`,
    'generic',
    jdbcPw,
  );

  const tomlPw = x.pw();
  const pk = t.pkcs8Pem();
  const ct = repo.file('ops/home/.snowflake/connections.toml', 'warehouse');
  ct.l('[default]', 'account = "xy12345.eu-west-1"', 'user = "JDOE"');
  ct.s(`password = "${tomlPw}"`, 'generic', tomlPw);
  ct.l(
    'warehouse = "ANALYST_WH"',
    '',
    '[loader]',
    'account = "xy12345.eu-west-1"',
    'user = "LOADER_SVC"',
    'authenticator = "SNOWFLAKE_JWT"',
  );
  ct.d('private_key_file = "~/.snowflake/rsa_key.p8"', 'key file path');
  const p8 = repo.file('ops/home/.snowflake/rsa_key.p8', 'warehouse');
  p8.s(pk, 'private-key', pk.join('\n'));
  const pub = repo.file('ops/home/.snowflake/rsa_key.pub', 'warehouse');
  pub.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      ...`MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 320)}IDAQAB`.match(/.{1,64}/g),
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );

  // BigQuery service-account key file (whole object is the credential)
  const saKey = t.pkcs8Pem();
  const sa = repo.file('pipelines/warehouse/keys/bq-loader-sa.json', 'warehouse');
  sa.s(
    [
      '{',
      '  "type": "service_account",',
      '  "project_id": "acme-analytics-prod",',
      `  "private_key_id": "${t.sha1()}",`,
      `  "private_key": "${saKey.join('\\n')}\\n",`,
      '  "client_email": "bq-loader@acme-analytics-prod.iam.gserviceaccount.com",',
      `  "client_id": "${t.digits(21)}",`,
      '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '  "token_uri": "https://oauth2.googleapis.com/token",',
      '  "universe_domain": "googleapis.com"',
      '}',
    ],
    'gcp',
    saKey.join('\n'),
  );

  // Python loaders with connection URIs
  const mPw = x.urlPw();
  const myPw = x.urlPw();
  const rsPw = x.urlPw();
  const l = repo.file('pipelines/loaders/sources.py', 'warehouse');
  l.l('from pymongo import MongoClient', 'from sqlalchemy import create_engine', '');
  l.s(
    `events = MongoClient("mongodb+srv://etl_reader:${mPw}@events.q7x2k.mongodb.net/?retryWrites=true&w=majority")`,
    'mongodb',
    mPw,
  );
  l.s(`crm = create_engine("mysql+pymysql://root:${myPw}@10.20.3.12:3306/crm?charset=utf8mb4")`, 'database', myPw);
  l.s(
    `dw = create_engine("redshift+redshift_connector://etl:${rsPw}@acme-dw.c8x1abcd.eu-west-1.redshift.amazonaws.com:5439/analytics")`,
    'database',
    rsPw,
  );
  l.d(
    'local = create_engine("postgresql://postgres:${POSTGRES_PASSWORD}@localhost:5432/dev")',
    'shell-style placeholder',
  );
  l.d('docs_example = create_engine("postgresql://user:password@localhost/mydatabase")', 'documentation placeholder');

  // SQL notebook (Databricks SQL source) with COPY credentials
  const cAk = t.awsId();
  const cAs = t.awsSecret();
  const rAk = t.awsId();
  const rAs = t.awsSecret();
  const uPw = x.pw().replace(/'/g, '');
  const q = repo.file('lakehouse/sql/load_partner_files.sql', 'sql');
  q.l(
    '-- Databricks notebook source',
    '-- MAGIC %md',
    '-- MAGIC Load partner drops into Snowflake / Redshift',
    '',
    '-- COMMAND ----------',
    '',
  );
  q.l("CREATE OR REPLACE STAGE raw.partner_stage URL = 's3://acme-partner-drop/incoming/'");
  q.s(`  CREDENTIALS = (AWS_KEY_ID = '${cAk}' AWS_SECRET_KEY = '${cAs}')`, 'aws', cAs);
  q.l('  FILE_FORMAT = (TYPE = PARQUET);', '', '-- COMMAND ----------', '');
  q.l("COPY analytics.partner_orders FROM 's3://acme-partner-drop/incoming/orders/'");
  q.s(`CREDENTIALS 'aws_access_key_id=${rAk};aws_secret_access_key=${rAs}'`, 'aws', rAs);
  q.l('FORMAT AS PARQUET;', '');
  q.d(
    "COPY analytics.partner_events FROM 's3://acme-partner-drop/incoming/events/' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy' FORMAT AS PARQUET;",
    'IAM role ARN',
  );
  q.s(`CREATE USER looker_svc PASSWORD '${uPw}' DEFAULT_ROLE = REPORTER;`, 'generic', uPw);
  q.d(
    "CREATE USER tableau_svc RSA_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy8Dbv8prpJ' DEFAULT_ROLE = REPORTER;",
    'public key',
  );
}

// ---- MLOps: MLflow, W&B, Hugging Face, DVC, Label Studio, model cards --------------------

function mlops(repo, t, x) {
  const mfPw = x.urlPw();
  const mfPw2 = x.pw();
  const mfBasic = x.urlPw();
  const m = repo.file('ml/training/.env', 'mlops');
  m.s(`MLFLOW_TRACKING_URI=https://mlflow:${mfPw}@mlflow.acme-corp.io`, 'generic', mfPw);
  m.l('MLFLOW_TRACKING_USERNAME=ci-trainer');
  m.s(`MLFLOW_TRACKING_PASSWORD=${mfPw2}`, 'generic', mfPw2);
  m.d('MLFLOW_EXPERIMENT_NAME=/Shared/churn-xgb', 'experiment name');
  m.d('MLFLOW_S3_ENDPOINT_URL=https://minio.acme-corp.io', 'endpoint');
  const hfE = x.hf();
  m.s(`HUGGINGFACE_HUB_TOKEN=${hfE}`, 'huggingface', hfE);
  const wbE = x.wandb();
  m.s(`WANDB_API_KEY=${wbE}`, 'wandb', wbE);
  m.d('WANDB_API_KEY=<your-wandb-api-key>', 'placeholder');
  const pcLegacy = t.uuid();
  m.s(`PINECONE_API_KEY=${pcLegacy}`, 'pinecone', pcLegacy);
  m.d(`PINECONE_INDEX_ID=${t.uuid()}`, 'uuid used as id');
  m.d('COHERE_API_KEY=', 'empty');

  const tr = repo.file('ml/training/train.py', 'mlops');
  tr.l('import base64, mlflow, requests', '');
  tr.d('mlflow.set_tracking_uri("databricks")', 'tracking uri without credentials');
  tr.d(`model = mlflow.pyfunc.load_model("runs:/${t.pick(HEX, 32)}/model")`, 'MLflow run id');
  tr.d(`client.get_run("${t.pick(HEX, 32)}").data.metrics`, 'MLflow run id');
  tr.s(
    `HEADERS = {"Authorization": "Basic ${Buffer.from(`ci-trainer:${mfBasic}`).toString('base64')}"}`,
    'generic',
    mfBasic,
  );
  tr.d('wandb.init(project="churn-xgb", config=cfg)  # key from ~/.netrc', 'comment');
  tr.d(
    `tokenizer = AutoTokenizer.from_pretrained("BAAI/bge-small-en-v1.5", revision="${t.sha1()}")`,
    'Hugging Face revision SHA',
  );

  const nr = repo.file('ops/home/.netrc', 'mlops');
  const wbN = x.wandb();
  const hfN = x.hf();
  nr.l('machine api.wandb.ai', '  login user');
  nr.s(`  password ${wbN}`, 'wandb', wbN);
  nr.l('machine huggingface.co', '  login jdoe');
  nr.s(`  password ${hfN}`, 'huggingface', hfN);
  const ws = repo.file('ops/home/.config/wandb/settings', 'mlops');
  ws.l('[default]', 'entity = acme-ds', 'project = churn-xgb');
  ws.d('base_url = https://api.wandb.ai', 'url');
  const wr = repo.file('ml/training/wandb/run-20250612_101500-3k9x2m1q/files/wandb-metadata.json', 'mlops');
  wr.l('{', '  "os": "Linux-6.1.85+-x86_64-with-glibc2.35",', '  "python": "CPython 3.11.9",');
  wr.d('  "git": { "remote": "https://github.com/acme-corp/ml.git", "commit": "' + t.sha1() + '" },', 'git commit');
  wr.d('  "program": "/content/train.py", "host": "9f2c1a7e4b3d", "username": "root",', 'container host id');
  wr.l('  "gpu": "Tesla T4"', '}');

  const hfc = repo.file('ops/home/.cache/huggingface/token', 'mlops');
  const hfT = x.hf();
  hfc.s(hfT, 'huggingface', hfT);

  const kj = repo.file('ops/home/.kaggle/kaggle.json', 'mlops');
  const kgK = x.kaggle();
  kj.s(`{"username":"acme-ml","key":"${kgK}"}`, 'kaggle', kgK);

  // DVC remotes
  const dAk = t.awsId();
  const dAs = t.awsSecret();
  const dAzAcc = 'acmedvcstore';
  const dAzKey = t.azureStorageKey();
  const dv = repo.file('ml/.dvc/config', 'mlops');
  dv.l(
    '[core]',
    '    remote = s3store',
    '[\'remote "s3store"\']',
    '    url = s3://acme-dvc/churn',
    '    region = eu-west-1',
  );
  dv.s(`    access_key_id = ${dAk}`, 'aws', dAk);
  dv.s(`    secret_access_key = ${dAs}`, 'aws', dAs);
  dv.l('[\'remote "azstore"\']', '    url = azure://dvc/churn');
  dv.s(
    `    connection_string = DefaultEndpointsProtocol=https;AccountName=${dAzAcc};AccountKey=${dAzKey};EndpointSuffix=core.windows.net`,
    'azure',
    dAzKey,
  );
  const sshPw = x.pw();
  const dvl = repo.file('ml/.dvc/config.local', 'mlops');
  dvl.l('[\'remote "nas"\']', '    url = ssh://dvc@nas01.acme-corp.lan/volume1/dvc', '    user = dvc');
  dvl.s(`    password = ${sshPw}`, 'generic', sshPw);
  const df = repo.file('ml/data/raw/transactions.parquet.dvc', 'mlops');
  df.l('outs:');
  df.d(`- md5: ${t.pick(HEX, 32)}`, 'dataset checksum');
  df.l('  size: 1841273344', '  hash: md5', '  path: transactions.parquet');
  const dl = repo.file('ml/dvc.lock', 'mlops');
  dl.l(
    "schema: '2.0'",
    'stages:',
    '  featurize:',
    '    cmd: python src/featurize.py',
    '    deps:',
    '    - path: data/raw/transactions.parquet',
  );
  dl.d(`      md5: ${t.pick(HEX, 32)}`, 'dataset checksum');
  dl.l('    outs:', '    - path: data/features');
  dl.d(`      md5: ${t.pick(HEX, 32)}.dir`, 'dataset checksum');

  // Label Studio
  const lsKey = x.labelStudio();
  const lsKey2 = x.labelStudio();
  const le = repo.file('labeling/ml_backend/.env', 'mlops');
  le.l('LABEL_STUDIO_URL=https://label.acme-corp.io');
  le.s(`LABEL_STUDIO_API_KEY=${lsKey}`, 'generic', lsKey);
  le.d('LABEL_STUDIO_ML_BACKEND_V2=true', 'flag');
  const lx = repo.file('labeling/scripts/export_annotations.sh', 'mlops');
  lx.l('#!/bin/sh', 'PROJECT=14');
  lx.s(
    `curl -s -X GET "https://label.acme-corp.io/api/projects/$PROJECT/export?exportType=JSON" -H "Authorization: Token ${lsKey2}" -o export.json`,
    'generic',
    lsKey2,
  );
  lx.d(
    'curl -s -H "Authorization: Token $LABEL_STUDIO_API_KEY" https://label.acme-corp.io/api/projects',
    'shell variable',
  );

  // Model card and LFS pointer
  const mc = repo.file('ml/models/churn-xgb/README.md', 'mlops');
  mc.l(
    '---',
    'license: apache-2.0',
    'library_name: xgboost',
    'tags: [tabular-classification]',
    '---',
    '# churn-xgb',
    '',
  );
  mc.l('| file | sha256 |', '|---|---|');
  mc.d(`| model.json | ${t.sha256()} |`, 'model sha256 in model card');
  mc.d(`| preprocessor.pkl | ${t.sha256()} |`, 'model sha256 in model card');
  mc.d(`Base embeddings: \`sentence-transformers/all-MiniLM-L6-v2@${t.sha1()}\``, 'Hugging Face revision SHA');
  const lfs = repo.file('ml/models/churn-xgb/model.json', 'mlops');
  lfs.l('version https://git-lfs.github.com/spec/v1');
  lfs.d(`oid sha256:${t.sha256()}`, 'LFS pointer oid');
  lfs.l('size 48211902');
}

// ---- Streamlit, Great Expectations, Prefect, Dagster -------------------------------------

function appsAndOrchestrators(repo, t, x) {
  const stPw = x.pw().replace(/["\\]/g, '');
  const stOa = t.openai();
  const stKey = t.pkcs8Pem();
  const st = repo.file('apps/kpi-dashboard/.streamlit/secrets.toml', 'apps');
  st.s(`OPENAI_API_KEY = "${stOa}"`, 'openai', stOa);
  st.l('', '[connections.snowflake]', 'account = "xy12345.eu-west-1"', 'user = "STREAMLIT_APP"');
  st.s(`password = "${stPw}"`, 'generic', stPw);
  st.l(
    'warehouse = "REPORTING_WH"',
    '',
    '[gcp_service_account]',
    'type = "service_account"',
    'project_id = "acme-analytics-prod"',
  );
  st.s(`private_key = "${stKey.join('\\n')}\\n"`, 'gcp', stKey.join('\n'));
  st.l('client_email = "streamlit@acme-analytics-prod.iam.gserviceaccount.com"', '', '[passwords]');
  st.d('# Follow the rule: username = "password"', 'comment');
  st.d('alice_foo = "changeme"', 'placeholder');
  const sa = repo.file('apps/kpi-dashboard/app.py', 'apps');
  sa.l('import streamlit as st');
  sa.d('conn = st.connection("snowflake")', 'connection lookup');
  sa.d('client = OpenAI(api_key=st.secrets["OPENAI_API_KEY"])', 'st.secrets lookup');
  sa.d('st.color_picker("Accent", "#1f77b4")', 'CSS colour');

  const ge = repo.file('quality/great_expectations/great_expectations.yml', 'apps');
  ge.l(
    'config_version: 3.0',
    'datasources:',
    '  warehouse:',
    '    class_name: Datasource',
    '    execution_engine:',
    '      class_name: SqlAlchemyExecutionEngine',
  );
  ge.d('      connection_string: ${WAREHOUSE_CONNECTION_STRING}', 'GE config variable');
  ge.d('      credentials: ${warehouse_creds}', 'GE config variable');
  ge.l(
    'stores:',
    '  expectations_store:',
    '    class_name: ExpectationsStore',
    '    store_backend:',
    '      class_name: TupleS3StoreBackend',
    '      bucket: acme-ge-store',
  );
  const gePw = x.urlPw();
  const geSnow = x.pw();
  const gv = repo.file('quality/great_expectations/uncommitted/config_variables.yml', 'apps');
  gv.s(
    `WAREHOUSE_CONNECTION_STRING: postgresql+psycopg2://ge_runner:${gePw}@dw-prod.cluster-c8x1.eu-west-1.rds.amazonaws.com:5432/analytics`,
    'database',
    gePw,
  );
  gv.l('warehouse_creds:', '  drivername: snowflake', '  username: GE_RUNNER');
  gv.s(`  password: ${geSnow}`, 'generic', geSnow);
  gv.l('  host: xy12345.eu-west-1');

  const pf = repo.file('ops/home/.prefect/profiles.toml', 'apps');
  const pnu = x.prefect();
  pf.l('active = "cloud"', '', '[profiles.cloud]');
  pf.s(`PREFECT_API_KEY = "${pnu}"`, 'prefect', pnu);
  pf.d(`PREFECT_API_URL = "https://api.prefect.cloud/api/accounts/${t.uuid()}/workspaces/${t.uuid()}"`, 'uuids in URL');
  pf.l('', '[profiles.local]');
  pf.d('PREFECT_API_URL = "http://127.0.0.1:4200/api"', 'local url');
  const pyml = repo.file('orchestration/prefect/prefect.yaml', 'apps');
  pyml.l(
    'name: acme-flows',
    'deployments:',
    '  - name: nightly-features',
    '    entrypoint: flows/features.py:nightly',
    '    work_pool:',
    '      name: k8s-pool',
    '      job_variables:',
    '        env:',
  );
  pyml.d('          WAREHOUSE_PASSWORD: "{{ prefect.blocks.secret.warehouse-password }}"', 'Prefect block reference');
  const pyPw = x.pw();
  pyml.s(`          PARTNER_SFTP_PASSWORD: "${pyPw}"`, 'generic', pyPw);

  const dg = repo.file('orchestration/dagster/dagster.yaml', 'apps');
  const dgPw = x.pw();
  dg.l('storage:', '  postgres:', '    postgres_db:', '      username: dagster');
  dg.s(`      password: "${dgPw}"`, 'generic', dgPw);
  dg.l(
    '      hostname: dagster-meta.internal',
    '      db_name: dagster',
    '      port: 5432',
    'run_launcher:',
    '  module: dagster_k8s',
    '  class: K8sRunLauncher',
    '  config:',
    '    env_vars:',
  );
  dg.d('      - DAGSTER_PG_PASSWORD', 'env var name');
  dg.d(
    'compute_logs:\n  module: dagster_aws.s3.compute_log_manager\n  class: S3ComputeLogManager\n  config:\n    bucket: acme-dagster-logs',
    'bucket config',
  );
  const dr = repo.file('orchestration/dagster/definitions.py', 'apps');
  dr.l('from dagster import Definitions, EnvVar', 'from dagster_snowflake import SnowflakeResource');
  dr.d(
    'snowflake = SnowflakeResource(account="xy12345.eu-west-1", user="DAGSTER", password=EnvVar("SNOWFLAKE_PASSWORD"))',
    'EnvVar',
  );
  const drOa = t.openai();
  dr.s(`openai = OpenAIResource(api_key="${drOa}")`, 'openai', drOa);
}

// ---- conda / pip private indexes ---------------------------------------------------------

function packaging(repo, t, x) {
  const cTok = t.gitlab();
  const c = repo.file('ml/environment.yml', 'packaging');
  c.l(
    'name: churn-ml',
    'channels:',
    '  - conda-forge',
    '  - nodefaults',
    'dependencies:',
    '  - python=3.11',
    '  - pandas=2.2.2',
    '  - pip',
    '  - pip:',
  );
  c.s(
    `      - --extra-index-url https://gitlab-ci-token:${cTok}@gitlab.acme-corp.io/api/v4/groups/17/-/packages/pypi/simple`,
    'gitlab',
    cTok,
  );
  c.l('      - acme-features==2.4.0');
  c.d('      - --extra-index-url https://download.pytorch.org/whl/cu121', 'public index');

  const lock = repo.file('ml/conda-linux-64.lock', 'packaging');
  lock.l('# platform: linux-64', '@EXPLICIT');
  lock.d(
    `https://conda.anaconda.org/conda-forge/linux-64/numpy-1.26.4-py311h64a7726_0.conda#${t.pick(HEX, 32)}`,
    'conda lock md5',
  );
  lock.d(
    `https://conda.anaconda.org/conda-forge/linux-64/pandas-2.2.2-py311h14de704_1.conda#${t.pick(HEX, 32)}`,
    'conda lock md5',
  );

  const nxPw = x.urlPw();
  const r = repo.file('pipelines/requirements.txt', 'packaging');
  r.s(`--index-url https://deploy-bot:${nxPw}@nexus.acme-corp.io/repository/pypi-group/simple`, 'generic', nxPw);
  r.d(
    '--extra-index-url https://aws:${CODEARTIFACT_AUTH_TOKEN}@acme-123456789012.d.codeartifact.eu-west-1.amazonaws.com/pypi/py/simple/',
    'shell variable',
  );
  r.l('apache-airflow-providers-snowflake==5.5.1 \\');
  r.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  r.l('great-expectations==0.18.15 \\');
  r.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');

  const pc = repo.file('ops/home/.config/pip/pip.conf', 'packaging');
  const jfrog = t.mixed(ALNUM, 64);
  pc.l('[global]');
  pc.s(
    `extra-index-url = https://jdoe%40acme-corp.io:${jfrog}@acme.jfrog.io/artifactory/api/pypi/pypi-local/simple`,
    'generic',
    jfrog,
  );
  pc.d('timeout = 60', 'setting');

  const pyp = repo.file('ml/pyproject.toml', 'packaging');
  pyp.l('[tool.poetry]', 'name = "churn-ml"', 'version = "0.7.0"', '', '[[tool.poetry.source]]', 'name = "acme"');
  pyp.d('url = "https://gitlab.acme-corp.io/api/v4/groups/17/-/packages/pypi/simple"', 'index url without credentials');
  pyp.l('priority = "supplemental"');
}

// ---- R and Julia -------------------------------------------------------------------------

function otherLanguages(repo, t, x) {
  const gh = x.ghp();
  const oa = t.openai();
  const rAs = t.awsSecret();
  const re = repo.file('analytics/r/.Renviron', 'r-julia');
  re.s(`GITHUB_PAT=${gh}`, 'github', gh);
  re.s(`OPENAI_API_KEY="${oa}"`, 'openai', oa);
  re.l('AWS_ACCESS_KEY_ID_FILE=~/.aws/credentials');
  re.s(`AWS_SECRET_ACCESS_KEY=${rAs}`, 'aws', rAs);
  re.d('R_LIBS_USER=~/R/library/%v', 'setting');
  re.d('RETICULATE_PYTHON=~/.virtualenvs/r-reticulate/bin/python', 'setting');

  const dbPw = x.pw().replace(/["\\]/g, '');
  const mb = `sk.${Buffer.from(JSON.stringify({ u: 'acme-ds', a: `cl${t.lower(23)}` })).toString('base64url')}.${t.mixed(URLSAFE, 22)}`;
  const rs = repo.file('analytics/r/R/connect.R', 'r-julia');
  rs.l(
    'library(DBI)',
    '',
    'con <- dbConnect(',
    '  RPostgres::Postgres(),',
    '  host = "warehouse.acme-corp.io",',
    '  user = "analyst",',
  );
  rs.s(`  password = "${dbPw}",`, 'generic', dbPw);
  rs.l('  dbname = "dw"', ')');
  rs.d('con2 <- dbConnect(RPostgres::Postgres(), password = Sys.getenv("DW_PASSWORD"))', 'Sys.getenv');
  rs.d(
    'con3 <- dbConnect(odbc::odbc(), "Snowflake", pwd = keyring::key_get("snowflake", "analyst"))',
    'keyring lookup',
  );
  rs.d('pw <- rstudioapi::askForPassword("Database password")', 'password prompt');
  rs.s(`Sys.setenv(MAPBOX_SECRET_TOKEN = "${mb}")`, 'mapbox', mb);
  rs.d('ggplot(df, aes(x, y)) + geom_point(colour = "#3366FF")', 'colour');

  const jlPw = x.urlPw();
  const jlTok = x.hf();
  const jl = repo.file('analytics/julia/src/Warehouse.jl', 'r-julia');
  jl.l('module Warehouse', 'using LibPQ, HTTP', '');
  jl.s(
    `const CONN = LibPQ.Connection("host=warehouse.acme-corp.io port=5432 dbname=dw user=analyst password=${jlPw} sslmode=require")`,
    'generic',
    jlPw,
  );
  jl.s(`ENV["HF_TOKEN"] = "${jlTok}"`, 'huggingface', jlTok);
  jl.d('const API_KEY = get(ENV, "OPENAI_API_KEY", "")', 'ENV lookup');
  jl.d(`const DATASET_SHA = "${t.sha256()}"`, 'dataset checksum');
  jl.l('end');
  const mf = repo.file('analytics/julia/Manifest.toml', 'r-julia');
  mf.l('[[deps.CSV]]', 'deps = ["CodecZlib", "Dates"]');
  mf.d(`git-tree-sha1 = "${t.sha1()}"`, 'Julia manifest tree hash');
  mf.d(`uuid = "${t.uuid()}"`, 'Julia package uuid');
  mf.l('version = "0.10.14"');
}
