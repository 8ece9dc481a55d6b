// A biotech / pharma research monorepo: R and Python analysis code, notebooks with outputs,
// Nextflow and Snakemake pipelines, LIMS/ELN bridges, a warehouse (Snowflake, Databricks,
// Redshift), AWS Batch, a Perl LIMS, Java instrument services, MATLAB, HPC job scripts,
// Kubernetes, Terraform, containers, GitLab CI, credential stores and instrument logs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4243);
  const t = makeTokens(rand);
  const repo = new Repo();
  const x = { rand, t, repo, ...helpers(t) };

  analysisR(x);
  pythonCommon(x);
  notebooks(x);
  nextflow(x);
  snakemake(x);
  javaInstruments(x);
  perlLegacy(x);
  matlab(x);
  kubernetes(x);
  terraform(x);
  containers(x);
  hpc(x);
  gitlab(x);
  credentialStores(x);
  warehouseSql(x);
  logs(x);
  docs(x);
  labData(x);
  return repo;
}

function helpers(t) {
  const b64 = (s) => Buffer.from(s).toString('base64');
  const pw = () => t.password();
  // A password safe inside a URL userinfo part or an unquoted shell word.
  const pwu = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const upperHex = '0123456789ABCDEF';
  return {
    b64,
    pw,
    pwu,
    gen: (n = 20) => t.alnum(n), // password-manager style
    benchling: () => `sk_${t.alnum(29)}`,
    benchlingId: (p) => `${p}_${t.alnum(8)}`,
    databricks: (suffix = '') => `dapi${t.hex(32)}${suffix}`,
    tower: () => Buffer.from(`{"tid": ${t.digits(4)}}.${t.hex(40)}`).toString('base64'),
    wandb: () => t.hex(40),
    ncbi: () => t.hex(36),
    labkey: () => `apikey|${t.hex(32)}`,
    basespace: () => t.hex(32),
    hf: () => `hf_${t.alnum(34)}`,
    shinyToken: () => t.mixed(upperHex, 32),
    shinySecret: () => t.mixed(B64, 40),
    quay: () => t.mixed(UPPER + DIGIT, 64),
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    posit: () => t.alnum(32),
    globusSecret: () => `${t.mixed(B64, 43)}=`,
    sessionToken: () => `IQoJb3JpZ2luX2VjE${t.mixed(B64, 620)}`,
    asia: () => `ASIA${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    dna: (n) => t.pick('ACGT', n),
    md5: () => t.pick(HEX, 32),
    acct: () => `${t.digits(12)}`,
  };
}

// ---- R: .Renviron, .Rprofile, DBI scripts, Shiny, rsconnect, tests, history -------------------

function analysisR(x) {
  const { t, repo, pw, pwu, b64 } = x;
  const re = repo.file('analysis/.Renviron', 'r');
  re.d('R_LIBS_USER=~/R/x86_64-pc-linux-gnu-library/4.3', 'plain path');
  re.d('RENV_PATHS_CACHE=/shared/renv/cache', 'plain path');
  const ghpat = t.github();
  re.s(`GITHUB_PAT=${ghpat}`, 'github', ghpat);
  re.d('SNOWFLAKE_ACCOUNT=acmebio-analytics', 'account name');
  re.l('SNOWFLAKE_USER=SVC_RSTUDIO');
  const sfpw = pw();
  re.s(`SNOWFLAKE_PASSWORD="${sfpw}"`, 'generic', sfpw);
  const ak = t.awsId();
  const as = t.awsSecret();
  re.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
  re.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  re.d('AWS_DEFAULT_REGION=us-east-1', 'region');
  const bk = x.benchling();
  re.s(`BENCHLING_API_KEY=${bk}`, 'benchling', bk);
  re.d('BENCHLING_TENANT=https://acmebio.benchling.com', 'tenant url');
  const ek = x.ncbi();
  re.s(`ENTREZ_KEY=${ek}`, 'ncbi', ek);
  re.d('CONNECT_SERVER=https://connect.acme-bio.com', 'url');
  const ck = x.posit();
  re.s(`CONNECT_API_KEY=${ck}`, 'posit', ck);
  re.d('REDSHIFT_PASSWORD=', 'empty');

  const rp = repo.file('analysis/.Rprofile', 'r');
  const ppmPw = pwu();
  rp.l('local({');
  rp.s(
    `  options(repos = c(ACME = "https://rstudio:${ppmPw}@packagemanager.acme-bio.com/acme-internal/latest",`,
    'generic',
    ppmPw,
  );
  rp.d('                   CRAN = "https://packagemanager.posit.co/cran/__linux__/jammy/latest"))', 'public url');
  rp.l('})');
  rp.d('Sys.setenv(DATABRICKS_HOST = "https://adb-4417723118042256.16.azuredatabricks.net")', 'workspace host');
  const dbt = x.databricks();
  rp.s(`Sys.setenv(DATABRICKS_TOKEN = "${dbt}")`, 'databricks', dbt);
  const obk = x.benchling();
  rp.s(`options(benchling.api_key = "${obk}", benchling.tenant = "acmebio")`, 'benchling', obk);
  rp.d('options(readr.show_col_types = FALSE, scipen = 999)', 'plain options');
  rp.d('if (interactive()) suppressMessages(require(usethis))', 'plain');

  const db = repo.file('analysis/R/db_connect.R', 'r');
  db.l("#' Open the warehouse connections used by the assay reports.", 'library(DBI)', '');
  db.l('sf_con <- function() {', '  DBI::dbConnect(odbc::odbc(),', '    Driver    = "SnowflakeDSIIDriver",');
  db.d('    Server    = "acmebio-analytics.snowflakecomputing.com",', 'host');
  db.l('    UID       = "SVC_RSTUDIO",');
  const odbcPw = pw();
  db.s(`    PWD       = "${odbcPw}",`, 'generic', odbcPw);
  db.l('    Warehouse = "ANALYTICS_WH",', '    Database  = "ASSAYS")', '}', '');
  db.l('sf_con_user <- function(user = Sys.info()[["user"]]) {', '  DBI::dbConnect(odbc::odbc(), "Snowflake",');
  db.d('    UID = user, PWD = keyring::key_get("snowflake", user))', 'keyring lookup');
  db.l('}', '');
  const rsPw = pw();
  db.l('rs_con <- function() {');
  db.s(
    `  dbConnect(RPostgres::Postgres(), host = "acme-dw.c8xk2bq7fpzd.us-east-1.redshift.amazonaws.com", port = 5439, dbname = "assays", user = "analyst", password = "${rsPw}")`,
    'generic',
    rsPw,
  );
  db.l('}', '');
  db.d(
    '# rs_con_safe <- function() dbConnect(RPostgres::Postgres(), password = Sys.getenv("REDSHIFT_PASSWORD"))',
    'env read',
  );
  db.d('lims_prompt <- function() rstudioapi::askForPassword("LIMS password")', 'prompt');
  const myPw = pw();
  db.l('lims_con <- function() {', '  DBI::dbConnect(RMariaDB::MariaDB(),', '    host = "lims-db.lab.acme-bio.local",');
  db.l('    user = "lims_ro",');
  db.s(`    password = '${myPw}',`, 'generic', myPw);
  db.l('    dbname = "lims")', '}', '');
  const mssqlPw = pwu();
  db.s(
    `lims_mssql <- function() DBI::dbConnect(odbc::odbc(), .connection_string = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:lims-sql.lab.acme-bio.local,1433;Database=LIMS;Uid=lims_reader;Pwd=${mssqlPw};TrustServerCertificate=yes;")`,
    'generic',
    mssqlPw,
  );

  const be = repo.file('analysis/R/benchling_export.R', 'r');
  be.l('library(httr)', 'library(jsonlite)', '');
  be.d('BASE <- "https://acmebio.benchling.com/api/v2"', 'url');
  const hk = x.benchling();
  be.s(
    `resp <- GET(paste0(BASE, "/assay-results"), authenticate("${hk}", ""), query = list(pageSize = 100))`,
    'benchling',
    hk,
  );
  be.d('resp2 <- GET(paste0(BASE, "/entries"), authenticate(Sys.getenv("BENCHLING_API_KEY"), ""))', 'env read');
  be.d(`plate <- content(GET(paste0(BASE, "/plates/", "${x.benchlingId('plt')}")))`, 'benchling plate id');
  be.l('', '# push the exported table to the results bucket', 'aws.s3::put_object(file = "qc_summary.csv",');
  be.l('  object = "qc/2026-03/qc_summary.csv", bucket = "acme-assay-results",');
  const s3k = t.awsId();
  const s3s = t.awsSecret();
  be.s(`  key = "${s3k}",`, 'aws', s3k);
  be.s(`  secret = "${s3s}",`, 'aws', s3s);
  be.l('  region = "us-east-1")');
  const limsB = pw();
  be.s(
    `Sys.setenv(LIMS_PW = rawToChar(base64enc::base64decode("${b64(limsB)}")))  # not in plain text`,
    'generic',
    limsB,
  );

  const sh = repo.file('analysis/shiny/plate-qc/app.R', 'r');
  sh.l('library(shiny)', 'library(shinymanager)', '');
  const a1 = pw();
  sh.l('credentials <- data.frame(', '  user = c("admin", "qc_viewer"),');
  sh.s(`  password = c("${a1}", "${pw()}"),`, 'generic', a1);
  sh.l('  admin = c(TRUE, FALSE),', '  stringsAsFactors = FALSE', ')', '');
  const tok = x.shinyToken();
  const sec = x.shinySecret();
  sh.l("rsconnect::setAccountInfo(name = 'acmebio-qc',");
  sh.s(`  token = '${tok}',`, 'shinyapps', tok);
  sh.s(`  secret = '${sec}')`, 'shinyapps', sec);
  sh.d('ui <- secure_app(fluidPage(titlePanel("Plate QC"), plotOutput("heat")))', 'plain');
  sh.d('# rsconnect::setAccountInfo(name = "<ACCOUNT>", token = "<TOKEN>", secret = "<SECRET>")', 'placeholder');

  const dcf = repo.file('analysis/shiny/plate-qc/rsconnect/shinyapps.io/acmebio-qc/plate-qc.dcf', 'r');
  dcf.l('name: plate-qc', 'title: Plate QC', 'username: acmebio-qc', 'account: acmebio-qc', 'server: shinyapps.io');
  dcf.d('hostUrl: https://api.shinyapps.io/v1', 'url');
  dcf.d(`appId: ${t.digits(8)}`, 'numeric app id');
  dcf.d(`bundleId: ${t.digits(7)}`, 'numeric bundle id');
  dcf.l('url: https://acmebio-qc.shinyapps.io/plate-qc/', 'version: 1');

  const acct = repo.file('analysis/.config/rsconnect/accounts/connect.acme-bio.com/jdoe.dcf', 'r');
  acct.l('name: jdoe', 'server: connect.acme-bio.com');
  const conTok = t.mixed('0123456789ABCDEF', 32);
  acct.s(`token: ${conTok}`, 'posit', conTok);
  const privKey = t.rsaPem().slice(1, -1).join('');
  acct.s(`private_key: ${privKey}`, 'private-key', privKey);

  const rmd = repo.file('analysis/reports/elisa_qc.Rmd', 'r');
  rmd.l(
    '---',
    'title: "ELISA plate QC"',
    'output: html_document',
    'params:',
    '  run_id: "RUN-2026-0314-07"',
    '---',
    '',
  );
  rmd.l('```{r setup, include=FALSE}', 'library(DBI)');
  const rmdPw = pw();
  rmd.s(
    `con <- dbConnect(RPostgres::Postgres(), host = "lims-pg.lab.acme-bio.local", dbname = "elisa", user = "report", password = "${rmdPw}")`,
    'generic',
    rmdPw,
  );
  rmd.l('```', '', '```{r}');
  rmd.d(
    'plates <- dbGetQuery(con, "SELECT plate_id, well, od450 FROM reads WHERE run_id = $1", params = list(params$run_id))',
    'sql placeholder',
  );
  rmd.l('```');

  const tt = repo.file('analysis/packages/acmeLIMS/tests/testthat/setup.R', 'r');
  const ttk = x.benchling();
  tt.d('# runs against the sandbox tenant', 'comment');
  tt.s(`Sys.setenv(BENCHLING_API_KEY = "${ttk}", BENCHLING_TENANT = "acmebio-sandbox")`, 'benchling', ttk);
  tt.d('withr::local_envvar(LIMS_PASSWORD = "not-a-real-password")', 'obvious test value');
  tt.d('mock_key <- "sk_XXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', 'placeholder');

  const desc = repo.file('analysis/packages/acmeLIMS/DESCRIPTION', 'r');
  desc.l('Package: acmeLIMS', 'Title: Client for the ACME LIMS and Benchling Tenant', 'Version: 0.9.2');
  desc.d('Authors@R: person("Jane", "Doe", email = "jdoe@acme-bio.com", role = c("aut", "cre"))', 'author');
  desc.l('Imports: httr, jsonlite, DBI, keyring', 'License: Proprietary');

  const hist = repo.file('analysis/.Rhistory', 'r');
  hist.d('library(tidyverse)', 'plain');
  const hs = t.awsSecret();
  hist.s(`Sys.setenv("AWS_SECRET_ACCESS_KEY" = "${hs}")`, 'aws', hs);
  hist.d('df <- read_csv("s3://acme-assay-results/qc/qc_summary.csv")', 'plain');
  hist.d('con <- dbConnect(RPostgres::Postgres(), host="localhost", port=5433, user="jdoe")', 'no password');
  const hgh = t.github();
  hist.s(`gitcreds::gitcreds_set("${hgh}")`, 'github', hgh);
  hist.d('usethis::create_github_token()', 'plain');
  hist.d('keyring::key_set("snowflake", "SVC_RSTUDIO")', 'keyring');

  const renv = repo.file('analysis/renv.lock', 'r');
  renv.l('{', '  "R": { "Version": "4.3.2" },', '  "Packages": {');
  for (const p of ['DBI', 'odbc', 'httr', 'shinymanager', 'aws.s3']) {
    renv.l(`    "${p}": {`, `      "Package": "${p}",`, '      "Version": "1.2.1",', '      "Source": "Repository",');
    renv.d(`      "Hash": "${t.pick(HEX, 32)}"`, 'renv hash');
    renv.l('    },');
  }
  renv.l('    "zzz": {}', '  }', '}');
}

// ---- Python: shared clients, settings, ML, LIMS bridge ------------------------------------

function pythonCommon(x) {
  const { t, repo, pw, pwu, b64 } = x;
  const lc = repo.file('pipelines/common/acme_common/lims_client.py', 'python');
  lc.l(
    'import os',
    '',
    'from benchling_sdk.benchling import Benchling',
    'from benchling_sdk.auth.api_key_auth import ApiKeyAuth',
    '',
  );
  lc.d('TENANT = "https://acmebio.benchling.com"', 'url');
  const k1 = x.benchling();
  lc.s(`benchling = Benchling(url=TENANT, auth_method=ApiKeyAuth("${k1}"))`, 'benchling', k1);
  lc.d('benchling_env = Benchling(url=TENANT, auth_method=ApiKeyAuth(os.environ["BENCHLING_API_KEY"]))', 'env read');
  lc.d(`ASSAY_SCHEMA_ID = "${x.benchlingId('assaysch')}"`, 'benchling schema id');
  lc.d(`RESULTS_FOLDER_ID = "${x.benchlingId('lib')}"`, 'benchling folder id');
  lc.d(`PROJECT_ID = "${x.benchlingId('src')}"`, 'benchling project id');
  const lk = x.labkey();
  lc.l('', 'from labkey.api_wrapper import APIWrapper', '');
  lc.s(`labkey = APIWrapper("labkey.acme-bio.com", "LIMS/Assays", use_ssl=True, api_key="${lk}")`, 'labkey', lk);

  const wh = repo.file('pipelines/common/acme_common/warehouse.py', 'python');
  wh.l(
    'import snowflake.connector',
    'import redshift_connector',
    'from databricks import sql',
    'from sqlalchemy import create_engine',
    '',
  );
  wh.l(
    'def snowflake_conn():',
    '    return snowflake.connector.connect(',
    '        account="acmebio-analytics",',
    '        user="SVC_PIPELINES",',
  );
  const sp = pw();
  wh.s(`        password="${sp}",`, 'generic', sp);
  wh.l('        warehouse="ETL_WH",', '        role="PIPELINES",', '    )', '');
  wh.l(
    'def snowflake_keypair():',
    '    return snowflake.connector.connect(',
    '        account="acmebio-analytics",',
    '        user="SVC_ETL",',
  );
  wh.d('        private_key_file="/etc/acme/keys/etl_key.p8",', 'file path');
  const pkp = pw();
  wh.s(`        private_key_file_pwd="${pkp}",`, 'generic', pkp);
  wh.l('    )', '');
  const engPw = pwu();
  wh.s(
    `ENGINE = create_engine("snowflake://SVC_ETL:${engPw}@acmebio-analytics/ASSAYS/PUBLIC?warehouse=ETL_WH&role=ETL")`,
    'database',
    engPw,
  );
  wh.d('ENGINE_ENV = create_engine(os.environ["SNOWFLAKE_URL"])', 'env read');
  const rsp = pw();
  wh.s(
    `rs = redshift_connector.connect(host="acme-dw.c8xk2bq7fpzd.us-east-1.redshift.amazonaws.com", database="dw", port=5439, user="etl", password="${rsp}")`,
    'generic',
    rsp,
  );
  const dtk = x.databricks();
  wh.l('', 'def databricks_conn():', '    return sql.connect(');
  wh.d('        server_hostname="dbc-7f3a91c2-5e4d.cloud.databricks.com",', 'host');
  wh.d('        http_path="/sql/1.0/warehouses/8d2f6a1b3c4e5f70",', 'warehouse path');
  wh.s(`        access_token="${dtk}",`, 'databricks', dtk);
  wh.l('    )');
  wh.d('DB_TOKEN = os.getenv("DATABRICKS_TOKEN", "")', 'env read');
  const pgdsn = pw();
  wh.s(
    `LIMS_DSN = "dbname=lims user=lims_app password=${pgdsn.replace(/\s/g, '')} host=lims-pg.lab.acme-bio.local port=5432"`,
    'generic',
    pgdsn,
  );

  const s3 = repo.file('pipelines/common/acme_common/storage.py', 'python');
  s3.l('import boto3', '');
  const ak = t.awsId();
  const as = t.awsSecret();
  s3.l('s3 = boto3.client(', '    "s3",', '    region_name="us-east-1",');
  s3.s(`    aws_access_key_id="${ak}",`, 'aws', ak);
  s3.s(`    aws_secret_access_key="${as}",`, 'aws', as);
  s3.l(')');
  s3.d('batch = boto3.Session(profile_name="research").client("batch")', 'profile');
  s3.d('RAW_BUCKET = "acme-ngs-raw-123456789012-us-east-1"', 'bucket name');
  s3.d('JOB_QUEUE = "arn:aws:batch:us-east-1:123456789012:job-queue/nf-spot"', 'arn');

  const st = repo.file('services/lims-bridge/lims_bridge/settings.py', 'python');
  st.l(
    'from pydantic import Field, SecretStr',
    'from pydantic_settings import BaseSettings',
    '',
    '',
    'class Settings(BaseSettings):',
  );
  st.d('    benchling_tenant: str = "acmebio"', 'plain');
  const sk = x.benchling();
  st.s(`    benchling_api_key: SecretStr = SecretStr("${sk}")`, 'benchling', sk);
  st.d('    snowflake_account: str = "acmebio-analytics"', 'plain');
  st.d('    snowflake_user: str = "SVC_LIMS_BRIDGE"', 'plain');
  const ssp = pw();
  st.s(`    snowflake_password: SecretStr = Field(default="${ssp}")`, 'generic', ssp);
  st.d('    databricks_token: SecretStr = Field(default=..., validation_alias="DATABRICKS_TOKEN")', 'required field');
  st.d('    mqtt_password: SecretStr | None = None', 'none');

  const ftp = repo.file('services/lims-bridge/lims_bridge/legacy_ftp.py', 'python');
  ftp.l('import base64', 'import ftplib', '');
  ftp.d('HOST = "ftp-lab.lab.acme-bio.local"', 'host');
  ftp.l('USER = "tecan"');
  const fpw = pw();
  ftp.s(`PASSWORD = base64.b64decode("${b64(fpw)}").decode()`, 'generic', fpw);
  ftp.d('ftp = ftplib.FTP_TLS(HOST)', 'plain');
  ftp.d('ftp.login(USER, PASSWORD)', 'variables');

  const nc = repo.file('scripts/ncbi/fetch_refseq.py', 'python');
  nc.l('from Bio import Entrez, SeqIO', '');
  nc.d('Entrez.email = "bioinfo@acme-bio.com"', 'email');
  const nk = x.ncbi();
  nc.s(`Entrez.api_key = "${nk}"`, 'ncbi', nk);
  nc.d('handle = Entrez.efetch(db="nucleotide", id="NM_000546.6", rettype="gb", retmode="text")', 'accession');
  nc.d('ids = ["NM_007294.4", "NM_000059.4", "ENSG00000141510"]', 'accessions');

  const tr = repo.file('ml/protein-lm/train.py', 'python');
  tr.l(
    'import torch',
    'import wandb',
    'from huggingface_hub import login',
    'from transformers import AutoModelForMaskedLM',
    '',
  );
  tr.d('torch.manual_seed(20260314)', 'seed');
  const wk = x.wandb();
  tr.s(`wandb.login(key="${wk}")`, 'wandb', wk);
  tr.d('run = wandb.init(project="esm2-finetune", entity="acmebio-ml", config={"lr": 3e-5})', 'plain');
  const hft = x.hf();
  tr.s(`login(token="${hft}")`, 'huggingface', hft);
  tr.d('model = AutoModelForMaskedLM.from_pretrained("facebook/esm2_t33_650M_UR50D")', 'model name');
  tr.d(
    'GFP = "MSKGEELFTGVVPILVELDGDVNGHKFSVSGEGEGDATYGKLTLKFICTTGKLPVPWPTLVTTFSYGVQCFSRYPDHMKQHDFFKSAMPEGYVQERTIFFKDDGNYKTRAEVKFEGDTLVNRIELKGIDFKEDGNILGHKLEYNYNSHNVYIMADKQKNGIKVNFKIRHNIEDGSVQLADHYQQNTPIGDGPVLLPDNHYLSTQSALSKDPNEKRDHMVLLEFVTAAGITHGMDELYK"',
    'protein sequence',
  );

  const cfg = repo.file('ml/protein-lm/configs/finetune.yaml', 'python');
  cfg.l('model:', '  name: facebook/esm2_t33_650M_UR50D', '  max_length: 1024', 'data:');
  cfg.d(`  train_sha256: ${t.sha256()}`, 'dataset hash');
  cfg.d('  uri: s3://acme-ml-datasets/uniref50-2026_01/', 'uri');
  cfg.l('logging:', '  wandb:', '    project: esm2-finetune');
  const wk2 = x.wandb();
  cfg.s(`    api_key: ${wk2}`, 'wandb', wk2);
  cfg.l('hub:', '  repo_id: acmebio/esm2-binder-ft');
  const hf2 = x.hf();
  cfg.s(`  token: ${hf2}`, 'huggingface', hf2);
  cfg.d('  private: true', 'plain');

  const wb = repo.file('services/eln-sync/eln_sync/webhooks.py', 'python');
  wb.l('import hmac, hashlib', '');
  const whs = t.hex(32) + t.hex(32);
  wb.s(`WEBHOOK_SIGNING_SECRET = b"${whs}"`, 'generic', whs);
  wb.d('def verify(body: bytes, sig: str) -> bool:', 'plain');
  wb.d(
    '    return hmac.compare_digest(hmac.new(WEBHOOK_SIGNING_SECRET, body, hashlib.sha256).hexdigest(), sig)',
    'plain',
  );
  wb.d(`APP_DEFINITION_ID = "${x.benchlingId('appdef')}"`, 'app definition id');

  const fx = repo.file('services/eln-sync/tests/fixtures/benchling_entities.json', 'python');
  fx.l('{', '  "_note": "recorded from the sandbox tenant, ids only",', '  "entities": [');
  for (let i = 0; i < 4; i++)
    fx.d(
      `    {"id": "${x.benchlingId('seq')}", "entryId": "${x.benchlingId('etr')}", "folderId": "${x.benchlingId('lib')}", "bases": "${x.dna(48)}"},`,
      'benchling ids and bases',
    );
  fx.l('    {}', '  ],');
  fx.d('  "apiKey": "sk_fake_for_recorded_cassettes"', 'fixture fake');
  fx.l('}');
}

// ---- Jupyter notebooks with outputs, Databricks notebook source ------------------------------

function nbSource(lines) {
  return lines.map(
    (l, i) => `    ${JSON.stringify(i < lines.length - 1 ? `${l}\n` : l)}${i < lines.length - 1 ? ',' : ''}`,
  );
}

function notebooks(x) {
  const { t, repo, pw, b64 } = x;
  const nb = repo.file('notebooks/exploratory/2026-03_assay_qc.ipynb', 'notebook');
  nb.l('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 1,');
  nb.d(`   "id": "${t.pick(HEX, 8)}",`, 'cell id');
  nb.l('   "metadata": {},', '   "outputs": [],', '   "source": [');
  const sfp = pw();
  nb.l(...nbSource(['import snowflake.connector', 'conn = snowflake.connector.connect(', '']).slice(0, 2));
  nb.l(`    ${JSON.stringify('    user="JDOE",\n')},`);
  nb.s(`    ${JSON.stringify(`    password="${sfp}",\n`)},`, 'generic', sfp);
  nb.l(`    ${JSON.stringify('    account="acmebio-analytics")')}`);
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
  );
  const ek = x.benchling();
  nb.l('    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(`      ${JSON.stringify(`env: BENCHLING_API_KEY=${ek}\n`)}`, 'benchling', ek);
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.s(`    ${JSON.stringify(`%env BENCHLING_API_KEY=${ek}`)}`, 'benchling', ek);
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
  );
  nb.l('    {', '     "data": {');
  nb.d(`      "image/png": "iVBORw0KGgoAAAANSUhEUgAA${t.mixed(B64, 1400)}",`, 'plot png');
  nb.l(
    '      "text/plain": [',
    '       "<Figure size 640x480 with 1 Axes>"',
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.d(
    `    ${JSON.stringify('df = pd.read_sql("SELECT plate_id, od450 FROM ASSAYS.PUBLIC.ELISA_READS", conn)\n')},`,
    'sql',
  );
  nb.d(`    ${JSON.stringify('sns.heatmap(df.pivot("row", "col", "od450"))')}`, 'plain');
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [',
  );
  const envAk = t.awsId();
  const envAs = t.awsSecret();
  nb.l('    {', '     "name": "stdout",', '     "output_type": "stream",', '     "text": [');
  nb.s(`      ${JSON.stringify(`AWS_ACCESS_KEY_ID=${envAk}\n`)},`, 'aws', envAk);
  nb.s(`      ${JSON.stringify(`AWS_SECRET_ACCESS_KEY=${envAs}\n`)},`, 'aws', envAs);
  nb.d(`      ${JSON.stringify('AWS_DEFAULT_REGION=us-east-1\n')},`, 'region');
  nb.d(`      ${JSON.stringify(`JPY_SESSION_NAME=${t.uuid()}\n`)}`, 'session uuid');
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.d(`    ${JSON.stringify('!env | grep -E "AWS|JPY" | sort')}`, 'shell');
  nb.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" }',
    ' },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const n2 = repo.file('notebooks/lims/benchling_sync_debug.ipynb', 'notebook');
  const bk = x.benchling();
  n2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 7,',
    '   "metadata": {},',
    '   "outputs": [',
  );
  n2.l('    {', '     "data": {', '      "text/plain": [');
  n2.s(
    `       ${JSON.stringify(`{'User-Agent': 'python-requests/2.31.0', 'Accept': '*/*', 'Authorization': 'Basic ${b64(`${bk}:`)}'}`)}`,
    'benchling',
    bk,
  );
  n2.l(
    '      ]',
    '     },',
    '     "execution_count": 7,',
    '     "metadata": {},',
    '     "output_type": "execute_result"',
    '    }',
    '   ],',
    '   "source": [',
  );
  n2.d(`    ${JSON.stringify('BASE = "https://acmebio.benchling.com/api/v2"\n')},`, 'url');
  n2.s(
    `    ${JSON.stringify(`r = requests.get(f"{BASE}/dna-sequences", auth=("${bk}", ""), params={"pageSize": 50})\n`)},`,
    'benchling',
    bk,
  );
  n2.d(`    ${JSON.stringify('r.request.headers')}`, 'plain');
  n2.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 8,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  const dbk = x.databricks('-2');
  n2.d(`    ${JSON.stringify('from databricks.sdk import WorkspaceClient\n')},`, 'import');
  n2.s(
    `    ${JSON.stringify(`w = WorkspaceClient(host="https://dbc-7f3a91c2-5e4d.cloud.databricks.com", token="${dbk}")\n`)},`,
    'databricks',
    dbk,
  );
  n2.d(`    ${JSON.stringify('w2 = WorkspaceClient(profile="research")')}`, 'profile');
  n2.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 9,',
    '   "metadata": {},',
    '   "outputs": [',
  );
  n2.l(
    '    {',
    '     "ename": "OperationalError",',
    '     "evalue": "connection failed",',
    '     "output_type": "error",',
    '     "traceback": [',
  );
  const tbPw = x.pwu();
  n2.s(
    `      ${JSON.stringify(`OperationalError: (psycopg2.OperationalError) could not connect; dsn='postgresql://analyst:${tbPw}@lims-pg.lab.acme-bio.local:5432/lims'`)}`,
    'database',
    tbPw,
  );
  n2.l('     ]', '    }', '   ],', '   "source": [');
  n2.d(`    ${JSON.stringify('engine = create_engine(os.environ["LIMS_DB_URL"]); engine.connect()')}`, 'env read');
  n2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const dbn = repo.file('notebooks/databricks/ingest_plate_reader.py', 'notebook');
  dbn.l(
    '# Databricks notebook source',
    '# MAGIC %md',
    '# MAGIC # Ingest plate-reader exports into bronze',
    '',
    '# COMMAND ----------',
    '',
  );
  dbn.d('storage_account = "acmebiolake"', 'account name');
  const azk = t.azureStorageKey();
  dbn.s(`spark.conf.set(f"fs.azure.account.key.{storage_account}.dfs.core.windows.net", "${azk}")`, 'azure', azk);
  dbn.l('', '# COMMAND ----------', '');
  dbn.d('benchling_key = dbutils.secrets.get(scope="lims", key="benchling-api-key")', 'databricks secret');
  const sak = t.awsId();
  const sas = t.awsSecret();
  dbn.s(`spark.conf.set("fs.s3a.access.key", "${sak}")`, 'aws', sak);
  dbn.s(`spark.conf.set("fs.s3a.secret.key", "${sas}")`, 'aws', sas);
  dbn.d('df = spark.read.option("header", True).csv("s3a://acme-instrument-raw/plate-reader/2026/03/")', 'path');
  dbn.l('', '# COMMAND ----------', '');
  const jdbcPw = x.pwu();
  dbn.s(
    `jdbc_url = "jdbc:sqlserver://lims-sql.lab.acme-bio.local:1433;databaseName=LIMS;user=databricks_ro;password=${jdbcPw}"`,
    'database',
    jdbcPw,
  );
  dbn.d('df.write.format("delta").mode("append").saveAsTable("bronze.plate_reads")', 'plain');
}

// ---- Nextflow -------------------------------------------------------------------------------

function nextflow(x) {
  const { t, repo, pw } = x;
  const c = repo.file('pipelines/rnaseq/nextflow.config', 'nextflow');
  c.l('manifest {', "    name = 'acme/rnaseq'", "    nextflowVersion = '!>=23.10.0'", '}', '', 'params {');
  c.d("    outdir = 's3://acme-ngs-results/rnaseq'", 's3 path');
  c.d("    genome = 'GRCh38'", 'plain');
  const pbk = x.benchling();
  c.s(`    benchling_api_key = '${pbk}'`, 'benchling', pbk);
  c.d('    lims_password = null', 'null');
  c.l('}', '', 'aws {', "    region = 'us-east-1'");
  const ak = t.awsId();
  const as = t.awsSecret();
  c.s(`    accessKey = '${ak}'`, 'aws', ak);
  c.s(`    secretKey = '${as}'`, 'aws', as);
  c.l('    batch {', "        cliPath = '/home/ec2-user/miniconda/bin/aws'");
  c.d("        jobRole = 'arn:aws:iam::123456789012:role/nf-batch-job'", 'arn');
  c.l('    }', '}', '', 'tower {', '    enabled = true');
  const tw = x.tower();
  c.s(`    accessToken = '${tw}'`, 'seqera', tw);
  c.d("    workspaceId = '40230138858677'", 'workspace id');
  c.d("    endpoint = 'https://tower.acme-bio.net/api'", 'url');
  c.l('}', '', 'env {');
  const sfp = pw();
  c.s(`    SNOWFLAKE_PASSWORD = "${sfp}"`, 'generic', sfp);
  c.d("    BENCHLING_TENANT = 'acmebio'", 'plain');
  c.l('}', '', 'profiles {', '    hpc {', "        process.executor = 'slurm'");
  c.d("        singularity.cacheDir = '/shared/containers'", 'path');
  c.l('    }', '}');

  const ab = repo.file('pipelines/rnaseq/conf/awsbatch.config', 'nextflow');
  ab.l('process {', "    executor = 'awsbatch'", "    queue = 'nf-spot'", '}');
  ab.d('aws.accessKey = secrets.AWS_ACCESS_KEY_ID', 'nextflow secret');
  ab.d("aws.secretKey = System.getenv('AWS_SECRET_ACCESS_KEY')", 'env read');
  ab.d('tower.accessToken = secrets.TOWER_ACCESS_TOKEN', 'nextflow secret');
  ab.d("docker.registry = 'quay.io'", 'plain');

  const hpcCfg = repo.file('pipelines/rnaseq/conf/acme_hpc.config', 'nextflow');
  hpcCfg.l('singularity {', '    enabled = true', '    autoMounts = true');
  hpcCfg.l("    registry = 'quay.io'");
  hpcCfg.l('}', '', 'env {');
  const q = x.quay();
  hpcCfg.l("    SINGULARITY_DOCKER_USERNAME = 'acmebio+hpc'");
  hpcCfg.s(`    SINGULARITY_DOCKER_PASSWORD = '${q}'`, 'quay', q);
  hpcCfg.l('}');

  const mn = repo.file('pipelines/rnaseq/main.nf', 'nextflow');
  mn.l('nextflow.enable.dsl = 2', '', 'process PUSH_TO_BENCHLING {');
  mn.d("    secret 'BENCHLING_API_KEY'", 'secret directive');
  mn.l('    input:', '    path counts', '', '    script:', '    """');
  mn.d(
    '    curl -sf -u "\\$BENCHLING_API_KEY:" -F file=@${counts} https://acmebio.benchling.com/api/v2/blobs',
    'env reference',
  );
  mn.l('    """', '}', '', 'workflow.onComplete {');
  const hook = t.slackWebhook();
  mn.s(`    def hook = '${hook}'`, 'slack', hook);
  mn.d(
    "    def msg = \"rnaseq ${workflow.success ? 'succeeded' : 'failed'} (${workflow.runName})\"",
    'groovy interpolation',
  );
  mn.l("    ['curl', '-s', '-X', 'POST', '-d', \"{\\\"text\\\": \\\"${msg}\\\"}\", hook].execute()", '}');

  const pj = repo.file('pipelines/rnaseq/params/params-prod.json', 'nextflow');
  pj.l('{');
  pj.d('  "input": "s3://acme-ngs-raw/RUN0421/samplesheet.csv",', 's3 path');
  pj.d('  "outdir": "s3://acme-ngs-results/rnaseq/RUN0421",', 's3 path');
  pj.d('  "benchling_api_key": null,', 'null');
  const ljp = pw();
  pj.s(`  "lims_password": "${ljp}",`, 'generic', ljp);
  pj.d('  "email_on_fail": "bioinfo-alerts@acme-bio.com"', 'email');
  pj.l('}');

  const nfl = repo.file('pipelines/rnaseq/.nextflow.log', 'nextflow');
  const cliKey = x.benchling();
  nfl.s(
    `Mar-14 10:02:11.128 [main] DEBUG nextflow.cli.Launcher - $> nextflow run main.nf -profile awsbatch -with-tower --benchling_api_key ${cliKey} -resume`,
    'benchling',
    cliKey,
  );
  nfl.d(
    `Mar-14 10:02:11.500 [main] INFO  nextflow.cli.CmdRun - Launching \`main.nf\` [golden_hopper] DSL2 - revision: ${t.sha1().slice(0, 10)}`,
    'revision',
  );
  nfl.d(`Mar-14 10:02:12.004 [main] DEBUG nextflow.Session - Session UUID: ${t.uuid()}`, 'session uuid');
  nfl.d(
    'Mar-14 10:02:14.310 [main] DEBUG io.seqera.tower.plugin.TowerClient - Creating Tower observer -- endpoint=https://tower.acme-bio.net/api; requestInterval=1s; aliveInterval=1m; maxRetries=5',
    'plain',
  );
  nfl.d(
    `Mar-14 10:05:40.992 [Task submitter] INFO  nextflow.Session - [${t.pick(HEX, 2)}/${t.pick(HEX, 6)}] Submitted process > FASTQC (S01_L001)`,
    'task hash',
  );
}

// ---- Snakemake -----------------------------------------------------------------------------

function snakemake(x) {
  const { t, repo, pw } = x;
  const sf = repo.file('pipelines/variant-calling/workflow/Snakefile', 'snakemake');
  sf.l(
    'from snakemake.remote.S3 import RemoteProvider as S3RemoteProvider',
    'from snakemake.remote.FTP import RemoteProvider as FTPRemoteProvider',
    '',
  );
  sf.d('configfile: "config/config.yaml"', 'plain');
  const ak = t.awsId();
  const as = t.awsSecret();
  sf.s(`S3 = S3RemoteProvider(access_key_id="${ak}",`, 'aws', ak);
  sf.s(`                      secret_access_key="${as}")`, 'aws', as);
  const fpw = pw();
  sf.s(`FTP = FTPRemoteProvider(username="seqcore", password="${fpw}")`, 'generic', fpw);
  sf.l('', 'rule fetch_vcf:', '    input:');
  sf.d('        FTP.remote("ftp-lab.lab.acme-bio.local/exports/{sample}.vcf.gz", keep_local=True)', 'plain');
  sf.l('    output:', '        "results/raw/{sample}.vcf.gz"', '    shell:');
  sf.d('        "curl -u {config[lims][user]}:{config[lims][password]} -o {output} {input}"', 'config reference');

  const cy = repo.file('pipelines/variant-calling/config/config.yaml', 'snakemake');
  cy.l('samples: config/samples.tsv', 'ref:', '  species: homo_sapiens', '  build: GRCh38', '  release: 110');
  cy.l('lims:', '  url: https://lims.lab.acme-bio.local/api', '  user: snakemake');
  const lpw = pw();
  cy.s(`  password: "${lpw}"`, 'generic', lpw);
  cy.l('benchling:');
  const bk = x.benchling();
  cy.s(`  api_key: ${bk}`, 'benchling', bk);
  cy.d('  registry_id: "src_Kp2Zq8Lm"', 'registry id');
  cy.l('ftp:', '  user: seqcore');
  cy.d('  password: ""', 'empty');

  const prof = repo.file('pipelines/variant-calling/profiles/slurm/config.yaml', 'snakemake');
  prof.l(
    'executor: slurm',
    'jobs: 200',
    'default-resources:',
    '  slurm_partition: compute',
    '  mem_mb: 8000',
    '  runtime: 720',
  );
  prof.l('default-storage-provider: s3');
  const pak = t.awsId();
  const pas = t.awsSecret();
  prof.s(`storage-s3-access-key: ${pak}`, 'aws', pak);
  prof.s(`storage-s3-secret-key: ${pas}`, 'aws', pas);
  prof.d('storage-s3-endpoint-url: https://s3.us-east-1.amazonaws.com', 'url');
  prof.d('software-deployment-method: apptainer', 'plain');

  const env = repo.file('pipelines/variant-calling/workflow/envs/acme-tools.yaml', 'snakemake');
  env.l(
    'name: acme-tools',
    'channels:',
    '  - conda-forge',
    '  - bioconda',
    'dependencies:',
    '  - python=3.11',
    '  - bcftools=1.19',
    '  - pip',
    '  - pip:',
  );
  const gd = x.gldt();
  env.s(
    `    - --extra-index-url https://gitlab+deploy-token-118:${gd}@gitlab.acme-bio.com/api/v4/projects/118/packages/pypi/simple`,
    'gitlab',
    gd,
  );
  env.l('    - acme-bioutils==2.3.1');

  const slog = repo.file('pipelines/variant-calling/.snakemake/log/2026-03-14T101500.snakemake.log', 'snakemake');
  slog.d('Building DAG of jobs...', 'plain');
  slog.d('Using shell: /usr/bin/bash', 'plain');
  slog.d('rule fetch_vcf:', 'plain');
  slog.d('    jobid: 4', 'plain');
  const cmdPw = x.pwu();
  slog.s(
    `curl -u snakemake:${cmdPw} -o results/raw/S07.vcf.gz ftp://ftp-lab.lab.acme-bio.local/exports/S07.vcf.gz`,
    'generic',
    cmdPw,
  );
  slog.d(`Complete log: .snakemake/log/2026-03-14T101500.${t.pick(DIGIT, 6)}.snakemake.log`, 'plain');
}

// ---- Java instrument-control services --------------------------------------------------------

function javaInstruments(x) {
  const { t, repo, pw, pwu, b64 } = x;
  const y = repo.file('services/instrument-control/src/main/resources/application.yml', 'java');
  y.l(
    'spring:',
    '  datasource:',
    '    url: jdbc:postgresql://lims-pg.lab.acme-bio.local:5432/instruments',
    '    username: instr_svc',
  );
  const dpw = pw();
  y.s(`    password: ${dpw}`, 'generic', dpw);
  y.l('  rabbitmq:', '    host: mq.lab.acme-bio.local', '    username: instruments');
  y.d("    password: '${RABBITMQ_PASSWORD}'", 'env placeholder');
  y.l('mqtt:', '  broker: ssl://mqtt.lab.acme-bio.local:8883', '  client-id: plate-reader-gw-01', '  username: gw01');
  const mpw = pw();
  y.s(`  password: "${mpw}"`, 'generic', mpw);
  y.l(
    'opcua:',
    '  endpoint: opc.tcp://hplc-07.lab.acme-bio.local:4840',
    '  security-policy: Basic256Sha256',
    '  username: opcuser',
  );
  const opw = pw();
  y.s(`  password: ${opw}`, 'generic', opw);
  y.l('benchling:', '  tenant-url: https://acmebio.benchling.com');
  const bk = x.benchling();
  y.s(`  api-key: ${bk}`, 'benchling', bk);
  y.l('aws:', '  s3:', '    bucket: acme-instrument-raw');
  const ak = t.awsId();
  const as = t.awsSecret();
  y.s(`    access-key-id: ${ak}`, 'aws', ak);
  y.s(`    secret-access-key: ${as}`, 'aws', as);
  y.l('server:', '  ssl:', '    key-store: classpath:keystore.p12');
  const ksp = pw();
  y.s(`    key-store-password: ${ksp}`, 'generic', ksp);
  y.l('    key-alias: instr');
  y.l('---', 'spring:', '  config:', '    activate:', '      on-profile: k8s', '  datasource:');
  y.d('    password: ${LIMS_DB_PASSWORD}', 'env placeholder');
  y.d('mqtt.password: ${MQTT_PASSWORD:}', 'env placeholder');

  const p = repo.file('services/instrument-control/src/main/resources/application-prod.properties', 'java');
  p.d('management.endpoints.web.exposure.include=health,info,prometheus', 'plain');
  p.l('lims.ftp.host=ftp-lab.lab.acme-bio.local', 'lims.ftp.user=tecan');
  const fpw = pw();
  p.s(`lims.ftp.password=${fpw}`, 'generic', fpw);
  p.d('spring.datasource.password=${DB_PASS}', 'property placeholder');
  const sfpw = pw();
  p.s(
    `snowflake.jdbc.url=jdbc:snowflake://acmebio-analytics.snowflakecomputing.com/?user=SVC_INSTR&password=${sfpw.replace(/[^A-Za-z0-9]/g, '')}&warehouse=INGEST_WH`,
    'database',
    sfpw.replace(/[^A-Za-z0-9]/g, ''),
  );
  p.d('alerts.slack.channel=#lab-instruments', 'plain');

  const j = repo.file(
    'services/instrument-control/src/main/java/com/acmebio/instruments/PlateReaderClient.java',
    'java',
  );
  j.l(
    'package com.acmebio.instruments;',
    '',
    'import java.sql.Connection;',
    'import java.sql.DriverManager;',
    'import java.util.Base64;',
    '',
    'public class PlateReaderClient {',
  );
  const jurlPw = pwu();
  j.s(
    `    private static final String LIMS_URL = "jdbc:sqlserver://lims-sql.lab.acme-bio.local:1433;databaseName=LIMS;user=lims_writer;password=${jurlPw};encrypt=true";`,
    'database',
    jurlPw,
  );
  const jbk = x.benchling();
  j.s(`    private static final String BENCHLING_KEY = "${jbk}";`, 'benchling', jbk);
  j.d(
    '    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((BENCHLING_KEY + ":").getBytes());',
    'expression',
  );
  j.d('    private final String dbPassword = System.getenv("INSTR_DB_PASSWORD");', 'env read');
  j.l('', '    Connection open() throws Exception {');
  const cpw = pw();
  j.s(
    `        return DriverManager.getConnection("jdbc:postgresql://lims-pg.lab.acme-bio.local:5432/instruments", "instr_svc", "${cpw}");`,
    'generic',
    cpw,
  );
  j.l('    }', '', '    void mqtt(MqttConnectOptions opts) {', '        opts.setUserName("gw01");');
  const mqpw = pw();
  j.s(`        opts.setPassword("${mqpw}".toCharArray());`, 'generic', mqpw);
  j.l('    }', '', '    void http(BasicCredentialsProvider cp) {');
  const hpw = pw();
  j.s(
    `        cp.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials("svc_reader", "${hpw}"));`,
    'generic',
    hpw,
  );
  j.l('    }', '', '    void ftp(FTPClient ftp) throws Exception {');
  const ftpw = pw();
  j.s(`        ftp.login("tecan", new String(Base64.getDecoder().decode("${b64(ftpw)}")));`, 'generic', ftpw);
  j.l('    }');
  j.d('    private static final String PASSWORD_PROPERTY = "lims.ftp.password";', 'property name');
  j.l('}');

  const h = repo.file('services/instrument-control/src/main/java/com/acmebio/instruments/HplcOpcUaBridge.java', 'java');
  h.l('package com.acmebio.instruments;', '', 'final class HplcOpcUaBridge {');
  h.d('    static final String ENDPOINT = "opc.tcp://hplc-07.lab.acme-bio.local:4840";', 'url');
  const upw = pw();
  h.s(`    private final IdentityProvider identity = new UsernameProvider("opcuser", "${upw}");`, 'generic', upw);
  h.d('    private final IdentityProvider anon = new AnonymousProvider();', 'plain');
  h.d(`    static final String NODE_ID = "ns=2;s=HPLC07.Pump.Pressure";`, 'node id');
  h.l('}');

  const test = repo.file('services/instrument-control/src/test/resources/application-test.yml', 'java');
  test.l('spring:', '  datasource:', '    url: jdbc:h2:mem:instruments;MODE=PostgreSQL', '    username: sa');
  test.d('    password: ""', 'empty');
  test.l('benchling:');
  test.d('  api-key: sk_test_not_a_real_key', 'fixture fake');
  test.d('  tenant-url: http://localhost:${wiremock.server.port}', 'placeholder');

  const mv = repo.file('services/instrument-control/.mvn/settings.xml', 'java');
  mv.l('<settings>', '  <servers>', '    <server>', '      <id>acme-nexus</id>', '      <username>deploy</username>');
  const mvpw = pw();
  mv.s(`      <password>${mvpw}</password>`, 'generic', mvpw);
  mv.l('    </server>', '    <server>', '      <id>acme-nexus-snapshots</id>', '      <username>deploy</username>');
  mv.d(`      <password>{${t.mixed(B64, 44)}}</password>`, 'maven encrypted password');
  mv.l(
    '    </server>',
    '    <server>',
    '      <id>gitlab-maven</id>',
    '      <configuration>',
    '        <httpHeaders>',
    '          <property>',
    '            <name>Private-Token</name>',
  );
  const gl = t.gitlab();
  mv.s(`            <value>${gl}</value>`, 'gitlab', gl);
  mv.l(
    '          </property>',
    '        </httpHeaders>',
    '      </configuration>',
    '    </server>',
    '    <server>',
    '      <id>ci</id>',
  );
  mv.d('      <password>${env.NEXUS_PASSWORD}</password>', 'env reference');
  mv.l('    </server>', '  </servers>', '</settings>');
}

// ---- Perl LIMS -------------------------------------------------------------------------------

function perlLegacy(x) {
  const { repo, pw } = x;
  const db = repo.file('legacy/lims-perl/lib/LIMS/DB.pm', 'perl');
  db.l('package LIMS::DB;', 'use strict;', 'use warnings;', 'use DBI;', '');
  db.l('our $DSN  = "dbi:Oracle:host=lims-ora.lab.acme-bio.local;sid=LIMSPRD;port=1521";', "our $USER = 'lims_app';");
  const p1 = pw();
  db.s(`our $PASS = '${p1}';`, 'generic', p1);
  db.l('', 'sub connect {');
  db.d('    return DBI->connect($DSN, $USER, $PASS, { RaiseError => 1, AutoCommit => 0 });', 'variables');
  db.l('}', '', 'sub connect_reporting {');
  const p2 = pw();
  db.s(
    `    return DBI->connect("dbi:Oracle:host=lims-ora.lab.acme-bio.local;sid=LIMSRPT", "lims_ro", "${p2}", { RaiseError => 1 }) or die $DBI::errstr;`,
    'generic',
    p2,
  );
  db.l('}', '', 'sub connect_env {');
  db.d('    my $pass = $ENV{LIMS_DB_PASS} || die "LIMS_DB_PASS not set";', 'env read');
  db.l('    return DBI->connect($DSN, $USER, $pass);', '}', '1;');

  const sp = repo.file('legacy/lims-perl/bin/sync_plates.pl', 'perl');
  sp.l('#!/usr/bin/perl', 'use strict;', 'use Net::FTP;', 'use LWP::UserAgent;', '');
  const fp = pw();
  sp.l('my %CONFIG = (', "    ftp_host => 'seqftp.lab.acme-bio.local',", "    ftp_user => 'illumina',");
  sp.s(`    ftp_pass => '${fp}',`, 'generic', fp);
  sp.l(');', '', 'my $ftp = Net::FTP->new($CONFIG{ftp_host}, Passive => 1) or die "connect: $@";');
  sp.d("$ftp->login($CONFIG{ftp_user}, $CONFIG{ftp_pass}) or die 'login: ', $ftp->message;", 'variables');
  const lp = pw();
  sp.s(`$ftp->login('nanodrop', '${lp}') or die 'login: ', $ftp->message;`, 'generic', lp);
  sp.l('', 'my $ua = LWP::UserAgent->new(timeout => 30);');
  const up = pw();
  sp.s(`$ua->credentials('lims.lab.acme-bio.local:443', 'LIMS', 'svc_sync', '${up}');`, 'generic', up);
  const bk = x.benchling();
  sp.s(`$ua->default_header('Authorization' => 'Basic ' . encode_base64('${bk}:', ''));`, 'benchling', bk);
  sp.l('', '__END__', '', '=head1 OPTIONS', '');
  sp.d('=item B<--password> I<password>', 'pod');
  sp.d('The LIMS password; defaults to $ENV{LIMS_PASSWORD}.', 'pod');

  const conf = repo.file('legacy/lims-perl/conf/lims.conf', 'perl');
  conf.l('<database>', '    dsn      dbi:Oracle:LIMSPRD', '    user     lims_app');
  const cp = pw();
  conf.s(`    password ${cp}`, 'generic', cp);
  conf.l('</database>', '<smtp>', '    host     smtp.office365.com', '    user     lims-alerts@acme-bio.com');
  conf.d('    pass     <<include /etc/lims/smtp.secret>>', 'include reference');
  conf.l('</smtp>', '<barcode>');
  conf.d('    prefix   PLT', 'plain');
  conf.d('    checksum mod10', 'plain');
  conf.l('</barcode>');

  const al = repo.file('legacy/lims-perl/bin/send_alert.pl', 'perl');
  al.l(
    '#!/usr/bin/perl',
    'use Net::SMTP;',
    "my $smtp = Net::SMTP->new('smtp.office365.com', Port => 587, Timeout => 30);",
    '$smtp->starttls();',
  );
  const ap = pw();
  al.s(`$smtp->auth('lims-alerts\\@acme-bio.com', '${ap}');`, 'generic', ap);
  al.d("$smtp->mail('lims-alerts\\@acme-bio.com');", 'plain');
}

// ---- MATLAB ----------------------------------------------------------------------------------

function matlab(x) {
  const { t, repo, pw } = x;
  const c = repo.file('instruments/matlab/config/lab_config.m', 'matlab');
  c.l('function cfg = lab_config()', '% Settings for the confocal image pipeline.');
  c.d("cfg.lims.datasource = 'LIMS_PROD';", 'plain');
  c.l("cfg.lims.username = 'matlab_svc';");
  const lp = pw();
  c.s(`cfg.lims.password = '${lp}';`, 'generic', lp);
  c.d("cfg.s3.bucket = 'acme-imaging-raw';", 'plain');
  c.d("cfg.s3.region = 'us-east-1';", 'plain');
  c.d("cfg.benchling.apiKey = getenv('BENCHLING_API_KEY');", 'env read');
  c.d("cfg.omero.password = getSecret('omeroPassword');", 'matlab vault');
  c.l('end');

  const s = repo.file('instruments/matlab/src/connect_lims.m', 'matlab');
  s.l('function conn = connect_lims(cfg)');
  s.d("conn = database(cfg.lims.datasource, cfg.lims.username, getenv('LIMS_PASSWORD'));", 'env read');
  s.l('if ~isopen(conn)');
  const p2 = pw();
  s.s(
    `    conn = database('LIMS_PROD', 'matlab_svc', '${p2}', 'Vendor', 'Microsoft SQL Server', 'Server', 'lims-sql.lab.acme-bio.local');`,
    'generic',
    p2,
  );
  s.l('end', 'end');

  const u = repo.file('instruments/matlab/src/upload_stack.m', 'matlab');
  u.l('function upload_stack(stackFile)');
  const ak = t.awsId();
  const as = t.awsSecret();
  u.s(`setenv('AWS_ACCESS_KEY_ID', '${ak}');`, 'aws', ak);
  u.s(`setenv('AWS_SECRET_ACCESS_KEY', '${as}');`, 'aws', as);
  u.d("setenv('AWS_DEFAULT_REGION', 'us-east-1');", 'region');
  u.d("copyfile(stackFile, 's3://acme-imaging-raw/confocal/');", 'plain');
  const wpw = pw();
  u.s(`opts = weboptions('Username', 'svc_imaging', 'Password', '${wpw}', 'Timeout', 60);`, 'generic', wpw);
  const dt = x.databricks();
  u.s(`hdr = weboptions('HeaderFields', {'Authorization', ['Bearer ' '${dt}']});`, 'databricks', dt);
  u.d("opts2 = weboptions('Username', 'svc_imaging', 'Password', getenv('IMAGING_PW'));", 'env read');
  u.l('end');

  const j = repo.file('instruments/matlab/config/omero.json', 'matlab');
  j.l('{', '  "host": "omero.lab.acme-bio.local",', '  "port": 4064,', '  "user": "matlab_svc",');
  const op = pw();
  j.s(`  "password": "${op}",`, 'generic', op);
  j.d(`  "groupId": ${t.digits(3)}`, 'numeric id');
  j.l('}');
}

// ---- Kubernetes / Helm / Argo ---------------------------------------------------------------

function kubernetes(x) {
  const { t, repo, pw, pwu, b64 } = x;
  const s = repo.file('deploy/k8s/lims-bridge/secret.yaml', 'k8s');
  s.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: lims-bridge',
    '  namespace: lims',
    'type: Opaque',
    'data:',
  );
  const bk = x.benchling();
  s.s(`  BENCHLING_API_KEY: ${b64(bk)}`, 'benchling', bk);
  const dbp = pwu();
  s.s(`  LIMS_DB_URL: ${b64(`postgresql://lims_app:${dbp}@lims-pg.lab.acme-bio.local:5432/lims`)}`, 'database', dbp);
  const sfp = pw();
  s.s(`  SNOWFLAKE_PASSWORD: ${b64(sfp)}`, 'generic', sfp);
  s.d(`  SNOWFLAKE_USER: ${b64('SVC_LIMS_BRIDGE')}`, 'base64 of a user name');
  s.d(`  LOG_LEVEL: ${b64('INFO')}`, 'base64 of a setting');

  const cm = repo.file('deploy/k8s/lims-bridge/configmap.yaml', 'k8s');
  cm.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lims-bridge-config', 'data:');
  cm.d('  BENCHLING_TENANT: acmebio', 'plain');
  cm.d('  SNOWFLAKE_ACCOUNT: acmebio-analytics', 'plain');
  const cmd = x.databricks();
  cm.s(`  DATABRICKS_TOKEN: "${cmd}"`, 'databricks', cmd);
  cm.d(`  BENCHLING_APP_ID: "${x.benchlingId('app')}"`, 'app id');

  const dp = repo.file('deploy/k8s/lims-bridge/deployment.yaml', 'k8s');
  dp.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: lims-bridge',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: bridge',
  );
  dp.d(`          image: quay.io/acmebio/lims-bridge@sha256:${t.sha256()}`, 'image digest');
  dp.l(
    '          env:',
    '            - name: BENCHLING_API_KEY',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  dp.d('                  name: lims-bridge', 'secret name');
  dp.d('                  key: BENCHLING_API_KEY', 'key name');
  dp.l('            - name: LABKEY_API_KEY');
  const lk = x.labkey();
  dp.s(`              value: ${lk}`, 'labkey', lk);

  const pull = repo.file('deploy/k8s/lims-bridge/quay-pull-secret.yaml', 'k8s');
  const qt = x.quay();
  const cfgJson = b64(
    JSON.stringify({ auths: { 'quay.io': { username: 'acmebio+k8s', password: qt, auth: b64(`acmebio+k8s:${qt}`) } } }),
  );
  pull.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: quay-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  pull.s(`  .dockerconfigjson: ${cfgJson}`, 'quay', qt);

  const jh = repo.file('deploy/helm/jupyterhub/values-prod.yaml', 'k8s');
  jh.l('proxy:');
  const st = t.hex(64);
  jh.s(`  secretToken: "${st}"`, 'generic', st);
  jh.l('hub:');
  jh.l('  config:', '    JupyterHub:', '      authenticator_class: github', '    GitHubOAuthenticator:');
  jh.d(`      client_id: "Ov23li${t.alnum(14)}"`, 'github oauth client id (public)');
  const ghcs = t.hex(40);
  jh.s(`      client_secret: "${ghcs}"`, 'generic', ghcs);
  jh.d('      oauth_callback_url: https://jupyter.acme-bio.com/hub/oauth_callback', 'url');
  jh.d('      allowed_organizations: [acmebio:bioinformatics]', 'plain');
  jh.l('singleuser:', '  image:', '    name: quay.io/acmebio/notebook', '    tag: "2026.03.1"', '  extraEnv:');
  const sep = pw();
  jh.s(`    SNOWFLAKE_PASSWORD: "${sep}"`, 'generic', sep);
  jh.d('    AWS_ROLE_ARN: arn:aws:iam::123456789012:role/jupyter-users', 'arn');
  jh.l('imagePullSecret:', '  create: true', '  registry: quay.io', '  username: acmebio+jupyterhub');
  const qp = x.quay();
  jh.s(`  password: ${qp}`, 'quay', qp);

  const ar = repo.file('deploy/argo/rnaseq-workflow.yaml', 'k8s');
  ar.l(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Workflow',
    'metadata:',
    '  generateName: rnaseq-',
    'spec:',
    '  entrypoint: run',
    '  templates:',
    '    - name: run',
    '      container:',
  );
  ar.d('        image: nextflow/nextflow:23.10.1', 'image');
  ar.d('        command: [nextflow, run, acme/rnaseq, -r, v2.3.0, -profile, awsbatch, -with-tower]', 'plain');
  ar.l('        env:', '          - name: TOWER_ACCESS_TOKEN');
  const tw = x.tower();
  ar.s(`            value: ${tw}`, 'seqera', tw);
  ar.l('          - name: TOWER_WORKSPACE_ID');
  ar.d('            value: "40230138858677"', 'workspace id');
  ar.l('          - name: NXF_SCM_FILE');
  ar.d('            value: /etc/nxf/scm', 'path');

  const sealed = repo.file('deploy/k8s/lims-bridge/sealed-secret.yaml', 'k8s');
  sealed.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: lims-bridge-v2',
    'spec:',
    '  encryptedData:',
  );
  sealed.d(`    BENCHLING_API_KEY: AgB${t.mixed(B64, 560)}==`, 'sealed secret');
  sealed.d(`    LIMS_DB_URL: AgC${t.mixed(B64, 620)}==`, 'sealed secret');

  const es = repo.file('deploy/k8s/lims-bridge/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: lims-bridge-aws',
    'spec:',
    '  secretStoreRef: { name: aws-sm, kind: ClusterSecretStore }',
    '  data:',
    '    - secretKey: SNOWFLAKE_PASSWORD',
    '      remoteRef:',
  );
  es.d('        key: prod/lims-bridge/snowflake', 'remote key');
  es.d('        property: password', 'property name');

  const sops = repo.file('deploy/k8s/pipelines/secrets.enc.yaml', 'k8s');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: tower', 'stringData:');
  sops.d(
    `  TOWER_ACCESS_TOKEN: ENC[AES256_GCM,data:${t.mixed(B64, 76)},iv:${t.mixed(B64, 43)}=,tag:${t.mixed(B64, 22)}==,type:str]`,
    'sops encrypted',
  );
  sops.l('sops:', '  kms:', '    - arn: arn:aws:kms:us-east-1:123456789012:alias/sops-pipelines', '  version: 3.8.1');
}

// ---- Terraform (AWS, Snowflake, Databricks) ---------------------------------------------------

function terraform(x) {
  const { t, repo, pw } = x;
  const pv = repo.file('infra/terraform/aws/providers.tf', 'terraform');
  pv.l('provider "aws" {', '  region     = "us-east-1"');
  const ak = t.awsId();
  const as = t.awsSecret();
  pv.s(`  access_key = "${ak}"`, 'aws', ak);
  pv.s(`  secret_key = "${as}"`, 'aws', as);
  pv.l(
    '}',
    '',
    'provider "snowflake" {',
    '  organization_name = "ACMEBIO"',
    '  account_name      = "ANALYTICS"',
    '  user              = "TF_ADMIN"',
  );
  const sfp = pw();
  pv.s(`  password          = "${sfp}"`, 'generic', sfp);
  pv.l(
    '  role              = "ACCOUNTADMIN"',
    '}',
    '',
    'provider "snowflake" {',
    '  alias         = "keypair"',
    '  user          = "TF_SVC"',
  );
  pv.d('  authenticator = "SNOWFLAKE_JWT"', 'plain');
  pv.d('  private_key   = file("~/.snowflake/tf_svc_key.p8")', 'file reference');
  pv.l('}', '', 'provider "databricks" {');
  pv.d('  host  = "https://dbc-7f3a91c2-5e4d.cloud.databricks.com"', 'host');
  const dt = x.databricks();
  pv.s(`  token = "${dt}"`, 'databricks', dt);
  pv.l('}');

  const b = repo.file('infra/terraform/aws/batch.tf', 'terraform');
  b.l(
    'resource "aws_batch_job_definition" "nf_head" {',
    '  name = "nextflow-head"',
    '  type = "container"',
    '  container_properties = jsonencode({',
    '    image   = "quay.io/acmebio/nf-head:23.10.1"',
  );
  b.d('    jobRoleArn = "arn:aws:iam::123456789012:role/nf-batch-job"', 'arn');
  b.l('    environment = [');
  const bk = x.benchling();
  b.s(`      { name = "BENCHLING_API_KEY", value = "${bk}" },`, 'benchling', bk);
  const tw = x.tower();
  b.s(`      { name = "TOWER_ACCESS_TOKEN", value = "${tw}" },`, 'seqera', tw);
  b.d('      { name = "NXF_ANSI_LOG", value = "false" },', 'plain');
  b.l('    ]', '    secrets = [');
  b.d('      { name = "LIMS_DB_PASSWORD", valueFrom = aws_secretsmanager_secret.lims_db.arn },', 'secrets manager ref');
  b.l('    ]', '  })', '}', '');
  b.l(
    'resource "aws_launch_template" "batch" {',
    '  name_prefix = "nf-batch-"',
    '  user_data = base64encode(<<-EOT',
    '    MIME-Version: 1.0',
    '    --==BOUNDARY==',
    '    #!/bin/bash',
    '    echo ECS_ENGINE_AUTH_TYPE=dockercfg >> /etc/ecs/ecs.config',
  );
  const qb = x.quay();
  b.s(
    `    echo 'ECS_ENGINE_AUTH_DATA={"quay.io":{"auth":"${x.b64(`acmebio+batch:${qb}`)}","email":"."}}' >> /etc/ecs/ecs.config`,
    'quay',
    qb,
  );
  b.l('    --==BOUNDARY==--', '  EOT', '  )', '}');

  const rs = repo.file('infra/terraform/aws/redshift.tf', 'terraform');
  rs.l(
    'resource "aws_redshift_cluster" "dw" {',
    '  cluster_identifier = "acme-dw"',
    '  database_name      = "dw"',
    '  master_username    = "dwadmin"',
  );
  const mp = pw();
  rs.s(`  master_password    = "${mp}"`, 'generic', mp);
  rs.l(
    '  node_type          = "ra3.xlplus"',
    '  number_of_nodes    = 2',
    '}',
    '',
    'resource "aws_redshift_cluster" "dw_dev" {',
    '  cluster_identifier     = "acme-dw-dev"',
  );
  rs.d('  manage_master_password = true', 'managed password');
  rs.d('  master_password        = var.dw_dev_password', 'variable');
  rs.l('}');

  const sm = repo.file('infra/terraform/aws/secrets.tf', 'terraform');
  sm.l(
    'resource "aws_secretsmanager_secret" "lims_db" {',
    '  name = "prod/lims/db"',
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "lims_db" {',
    '  secret_id = aws_secretsmanager_secret.lims_db.id',
  );
  const sp = pw();
  sm.s(`  secret_string = jsonencode({ username = "lims_app", password = "${sp}" })`, 'generic', sp);
  sm.l(
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "benchling" {',
    '  secret_id     = aws_secretsmanager_secret.benchling.id',
  );
  sm.d('  secret_string = var.benchling_api_key', 'variable');
  sm.l('}');

  const tv = repo.file('infra/terraform/aws/terraform.tfvars', 'terraform');
  tv.d('aws_account_id = "123456789012"', 'account id');
  tv.d('vpc_id         = "vpc-0a1b2c3d4e5f67890"', 'vpc id');
  const tsp = pw();
  tv.s(`snowflake_password = "${tsp}"`, 'generic', tsp);
  const ttw = x.tower();
  tv.s(`tower_access_token = "${ttw}"`, 'seqera', ttw);
  tv.d('dw_dev_password    = "CHANGE_ME"', 'placeholder');
  tv.d(`kms_key_arn        = "arn:aws:kms:us-east-1:123456789012:key/${t.uuid()}"`, 'arn');

  const sf = repo.file('infra/terraform/snowflake/users.tf', 'terraform');
  sf.l('resource "snowflake_user" "tableau" {', '  name         = "SVC_TABLEAU"', '  default_role = "REPORTING"');
  const up = pw();
  sf.s(`  password     = "${up}"`, 'generic', up);
  sf.l('}', '', 'resource "snowflake_service_user" "etl" {', '  name           = "SVC_ETL"');
  sf.d(`  rsa_public_key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 300)}IDAQAB"`, 'public key');
  sf.l('}');

  const lock = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lock.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.40.0"', '  hashes = [');
  lock.d(`    "h1:${x.b64(Buffer.from(t.pick(HEX, 64), 'hex').toString('latin1')).slice(0, 43)}=",`, 'provider hash');
  lock.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lock.l('  ]', '}');

  const s3 = repo.file('infra/terraform/aws/s3.tf', 'terraform');
  s3.l('resource "aws_s3_bucket" "raw" {');
  s3.d('  bucket = "acme-ngs-raw-123456789012-us-east-1"', 'bucket');
  s3.l('}', '', 'data "aws_iam_policy_document" "raw" {', '  statement {', '    principals {', '      type = "AWS"');
  s3.d('      identifiers = ["arn:aws:iam::123456789012:role/nf-batch-job", "arn:aws:iam::210987654321:root"]', 'arns');
  s3.l('    }', '  }', '}');
}

// ---- Singularity / Docker -----------------------------------------------------------------------

function containers(x) {
  const { t, repo, pw, pwu } = x;
  const def = repo.file('containers/singularity/bwa-gatk.def', 'containers');
  def.l('Bootstrap: docker');
  def.d(`From: broadinstitute/gatk@sha256:${t.sha256()}`, 'image digest');
  def.l('', '%environment', '    export LC_ALL=C');
  const nk = x.ncbi();
  def.s(`    export NCBI_API_KEY=${nk}`, 'ncbi', nk);
  def.d('    export AWS_PROFILE=research', 'profile name');
  def.l('', '%post', '    apt-get update && apt-get install -y bwa samtools');
  const gl = t.gitlab();
  def.s(
    `    git clone https://gitlab-ci-token:${gl}@gitlab.acme-bio.com/bioinfo/pipeline-utils.git /opt/utils`,
    'gitlab',
    gl,
  );
  def.d('    pip install --no-cache-dir /opt/utils', 'plain');
  def.l('', '%labels');
  def.d('    Author bioinfo@acme-bio.com', 'email');
  def.d('    Version v1.4.0', 'plain');

  const rs = repo.file('containers/singularity/rstudio-server.def', 'containers');
  rs.l('Bootstrap: docker', 'From: rocker/rstudio:4.3.2', '', '%environment');
  const rpw = pw();
  rs.s(`    export PASSWORD='${rpw}'`, 'generic', rpw);
  rs.d('    export USER=$(whoami)', 'plain');
  rs.d('    export RSTUDIO_WHICH_R=/usr/local/bin/R', 'plain');
  rs.l(
    '',
    '%runscript',
    '    exec /usr/lib/rstudio-server/bin/rserver --auth-none=0 --auth-pam-helper-path=pam-helper "$@"',
  );

  const d = repo.file('containers/docker/rstudio/Dockerfile', 'containers');
  d.l('FROM rocker/verse:4.3.2');
  const dpw = pw();
  d.s(`ENV PASSWORD=${dpw}`, 'generic', dpw);
  const gh = t.github();
  d.s(`ARG GITHUB_PAT=${gh}`, 'github', gh);
  d.d("RUN R -e \"remotes::install_github('acmebio/acmeLIMS', auth_token = Sys.getenv('GITHUB_PAT'))\"", 'env read');
  d.d('ARG CONNECT_API_KEY', 'arg without value');
  d.l('EXPOSE 8787');

  const pb = repo.file('containers/docker/pipeline-base/Dockerfile', 'containers');
  pb.d(`FROM mambaorg/micromamba:1.5.6@sha256:${t.sha256()}`, 'image digest');
  const npw = pwu();
  pb.s(`ARG PIP_INDEX_URL=https://deploy:${npw}@nexus.acme-bio.com/repository/pypi-all/simple`, 'generic', npw);
  pb.d('RUN --mount=type=secret,id=netrc,target=/root/.netrc pip install acme-bioutils', 'build secret mount');
  const dpat = x.dockerPat();
  pb.s(`RUN echo "${dpat}" | docker login -u acmebioci --password-stdin`, 'docker', dpat);
  pb.d('ENV MAMBA_ROOT_PREFIX=/opt/conda', 'plain');

  const dc = repo.file('containers/docker-compose.dev.yml', 'containers');
  dc.l('services:', '  labkey:', '    image: labkey/community:24.3', '    environment:');
  dc.d('      - LABKEY_INITIAL_USER_PASSWORD=${LABKEY_PASSWORD}', 'env interpolation');
  dc.l('  postgres:', '    image: postgres:15', '    environment:');
  const ppw = pw();
  dc.s(`      POSTGRES_PASSWORD: "${ppw}"`, 'generic', ppw);
  dc.l(
    '  minio:',
    '    image: minio/minio:RELEASE.2024-02-17T01-15-57Z',
    '    environment:',
    '      MINIO_ROOT_USER: acme',
  );
  const mpw = pw();
  dc.s(`      MINIO_ROOT_PASSWORD: ${mpw}`, 'generic', mpw);
  dc.l('  rstudio:', '    image: rocker/rstudio:4.3.2', '    environment:');
  dc.d('      - PASSWORD=${RSTUDIO_PASSWORD:?set RSTUDIO_PASSWORD}', 'env interpolation');
  dc.d('      - DISABLE_AUTH=false', 'plain');
}

// ---- HPC: Slurm, rclone, globus, rsync ---------------------------------------------------------

function hpc(x) {
  const { t, repo, pw, pwu } = x;
  const sb = repo.file('hpc/slurm/run_rnaseq.sbatch', 'hpc');
  sb.l(
    '#!/bin/bash',
    '#SBATCH --job-name=rnaseq-prod',
    '#SBATCH --partition=compute',
    '#SBATCH --time=48:00:00',
    '#SBATCH --mem=8G',
    '#SBATCH --output=logs/%x-%j.out',
    '',
    'module load nextflow/23.10.1 singularity/3.11',
  );
  sb.d('export NXF_SINGULARITY_CACHEDIR=/shared/containers', 'path');
  const tw = x.tower();
  sb.s(`export TOWER_ACCESS_TOKEN=${tw}`, 'seqera', tw);
  sb.d('export TOWER_WORKSPACE_ID=40230138858677', 'workspace id');
  sb.d('export AWS_PROFILE=research', 'profile name');
  sb.l(
    '',
    'nextflow run acme/rnaseq -r v2.3.0 -profile singularity,hpc -params-file params/params-prod.json -with-tower',
  );

  const cr = repo.file('hpc/slurm/cellranger_count.sbatch', 'hpc');
  cr.l(
    '#!/bin/bash',
    '#SBATCH --job-name=cr-count',
    '#SBATCH --array=1-24',
    '#SBATCH --cpus-per-task=16',
    '#SBATCH --mem=64G',
  );
  cr.d('SAMPLE=$(sed -n "${SLURM_ARRAY_TASK_ID}p" samples.txt)', 'plain');
  cr.d(
    'cellranger count --id=$SAMPLE --transcriptome=/ref/refdata-gex-GRCh38-2024-A --fastqs=/scratch/fastq/$SAMPLE',
    'plain',
  );
  cr.d('aws s3 sync --profile research --only-show-errors $SAMPLE/outs s3://acme-scrna/cr/$SAMPLE/', 'profile');
  const mpw = pwu();
  cr.s(
    `mysql -h lims-db.lab.acme-bio.local -u seqcore -p${mpw} lims -e "UPDATE runs SET status='counted' WHERE sample='$SAMPLE'"`,
    'generic',
    mpw,
  );

  const rsync = repo.file('hpc/scripts/pull_runs.sh', 'hpc');
  rsync.l('#!/bin/bash', 'set -euo pipefail');
  const rp = pw();
  rsync.s(
    `RSYNC_PASSWORD='${rp}' rsync -av --exclude 'Thumbnail_Images' rsync://seqcore@nas01.lab.acme-bio.local/runs/ /scratch/runs/`,
    'generic',
    rp,
  );
  rsync.d('bs download project -i 123456789 -o /scratch/basespace --config acme', 'plain');

  const gb = repo.file('hpc/scripts/globus_transfer.sh', 'hpc');
  gb.l('#!/bin/bash');
  gb.d(`export GLOBUS_CLI_CLIENT_ID=${t.uuid()}`, 'globus client id (public)');
  const gs = x.globusSecret();
  gb.s(`export GLOBUS_CLI_CLIENT_SECRET="${gs}"`, 'generic', gs);
  gb.d(
    `globus transfer ${t.uuid()}:/runs/RUN0421/ ${t.uuid()}:/archive/RUN0421/ --recursive --label "RUN0421"`,
    'endpoint uuids',
  );

  const rc = repo.file('hpc/rclone/rclone.conf', 'hpc');
  rc.l('[s3-archive]', 'type = s3', 'provider = AWS', 'env_auth = false');
  const rak = t.awsId();
  const ras = t.awsSecret();
  rc.s(`access_key_id = ${rak}`, 'aws', rak);
  rc.s(`secret_access_key = ${ras}`, 'aws', ras);
  rc.l('region = us-east-1', '', '[cro-sftp]', 'type = sftp', 'host = sftp.partner-cro.com', 'user = acmebio');
  const ob = t.mixed(URLSAFE, 38);
  rc.s(`pass = ${ob}`, 'generic', ob);
  rc.l('', '[box]', 'type = box');
  const boxTok = JSON.stringify({
    access_token: t.alnum(32),
    token_type: 'bearer',
    refresh_token: t.alnum(64),
    expiry: '2026-03-14T11:02:33Z',
  });
  rc.s(`token = ${boxTok}`, 'generic', JSON.parse(boxTok).refresh_token);
}

// ---- GitLab CI --------------------------------------------------------------------------------

function gitlab(x) {
  const { t, repo, pw } = x;
  const g = repo.file('.gitlab-ci.yml', 'ci');
  g.l('stages: [lint, test, build, deploy]', '', 'variables:');
  g.d('  AWS_DEFAULT_REGION: us-east-1', 'plain');
  const ak = t.awsId();
  const as = t.awsSecret();
  g.s(`  AWS_ACCESS_KEY_ID: ${ak}`, 'aws', ak);
  g.s(`  AWS_SECRET_ACCESS_KEY: "${as}"`, 'aws', as);
  const sp = pw();
  g.s(`  SNOWFLAKE_PASSWORD: "${sp}"`, 'generic', sp);
  g.d('  TOWER_ACCESS_TOKEN: $TOWER_ACCESS_TOKEN', 'variable reference');
  g.l('', 'build-containers:', '  stage: build', '  script:');
  g.d('    - echo "$QUAY_PASSWORD" | docker login -u "acmebio+ci" --password-stdin quay.io', 'variable');
  const q = x.quay();
  g.s(`    - docker login -u acmebio+ci -p ${q} quay.io`, 'quay', q);
  const opw = pw();
  g.s(`    - apptainer registry login -u bioinfo -p '${opw}' oras://registry.acme-bio.com`, 'generic', opw);
  g.l('', 'publish-r-package:', '  stage: deploy', '  script:', '    - R CMD build analysis/packages/acmeLIMS');
  const gl = t.gitlab();
  g.s(
    `    - 'curl --header "PRIVATE-TOKEN: ${gl}" --upload-file acmeLIMS_0.9.2.tar.gz "https://gitlab.acme-bio.com/api/v4/projects/77/packages/generic/acmeLIMS/0.9.2/acmeLIMS_0.9.2.tar.gz"'`,
    'gitlab',
    gl,
  );
  g.d(
    '    - \'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file x.tgz "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/x/1/x.tgz"\'',
    'ci variables',
  );
  g.l('', 'deploy-pipeline:', '  stage: deploy', '  script:');
  const tw = x.tower();
  g.s(
    `    - tw --access-token=${tw} launch acme/rnaseq --workspace=40230138858677 --params-file=params/params-prod.json`,
    'seqera',
    tw,
  );
  g.d(
    '    - helm upgrade --install lims-bridge deploy/helm/lims-bridge --set benchling.apiKey=$BENCHLING_API_KEY --set image.tag=$CI_COMMIT_SHORT_SHA',
    'variable',
  );
  g.l('', 'notify:', '  stage: .post', '  script:');
  const hook = t.slackWebhook();
  g.s(
    `    - 'curl -X POST -H "Content-type: application/json" --data "{\\"text\\":\\"$CI_PIPELINE_URL finished\\"}" ${hook}'`,
    'slack',
    hook,
  );

  const p = repo.file('pipelines/rnaseq/.gitlab-ci.yml', 'ci');
  p.l('variables:', '  NXF_VER: "23.10.1"');
  const tw2 = x.tower();
  p.s(`  TOWER_ACCESS_TOKEN: "${tw2}"`, 'seqera', tw2);
  p.d('  TOWER_WORKSPACE_ID: "40230138858677"', 'workspace id');
  p.l('test:', '  image: nextflow/nextflow:23.10.1', '  script:');
  p.d('    - nextflow run . -profile test,docker --outdir results', 'plain');

  const rr = repo.file('ci/runners/register.sh', 'ci');
  rr.l('#!/bin/bash');
  const glrt = x.glrt();
  rr.s(
    `gitlab-runner register --non-interactive --url https://gitlab.acme-bio.com --token ${glrt} --executor docker --docker-image alpine:3.19`,
    'gitlab',
    glrt,
  );
  rr.d(
    'gitlab-runner register --non-interactive --url https://gitlab.acme-bio.com --token "$RUNNER_TOKEN" --executor shell',
    'variable',
  );
}

// ---- credential stores ------------------------------------------------------------------------

function credentialStores(x) {
  const { t, repo, pw } = x;
  const n = repo.file('ops/home/.netrc', 'credstore');
  const wk = x.wandb();
  n.l('machine api.wandb.ai', '  login user');
  n.s(`  password ${wk}`, 'wandb', wk);
  const lk = x.labkey();
  n.s(`machine labkey.acme-bio.com login apikey password ${lk}`, 'labkey', lk);
  n.d('machine ftp.ncbi.nlm.nih.gov login anonymous password bioinfo@acme-bio.com', 'anonymous ftp');
  const gl = t.gitlab();
  n.s(`machine gitlab.acme-bio.com login svc-bioinfo password ${gl}`, 'gitlab', gl);

  const pg = repo.file('ops/home/.pgpass', 'credstore');
  const p1 = pw();
  pg.s(`acme-dw.c8xk2bq7fpzd.us-east-1.redshift.amazonaws.com:5439:dw:analyst:${p1}`, 'generic', p1);
  const p2 = pw();
  pg.s(`lims-pg.lab.acme-bio.local:5432:*:lims_app:${p2}`, 'generic', p2);

  const dbc = repo.file('ops/home/.databrickscfg', 'credstore');
  dbc.l('[DEFAULT]');
  dbc.d('host  = https://dbc-7f3a91c2-5e4d.cloud.databricks.com', 'host');
  const d1 = x.databricks();
  dbc.s(`token = ${d1}`, 'databricks', d1);
  dbc.l('', '[research]');
  dbc.d('host  = https://adb-4417723118042256.16.azuredatabricks.net', 'host');
  const d2 = x.databricks('-3');
  dbc.s(`token = ${d2}`, 'databricks', d2);
  dbc.l('', '[azure-sp]', 'host      = https://adb-4417723118042256.16.azuredatabricks.net');
  dbc.d(`azure_client_id = ${t.uuid()}`, 'client id');
  dbc.d(`azure_tenant_id = ${t.uuid()}`, 'tenant id');
  const az = t.azureClientSecret();
  dbc.s(`azure_client_secret = ${az}`, 'azure', az);

  const ss = repo.file('ops/home/.snowsql/config', 'credstore');
  ss.l('[connections.prod]', 'accountname = acmebio-analytics', 'username = JDOE');
  const sp = pw();
  ss.s(`password = ${sp}`, 'generic', sp);
  ss.l('warehousename = ANALYTICS_WH', 'rolename = ANALYST', '', '[options]', 'log_level = INFO');

  const ct = repo.file('ops/home/.snowflake/connections.toml', 'credstore');
  ct.l('[default]', 'account = "acmebio-analytics"', 'user = "SVC_DBT"');
  const cp = pw();
  ct.s(`password = "${cp}"`, 'generic', cp);
  ct.l(
    'warehouse = "TRANSFORM_WH"',
    '',
    '[keypair]',
    'account = "acmebio-analytics"',
    'user = "SVC_ETL"',
    'authenticator = "SNOWFLAKE_JWT"',
  );
  ct.d('private_key_file = "/home/jdoe/.snowflake/etl_key.p8"', 'file path');

  const aw = repo.file('ops/home/.aws/credentials', 'credstore');
  aw.l('[research]');
  const ak = t.awsId();
  const as = t.awsSecret();
  aw.s(`aws_access_key_id = ${ak}`, 'aws', ak);
  aw.s(`aws_secret_access_key = ${as}`, 'aws', as);
  aw.l('', '[batch-session]');
  const sid = x.asia();
  const ssec = t.awsSecret();
  const stok = x.sessionToken();
  aw.s(`aws_access_key_id = ${sid}`, 'aws', sid);
  aw.s(`aws_secret_access_key = ${ssec}`, 'aws', ssec);
  aw.s(`aws_session_token = ${stok}`, 'aws', stok);
  aw.l('', '[docs]');
  aw.d('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor example');
  aw.d('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');
  const awc = repo.file('ops/home/.aws/config', 'credstore');
  awc.l('[profile research]', 'region = us-east-1');
  awc.d('sso_start_url = https://acmebio.awsapps.com/start', 'url');
  awc.d('sso_account_id = 123456789012', 'account id');
  awc.d('role_arn = arn:aws:iam::123456789012:role/ResearchAnalyst', 'arn');

  const bs = repo.file('ops/home/.basespace/default.cfg', 'credstore');
  bs.d('apiServer   = https://api.basespace.illumina.com', 'url');
  const bt = x.basespace();
  bs.s(`accessToken = ${bt}`, 'basespace', bt);

  const my = repo.file('ops/home/.my.cnf', 'credstore');
  my.l('[client]', 'host=lims-db.lab.acme-bio.local', 'user=lims_ro');
  const mp = pw();
  my.s(`password="${mp}"`, 'generic', mp);

  const ssh = repo.file('ops/home/.ssh/id_ed25519_hpc', 'keys');
  const os = t.opensshPem();
  ssh.s(os, 'private-key', os.join('\n'));
  const sshpub = repo.file('ops/home/.ssh/id_ed25519_hpc.pub', 'keys');
  sshpub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} jdoe@hpc-login01`, 'public key');

  const k = repo.file('ops/keys/snowflake/rsa_key.p8', 'keys');
  const p8 = t.pkcs8Pem();
  k.s(p8, 'private-key', p8.join('\n'));
  const kp = repo.file('ops/keys/snowflake/rsa_key.pub', 'keys');
  kp.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 20)}`,
      t.mixed(B64, 64),
      t.mixed(B64, 64),
      t.mixed(B64, 64),
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );
  const ke = repo.file('ops/keys/snowflake/etl_key.p8', 'keys');
  ke.d(
    [
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      `MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${t.mixed(B64, 16)}`,
      ...Array.from({ length: 6 }, () => t.mixed(B64, 64)),
      '-----END ENCRYPTED PRIVATE KEY-----',
    ],
    'encrypted private key',
  );
}

// ---- Warehouse SQL ------------------------------------------------------------------------

function warehouseSql(x) {
  const { t, repo, pw } = x;
  const s = repo.file('warehouse/snowflake/setup/02_stages.sql', 'sql');
  s.l('-- external stages for instrument exports', 'CREATE OR REPLACE STAGE raw.plate_reader');
  s.d("  URL = 's3://acme-instrument-raw/plate-reader/'", 'url');
  const ak = t.awsId();
  const as = t.awsSecret();
  s.s(`  CREDENTIALS = (AWS_KEY_ID = '${ak}'`, 'aws', ak);
  s.s(`                 AWS_SECRET_KEY = '${as}')`, 'aws', as);
  s.l('  FILE_FORMAT = (TYPE = CSV SKIP_HEADER = 1);', '', 'CREATE OR REPLACE STAGE raw.imaging');
  s.d("  URL = 's3://acme-imaging-raw/'", 'url');
  s.d('  STORAGE_INTEGRATION = s3_imaging_int;', 'integration');
  s.l('', 'CREATE OR REPLACE STAGE raw.cro_results');
  s.d("  URL = 'azure://acmebiolake.blob.core.windows.net/cro-results/'", 'url');
  const sig = t.azureSasSig();
  s.s(
    `  CREDENTIALS = (AZURE_SAS_TOKEN = '?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=${sig}');`,
    'azure',
    sig,
  );

  const u = repo.file('warehouse/snowflake/setup/01_users.sql', 'sql');
  const up = pw();
  u.s(
    `CREATE USER IF NOT EXISTS SVC_SPOTFIRE PASSWORD = '${up}' DEFAULT_ROLE = REPORTING MUST_CHANGE_PASSWORD = FALSE;`,
    'generic',
    up,
  );
  u.d(
    `ALTER USER SVC_ETL SET RSA_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${t.mixed(B64, 320)}IDAQAB';`,
    'public key',
  );
  u.d('ALTER USER JDOE SET PASSWORD = NULL;', 'null');
  u.d('GRANT ROLE REPORTING TO USER SVC_SPOTFIRE;', 'plain');

  const r = repo.file('warehouse/redshift/load_assays.sql', 'sql');
  const rak = t.awsId();
  const ras = t.awsSecret();
  r.s(
    `COPY assays.elisa_reads FROM 's3://acme-assay-results/elisa/2026/03/' CREDENTIALS 'aws_access_key_id=${rak};aws_secret_access_key=${ras}' CSV IGNOREHEADER 1;`,
    'aws',
    ras,
  );
  r.d(
    "COPY assays.qpcr FROM 's3://acme-assay-results/qpcr/' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy' FORMAT AS PARQUET;",
    'iam role',
  );
  const lp = pw();
  r.s(`CREATE USER lims_loader PASSWORD '${lp}';`, 'generic', lp);
  r.d('ALTER USER analyst PASSWORD DISABLE;', 'plain');

  const dbt = repo.file('warehouse/dbt/profiles.yml', 'sql');
  dbt.l(
    'acme_dw:',
    '  target: prod',
    '  outputs:',
    '    prod:',
    '      type: snowflake',
    '      account: acmebio-analytics',
    '      user: SVC_DBT',
  );
  const dp = pw();
  dbt.s(`      password: "${dp}"`, 'generic', dp);
  dbt.l(
    '      role: TRANSFORM',
    '      warehouse: TRANSFORM_WH',
    '      database: ANALYTICS',
    '      schema: marts',
    '    dev:',
    '      type: snowflake',
    '      account: acmebio-analytics',
  );
  dbt.d('      user: "{{ env_var(\'DBT_USER\') }}"', 'jinja env');
  dbt.d('      password: "{{ env_var(\'DBT_PASSWORD\') }}"', 'jinja env');
  dbt.l(
    '    databricks:',
    '      type: databricks',
    '      host: dbc-7f3a91c2-5e4d.cloud.databricks.com',
    '      http_path: /sql/1.0/warehouses/8d2f6a1b3c4e5f70',
  );
  dbt.d('      token: "{{ env_var(\'DATABRICKS_TOKEN\') }}"', 'jinja env');
}

// ---- logs ---------------------------------------------------------------------------------

function logs(x) {
  const { t, repo, pw, pwu, b64 } = x;
  const l = repo.file('instruments/logs/plate-reader-gw01-2026-03-14.log', 'logs');
  l.d(
    '2026-03-14 08:00:01.114  INFO 4121 --- [main] c.a.i.InstrumentControlApplication : Started InstrumentControlApplication in 6.21 seconds',
    'plain',
  );
  const mpw = pwu();
  l.s(
    `2026-03-14 08:00:02.551 DEBUG 4121 --- [main] c.a.i.mqtt.MqttGateway : connecting ssl://mqtt.lab.acme-bio.local:8883 clientId=gw01 userName=gw01 password=${mpw}`,
    'generic',
    mpw,
  );
  const jpw = pwu();
  l.s(
    `2026-03-14 08:00:03.002 DEBUG 4121 --- [main] com.zaxxer.hikari.HikariConfig : jdbcUrl........jdbc:postgresql://lims-pg.lab.acme-bio.local:5432/instruments?user=instr_svc&password=${jpw}`,
    'database',
    jpw,
  );
  l.d(
    '2026-03-14 08:05:12.410  INFO 4121 --- [reader-1] c.a.i.PlateReaderClient : run 20260314-PR07 plate barcode=PLT0042817 wells=384 read=OD450',
    'barcode',
  );
  const bk = x.benchling();
  l.s(
    `2026-03-14 08:05:13.120 DEBUG 4121 --- [reader-1] o.s.web.client.RestTemplate : POST https://acmebio.benchling.com/api/v2/assay-results headers=[Authorization:"Basic ${b64(`${bk}:`)}", Content-Type:"application/json"]`,
    'benchling',
    bk,
  );
  l.d(
    `2026-03-14 08:05:13.502  INFO 4121 --- [reader-1] c.a.i.PlateReaderClient : created assay run ${x.benchlingId('assayrun')}`,
    'benchling id',
  );
  l.d(
    '2026-03-14 09:12:44.007  WARN 4121 --- [ftp-1] c.a.i.FtpExporter : upload retry user=tecan pass=********',
    'masked',
  );
  const fpw = pwu();
  l.s(
    `2026-03-14 09:12:45.331 ERROR 4121 --- [ftp-1] c.a.i.FtpExporter : ftp://tecan:${fpw}@ftp-lab.lab.acme-bio.local/exports/PLT0042817.csv failed: 530 Login incorrect`,
    'generic',
    fpw,
  );
  l.d(`2026-03-14 09:13:00.000  INFO 4121 --- [main] c.a.i.Checksums : PLT0042817.csv md5=${x.md5()}`, 'md5');

  const h = repo.file('instruments/logs/hamilton-star/NGS_LibPrep_v3_20260314_0741.trc', 'logs');
  h.d(
    '2026-03-14 07:41:10> SYSTEM : Start method - start; C:\\Program Files (x86)\\HAMILTON\\Methods\\ACME\\NGS_LibPrep_v3.med',
    'plain',
  );
  const hp = pwu();
  h.s(
    `2026-03-14 07:41:12> LIMS_Connect : ODBC connect - complete; DSN=LIMS_PROD;UID=hamilton;PWD=${hp};`,
    'generic',
    hp,
  );
  h.d('2026-03-14 07:42:00> Barcode read - complete; rack PLT0042817, position 3, checksum 7F3A', 'barcode');
  h.d(
    `2026-03-14 07:42:05> Aspirate - complete; channel 1-8; volume 25.0 uL; liquid class StandardVolume_Water_DispenseJet_Empty; tip ${t.digits(10)}`,
    'plain',
  );

  const lb = repo.file('services/lims-bridge/logs/lims-bridge.log', 'logs');
  lb.d('2026-03-14T11:00:00Z INFO  uvicorn.error: Application startup complete.', 'plain');
  const sk = x.benchling();
  lb.s(
    `2026-03-14T11:00:00Z INFO  lims_bridge.settings: loaded {'benchling_tenant': 'acmebio', 'benchling_api_key': '${sk}', 'snowflake_password': '**********'}`,
    'benchling',
    sk,
  );
  lb.d(
    '2026-03-14T11:00:01Z DEBUG urllib3.connectionpool: https://acmebio.benchling.com:443 "GET /api/v2/assay-runs?pageSize=50 HTTP/1.1" 200 18234',
    'plain',
  );
  lb.d(
    `2026-03-14T11:00:02Z INFO  lims_bridge.sync: synced 42 results, cursor=${b64(`{"offset": 4200}`)}`,
    'pagination cursor',
  );

  const q = repo.file('instruments/logs/qpcr/QuantStudio7_export_20260314.log', 'logs');
  q.d('[2026-03-14 13:20:11] Export started: Run=QS7-20260314-02 Plate=PLT0042903', 'plain');
  const qpw = pw();
  q.s(
    `[2026-03-14 13:20:12] Connecting to \\\\nas01.lab.acme-bio.local\\qpcr as LAB\\svc_qpcr with password "${qpw}"`,
    'generic',
    qpw,
  );
  q.d(`[2026-03-14 13:20:40] Wrote QS7-20260314-02.eds (sha256 ${t.sha256()})`, 'sha256');
}

// ---- docs ---------------------------------------------------------------------------------

function docs(x) {
  const { t, repo, pw } = x;
  const r = repo.file('README.md', 'docs');
  r.l(
    '# acme-bio research monorepo',
    '',
    'Pipelines, analysis code and LIMS integrations for the research org.',
    '',
    '## Getting started',
    '',
    '```sh',
  );
  r.d('export BENCHLING_API_KEY=<your-personal-key>', 'placeholder');
  r.d('export TOWER_ACCESS_TOKEN=<token from tower.acme-bio.net/tokens>', 'placeholder');
  r.l('```', '');
  const bk = x.benchling();
  r.s(
    `The shared read-only key for the sandbox tenant is \`${bk}\` (ask #lims-help for production access).`,
    'benchling',
    bk,
  );
  r.d('Use `aws sso login --profile research` rather than long-lived keys.', 'prose');

  const da = repo.file('docs/onboarding/data-access.md', 'docs');
  da.l('# Data access', '', '## Snowflake', '');
  da.d('    snowsql -a acmebio-analytics -u <your_user> --authenticator externalbrowser', 'placeholder');
  da.l('', 'Service accounts (rotate yearly):', '', '| user | role | password |', '|---|---|---|');
  const p1 = pw();
  da.s(`| SVC_SPOTFIRE | REPORTING | ${p1} |`, 'generic', p1);
  da.l('', '## Databricks', '');
  const dt = x.databricks();
  da.s(`Training workspace token (expires after the onboarding week): ${dt}`, 'databricks', dt);
  da.d('Create your own under User Settings > Developer > Access tokens; it starts with `dapi`.', 'prose');

  const ip = repo.file('docs/runbooks/instrument-pc-setup.md', 'docs');
  ip.l('# Instrument PC setup (Windows 10 LTSC)', '', '1. Local admin account:', '');
  const la = pw();
  ip.s(`       net user labadmin ${la} /add`, 'generic', la);
  ip.l('', '2. Map the export share:', '');
  const cm = pw();
  ip.s(`       cmdkey /add:nas01.lab.acme-bio.local /user:LAB\\svc_instr /pass:${cm}`, 'generic', cm);
  ip.l('', '3. Autologon for the instrument user:', '');
  const al = pw();
  ip.s(
    `       reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v DefaultPassword /t REG_SZ /d "${al}" /f`,
    'generic',
    al,
  );
  ip.l('', '4. BitLocker recovery (HPLC-07):', '');
  ip.d(`       Key ID: ${t.uuid().toUpperCase()}`, 'bitlocker key id');
  // BitLocker recovery keys: eight blocks, each a multiple of 11 below 720896.
  const rk = Array.from({ length: 8 }, () => String(11 * Math.floor(x.rand() * 65536)).padStart(6, '0')).join('-');
  ip.s(`       Recovery key: ${rk}`, 'generic', rk);

  const rn = repo.file('docs/pipelines/rnaseq.md', 'docs');
  rn.l('# RNA-seq pipeline', '', '```sh');
  rn.d(
    'nextflow run acme/rnaseq -profile awsbatch --benchling_api_key "$BENCHLING_API_KEY" -with-tower',
    'env reference',
  );
  rn.d(
    'tw credentials add aws --name acme --access-key=AKIAIOSFODNN7EXAMPLE --secret-key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'vendor example',
  );
  rn.d('nextflow secrets set BENCHLING_API_KEY sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  rn.l('```');
  rn.d(`Reference data: GRCh38 (GCA_000001405.15), GENCODE v44, md5 ${x.md5()}.`, 'md5');

  const ch = repo.file('docs/CHANGELOG.md', 'docs');
  ch.l('# Changelog', '');
  for (let i = 0; i < 3; i++)
    ch.d(`- ${t.sha1().slice(0, 8)} bump nf-core/rnaseq to 3.14.${i} (${t.sha1()})`, 'git sha');
}

// ---- lab data (decoys) -----------------------------------------------------------------------

function labData(x) {
  const { t, repo } = x;
  const fa = repo.file('data/reference/primers.fasta', 'data');
  for (const n of ['GAPDH_F', 'GAPDH_R', 'ACTB_F', 'ACTB_R']) {
    fa.l(`>${n} len=22`);
    fa.d(x.dna(22), 'primer sequence');
  }
  fa.l('>pUC19_MCS');
  fa.d(x.dna(70), 'dna sequence');

  const ss = repo.file('data/samplesheets/SampleSheet_RUN0421.csv', 'data');
  ss.l(
    '[Header]',
    'FileFormatVersion,2',
    'RunName,RUN0421',
    'InstrumentPlatform,NovaSeqXSeries',
    '',
    '[BCLConvert_Data]',
    'Sample_ID,Index,Index2',
  );
  for (let i = 1; i <= 6; i++) ss.d(`S${String(i).padStart(2, '0')},${x.dna(10)},${x.dna(10)}`, 'index sequences');

  const md = repo.file('data/checksums/RUN0421.md5', 'data');
  for (let i = 1; i <= 4; i++) md.d(`${x.md5()}  S0${i}_R1_001.fastq.gz`, 'md5');

  const ri = repo.file('data/runs/RUN0421/RunInfo.xml', 'data');
  ri.l('<?xml version="1.0"?>', '<RunInfo Version="6">');
  ri.d(`  <Run Id="260314_LH00512_0042_A${t.mixed(UPPER + DIGIT, 9)}" Number="42">`, 'run id');
  ri.d(`    <Flowcell>${t.mixed(UPPER + DIGIT, 9)}</Flowcell>`, 'flowcell id');
  ri.l('    <Instrument>LH00512</Instrument>', '  </Run>', '</RunInfo>');

  const gr = repo.file('analysis/crispr/guides.tsv', 'data');
  gr.l('guide_id\tgene\tsequence\tpam');
  for (const g of ['TP53', 'BRCA1', 'KRAS', 'EGFR']) gr.d(`sg${g}_1\t${g}\t${x.dna(20)}\tNGG`, 'guide sequence');

  const ids = repo.file('pipelines/common/acme_common/constants.py', 'python');
  ids.d(`BENCHLING_REGISTRY_ID = "${x.benchlingId('src')}"`, 'registry id');
  ids.d(`TOWER_WORKSPACE_ID = 40230138858677`, 'workspace id');
  ids.d(`SNOWFLAKE_ACCOUNT = "acmebio-analytics"`, 'account');
  ids.d(`REFERENCE_MD5 = "${x.md5()}"`, 'md5');
  ids.d(`ADAPTER_SEQ = "AGATCGGAAGAGCACACGTCTGAACTCCAGTCA"`, 'illumina adapter');
  ids.d('PASSWORD_ENV = "LIMS_PASSWORD"', 'env var name');
  ids.d(`RUN_NAMESPACE = "${t.uuid()}"`, 'uuid');
  ids.d('DEFAULT_LIMS_PASSWORD = "changeme"', 'placeholder');

  const inchikey = () => `${t.pick(UPPER, 14)}-${t.pick(UPPER, 8)}SA-N`;
  const cp = repo.file('data/compounds/library_plate_07.csv', 'data');
  cp.l('compound_id,well,smiles,inchikey,cas,pubchem_cid');
  for (const [w, smi] of [
    ['A01', 'CC(=O)Oc1ccccc1C(=O)O'],
    ['A02', 'Cn1cnc2c1c(=O)n(C)c(=O)n2C'],
    ['A03', 'CC(C)Cc1ccc(cc1)C(C)C(=O)O'],
    ['A04', 'COc1ccc2[nH]cc(CCN(C)C)c2c1'],
  ])
    cp.d(
      `ACME-${t.digits(6)},${w},${smi},${inchikey()},${t.digits(5)}-${t.digits(2)}-${t.pick(DIGIT, 1)},${t.digits(7)}`,
      'compound identifiers',
    );

  const pc = repo.file('data/compounds/pubchem_cache.json', 'data');
  pc.l('{"PropertyTable": {"Properties": [');
  for (let i = 0; i < 3; i++)
    pc.d(
      `  {"CID": ${t.digits(7)}, "MolecularFormula": "C${t.digits(2)}H${t.digits(2)}N${t.digits(1)}O${t.digits(1)}", "InChIKey": "${inchikey()}"},`,
      'inchikey',
    );
  pc.l('  {}]}}');

  const wl = repo.file('ml/protein-lm/logs/train-2026-03-14.log', 'logs');
  wl.d('wandb: Currently logged in as: jdoe (acmebio-ml). Use `wandb login --relogin` to force relogin', 'plain');
  wl.d('wandb: Appending key for api.wandb.ai to your netrc file: /home/jdoe/.netrc', 'plain');
  const runId = t.lower(8);
  wl.d(`wandb: Run data is saved locally in /scratch/jdoe/wandb/run-20260314_101500-${runId}`, 'run id');
  wl.d(`wandb: 🚀 View run at https://wandb.ai/acmebio-ml/esm2-finetune/runs/${runId}`, 'run url');
  wl.d(`Downloading model.safetensors (revision ${t.sha1()}): 100%|██████████| 2.61G/2.61G`, 'revision sha');
  wl.d(`Token is valid (permission: read). Your token has been saved to /home/jdoe/.cache/huggingface/token`, 'prose');
  wl.d(`{'loss': 0.8123, 'grad_norm': 1.94, 'learning_rate': 2.9e-05, 'epoch': 0.12}`, 'metrics');

  const wn = repo.file('notebooks/ml/esm2_embeddings.ipynb', 'notebook');
  wn.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
    '      "application/vnd.jupyter.widget-view+json": {',
  );
  wn.d(`       "model_id": "${t.pick(HEX, 32)}",`, 'widget model id');
  wn.l(
    '       "version_major": 2,',
    '       "version_minor": 0',
    '      },',
    '      "text/plain": [',
    '       "Batches:   0%|          | 0/412 [00:00<?, ?it/s]"',
    '      ]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  wn.d(`    ${JSON.stringify('emb = embed(model, tokenizer, seqs, batch_size=32)')}`, 'plain');
  wn.l(
    '   ]',
    '  }',
    ' ],',
    ' "metadata": {',
    '  "widgets": {',
    '   "application/vnd.jupyter.widget-state+json": {',
    '    "state": {',
  );
  wn.d(
    `     "${t.pick(HEX, 32)}": { "model_name": "HBoxModel", "model_module": "@jupyter-widgets/controls" }`,
    'widget state key',
  );
  wn.l('    }', '   }', '  }', ' },', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  void LOWER;
  void ALNUM;
}
