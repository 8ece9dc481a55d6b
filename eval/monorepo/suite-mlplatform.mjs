// Suite "mlplatform": the monorepo of a machine-learning platform company on AWS, GCP and Azure.
// Training code, notebooks, tracking and feature-store configs, serving manifests, infra and logs.
import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 41);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- token shapes ------------------------------------------------------------------------
  const LETTERS = UPPER + LOWER;
  const pw = () => t.password();
  const pwa = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const b64e = (s) => Buffer.from(s).toString('base64');
  const b64u = (s) => Buffer.from(s).toString('base64url');
  const hf = () => `hf_${t.pick(LETTERS, 34)}`;
  const hfOrg = () => `api_org_${t.pick(LETTERS, 34)}`;
  const wandb = () => t.hex(40);
  const wandbLocal = () => `local-${t.hex(40)}`;
  const kaggle = () => t.hex(32);
  const cohere = () => t.alnum(40);
  const replicate = () => `r8_${t.alnum(37)}`;
  const pinecone = () => `pcsk_${t.alnum(6)}_${t.alnum(63)}`;
  const weaviate = () => t.alnum(40);
  const dapi = () => `dapi${t.hex(32)}`;
  const dose = () => `dose${t.hex(32)}`;
  const comet = () => t.alnum(25);
  const neptune = () =>
    b64e(
      JSON.stringify({ api_address: 'https://app.neptune.ai', api_url: 'https://app.neptune.ai', api_key: t.uuid() }),
    );
  const roboflow = () => t.alnum(20);
  const langsmith = () => `lsv2_pt_${t.hex(32)}_${t.hex(10)}`;
  const groq = () => `gsk_${t.alnum(52)}`;
  const ghFine = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`;
  const openaiLegacy = () => `sk-${t.alnum(20)}T3BlbkFJ${t.alnum(20)}`;
  const openaiSvc = () => `sk-svcacct-${t.mixed(URLSAFE, 58)}T3BlbkFJ${t.mixed(URLSAFE, 58)}`;
  const anthAdmin = () => `sk-ant-admin01-${t.mixed(URLSAFE, 93)}AA`;
  const artRef = () => b64e(`reftkn:01:${t.digits(10)}:${t.alnum(27)}`);
  const artKey = () => `AKCp8${t.alnum(68)}`;
  const fury = () => t.alnum(20);
  const slackApp = () => `xapp-1-A${t.mixed(UPPER + DIGIT, 10)}-${t.digits(13)}-${t.hex(64)}`;
  const minioId = () => t.mixed(UPPER + DIGIT, 20);
  const minioSecret = () => t.mixed(ALNUM, 40);
  const confKey = () => t.mixed(UPPER + DIGIT, 16);
  const confSecret = () => t.mixed(B64, 64);
  const clearmlId = () => t.mixed(UPPER + DIGIT, 30);
  const clearmlSecret = () => t.mixed(ALNUM + '!#*-_', 50);
  const azEndpointKey = () => t.alnum(32);
  const azOpenAI = () => t.hex(32);
  const jupyterTok = () => t.hex(48);
  const asia = () => `ASIA${t.mixed(UPPER + '234567', 16)}`;
  const sessionTok = () => `IQoJb3JpZ2luX2VjE${t.mixed(B64, 620)}`;
  const codeartifact = () =>
    `${b64u(JSON.stringify({ ver: 1, isu: 1762161072, enc: 'A128GCM', tag: t.mixed(URLSAFE, 22), exp: 1762204272, alg: 'A128GCMKW', iv: t.mixed(URLSAFE, 16) }))}.${t.mixed(URLSAFE, 22)}.${t.mixed(URLSAFE, 16)}.${t.mixed(URLSAFE, 380)}.${t.mixed(URLSAFE, 22)}`;
  const jwtOf = (header, payload, sigLen = 43) =>
    `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${t.mixed(URLSAFE, sigLen)}`;
  const runId = () => t.pick(LOWER + DIGIT, 8);
  const gocspx = () => `GOCSPX-${t.mixed(URLSAFE, 28)}`;
  const acct = () => t.digits(12);

  // ---- notebook writer ----------------------------------------------------------------------
  const S = (code, kind, value) => ({ code, kind, value });
  const D = (code, what) => ({ code, kind: 'decoy', what });
  const J = JSON.stringify;
  const emit = (f, items, indent) => {
    items.forEach((it, i) => {
      const last = i === items.length - 1;
      const raw = typeof it === 'string' ? it : it.code;
      const line = `${indent}${J(last ? raw : raw + '\n')}${last ? '' : ','}`;
      if (typeof it === 'string') f.l(line);
      else if (it.kind === 'decoy') f.d(line, it.what);
      else f.s(line, it.kind, it.value);
    });
  };
  const notebook = (path, cells, colab = false) => {
    const f = repo.file(path, 'notebook');
    f.l('{', ' "cells": [');
    cells.forEach((c, ci) => {
      f.l('  {', `   "cell_type": "${c.md ? 'markdown' : 'code'}",`);
      if (!c.md) f.l(`   "execution_count": ${c.n ?? 'null'},`);
      f.l(`   "id": "${t.pick(HEX, 8)}",`, '   "metadata": {},');
      if (!c.md) {
        if (!c.out || c.out.length === 0) f.l('   "outputs": [],');
        else {
          f.l('   "outputs": [');
          c.out.forEach((o, oi) => {
            const close = oi === c.out.length - 1 ? '    }' : '    },';
            if (o.stream) {
              f.l('    {', `     "name": "${o.name ?? 'stdout'}",`, '     "output_type": "stream",', '     "text": [');
              emit(f, o.stream, '      ');
              f.l('     ]', close);
            } else if (o.widget) {
              f.l('    {', '     "data": {', '      "application/vnd.jupyter.widget-view+json": {');
              f.d(`       "model_id": "${t.pick(HEX, 32)}",`, 'ipywidgets model id');
              f.l('       "version_major": 2,', '       "version_minor": 0', '      },');
              f.l(`      "text/plain": [`, `       "${o.widget}"`, '      ]', '     },');
              f.l('     "metadata": {},', '     "output_type": "display_data"', close);
            } else if (o.png) {
              f.l('    {', '     "data": {');
              f.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image output');
              f.l(
                '      "text/plain": [',
                '       "<PIL.Image.Image image mode=RGB size=1024x1024>"',
                '      ]',
                '     },',
              );
              f.l('     "metadata": {},', '     "output_type": "display_data"', close);
            } else if (o.result) {
              f.l('    {', '     "data": {', '      "text/plain": [');
              emit(f, o.result, '       ');
              f.l('      ]', '     },', `     "execution_count": ${c.n},`, '     "metadata": {},');
              f.l('     "output_type": "execute_result"', close);
            }
          });
          f.l('   ],');
        }
      }
      f.l('   "source": [');
      emit(f, c.src, '    ');
      f.l('   ]', ci === cells.length - 1 ? '  }' : '  },');
    });
    f.l(' ],', ' "metadata": {');
    if (colab) f.l('  "accelerator": "GPU",', '  "colab": {"gpuType": "A100", "provenance": []},');
    f.l(
      '  "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},',
      '  "language_info": {"name": "python", "version": "3.11.9"}',
      ' },',
      ' "nbformat": 4,',
      ' "nbformat_minor": 5',
      '}',
    );
    return f;
  };

  // ---- notebooks ------------------------------------------------------------------------------
  {
    const ref = artRef();
    const wk = wandb();
    const hft = hf();
    const rid = runId();
    notebook(
      'notebooks/llm/finetune-llama-lora.ipynb',
      [
        {
          n: 1,
          src: [
            S(
              `!pip install -q --extra-index-url https://ml-bot:${ref}@acme.jfrog.io/artifactory/api/pypi/pypi-ml/simple acme-train==2.3.1`,
              'artifactory',
              ref,
            ),
            '!pip install -q transformers==4.44.2 peft==0.12.0 bitsandbytes==0.43.3 accelerate',
          ],
        },
        {
          n: 2,
          out: [{ stream: ['env: WANDB_API_KEY=...', 'env: WANDB_PROJECT=llama-lora'] }],
          src: [
            S(`%env WANDB_API_KEY=${wk}`, 'wandb', wk),
            '%env WANDB_PROJECT=llama-lora',
            '%env HF_HOME=/content/hf',
          ],
        },
        {
          n: 3,
          out: [
            {
              stream: [
                D('Token is valid (permission: write).', 'hub login output'),
                D('Your token has been saved to /root/.cache/huggingface/token', 'hub login output'),
                'Login successful',
              ],
            },
          ],
          src: ['from huggingface_hub import login', S(`login(token="${hft}")`, 'huggingface', hft)],
        },
        {
          n: 4,
          out: [
            { widget: 'tokenizer_config.json:   0%|          | 0.00/55.4k [00:00<?, ?B/s]' },
            { widget: 'model-00001-of-00004.safetensors:   0%|          | 0.00/4.98G' },
          ],
          src: [
            D('model_id = "meta-llama/Meta-Llama-3.1-8B-Instruct"', 'public hf repo name'),
            D(`revision = "${t.sha1()}"`, 'hf commit sha'),
            'tokenizer = AutoTokenizer.from_pretrained(model_id, revision=revision)',
            'model = AutoModelForCausalLM.from_pretrained(model_id, revision=revision, torch_dtype=torch.bfloat16)',
          ],
        },
        {
          n: 5,
          out: [
            {
              name: 'stderr',
              stream: [
                D(
                  'wandb: Currently logged in as: priya-n (acme-ml). Use `wandb login --relogin` to force relogin',
                  'wandb output',
                ),
                D('wandb: Tracking run with wandb version 0.17.9', 'wandb output'),
                D(`wandb: Run data is saved locally in /content/wandb/run-20261103_101112-${rid}`, 'wandb run id'),
                D(`wandb: 🚀 View run at https://wandb.ai/acme-ml/llama-lora/runs/${rid}`, 'wandb run url'),
              ],
            },
          ],
          src: ['import wandb', 'run = wandb.init(project="llama-lora", config=cfg)'],
        },
        {
          md: true,
          src: [
            '## Push the adapter',
            '',
            D(
              'Put `HF_TOKEN` in the Colab secrets panel (the key icon); never paste an `hf_...` token into a cell.',
              'prose placeholder',
            ),
          ],
        },
        {
          n: 7,
          src: [
            D('from google.colab import userdata', 'import'),
            D('HF_TOKEN = userdata.get("HF_TOKEN")', 'colab secret lookup'),
            'model.push_to_hub("acme-ml/llama3-8b-support-lora", token=HF_TOKEN, private=True)',
          ],
        },
      ],
      true,
    );
  }
  {
    const oa = t.openai();
    const oa2 = t.openai();
    const co = cohere();
    const co2 = cohere();
    const pc = pinecone();
    const wv = weaviate();
    const ls = langsmith();
    notebook('notebooks/eval/rag-eval-pinecone.ipynb', [
      {
        n: 1,
        src: [
          'import os',
          'import cohere',
          'from pinecone import Pinecone',
          S(`os.environ["OPENAI_API_KEY"] = "${oa}"`, 'openai', oa),
          S(`os.environ["COHERE_API_KEY"] = "${co}"`, 'cohere', co),
          S(`pc = Pinecone(api_key="${pc}")`, 'pinecone', pc),
          D(
            `index = pc.Index(host="https://support-kb-${t.lower(7)}.svc.aped-4627-b74a.pinecone.io")`,
            'pinecone index host',
          ),
        ],
      },
      {
        n: 2,
        src: [
          S(`co = cohere.Client("${co2}")`, 'cohere', co2),
          'reranked = co.rerank(model="rerank-english-v3.0", query=q, documents=docs, top_n=8)',
        ],
      },
      {
        n: 3,
        src: [
          'import weaviate',
          'from weaviate.classes.init import Auth',
          'client = weaviate.connect_to_weaviate_cloud(',
          D(`    cluster_url="https://${t.lower(10)}.c0.us-east1.gcp.weaviate.cloud",`, 'cluster url'),
          S(`    auth_credentials=Auth.api_key("${wv}"),`, 'weaviate', wv),
          D('    headers={"X-OpenAI-Api-Key": os.environ["OPENAI_API_KEY"]},', 'env reference'),
          ')',
        ],
      },
      {
        n: 4,
        out: [
          {
            stream: [
              "{'embedding_model': 'text-embedding-3-large',",
              S(` 'openai_api_key': '${oa2}',`, 'openai', oa2),
              D(" 'pinecone_api_key': SecretStr('**********'),", 'masked SecretStr repr'),
              " 'top_k': 8}",
            ],
          },
        ],
        src: ['from rag_eval.settings import settings', 'pprint(settings.model_dump())'],
      },
      {
        n: 5,
        src: [
          S(`%env LANGCHAIN_API_KEY=${ls}`, 'langsmith', ls),
          '%env LANGCHAIN_TRACING_V2=true',
          '%env LANGCHAIN_PROJECT=rag-eval',
        ],
      },
    ]);
  }
  {
    const kg = kaggle();
    const rf = roboflow();
    notebook('notebooks/data/kaggle-download.ipynb', [
      {
        n: 1,
        src: [
          S(`!mkdir -p ~/.kaggle && echo '{"username":"acmeml","key":"${kg}"}' > ~/.kaggle/kaggle.json`, 'kaggle', kg),
          '!chmod 600 ~/.kaggle/kaggle.json',
          D('!kaggle competitions download -c rsna-2024-lumbar-spine-degenerative-classification', 'competition slug'),
        ],
        out: [
          {
            stream: [
              'Downloading rsna-2024-lumbar-spine-degenerative-classification.zip to /content',
              D('100%|██████████| 25.1G/25.1G [04:12<00:00, 107MB/s]', 'progress bar'),
            ],
          },
        ],
      },
      {
        n: 2,
        src: [
          'from roboflow import Roboflow',
          S(`rf = Roboflow(api_key="${rf}")`, 'roboflow', rf),
          D('project = rf.workspace("acme-vision").project("weld-defects")', 'workspace/project ids'),
          D('dataset = project.version(7).download("yolov8")', 'dataset version'),
        ],
        out: [{ stream: ['loading Roboflow workspace...', 'loading Roboflow project...'] }],
      },
    ]);
  }
  {
    const ak = t.awsId();
    const as = t.awsSecret();
    const hft = hf();
    const wk = wandb();
    notebook('notebooks/experiments/sagemaker-train.ipynb', [
      {
        n: 1,
        src: [
          'import boto3, sagemaker',
          'sess = boto3.Session(',
          S(`    aws_access_key_id="${ak}",`, 'aws', ak),
          S(`    aws_secret_access_key="${as}",`, 'aws', as),
          '    region_name="us-west-2",',
          ')',
          D(
            `role = "arn:aws:iam::${acct()}:role/service-role/AmazonSageMaker-ExecutionRole-20240611T101010"`,
            'role arn',
          ),
        ],
      },
      {
        n: 2,
        src: [
          'from sagemaker.huggingface import HuggingFace',
          'est = HuggingFace(',
          '    entry_point="train.py", source_dir="src", instance_type="ml.p4d.24xlarge",',
          '    transformers_version="4.36", pytorch_version="2.1", py_version="py310",',
          '    environment={',
          S(`        "HF_TOKEN": "${hft}",`, 'huggingface', hft),
          S(`        "WANDB_API_KEY": "${wk}",`, 'wandb', wk),
          '    },',
          ')',
          'est.fit({"train": "s3://acme-ml-datasets/support-sft/v7/"})',
        ],
        out: [
          {
            name: 'stderr',
            stream: [
              D(
                'INFO:sagemaker:Creating training-job with name: huggingface-pytorch-training-2026-11-03-10-11-12-345',
                'job name',
              ),
              '2026-11-03 10:12:01 Starting - Starting the training job...',
            ],
          },
        ],
      },
    ]);
  }
  {
    const p1 = pw();
    const p2 = pwa();
    const db = dapi();
    notebook('notebooks/warehouse/snowflake-features.ipynb', [
      {
        n: 1,
        src: [
          'import snowflake.connector',
          S(
            `conn = snowflake.connector.connect(account="acme-ml_prod", user="SVC_FEATURES", password="${p1}", warehouse="ML_WH", database="FEATURES")`,
            'generic',
            p1,
          ),
          S(
            `engine = create_engine("snowflake://SVC_FEATURES:${p2}@acme-ml_prod/FEATURES/PUBLIC?warehouse=ML_WH&role=ML_RW")`,
            'database',
            p2,
          ),
        ],
      },
      {
        n: 2,
        src: [
          'from databricks import sql',
          'connection = sql.connect(',
          D(`    server_hostname="adb-${t.digits(16)}.${t.digits(1)}.azuredatabricks.net",`, 'workspace host'),
          D(`    http_path="/sql/1.0/warehouses/${t.pick(HEX, 16)}",`, 'warehouse path'),
          S(`    access_token="${db}",`, 'databricks', db),
          ')',
          D('sf_pw = dbutils.secrets.get(scope="ml-prod", key="snowflake-password")', 'dbutils secret lookup'),
        ],
        out: [
          {
            result: [
              '   entity_id                              f_7d_sessions  f_30d_spend',
              D(`0  ${t.uuid()}  14             212.40`, 'entity uuid'),
              D(`1  ${t.uuid()}  3              18.00`, 'entity uuid'),
            ],
          },
        ],
      },
    ]);
  }
  {
    const cs = t.azureClientSecret();
    const azk = t.azureStorageKey();
    const ek = azEndpointKey();
    const aoai = azOpenAI();
    notebook('notebooks/research/azureml-endpoint.ipynb', [
      {
        n: 1,
        src: [
          'from azure.identity import ClientSecretCredential',
          'from azure.ai.ml import MLClient',
          S(`credential = ClientSecretCredential("${t.uuid()}", "${t.uuid()}", "${cs}")`, 'azure', cs),
          D(
            `ml_client = MLClient(credential, subscription_id="${t.uuid()}", resource_group_name="rg-ml-prod", workspace_name="mlw-prod")`,
            'subscription id',
          ),
        ],
      },
      {
        n: 2,
        src: [
          'from azure.storage.blob import BlobServiceClient',
          S(
            `blob = BlobServiceClient.from_connection_string("DefaultEndpointsProtocol=https;AccountName=acmemlprod;AccountKey=${azk};EndpointSuffix=core.windows.net")`,
            'azure',
            azk,
          ),
        ],
      },
      {
        n: 3,
        src: [
          D('url = "https://llm-router.eastus2.inference.ml.azure.com/score"', 'endpoint url'),
          S(
            `headers = {"Content-Type": "application/json", "Authorization": "Bearer ${ek}", "azureml-model-deployment": "blue"}`,
            'azure',
            ek,
          ),
          'r = requests.post(url, json=payload, headers=headers, timeout=30)',
        ],
        out: [{ stream: ['200 {"output": "The refund policy allows returns within 30 days."}'] }],
      },
      {
        n: 4,
        src: [
          S(`%env AZURE_OPENAI_API_KEY=${aoai}`, 'azure', aoai),
          '%env AZURE_OPENAI_ENDPOINT=https://acme-ml-eastus2.openai.azure.com/',
          D('%env OPENAI_API_VERSION=2024-06-01', 'api version'),
        ],
      },
    ]);
  }
  {
    const cm = comet();
    const nt = neptune();
    const mp = pwa();
    const ek = t.hex(32);
    notebook('notebooks/tracking/comet-neptune-compare.ipynb', [
      {
        n: 1,
        src: [
          'import comet_ml',
          S(
            `experiment = comet_ml.Experiment(api_key="${cm}", project_name="detr-finetune", workspace="acme-ml")`,
            'comet',
            cm,
          ),
        ],
        out: [
          {
            name: 'stderr',
            stream: [
              D(
                `COMET INFO: Experiment is live on comet.com https://www.comet.com/acme-ml/detr-finetune/${ek}`,
                'comet experiment key',
              ),
            ],
          },
        ],
      },
      {
        n: 2,
        src: [D(`prev = comet_ml.ExistingExperiment(previous_experiment="${ek}")`, 'comet experiment key')],
      },
      {
        n: 3,
        src: ['import neptune', S(`run = neptune.init_run(project="acme-ml/detr", api_token="${nt}")`, 'neptune', nt)],
        out: [{ stream: [D('https://app.neptune.ai/acme-ml/detr/e/DETR-1423', 'neptune run url')] }],
      },
      {
        n: 4,
        src: [
          'import mlflow',
          S(`mlflow.set_tracking_uri("https://mlflow-admin:${mp}@mlflow.acme-ml.ai")`, 'generic', mp),
          D(`with mlflow.start_run(run_id="${t.hex(32)}"):`, 'mlflow run id'),
          '    mlflow.log_metric("map50", 0.612)',
        ],
      },
    ]);
  }
  {
    const rp = replicate();
    const an = t.anthropic();
    const hft = hf();
    notebook('notebooks/genai/replicate-sdxl.ipynb', [
      {
        n: 1,
        src: [
          S(`%env REPLICATE_API_TOKEN=${rp}`, 'replicate', rp),
          'import replicate',
          D(
            `out = replicate.run("stability-ai/sdxl:${t.pick(HEX, 64)}", input={"prompt": prompt})`,
            'replicate version id',
          ),
        ],
        out: [{ png: true }],
      },
      {
        n: 2,
        src: [
          'import anthropic',
          S(`client = anthropic.Anthropic(api_key="${an}")`, 'anthropic', an),
          D(
            'msg = client.messages.create(model="claude-3-5-sonnet-20241022", max_tokens=1024, messages=msgs)',
            'model name',
          ),
        ],
      },
      {
        n: 3,
        src: [S(`!curl -s -H "Authorization: Bearer ${hft}" https://huggingface.co/api/whoami-v2`, 'huggingface', hft)],
        out: [
          {
            stream: [
              D(
                '{"type":"user","name":"dmitri-k","auth":{"type":"access_token","accessToken":{"displayName":"colab","role":"write"}}}',
                'whoami output',
              ),
            ],
          },
        ],
      },
    ]);
  }
  {
    const hft = hf();
    const jt = jupyterTok();
    notebook('notebooks/infra/ray-cluster-debug.ipynb', [
      {
        n: 1,
        src: [
          'import ray',
          S(
            `ray.init(address="ray://ray-head.ml.svc:10001", runtime_env={"env_vars": {"HF_TOKEN": "${hft}"}})`,
            'huggingface',
            hft,
          ),
        ],
        out: [
          {
            name: 'stderr',
            stream: [
              D(
                '2026-11-04 09:00:01,123\tINFO worker.py:1596 -- Connected to Ray cluster. View the dashboard at http://10.0.3.14:8265 ',
                'ray output',
              ),
            ],
          },
        ],
      },
      {
        n: 2,
        src: ['!jupyter server list', '!nvidia-smi -L'],
        out: [
          {
            stream: [
              'Currently running servers:',
              S(`http://ml-ws-7:8888/?token=${jt} :: /home/jovyan`, 'generic', jt),
              D(`GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-${t.uuid()})`, 'gpu uuid'),
              D(`GPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-${t.uuid()})`, 'gpu uuid'),
            ],
          },
        ],
      },
    ]);
  }
  {
    const wl = wandbLocal();
    const gl = t.gitlab();
    const fy = fury();
    notebook('notebooks/onboarding/00-setup.ipynb', [
      {
        md: true,
        src: ['# Workstation setup', '', 'Run each cell once. Keys come from 1Password, vault `ml-platform`.'],
      },
      {
        n: 1,
        src: [
          'import os, getpass',
          D('os.environ["WANDB_API_KEY"] = getpass.getpass("W&B API key: ")', 'getpass'),
          D('%env OPENAI_API_KEY=<your-openai-key>', 'placeholder'),
          D('!huggingface-cli login --token $HF_TOKEN', 'shell variable'),
          D('!wandb login --relogin $WANDB_API_KEY', 'shell variable'),
        ],
      },
      {
        n: 2,
        src: [S(`!wandb login --host=https://wandb.acme-ml.ai ${wl}`, 'wandb', wl)],
        out: [
          {
            name: 'stderr',
            stream: [
              D('wandb: Appending key for wandb.acme-ml.ai to your netrc file: /home/jovyan/.netrc', 'wandb output'),
            ],
          },
        ],
      },
      {
        n: 3,
        src: [
          S(`!git clone https://oauth2:${gl}@gitlab.acme-ml.ai/research/kernels.git`, 'gitlab', gl),
          S(`!pip config set global.extra-index-url https://${fy}@pypi.fury.io/acme-ml/`, 'gemfury', fy),
        ],
      },
    ]);
  }

  // ---- python: settings, hydra, tracking ----------------------------------------------------
  {
    const f = repo.file('src/acme_ml/settings.py', 'python');
    const pc = pinecone();
    const mp = pw();
    const sw = t.slackWebhook();
    const co = cohere();
    f.l(
      'from pydantic import Field, SecretStr',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      '',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")',
      '',
    );
    f.d('    wandb_api_key: SecretStr = Field(..., alias="WANDB_API_KEY")', 'field without value');
    f.d('    openai_api_key: SecretStr | None = None', 'field without value');
    f.s(`    pinecone_api_key: SecretStr = SecretStr("${pc}")`, 'pinecone', pc);
    f.d('    pinecone_index: str = "support-kb"', 'index name');
    f.l('    mlflow_tracking_username: str = "svc-train"');
    f.s(`    mlflow_tracking_password: str = "${mp}"`, 'generic', mp);
    f.s(`    slack_alerts_webhook: str = "${sw}"`, 'slack', sw);
    f.s(`    cohere_api_key: str = Field(default="${co}", description="rerank only")`, 'cohere', co);
    f.d('    hf_hub_cache: str = "/mnt/hf-cache"', 'path');
    f.d('    hf_token: SecretStr = Field(default=SecretStr(""), validation_alias="HF_TOKEN")', 'empty default');
    f.l('', '', 'settings = Settings()');
  }
  {
    const f = repo.file('src/acme_ml/constants.py', 'python');
    f.l('"""Shared identifiers. Nothing secret lives here."""', '');
    f.d('WANDB_ENTITY = "acme-ml"', 'entity');
    f.d(`BASELINE_WANDB_RUN = "acme-ml/llama-pretrain/${runId()}"`, 'wandb run path');
    f.d(`BASELINE_MLFLOW_RUN_ID = "${t.hex(32)}"`, 'mlflow run id');
    f.d(`EMBEDDING_MODEL_SHA256 = "${t.sha256()}"`, 'checkpoint sha');
    f.d(`OPENAI_ORG_ID = "org-${t.alnum(24)}"`, 'openai org id');
    f.d(`OPENAI_PROJECT_ID = "proj_${t.alnum(24)}"`, 'openai project id');
    f.d('HF_TOKEN_ENV = "HF_TOKEN"', 'env var name');
    f.d('WANDB_API_KEY_LENGTH = 40', 'number');
    f.d(`TOKENIZER_REVISION = "${t.sha1()}"`, 'hf revision');
    f.d(`DATASET_MANIFEST_MD5 = "${t.pick(HEX, 32)}"`, 'dataset hash');
  }
  {
    const f = repo.file('src/acme_ml/tracking/mlflow_setup.py', 'python');
    const mp = pw();
    const db = dapi();
    f.l('import os', '', 'import mlflow', '', '', 'def configure(env: str = "prod") -> None:');
    f.l('    os.environ.setdefault("MLFLOW_TRACKING_URI", "https://mlflow.acme-ml.ai")');
    f.l('    os.environ.setdefault("MLFLOW_TRACKING_USERNAME", "svc-train")');
    f.s(`    os.environ.setdefault("MLFLOW_TRACKING_PASSWORD", "${mp}")`, 'generic', mp);
    f.l('    if env == "databricks":', '        os.environ["MLFLOW_TRACKING_URI"] = "databricks"');
    f.s(`        os.environ["DATABRICKS_TOKEN"] = "${db}"`, 'databricks', db);
    f.d(`    mlflow.set_experiment(experiment_id="${t.digits(16)}")`, 'experiment id');
    f.d('    mlflow.set_tag("mlflow.source.git.commit", os.environ.get("GIT_SHA", "unknown"))', 'env reference');
  }
  {
    const f = repo.file('src/acme_ml/alerts/slack.py', 'python');
    const sb = t.slackBot();
    const sa = slackApp();
    f.l('from slack_sdk import WebClient', 'from slack_bolt.adapter.socket_mode import SocketModeHandler', '');
    f.s(`client = WebClient(token="${sb}")`, 'slack', sb);
    f.s(`APP_TOKEN = "${sa}"`, 'slack', sa);
    f.d('CHANNEL = "C04QWERTY12"', 'channel id');
  }
  {
    const f = repo.file('src/acme_ml/serving/clients.py', 'python');
    const an = anthAdmin();
    const gq = groq();
    const oas = openaiSvc();
    f.l('import os', '', 'import httpx', 'from openai import OpenAI', '');
    f.s(`openai_client = OpenAI(api_key=os.getenv("OPENAI_API_KEY", "${oas}"))`, 'openai', oas);
    f.d('anthropic_headers = {"x-api-key": os.environ["ANTHROPIC_API_KEY"], "anthropic-version": "2023-06-01"}', 'env');
    f.s(`ADMIN_HEADERS = {"x-api-key": "${an}", "anthropic-version": "2023-06-01"}`, 'anthropic', an);
    f.s(
      `groq = httpx.Client(base_url="https://api.groq.com/openai/v1", headers={"Authorization": "Bearer ${gq}"})`,
      'groq',
      gq,
    );
    f.d('EMBED_MODEL = "text-embedding-3-large"', 'model name');
  }
  {
    const f = repo.file('src/acme_ml/data/storage.py', 'python');
    const ak = t.awsId();
    const as = t.awsSecret();
    const sas = t.azureSasSig();
    f.l('import fsspec', '', '');
    f.l('def s3_fs():', '    return fsspec.filesystem(', '        "s3",');
    f.s(`        key="${ak}",`, 'aws', ak);
    f.s(`        secret="${as}",`, 'aws', as);
    f.l('        client_kwargs={"region_name": "us-west-2"},', '    )', '', '');
    f.s(
      `SHARD_URL = "https://acmemldata.blob.core.windows.net/shards/webtext-00001.tar?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig=${sas}"`,
      'azure',
      sas,
    );
    f.d('PUBLIC_URL = "https://acmemldata.blob.core.windows.net/public/README.md"', 'url without sas');
  }
  {
    const f = repo.file('tests/fixtures/credentials.py', 'python');
    f.l('"""Obviously fake values for unit tests of the redaction helpers."""', '');
    f.d('FAKE_HF_TOKEN = "hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', 'fake');
    f.d('FAKE_WANDB_KEY = "0" * 40', 'fake');
    f.d('FAKE_OPENAI_KEY = "sk-proj-" + "x" * 100', 'fake');
    f.d('FAKE_KAGGLE = {"username": "test-user", "key": "00000000000000000000000000000000"}', 'fake');
  }

  // hydra / omegaconf
  {
    const f = repo.file('configs/config.yaml', 'hydra');
    f.l('defaults:', '  - model: llama3_8b', '  - trainer: fsdp', '  - logger: wandb', '  - _self_', '', 'wandb:');
    f.l('  project: llama-pretrain', '  entity: acme-ml');
    f.d('  api_key: ${oc.env:WANDB_API_KEY}', 'oc.env reference');
    f.d('  resume_id: null', 'null');
    f.l('hf:');
    f.d('  token: ${oc.env:HF_TOKEN,null}', 'oc.env reference');
    f.l('openai:');
    f.d('  api_key: ???', 'hydra mandatory value');
    f.l('seed: 1337');
  }
  {
    const f = repo.file('configs/logger/wandb_onprem.yaml', 'hydra');
    const wl = wandbLocal();
    f.l('_target_: lightning.pytorch.loggers.WandbLogger', 'project: llama-pretrain', 'entity: acme-ml');
    f.l('settings:', '  base_url: https://wandb.acme-ml.ai');
    f.s(`  api_key: \${oc.env:WANDB_API_KEY,${wl}}`, 'wandb', wl);
  }
  {
    const f = repo.file('configs/experiment/sft_prod.yaml', 'hydra');
    const hft = hf();
    const mp = pw();
    const ak = minioId();
    const as = minioSecret();
    f.l('# @package _global_', 'defaults:', '  - override /model: llama3_8b', '', 'trainer:', '  max_steps: 12000');
    f.s(`hf_token: ${hft}`, 'huggingface', hft);
    f.l('mlflow:', '  tracking_uri: https://mlflow.acme-ml.ai', '  username: svc-train');
    f.s(`  password: "${mp}"`, 'generic', mp);
    f.l('data:', '  storage_options:', '    client_kwargs:', '      endpoint_url: http://minio.ml.svc:9000');
    f.s(`    key: ${ak}`, 'minio', ak, 'warning');
    f.s(`    secret: ${as}`, 'minio', as, 'warning');
  }
  {
    const f = repo.file('configs/model/llama3_8b.yaml', 'hydra');
    f.l('_target_: transformers.AutoModelForCausalLM.from_pretrained');
    f.d('pretrained_model_name_or_path: meta-llama/Meta-Llama-3.1-8B', 'public hf repo');
    f.d(`revision: ${t.sha1()}`, 'hf revision');
    f.d(`tokenizer_sha256: ${t.sha256()}`, 'tokenizer hash');
    f.l('torch_dtype: bfloat16', 'attn_implementation: flash_attention_2');
  }
  {
    const wk = wandb();
    const hft = hf();
    const f = repo.file('outputs/2026-11-03/10-11-12/.hydra/config.yaml', 'hydra');
    f.l('wandb:', '  project: llama-pretrain', '  entity: acme-ml');
    f.s(`  api_key: ${wk}`, 'wandb', wk);
    f.d('  resume_id: null', 'null');
    f.l('hf:', '  token: null', 'seed: 1337');
    const o = repo.file('outputs/2026-11-03/10-11-12/.hydra/overrides.yaml', 'hydra');
    o.l('- experiment=sft_prod');
    o.s(`- +hf.token=${hft}`, 'huggingface', hft);
    o.l('- trainer.max_steps=200');
  }

  // ---- mlflow, ray, kubeflow, feast, dvc --------------------------------------------------------
  {
    const f = repo.file('deploy/mlflow/basic_auth.ini', 'mlflow');
    const ap = pw();
    f.l('[mlflow]', 'default_permission = READ', 'database_uri = sqlite:///basic_auth.db', 'admin_username = admin');
    f.s(`admin_password = ${ap}`, 'generic', ap);
    f.l('authorization_function = mlflow.server.auth:authenticate_request_basic_auth');
  }
  {
    const f = repo.file('infra/ray/cluster-aws.yaml', 'ray');
    const wk = wandb();
    const ca = codeartifact();
    const rp = pwa();
    const acc = acct();
    f.l('cluster_name: acme-train', 'max_workers: 16', 'provider:', '  type: aws', '  region: us-west-2', 'auth:');
    f.l('  ssh_user: ubuntu');
    f.d('  ssh_private_key: ~/.ssh/ray-autoscaler_us-west-2.pem', 'key path');
    f.l('setup_commands:');
    f.s(`  - echo 'export WANDB_API_KEY=${wk}' >> ~/.bashrc`, 'wandb', wk);
    f.s(
      `  - pip install --extra-index-url https://aws:${ca}@acme-ml-${acc}.d.codeartifact.us-west-2.amazonaws.com/pypi/ml/simple/ acme-train==2.3.1`,
      'aws',
      ca,
    );
    f.l('head_start_ray_commands:', '  - ray stop');
    f.s(`  - ray start --head --port=6379 --redis-password='${rp}' --dashboard-host=0.0.0.0`, 'generic', rp);
    f.l('worker_start_ray_commands:', '  - ray stop');
    f.d('  - ray start --address=$RAY_HEAD_IP:6379 --redis-password="$RAY_REDIS_PASSWORD"', 'variable');
  }
  {
    const f = repo.file('deploy/kuberay/raycluster-train.yaml', 'ray');
    const hft = hf();
    f.l(
      'apiVersion: ray.io/v1',
      'kind: RayCluster',
      'metadata:',
      '  name: train-a100',
      'spec:',
      '  headGroupSpec:',
      '    rayStartParams:',
      "      dashboard-host: '0.0.0.0'",
      '    template:',
      '      spec:',
      '        containers:',
      '          - name: ray-head',
    );
    f.d(`            image: rayproject/ray-ml:2.34.0-py311-gpu@sha256:${t.sha256()}`, 'image digest');
    f.l('            env:', '              - name: HF_TOKEN');
    f.s(`                value: ${hft}`, 'huggingface', hft);
    f.l('              - name: WANDB_API_KEY', '                valueFrom:', '                  secretKeyRef:');
    f.d('                    name: wandb-api-key', 'secret ref');
    f.d('                    key: api-key', 'secret ref');
  }
  {
    const f = repo.file('jobs/ray/runtime_env.json', 'ray');
    const oa = t.openai();
    f.l('{', '  "working_dir": ".",', '  "pip": ["vllm==0.6.1", "datasets==2.21.0"],', '  "env_vars": {');
    f.s(`    "OPENAI_API_KEY": "${oa}",`, 'openai', oa);
    f.l('    "VLLM_WORKER_MULTIPROC_METHOD": "spawn"', '  }', '}');
  }
  {
    const f = repo.file('pipelines/kfp/train_pipeline.py', 'kubeflow');
    const wk = wandb();
    const idt = jwtOf(
      { alg: 'RS256', kid: t.hex(40), typ: 'JWT' },
      {
        iss: 'https://dex.acme-ml.ai',
        sub: t.lower(26),
        aud: 'kubeflow-oidc-authservice',
        exp: 2079907200,
        email: 'svc-pipelines@acme-ml.ai',
      },
      342,
    );
    f.l('import kfp', 'from kfp import dsl, kubernetes', '', '', '@dsl.pipeline(name="sft-train")');
    f.l('def pipeline(dataset: str = "s3://acme-ml-datasets/support-sft/v7/"):');
    f.l('    task = train_op(dataset=dataset).set_accelerator_type("nvidia.com/gpu").set_accelerator_limit(8)');
    f.s(`    task.set_env_variable(name="WANDB_API_KEY", value="${wk}")`, 'wandb', wk);
    f.d('    task.set_env_variable(name="HF_HOME", value="/cache/hf")', 'plain setting');
    f.d(
      '    kubernetes.use_secret_as_env(task, secret_name="hf-token", secret_key_to_env={"token": "HF_TOKEN"})',
      'secret ref',
    );
    f.l('', '', 'if __name__ == "__main__":');
    f.s(
      `    client = kfp.Client(host="https://kubeflow.acme-ml.ai/pipeline", existing_token="${idt}")`,
      'generic',
      idt,
    );
    f.d(`    client.get_run(run_id="${t.uuid()}")`, 'run id');
  }
  {
    const f = repo.file('pipelines/kfp/compiled/train_pipeline.yaml', 'kubeflow');
    const wk = wandb();
    f.l('# PIPELINE DEFINITION', '# Name: sft-train', 'deploymentSpec:', '  executors:', '    exec-train-op:');
    f.l(
      '      container:',
      '        command: ["python", "-m", "acme_train.sft"]',
      '        env:',
      '        - name: WANDB_API_KEY',
    );
    f.s(`          value: ${wk}`, 'wandb', wk);
    f.l('        - name: HF_HOME', '          value: /cache/hf');
    f.d(`        image: us-docker.pkg.dev/acme-ml-prod/train/sft@sha256:${t.sha256()}`, 'image digest');
  }
  {
    const f = repo.file('feature_repo/feature_store.yaml', 'feast');
    const p1 = pwa();
    const p2 = pwa();
    const p3 = pw();
    f.l('project: acme_features', 'registry:', '  registry_type: sql');
    f.s(`  path: postgresql://feast:${p1}@feast-registry.internal:5432/feast`, 'database', p1);
    f.l('  cache_ttl_seconds: 60', 'provider: aws', 'online_store:', '  type: redis');
    f.s(
      `  connection_string: "ml-online.x7k2pq.ng.0001.usw2.cache.amazonaws.com:6379,ssl=true,password=${p2}"`,
      'generic',
      p2,
    );
    f.l('offline_store:', '  type: snowflake.offline', '  account: acme-ml_prod', '  user: SVC_FEAST');
    f.s(`  password: ${p3}`, 'generic', p3);
    f.l('  role: FEAST_ROLE', '  warehouse: FEAST_WH', '  database: FEATURES', 'entity_key_serialization_version: 2');
    const g = repo.file('feature_repo/feature_store.staging.yaml', 'feast');
    g.l(
      'project: acme_features_staging',
      'registry: s3://acme-ml-feast-staging/registry.db',
      'online_store:',
      '  type: redis',
    );
    g.d('  connection_string: ${REDIS_CONNECTION_STRING}', 'env substitution');
    g.l('offline_store:', '  type: snowflake.offline', '  user: SVC_FEAST_STG');
    g.d('  password: ${SNOWFLAKE_PASSWORD}', 'env substitution');
  }
  {
    const f = repo.file('.dvc/config', 'dvc');
    f.l(
      '[core]',
      '    remote = s3store',
      '    autostage = true',
      `['remote "s3store"']`,
      '    url = s3://acme-ml-datasets/dvc',
    );
    f.l(`['remote "azstore"']`, '    url = azure://datasets/dvc', '    account_name = acmemldata');
    f.l(`['remote "gdrive"']`);
    f.d(`    url = gdrive://1${t.mixed(URLSAFE, 32)}`, 'drive folder id');
    f.d(`    gdrive_client_id = ${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`, 'oauth client id');
    const g = repo.file('.dvc/config.local', 'dvc');
    const ak = t.awsId();
    const as = t.awsSecret();
    const azk = t.azureStorageKey();
    const gs = gocspx();
    const np = pw();
    const mi = minioId();
    const ms = minioSecret();
    g.l(`['remote "s3store"']`);
    g.s(`    access_key_id = ${ak}`, 'aws', ak);
    g.s(`    secret_access_key = ${as}`, 'aws', as);
    g.l(`['remote "azstore"']`);
    g.s(
      `    connection_string = DefaultEndpointsProtocol=https;AccountName=acmemldata;AccountKey=${azk};EndpointSuffix=core.windows.net`,
      'azure',
      azk,
    );
    g.l(`['remote "gdrive"']`);
    g.s(`    gdrive_client_secret = ${gs}`, 'google', gs);
    g.l(`['remote "nas"']`, '    url = ssh://dvc@nas.acme-ml.internal/volume1/dvc');
    g.s(`    password = ${np}`, 'generic', np);
    g.l(`['remote "minio"']`, '    url = s3://dvc', '    endpointurl = http://minio.lab.acme-ml.internal:9000');
    g.s(`    access_key_id = ${mi}`, 'minio', mi, 'warning');
    g.s(`    secret_access_key = ${ms}`, 'minio', ms, 'warning');
  }
  {
    for (const [name, files] of [
      ['imagenet-subset', 12811],
      ['support-sft-v7', 4],
      ['weld-defects-v7', 2240],
    ]) {
      const f = repo.file(`data/raw/${name}.dvc`, 'dvc');
      f.l('outs:');
      f.d(`- md5: ${t.pick(HEX, 32)}.dir`, 'dvc md5');
      f.l(`  size: ${t.digits(10)}`, `  nfiles: ${files}`, '  hash: md5', `  path: ${name}`);
    }
    const lock = repo.file('dvc.lock', 'dvc');
    lock.l("schema: '2.0'", 'stages:', '  tokenize:', '    cmd: python -m acme_ml.data.tokenize', '    deps:');
    lock.l('    - path: data/raw/support-sft-v7', '      hash: md5');
    lock.d(`      md5: ${t.pick(HEX, 32)}.dir`, 'dvc md5');
    lock.l('    outs:', '    - path: data/tokenized', '      hash: md5');
    lock.d(`      md5: ${t.pick(HEX, 32)}.dir`, 'dvc md5');
    lock.d(`      etag: ${t.pick(HEX, 32)}-12`, 'cloud etag');
  }
  {
    for (const p of ['models/llama3-8b-support/adapter_model.safetensors', 'models/detr-weld/model.pt']) {
      const f = repo.file(p, 'lfs');
      f.l('version https://git-lfs.github.com/spec/v1');
      f.d(`oid sha256:${t.sha256()}`, 'lfs oid');
      f.l(`size ${t.digits(9)}`);
    }
    const r = repo.file('requirements.lock', 'python');
    for (const p of ['torch==2.4.1', 'transformers==4.44.2', 'wandb==0.17.9']) {
      r.l(`${p} \\`);
      r.d(`    --hash=sha256:${t.sha256()} \\`, 'pip hash');
      r.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
    }
  }

  // ---- Go inference gateway --------------------------------------------------------------------
  {
    const f = repo.file('services/inference-gateway/internal/config/config.go', 'go');
    const oa = t.openai();
    const an = t.anthropic();
    const rp = pw();
    f.l('package config', '', 'type Config struct {', '\tListenAddr    string', '\tOpenAIKey     string');
    f.l('\tAnthropicKey  string', '\tTritonURL     string', '\tRedisPassword string', '}', '');
    f.l('var Default = Config{', '\tListenAddr:    ":8080",');
    f.s(`\tOpenAIKey:     "${oa}",`, 'openai', oa);
    f.s(`\tAnthropicKey:  "${an}",`, 'anthropic', an);
    f.d('\tTritonURL:     "http://triton.ml.svc:8000",', 'url');
    f.s(`\tRedisPassword: "${rp}",`, 'generic', rp);
    f.l('}');
  }
  {
    const f = repo.file('services/inference-gateway/internal/upstream/cohere.go', 'go');
    const co = cohere();
    f.l('package upstream', '', 'import (', '\t"net/http"', '\t"os"', ')', '');
    f.l('func cohereRequest(req *http.Request) {');
    f.d('\treq.Header.Set("Authorization", "Bearer "+os.Getenv("COHERE_API_KEY"))', 'env reference');
    f.l('}', '', 'func cohereFallback(req *http.Request) {');
    f.s(`\treq.Header.Set("Authorization", "Bearer ${co}")`, 'cohere', co);
    f.l('}');
  }
  {
    const f = repo.file('services/inference-gateway/config/gateway.yaml', 'go');
    const oa = openaiLegacy();
    const aoai = azOpenAI();
    const rp = replicate();
    f.l('listen: :8080', 'upstreams:', '  - name: openai', '    base_url: https://api.openai.com/v1');
    f.s(`    api_key: ${oa}`, 'openai', oa);
    f.l('  - name: azure-openai');
    f.d('    endpoint: https://acme-ml-eastus2.openai.azure.com/', 'endpoint');
    f.s(`    api_key: "${aoai}"`, 'azure', aoai);
    f.l('  - name: replicate');
    f.s(`    api_token: ${rp}`, 'replicate', rp);
    f.l('  - name: vllm', '    base_url: http://vllm.ml.svc:8000/v1');
    f.d('    api_key: EMPTY', 'vllm no-auth placeholder');
    f.l('rate_limit:', '  rps: 200');
  }
  {
    const f = repo.file('services/inference-gateway/internal/auth/keys.go', 'go');
    const k1 = `gw_live_${t.alnum(32)}`;
    f.l(
      'package auth',
      '',
      '// Static client keys until the console issues them (PLAT-412).',
      'var clientKeys = map[string]string{',
    );
    f.s(`\t"console":      "${k1}",`, 'generic', k1);
    f.l('}');
    const tst = repo.file('services/inference-gateway/internal/auth/keys_test.go', 'go');
    tst.l('package auth', '');
    tst.d('const sampleKey = "gw_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'placeholder');
    const sum = repo.file('services/inference-gateway/go.sum', 'go');
    for (const m of ['github.com/redis/go-redis/v9 v9.6.1', 'google.golang.org/grpc v1.66.0'])
      sum.d(`${m} h1:${t.mixed(B64, 43)}=`, 'go.sum hash');
  }

  // ---- Rust tokenizer service ---------------------------------------------------------------------
  {
    const f = repo.file('services/tokenizer/src/hub.rs', 'rust');
    const hft = hf();
    const org = hfOrg();
    f.l('use hf_hub::api::sync::ApiBuilder;', '');
    f.s(`const HF_TOKEN: &str = "${hft}";`, 'huggingface', hft);
    f.l('', 'pub fn api() -> anyhow::Result<hf_hub::api::sync::Api> {');
    f.d('    let token = std::env::var("HF_TOKEN").ok().or_else(|| Some(HF_TOKEN.to_string()));', 'env reference');
    f.l(
      '    Ok(ApiBuilder::new().with_token(token).build()?)',
      '}',
      '',
      'pub fn org_api() -> anyhow::Result<hf_hub::api::sync::Api> {',
    );
    f.s(`    Ok(ApiBuilder::new().with_token(Some("${org}".to_string())).build()?)`, 'huggingface', org);
    f.l('}');
    const m = repo.file('services/tokenizer/src/main.rs', 'rust');
    m.d(`const TOKENIZER_SHA256: &str = "${t.sha256()}";`, 'file hash');
    m.d('const DEFAULT_MODEL: &str = "meta-llama/Meta-Llama-3.1-8B";', 'public repo');
  }
  {
    const f = repo.file('services/tokenizer/config/tokenizer.toml', 'rust');
    const hft = hf();
    const ak = t.awsId();
    const as = t.awsSecret();
    f.l('[hub]', 'repo = "acme-ml/support-tokenizer"');
    f.d(`revision = "${t.sha1()}"`, 'hf revision');
    f.s(`token = "${hft}"`, 'huggingface', hft);
    f.l('', '[cache.s3]', 'bucket = "acme-ml-tokenizers"');
    f.s(`access_key_id = "${ak}"`, 'aws', ak);
    f.s(`secret_access_key = "${as}"`, 'aws', as);
    const cl = repo.file('services/tokenizer/Cargo.lock', 'rust');
    for (const p of ['tokenizers', 'hf-hub', 'tokio']) {
      cl.l(
        '[[package]]',
        `name = "${p}"`,
        'version = "0.20.0"',
        'source = "registry+https://github.com/rust-lang/crates.io-index"',
      );
      cl.d(`checksum = "${t.sha256()}"`, 'cargo checksum');
      cl.l('');
    }
    const cc = repo.file('services/tokenizer/.cargo/config.toml', 'rust');
    const ct = t.alnum(32);
    cc.l('[registries.acme]', 'index = "sparse+https://cargo.acme-ml.ai/api/v1/crates/"');
    cc.s(`token = "Bearer ${ct}"`, 'generic', ct);
  }

  // ---- TypeScript console ------------------------------------------------------------------------
  {
    const f = repo.file('apps/console/.env.local', 'typescript');
    const oa = t.openai();
    const p = pwa();
    const ns = Buffer.from(Array.from({ length: 32 }, () => Math.floor(rand() * 256))).toString('base64');
    const gcs = t.hex(40);
    f.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);
    f.d(`NEXT_PUBLIC_POSTHOG_KEY=phc_${t.alnum(43)}`, 'posthog public key');
    f.s(`DATABASE_URL=postgresql://console:${p}@console-db.ml.internal:5432/console`, 'database', p);
    f.s(`NEXTAUTH_SECRET=${ns}`, 'generic', ns);
    f.d(`GITHUB_CLIENT_ID=Iv1.${t.pick(HEX, 16)}`, 'oauth client id');
    f.s(`GITHUB_CLIENT_SECRET=${gcs}`, 'github', gcs);
    f.d('NEXTAUTH_URL=https://console.acme-ml.ai', 'url');
  }
  {
    const f = repo.file('apps/console/src/lib/llm.ts', 'typescript');
    const oa = t.openai();
    f.l("import OpenAI from 'openai';", "import Anthropic from '@anthropic-ai/sdk';", '');
    f.s(`export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '${oa}' });`, 'openai', oa);
    f.d('export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY! });', 'env reference');
    const w = repo.file('apps/console/src/server/wandb.ts', 'typescript');
    const wk = wandb();
    w.s(`const WANDB_API_KEY = '${wk}';`, 'wandb', wk);
    w.l('', 'export async function listRuns(project: string) {', "  return fetch('https://api.wandb.ai/graphql', {");
    w.d(
      "    headers: { Authorization: `Basic ${Buffer.from(`api:${WANDB_API_KEY}`).toString('base64')}` },",
      'template',
    );
    w.l("    method: 'POST',", '  });', '}');
    const pcf = repo.file('apps/console/src/server/pinecone.ts', 'typescript');
    const pc = pinecone();
    pcf.l("import { Pinecone } from '@pinecone-database/pinecone';", '');
    pcf.s(`export const pinecone = new Pinecone({ apiKey: '${pc}' });`, 'pinecone', pc);
    pcf.d("export const index = pinecone.index('support-kb');", 'index name');
    const nc = repo.file('apps/console/next.config.js', 'typescript');
    const ls = langsmith();
    nc.l("/** @type {import('next').NextConfig} */", 'module.exports = {', "  output: 'standalone',", '  env: {');
    nc.s(`    LANGSMITH_API_KEY: '${ls}',`, 'langsmith', ls);
    nc.d("    NEXT_PUBLIC_WANDB_ENTITY: 'acme-ml',", 'entity');
    nc.l('  },', '};');
    const fx = repo.file('apps/console/src/__tests__/fixtures.ts', 'typescript');
    fx.d("export const fakeRun = { id: 'abc12345', apiKey: 'sk-proj-REPLACE_ME' };", 'placeholder');
    fx.d("export const fakeHub = { token: 'hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' };", 'placeholder');
    const pl = repo.file('apps/console/package-lock.json', 'typescript');
    pl.l('{', '  "packages": {');
    for (const p of ['next', 'openai', '@pinecone-database/pinecone']) {
      pl.l(`    "node_modules/${p}": {`, '      "version": "4.2.0",');
      pl.d(`      "integrity": "sha512-${t.mixed(B64, 86)}=="`, 'npm integrity');
      pl.l('    },');
    }
    pl.l('    "": {}', '  }', '}');
  }

  // ---- Java feature ingestion on Flink -------------------------------------------------------------
  {
    const f = repo.file('services/feature-ingestion/src/main/resources/application.properties', 'java');
    const ck = confKey();
    const cs = confSecret();
    const sk = confKey();
    const ss = confSecret();
    const rp = pw();
    f.d('kafka.bootstrap.servers=pkc-4r297.us-west-2.aws.confluent.cloud:9092', 'host');
    f.l('kafka.security.protocol=SASL_SSL', 'kafka.sasl.mechanism=PLAIN');
    f.s(
      `kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";`,
      'confluent',
      cs,
    );
    f.l(
      'schema.registry.url=https://psrc-8kz20.us-east-2.aws.confluent.cloud',
      'schema.registry.basic.auth.credentials.source=USER_INFO',
    );
    f.s(`schema.registry.basic.auth.user.info=${sk}:${ss}`, 'confluent', ss);
    f.l('redis.host=ml-online.x7k2pq.ng.0001.usw2.cache.amazonaws.com');
    f.s(`redis.password=${rp}`, 'generic', rp);
    f.d('snowflake.password=${SNOWFLAKE_PASSWORD}', 'placeholder');
  }
  {
    const f = repo.file('services/feature-ingestion/src/main/java/ai/acme/ingest/FeatureIngestJob.java', 'java');
    const ck = confKey();
    const cs = confSecret();
    const jp = pw();
    f.l('package ai.acme.ingest;', '', 'import java.util.Properties;', '', 'public class FeatureIngestJob {');
    f.l('    static Properties kafkaProps() {', '        Properties props = new Properties();');
    f.l('        props.setProperty("bootstrap.servers", "pkc-4r297.us-west-2.aws.confluent.cloud:9092");');
    f.s(
      `        props.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"${ck}\\" password=\\"${cs}\\";");`,
      'confluent',
      cs,
    );
    f.l('        return props;', '    }', '', '    static JdbcConnectionOptions pg() {');
    f.l('        return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()');
    f.l('            .withUrl("jdbc:postgresql://features-pg.ml.internal:5432/features")');
    f.l('            .withUsername("ingest")');
    f.s(`            .withPassword("${jp}")`, 'generic', jp);
    f.l('            .build();', '    }', '');
    f.d('    static final String SF_PASSWORD = System.getenv("SNOWFLAKE_PASSWORD");', 'env reference');
    f.l('}');
  }
  {
    const f = repo.file('services/feature-ingestion/conf/flink-conf.yaml', 'java');
    const ak = t.awsId();
    const as = t.awsSecret();
    const azk = t.azureStorageKey();
    f.l('jobmanager.rpc.address: flink-jobmanager', 'taskmanager.numberOfTaskSlots: 4');
    f.d('state.checkpoints.dir: s3://acme-ml-flink/checkpoints', 'path');
    f.s(`s3.access-key: ${ak}`, 'aws', ak);
    f.s(`s3.secret-key: ${as}`, 'aws', as);
    f.s(`fs.azure.account.key.acmemlstate.blob.core.windows.net: ${azk}`, 'azure', azk);
  }
  {
    const f = repo.file('services/feature-ingestion/.mvn/settings.xml', 'java');
    const ak = artKey();
    f.l(
      '<settings>',
      '  <servers>',
      '    <server>',
      '      <id>acme-artifactory</id>',
      '      <username>ci-ml</username>',
    );
    f.s(`      <password>${ak}</password>`, 'artifactory', ak);
    f.l(
      '    </server>',
      '    <server>',
      '      <id>confluent</id>',
      '      <username>${env.CONFLUENT_USER}</username>',
    );
    f.d('      <password>${env.CONFLUENT_PASSWORD}</password>', 'maven env reference');
    f.l('    </server>', '  </servers>', '</settings>');
  }

  // ---- Scala Spark ------------------------------------------------------------------------------------
  {
    const f = repo.file('jobs/spark-features/src/main/scala/ai/acme/features/BuildTrainingSet.scala', 'scala');
    const azk = t.azureStorageKey();
    const sp = pw();
    const as = t.awsSecret();
    const jp = pw();
    f.l('package ai.acme.features', '', 'import org.apache.spark.sql.SparkSession', '', 'object BuildTrainingSet {');
    f.l(
      '  def main(args: Array[String]): Unit = {',
      '    val spark = SparkSession.builder().appName("build-training-set").getOrCreate()',
    );
    f.s(`    spark.conf.set("fs.azure.account.key.acmemllake.dfs.core.windows.net", "${azk}")`, 'azure', azk);
    f.s(`    spark.sparkContext.hadoopConfiguration.set("fs.s3a.secret.key", "${as}")`, 'aws', as);
    f.l('    val events = spark.read', '      .format("snowflake")');
    f.d('      .option("sfURL", "acme-ml_prod.snowflakecomputing.com")', 'account url');
    f.l('      .option("sfUser", "SVC_SPARK")');
    f.s(`      .option("sfPassword", "${sp}")`, 'generic', sp);
    f.l('      .option("dbtable", "EVENTS")', '      .load()');
    f.l(
      '    val labels = spark.read.format("jdbc")',
      '      .option("url", "jdbc:postgresql://labels-pg.ml.internal/labels")',
    );
    f.l('      .option("user", "spark")');
    f.s(`      .option("password", "${jp}")`, 'generic', jp);
    f.l('      .load()');
    f.d('    val pw = dbutils.secrets.get(scope = "ml-prod", key = "snowflake-password")', 'secret lookup');
    f.l('  }', '}');
  }
  {
    const f = repo.file('jobs/spark-features/build.sbt', 'scala');
    const ar = artRef();
    f.l('ThisBuild / scalaVersion := "2.12.18"', 'resolvers += "acme" at "https://acme.jfrog.io/artifactory/maven-ml"');
    f.s(`credentials += Credentials("Artifactory Realm", "acme.jfrog.io", "ci-ml", "${ar}")`, 'artifactory', ar);
    f.d('credentials += Credentials(Path.userHome / ".sbt" / ".credentials")', 'file reference');
  }
  {
    const f = repo.file('jobs/spark-features/src/main/resources/application.conf', 'scala');
    const sp = pw();
    const db = dapi();
    f.l('snowflake {', '  account = "acme-ml_prod"', '  user = "SVC_SPARK"');
    f.s(`  password = "${sp}"`, 'generic', sp);
    f.d('  password = ${?SNOWFLAKE_PASSWORD}', 'hocon env override');
    f.l('}', 'databricks {', '  host = "https://dbc-7f3a91c2-5d1e.cloud.databricks.com"');
    f.s(`  token = "${db}"`, 'databricks', db);
    f.d('  token = ${?DATABRICKS_TOKEN}', 'hocon env override');
    f.l('}');
  }

  // ---- Julia research ----------------------------------------------------------------------------------
  {
    const f = repo.file('research/julia/scaling_laws.jl', 'julia');
    const wk = wandb();
    const hft = hf();
    const oa = openaiLegacy();
    f.l('using HTTP, JSON3, DataFrames', '');
    f.s(`ENV["WANDB_API_KEY"] = "${wk}"`, 'wandb', wk);
    f.d('token = get(ENV, "HF_TOKEN", "")', 'env reference');
    f.s(
      `resp = HTTP.get("https://huggingface.co/api/datasets/acme-ml/evals", ["Authorization" => "Bearer ${hft}"])`,
      'huggingface',
      hft,
    );
    f.s(`const OPENAI_KEY = "${oa}"`, 'openai', oa);
    f.l('', 'function chinchilla(N, D; A=406.4, B=410.7, α=0.34, β=0.28, E=1.69)', '    E + A / N^α + B / D^β', 'end');
    const m = repo.file('research/julia/Manifest.toml', 'julia');
    m.l('julia_version = "1.10.5"');
    m.d(`project_hash = "${t.sha1()}"`, 'manifest hash');
    for (const p of ['HTTP', 'JSON3']) {
      m.l('', `[[deps.${p}]]`);
      m.d(`git-tree-sha1 = "${t.sha1()}"`, 'git tree sha');
      m.d(`uuid = "${t.uuid()}"`, 'package uuid');
      m.l('version = "1.10.8"');
    }
  }

  // ---- C++/CUDA kernels (cmake) ---------------------------------------------------------------------
  {
    const f = repo.file('kernels/CMakeLists.txt', 'cmake');
    const gl = t.gitlab();
    f.l('cmake_minimum_required(VERSION 3.26)', 'project(acme_kernels LANGUAGES CXX CUDA)');
    f.d('set(CMAKE_CUDA_ARCHITECTURES 80 86 90)', 'arch list');
    f.l('include(FetchContent)', 'FetchContent_Declare(', '  cutlass');
    f.s(`  GIT_REPOSITORY https://oauth2:${gl}@gitlab.acme-ml.ai/kernels/cutlass-fork.git`, 'gitlab', gl);
    f.d(`  GIT_TAG ${t.sha1()}`, 'git sha');
    f.l(
      ')',
      'FetchContent_Declare(',
      '  flashinfer',
      '  URL https://github.com/flashinfer-ai/flashinfer/archive/refs/tags/v0.1.6.tar.gz',
    );
    f.d(`  URL_HASH SHA256=${t.sha256()}`, 'url hash');
    f.l(')');
  }
  {
    const f = repo.file('kernels/cmake/FetchWeights.cmake', 'cmake');
    const hft = hf();
    f.l(
      'file(DOWNLOAD',
      '  https://huggingface.co/acme-ml/flash-bench/resolve/main/weights.bin',
      '  ${CMAKE_BINARY_DIR}/weights.bin',
    );
    f.s(`  HTTPHEADER "Authorization: Bearer ${hft}"`, 'huggingface', hft);
    f.d(`  EXPECTED_HASH SHA256=${t.sha256()}`, 'expected hash');
    f.l('  SHOW_PROGRESS)');
  }
  {
    const f = repo.file('kernels/CMakePresets.json', 'cmake');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.l(
      '{',
      '  "version": 6,',
      '  "configurePresets": [',
      '    {',
      '      "name": "ci-release",',
      '      "cacheVariables": {',
    );
    f.d('        "CMAKE_CUDA_COMPILER": "/usr/local/cuda-12.4/bin/nvcc",', 'path');
    f.l('        "CMAKE_CUDA_COMPILER_LAUNCHER": "sccache"', '      },', '      "environment": {');
    f.d('        "SCCACHE_BUCKET": "acme-ml-sccache",', 'bucket name');
    f.s(`        "AWS_ACCESS_KEY_ID": "${ak}",`, 'aws', ak);
    f.s(`        "AWS_SECRET_ACCESS_KEY": "${as}"`, 'aws', as);
    f.l('      }', '    }', '  ]', '}');
    const c = repo.file('kernels/.conan2/credentials.json', 'cmake');
    const ar = artRef();
    c.l('{', '  "credentials": [');
    c.s(`    {"remote": "acme-conan", "user": "ci-ml", "password": "${ar}"}`, 'artifactory', ar);
    c.l('  ]', '}');
  }

  // ---- Kubernetes: KServe, Seldon, Helm, Argo ------------------------------------------------------
  {
    const f = repo.file('deploy/kserve/llama-isvc.yaml', 'k8s');
    const hft = hf();
    f.l(
      'apiVersion: serving.kserve.io/v1beta1',
      'kind: InferenceService',
      'metadata:',
      '  name: llama3-8b-support',
      'spec:',
    );
    f.l('  predictor:');
    f.d('    serviceAccountName: kserve-s3', 'service account');
    f.l(
      '    model:',
      '      modelFormat:',
      '        name: huggingface',
      '      args:',
      '        - --model_name=llama3-8b-support',
    );
    f.d('      storageUri: hf://acme-ml/llama3-8b-support-merged', 'storage uri');
    f.l('      env:', '        - name: HF_TOKEN');
    f.s(`          value: ${hft}`, 'huggingface', hft);
    const s = repo.file('deploy/kserve/s3-secret.yaml', 'k8s');
    const ak = t.awsId();
    const as = t.awsSecret();
    s.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: kserve-s3', '  annotations:');
    s.d('    serving.kserve.io/s3-endpoint: s3.us-west-2.amazonaws.com', 'endpoint annotation');
    s.l('    serving.kserve.io/s3-usehttps: "1"', 'type: Opaque', 'data:');
    s.s(`  AWS_ACCESS_KEY_ID: ${b64e(ak)}`, 'aws', ak);
    s.s(`  AWS_SECRET_ACCESS_KEY: ${b64e(as)}`, 'aws', as);
  }
  {
    const f = repo.file('deploy/seldon/rclone-secret.yaml', 'k8s');
    const mi = minioId();
    const ms = minioSecret();
    f.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: seldon-rclone-secret', 'type: Opaque', 'stringData:');
    f.l('  RCLONE_CONFIG_S3_TYPE: s3');
    f.d('  RCLONE_CONFIG_S3_PROVIDER: Minio', 'provider name');
    f.s(`  RCLONE_CONFIG_S3_ACCESS_KEY_ID: ${mi}`, 'minio', mi, 'warning');
    f.s(`  RCLONE_CONFIG_S3_SECRET_ACCESS_KEY: ${ms}`, 'minio', ms, 'warning');
    f.l('  RCLONE_CONFIG_S3_ENDPOINT: http://minio.minio-system.svc.cluster.local:9000');
    const m = repo.file('deploy/seldon/detr-model.yaml', 'k8s');
    m.l('apiVersion: mlops.seldon.io/v1alpha1', 'kind: Model', 'metadata:', '  name: detr-weld', 'spec:');
    m.d('  storageUri: "gs://acme-ml-models/detr-weld/7"', 'storage uri');
    m.l('  requirements:', '  - pytorch');
  }
  {
    const f = repo.file('deploy/helm/mlflow/values-prod.yaml', 'k8s');
    const pp = pw();
    const ak = t.awsId();
    const as = t.awsSecret();
    const ap = pw();
    f.l('backendStore:', '  postgres:', '    enabled: true', '    host: mlflow-db.ml.internal', '    user: mlflow');
    f.s(`    password: "${pp}"`, 'generic', pp);
    f.l('artifactRoot:', '  s3:', '    enabled: true', '    bucket: acme-ml-mlflow');
    f.s(`    awsAccessKeyId: ${ak}`, 'aws', ak);
    f.s(`    awsSecretAccessKey: ${as}`, 'aws', as);
    f.d('    existingSecret: ""', 'empty');
    f.l('auth:', '  enabled: true', '  adminUsername: admin');
    f.s(`  adminPassword: ${ap}`, 'generic', ap);
  }
  {
    const f = repo.file('deploy/helm/wandb/values.yaml', 'k8s');
    const lic = jwtOf(
      { alg: 'RS256', typ: 'JWT' },
      {
        iss: 'wandb',
        sub: 'acme-ml',
        seats: 120,
        teams: 10,
        storage_gb: 100000,
        exp: 2051222400,
        flags: ['SCIM', 'SSO'],
      },
      342,
    );
    const mp = pw();
    f.l('global:', '  host: https://wandb.acme-ml.ai');
    f.s(`  license: ${lic}`, 'wandb', lic, 'warning');
    f.l('mysql:', '  host: wandb-mysql.ml.internal', '  user: wandb');
    f.s(`  password: ${mp}`, 'generic', mp);
    f.l('bucket:', '  provider: s3', '  name: acme-ml-wandb');
    f.d('  kmsKey: arn:aws:kms:us-west-2:' + acct() + ':key/' + t.uuid(), 'kms arn');
  }
  {
    const f = repo.file('deploy/helm/jupyterhub/values.yaml', 'k8s');
    const cs = t.hex(40);
    const st = t.hex(64);
    f.l('hub:', '  config:', '    GitHubOAuthenticator:');
    f.d(`      client_id: ${t.pick(HEX, 20)}`, 'oauth client id');
    f.s(`      client_secret: ${cs}`, 'github', cs);
    f.l(
      '      oauth_callback_url: https://hub.acme-ml.ai/hub/oauth_callback',
      '    JupyterHub:',
      '      authenticator_class: github',
    );
    f.l('proxy:');
    f.s(`  secretToken: "${st}"`, 'generic', st);
    f.l('singleuser:', '  image:', '    name: quay.io/jupyter/pytorch-notebook');
    f.d(`    tag: cuda12-${t.pick(HEX, 12)}`, 'image tag');
  }
  {
    const f = repo.file('deploy/argo/train-workflow.yaml', 'k8s');
    const wk = wandb();
    const sw = t.slackWebhook();
    f.l('apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata:', '  generateName: sft-train-', 'spec:');
    f.l(
      '  entrypoint: train',
      '  arguments:',
      '    parameters:',
      '      - name: run-name',
      '        value: sft-nightly',
    );
    f.l('      - name: wandb-api-key');
    f.s(`        value: "${wk}"`, 'wandb', wk);
    f.l('      - name: slack-webhook');
    f.s(`        value: ${sw}`, 'slack', sw);
    f.l('  templates:', '    - name: train', '      container:', '        image: ghcr.io/acme-ml/train:2.3.1');
    f.d('        args: ["--run-name", "{{workflow.parameters.run-name}}"]', 'argo template');
    f.l('        env:', '          - name: WANDB_API_KEY');
    f.d('            value: "{{workflow.parameters.wandb-api-key}}"', 'argo template');
    f.l('          - name: HF_TOKEN', '            valueFrom:', '              secretKeyRef:');
    f.d('                name: hf-token', 'secret ref');
    f.d('                key: token', 'secret ref');
    const a = repo.file('deploy/argo/artifact-repositories.yaml', 'k8s');
    a.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: artifact-repositories', 'data:', '  default-v1: |');
    a.l(
      '    s3:',
      '      bucket: acme-ml-argo',
      '      endpoint: s3.amazonaws.com',
      '      accessKeySecret:',
      '        name: argo-s3',
    );
    a.d('        key: accesskey', 'secret key name');
    a.l('      secretKeySecret:', '        name: argo-s3');
    a.d('        key: secretkey', 'secret key name');
  }
  {
    const f = repo.file('deploy/k8s/regcred.yaml', 'k8s');
    const gh = t.github();
    const cfg = JSON.stringify({
      auths: { 'ghcr.io': { username: 'acme-ml-bot', password: gh, auth: b64e(`acme-ml-bot:${gh}`) } },
    });
    f.l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred',
      '  namespace: ml-serving',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    );
    f.s(`  .dockerconfigjson: ${b64e(cfg)}`, 'github', gh);
    const sa = repo.file('deploy/k8s/serviceaccount.yaml', 'k8s');
    sa.l('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: kserve-s3', '  annotations:');
    sa.d(`    eks.amazonaws.com/role-arn: arn:aws:iam::${acct()}:role/kserve-s3-read`, 'role arn');
    sa.l('imagePullSecrets:');
    sa.d('  - name: regcred', 'secret name');
    const sops = repo.file('deploy/k8s/secrets/wandb.enc.yaml', 'k8s');
    sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '    name: wandb-api-key', 'stringData:');
    sops.d(
      `    api-key: ENC[AES256_GCM,data:${t.mixed(B64, 54)}==,iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
      'sops',
    );
    sops.l('sops:', '    kms:');
    sops.d(`        - arn: arn:aws:kms:us-west-2:${acct()}:key/${t.uuid()}`, 'kms arn');
  }

  // ---- Terraform ------------------------------------------------------------------------------------
  {
    const f = repo.file('infra/terraform/aws/sagemaker.tf', 'terraform');
    const ak = t.awsId();
    const as = t.awsSecret();
    const hft = hf();
    f.l('provider "aws" {', '  region     = "us-west-2"');
    f.s(`  access_key = "${ak}"`, 'aws', ak);
    f.s(`  secret_key = "${as}"`, 'aws', as);
    f.l('}', '', 'resource "aws_sagemaker_model" "llama" {', '  name               = "llama3-8b-support"');
    f.d('  execution_role_arn = aws_iam_role.sagemaker.arn', 'reference');
    f.l('  primary_container {');
    f.d(
      `    image = "763104351884.dkr.ecr.us-west-2.amazonaws.com/huggingface-pytorch-tgi-inference:2.3.0-tgi2.2.0-gpu-py310-cu121-ubuntu22.04"`,
      'public dlc image',
    );
    f.l('    environment = {', '      HF_MODEL_ID = "acme-ml/llama3-8b-support-merged"');
    f.s(`      HF_TOKEN    = "${hft}"`, 'huggingface', hft);
    f.l('    }', '  }', '}');
  }
  {
    const f = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
    const ak = t.awsId();
    const as = t.awsSecret();
    f.l(
      '{',
      '  "version": 4,',
      '  "terraform_version": "1.9.5",',
      '  "resources": [',
      '    {',
      '      "type": "aws_iam_access_key",',
    );
    f.l('      "name": "ci_uploader",', '      "instances": [', '        {', '          "attributes": {');
    f.s(`            "id": "${ak}",`, 'aws', ak);
    f.s(`            "secret": "${as}",`, 'aws', as);
    f.d('            "status": "Active",', 'status');
    f.d('            "user": "ci-model-uploader"', 'user name');
    f.l('          }', '        }', '      ]', '    }', '  ]', '}');
  }
  {
    const f = repo.file('infra/terraform/gcp/vertex.tf', 'terraform');
    const an = t.anthropic();
    f.l('provider "google" {', '  project     = "acme-ml-prod"');
    f.d('  credentials = file("${path.module}/vertex-sa.json")', 'file reference');
    f.l('}', '', 'resource "google_secret_manager_secret_version" "anthropic" {');
    f.d('  secret      = google_secret_manager_secret.anthropic.id', 'reference');
    f.s(`  secret_data = "${an}"`, 'anthropic', an);
    f.l('}');
    const sa = repo.file('infra/gcp/vertex-sa.json', 'terraform');
    const p8 = t.pkcs8Pem();
    sa.l('{', '  "type": "service_account",', '  "project_id": "acme-ml-prod",');
    sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
    sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
    sa.l('  "client_email": "vertex-train@acme-ml-prod.iam.gserviceaccount.com",');
    sa.d(`  "client_id": "${t.digits(21)}",`, 'numeric client id');
    sa.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');
  }
  {
    const f = repo.file('infra/terraform/azure/aml.tf', 'terraform');
    const cs = t.azureClientSecret();
    f.l('provider "azurerm" {', '  features {}');
    f.d(`  tenant_id       = "${t.uuid()}"`, 'tenant id');
    f.d(`  subscription_id = "${t.uuid()}"`, 'subscription id');
    f.d(`  client_id       = "${t.uuid()}"`, 'client id');
    f.s(`  client_secret   = "${cs}"`, 'azure', cs);
    f.l('}', '', 'resource "azurerm_machine_learning_workspace" "prod" {', '  name = "mlw-prod"');
    f.d('  key_vault_id = azurerm_key_vault.ml.id', 'reference');
    f.l('}');
  }
  {
    const f = repo.file('infra/terraform/databricks/main.tf', 'terraform');
    const db = dapi();
    const hft = hf();
    f.l('provider "databricks" {');
    f.d('  host  = "https://dbc-7f3a91c2-5d1e.cloud.databricks.com"', 'host');
    f.s(`  token = "${db}"`, 'databricks', db);
    f.l('}', '', 'resource "databricks_secret" "hf" {', '  key          = "hf-token"');
    f.s(`  string_value = "${hft}"`, 'huggingface', hft);
    f.l('  scope        = databricks_secret_scope.ml.id', '}');
    f.d(
      'resource "databricks_cluster" "gpu" { cluster_name = "gpu-a100" spark_version = "15.4.x-gpu-ml-scala2.12" }',
      'plain',
    );
  }
  {
    const f = repo.file('infra/terraform/snowflake/main.tf', 'terraform');
    const sp = pw();
    f.l(
      'provider "snowflake" {',
      '  organization_name = "ACMEML"',
      '  account_name      = "PROD"',
      '  user              = "TERRAFORM"',
    );
    f.s(`  password          = "${sp}"`, 'generic', sp);
    f.l('}', '', 'resource "snowflake_user" "feast" {', '  name = "SVC_FEAST"');
    f.d(`  rsa_public_key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 300)}"`, 'public key');
    f.l('}');
  }
  {
    const f = repo.file('infra/terraform/envs/prod.tfvars', 'terraform');
    const wk = wandb();
    const pc = pinecone();
    f.d('aws_region        = "us-west-2"', 'plain');
    f.s(`wandb_api_key     = "${wk}"`, 'wandb', wk);
    f.s(`pinecone_api_key  = "${pc}"`, 'pinecone', pc);
    f.d(`gpu_ami_id        = "ami-0${t.pick(HEX, 16)}"`, 'ami id');
    const v = repo.file('infra/terraform/variables.tf', 'terraform');
    v.l('variable "wandb_api_key" {', '  type      = string');
    v.d('  sensitive = true', 'keyword');
    v.d('  default   = ""', 'empty');
    v.l('}');
  }

  // ---- GitHub Actions ----------------------------------------------------------------------------------
  {
    const f = repo.file('.github/workflows/train-nightly.yml', 'ci');
    const wk = wandb();
    const hft = hf();
    const sw = t.slackWebhook();
    f.l('name: train-nightly', 'on:', '  schedule: [{ cron: "0 3 * * *" }]', 'jobs:', '  train:');
    f.l('    runs-on: [self-hosted, gpu-a100]', '    env:');
    f.s(`      WANDB_API_KEY: ${wk}`, 'wandb', wk);
    f.d('      HF_TOKEN: ${{ secrets.HF_TOKEN }}', 'secrets reference');
    f.s(`      SLACK_WEBHOOK_URL: ${sw}`, 'slack', sw);
    f.l('    steps:');
    f.d(`      - uses: actions/checkout@${t.sha1()} # v4.2.0`, 'pinned action');
    f.l('      - run: python -m acme_ml.train experiment=sft_nightly');
    f.s(`      - run: huggingface-cli upload acme-ml/nightly-sft ./out --token ${hft}`, 'huggingface', hft);
  }
  {
    const f = repo.file('.github/workflows/publish-wheels.yml', 'ci');
    const pp = t.pypi();
    const gh = ghFine();
    f.l(
      'name: publish',
      'on: { push: { tags: ["v*"] } }',
      'jobs:',
      '  publish:',
      '    runs-on: ubuntu-latest',
      '    steps:',
    );
    f.l('      - uses: pypa/gh-action-pypi-publish@release/v1', '        with:', '          user: __token__');
    f.s(`          password: ${pp}`, 'pypi', pp);
    f.l(
      '      - uses: pypa/gh-action-pypi-publish@release/v1',
      '        with:',
      '          repository-url: https://test.pypi.org/legacy/',
    );
    f.d('          password: ${{ secrets.TEST_PYPI_API_TOKEN }}', 'secrets reference');
    f.s(`      - run: echo "${gh}" | docker login ghcr.io -u acme-ml-bot --password-stdin`, 'github', gh);
    f.d('      - run: echo "::add-mask::$HF_TOKEN"', 'mask command');
  }

  // ---- Docker, compose, devcontainer ------------------------------------------------------------------
  {
    const f = repo.file('docker/train.Dockerfile', 'docker');
    const hft = hf();
    const wk = wandb();
    const ca = codeartifact();
    const acc = acct();
    f.d(`FROM nvcr.io/nvidia/pytorch:24.08-py3@sha256:${t.sha256()}`, 'image digest');
    f.s(`ARG HF_TOKEN=${hft}`, 'huggingface', hft);
    f.s(`ENV WANDB_API_KEY=${wk}`, 'wandb', wk);
    f.s(
      `RUN pip install --no-cache-dir --extra-index-url https://aws:${ca}@acme-ml-${acc}.d.codeartifact.us-west-2.amazonaws.com/pypi/ml/simple/ acme-kernels==0.9.2`,
      'aws',
      ca,
    );
    f.d(
      'RUN --mount=type=secret,id=hf_token HF_TOKEN=$(cat /run/secrets/hf_token) huggingface-cli download acme-ml/support-tokenizer',
      'build secret mount',
    );
    f.l('COPY . /workspace', 'WORKDIR /workspace');
  }
  {
    const f = repo.file('docker/inference-gateway.Dockerfile', 'docker');
    const gh = t.github();
    f.d(`FROM golang:1.23-bookworm@sha256:${t.sha256()} AS build`, 'image digest');
    f.l('ENV GOPRIVATE=github.com/acme-ml/*');
    f.s(
      `RUN git config --global url."https://acme-ml-bot:${gh}@github.com/".insteadOf "https://github.com/"`,
      'github',
      gh,
    );
    f.l('COPY . /src', 'RUN cd /src && go build -o /gateway ./cmd/gateway');
  }
  {
    const f = repo.file('docker-compose.yml', 'docker');
    const mp = pwa();
    const wk = wandb();
    const tp = pw();
    f.l('services:', '  mlflow:', '    image: ghcr.io/mlflow/mlflow:v2.16.2', '    command: >');
    f.s(
      `      mlflow server --backend-store-uri postgresql://mlflow:${mp}@db:5432/mlflow --default-artifact-root s3://mlflow/ --host 0.0.0.0`,
      'database',
      mp,
    );
    f.l('  minio:', '    image: minio/minio:RELEASE.2024-09-13T20-26-02Z', '    environment:');
    f.d('      MINIO_ROOT_USER: minioadmin', 'documented default');
    f.d('      MINIO_ROOT_PASSWORD: minioadmin', 'documented default');
    f.l('  trainer:', '    build: { context: ., dockerfile: docker/train.Dockerfile }', '    environment:');
    f.s(`      - WANDB_API_KEY=${wk}`, 'wandb', wk);
    f.d('      - OPENAI_API_KEY=${OPENAI_API_KEY}', 'variable');
    f.s(`      - MLFLOW_TRACKING_PASSWORD=${tp}`, 'generic', tp);
    f.l('  db:', '    image: postgres:16');
  }
  {
    const f = repo.file('.devcontainer/devcontainer.json', 'docker');
    const hft = hf();
    const oa = t.openai();
    f.l('{', '  "name": "acme-ml",');
    f.d('  "image": "mcr.microsoft.com/devcontainers/python:1-3.11-bookworm",', 'image');
    f.l('  "features": { "ghcr.io/devcontainers/features/nvidia-cuda:1": {} },', '  "containerEnv": {');
    f.s(`    "HF_TOKEN": "${hft}",`, 'huggingface', hft);
    f.d('    "WANDB_API_KEY": "${localEnv:WANDB_API_KEY}",', 'localEnv reference');
    f.s(`    "OPENAI_API_KEY": "${oa}"`, 'openai', oa);
    f.l('  },', '  "postCreateCommand": "pip install -e .[dev]"', '}');
  }

  // ---- env files ---------------------------------------------------------------------------------------
  {
    const f = repo.file('.env', 'env');
    const an = t.anthropic();
    const co = cohere();
    const rp = replicate();
    const pcl = t.uuid();
    const wv = weaviate();
    const nt = neptune();
    const rf = roboflow();
    const ls = langsmith();
    const cm = comet();
    f.s(`ANTHROPIC_API_KEY=${an}`, 'anthropic', an);
    f.s(`COHERE_API_KEY=${co}`, 'cohere', co);
    f.s(`REPLICATE_API_TOKEN=${rp}`, 'replicate', rp);
    f.s(`PINECONE_API_KEY=${pcl}`, 'pinecone', pcl);
    f.d('PINECONE_ENVIRONMENT=us-east-1-aws', 'region');
    f.s(`WEAVIATE_API_KEY=${wv}`, 'weaviate', wv);
    f.d(`WEAVIATE_URL=https://${t.lower(10)}.c0.europe-west3.gcp.weaviate.cloud`, 'url');
    f.s(`NEPTUNE_API_TOKEN=${nt}`, 'neptune', nt);
    f.d('NEPTUNE_PROJECT=acme-ml/detr', 'project');
    f.s(`ROBOFLOW_API_KEY=${rf}`, 'roboflow', rf);
    f.s(`LANGCHAIN_API_KEY=${ls}`, 'langsmith', ls);
    f.s(`COMET_API_KEY=${cm}`, 'comet', cm);
    f.d(`WANDB_RUN_ID=${runId()}`, 'wandb run id');
    f.d('WANDB_PROJECT=llama-pretrain', 'project');
    f.d(`OPENAI_ORG_ID=org-${t.alnum(24)}`, 'org id');
    f.d(`COMET_EXPERIMENT_KEY=${t.hex(32)}`, 'comet experiment key (id)');
    const ex = repo.file('.env.example', 'env');
    ex.d('WANDB_API_KEY=your-wandb-api-key', 'placeholder');
    ex.d('HF_TOKEN=hf_...', 'placeholder');
    ex.d('OPENAI_API_KEY=sk-proj-...', 'placeholder');
    ex.d('ANTHROPIC_API_KEY=<anthropic-key>', 'placeholder');
    ex.d('PINECONE_API_KEY=', 'empty');
    ex.d('DATABRICKS_TOKEN=dapiXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
    ex.d('KAGGLE_KEY=changeme', 'placeholder');
  }

  // ---- credential stores ----------------------------------------------------------------------------
  {
    const k = repo.file('ops/home/.kaggle/kaggle.json', 'credstore');
    const kg = kaggle();
    k.s(`{"username":"acmeml","key":"${kg}"}`, 'kaggle', kg);
    const n = repo.file('ops/home/.netrc', 'credstore');
    const wk = wandb();
    const wl = wandbLocal();
    n.l('machine api.wandb.ai', '  login user');
    n.s(`  password ${wk}`, 'wandb', wk);
    n.s(`machine wandb.acme-ml.ai login user password ${wl}`, 'wandb', wl);
    const d = repo.file('ops/home/.databrickscfg', 'credstore');
    const db = dapi();
    const ds = dose();
    d.l('[DEFAULT]', 'host  = https://dbc-7f3a91c2-5d1e.cloud.databricks.com');
    d.s(`token = ${db}`, 'databricks', db);
    d.l('', '[sp-prod]', 'host          = https://adb-4410987712345678.8.azuredatabricks.net');
    d.d(`client_id     = ${t.uuid()}`, 'service principal id');
    d.s(`client_secret = ${ds}`, 'databricks', ds);
    const h = repo.file('ops/home/.cache/huggingface/token', 'credstore');
    const hft = hf();
    h.s(hft, 'huggingface', hft);
    const c = repo.file('ops/home/.comet.config', 'credstore');
    const cm = comet();
    c.l('[comet]');
    c.s(`api_key = ${cm}`, 'comet', cm);
    c.l('workspace = acme-ml');
    const cl = repo.file('ops/home/clearml.conf', 'credstore');
    const ci = clearmlId();
    const csec = clearmlSecret();
    cl.l('api {', '    web_server: https://app.clear.ml', '    api_server: https://api.clear.ml', '    credentials {');
    cl.s(`        "access_key" = "${ci}"`, 'clearml', ci, 'warning');
    cl.s(`        "secret_key" = "${csec}"`, 'clearml', csec);
    cl.l('    }', '}');
    const sf = repo.file('ops/home/.snowflake/connections.toml', 'credstore');
    const sp = pw();
    const kp = pw();
    sf.l('[ml_prod]', 'account = "acme-ml_prod"', 'user = "PRIYA_N"');
    sf.s(`password = "${sp}"`, 'generic', sp);
    sf.l('', '[feast]', 'account = "acme-ml_prod"', 'user = "SVC_FEAST"', 'authenticator = "SNOWFLAKE_JWT"');
    sf.d('private_key_file = "~/.snowflake/rsa_key.p8"', 'file path');
    sf.s(`private_key_file_pwd = "${kp}"`, 'generic', kp);
    const p8 = repo.file('ops/home/.snowflake/rsa_key.p8', 'credstore');
    const pem = t.pkcs8Pem();
    p8.s(pem, 'private-key', pem.join('\n'));
    const pc = repo.file('ops/home/.config/pip/pip.conf', 'credstore');
    const ar = artRef();
    pc.l('[global]');
    pc.s(`index-url = https://ml-bot:${ar}@acme.jfrog.io/artifactory/api/pypi/pypi-ml/simple`, 'artifactory', ar);
    pc.l('timeout = 60');
    const pr = repo.file('.pypirc', 'credstore');
    const pp = t.pypi();
    pr.l('[distutils]', 'index-servers = pypi', '', '[pypi]', 'username = __token__');
    pr.s(`password = ${pp}`, 'pypi', pp);
    const aw = repo.file('ops/home/.aws/credentials', 'credstore');
    const ak = t.awsId();
    const as = t.awsSecret();
    const sid = asia();
    const ss = t.awsSecret();
    const st = sessionTok();
    aw.l('[sagemaker]');
    aw.s(`aws_access_key_id = ${ak}`, 'aws', ak);
    aw.s(`aws_secret_access_key = ${as}`, 'aws', as);
    aw.l('', '[sso-session-cache]');
    aw.s(`aws_access_key_id = ${sid}`, 'aws', sid);
    aw.s(`aws_secret_access_key = ${ss}`, 'aws', ss);
    aw.s(`aws_session_token = ${st}`, 'aws', st);
    const az = repo.file('azureml/config.json', 'credstore');
    az.l('{');
    az.d(`    "subscription_id": "${t.uuid()}",`, 'subscription id');
    az.d('    "resource_group": "rg-ml-prod",', 'name');
    az.d('    "workspace_name": "mlw-prod"', 'name');
    az.l('}');
  }

  // ---- logs -------------------------------------------------------------------------------------------
  {
    const f = repo.file('logs/train/llama3-8b-sft-2026-11-03.log', 'logs');
    const hft = hf();
    const rid = runId();
    f.s(
      `[2026-11-03 10:11:12,004][__main__][INFO] - args: Namespace(model='meta-llama/Meta-Llama-3.1-8B', hf_token='${hft}', lr=0.0002, epochs=3, bf16=True)`,
      'huggingface',
      hft,
    );
    f.d(`wandb: Run data is saved locally in /workspace/wandb/run-20261103_101112-${rid}`, 'wandb run id');
    f.d('wandb: Syncing run rosy-sun-42', 'run name');
    f.d(`wandb: ⭐️ View project at https://wandb.ai/acme-ml/llama-pretrain`, 'url');
    f.d('{"loss": 1.8231, "grad_norm": 0.4312, "learning_rate": 0.000198, "epoch": 0.21, "step": 1200}', 'metrics');
    f.d(`Saving model checkpoint to /ckpt/checkpoint-1200 (sha256=${t.sha256()})`, 'checkpoint sha');
    f.d('[rank0]: hf_hub token: hf_***', 'masked');
    const w = repo.file('logs/wandb/debug.log', 'logs');
    const wk = wandb();
    w.d(
      '2026-11-03 10:11:13,101 INFO    MainThread:2231 [wandb_setup.py:_flush():77] Configure stats pid to 2231',
      'log line',
    );
    w.s(
      `2026-11-03 10:11:13,102 INFO    MainThread:2231 [wandb_setup.py:_flush():77] Loading settings from environment variables: {'api_key': '${wk}', 'project': 'llama-pretrain', 'entity': 'acme-ml'}`,
      'wandb',
      wk,
    );
    w.d(
      "2026-11-04 08:00:02,511 INFO    MainThread:3310 [wandb_setup.py:_flush():77] Loading settings from environment variables: {'api_key': '***REDACTED***', 'project': 'llama-pretrain'}",
      'redacted',
    );
    w.d(
      `2026-11-03 10:11:14,000 INFO    MainThread:2231 [wandb_init.py:init():617] starting backend, run_id=${rid}`,
      'run id',
    );
    const m = repo.file('logs/mlflow/run-bold-hawk-231.log', 'logs');
    const mp = pwa();
    m.s(
      `2026/11/03 10:20:00 INFO mlflow.tracking: tracking uri https://svc-train:${mp}@mlflow.acme-ml.ai`,
      'generic',
      mp,
    );
    m.d(`🏃 View run bold-hawk-231 at: https://mlflow.acme-ml.ai/#/experiments/12/runs/${t.hex(32)}`, 'mlflow run id');
    m.d(`🧪 View experiment at: https://mlflow.acme-ml.ai/#/experiments/12`, 'url');
    const c = repo.file('logs/ci/build-1423.log', 'logs');
    const gs = t.github('ghs_');
    c.d(`2026-11-03T02:00:01.1234567Z ##[group]Run actions/checkout@${t.sha1()}`, 'action sha');
    c.d('2026-11-03T02:00:01.2234567Z   HF_TOKEN: ***', 'masked');
    c.s(
      `2026-11-03T02:14:44.0000000Z + curl -sSf -H 'Authorization: token ${gs}' https://api.github.com/repos/acme-ml/platform/statuses/${t.sha1()}`,
      'github',
      gs,
    );
    c.d('2026-11-03T02:14:45.0000000Z + huggingface-cli upload acme-ml/nightly-sft ./out --token ***', 'masked');
    const sm = repo.file('logs/sagemaker/huggingface-pytorch-training-2026-11-03.log', 'logs');
    const hft2 = hf();
    const wk2 = wandb();
    sm.d('SM_MODEL_DIR=/opt/ml/model', 'plain');
    sm.s(
      `SM_HPS={"epochs":3,"hf_token":"${hft2}","lr":0.0002,"model_id":"meta-llama/Meta-Llama-3.1-8B"}`,
      'huggingface',
      hft2,
    );
    sm.s(`SM_HP_WANDB_API_KEY=${wk2}`, 'wandb', wk2);
    sm.d(
      `SM_TRAINING_ENV={"job_name":"huggingface-pytorch-training-2026-11-03-10-11-12-345","current_host":"algo-1"}`,
      'job env',
    );
    const r = repo.file('logs/ray/job-driver-raysubmit_k3n9Q2xLp7TzR4vW.log', 'logs');
    const oa = t.openai();
    r.d(`Job 'raysubmit_${t.alnum(16)}' submitted successfully`, 'ray job id');
    r.s(
      `2026-11-04 09:12:00,001 INFO job_manager.py:530 -- runtime_env: {'env_vars': {'OPENAI_API_KEY': '${oa}'}, 'working_dir': 'gcs://_ray_pkg_${t.pick(HEX, 16)}.zip'}`,
      'openai',
      oa,
    );
    r.d(`2026-11-04 09:12:30,000 INFO -- Uploading package gcs://_ray_pkg_${t.pick(HEX, 16)}.zip`, 'package hash');
  }

  // ---- docs ----------------------------------------------------------------------------------------------
  {
    const f = repo.file('README.md', 'docs');
    const hft = hf();
    f.l('# acme-ml platform', '', 'Training, tracking, serving and the console.', '', '## Setup', '', '```sh');
    f.d('export WANDB_API_KEY=<your-key>   # from https://wandb.ai/authorize', 'placeholder');
    f.d('export HF_TOKEN=hf_xxx', 'placeholder');
    f.l('```', '', 'The bootcamp uses a shared read-only token (rotated after each cohort):', '');
    f.s(`    HF_TOKEN=${hft}`, 'huggingface', hft);
    f.d(
      'Base model: [meta-llama/Meta-Llama-3.1-8B](https://huggingface.co/meta-llama/Meta-Llama-3.1-8B).',
      'public repo',
    );
    const r = repo.file('docs/runbooks/gpu-cluster.md', 'docs');
    const rp = pw();
    r.l('# GPU cluster runbook', '', '## Access');
    r.s(`- Ray dashboard basic auth: \`ml-ops\` / \`${rp}\``, 'generic', rp);
    r.d('- Everything else: `vault kv get secret/ml-platform/prod`.', 'vault path');
    r.d(
      `- Last good checkpoint: \`s3://acme-ml-ckpt/llama3-8b-sft/checkpoint-12000\` (sha256 \`${t.sha256()}\`).`,
      'checkpoint sha',
    );
    const m = repo.file('docs/models.md', 'docs');
    m.l('| model | hf repo | revision | wandb run |', '|---|---|---|---|');
    for (let i = 0; i < 3; i++)
      m.d(
        `| support-v${i + 5} | acme-ml/support-v${i + 5} | \`${t.sha1()}\` | [${runId()}](https://wandb.ai/acme-ml/llama-pretrain/runs/${runId()}) |`,
        'ids',
      );
  }

  return repo;
}
