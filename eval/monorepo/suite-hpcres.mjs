// University research-computing group monorepo (Quanta Lab, Northfield University): Slurm job
// scripts and sbatch wrappers, Fortran and C++ MPI simulation codes with CMake and Makefiles,
// Julia and R analysis packages, MATLAB scripts, Python packages and Jupyter notebooks (pandas,
// PyTorch, Weights & Biases, Hugging Face, OpenAI / Anthropic), conda environments, Apptainer and
// Docker recipes, Globus / iRODS / rclone transfer configs, a Ceph RGW and MinIO object store,
// Zenodo / Figshare / ORCID / GitHub publishing scripts, LDAP and Kerberos for the cluster, a
// Django lab-inventory app on PostgreSQL, JupyterHub on Kubernetes (Helm), Terraform for
// OpenStack, GitHub Actions and GitLab CI, cron jobs, job and scheduler logs, mailing-list and
// chat exports, and wiki pages.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 883);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  slurm(repo, t, g);
  simulations(repo, t, g);
  julia(repo, t, g);
  rlang(repo, t, g);
  matlab(repo, t, g);
  python(repo, t, g);
  notebooks(repo, t, g);
  conda(repo, t, g);
  containers(repo, t, g);
  transfer(repo, t, g);
  storage(repo, t, g);
  publishing(repo, t, g);
  identity(repo, t, g);
  inventory(repo, t, g);
  kubernetes(repo, t, g);
  terraform(repo, t, g);
  ci(repo, t, g);
  cron(repo, t, g);
  dotfiles(repo, t, g);
  monitoring(repo, t, g);
  logs(repo, t, g);
  comms(repo, t, g);
  docs(repo, t, g);
  keys(repo, t, g);
  noise(repo, t, g);
  return repo;
}

function gens(t) {
  const b64 = (n) => t.mixed(B64, n);
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const WORDS = ['Quark', 'Boson', 'Lepton', 'Photon', 'Gluon', 'Tensor', 'Eigen', 'Hadron', 'Fermion', 'Neutrino'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What grad students and sysadmins pick for shared accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Quanta${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output, safe in YAML, INI, shell single quotes and connection strings.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '!#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const jwtOf = (header, payload) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 43)}`;
  const orcid = () => {
    const base = `000000${t.pick('0123', 1)}${t.pick(DIGIT, 8)}`;
    let total = 0;
    for (const c of base) total = (total + Number(c)) * 2;
    const r = (12 - (total % 11)) % 11;
    const full = base + (r === 10 ? 'X' : String(r));
    return full.match(/.{4}/g).join('-');
  };
  const cephx = () =>
    Buffer.concat([
      Buffer.from('0100', 'hex'),
      Buffer.from(t.pick(HEX, 16), 'hex'),
      Buffer.from('1000', 'hex'),
      Buffer.from(t.pick(HEX, 32), 'hex'),
    ]).toString('base64');
  return {
    b64,
    enc,
    b64url,
    human,
    gen,
    plain,
    orcid,
    cephx,
    pw: () => t.password(),
    hf: () => `hf_${t.pick(UPPER + LOWER, 34)}`,
    wandb: () => t.hex(40),
    zenodo: () => t.alnum(60),
    figshare: () => t.hex(128),
    globusSecret: () => `${b64(43)}=`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    googleSecret: () => `GOCSPX-${t.mixed(URLSAFE, 28)}`,
    googleRefresh: () => `1//0${t.pick('cdefg', 1)}${t.mixed(URLSAFE, 98)}`,
    googleClientId: () => `${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com`,
    grafana: () => `glsa_${t.alnum(32)}_${t.hex(8)}`,
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    discord: () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`,
    mattermost: () => `https://chat.rc.northfield.edu/hooks/${t.lower(26)}`,
    ghFine: () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.alnum(59)}`,
    ghOauthSecret: () => t.hex(40),
    ghClientId: () => `Ov23li${t.alnum(14)}`,
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    influx: () => `${t.mixed(URLSAFE, 86)}==`,
    kaggle: () => t.hex(32),
    overleaf: () => `olp_${t.alnum(36)}`,
    replicate: () => `r8_${t.alnum(37)}`,
    nvapi: () => `nvapi-${t.mixed(URLSAFE, 64)}`,
    shinyToken: () => t.pick('0123456789ABCDEF', 32),
    shinySecret: () => b64(40),
    zotero: () => t.alnum(24),
    s3Id: () => t.mixed(UPPER + DIGIT, 20),
    s3Secret: () => t.alnum(40),
    osAppSecret: () => t.mixed(URLSAFE, 86),
    osAppId: () => t.hex(32),
    djangoKey: () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50),
    hex64: () => t.hex(64),
    jhubToken: () => t.hex(32),
    mailgun: () => `${t.hex(32)}-${t.hex(8)}-${t.hex(8)}`,
    slurmJwt: (user) => jwtOf({ alg: 'HS256', typ: 'JWT' }, { exp: 2051222400, iat: 1767225600, sun: user }),
    sylabsJwt: () =>
      jwtOf(
        { alg: 'RS256', typ: 'JWT', kid: t.hex(16) },
        { aud: 'sylabs', iss: 'https://auth.sylabs.io', sub: t.hex(24), exp: 2082758400, iat: 1767225600 },
      ),
    doi: () => `10.5281/zenodo.${t.digits(8)}`,
    pubSsh: (who) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)} ${who}`,
    cert: () => `MIIDdzCCAl+gAwIBAgIQ${b64(900)}`,
  };
}

// ---- Slurm job scripts, sbatch wrappers, scheduler config ----------------------------------

function slurm(repo, t, g) {
  const a = repo.file('jobs/train/train_gnn.sbatch', 'slurm');
  const wb = g.wandb();
  const hf = g.hf();
  const hook = t.slackWebhook();
  a.l(
    '#!/bin/bash',
    '#SBATCH --job-name=gnn-train',
    '#SBATCH --partition=gpu',
    '#SBATCH --gres=gpu:a100:4',
    '#SBATCH --nodes=2',
    '#SBATCH --ntasks-per-node=4',
    '#SBATCH --cpus-per-task=8',
    '#SBATCH --mem=480G',
    '#SBATCH --time=48:00:00',
    '#SBATCH --account=quanta',
    '#SBATCH --output=logs/%x-%j.out',
    '#SBATCH --mail-user=quanta-jobs@lists.northfield.edu',
    '#SBATCH --mail-type=END,FAIL',
    '',
    'module purge',
    'module load cuda/12.2 openmpi/4.1.6 miniforge/24.3.0',
    'source activate quanta-ml',
    '',
  );
  a.s(`export WANDB_API_KEY=${wb}`, 'wandb', wb);
  a.l('export WANDB_ENTITY=quanta-lab', 'export WANDB_PROJECT=gnn-surrogate');
  a.s(`export HF_TOKEN=${hf}`, 'huggingface', hf);
  a.l('export HF_HOME=/scratch/$USER/hf-cache', 'export NCCL_DEBUG=INFO', '');
  a.l('export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)');
  a.l('export MASTER_PORT=29500', '', 'srun python -m quanta.train --config configs/gnn.yaml', '');
  a.s(
    `curl -s -X POST -H 'Content-type: application/json' --data "{\\"text\\":\\"gnn-train $SLURM_JOB_ID finished\\"}" ${hook}`,
    'slack',
    hook,
  );

  const b = repo.file('jobs/sim/mhd_run042.sbatch', 'slurm');
  const cephId = g.s3Id();
  const cephSec = g.s3Secret();
  const tg = g.telegram();
  b.l(
    '#!/bin/bash',
    '#SBATCH --job-name=mhd3d-run042',
    '#SBATCH --partition=compute',
    '#SBATCH --nodes=16',
    '#SBATCH --ntasks-per-node=64',
    '#SBATCH --time=3-00:00:00',
    '#SBATCH --account=quanta',
    '#SBATCH --constraint=ib',
    '',
    'module load intel-oneapi-compilers/2024.1 intel-oneapi-mpi/2021.12 hdf5/1.14.3-mpi',
    '',
    '# checkpoints go straight to the RGW bucket (rclone / aws cli read these)',
  );
  b.s([`export AWS_ACCESS_KEY_ID=${cephId}`, `export AWS_SECRET_ACCESS_KEY=${cephSec}`], 'generic', cephSec);
  b.l('export AWS_ENDPOINT_URL=https://s3.rc.northfield.edu', '');
  b.l('srun --mpi=pmix ./build/mhd3d input/run042.nml', '');
  b.l('aws s3 sync --endpoint-url "$AWS_ENDPOINT_URL" out/run042/ s3://quanta-mhd-ckpt/run042/');
  b.s(
    `curl -s "https://api.telegram.org/bot${tg}/sendMessage" -d chat_id=-100${t.digits(10)} -d text="mhd3d run042 exited $?"`,
    'telegram',
    tg,
  );

  const c = repo.file('jobs/array/sweep_lr.sbatch', 'slurm');
  c.l(
    '#!/bin/bash',
    '#SBATCH --job-name=lr-sweep',
    '#SBATCH --partition=gpu',
    '#SBATCH --gres=gpu:1',
    '#SBATCH --array=0-63%8',
    '#SBATCH --time=06:00:00',
    '',
    'source ~/miniforge3/bin/activate quanta-ml',
  );
  c.d('export WANDB_API_KEY=$(cat "$HOME/.config/quanta/wandb.key")', 'read from file');
  c.d('export HF_TOKEN="${HF_TOKEN:?export HF_TOKEN before sbatch}"', 'env reference');
  c.d(`wandb agent quanta-lab/gnn-surrogate/${t.lower(8)}`, 'wandb sweep id (public identifier)');
  const disc = g.discord();
  c.s(
    `curl -H "Content-Type: application/json" -d "{\\"content\\": \\"sweep task $SLURM_ARRAY_TASK_ID done\\"}" ${disc}`,
    'discord',
    disc,
  );

  const w = repo.file('bin/qsub-rest', 'slurm');
  const jwt = g.slurmJwt('qlab-svc');
  w.l(
    '#!/usr/bin/env bash',
    '# Submit a job through slurmrestd from the JupyterHub pods (no sbatch there).',
    'set -euo pipefail',
    'SLURMREST=https://slurmrest.rc.northfield.edu/slurm/v0.0.40',
  );
  w.s(`export SLURM_JWT=${jwt}`, 'generic', jwt);
  w.l(
    'curl -sf -X POST "$SLURMREST/job/submit" \\',
    '  -H "X-SLURM-USER-NAME: qlab-svc" \\',
    '  -H "X-SLURM-USER-TOKEN: $SLURM_JWT" \\',
    '  -H "Content-Type: application/json" \\',
    '  --data-binary @"$1"',
  );
  w.l('# token rotates nightly: scontrol token username=qlab-svc lifespan=86400');

  const n = repo.file('bin/sbatch-notify.py', 'slurm');
  const mm = g.mattermost();
  n.l(
    '#!/usr/bin/env python3',
    '"""Wrapper around sbatch that posts start/end events to ~quanta-jobs on Mattermost."""',
    'import json, subprocess, sys, urllib.request',
    '',
  );
  n.s(`MATTERMOST_HOOK = "${mm}"`, 'generic', mm);
  n.l(
    '',
    'def post(text):',
    '    req = urllib.request.Request(MATTERMOST_HOOK, data=json.dumps({"text": text}).encode(),',
    '                                 headers={"Content-Type": "application/json"})',
    '    urllib.request.urlopen(req, timeout=5)',
    '',
    'out = subprocess.run(["sbatch", "--parsable", *sys.argv[1:]], capture_output=True, text=True, check=True)',
    'post(f"submitted job {out.stdout.strip()}")',
  );

  const dbd = repo.file('etc/slurm/slurmdbd.conf', 'slurm');
  const sp = g.gen(22);
  dbd.l(
    'AuthType=auth/munge',
    'AuthInfo=/var/run/munge/munge.socket.2',
    'DbdHost=helix-db01',
    'SlurmUser=slurm',
    'LogFile=/var/log/slurm/slurmdbd.log',
    'StorageType=accounting_storage/mysql',
    'StorageHost=helix-db01.rc.northfield.edu',
    'StoragePort=3306',
    'StorageUser=slurm',
  );
  dbd.s(`StoragePass=${sp}`, 'generic', sp);
  dbd.l('StorageLoc=slurm_acct_db');

  const sc = repo.file('etc/slurm/slurm.conf', 'slurm');
  sc.l('ClusterName=helix', 'SlurmctldHost=helix-ctl01', 'AuthType=auth/munge', 'AuthAltTypes=auth/jwt');
  sc.l('AuthAltParameters=jwt_key=/etc/slurm/jwt_hs256.key');
  sc.l('AccountingStorageType=accounting_storage/slurmdbd', 'AccountingStorageHost=helix-db01');
  sc.d('AccountingStoragePass=/var/run/munge/munge.socket.2', 'munge socket path (slurm uses this key for it)');
  sc.l(
    'SelectType=select/cons_tres',
    'GresTypes=gpu',
    'NodeName=helix-cpu[001-128] CPUs=128 RealMemory=515000 State=UNKNOWN',
    'NodeName=helix-gpu[01-16] CPUs=64 RealMemory=1030000 Gres=gpu:a100:4 State=UNKNOWN',
    'PartitionName=compute Nodes=helix-cpu[001-128] Default=YES MaxTime=7-00:00:00',
    'PartitionName=gpu Nodes=helix-gpu[01-16] MaxTime=2-00:00:00',
  );

  const pro = repo.file('etc/slurm/prolog.d/50-scratch.sh', 'slurm');
  const ldapPw = g.gen(20);
  pro.l(
    '#!/bin/bash',
    '# create per-job scratch and look up the PI group for quota accounting',
    'mkdir -p /scratch/$SLURM_JOB_USER/$SLURM_JOB_ID',
  );
  pro.s(
    `PI=$(ldapsearch -x -H ldaps://ldap.rc.northfield.edu -D "uid=svc-slurm,ou=services,dc=rc,dc=northfield,dc=edu" -w '${ldapPw}' -b ou=people,dc=rc,dc=northfield,dc=edu "uid=$SLURM_JOB_USER" piGroup | awk '/^piGroup:/{print $2}')`,
    'generic',
    ldapPw,
  );
  pro.l('setquota -g "$PI" 0 0 0 0 /scratch || true');
}

// ---- Fortran and C++ MPI codes, CMake, Make ------------------------------------------------

function simulations(repo, t, g) {
  const f = repo.file('sim/lattice-qcd/src/checkpoint_s3.f90', 'fortran');
  const fId = g.s3Id();
  const fSec = g.s3Secret();
  f.l(
    '! Streams gauge-field checkpoints to the Ceph RGW through libs3 (C binding in s3_glue.c).',
    'module checkpoint_s3',
    '  use iso_c_binding',
    '  use mpi_f08',
    '  implicit none',
    '  private',
    '  public :: write_checkpoint',
    "  character(len=*), parameter :: s3_host   = 's3.rc.northfield.edu'",
    "  character(len=*), parameter :: s3_bucket = 'quanta-lqcd-ckpt'",
  );
  f.s(
    [`  character(len=*), parameter :: s3_access = '${fId}'`, `  character(len=*), parameter :: s3_secret = '${fSec}'`],
    'generic',
    fSec,
  );
  f.l("  character(len=*), parameter :: s3_region = 'us-east-1'");
  f.l(
    'contains',
    '  subroutine write_checkpoint(u, traj, comm)',
    '    complex(8), intent(in) :: u(:,:,:,:,:,:)',
    '    integer, intent(in) :: traj',
    '    type(MPI_Comm), intent(in) :: comm',
    '    integer :: rank',
    '    call MPI_Comm_rank(comm, rank)',
    '    if (rank == 0) call s3_put(s3_host, s3_bucket, s3_access, s3_secret, traj)',
    '  end subroutine write_checkpoint',
    'end module checkpoint_s3',
  );

  const nml = repo.file('sim/lattice-qcd/input/run_b6p0_32x64.nml', 'fortran');
  const nId = g.s3Id();
  const nSec = g.s3Secret();
  nml.l(
    '&lattice',
    '  nx = 32, ny = 32, nz = 32, nt = 64',
    '  beta = 6.0d0',
    '  n_traj = 5000',
    '  seed = 928374',
    '/',
    '&storage',
    "  endpoint   = 'https://s3.rc.northfield.edu'",
    "  bucket     = 'quanta-lqcd-ckpt'",
  );
  nml.s([`  access_key = '${nId}'`, `  secret_key = '${nSec}'`], 'generic', nSec);
  nml.l('  every = 50', '/');

  const nml2 = repo.file('sim/lattice-qcd/input/run_template.nml', 'fortran');
  nml2.l('&storage', "  endpoint   = 'https://s3.rc.northfield.edu'");
  nml2.l("  access_key = 'CHANGE_ME'");
  nml2.d("  secret_key = 'CHANGE_ME'", 'placeholder');
  nml2.l('/');

  const cp = repo.file('sim/mhd3d/src/io/checkpoint.cpp', 'cpp');
  const cId = g.s3Id();
  const cSec = g.s3Secret();
  const pgPw = g.plain(18);
  cp.l(
    '#include <aws/core/Aws.h>',
    '#include <aws/core/auth/AWSCredentials.h>',
    '#include <aws/s3/S3Client.h>',
    '#include <aws/s3/model/PutObjectRequest.h>',
    '#include <mpi.h>',
    '#include <pqxx/pqxx>',
    '',
    'namespace mhd::io {',
    '',
    'static Aws::S3::S3Client make_client() {',
    '    Aws::Client::ClientConfiguration cfg;',
    '    cfg.endpointOverride = "s3.rc.northfield.edu";',
    '    cfg.scheme = Aws::Http::Scheme::HTTPS;',
  );
  cp.s(`    Aws::Auth::AWSCredentials creds("${cId}", "${cSec}");`, 'generic', cSec);
  cp.l(
    '    return Aws::S3::S3Client(creds, cfg, Aws::Client::AWSAuthV4Signer::PayloadSigningPolicy::Never, false);',
    '}',
    '',
    'void register_run(const std::string& run_id, int nranks) {',
  );
  cp.s(
    `    pqxx::connection c{"host=pg.quanta.northfield.edu port=5432 dbname=runs user=mhd password=${pgPw} sslmode=require"};`,
    'generic',
    pgPw,
  );
  cp.l(
    '    pqxx::work tx{c};',
    '    tx.exec_params("INSERT INTO runs(id, code, nranks) VALUES ($1, \'mhd3d\', $2)", run_id, nranks);',
    '    tx.commit();',
    '}',
    '',
  );
  cp.l('static const char* kPasswordEnv = "MHD_DB_PASSWORD";');
  cp.l('auto token = std::getenv("MHD_INFLUX_TOKEN");');
  cp.l('}  // namespace mhd::io');

  const tel = repo.file('sim/mhd3d/include/mhd/telemetry.hpp', 'cpp');
  const inf = g.influx();
  tel.l(
    '#pragma once',
    '// Per-timestep energy / divB diagnostics pushed to the lab InfluxDB (Grafana "mhd3d" board).',
    'namespace mhd::telemetry {',
    'constexpr const char* kInfluxUrl = "https://influx.quanta.northfield.edu/api/v2/write?org=quanta&bucket=mhd&precision=s";',
  );
  tel.s(`constexpr const char* kInfluxToken = "${inf}";`, 'influxdb', inf);
  tel.l(`constexpr const char* kSchemaHash = "${t.sha256()}";`);
  tel.l('}  // namespace mhd::telemetry');

  const cm = repo.file('sim/mhd3d/CMakeLists.txt', 'cmake');
  const glp = t.gitlab();
  cm.l(
    'cmake_minimum_required(VERSION 3.24)',
    'project(mhd3d LANGUAGES CXX Fortran)',
    'set(CMAKE_CXX_STANDARD 20)',
    'find_package(MPI REQUIRED COMPONENTS CXX Fortran)',
    'find_package(HDF5 REQUIRED COMPONENTS C HL)',
    'find_package(AWSSDK REQUIRED COMPONENTS s3)',
    'include(FetchContent)',
    'FetchContent_Declare(quanta_io',
  );
  cm.s(`  GIT_REPOSITORY https://oauth2:${glp}@git.rc.northfield.edu/quanta/quanta-io.git`, 'gitlab', glp);
  cm.l(`  GIT_TAG ${t.sha1()})`);
  cm.l('FetchContent_Declare(fmt');
  cm.l('  URL https://github.com/fmtlib/fmt/releases/download/10.2.1/fmt-10.2.1.zip');
  cm.d(`  URL_HASH SHA256=${t.sha256()})`, 'archive sha256');
  cm.l(
    'FetchContent_MakeAvailable(quanta_io fmt)',
    'add_executable(mhd3d src/main.cpp src/io/checkpoint.cpp src/solver/riemann.f90)',
    'target_link_libraries(mhd3d PRIVATE MPI::MPI_CXX MPI::MPI_Fortran HDF5::HDF5 ${AWSSDK_LINK_LIBRARIES} quanta_io fmt::fmt)',
  );

  const mk = repo.file('sim/mhd3d/Makefile', 'make');
  const zt = g.zenodo();
  mk.l(
    'BUILD ?= build',
    'NP ?= 256',
    '',
    '.PHONY: all run upload-results',
    'all:',
    '\tcmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release && cmake --build $(BUILD) -j',
    '',
    'run: all',
    '\tmpirun -np $(NP) $(BUILD)/mhd3d input/run042.nml',
    '',
    '# deposition 11873402 on Zenodo (draft)',
  );
  mk.s(`ZENODO_TOKEN ?= ${zt}`, 'zenodo', zt);
  mk.l('upload-results:');
  mk.d(
    '\tcurl -sf -H "Authorization: Bearer $(ZENODO_TOKEN)" --upload-file out/summary.h5 "$(BUCKET_URL)/summary.h5"',
    'make variable',
  );

  const c2 = repo.file('sim/nbody/src/main.c', 'cpp');
  c2.l(
    '#include <mpi.h>',
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '',
    'int main(int argc, char **argv) {',
    '    MPI_Init(&argc, &argv);',
  );
  c2.l('    const char *tok = getenv("NBODY_UPLOAD_TOKEN");');
  c2.l('    if (!tok) { fprintf(stderr, "set NBODY_UPLOAD_TOKEN\\n"); MPI_Abort(MPI_COMM_WORLD, 1); }');
  c2.l('    MPI_Finalize();', '    return 0;', '}');
}

// ---- Julia --------------------------------------------------------------------------------

function julia(repo, t, g) {
  const db = repo.file('packages/QuantaAnalysis.jl/src/Database.jl', 'julia');
  const pw = g.human();
  db.l('module Database', '', 'using LibPQ, DataFrames', '');
  db.s(
    `const CONN_STR = "host=pg.quanta.northfield.edu port=5432 dbname=runs user=analysis password=${pw} sslmode=require"`,
    'generic',
    pw,
  );
  db.l(
    '',
    'function runs(code::AbstractString)',
    '    conn = LibPQ.Connection(CONN_STR)',
    '    df = DataFrame(execute(conn, "SELECT * FROM runs WHERE code = \\$1", [code]))',
    '    close(conn)',
    '    return df',
    'end',
    '',
    'end # module',
  );

  const tr = repo.file('packages/QuantaAnalysis.jl/src/Tracking.jl', 'julia');
  const wb = g.wandb();
  tr.l('module Tracking', '', 'using PyCall', '');
  tr.s(`ENV["WANDB_API_KEY"] = "${wb}"`, 'wandb', wb);
  tr.l('const ZENODO = get(ENV, "ZENODO_TOKEN", "")');
  tr.l(
    'const wandb = PyNULL()',
    '__init__() = copy!(wandb, pyimport("wandb"))',
    '',
    'start(project; kw...) = wandb.init(project=project, entity="quanta-lab"; kw...)',
    '',
    'end # module',
  );

  const s3 = repo.file('packages/QuantaAnalysis.jl/src/Storage.jl', 'julia');
  const jid = g.s3Id();
  const jsec = g.s3Secret();
  s3.l('module Storage', '', 'using AWS, AWSS3', '');
  s3.s(`const CREDS = AWSCredentials("${jid}", "${jsec}")`, 'generic', jsec);
  s3.l(
    'const CFG = AWS.AWSConfig(; creds=CREDS, region="us-east-1")',
    'struct CephEndpoint <: AbstractAWSConfig end',
    '',
    'end # module',
  );

  const ci = repo.file('packages/QuantaAnalysis.jl/.github/workflows/Documenter.yml', 'ci');
  const docKey = t.opensshPem();
  ci.l(
    'name: Documentation',
    'on:',
    '  push:',
    '    branches: [main]',
    '    tags: ["*"]',
    'jobs:',
    '  docs:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: julia-actions/setup-julia@v2',
    '        with:',
    "          version: '1.10'",
    '      - run: julia --project=docs -e "using Pkg; Pkg.develop(PackageSpec(path=pwd())); Pkg.instantiate()"',
    '      - run: julia --project=docs docs/make.jl',
    '        env:',
  );
  ci.l('          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}');
  ci.s(`          DOCUMENTER_KEY: ${g.enc(docKey.join('\n') + '\n')}`, 'private-key', docKey.join('\n'));

  const mk = repo.file('packages/QuantaAnalysis.jl/docs/make.jl', 'julia');
  mk.l('using Documenter, QuantaAnalysis', 'makedocs(sitename="QuantaAnalysis.jl", modules=[QuantaAnalysis])');
  mk.l('deploydocs(repo="github.com/quanta-lab/QuantaAnalysis.jl.git", devbranch="main")');

  const man = repo.file('packages/QuantaAnalysis.jl/Manifest.toml', 'julia');
  man.l('# This file is machine-generated - editing it directly is not advised', '', 'julia_version = "1.10.4"');
  for (const [name, uuid] of [
    ['LibPQ', '194296ae-ab2e-5f79-8cd4-7183a0a5a0d1'],
    ['DataFrames', 'a93c6f00-e57d-5684-b7b6-d8193f3e46c0'],
    ['PyCall', '438e738f-606a-5dbb-bf0a-cddfbfd45ab0'],
  ]) {
    man.l('', `[[deps.${name}]]`, 'deps = ["Dates", "Tables"]');
    man.l(`git-tree-sha1 = "${t.sha1()}"`);
    man.l(`uuid = "${uuid}"`, 'version = "1.17.0"');
  }

  const rt = repo.file('packages/QuantaAnalysis.jl/test/runtests.jl', 'julia');
  rt.l('using Test, QuantaAnalysis', '');
  rt.d('withenv("WANDB_API_KEY" => "dummy-key-for-tests", "WANDB_MODE" => "offline") do', 'test fixture');
  rt.l('    @test QuantaAnalysis.Tracking.start("unit") !== nothing', 'end');
}

// ---- R --------------------------------------------------------------------------------------

function rlang(repo, t, g) {
  const z = repo.file('packages/quantaR/R/zenodo.R', 'r');
  const zt = g.zenodo();
  z.l("#' Upload a data bundle to a Zenodo deposition", '');
  z.s(`zenodo_token <- "${zt}"`, 'zenodo', zt);
  z.l('sandbox_token <- Sys.getenv("ZENODO_SANDBOX_TOKEN")');
  z.l(
    '',
    'zen_upload <- function(deposition_id, path) {',
    '  dep <- httr::GET(sprintf("https://zenodo.org/api/deposit/depositions/%s", deposition_id),',
    '                   query = list(access_token = zenodo_token))',
    '  bucket <- httr::content(dep)$links$bucket',
    '  httr::PUT(file.path(bucket, basename(path)), body = httr::upload_file(path),',
    '            query = list(access_token = zenodo_token))',
    '}',
  );

  const d = repo.file('packages/quantaR/R/db.R', 'r');
  const pw = g.gen(18);
  d.l('runs_db <- function() {');
  d.s(
    `  DBI::dbConnect(RPostgres::Postgres(), host = "pg.quanta.northfield.edu", dbname = "runs", user = "quanta_ro", password = "${pw}")`,
    'generic',
    pw,
  );
  d.l('}', '');
  d.l('runs_db_env <- function() DBI::dbConnect(RPostgres::Postgres(), password = Sys.getenv("QUANTA_DB_PASSWORD"))');

  const b = repo.file('packages/quantaR/R/bib.R', 'r');
  const zk = g.zotero();
  b.l('# Pulls the group library into inst/REFERENCES.bib for the vignettes');
  b.l('ZOTERO_GROUP_ID <- 4829103');
  b.s(`zotero_key <- "${zk}"`, 'zotero', zk);
  b.l(
    'fetch_bib <- function() {',
    '  httr::GET(sprintf("https://api.zotero.org/groups/%d/items", ZOTERO_GROUP_ID),',
    '            httr::add_headers("Zotero-API-Key" = zotero_key), query = list(format = "bibtex"))',
    '}',
  );

  const sh = repo.file('apps/shiny-runs-dashboard/deploy.R', 'r');
  const stok = g.shinyToken();
  const ssec = g.shinySecret();
  sh.l('library(rsconnect)');
  sh.s(`rsconnect::setAccountInfo(name = "quanta-lab", token = "${stok}", secret = "${ssec}")`, 'shinyapps', ssec);
  sh.l('rsconnect::deployApp("apps/shiny-runs-dashboard", appName = "runs-dashboard", forceUpdate = TRUE)');

  const tz = repo.file('packages/quantaR/tests/testthat/test-zenodo.R', 'r');
  tz.l('test_that("upload builds the bucket url", {');
  tz.l('  withr::local_envvar(ZENODO_SANDBOX_TOKEN = "fake-token-for-tests")');
  tz.l('  expect_true(TRUE)', '})');

  const desc = repo.file('packages/quantaR/DESCRIPTION', 'r');
  desc.l('Package: quantaR', 'Title: Quanta Lab Analysis Helpers', 'Version: 0.6.1');
  desc.l(
    `Authors@R: person("Jia", "Chen", email = "jchen@northfield.edu", role = c("aut", "cre"), comment = c(ORCID = "${g.orcid()}"))`,
  );
  desc.l('License: MIT + file LICENSE', 'Imports: httr, DBI, RPostgres');
}

// ---- MATLAB ----------------------------------------------------------------------------------

function matlab(repo, t, g) {
  const l = repo.file('matlab/+quanta/loadRuns.m', 'matlab');
  const pw = g.human();
  l.l('function T = loadRuns(code)', '%LOADRUNS Fetch the run registry for a simulation code.');
  l.s(
    `conn = database('runs', 'quanta_ro', '${pw}', 'org.postgresql.Driver', 'jdbc:postgresql://pg.quanta.northfield.edu:5432/runs');`,
    'generic',
    pw,
  );
  l.l('T = fetch(conn, sprintf("SELECT * FROM runs WHERE code = \'%s\'", code));', 'close(conn);', 'end');

  const f = repo.file('matlab/uploadFigshare.m', 'matlab');
  const ft = g.figshare();
  f.l('% Upload the figure bundle for the PRL submission to the Figshare project.');
  f.l('articleId = 24817365; % public article id');
  f.s(`token = '${ft}';`, 'figshare', ft);
  f.l(
    "opts = weboptions('HeaderFields', {'Authorization', ['token ' token]}, 'MediaType', 'application/json');",
    "info = webread(sprintf('https://api.figshare.com/v2/account/articles/%d', articleId), opts);",
  );

  const i = repo.file('matlab/instruments/fetchCryostatLog.m', 'matlab');
  const ipw = g.plain(14);
  i.l('function data = fetchCryostatLog(day)');
  i.s(`opts = weboptions('Username', 'labview', 'Password', '${ipw}', 'Timeout', 30);`, 'generic', ipw);
  i.l("data = webread(['http://cryostat-2.lab.quanta.northfield.edu/logs/' day '.csv'], opts);", 'end');

  const e = repo.file('matlab/+quanta/dbFromEnv.m', 'matlab');
  e.l('function conn = dbFromEnv()');
  e.l("pw = getenv('QUANTA_DB_PASSWORD');");
  e.l(
    "conn = database('runs', 'quanta_ro', pw, 'org.postgresql.Driver', 'jdbc:postgresql://pg.quanta.northfield.edu:5432/runs');",
  );
  e.l('end');
}

// ---- Python packages ---------------------------------------------------------------------

function python(repo, t, g) {
  const tr = repo.file('analysis/src/quanta/tracking.py', 'python');
  const wb = g.wandb();
  tr.l('import os', '', 'import wandb', '');
  tr.s(`wandb.login(key="${wb}", relogin=False)`, 'wandb', wb);
  tr.l('os.environ.setdefault("WANDB_DIR", "/scratch/" + os.environ.get("USER", "quanta") + "/wandb")');
  tr.l(
    '',
    'def start(cfg):',
    '    return wandb.init(entity="quanta-lab", project=cfg.project, config=dict(cfg), group=os.environ.get("SLURM_JOB_ID"))',
  );

  const hub = repo.file('analysis/src/quanta/hub.py', 'python');
  const hf = g.hf();
  hub.l('from huggingface_hub import HfApi, login', '');
  hub.s(`login(token="${hf}", add_to_git_credential=False)`, 'huggingface', hf);
  hub.l('api = HfApi()', '', 'def push(ckpt_dir, repo_id="quanta-lab/gnn-surrogate-v3"):');
  hub.l(`    return api.upload_folder(folder_path=ckpt_dir, repo_id=repo_id, parent_commit="${t.sha1()}")`);

  const llm = repo.file('analysis/src/quanta/llm.py', 'python');
  const oa = t.openai();
  const an = t.anthropic();
  llm.l(
    '"""LLM helpers used by the paper-triage bot and the lab-notebook summariser."""',
    'import anthropic',
    'from openai import OpenAI',
    '',
  );
  llm.s(`client = OpenAI(api_key="${oa}")`, 'openai', oa);
  llm.s(`claude = anthropic.Anthropic(api_key="${an}")`, 'anthropic', an);
  llm.l('fallback = OpenAI()  # reads OPENAI_API_KEY from the environment');
  llm.l(
    '',
    'def summarise(text):',
    '    msg = claude.messages.create(model="claude-3-5-sonnet-latest", max_tokens=800,',
    '                                 messages=[{"role": "user", "content": text}])',
    '    return msg.content[0].text',
  );

  const st = repo.file('analysis/src/quanta/storage.py', 'python');
  const sId = g.s3Id();
  const sSec = g.s3Secret();
  const mId = g.s3Id();
  const mSec = g.s3Secret();
  st.l('import boto3', 'from minio import Minio', '');
  st.l('s3 = boto3.client(', '    "s3",', '    endpoint_url="https://s3.rc.northfield.edu",');
  st.s([`    aws_access_key_id="${sId}",`, `    aws_secret_access_key="${sSec}",`], 'generic', sSec);
  st.l(')', '');
  st.s(`minio = Minio("minio.quanta.northfield.edu", "${mId}", "${mSec}", secure=True)`, 'generic', mSec);
  st.d(
    'minio_env = Minio("minio.quanta.northfield.edu", os.environ["MINIO_ACCESS_KEY"], os.environ["MINIO_SECRET_KEY"])',
    'os.environ',
  );

  const da = repo.file('analysis/src/quanta/data.py', 'python');
  const dpw = g.plain(20);
  da.l('import pandas as pd', 'from sqlalchemy import create_engine', '');
  da.s(
    `ENGINE = create_engine("postgresql+psycopg2://analysis:${dpw}@pg.quanta.northfield.edu:5432/runs")`,
    'database',
    dpw,
  );
  da.l(
    '',
    'def runs(code):',
    '    return pd.read_sql("SELECT * FROM runs WHERE code = %(c)s", ENGINE, params={"c": code})',
  );

  const rp = repo.file('analysis/src/quanta/surrogate_api.py', 'python');
  const r8 = g.replicate();
  rp.l('import os', '', 'import replicate', '');
  rp.s(`os.environ.setdefault("REPLICATE_API_TOKEN", "${r8}")`, 'replicate', r8);
  rp.l('', 'def predict(x):', '    return replicate.run("quanta-lab/gnn-surrogate:latest", input={"x": x})');

  const cf = repo.file('analysis/configs/gnn.yaml', 'python');
  cf.l('model:', '  hidden: 256', '  layers: 8', 'data:', '  root: /project/quanta/datasets/mhd-snapshots-v4');
  cf.l(`  manifest_sha256: ${t.sha256()}`);
  cf.l('logging:', '  wandb_project: gnn-surrogate');
  cf.d('  wandb_api_key: ${oc.env:WANDB_API_KEY}', 'omegaconf env interpolation');
  cf.l('hub:', '  repo_id: quanta-lab/gnn-surrogate-v3');
  cf.l(`  revision: ${t.sha1()}`);

  const cft = repo.file('analysis/tests/conftest.py', 'python');
  cft.l('import pytest', '', '@pytest.fixture(autouse=True)', 'def offline(monkeypatch):');
  cft.d('    monkeypatch.setenv("WANDB_API_KEY", "0" * 40)', 'zero dummy key in tests');
  cft.d('    monkeypatch.setenv("HF_TOKEN", "hf_fake_token_for_unit_tests")', 'test fixture');
  cft.l('    monkeypatch.setenv("WANDB_MODE", "offline")');
}

// ---- Jupyter notebooks --------------------------------------------------------------------

function notebooks(repo, t, g) {
  const src = (s) => `    ${JSON.stringify(s)},`;
  const last = (s) => `    ${JSON.stringify(s)}`;
  const a = repo.file('analysis/notebooks/01-explore-runs.ipynb', 'notebook');
  const pw = g.plain(18);
  const oa = t.openai();
  a.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  a.l(src('import os\n'), src('import pandas as pd\n'), src('from sqlalchemy import create_engine\n'));
  a.s(
    src(`engine = create_engine("postgresql://analysis:${pw}@pg.quanta.northfield.edu:5432/runs")\n`),
    'database',
    pw,
  );
  a.s(last(`os.environ["OPENAI_API_KEY"] = "${oa}"`), 'openai', oa);
  a.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "data": {',
  );
  a.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  a.l(
    '      "text/plain": ["<Figure size 800x600 with 2 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  a.d(src('api_key = getpass.getpass("Anthropic key: ")\n'), 'getpass prompt');
  a.l(src(`snap_hash = "${t.sha256()}"\n`));
  a.l(last('df.plot(x="t", y=["E_kin", "E_mag"])'), '   ]', '  }', ' ],');
  a.l(
    ' "metadata": {"kernelspec": {"display_name": "quanta-ml", "language": "python", "name": "quanta-ml"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const b = repo.file('analysis/notebooks/02-finetune-llama.ipynb', 'notebook');
  const hf = g.hf();
  const wb = g.wandb();
  const hfOut = g.hf();
  b.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  b.l(`      ${JSON.stringify('Token is valid (permission: write).\n')},`);
  b.l(`      ${JSON.stringify('Your token has been saved to /home/jchen/.cache/huggingface/token\n')},`);
  b.l(`      ${JSON.stringify('Login successful\n')}`, '     ]', '    }', '   ],', '   "source": [');
  b.s(src(`!huggingface-cli login --token ${hf}\n`), 'huggingface', hf);
  b.s(last(`wandb.login(key="${wb}")`), 'wandb', wb);
  b.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  b.s(
    `      ${JSON.stringify(`environ({'SLURM_JOB_ID': '4829133', 'HF_TOKEN': '${hfOut}', 'CUDA_VISIBLE_DEVICES': '0,1'})\n`)}`,
    'huggingface',
    hfOut,
  );
  b.l('     ]', '    }', '   ],', '   "source": [', src('import os\n'), src('print(os.environ)\n'));
  b.d(
    src(`model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", revision="${t.sha1()}")\n`),
    'model revision sha',
  );
  b.l(last('tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B", token=os.environ["HF_TOKEN"])'));
  b.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const c = repo.file('analysis/notebooks/03-globus-transfer.ipynb', 'notebook');
  const gs = g.globusSecret();
  c.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  c.l(src('import globus_sdk\n'));
  c.d(src(`CLIENT_ID = "${t.uuid()}"\n`), 'globus app client id');
  c.s(src(`confidential = globus_sdk.ConfidentialAppAuthClient(CLIENT_ID, "${gs}")\n`), 'globus', gs);
  c.d(src(`SRC = "${t.uuid()}"  # Helix scratch collection\n`), 'globus collection id');
  c.l(src(`DST = "${t.uuid()}"  # NERSC DTN collection\n`));
  c.l(
    last(
      'tc = globus_sdk.TransferClient(authorizer=globus_sdk.ClientCredentialsAuthorizer(confidential, globus_sdk.TransferClient.scopes.all))',
    ),
  );
  c.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const d = repo.file('analysis/notebooks/04-kaggle-baselines.ipynb', 'notebook');
  const kk = g.kaggle();
  const an = t.anthropic();
  d.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  d.l(src('import json, os, pathlib\n'));
  d.s(
    src(
      `pathlib.Path("~/.kaggle/kaggle.json").expanduser().write_text(json.dumps({"username": "jiachen", "key": "${kk}"}))\n`,
    ),
    'kaggle',
    kk,
  );
  d.s(last(`client = anthropic.Anthropic(api_key="${an}")`), 'anthropic', an);
  d.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
}

// ---- conda / pip environments ------------------------------------------------------------

function conda(repo, t, g) {
  const e = repo.file('envs/quanta-ml.yml', 'conda');
  const dt = g.gldt();
  e.l(
    'name: quanta-ml',
    'channels:',
    '  - pytorch',
    '  - nvidia',
    '  - conda-forge',
    'dependencies:',
    '  - python=3.11',
    '  - pytorch=2.3.1',
    '  - pytorch-cuda=12.1',
    '  - pandas=2.2',
    '  - mpi4py=3.1.6',
    '  - pip',
    '  - pip:',
  );
  e.s(
    `    - --extra-index-url https://quanta-ci:${dt}@git.rc.northfield.edu/api/v4/projects/214/packages/pypi/simple`,
    'gitlab',
    dt,
  );
  e.l('    - quanta-io==0.9.2', '    - wandb==0.17.2', '    - huggingface_hub==0.23.4');

  const e2 = repo.file('envs/quanta-sim.yml', 'conda');
  e2.l(
    'name: quanta-sim',
    'channels: [conda-forge]',
    'dependencies:',
    '  - gfortran=13',
    '  - openmpi=4.1.6',
    '  - hdf5=1.14.3=mpi_openmpi_*',
    '  - pip',
    '  - pip:',
  );
  e2.d(
    '    - --extra-index-url https://__token__:${GITLAB_PYPI_TOKEN}@git.rc.northfield.edu/api/v4/projects/214/packages/pypi/simple',
    'env reference',
  );

  const lock = repo.file('envs/conda-lock.yml', 'conda');
  lock.l('version: 1', 'metadata:', '  content_hash:');
  lock.l(`    linux-64: ${t.sha256()}`);
  lock.l('package:');
  for (const p of ['pytorch', 'numpy', 'openmpi']) {
    lock.l(`- name: ${p}`, '  version: 1.0.0', '  manager: conda', '  platform: linux-64', '  hash:');
    lock.l(`    md5: ${t.hex(32)}`);
    lock.l(`    sha256: ${t.sha256()}`);
  }

  const rq = repo.file('envs/requirements-hpc.txt', 'conda');
  const gh = t.github();
  rq.l('numpy==1.26.4', 'h5py==3.11.0', 'mpi4py==3.1.6');
  rq.s(
    `git+https://x-access-token:${gh}@github.com/quanta-lab/quanta-kernels.git@v0.3.1#egg=quanta-kernels`,
    'github',
    gh,
  );
  rq.l('git+https://github.com/quanta-lab/quanta-plotting.git@v1.2.0');

  const pc = repo.file('ops/home/jchen/.config/pip/pip.conf', 'conda');
  const npw = g.gen(18);
  pc.l('[global]', 'timeout = 60');
  pc.s(
    `index-url = https://quanta-deploy:${npw}@nexus.rc.northfield.edu/repository/pypi-group/simple`,
    'database',
    npw,
  );
  pc.l('trusted-host = nexus.rc.northfield.edu');
}

// ---- Apptainer / Singularity and Docker ------------------------------------------------

function containers(repo, t, g) {
  const a = repo.file('containers/apptainer/quanta-ml.def', 'apptainer');
  const hf = g.hf();
  const gl = t.gitlab();
  a.l('Bootstrap: docker', 'From: nvcr.io/nvidia/pytorch:24.05-py3', '', '%environment', '    export HF_HOME=/opt/hf');
  a.s(`    export HF_TOKEN=${hf}`, 'huggingface', hf);
  a.l(
    '    export WANDB_MODE=offline',
    '',
    '%post',
    '    apt-get update && apt-get install -y --no-install-recommends libopenmpi-dev',
  );
  a.s(
    `    git clone https://oauth2:${gl}@git.rc.northfield.edu/quanta/quanta-kernels.git /opt/quanta-kernels`,
    'gitlab',
    gl,
  );
  a.l(
    '    pip install --no-cache-dir /opt/quanta-kernels',
    '',
    '%labels',
    '    Author jchen@northfield.edu',
    '    Version 2024.06',
  );

  const a2 = repo.file('containers/apptainer/mhd3d.def', 'apptainer');
  a2.l('Bootstrap: oras');
  a2.d(`From: harbor.rc.northfield.edu/quanta/hpc-base@sha256:${t.sha256()}`, 'image digest');
  a2.l('', '%post');
  a2.d('    git clone https://oauth2:${CI_JOB_TOKEN}@git.rc.northfield.edu/quanta/mhd3d.git /opt/mhd3d', 'ci variable');
  a2.l('    cmake -S /opt/mhd3d -B /opt/mhd3d/build && cmake --build /opt/mhd3d/build -j 16');

  const rm = repo.file('ops/home/jchen/.apptainer/remote.yaml', 'apptainer');
  const sy = g.sylabsJwt();
  rm.l('Active: SylabsCloud', 'Remotes:', '  SylabsCloud:', '    URI: cloud.sylabs.io');
  rm.s(`    Token: ${sy}`, 'generic', sy);
  rm.l('    System: true', '    Exclusive: false');

  const d = repo.file('containers/docker/Dockerfile.inventory', 'docker');
  const ipw = g.plain(20);
  d.l('FROM python:3.12-slim');
  d.s(
    `ARG PIP_INDEX_URL=https://quanta-deploy:${ipw}@nexus.rc.northfield.edu/repository/pypi-group/simple`,
    'database',
    ipw,
  );
  d.l(
    'ENV DJANGO_SETTINGS_MODULE=inventory.settings.prod PYTHONUNBUFFERED=1',
    'WORKDIR /app',
    'COPY requirements.txt .',
  );
  d.l('RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install -r requirements.txt');
  d.l('COPY . .', 'CMD ["gunicorn", "inventory.wsgi", "-b", "0.0.0.0:8000", "-w", "4"]');

  const n = repo.file('containers/docker/Dockerfile.ngc-triton', 'docker');
  const nv = g.nvapi();
  n.l('FROM nvcr.io/nvidia/tritonserver:24.05-py3');
  n.s(`ENV NGC_API_KEY=${nv}`, 'nvidia', nv);
  n.l('RUN ngc registry model download-version "nvidia/tao/pretrained_classification:resnet18" --dest /models');
  n.l('ENV NGC_CLI_ORG=quanta-lab NGC_CLI_TEAM=no-team');

  const dc = repo.file('ops/home/jchen/.docker/config.json', 'docker');
  const robot = g.plain(32);
  const dp = g.dockerPat();
  dc.l('{', '  "auths": {', '    "harbor.rc.northfield.edu": {');
  dc.s(`      "auth": "${g.enc(`robot$quanta+ci:${robot}`)}"`, 'generic', robot);
  dc.l('    },', '    "https://index.docker.io/v1/": {');
  dc.s(`      "auth": "${g.enc(`quantalab:${dp}`)}"`, 'docker', dp);
  dc.l('    }', '  },');
  dc.l('  "credsStore": "pass"');
  dc.l('}');
}

// ---- Globus, iRODS, rclone ----------------------------------------------------------------

function transfer(repo, t, g) {
  const s = repo.file('transfer/globus/gcs-setup.sh', 'transfer');
  const gs = g.globusSecret();
  s.l('#!/usr/bin/env bash', '# Globus Connect Server v5 on quanta-dtn01 (Ceph collection)', 'set -euo pipefail');
  s.l(`export GCS_CLI_CLIENT_ID=${t.uuid()}`);
  s.s(`export GCS_CLI_CLIENT_SECRET=${gs}`, 'globus', gs);
  s.l(`export GCS_CLI_ENDPOINT_ID=${t.uuid()}`);
  s.l(
    'globus-connect-server storage-gateway create posix "Quanta Ceph" --domain northfield.edu --identity-mapping file:/etc/globus/idmap.json',
  );

  const tr = repo.file('transfer/globus/sync_runs.py', 'transfer');
  const gs2 = g.globusSecret();
  tr.l('import globus_sdk', '', 'APP_ID = "quanta-sync"');
  tr.l(`CLIENT_ID = "${t.uuid()}"`);
  tr.s(`CLIENT_SECRET = "${gs2}"`, 'globus', gs2);
  tr.l(
    '',
    'client = globus_sdk.ConfidentialAppAuthClient(CLIENT_ID, CLIENT_SECRET)',
    'authz = globus_sdk.ClientCredentialsAuthorizer(client, globus_sdk.TransferClient.scopes.all)',
    'tc = globus_sdk.TransferClient(authorizer=authz)',
  );

  const ep = repo.file('transfer/globus/collections.json', 'transfer');
  ep.l('{');
  ep.d(`  "helix_scratch": "${t.uuid()}",`, 'globus collection id');
  ep.l(`  "quanta_ceph": "${t.uuid()}",`);
  ep.l(`  "nersc_dtn": "${t.uuid()}"`);
  ep.l('}');

  const ie = repo.file('transfer/irods/irods_environment.json', 'transfer');
  ie.l(
    '{',
    '  "irods_host": "irods.rc.northfield.edu",',
    '  "irods_port": 1247,',
    '  "irods_zone_name": "nfuZone",',
    '  "irods_user_name": "quanta_svc",',
  );
  ie.l('  "irods_ssl_ca_certificate_file": "/etc/irods/ssl/nfu-ca.pem",');
  ie.l('  "irods_authentication_scheme": "native"', '}');

  const ig = repo.file('transfer/irods/ingest.py', 'transfer');
  const ipw = g.human();
  ig.l('from irods.session import iRODSSession', '');
  ig.s(
    `with iRODSSession(host="irods.rc.northfield.edu", port=1247, user="quanta_svc", password="${ipw}", zone="nfuZone") as session:`,
    'generic',
    ipw,
  );
  ig.l('    session.data_objects.put("out/run042/summary.h5", "/nfuZone/home/quanta_svc/run042/summary.h5")');

  const sc = repo.file('transfer/irods/server_config.json', 'transfer');
  const zk = g.plain(32);
  const nk = g.plain(32);
  const ck = g.plain(32);
  sc.l('{', '  "schema_version": "v4",', '  "zone_name": "nfuZone",', '  "zone_port": 1247,');
  sc.s(`  "zone_key": "${zk}",`, 'generic', zk);
  sc.s(`  "negotiation_key": "${nk}",`, 'generic', nk);
  sc.s(`  "server_control_plane_key": "${ck}",`, 'generic', ck);
  sc.l('  "server_control_plane_port": 1248,', '  "default_resource_name": "cephResc"', '}');

  const rc = repo.file('transfer/rclone/rclone.conf', 'transfer');
  const rId = g.s3Id();
  const rSec = g.s3Secret();
  const gsec = g.googleSecret();
  const gref = g.googleRefresh();
  rc.l('[ceph]', 'type = s3', 'provider = Ceph');
  rc.s([`access_key_id = ${rId}`, `secret_access_key = ${rSec}`], 'generic', rSec);
  rc.l('endpoint = https://s3.rc.northfield.edu', '', '[gdrive]', 'type = drive');
  rc.d(`client_id = ${g.googleClientId()}`, 'google oauth client id');
  rc.s(`client_secret = ${gsec}`, 'gcp', gsec);
  rc.l('scope = drive');
  rc.s(
    `token = {"access_token":"ya29.a0${t.mixed(URLSAFE, 150)}","token_type":"Bearer","refresh_token":"${gref}","expiry":"2024-06-11T04:17:33.482Z"}`,
    'gcp',
    gref,
  );
  rc.l('', '[public-datasets]', 'type = http', 'url = https://data.quanta.northfield.edu/public/');
}

// ---- Ceph RGW and MinIO ---------------------------------------------------------------------

function storage(repo, t, g) {
  const u = repo.file('storage/ceph/radosgw-user-quanta.json', 'storage');
  const uId = g.s3Id();
  const uSec = g.s3Secret();
  u.l(
    '{',
    '    "user_id": "quanta-lab",',
    '    "display_name": "Quanta Lab (PI: Okafor)",',
    '    "email": "quanta-admin@northfield.edu",',
    '    "suspended": 0,',
    '    "max_buckets": 1000,',
    '    "keys": [',
    '        {',
    '            "user": "quanta-lab",',
  );
  u.s([`            "access_key": "${uId}",`, `            "secret_key": "${uSec}"`], 'generic', uSec);
  u.l('        }', '    ],', '    "swift_keys": [],', '    "caps": [],', '    "op_mask": "read, write, delete"', '}');

  const kr = repo.file('storage/ceph/ceph.client.quanta.keyring', 'storage');
  const ck = g.cephx();
  kr.l('[client.quanta]');
  kr.s(`\tkey = ${ck}`, 'generic', ck);
  kr.l('\tcaps mon = "allow r"', '\tcaps osd = "allow rw pool=quanta-rbd"');

  const cc = repo.file('storage/ceph/ceph.conf', 'storage');
  cc.l('[global]');
  cc.l(`fsid = ${t.uuid()}`);
  cc.l('mon_host = [v2:10.40.0.11:3300],[v2:10.40.0.12:3300],[v2:10.40.0.13:3300]');
  cc.l('keyring = /etc/ceph/ceph.client.quanta.keyring');

  const mc = repo.file('ops/home/jchen/.mc/config.json', 'storage');
  const mId = g.s3Id();
  const mSec = g.s3Secret();
  mc.l(
    '{',
    '  "version": "10",',
    '  "aliases": {',
    '    "quanta": {',
    '      "url": "https://minio.quanta.northfield.edu",',
  );
  mc.s([`      "accessKey": "${mId}",`, `      "secretKey": "${mSec}",`], 'generic', mSec);
  mc.l(
    '      "api": "s3v4",',
    '      "path": "auto"',
    '    },',
    '    "play": {',
    '      "url": "https://play.min.io",',
  );
  mc.d('      "accessKey": "Q3AM3UQ867SPQQA43P2F",', 'minio public play-server demo credentials');
  mc.d('      "secretKey": "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG",', 'minio public play-server demo credentials');
  mc.l('      "api": "S3v4",', '      "path": "auto"', '    }', '  }', '}');

  const ms = repo.file('storage/minio/bootstrap.sh', 'storage');
  const rootPw = g.gen(24);
  const aId = g.s3Id();
  const aSec = g.s3Secret();
  const wbPw = g.plain(24);
  ms.l('#!/usr/bin/env bash', 'set -euo pipefail', 'export MINIO_ROOT_USER=quanta-root');
  ms.s(`export MINIO_ROOT_PASSWORD='${rootPw}'`, 'generic', rootPw);
  ms.s(`mc alias set quanta https://minio.quanta.northfield.edu ${aId} ${aSec}`, 'generic', aSec);
  ms.s(`mc admin user add quanta wandb-artifacts ${wbPw}`, 'generic', wbPw);
  ms.l(
    'mc admin policy attach quanta readwrite --user wandb-artifacts',
    'mc mb --ignore-existing quanta/wandb-artifacts',
  );
  ms.d('mc alias set local http://127.0.0.1:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"', 'variables');

  const s3c = repo.file('ops/home/okafor/.s3cfg', 'storage');
  const cId = g.s3Id();
  const cSec = g.s3Secret();
  const gpg = g.human();
  s3c.l('[default]');
  s3c.s([`access_key = ${cId}`, `secret_key = ${cSec}`], 'generic', cSec);
  s3c.l('host_base = s3.rc.northfield.edu', 'host_bucket = s3.rc.northfield.edu', 'use_https = True', 'encrypt = True');
  s3c.s(`gpg_passphrase = ${gpg}`, 'generic', gpg);
  s3c.l('gpg_command = /usr/bin/gpg');
}

// ---- Zenodo, Figshare, ORCID, GitHub releases ---------------------------------------------

function publishing(repo, t, g) {
  const z = repo.file('publish/zenodo_release.py', 'publish');
  const zt = g.zenodo();
  z.l(
    '"""Create a new Zenodo version of the dataset and upload the release tarball."""',
    'import os',
    '',
    'import requests',
    '',
  );
  z.s(`ZENODO_TOKEN = "${zt}"`, 'zenodo', zt);
  z.l('SANDBOX_TOKEN = os.environ.get("ZENODO_SANDBOX_TOKEN")');
  z.l(`CONCEPT_DOI = "${g.doi()}"`);
  z.l('CONCEPT_RECID = 11873401');
  z.l(
    '',
    'def new_version():',
    '    r = requests.post(f"https://zenodo.org/api/deposit/depositions/{CONCEPT_RECID}/actions/newversion",',
    '                      params={"access_token": ZENODO_TOKEN}, timeout=30)',
    '    r.raise_for_status()',
    '    return r.json()',
  );

  const f = repo.file('publish/figshare_upload.py', 'publish');
  const ft = g.figshare();
  f.l('import requests', '', 'BASE = "https://api.figshare.com/v2"');
  f.s(`HEADERS = {"Authorization": "token ${ft}"}`, 'figshare', ft);
  f.l('PROJECT_ID = 198231');
  f.l(
    '',
    'def articles():',
    '    return requests.get(f"{BASE}/account/projects/{PROJECT_ID}/articles", headers=HEADERS).json()',
  );

  const o = repo.file('publish/orcid_sync.py', 'publish');
  const os = t.uuid();
  o.l('"""Push lab publications to members\' ORCID records (member API, /activities/works)."""', 'import requests', '');
  o.d(`ORCID_CLIENT_ID = "APP-${t.mixed(UPPER + DIGIT, 16)}"`, 'orcid client id (public)');
  o.s(`ORCID_CLIENT_SECRET = "${os}"`, 'orcid', os);
  o.l('MEMBERS = {');
  for (const who of ['okafor', 'jchen', 'mliu']) o.d(`    "${who}": "${g.orcid()}",`, 'orcid id (public identifier)');
  o.l(
    '}',
    '',
    'def token():',
    '    return requests.post("https://orcid.org/oauth/token", data={',
    '        "client_id": ORCID_CLIENT_ID, "client_secret": ORCID_CLIENT_SECRET,',
    '        "grant_type": "client_credentials", "scope": "/read-public"}).json()["access_token"]',
  );

  const gr = repo.file('publish/github_release.sh', 'publish');
  const gh = g.ghFine();
  gr.l('#!/usr/bin/env bash', 'set -euo pipefail', 'VERSION=$(git describe --tags --abbrev=0)');
  gr.s(
    `GH_TOKEN=${gh} gh release create "$VERSION" dist/*.tar.gz --repo quanta-lab/mhd3d --notes-file CHANGELOG.md`,
    'github',
    gh,
  );
  gr.d(
    'GH_TOKEN="$(gh auth token)" gh release upload "$VERSION" dist/*.whl --repo quanta-lab/mhd3d',
    'command substitution',
  );

  const cf = repo.file('publish/config.toml', 'publish');
  const zt2 = g.zenodo();
  const dv = t.uuid();
  const ol = g.overleaf();
  cf.l('[zenodo]', 'community = "quanta-lab"');
  cf.s(`token = "${zt2}"`, 'zenodo', zt2);
  cf.l('', '[dataverse]', 'server = "https://dataverse.northfield.edu"');
  cf.s(`api_token = "${dv}"`, 'dataverse', dv);
  cf.d(`dataset_pid = "doi:10.7910/DVN/${t.mixed(UPPER + DIGIT, 6)}"`, 'dataset persistent id');
  cf.l('', '[overleaf]', 'project = "https://git.overleaf.com/6650f0c2a1b3e4d5f6a7b8c9"');
  cf.s(`git_token = "${ol}"`, 'overleaf', ol);

  const pr = repo.file('publish/.pypirc', 'publish');
  const py = t.pypi();
  pr.l('[distutils]', 'index-servers =', '    pypi', '', '[pypi]', 'username = __token__');
  pr.s(`password = ${py}`, 'pypi', py);

  const cit = repo.file('CITATION.cff', 'publish');
  cit.l(
    'cff-version: 1.2.0',
    'title: "mhd3d: a GPU/MPI magnetohydrodynamics code"',
    'authors:',
    '  - family-names: Okafor',
    '    given-names: Adaeze',
  );
  cit.l(`    orcid: "https://orcid.org/${g.orcid()}"`);
  cit.l('  - family-names: Chen', '    given-names: Jia');
  cit.l(`    orcid: "https://orcid.org/${g.orcid()}"`);
  cit.l(`doi: ${g.doi()}`);
}

// ---- LDAP / Kerberos ------------------------------------------------------------------------

function identity(repo, t, g) {
  const ss = repo.file('ops/ldap/sssd.conf', 'ldap');
  const pw = g.gen(22);
  ss.l(
    '[sssd]',
    'domains = rc.northfield.edu',
    'services = nss, pam, ssh',
    '',
    '[domain/rc.northfield.edu]',
    'id_provider = ldap',
    'auth_provider = krb5',
    'ldap_uri = ldaps://ldap.rc.northfield.edu',
    'ldap_search_base = dc=rc,dc=northfield,dc=edu',
    'ldap_default_bind_dn = uid=svc-sssd,ou=services,dc=rc,dc=northfield,dc=edu',
    'ldap_default_authtok_type = password',
  );
  ss.s(`ldap_default_authtok = ${pw}`, 'generic', pw);
  ss.l('krb5_realm = RC.NORTHFIELD.EDU', 'krb5_server = kdc1.rc.northfield.edu');

  const sy = repo.file('ops/ldap/sync_groups.py', 'ldap');
  const lpw = g.human();
  sy.l('import ldap3', '', 'server = ldap3.Server("ldaps://ldap.rc.northfield.edu", use_ssl=True)');
  sy.s(
    `conn = ldap3.Connection(server, "uid=svc-quanta,ou=services,dc=rc,dc=northfield,dc=edu", "${lpw}", auto_bind=True)`,
    'generic',
    lpw,
  );
  sy.l('conn.search("ou=groups,dc=rc,dc=northfield,dc=edu", "(cn=quanta*)", attributes=["memberUid"])');
  sy.l('conn2 = ldap3.Connection(server, BIND_DN, os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)');

  const ld = repo.file('ops/ldap/new-student.ldif', 'ldap');
  const init = g.human();
  ld.l(
    'dn: uid=pnair,ou=people,dc=rc,dc=northfield,dc=edu',
    'objectClass: posixAccount',
    'objectClass: inetOrgPerson',
    'uid: pnair',
    'cn: Priya Nair',
    'uidNumber: 51234',
    'gidNumber: 4100',
    'homeDirectory: /home/pnair',
  );
  ld.s(`userPassword: ${init}`, 'generic', init);
  ld.l('', 'dn: uid=tkowalski,ou=people,dc=rc,dc=northfield,dc=edu', 'objectClass: posixAccount', 'uid: tkowalski');
  ld.d(`userPassword: {SSHA}${g.b64(32)}`, 'ssha hash');

  const kr = repo.file('ops/kerberos/krb5.conf', 'ldap');
  kr.l('[libdefaults]', '    default_realm = RC.NORTHFIELD.EDU', '    dns_lookup_kdc = true');
  kr.l('    default_keytab_name = FILE:/etc/quanta/svc-quanta.keytab');
  kr.l(
    '[realms]',
    '    RC.NORTHFIELD.EDU = {',
    '        kdc = kdc1.rc.northfield.edu',
    '        admin_server = kadmin.rc.northfield.edu',
    '    }',
  );

  const rn = repo.file('ops/kerberos/renew-ticket.sh', 'ldap');
  const kpw = g.gen(18);
  rn.l('#!/bin/bash', '# keeps a ticket for the Globus/iRODS sync user alive (cron, every 8h)');
  rn.s(`echo '${kpw}' | kinit svc-quanta@RC.NORTHFIELD.EDU`, 'generic', kpw);
  rn.d('kinit -kt /etc/quanta/svc-quanta.keytab svc-quanta@RC.NORTHFIELD.EDU', 'keytab reference');
  rn.l('aklog');
}

// ---- Django lab-inventory app ---------------------------------------------------------------

function inventory(repo, t, g) {
  const p = repo.file('webapps/inventory/inventory/settings/prod.py', 'django');
  const sk = g.djangoKey();
  const dbpw = g.gen(20);
  const mailpw = g.human();
  const mg = g.mailgun();
  const ldpw = g.gen(20);
  p.l('from .base import *  # noqa', '', 'DEBUG = False', 'ALLOWED_HOSTS = ["inventory.quanta.northfield.edu"]');
  p.s(`SECRET_KEY = "${sk}"`, 'generic', sk, 'warning');
  p.l(
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "NAME": "inventory",',
    '        "USER": "inventory",',
  );
  p.s(`        "PASSWORD": "${dbpw}",`, 'generic', dbpw);
  p.l(
    '        "HOST": "pg.quanta.northfield.edu",',
    '        "PORT": "5432",',
    '    }',
    '}',
    'EMAIL_HOST = "smtp.northfield.edu"',
    'EMAIL_HOST_USER = "quanta-inventory"',
  );
  p.s(`EMAIL_HOST_PASSWORD = "${mailpw}"`, 'generic', mailpw);
  p.s(`ANYMAIL = {"MAILGUN_API_KEY": "${mg}", "MAILGUN_SENDER_DOMAIN": "mg.quanta.northfield.edu"}`, 'mailgun', mg);
  p.l(
    'AUTH_LDAP_SERVER_URI = "ldaps://ldap.rc.northfield.edu"',
    'AUTH_LDAP_BIND_DN = "uid=svc-inventory,ou=services,dc=rc,dc=northfield,dc=edu"',
  );
  p.s(`AUTH_LDAP_BIND_PASSWORD = "${ldpw}"`, 'generic', ldpw);
  p.d(
    `SENTRY_DSN = "https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}"`,
    'sentry dsn (public by design)',
  );

  const b = repo.file('webapps/inventory/inventory/settings/base.py', 'django');
  b.l('import os', 'from pathlib import Path', '', 'BASE_DIR = Path(__file__).resolve().parent.parent.parent');
  b.l('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]');
  b.l('PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]');
  b.l('AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]');

  const v = repo.file('webapps/inventory/inventory/vendors.py', 'django');
  const qz = t.alnum(40);
  v.l('"""Sync reagent orders from Quartzy into the inventory tables."""', 'import requests', '');
  v.s(`QUARTZY_ACCESS_TOKEN = "${qz}"`, 'quartzy', qz);
  v.l(
    '',
    'def orders(lab_id):',
    '    return requests.get("https://api.quartzy.com/order-requests", params={"lab_id": lab_id},',
    '                        headers={"Access-Token": QUARTZY_ACCESS_TOKEN}).json()',
  );

  const env = repo.file('webapps/inventory/.env.production', 'env');
  const epw = g.plain(22);
  const esk = g.djangoKey();
  const rpw = g.plain(24);
  env.s(`DATABASE_URL=postgres://inventory:${epw}@pg.quanta.northfield.edu:5432/inventory`, 'database', epw);
  env.s(`DJANGO_SECRET_KEY=${esk}`, 'generic', esk, 'warning');
  env.s(`REDIS_URL=redis://:${rpw}@redis.quanta.northfield.edu:6379/2`, 'database', rpw);
  env.l('DJANGO_ALLOWED_HOSTS=inventory.quanta.northfield.edu');

  const ex = repo.file('webapps/inventory/.env.example', 'env');
  ex.l('DATABASE_URL=postgres://inventory:inventory@localhost:5432/inventory');
  ex.d('DJANGO_SECRET_KEY=change-me', 'placeholder');
  ex.d('QUARTZY_ACCESS_TOKEN=<from quartzy settings>', 'placeholder');
  ex.l('MAILGUN_API_KEY=');

  const fx = repo.file('webapps/inventory/inventory/fixtures/users.json', 'django');
  fx.l('[');
  for (const [pk, u] of [
    [1, 'okafor'],
    [2, 'jchen'],
  ]) {
    fx.l('  {', '    "model": "auth.user",', `    "pk": ${pk},`, '    "fields": {', `      "username": "${u}",`);
    fx.d(`      "password": "pbkdf2_sha256$720000$${t.alnum(22)}$${g.b64(43)}=",`, 'django password hash');
    fx.l('      "is_staff": true', pk === 2 ? '    }\n  }' : '    }\n  },');
  }
  fx.l(']');

  const dc = repo.file('webapps/inventory/docker-compose.yml', 'docker');
  const cpw = g.gen(18);
  dc.l('services:', '  db:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: inventory');
  dc.s(`      POSTGRES_PASSWORD: "${cpw}"`, 'generic', cpw);
  dc.l(
    '  web:',
    '    build:',
    '      context: ../..',
    '      dockerfile: containers/docker/Dockerfile.inventory',
    '    environment:',
  );
  dc.d('      - DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY}', 'env interpolation');
  dc.l('      - DATABASE_URL=postgres://inventory:${POSTGRES_PASSWORD}@db:5432/inventory');

  const ts = repo.file('webapps/inventory/inventory/tests/test_api.py', 'django');
  ts.l('from django.test import TestCase', '', 'class ReagentApiTests(TestCase):', '    def setUp(self):');
  ts.l('        self.user = User.objects.create_user("testuser", password="testpass123")');
  ts.d('        self.client.login(username="testuser", password="testpass123")', 'test fixture');
  ts.l('    def test_list(self):', '        self.assertEqual(self.client.get("/api/reagents/").status_code, 200)');
}

// ---- Kubernetes: JupyterHub (Helm) and the inventory app -------------------------------------

function kubernetes(repo, t, g) {
  const v = repo.file('deploy/jupyterhub/values.yaml', 'k8s');
  const proxy = g.hex64();
  const cookie = g.hex64();
  const ghs = g.ghOauthSecret();
  const dbpw = g.plain(22);
  const oa = t.openai();
  const an = t.anthropic();
  v.l('proxy:');
  v.s(`  secretToken: "${proxy}"`, 'generic', proxy);
  v.l('  https:', '    enabled: true', '    hosts: [hub.quanta.northfield.edu]', 'hub:');
  v.s(`  cookieSecret: "${cookie}"`, 'generic', cookie);
  v.l('  config:', '    JupyterHub:', '      authenticator_class: github', '    GitHubOAuthenticator:');
  v.d(`      client_id: "${g.ghClientId()}"`, 'github oauth client id (public)');
  v.s(`      client_secret: "${ghs}"`, 'github', ghs);
  v.l(
    '      oauth_callback_url: https://hub.quanta.northfield.edu/hub/oauth_callback',
    '      allowed_organizations: [quanta-lab]',
    '  db:',
    '    type: postgres',
  );
  v.s(`    url: postgresql+psycopg2://jhub:${dbpw}@pg.quanta.northfield.edu:5432/jupyterhub`, 'database', dbpw);
  v.l(
    'singleuser:',
    '  image:',
    '    name: harbor.rc.northfield.edu/quanta/jhub-singleuser',
    '    tag: "2024.06"',
    '  extraEnv:',
  );
  v.s(`    OPENAI_API_KEY: "${oa}"`, 'openai', oa);
  v.s(`    ANTHROPIC_API_KEY: "${an}"`, 'anthropic', an);
  v.l('    WANDB_BASE_URL: https://api.wandb.ai', '    HF_TOKEN:', '      valueFrom:', '        secretKeyRef:');
  v.l('          name: hub-user-tokens');
  v.l('          key: hf-token');
  v.l('  storage:', '    capacity: 50Gi', '    dynamic:', '      storageClass: ceph-rbd');

  const s = repo.file('deploy/jupyterhub/secret-s3.yaml', 'k8s');
  const sId = g.s3Id();
  const sSec = g.s3Secret();
  s.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: user-s3', '  namespace: jhub', 'type: Opaque', 'data:');
  s.s([`  AWS_ACCESS_KEY_ID: ${g.enc(sId)}`, `  AWS_SECRET_ACCESS_KEY: ${g.enc(sSec)}`], 'generic', sSec);
  s.d(`  AWS_ENDPOINT_URL: ${g.enc('https://s3.rc.northfield.edu')}`, 'base64 of a url');

  const sops = repo.file('deploy/jupyterhub/hub-user-tokens.enc.yaml', 'encrypted');
  sops.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: hub-user-tokens', 'stringData:');
  sops.d(
    `  hf-token: ENC[AES256_GCM,data:${g.b64(50)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`,
    'sops encrypted',
  );
  sops.l(
    'sops:',
    '  age:',
    '    - recipient: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq',
    '  version: 3.8.1',
  );

  const d = repo.file('deploy/k8s/inventory/deployment.yaml', 'k8s');
  const qz = t.alnum(40);
  d.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: inventory',
    '  namespace: inventory',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
  );
  d.d(`          image: harbor.rc.northfield.edu/quanta/inventory@sha256:${t.sha256()}`, 'image digest');
  d.l(
    '          env:',
    '            - name: DATABASE_URL',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  d.l('                  name: inventory-db');
  d.l('                  key: url');
  d.l('            - name: QUARTZY_ACCESS_TOKEN');
  d.s(`              value: "${qz}"`, 'quartzy', qz);

  const rs = repo.file('deploy/k8s/inventory/harbor-pull.yaml', 'k8s');
  const robot = g.plain(32);
  const dcj = g.enc(
    JSON.stringify({
      auths: {
        'harbor.rc.northfield.edu': {
          username: 'robot$quanta+pull',
          password: robot,
          auth: g.enc(`robot$quanta+pull:${robot}`),
        },
      },
    }),
  );
  rs.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: harbor-pull',
    '  namespace: inventory',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rs.s(`  .dockerconfigjson: ${dcj}`, 'generic', robot);

  const tls = repo.file('deploy/k8s/inventory/tls.yaml', 'keys');
  const ec = t.ecPem();
  tls.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: inventory-tls',
    'type: kubernetes.io/tls',
    'stringData:',
    '  tls.crt: |',
  );
  tls.d(
    [
      '    -----BEGIN CERTIFICATE-----',
      `    ${g.cert().slice(0, 64)}`,
      `    ${g.b64(64)}`,
      '    -----END CERTIFICATE-----',
    ],
    'certificate',
  );
  tls.l('  tls.key: |');
  tls.s(
    ec.map((l) => `    ${l}`),
    'private-key',
    ec.join('\n'),
  );

  const gd = repo.file('deploy/k8s/grafana/datasources.yaml', 'k8s');
  const gpw = g.gen(20);
  gd.l(
    'apiVersion: 1',
    'datasources:',
    '  - name: runs-db',
    '    type: postgres',
    '    url: pg.quanta.northfield.edu:5432',
    '    user: grafana_ro',
    '    jsonData:',
    '      database: runs',
    '      sslmode: require',
    '    secureJsonData:',
  );
  gd.s(`      password: "${gpw}"`, 'generic', gpw);
  gd.l(
    '  - name: influx-mhd',
    '    type: influxdb',
    '    url: https://influx.quanta.northfield.edu',
    '    secureJsonData:',
  );
  gd.d('      token: $__env{INFLUX_TOKEN}', 'grafana env interpolation');
}

// ---- Terraform (OpenStack) ------------------------------------------------------------------

function terraform(repo, t, g) {
  const p = repo.file('infra/openstack/provider.tf', 'terraform');
  const pw = g.gen(22);
  p.l(
    'terraform {',
    '  required_providers {',
    '    openstack = { source = "terraform-provider-openstack/openstack", version = "~> 2.0" }',
    '  }',
    '}',
    '',
    'provider "openstack" {',
    '  auth_url    = "https://cloud.rc.northfield.edu:5000/v3"',
    '  tenant_name = "quanta-lab"',
    '  user_name   = "quanta-admin"',
  );
  p.s(`  password    = "${pw}"`, 'generic', pw);
  p.l('  region      = "RegionOne"', '  domain_name = "Default"', '}');

  const m = repo.file('infra/openstack/main.tf', 'terraform');
  const ap = g.human();
  m.l(
    'resource "openstack_compute_instance_v2" "jhub_node" {',
    '  count       = 3',
    '  name        = "jhub-node-${count.index}"',
    '  flavor_name = "m1.xlarge"',
  );
  m.l(`  image_id    = "${t.uuid()}"`);
  m.l('  key_pair    = "quanta-deploy"');
  m.s(`  admin_pass  = "${ap}"`, 'generic', ap);
  m.l(
    '  network {',
    '    name = "quanta-net"',
    '  }',
    '}',
    '',
    'resource "openstack_identity_application_credential_v3" "ci" {',
    '  name  = "gitlab-ci"',
  );
  m.l('  secret = random_password.ci_appcred.result');
  m.l('}', '', 'resource "openstack_objectstorage_container_v1" "tfstate" {', '  name = "quanta-tfstate"', '}');

  const cy = repo.file('infra/openstack/clouds.yaml', 'terraform');
  const as = g.osAppSecret();
  cy.l('clouds:', '  quanta:', '    auth:', '      auth_url: https://cloud.rc.northfield.edu:5000/v3');
  cy.d(`      application_credential_id: "${g.osAppId()}"`, 'application credential id');
  cy.s(`      application_credential_secret: "${as}"`, 'generic', as);
  cy.l(
    '    region_name: RegionOne',
    '    interface: public',
    '    identity_api_version: 3',
    '    auth_type: v3applicationcredential',
  );

  const tv = repo.file('infra/openstack/terraform.tfvars', 'terraform');
  const tpw = g.gen(20);
  tv.l('cluster_name = "quanta-jhub"');
  tv.s(`os_password = "${tpw}"`, 'generic', tpw);
  tv.d(`ssh_public_key = "${g.pubSsh('okafor@quanta')}"`, 'ssh public key');
  tv.l(`external_network_id = "${t.uuid()}"`);

  const vr = repo.file('infra/openstack/variables.tf', 'terraform');
  vr.l('variable "os_password" {', '  type      = string', '  sensitive = true');
  vr.l('  default   = ""');
  vr.l('}');

  const ci = repo.file('infra/openstack/cloud-init.yaml', 'terraform');
  const cpw = g.human();
  ci.l('#cloud-config', 'ssh_pwauth: true', 'chpasswd:', '  expire: false', '  list: |');
  ci.s(`    ubuntu:${cpw}`, 'generic', cpw);
  ci.l('packages: [nfs-common, ceph-common]');

  const st = repo.file('infra/openstack/terraform.tfstate', 'terraform');
  const sSec = g.osAppSecret();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 31,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "openstack_identity_application_credential_v3",',
    '      "name": "ci",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.l(`            "id": "${g.osAppId()}",`);
  st.s(`            "secret": "${sSec}",`, 'generic', sSec);
  st.l('            "name": "gitlab-ci"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const lk = repo.file('infra/openstack/.terraform.lock.hcl', 'terraform');
  lk.l(
    'provider "registry.terraform.io/terraform-provider-openstack/openstack" {',
    '  version = "2.0.0"',
    '  hashes = [',
  );
  lk.d(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`, 'provider hash');
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');
}

// ---- CI: GitHub Actions, GitLab CI, runner ---------------------------------------------------

function ci(repo, t, g) {
  const p = repo.file('.github/workflows/publish.yml', 'ci');
  const zt = g.zenodo();
  const py = t.pypi();
  const dp = g.dockerPat();
  p.l('name: publish', 'on:', '  release:', '    types: [published]', 'env:');
  p.s(`  ZENODO_TOKEN: ${zt}`, 'zenodo', zt);
  p.d('  ZENODO_SANDBOX_TOKEN: ${{ secrets.ZENODO_SANDBOX_TOKEN }}', 'actions secret reference');
  p.l('jobs:', '  release:', '    runs-on: ubuntu-latest', '    steps:');
  p.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned action sha');
  p.l('      - run: python -m build', '      - uses: pypa/gh-action-pypi-publish@release/v1', '        with:');
  p.s(`          password: ${py}`, 'pypi', py);
  p.l('      - name: push image');
  p.s(`        run: echo "${dp}" | docker login -u quantalab --password-stdin`, 'docker', dp);
  p.l('      - run: python publish/zenodo_release.py');

  const c = repo.file('.github/workflows/ci.yml', 'ci');
  const hf = g.hf();
  const wb = g.wandb();
  c.l('name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    env:');
  c.s(`      HF_TOKEN: ${hf}`, 'huggingface', hf);
  c.d('      WANDB_API_KEY: ${{ secrets.WANDB_API_KEY }}', 'actions secret reference');
  c.l('      GITHUB_TOKEN: ${{ github.token }}');
  c.l(
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: mamba-org/setup-micromamba@v1',
    '        with:',
    '          environment-file: envs/quanta-ml.yml',
    '      - run: pytest -q analysis/tests',
    '      - name: smoke-train',
  );
  c.s(`        run: WANDB_API_KEY=${wb} python -m quanta.train --config configs/gnn.yaml --max-steps 10`, 'wandb', wb);

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const cs = g.s3Secret();
  const sp = g.plain(16);
  const ap = g.gen(18);
  const cak = g.s3Id();
  gl.l('stages: [build, deploy]', 'variables:', '  CEPH_ENDPOINT: https://s3.rc.northfield.edu');
  gl.s([`  CEPH_ACCESS_KEY: ${cak}`, `  CEPH_SECRET_KEY: "${cs}"`], 'generic', cs);
  gl.l('  HARBOR_PASSWORD: $HARBOR_ROBOT_SECRET');
  gl.l('build-sif:', '  stage: build', '  tags: [helix-shell]', '  script:');
  gl.s(
    `    - apptainer remote login --username quanta-ci --password '${ap}' oras://harbor.rc.northfield.edu`,
    'generic',
    ap,
  );
  gl.l(
    '    - apptainer build quanta-ml.sif containers/apptainer/quanta-ml.def',
    'deploy-docs:',
    '  stage: deploy',
    '  script:',
  );
  gl.s(
    `    - sshpass -p '${sp}' rsync -az site/ quanta-web@helix-login01.rc.northfield.edu:/var/www/quanta/`,
    'generic',
    sp,
  );
  gl.l('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"');

  const rc = repo.file('ops/gitlab-runner/config.toml', 'ci');
  const rt = g.glrt();
  rc.l(
    'concurrent = 4',
    '',
    '[[runners]]',
    '  name = "helix-login01-shell"',
    '  url = "https://git.rc.northfield.edu"',
  );
  rc.l(`  id = ${t.digits(4)}`);
  rc.s(`  token = "${rt}"`, 'gitlab', rt);
  rc.l('  executor = "shell"', '  [runners.custom_build_dir]', '    enabled = true');
}

// ---- cron ---------------------------------------------------------------------------------

function cron(repo, t, g) {
  const c = repo.file('ops/cron/quanta.crontab', 'cron');
  const zt = g.zenodo();
  const pg = g.plain(18);
  c.l(
    '# m h dom mon dow command -- installed on quanta-svc01 as user quanta',
    'MAILTO=quanta-admin@northfield.edu',
    'SHELL=/bin/bash',
  );
  c.s(`ZENODO_TOKEN=${zt}`, 'zenodo', zt);
  c.l('0 3 * * * /opt/quanta/bin/backup-pg.sh >> /var/log/quanta/backup.log 2>&1');
  c.s(
    `15 3 * * * PGPASSWORD='${pg}' pg_dump -h pg.quanta.northfield.edu -U backup inventory | gzip > /backup/inventory-$(date +\\%F).sql.gz`,
    'generic',
    pg,
  );
  c.l('0 * * * * /usr/bin/rclone sync /data/raw ceph:quanta-raw --config /etc/quanta/rclone.conf');
  c.l('0 */8 * * * /opt/quanta/bin/renew-ticket.sh');
  c.d(
    '30 4 * * 0 python /opt/quanta/publish/zenodo_release.py --token-file /etc/quanta/zenodo.token',
    'token file reference',
  );

  const b = repo.file('ops/cron/backup-pg.sh', 'cron');
  const pw = g.gen(20);
  const bId = g.s3Id();
  const bSec = g.s3Secret();
  b.l('#!/bin/bash', 'set -euo pipefail');
  b.s(`export PGPASSWORD='${pw}'`, 'generic', pw);
  b.s([`export AWS_ACCESS_KEY_ID=${bId}`, `export AWS_SECRET_ACCESS_KEY=${bSec}`], 'generic', bSec);
  b.l(
    'for db in runs inventory jupyterhub; do',
    '  pg_dump -h pg.quanta.northfield.edu -U backup -Fc "$db" > "/backup/$db.dump"',
    '  aws --endpoint-url https://s3.rc.northfield.edu s3 cp "/backup/$db.dump" "s3://quanta-backups/pg/$(date +%F)/"',
    'done',
  );
}

// ---- Home-directory dotfiles on the login node -----------------------------------------------

function dotfiles(repo, t, g) {
  const n = repo.file('ops/home/jchen/.netrc', 'dotfiles');
  const wb = g.wandb();
  const ed = g.human();
  n.l('machine api.wandb.ai', '  login user');
  n.s(`  password ${wb}`, 'wandb', wb);
  n.s(`machine urs.earthdata.nasa.gov login quanta_jchen password ${ed}`, 'generic', ed);

  const hf = repo.file('ops/home/jchen/.cache/huggingface/token', 'dotfiles');
  const hft = g.hf();
  hf.s(hft, 'huggingface', hft);

  const kg = repo.file('ops/home/jchen/.kaggle/kaggle.json', 'dotfiles');
  const kk = g.kaggle();
  kg.s(`{"username":"jiachen","key":"${kk}"}`, 'kaggle', kk);

  const cds = repo.file('ops/home/mliu/.cdsapirc', 'dotfiles');
  const ck = t.uuid();
  cds.l('url: https://cds.climate.copernicus.eu/api');
  cds.s(`key: ${ck}`, 'copernicus', ck);

  const rc = repo.file('ops/home/mliu/.bashrc', 'dotfiles');
  const oa = t.openai();
  const an = t.anthropic();
  rc.l(
    '# .bashrc',
    '[ -f /etc/bashrc ] && . /etc/bashrc',
    'alias sq=\'squeue -u $USER -o "%.10i %.9P %.30j %.8T %.10M %R"\'',
    'module load miniforge/24.3.0',
  );
  rc.s(`export OPENAI_API_KEY=${oa}`, 'openai', oa);
  rc.s(`export ANTHROPIC_API_KEY="${an}"`, 'anthropic', an);
  rc.l('export GITHUB_TOKEN=$(gh auth token 2>/dev/null)');
  rc.d('export WANDB_API_KEY="$(pass show wandb/api-key)"', 'password-manager lookup');

  const re = repo.file('ops/home/jchen/.Renviron', 'dotfiles');
  const gh = t.github();
  const oa2 = t.openai();
  re.l('R_LIBS_USER=~/R/%p-library/%v');
  re.s(`GITHUB_PAT=${gh}`, 'github', gh);
  re.s(`OPENAI_API_KEY=${oa2}`, 'openai', oa2);

  const ssh = repo.file('ops/home/jchen/.ssh/config', 'dotfiles');
  ssh.l('Host helix', '  HostName helix-login01.rc.northfield.edu', '  User jchen');
  ssh.l('  IdentityFile ~/.ssh/id_ed25519_helix');
  ssh.l('  ControlMaster auto', '  ControlPath ~/.ssh/cm-%r@%h:%p');

  const gc = repo.file('ops/home/okafor/.git-credentials', 'dotfiles');
  const gct = t.github('gho_');
  const glp = t.gitlab();
  gc.s(`https://okafor:${gct}@github.com`, 'github', gct);
  gc.s(`https://okafor:${glp}@git.rc.northfield.edu`, 'gitlab', glp);
}

// ---- Monitoring (Grafana / Prometheus on the cluster) ---------------------------------------

function monitoring(repo, t, g) {
  const s = repo.file('ops/monitoring/push_dashboards.sh', 'monitoring');
  const gt = g.grafana();
  s.l('#!/usr/bin/env bash', 'for f in dashboards/*.json; do');
  s.s(
    `  curl -sf -X POST -H "Authorization: Bearer ${gt}" -H "Content-Type: application/json" -d @"$f" https://grafana.quanta.northfield.edu/api/dashboards/db`,
    'grafana',
    gt,
  );
  s.l('done');

  const p = repo.file('ops/monitoring/prometheus.yml', 'monitoring');
  const pw = g.plain(20);
  p.l(
    'global:',
    '  scrape_interval: 30s',
    'scrape_configs:',
    '  - job_name: helix-nodes',
    '    scheme: https',
    '    basic_auth:',
    '      username: prom',
  );
  p.s(`      password: ${pw}`, 'generic', pw);
  p.l(
    '    static_configs:',
    '      - targets: ["helix-gpu01:9100", "helix-gpu02:9100"]',
    '  - job_name: slurm-exporter',
    '    basic_auth:',
    '      username: prom',
  );
  p.d('      password_file: /etc/prometheus/slurm-exporter.pass', 'password file reference');
  p.l('    static_configs:', '      - targets: ["helix-ctl01:9341"]');

  const gi = repo.file('ops/monitoring/grafana.ini', 'monitoring');
  const adm = g.human();
  gi.l('[server]', 'root_url = https://grafana.quanta.northfield.edu', '', '[security]', 'admin_user = admin');
  gi.s(`admin_password = ${adm}`, 'generic', adm);
  gi.l('secret_key = $__file{/etc/grafana/secret_key}');
  gi.l('', '[auth.generic_oauth]', 'enabled = true', 'name = Northfield SSO');
  gi.l(`client_id = ${t.uuid()}`);
  gi.d('client_secret = $__env{GF_OAUTH_CLIENT_SECRET}', 'grafana env interpolation');
}

// ---- Job logs, scheduler logs, service logs -------------------------------------------------

function logs(repo, t, g) {
  const a = repo.file('logs/slurm/gnn-train-4829133.out', 'logs');
  const wb = g.wandb();
  const hf = g.hf();
  const runId = t.lower(8);
  a.l(
    '== job 4829133 on helix-gpu[07-08] ==',
    '== env (QUANTA_DEBUG=1) ==',
    'SLURM_JOB_ID=4829133',
    'SLURM_JOB_NODELIST=helix-gpu[07-08]',
  );
  a.s(`WANDB_API_KEY=${wb}`, 'wandb', wb);
  a.s(`HF_TOKEN=${hf}`, 'huggingface', hf);
  a.l(
    'CUDA_VISIBLE_DEVICES=0,1,2,3',
    'wandb: Currently logged in as: jchen (quanta-lab). Use `wandb login --relogin` to force relogin',
    'wandb: Tracking run with wandb version 0.17.2',
  );
  a.d(`wandb: Run data is saved locally in /scratch/jchen/wandb/run-20240611_031544-${runId}`, 'wandb run id');
  a.l(`wandb: 🚀 View run at https://wandb.ai/quanta-lab/gnn-surrogate/runs/${runId}`);
  a.l(`git commit: ${t.sha1()}`);
  a.l('helix-gpu07:1823:1823 [0] NCCL INFO Bootstrap : Using ib0:10.41.7.7<0>', 'epoch 1/200 loss=0.8123 val=0.7911');

  const b = repo.file('logs/slurm/mhd3d-run042-4830012.err', 'logs');
  const pgpw = g.plain(18);
  const aid = g.s3Id();
  b.s(
    `[rank 0] run registry: connecting to postgresql://mhd:${pgpw}@pg.quanta.northfield.edu:5432/runs`,
    'database',
    pgpw,
  );
  b.d(
    `[rank 0] [DEBUG] AWSAuthV4Signer: Authorization: AWS4-HMAC-SHA256 Credential=${aid}/20240611/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${t.sha256()}`,
    'per-request sigv4 signature (not reusable) and access key id',
  );
  b.l(
    'Abort(805421583) on node 412 (rank 412 in comm 0): Fatal error in internal_Allreduce: Other MPI error',
    'srun: error: helix-cpu077: task 412: Exited with exit code 15',
  );

  const sc = repo.file('logs/slurmctld/slurmctld.log', 'logs');
  sc.l(
    '[2024-06-11T03:15:20.118] _slurm_rpc_submit_batch_job: JobId=4829133 InitPrio=4294901760 usec=503',
    '[2024-06-11T03:15:21.002] sched: Allocate JobId=4829133 NodeList=helix-gpu[07-08] #CPUs=64 Partition=gpu',
  );
  sc.d('[2024-06-11T03:16:02.551] slurmrestd: operation=job_submit user=qlab-svc token=[redacted]', 'redacted');
  sc.l(`[2024-06-11T03:16:03.001] _job_complete: JobId=4830011 WEXITSTATUS 0 (batch_script sha256 ${t.sha256()})`);
  sc.l('[2024-06-11T03:17:44.900] error: Nodes helix-cpu077 not responding');

  const w = repo.file('logs/wandb/debug-internal.log', 'logs');
  const wk = g.wandb();
  w.l(
    '2024-06-11 03:15:44,812 INFO    StreamThr :1823 [internal.py:wandb_internal():86] W&B internal server running at pid: 1823',
  );
  w.s(
    `2024-06-11 03:15:45,001 DEBUG   SenderThread:1823 [internal_api.py:execute():372] POST https://api.wandb.ai/graphql headers={'Authorization': 'Basic ${g.enc(`api:${wk}`)}', 'User-Agent': 'W&B Internal Client 0.17.2'}`,
    'wandb',
    wk,
  );
  w.l('2024-06-11 03:15:45,002 DEBUG   SenderThread:1823 [internal_api.py:execute():380] api_key=********');

  const j = repo.file('logs/jupyterhub/hub-2024-06-11.log', 'logs');
  const gho = t.github('gho_');
  const at = g.jhubToken();
  j.l('[I 2024-06-11 09:01:12.331 JupyterHub app:3203] JupyterHub is now running at http://:8000');
  j.s(
    `[D 2024-06-11 09:02:40.118 JupyterHub oauth2:402] GitHub token response: {"access_token": "${gho}", "token_type": "bearer", "scope": "read:org"}`,
    'github',
    gho,
  );
  j.d(
    '[I 2024-06-11 09:02:41.007 JupyterHub log:192] 302 GET /hub/oauth_callback?code=[secret]&state=[secret] -> /hub/spawn (jchen@10.42.1.7) 91.22ms',
    'redacted by jupyterhub',
  );
  j.s(
    `[D 2024-06-11 09:05:13.870 JupyterHub log:192] 200 GET /hub/api/users?token=${at} (admin@10.42.0.9) 4.11ms`,
    'generic',
    at,
  );

  const dj = repo.file('logs/inventory/django-error.log', 'logs');
  dj.l(
    'psycopg2.OperationalError: connection to server at "pg.quanta.northfield.edu" (10.40.2.5), port 5432 failed: FATAL:  password authentication failed for user "inventory"',
  );
  dj.d("EMAIL_HOST_PASSWORD = '********************'", 'django debug page masks settings');
  dj.l('Internal Server Error: /api/reagents/42/', 'Traceback (most recent call last):');
}

// ---- Mailing-list and chat exports ---------------------------------------------------------

function comms(repo, t, g) {
  const m = repo.file('comms/lists/quanta-users-2024-06.mbox', 'chat');
  const cid = g.s3Id();
  const csec = g.s3Secret();
  const tmp = g.human();
  m.l(
    'From okafor@northfield.edu Mon Jun 10 16:02:11 2024',
    'From: Adaeze Okafor <okafor@northfield.edu>',
    'To: quanta-users@lists.northfield.edu',
    'Subject: new shared Ceph bucket for the MHD runs',
    'Date: Mon, 10 Jun 2024 16:02:11 -0400',
    '',
    'Hi all,',
    '',
    'The RGW bucket quanta-mhd-ckpt is live. Shared lab key below, please put it in',
    'your ~/.s3cfg and not in job scripts:',
    '',
  );
  m.s([`  access_key = ${cid}`, `  secret_key = ${csec}`], 'generic', csec);
  m.l('', 'Adaeze', '');
  m.l(
    'From rc-help@northfield.edu Tue Jun 11 09:14:55 2024',
    'From: Research Computing <rc-help@northfield.edu>',
    'To: quanta-users@lists.northfield.edu',
    'Subject: Re: helix account for Priya',
    '',
  );
  m.s(
    `Priya's helix account is ready, initial password is ${tmp} (change it with passwd on first login).`,
    'generic',
    tmp,
  );
  m.d('To get a W&B key go to https://wandb.ai/authorize and run `export WANDB_API_KEY=<your key>`.', 'placeholder');

  const mm = repo.file('comms/mattermost/quanta-general-2024-06.jsonl', 'chat');
  const hf = g.hf();
  const oa = t.openai();
  const tg = g.telegram();
  mm.s(
    `{"user":"jchen","ts":"2024-06-11T10:02:00Z","message":"use my HF token for the gated llama weights until yours is approved: ${hf}"}`,
    'huggingface',
    hf,
  );
  mm.s(
    `{"user":"mliu","ts":"2024-06-11T10:05:31Z","message":"lab OpenAI key for the triage bot is ${oa} (billing goes to the grant)"}`,
    'openai',
    oa,
  );
  mm.s(`{"user":"pnair","ts":"2024-06-11T11:20:09Z","message":"job-alert bot token: ${tg}"}`, 'telegram', tg);
  mm.d(
    `{"user":"okafor","ts":"2024-06-11T11:22:40Z","message":"dataset v4 manifest sha256 is ${t.sha256()}"}`,
    'sha256',
  );
  mm.d(
    '{"user":"okafor","ts":"2024-06-11T11:23:02Z","message":"reminder: tokens look like hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, never paste real ones here"}',
    'placeholder',
  );

  const sl = repo.file('comms/slack-export/ml-reading-group/2024-06-12.json', 'chat');
  const an = t.anthropic();
  const wb = g.wandb();
  sl.l('[');
  sl.s(
    `  {"type": "message", "user": "U06QX8M2L", "text": "for the claude comparison use ${an}", "ts": "1718200000.000100"},`,
    'anthropic',
    an,
  );
  sl.s(
    `  {"type": "message", "user": "U06QX9A7K", "text": "wandb key for the team account: ${wb}", "ts": "1718200123.000200"},`,
    'wandb',
    wb,
  );
  sl.l(
    `  {"type": "message", "user": "U06QX8M2L", "text": "paper is out! https://doi.org/${g.doi()}", "ts": "1718200200.000300"}`,
  );
  sl.l(']');
}

// ---- Wiki / docs --------------------------------------------------------------------------

function docs(repo, t, g) {
  const a = repo.file('docs/wiki/Cluster-Access.md', 'docs');
  const tmp = g.human();
  a.l('# Getting onto Helix', '', '1. Ask rc-help for an account (PI approval needed).');
  a.s(
    `2. First login: \`ssh pnair@helix-login01.rc.northfield.edu\` with the temporary password \`${tmp}\`.`,
    'generic',
    tmp,
  );
  a.d(`3. Verify the host key: \`SHA256:${g.b64(43)}\` (ED25519).`, 'ssh host key fingerprint');
  a.l('4. Then set up keys: `ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519_helix`.');

  const o = repo.file('docs/wiki/Object-Storage.md', 'docs');
  const oid = g.s3Id();
  const osec = g.s3Secret();
  o.l('# Ceph / MinIO object storage', '', '## Lab-wide RGW user', '', '```ini');
  o.s([`access_key = ${oid}`, `secret_key = ${osec}`], 'generic', osec);
  o.l('```', '', 'The AWS documentation uses these example values; they are not real:', '');
  o.d('    aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'vendor documented example');
  o.d('    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor documented example');

  const p = repo.file('docs/wiki/Publishing.md', 'docs');
  p.l('# Publishing data and code', '');
  p.l('Set `ZENODO_TOKEN=<your-zenodo-token>` (scope: deposit:write, deposit:actions).');
  p.l(`Community DOI of the lab collection: ${g.doi()}`);
  p.l(`PI ORCID: https://orcid.org/${g.orcid()}`);
  p.l('Figshare tokens go in `~/.config/quanta/figshare.token`, mode 0600.');

  const j = repo.file('docs/wiki/JupyterHub.md', 'docs');
  const at = g.jhubToken();
  j.l('# JupyterHub admin notes', '', 'Admin API token (service "culler", scope admin:users):', '');
  j.s(`    export JUPYTERHUB_API_TOKEN=${at}`, 'generic', at);
  j.l(
    '',
    'Then `curl -H "Authorization: token $JUPYTERHUB_API_TOKEN" https://hub.quanta.northfield.edu/hub/api/users`.',
  );
  j.l('Regenerate the proxy token with `openssl rand -hex 32` and put it in `proxy.secretToken`.');

  const r = repo.file('README.md', 'docs');
  r.l(
    '# Quanta Lab monorepo',
    '',
    'Simulation codes, analysis packages and infrastructure for the Quanta Lab at Northfield University.',
    '',
    '```sh',
  );
  r.l('export WANDB_API_KEY=<your-wandb-key>');
  r.d('export HF_TOKEN=hf_...', 'placeholder');
  r.l('export OPENAI_API_KEY=sk-...');
  r.l('sbatch jobs/train/train_gnn.sbatch', '```');
}

// ---- Keys ----------------------------------------------------------------------------------

function keys(repo, t, g) {
  const k = repo.file('ops/keys/helix_deploy_ed25519', 'keys');
  const os = t.opensshPem();
  k.s(os, 'private-key', os.join('\n'));
  const kp = repo.file('ops/keys/helix_deploy_ed25519.pub', 'keys');
  kp.d(g.pubSsh('deploy@quanta'), 'public key');

  const gk = repo.file('ops/keys/gcs-deployment-key.json', 'keys');
  const gs = g.globusSecret();
  gk.l('{');
  gk.l(`  "client_id": "${t.uuid()}",`);
  gk.s(`  "secret": "${gs}",`, 'globus', gs);
  gk.l('  "deployment_key_version": 2', '}');

  const sa = repo.file('ops/keys/gdrive-sync-sa.json', 'keys');
  const p8 = t.pkcs8Pem();
  const proj = `quanta-lab-${t.lower(6)}`;
  sa.l('{', '  "type": "service_account",', `  "project_id": "${proj}",`);
  sa.l(`  "private_key_id": "${t.sha1()}",`);
  sa.s(`  "private_key": ${JSON.stringify(p8.join('\n') + '\n')},`, 'gcp', p8.join('\n'));
  sa.l(
    `  "client_email": "gdrive-sync@${proj}.iam.gserviceaccount.com",`,
    `  "client_id": "${t.digits(21)}",`,
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );

  const pgp = repo.file('ops/keys/quanta-release-signing.asc', 'keys');
  pgp.d(
    [
      '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      '',
      `mQINBG${g.b64(58)}`,
      g.b64(64),
      g.b64(64),
      `=${g.b64(4)}`,
      '-----END PGP PUBLIC KEY BLOCK-----',
    ],
    'pgp public key',
  );

  const rsa = repo.file('sim/mhd3d/tools/upload/id_rsa_dtn', 'keys');
  const rk = t.rsaPem();
  rsa.s(rk, 'private-key', rk.join('\n'));
}

// ---- Noise: hashes, ids, manifests --------------------------------------------------------

function noise(repo, t, g) {
  const c = repo.file('analysis/src/quanta/constants.py', 'decoys');
  c.l('WANDB_ENTITY = "quanta-lab"');
  c.l('HF_REPO = "quanta-lab/gnn-surrogate-v3"');
  c.l(`DATASET_DOI = "${g.doi()}"`);
  c.l(`GLOBUS_COLLECTION_ID = "${t.uuid()}"`);
  c.l('TOKEN_ENV = "HF_TOKEN"');
  c.l('PASSWORD_FILE = "~/.config/quanta/db.pass"');
  c.l(`CHECKPOINT_SHA256 = "${t.sha256()}"`);

  const mf = repo.file('analysis/data/MANIFEST.sha256', 'decoys');
  for (const f of ['snap_0000.h5', 'snap_0100.h5', 'snap_0200.h5']) mf.l(`${t.sha256()}  ${f}`);

  const sp = repo.file('sim/spack.lock', 'decoys');
  sp.l('{', '  "_meta": {"file-type": "spack-lockfile", "lockfile-version": 5},', '  "roots": [');
  sp.d(
    `    {"hash": "${t.pick('abcdefghijklmnopqrstuvwxyz234567', 32)}", "spec": "hdf5@1.14.3+mpi"},`,
    'spack dag hash',
  );
  sp.l(`    {"hash": "${t.pick('abcdefghijklmnopqrstuvwxyz234567', 32)}", "spec": "openmpi@4.1.6"}`);
  sp.l('  ]', '}');
}
