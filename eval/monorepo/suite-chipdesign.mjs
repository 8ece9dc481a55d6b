// Fabless semiconductor company monorepo (Siliconwick): Verilog / SystemVerilog RTL and UVM
// benches, Tcl synthesis and place-and-route flows, FlexLM licence servers, an LSF / Slurm
// compute farm, Perforce depots and triggers, Python regression and coverage tooling, C secure
// boot firmware (key provisioning, OTP fuse maps, signing scripts), a C++ simulation model,
// Jenkins and GitLab CI, Artifactory, a Django tapeout tracker on PostgreSQL, characterisation
// notebooks, a lab-automation service (SCPI over LAN), foundry SFTP / MES portal integration,
// AWS burst compute (Terraform), Kubernetes, Docker, Ansible, NFS / LDAP / Kerberos, csh and
// shell scripts, Makefiles, logs, Jira / Confluence / Slack exports and docs.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 8191 + 577);
  const t = makeTokens(rand);
  const repo = new Repo();
  const g = gens(t);
  rtl(repo, t, g);
  flows(repo, t, g);
  licensing(repo, t, g);
  computeFarm(repo, t, g);
  perforce(repo, t, g);
  regression(repo, t, g);
  firmware(repo, t, g);
  simModel(repo, t, g);
  ci(repo, t, g);
  tapeoutTracker(repo, t, g);
  notebooks(repo, t, g);
  labAutomation(repo, t, g);
  foundry(repo, t, g);
  cloud(repo, t, g);
  identity(repo, t, g);
  logs(repo, t, g);
  exportsComms(repo, t, g);
  docs(repo, t, g);
  noise(repo, t, g);
  return repo;
}

// OpenPGP ASCII armor checksum (RFC 4880 section 6.1).
function crc24(buf) {
  let crc = 0xb704ce;
  for (const b of buf) {
    crc ^= b << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

function armor(label, body) {
  const b64 = body.toString('base64');
  const sum = Buffer.from([(crc24(body) >> 16) & 0xff, (crc24(body) >> 8) & 0xff, crc24(body) & 0xff]);
  return [
    `-----BEGIN PGP ${label}-----`,
    '',
    ...b64.match(/.{1,64}/g),
    `=${sum.toString('base64')}`,
    `-----END PGP ${label}-----`,
  ];
}

function gens(t) {
  const enc = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const b64 = (n) => t.mixed(B64, n);
  const bytes = (n) => Buffer.from(t.pick(HEX, n * 2), 'hex');
  const WORDS = ['Wafer', 'Netlist', 'Tapeout', 'Bondpad', 'Reticle', 'Fanout', 'Corner', 'Mosfet', 'Dopant', 'Scribe'];
  const word = () => WORDS[Number(t.pick(DIGIT, 1))];
  // What engineers pick for shared lab, farm and service accounts.
  const human = () => {
    const sym = t.pick('!#@*.', 1);
    switch (t.pick('0123', 1)) {
      case '0':
        return `${word()}20${t.pick('12', 1)}${t.pick(DIGIT, 1)}${sym}`;
      case '1':
        return `${word()}${sym}${t.pick(DIGIT, 2)}${word().toLowerCase()}`;
      case '2':
        return `Swk${word()}${t.pick(DIGIT, 2)}${sym}`;
      default:
        return `${word().toLowerCase()}-${word()}-${t.pick(DIGIT, 4)}`;
    }
  };
  // Password-manager output without shell/Tcl/XML metacharacters.
  const gen = (n = 20) => `${t.pick(UPPER + LOWER, 1)}${t.mixed(ALNUM + '#*-_?@^+', n - 1)}`;
  const plain = (n = 18) => t.alnum(n);
  const jwt = (header, payload) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${t.mixed(URLSAFE, 43)}`;
  const cArray = (hex, indent = '    ') => {
    const bs = hex.match(/../g).map((h) => `0x${h}`);
    const rows = [];
    for (let i = 0; i < bs.length; i += 8) rows.push(`${indent}${bs.slice(i, i + 8).join(', ')},`);
    return rows;
  };
  return {
    enc,
    b64url,
    b64,
    bytes,
    human,
    gen,
    plain,
    jwt,
    cArray,
    // JFrog Artifactory: legacy API key and a reference (access) token.
    artKey: () => `AKCp8${t.alnum(68)}`,
    artRef: () => enc(`reftkn:01:${t.digits(10)}:${t.alnum(27)}`),
    // Jenkins user API token (new style: "11" + 32 hex).
    jenkins: () => `11${t.hex(32)}`,
    // Perforce login ticket: 32 upper-case hex.
    p4ticket: () => t.mixed('0123456789ABCDEF', 32),
    // Jira / Confluence Data Center personal access token.
    atlPat: () => enc(Buffer.concat([Buffer.from(`${t.digits(12)}:`), bytes(20)])),
    // Grafana legacy API key: base64 of {"k","n","id"}.
    grafana: (name) => enc(JSON.stringify({ k: t.alnum(32), n: name, id: 1 })),
    influx: () => `${t.mixed(URLSAFE, 86)}==`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    tfc: () => `${t.alnum(14)}.atlasv1.${t.alnum(67)}`,
    vault: () => `hvs.${t.alnum(24)}`,
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    xoxp: () => `xoxp-${t.digits(12)}-${t.digits(12)}-${t.digits(13)}-${t.hex(32)}`,
    pdRouting: () => t.hex(32),
    djangoKey: () => t.mixed('abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)', 50),
    keyHex: (n) => t.hex(n * 2),
    minioId: () => t.mixed(UPPER + DIGIT, 20),
    minioSecret: () => t.alnum(40),
    munge: () => enc(bytes(128)),
    keytab: () => Buffer.concat([Buffer.from('0502', 'hex'), bytes(150)]).toString('base64'),
    pgpPrivate: () => armor('PRIVATE KEY BLOCK', Buffer.concat([Buffer.from('950586046574a2c101', 'hex'), bytes(860)])),
    pgpPublic: () => armor('PUBLIC KEY BLOCK', Buffer.concat([Buffer.from('99018d046574a2c101', 'hex'), bytes(380)])),
    encPem: () => {
      const body = `MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${b64(1680)}`;
      return [
        '-----BEGIN ENCRYPTED PRIVATE KEY-----',
        ...body.match(/.{1,64}/g),
        '-----END ENCRYPTED PRIVATE KEY-----',
      ];
    },
    ecPub: () => [
      '-----BEGIN PUBLIC KEY-----',
      `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${b64(28)}`,
      `${b64(60)}==`,
      '-----END PUBLIC KEY-----',
    ],
    cert: () => `MIIDdzCCAl+gAwIBAgIQ${b64(900)}`,
    sshSha256: () => `SHA256:${t.mixed(B64, 43)}`,
    fingerprint: () => t.pick('0123456789ABCDEF', 40).match(/../g).join(':'),
  };
}

// ---- RTL and UVM ---------------------------------------------------------------------------

function rtl(repo, t, g) {
  const top = repo.file('rtl/soc/wick_top.sv', 'verilog');
  top.l(
    '// Siliconwick WK7 SoC top level',
    '`include "wick_defines.svh"',
    '',
    'module wick_top',
    '  import wick_pkg::*;',
    '#(',
    "  parameter logic [31:0] BOOT_ADDR   = 32'h0000_1000,",
    '  parameter int unsigned NUM_HARTS   = 4,',
  );
  top.l(
    `  parameter logic [63:0] BUILD_ID    = 64'h${t.pick(HEX, 16)}  // git describe, stamped by flow/tools/stamp.py`,
  );
  top.l(
    ') (',
    '  input  logic clk_ref_i,',
    '  input  logic por_n_i,',
    '  inout  wire  [31:0] gpio_io,',
    '  input  logic jtag_tck_i, jtag_tms_i, jtag_tdi_i, jtag_trst_n_i,',
    '  output logic jtag_tdo_o',
    ');',
    '',
    '  wick_sec_subsys u_sec (.clk_i(clk_sys), .rst_ni(rst_sys_n), .*);',
    'endmodule',
  );

  const du = repo.file('rtl/security/dbg_unlock.sv', 'verilog');
  const unlock = g.keyHex(32);
  du.l(
    '// JTAG / DAP debug authentication. A host presents the 256-bit token through the',
    '// DMI unlock register; a match opens the RV debug module and the scan chains.',
    'module dbg_unlock (',
    '  input  logic         clk_i,',
    '  input  logic         rst_ni,',
    '  input  logic [255:0] token_i,',
    '  input  logic         token_valid_i,',
    '  output logic         unlocked_o',
    ');',
    '  // TODO(WK7-1893): read this from OTP partition SECRET2 before B0 tapeout',
  );
  du.s(`  localparam logic [255:0] DBG_UNLOCK_TOKEN = 256'h${unlock};`, 'generic', unlock);
  du.l(
    '',
    '  always_ff @(posedge clk_i or negedge rst_ni) begin',
    "    if (!rst_ni) unlocked_o <= 1'b0;",
    "    else if (token_valid_i && token_i == DBG_UNLOCK_TOKEN) unlocked_o <= 1'b1;",
    '  end',
    'endmodule',
  );

  const km = repo.file('rtl/security/keymgr_pkg.sv', 'verilog');
  const devSecret = g.keyHex(16);
  km.l('package keymgr_pkg;', '');
  km.l('  // FIPS-197 appendix C.1 known-answer key used by the AES self-test FSM');
  km.d(
    "  parameter logic [127:0] AES_KAT_KEY = 128'h000102030405060708090a0b0c0d0e0f;",
    'published FIPS-197 test vector',
  );
  km.d(
    "  parameter logic [255:0] SHA256_H0 = 256'h6a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19;",
    'sha-256 initial hash value (public constant)',
  );
  km.l(
    '  // Device root secret for the B0 engineering-sample lot (WK7-ES2). Burnt into the',
    '  // keymgr creator seed until the OTP provisioning flow lands.',
  );
  km.s(`  parameter logic [127:0] CREATOR_ROOT_KEY_ES2 = 128'h${devSecret};`, 'generic', devSecret);
  km.l('  parameter int unsigned KEY_WIDTH = 256;', '', 'endpackage');

  const seq = repo.file('verif/uvm/jtag/jtag_unlock_seq.sv', 'verilog');
  seq.l(
    'class jtag_unlock_seq extends uvm_sequence #(jtag_item);',
    '  `uvm_object_utils(jtag_unlock_seq)',
    '  rand bit [255:0] token;',
    '  task body();',
  );
  seq.d(
    '    if (!$value$plusargs("UNLOCK_TOKEN=%h", token)) `uvm_fatal("NOTOK", "pass +UNLOCK_TOKEN=<hex>")',
    'plusarg read',
  );
  seq.l('    start_item(req); req.data = token; finish_item(req);', '  endtask', 'endclass');

  const tb = repo.file('verif/uvm/otp/otp_smoke_test.sv', 'verilog');
  tb.l('class otp_smoke_test extends otp_base_test;', '  `uvm_component_utils(otp_smoke_test)');
  tb.l("  localparam bit [127:0] TEST_KEY = 128'h0;  // all-zero key, simulation only");
  tb.l(`  localparam bit [63:0]  LFSR_SEED = 64'hDEADBEEF_CAFEF00D;`);
  tb.l('endclass');
}

// ---- Synthesis / P&R flows: Tcl, Makefiles, csh ------------------------------------------------

function flows(repo, t, g) {
  const dc = repo.file('flow/synth/dc_setup.tcl', 'tcl');
  const metricsPw = g.gen(18);
  dc.l(
    '# Design Compiler setup for the WK7 digital top',
    'set_app_var search_path [list . $::env(PDK_ROOT)/stdcell/db $::env(PROJ_ROOT)/rtl]',
    'set_app_var target_library "sc9mc_n7_ss_0p675v_m40c.db"',
    'set_app_var link_library   "* $target_library dw_foundation.sldb"',
  );
  dc.d(
    'set ::env(SNPSLMD_LICENSE_FILE) "27020@lic01.eda.siliconwick.local:27020@lic02.eda.siliconwick.local"',
    'licence server address (port@host)',
  );
  dc.l(
    '',
    '# QoR metrics go to the flow dashboard database',
    'set METRICS_DB_HOST "flowdb.eda.siliconwick.local"',
    'set METRICS_DB_USER "flowbot"',
  );
  dc.s(`set METRICS_DB_PASS "${metricsPw}"`, 'generic', metricsPw);
  dc.d('set METRICS_DB_PASS_RO [exec vault kv get -field=password secret/eda/flowdb-ro]', 'vault lookup');
  dc.l('source -echo $::env(PROJ_ROOT)/flow/common/qor_report.tcl');

  const inv = repo.file('flow/pnr/innovus_run.tcl', 'tcl');
  const art = g.artKey();
  const slackHook = t.slackWebhook();
  inv.l(
    '# Innovus full-flow driver: floorplan -> place -> cts -> route -> signoff export',
    'set design  $::env(DESIGN)',
    'set run_tag $::env(RUN_TAG)',
    'source ../common/mmmc.tcl',
    'init_design',
    'place_opt_design',
    'ccopt_design',
    'route_opt_design',
    'write_def  out/${design}.def.gz',
    'streamOut  out/${design}.gds.gz -mapFile $::env(PDK_ROOT)/pnr/streamout.map -mode ALL',
    '',
    '# publish the run to Artifactory so STA and signoff can pick it up',
    'set art_url  "https://artifactory.siliconwick.local/artifactory/pnr-runs-local/$design/$run_tag"',
  );
  inv.s(`set art_key  "${art}"`, 'artifactory', art);
  inv.l(
    'foreach f [glob out/*.gz] {',
    '    exec curl -sf -H "X-JFrog-Art-Api: $art_key" -T $f "$art_url/[file tail $f]"',
    '}',
  );
  inv.s(`exec curl -s -X POST -d "{\\"text\\": \\"$design $run_tag routed\\"}" ${slackHook}`, 'slack', slackHook);

  const pt = repo.file('flow/sta/pt_signoff.tcl', 'tcl');
  const ptPw = g.plain(16);
  pt.l(
    'set_app_var link_path "* $::env(LIB_DB_LIST)"',
    'read_verilog ../pnr/out/$::env(DESIGN).v.gz',
    'read_parasitics -format spef ../pnr/out/$::env(DESIGN).spef.gz',
    'update_timing -full',
    'report_global_timing > rpt/global_timing.rpt',
    '',
    '# push the WNS/TNS summary into the tapeout tracker',
  );
  pt.s(
    `exec curl -s -u sta-bot:${ptPw} -F "report=@rpt/global_timing.rpt" https://tapeout.siliconwick.local/api/runs/$::env(RUN_TAG)/sta/`,
    'generic',
    ptPw,
  );
  pt.d(
    'exec curl -s -H "Authorization: Token $::env(TRACKER_TOKEN)" https://tapeout.siliconwick.local/api/ping/',
    'env reference',
  );

  const mk = repo.file('flow/pnr/Makefile', 'makefile');
  const mkPw = g.plain(20);
  const mkRef = g.artRef();
  mk.l(
    '# make DESIGN=wick_cpu_cluster RUN_TAG=b0_r12 pnr',
    'DESIGN   ?= wick_top',
    'RUN_TAG  ?= $(shell date +%Y%m%d_%H%M)',
    'INNOVUS  ?= innovus -stylus -no_gui -overwrite',
    'ARTIFACTORY_URL  ?= https://artifactory.siliconwick.local/artifactory',
    'ARTIFACTORY_USER ?= flowbot',
  );
  mk.s(`ARTIFACTORY_PASSWORD ?= ${mkPw}`, 'generic', mkPw);
  mk.s(`ARTIFACTORY_ACCESS_TOKEN := ${mkRef}`, 'artifactory', mkRef);
  mk.l('P4PASSWD ?= $(shell p4 -p $(P4PORT) login -p -a < /dev/null 2>/dev/null | tail -1)');
  mk.l('', 'pnr:', '\t$(INNOVUS) -files innovus_run.tcl -log logs/$(RUN_TAG)', '', 'fetch-lef:');
  mk.l(
    '\tcurl -sf -H "Authorization: Bearer $(ARTIFACTORY_ACCESS_TOKEN)" -o lef.tgz $(ARTIFACTORY_URL)/pdk-local/n7/lef.tgz',
  );

  const csh = repo.file('flow/env/siliconwick.cshrc', 'csh');
  const p4t = g.p4ticket();
  const cshArt = g.artKey();
  csh.l(
    '# source from ~/.cshrc on every EDA login host',
    'setenv PROJ_ROOT /proj/wk7',
    'setenv PDK_ROOT  /tools/pdk/n7/v1.2',
    'set path = ( /tools/synopsys/dc/W-2024.09-SP2/bin /tools/cadence/INNOVUS231/bin $path )',
  );
  csh.d(
    'setenv LM_LICENSE_FILE 5280@lic01.eda.siliconwick.local:5280@lic02.eda.siliconwick.local',
    'licence server address (port@host)',
  );
  csh.l('setenv CDS_LIC_FILE 5280@lic01.eda.siliconwick.local');
  csh.l('setenv P4PORT ssl:perforce.siliconwick.local:1666', 'setenv P4USER regress-bot');
  csh.s(`setenv P4PASSWD ${p4t}`, 'perforce', p4t);
  csh.s(`setenv ARTIFACTORY_API_KEY ${cshArt}`, 'artifactory', cshArt);
  csh.l('setenv JIRA_TOKEN `cat ~/.config/swk/jira_token`');
  csh.l("alias bj 'bjobs -u all -q eda_long'", "alias syn 'dc_shell -topo -f $PROJ_ROOT/flow/synth/run.tcl'");

  const up = repo.file('flow/scripts/publish_gds.csh', 'csh');
  const upArt = g.artKey();
  up.l(
    '#!/bin/csh -f',
    '# publish_gds.csh <design> <tag>',
    'set design = $1',
    'set tag = $2',
    'set gds = /proj/wk7/pnr/$design/$tag/out/$design.gds.gz',
  );
  up.s(
    `curl -sf -H "X-JFrog-Art-Api: ${upArt}" -T $gds https://artifactory.siliconwick.local/artifactory/gds-local/$design/$tag/`,
    'artifactory',
    upArt,
  );
  up.d('echo "sha256: `sha256sum $gds`"', 'checksum command');
}

// ---- FlexLM / FlexNet licence servers ------------------------------------------------------

function licensing(repo, t, g) {
  const lic = repo.file('eda/licenses/synopsys.lic', 'license');
  const hostid = t.pick(HEX, 12);
  lic.d(`SERVER lic01.eda.siliconwick.local ${hostid} 27020`, 'licence server host id (mac address)');
  lic.l('VENDOR snpslmd /tools/synopsys/scl/2024.06/linux64/bin/snpslmd', 'USE_SERVER');
  lic.d(
    `INCREMENT DesignCompiler snpslmd 2025.12 31-dec-2025 40 SN=RK:${t.digits(7)}:0:0 ISSUER="Synopsys" SIGN="${t.pick('0123456789ABCDEF', 60).match(/.{4}/g).join(' ')}"`,
    'vendor signature on licence terms (not a credential)',
  );
  for (const f of ['VCSRuntime_Net', 'PrimeTime', 'Formality']) {
    lic.l(
      `INCREMENT ${f} snpslmd 2025.12 31-dec-2025 ${t.digits(2)} SN=RK:${t.digits(7)}:0:0 ISSUER="Synopsys" SIGN="${t.pick('0123456789ABCDEF', 60).match(/.{4}/g).join(' ')}"`,
    );
  }

  const opt = repo.file('eda/licenses/cdslmd.opt', 'license');
  opt.l(
    'GROUP pnr_team jchen mpatel okim rsingh',
    'RESERVE 4 Innovus_Impl_System GROUP pnr_team',
    'MAX 2 Virtuoso_Layout_Suite_XL USER contractor01',
    'TIMEOUTALL 7200',
    'REPORTLOG +/var/log/flexlm/cdslmd.rl',
  );

  const mon = repo.file('eda/licenses/monitor/lic_usage.py', 'python');
  const influx = g.influx();
  const graf = g.grafana('lic-monitor');
  mon.l(
    '"""Poll lmstat every minute and push feature usage to InfluxDB / Grafana."""',
    'import re',
    'import subprocess',
    '',
    'from influxdb_client import InfluxDBClient, Point',
    'import requests',
    '',
    'LMUTIL = "/tools/flexlm/11.19/lmutil"',
    'SERVERS = ["27020@lic01", "5280@lic01", "1717@lic02"]',
    'INFLUX_URL = "http://influx.eda.siliconwick.local:8086"',
  );
  mon.s(`INFLUX_TOKEN = "${influx}"`, 'influxdb', influx);
  mon.s(`GRAFANA_API_KEY = "${graf}"`, 'grafana', graf);
  mon.l(
    '',
    'def usage(server):',
    '    out = subprocess.run([LMUTIL, "lmstat", "-a", "-c", server], capture_output=True, text=True).stdout',
    '    return re.findall(r"Users of (\\S+):.*?Total of (\\d+) licenses? issued;.*?Total of (\\d+)", out)',
  );
  mon.l(
    '    # lmstat output looks like: "Users of VCSRuntime_Net:  (Total of 120 licenses issued;  Total of 87 licenses in use)"',
  );

  const fetch = repo.file('eda/licenses/fetch_keys.sh', 'shell');
  const solv = g.human();
  fetch.l(
    '#!/usr/bin/env bash',
    '# Pull the renewed key files from the vendor portals after the yearly true-up.',
    'set -euo pipefail',
    'SITE_ID=27483',
  );
  fetch.s(
    `SOLVNET_USER=licadmin@siliconwick.com SOLVNET_PASSWORD='${solv}' ./scl_keygen_fetch --site "$SITE_ID" --out synopsys.lic.new`,
    'generic',
    solv,
  );
  fetch.l('./cadence_lic_fetch --user licadmin@siliconwick.com --password-file ~/.config/cadence/portal.pw');
  fetch.l('lmutil lmreread -c 27020@lic01 -vendor snpslmd');

  const svc = repo.file('infra/ansible/roles/lmgrd/templates/lmgrd-snpslmd.service.j2', 'ansible');
  svc.l(
    '[Unit]',
    'Description=FlexNet lmgrd ({{ vendor }})',
    'After=network-online.target',
    '',
    '[Service]',
    'User=flexlm',
    'ExecStart={{ flexlm_root }}/lmgrd -z -c {{ license_dir }}/{{ vendor }}.lic -l +/var/log/flexlm/{{ vendor }}.log',
  );
  svc.l('Environment=LM_LICENSE_FILE={{ license_port }}@{{ inventory_hostname }}');
  svc.l('Restart=on-failure', '', '[Install]', 'WantedBy=multi-user.target');
}

// ---- Compute farm: Slurm, LSF, farm tools -----------------------------------------------------

function computeFarm(repo, t, g) {
  const dbd = repo.file('farm/slurm/etc/slurmdbd.conf', 'slurm');
  const storPw = g.gen(22);
  dbd.l(
    'AuthType=auth/munge',
    'DbdHost=slurmdb01',
    'SlurmUser=slurm',
    'StorageType=accounting_storage/mysql',
    'StorageHost=mariadb.farm.siliconwick.local',
    'StorageLoc=slurm_acct_db',
    'StorageUser=slurm',
  );
  dbd.s(`StoragePass=${storPw}`, 'generic', storPw);
  dbd.l('LogFile=/var/log/slurm/slurmdbd.log', 'PurgeJobAfter=12month');

  const sc = repo.file('farm/slurm/etc/slurm.conf', 'slurm');
  sc.l(
    'ClusterName=wickfarm',
    'SlurmctldHost=slurmctl01(10.40.0.10)',
    'SlurmctldHost=slurmctl02(10.40.0.11)',
    'AuthType=auth/munge',
    'AuthAltTypes=auth/jwt',
    'AuthAltParameters=jwt_key=/etc/slurm/jwt_hs256.key',
    'AccountingStorageType=accounting_storage/slurmdbd',
    'AccountingStorageHost=slurmdb01',
  );
  sc.d('AccountingStoragePass=/var/run/munge/munge.socket.2', 'munge socket path, not a password');
  sc.l(
    'NodeName=eda[001-096] CPUs=64 RealMemory=515000 State=UNKNOWN',
    'NodeName=burst-c6i-[001-200] CPUs=32 RealMemory=250000 State=CLOUD Features=aws',
    'PartitionName=sim   Nodes=eda[001-064] Default=YES MaxTime=3-00:00:00',
    'PartitionName=pnr   Nodes=eda[065-096] MaxTime=7-00:00:00',
    'PartitionName=burst Nodes=burst-c6i-[001-200] MaxTime=1-00:00:00',
    'ResumeProgram=/opt/slurm/aws/resume.py',
    'SuspendProgram=/opt/slurm/aws/suspend.py',
  );

  const gv = repo.file('farm/ansible/group_vars/slurm_cluster.yml', 'ansible');
  const munge = g.munge();
  const jwtKey = g.enc(g.bytes(32));
  const ipmi = g.human();
  const dbRoot = g.gen(20);
  gv.l(
    'slurm_version: "24.05.4"',
    'slurm_cluster_name: wickfarm',
    'slurmdbd_storage_host: mariadb.farm.siliconwick.local',
  );
  gv.s(`slurmdbd_storage_pass: "${storPw}"`, 'generic', storPw);
  gv.s(`mariadb_root_password: "${dbRoot}"`, 'generic', dbRoot);
  gv.l('# /etc/munge/munge.key (base64) - must be identical on every node');
  gv.s(`munge_key_b64: "${munge}"`, 'generic', munge);
  gv.s(`slurm_jwt_hs256_key_b64: "${jwtKey}"`, 'generic', jwtKey);
  gv.l('bmc_user: ADMIN');
  gv.s(`bmc_password: "${ipmi}"`, 'generic', ipmi);
  gv.d('lsf_admin_password: "{{ vault_lsf_admin_password }}"', 'jinja reference');

  const lsf = repo.file('farm/lsf/conf/lsf.conf', 'lsf');
  lsf.l(
    'LSF_TOP=/tools/lsf',
    'LSF_VERSION=10.1',
    'LSF_MASTER_LIST="lsfm01 lsfm02"',
    'LSF_ENABLE_EGO=N',
    'LSB_RLA_PORT=6883',
  );
  lsf.l('LSF_AUTH=eauth');
  lsf.l('LSF_EAUTH_KEY=/etc/lsf/eauth.key');
  lsf.l('LSB_JOB_MEMLIMIT=Y', 'LSF_LOGDIR=/var/log/lsf');

  const fs = repo.file('farm/tools/farmsub.py', 'python');
  const slackBot = t.slackBot();
  const slurmJwt = g.jwt({ alg: 'HS256', typ: 'JWT' }, { exp: 2051222400, iat: 1735689600, sun: 'svc_regress' });
  fs.l(
    '#!/usr/bin/env python3',
    '"""farmsub: submit a regression shard to Slurm (or LSF on the legacy queues) and post to Slack."""',
    'import os',
    'import subprocess',
    '',
    'import requests',
    'from slack_sdk import WebClient',
    '',
    'SLURMRESTD = "http://slurmrest.farm.siliconwick.local:6820/slurm/v0.0.41"',
  );
  fs.s(`SLURM_JWT = os.environ.get("SLURM_JWT", "${slurmJwt}")`, 'generic', slurmJwt);
  fs.s(`slack = WebClient(token="${slackBot}")`, 'slack', slackBot);
  fs.l(
    '',
    'def submit(script, partition="sim", account="wk7_dv"):',
    '    body = {"job": {"script": open(script).read(), "partition": partition, "account": account}}',
    '    headers = {"X-SLURM-USER-NAME": "svc_regress", "X-SLURM-USER-TOKEN": SLURM_JWT}',
    '    return requests.post(f"{SLURMRESTD}/job/submit", json=body, headers=headers).json()',
    '',
    'def bsub(cmd, queue="eda_long"):',
  );
  fs.l('    return subprocess.run(["bsub", "-q", queue, "-R", "rusage[mem=32000]", cmd], check=True)');

  const nh = repo.file('farm/tools/node_health.sh', 'shell');
  const bmc = g.human();
  nh.l('#!/usr/bin/env bash', '# Power-cycle wedged farm nodes through their BMC', 'for n in "$@"; do');
  nh.s(
    `  ipmitool -I lanplus -H "bmc-$n.farm.siliconwick.local" -U ADMIN -P '${bmc}' chassis power cycle`,
    'generic',
    bmc,
  );
  nh.l('  ipmitool -I lanplus -H "bmc-$n.farm.siliconwick.local" -U ADMIN -E chassis status  # -E reads IPMI_PASSWORD');
  nh.l('  scontrol update nodename="$n" state=resume', 'done');

  const pd = repo.file('farm/tools/alert_pagerduty.py', 'python');
  const rk = g.pdRouting();
  pd.l('import requests', '', '# Events API v2 integration "wickfarm-slurmctld" on the EDA-Infra service');
  pd.s(`ROUTING_KEY = "${rk}"`, 'pagerduty', rk);
  pd.l(
    '',
    'def page(summary, severity="critical"):',
    '    requests.post("https://events.pagerduty.com/v2/enqueue", json={',
    '        "routing_key": ROUTING_KEY, "event_action": "trigger",',
    '        "payload": {"summary": summary, "source": "slurmctl01", "severity": severity}})',
  );

  const aws = repo.file('farm/slurm/aws/resume.py', 'python');
  const ak = t.awsId();
  const as = t.awsSecret();
  aws.l(
    '#!/usr/bin/env python3',
    '"""Slurm ResumeProgram: launch EC2 burst nodes for the named hosts."""',
    'import sys',
    'import boto3',
    '',
  );
  aws.l('ec2 = boto3.client(', '    "ec2",', '    region_name="us-west-2",');
  aws.s(`    aws_access_key_id="${ak}",`, 'aws', ak);
  aws.s(`    aws_secret_access_key="${as}",`, 'aws', as);
  aws.l(')', 'LAUNCH_TEMPLATE = "lt-0a7c1d9e3b5f24680"');
  aws.l(`AMI = "ami-${t.pick(HEX, 17)}"`);
}

// ---- Perforce: config, tickets, triggers, Swarm -------------------------------------------

function perforce(repo, t, g) {
  const pc = repo.file('.p4config', 'perforce');
  const p4pw = g.human();
  pc.l('P4PORT=ssl:perforce.siliconwick.local:1666', 'P4USER=jenkins-build', 'P4CLIENT=jenkins-build-wk7');
  pc.s(`P4PASSWD=${p4pw}`, 'generic', p4pw);
  pc.l('P4IGNORE=.p4ignore');

  const tk = repo.file('ops/home/jenkins/.p4tickets', 'perforce');
  const tick1 = g.p4ticket();
  const tick2 = g.p4ticket();
  tk.s(`ssl:10.20.1.15:1666=jenkins-build:${tick1}`, 'perforce', tick1);
  tk.s(`perforce-edge.sjc.siliconwick.local:1666=p4admin:${tick2}`, 'perforce', tick2);

  const tr = repo.file('ops/home/jenkins/.p4trust', 'perforce');
  tr.d(`ssl:10.20.1.15:1666=${g.fingerprint()}`, 'server certificate fingerprint');
  tr.l(`ssl:perforce.siliconwick.local:1666=${g.fingerprint()}`);

  const cs = repo.file('p4/triggers/change_submit_jira.py', 'perforce');
  const superPw = g.gen(20);
  const jpat = g.atlPat();
  cs.l(
    '#!/usr/bin/env python3',
    '"""change-submit trigger: every //wk7/... change must reference an open WK7 Jira issue.',
    '',
    'Triggers table:',
    '    jira-check change-submit //wk7/... "python3 /p4/triggers/change_submit_jira.py %change%"',
    '"""',
    'import re',
    'import sys',
    '',
    'import requests',
    'from P4 import P4',
    '',
    'p4 = P4()',
    'p4.port = "ssl:perforce.siliconwick.local:1666"',
    'p4.user = "p4super"',
  );
  cs.s(`p4.password = "${superPw}"`, 'generic', superPw);
  cs.l('JIRA = "https://jira.siliconwick.local"');
  cs.s(`JIRA_HEADERS = {"Authorization": "Bearer ${jpat}"}`, 'atlassian', jpat);
  cs.l(
    '',
    'def main(change):',
    '    p4.connect(); p4.run_login()',
    '    desc = p4.run_describe("-s", change)[0]["desc"]',
    '    keys = re.findall(r"\\bWK7-\\d+\\b", desc)',
    '    if not keys:',
    '        print("Change description must reference a WK7-NNNN issue"); return 1',
    '    r = requests.get(f"{JIRA}/rest/api/2/issue/{keys[0]}", headers=JIRA_HEADERS, timeout=5)',
    '    return 0 if r.ok and r.json()["fields"]["status"]["name"] != "Closed" else 1',
  );

  const ck = repo.file('p4/scripts/p4_checkpoint.sh', 'perforce');
  const ckTick = g.p4ticket();
  ck.l(
    '#!/usr/bin/env bash',
    '# nightly checkpoint + journal rotation, then ship to S3',
    'set -euo pipefail',
    'export P4PORT=ssl:localhost:1666',
  );
  ck.s(`p4 -u perforce -P ${ckTick} admin checkpoint -Z`, 'perforce', ckTick);
  ck.l('aws s3 cp /p4/1/checkpoints/ s3://swk-p4-backups/ --recursive --profile p4-backup');
  ck.d('p4 -u perforce -P "$(cat /p4/common/config/.p4passwd.p4_1.admin)" admin journal', 'reads from file');

  const sw = repo.file('p4/swarm/data/config.php', 'php');
  const swTick = g.p4ticket();
  const swMail = g.human();
  sw.l(
    '<?php',
    'return array(',
    "    'p4' => array(",
    "        'port'     => 'ssl:perforce.siliconwick.local:1666',",
    "        'user'     => 'swarm',",
  );
  sw.s(`        'password' => '${swTick}',`, 'perforce', swTick);
  sw.l(
    '    ),',
    "    'mail' => array(",
    "        'transport' => array(",
    "            'host' => 'smtp.siliconwick.local',",
    "            'connection_config' => array(",
    "                'username' => 'swarm-notify',",
  );
  sw.s(`                'password' => '${swMail}',`, 'generic', swMail);
  sw.l(
    '            ),',
    '        ),',
    '    ),',
    "    'environment' => array('hostname' => 'swarm.siliconwick.local'),",
    ');',
  );

  const tt = repo.file('p4/triggers/triggers.txt', 'perforce');
  tt.l(
    'Triggers:',
    '\tjira-check change-submit //wk7/... "python3 /p4/triggers/change_submit_jira.py %change%"',
    '\tlfs-size   change-content //wk7/layout/... "/p4/triggers/check_gds_size.sh %change%"',
  );
  tt.l('\tauth-ldap  auth-check auth "/p4/common/bin/p4auth_ldap.py %user% %clientip%"');
}

// ---- Python regression / coverage tooling ----------------------------------------------------

function regression(repo, t, g) {
  const c = repo.file('tools/regress/regress/config.py', 'python');
  const jpat = g.atlPat();
  const covPw = g.plain(18);
  const hook = t.slackWebhook();
  const jk = g.jenkins();
  c.l(
    '"""Shared settings for regress / covmerge / triage."""',
    'import os',
    'from pathlib import Path',
    '',
    'PROJ_ROOT = Path(os.environ.get("PROJ_ROOT", "/proj/wk7"))',
    'JIRA_URL = "https://jira.siliconwick.local"',
  );
  c.s(`JIRA_PAT = os.environ.get("JIRA_PAT") or "${jpat}"`, 'atlassian', jpat);
  c.s(`COVERAGE_DB = "mysql+pymysql://covmerge:${covPw}@covdb.eda.siliconwick.local:3306/coverage"`, 'database', covPw);
  c.s(`SLACK_WEBHOOK = "${hook}"`, 'slack', hook);
  c.l('JENKINS_URL = "https://jenkins.siliconwick.local"', 'JENKINS_USER = "regress-bot"');
  c.s(`JENKINS_API_TOKEN = "${jk}"`, 'jenkins', jk);
  c.d('ARTIFACTORY_TOKEN = os.environ["ARTIFACTORY_TOKEN"]', 'os.environ');
  c.l('LSF_QUEUE_DEFAULT = "eda_regress"');

  const rp = repo.file('tools/regress/regress/reporters.py', 'python');
  const graf = g.grafana('regress-annotations');
  const xo = g.xoxp();
  rp.l(
    'import requests',
    'from slack_sdk import WebClient',
    '',
    'from .config import JIRA_URL, JIRA_PAT',
    '',
    'GRAFANA = "https://grafana.eda.siliconwick.local"',
  );
  rp.s(`GRAFANA_HEADERS = {"Authorization": "Bearer ${graf}"}`, 'grafana', graf);
  rp.l('', '# posted as Kai (user token) because the bot cannot pin messages in #wk7-dv');
  rp.s(`pinner = WebClient(token="${xo}")`, 'slack', xo);
  rp.l(
    '',
    'def annotate(run, passed, failed):',
    '    requests.post(f"{GRAFANA}/api/annotations", headers=GRAFANA_HEADERS,',
    '                  json={"tags": ["regress", run], "text": f"{passed} pass / {failed} fail"})',
  );
  rp.l('def file_bug(summary, token=JIRA_PAT):');
  rp.l(
    '    return requests.post(f"{JIRA_URL}/rest/api/2/issue", headers={"Authorization": f"Bearer {token}"}, json={})',
  );

  const pip = repo.file('tools/regress/pip.conf', 'python');
  const pipRef = g.artRef();
  pip.l('[global]');
  pip.s(
    `index-url = https://regress-bot:${pipRef}@artifactory.siliconwick.local/artifactory/api/pypi/pypi-virtual/simple`,
    'artifactory',
    pipRef,
  );
  pip.l('trusted-host = artifactory.siliconwick.local', 'timeout = 60');

  const cm = repo.file('tools/coverage/covmerge/storage.py', 'python');
  const mid = g.minioId();
  const msec = g.minioSecret();
  cm.l(
    '"""Urg / IMC coverage databases are tarred and kept on the lab MinIO."""',
    'import boto3',
    '',
    's3 = boto3.client(',
    '    "s3",',
    '    endpoint_url="https://minio.eda.siliconwick.local:9000",',
  );
  cm.l(`    aws_access_key_id="${mid}",`);
  cm.s(`    aws_secret_access_key="${msec}",`, 'generic', msec);
  cm.l(')', 'BUCKET = "wk7-coverage"');

  const tri = repo.file('tools/regress/regress/triage.py', 'python');
  const oa = t.openai();
  tri.l(
    '"""Cluster failing seeds by first UVM_ERROR and ask the LLM for a one-line summary."""',
    'import re',
    'from openai import OpenAI',
    '',
  );
  tri.s(`client = OpenAI(api_key="${oa}")`, 'openai', oa);
  tri.d('client_local = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))', 'os.environ');
  tri.l('FIRST_ERR = re.compile(r"UVM_(ERROR|FATAL) (\\S+)\\((\\d+)\\) @ (\\d+)")');

  const fx = repo.file('tools/regress/tests/fixtures/fake_config.yaml', 'python');
  fx.l('# FAKE values for unit tests only');
  fx.d('jira_pat: "test-pat-not-real"', 'test fixture');
  fx.d('jenkins_api_token: "11000000000000000000000000000000ff"', 'zeroed test token');
  fx.d(
    'slack_webhook: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"',
    'documented placeholder webhook',
  );
  fx.l('coverage_db: "sqlite:///:memory:"');
}

// ---- Secure boot firmware (C), keys, fuse maps, signing --------------------------------------

function firmware(repo, t, g) {
  const om = repo.file('fw/secureboot/include/otp_map.h', 'c');
  const rotpkHash = t.sha256();
  om.l(
    '#ifndef OTP_MAP_H',
    '#define OTP_MAP_H',
    '/* WK7 B0 OTP fuse map (1 KiB macro, 32-bit words, ECC protected). */',
    '#define OTP_LC_STATE_OFFSET        0x000u',
    '#define OTP_ROTPK_HASH_OFFSET      0x040u  /* 256 bits */',
    '#define OTP_HUK_SEED_OFFSET        0x080u  /* 256 bits, read-locked after provisioning */',
    '#define OTP_DBG_UNLOCK_HASH_OFFSET 0x0C0u',
    '#define OTP_ANTI_ROLLBACK_OFFSET   0x100u',
    '',
    '/* Expected ROT public key hash for the B0 signing key (public by design; fused in clear). */',
    'static const uint8_t kRotpkHashB0[32] = {',
  );
  om.d(g.cArray(rotpkHash), 'sha-256 hash of the public signing key');
  om.l('};', '#endif');

  const pv = repo.file('fw/secureboot/src/provision.c', 'c');
  const tk = g.keyHex(32);
  const tkRows = g.cArray(tk);
  const kek = g.keyHex(32);
  pv.l(
    '#include <stdint.h>',
    '#include "otp_map.h"',
    '#include "aes.h"',
    '',
    '/*',
    ' * Provisioning transport key: the ATE wraps the per-die HUK seed with this key before',
    ' * it crosses the tester link. Same key on every tester until the HSM flow (WK7-2210) lands.',
    ' */',
    'static const uint8_t kProvTransportKey[32] = {',
  );
  pv.s(tkRows, 'generic', tkRows.map((r) => r.trim()).join('\n'));
  pv.l('};', '');
  pv.s(`#define PROV_KEK_HEX "${kek}"  /* wraps the anti-rollback counter MAC key */`, 'generic', kek);
  pv.l(
    '',
    'int provision_huk(const uint8_t wrapped[48], uint8_t out[32]) {',
    '    return aes256_unwrap(kProvTransportKey, wrapped, 48, out);',
    '}',
  );

  const da = repo.file('fw/secureboot/src/debug_auth.c', 'c');
  const rma = g.gen(24);
  da.l('#include <string.h>', '#include "debug_auth.h"', '');
  da.d('#define CRC32_POLY 0xEDB88320u', 'crc polynomial');
  da.l('/* RMA unlock: field-returned parts are opened with this passphrase over UART. */');
  da.s(`static const char kRmaUnlockPassphrase[] = "${rma}";`, 'generic', rma);
  da.l(
    '',
    'bool rma_unlock(const char *input) {',
    '    return secure_memeq(input, kRmaUnlockPassphrase, sizeof(kRmaUnlockPassphrase) - 1);',
    '}',
  );

  const st = repo.file('fw/secureboot/src/crypto_selftest.c', 'c');
  st.l('/* Power-on known-answer tests. Vectors are the published NIST / RFC examples. */');
  st.d(
    'static const char kAesKatKeyHex[] = "2b7e151628aed2a6abf7158809cf4f3c";  /* SP 800-38A F.1.1 */',
    'published NIST test vector',
  );
  st.d(
    'static const char kShaAbcHex[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";  /* SHA-256("abc") */',
    'published digest of "abc"',
  );
  st.d(
    'static const char kHmacKatKeyHex[] = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";  /* RFC 4231 case 1 */',
    'published RFC 4231 test key',
  );

  const sk = repo.file('fw/secureboot/keys/rot_signing_b0.pem', 'keys');
  const ec = t.ecPem();
  sk.s(ec, 'private-key', ec.join('\n'));
  const pk = repo.file('fw/secureboot/keys/rot_signing_b0.pub.pem', 'keys');
  pk.d(g.ecPub(), 'public key');

  const ek = repo.file('fw/secureboot/keys/fw_enc_b0.p8.pem', 'keys');
  ek.d(g.encPem(), 'encrypted private key (the leak is its passphrase in tools/keys.env)');
  const ke = repo.file('fw/secureboot/tools/keys.env', 'env');
  const pass = g.gen(28);
  ke.l('FW_ENC_KEY=keys/fw_enc_b0.p8.pem');
  ke.s(`FW_ENC_KEY_PASSPHRASE=${pass}`, 'generic', pass);
  ke.d('FW_SIGN_KEY_URI=pkcs11:token=swk-codesign;object=rot-b0', 'pkcs11 uri without pin');

  const si = repo.file('fw/secureboot/tools/sign_image.py', 'python');
  const pin = t.digits(8);
  si.l(
    '#!/usr/bin/env python3',
    '"""Sign a BL2 image with the ROT key held in the code-signing HSM (Thales Luna, slot 2)."""',
    'import argparse',
    'import subprocess',
    '',
  );
  si.s(`HSM_URI = "pkcs11:token=swk-codesign;object=rot-b0;type=private?pin-value=${pin}"`, 'generic', pin);
  si.l('HSM_URI_PROMPT = "pkcs11:token=swk-codesign;object=rot-b0;type=private"  # PIN asked interactively');
  si.l(
    '',
    'def sign(image, out):',
    '    subprocess.run(["openssl", "dgst", "-sha256", "-engine", "pkcs11", "-keyform", "engine",',
    '                    "-sign", HSM_URI, "-out", out, image], check=True)',
  );

  const fi = repo.file('fw/secureboot/fuse_maps/b0_es2_fuse_image.csv', 'data');
  const huk = g.keyHex(32);
  fi.l('field,offset,bits,value,lock');
  fi.l('LC_STATE,0x000,32,0x00000003,no');
  fi.l(`ROTPK_HASH,0x040,256,${rotpkHash},write`);
  fi.s(`HUK_SEED,0x080,256,${huk},read+write`, 'generic', huk);
  fi.d(`DBG_UNLOCK_HASH,0x0C0,256,${t.sha256()},write`, 'sha-256 digest (not reversible)');
  fi.l('ANTI_ROLLBACK,0x100,64,0x0000000000000001,no');

  const po = repo.file('fw/secureboot/tools/provision_otp.py', 'python');
  const vt = g.vault();
  po.l(
    '"""ATE provisioning: fetch per-lot wrapped secrets from Vault and stream them to the tester."""',
    'import hvac',
    '',
    'VAULT_ADDR = "https://vault.siliconwick.local:8200"',
  );
  po.s(`client = hvac.Client(url=VAULT_ADDR, token="${vt}")`, 'vault', vt);
  po.l('client_ci = hvac.Client(url=VAULT_ADDR, token=os.environ["VAULT_TOKEN"])');
  po.l('lot = client.secrets.kv.v2.read_secret_version(path="provisioning/wk7/b0/es2")["data"]["data"]');

  const mk = repo.file('fw/secureboot/Makefile', 'makefile');
  mk.l('CROSS ?= riscv64-unknown-elf-', 'CFLAGS += -Os -march=rv32imc -mabi=ilp32 -Iinclude');
  mk.l('SIGN_KEY ?= pkcs11:token=swk-codesign;object=rot-b0');
  mk.l('bl2.signed.bin: bl2.bin', '\tpython3 tools/sign_image.py --in $< --out $@');
}

// ---- C++ simulation model ------------------------------------------------------------------

function simModel(repo, t, g) {
  const tel = repo.file('sim/model/src/telemetry.cpp', 'cpp');
  const tok = g.influx();
  tel.l(
    '#include "telemetry.hpp"',
    '#include <curl/curl.h>',
    '',
    'namespace wick::sim {',
    '',
    'namespace {',
    'constexpr const char* kInfluxUrl = "http://influx.eda.siliconwick.local:8086/api/v2/write?org=swk&bucket=simperf";',
  );
  tel.s(`constexpr const char* kInfluxToken = "${tok}";`, 'influxdb', tok);
  tel.l(
    '}  // namespace',
    '',
    'void Telemetry::flush() {',
    '    std::string auth = std::string("Authorization: Token ") + kInfluxToken;',
    '    headers_ = curl_slist_append(headers_, auth.c_str());',
  );
  tel.l('    const char* override_tok = std::getenv("SIM_INFLUX_TOKEN");');
  tel.l('}', '', '}  // namespace wick::sim');

  const cm = repo.file('sim/model/CMakeLists.txt', 'cmake');
  const gl = t.gitlab();
  cm.l(
    'cmake_minimum_required(VERSION 3.24)',
    'project(wick_sim CXX)',
    'set(CMAKE_CXX_STANDARD 20)',
    'include(FetchContent)',
    'FetchContent_Declare(libtlm2',
  );
  cm.s(`  GIT_REPOSITORY https://oauth2:${gl}@gitlab.siliconwick.local/sim/libtlm2.git`, 'gitlab', gl);
  cm.l(`  GIT_TAG        ${t.sha1()}`);
  cm.l(
    ')',
    'FetchContent_MakeAvailable(libtlm2)',
    'add_executable(wick_sim src/main.cpp src/telemetry.cpp src/cpu_cluster.cpp)',
  );

  const cc = repo.file('sim/model/ci/conan_home/credentials.json', 'cpp');
  const ref = g.artRef();
  cc.l('{', '  "credentials": [', '    {', '      "remote": "swk-conan",', '      "user": "ci-build",');
  cc.s(`      "password": "${ref}"`, 'artifactory', ref);
  cc.l('    }', '  ]', '}');

  const lc = repo.file('sim/model/src/license.cpp', 'cpp');
  lc.l('#include <cstdlib>', '// The model links the Synopsys VCS DPI shim, which checks out VCSRuntime_Net.');
  lc.l('static const char* kLicEnv = "SNPSLMD_LICENSE_FILE";');
  lc.l('static const char* kLicDefault = "27020@lic01.eda.siliconwick.local";');

  const ut = repo.file('sim/model/tests/test_telemetry.cpp', 'cpp');
  ut.l('#include <gtest/gtest.h>', '#include "telemetry.hpp"', '');
  ut.l('static constexpr const char* kFakeToken = "fake-influx-token-for-tests";');
  ut.l(
    'TEST(Telemetry, BuildsHeader) { EXPECT_EQ(wick::sim::auth_header(kFakeToken), "Authorization: Token fake-influx-token-for-tests"); }',
  );
}

// ---- CI: Jenkins, GitLab, runners, JFrog CLI ---------------------------------------------------

function ci(repo, t, g) {
  const j = repo.file('Jenkinsfile', 'ci');
  const sl = t.slackBot();
  const jk = g.jenkins();
  const p4pw = g.human();
  j.l('pipeline {', "  agent { label 'eda-rhel8' }", '  environment {');
  j.d("    ART = credentials('artifactory-flowbot')", 'jenkins credentials binding');
  j.s(`    SLACK_BOT_TOKEN = '${sl}'`, 'slack', sl);
  j.s(`    P4PASSWD = '${p4pw}'`, 'generic', p4pw);
  j.l(
    "    P4USER = 'jenkins-build'",
    '  }',
    '  stages {',
    "    stage('lint') {",
    "      steps { sh 'make -C rtl lint' }",
    '    }',
    "    stage('regress') {",
    '      steps {',
  );
  j.d("        withCredentials([string(credentialsId: 'jira-pat', variable: 'JIRA_PAT')]) {", 'credentials binding');
  j.l("          sh 'python3 -m regress run --suite nightly --lsf-queue eda_regress'", '        }');
  j.s(
    `        sh "curl -s -u regress-bot:${jk} -X POST https://jenkins.siliconwick.local/job/wk7-coverage-merge/buildWithParameters?RUN=\${BUILD_NUMBER}"`,
    'jenkins',
    jk,
  );
  j.l('      }', '    }', '  }', '}');

  const jc = repo.file('jenkins/casc/jenkins.yaml', 'ci');
  const casGl = t.gitlab();
  const casPw = g.gen(22);
  const casKey = t.opensshPem();
  jc.l(
    'credentials:',
    '  system:',
    '    domainCredentials:',
    '      - credentials:',
    '          - usernamePassword:',
    '              id: artifactory-flowbot',
    '              username: flowbot',
  );
  jc.d('              password: "${ARTIFACTORY_FLOWBOT_PASSWORD}"', 'casc variable');
  jc.l('          - usernamePassword:', '              id: p4-jenkins-build', '              username: jenkins-build');
  jc.s(`              password: "${casPw}"`, 'generic', casPw);
  jc.l('          - string:', '              id: gitlab-api', '              scope: GLOBAL');
  jc.s(`              secret: "${casGl}"`, 'gitlab', casGl);
  jc.l(
    '          - basicSSHUserPrivateKey:',
    '              id: foundry-sftp',
    '              username: swk_upload',
    '              privateKeySource:',
    '                directEntry:',
    '                  privateKey: |',
  );
  jc.s(
    casKey.map((l) => `                    ${l}`),
    'private-key',
    casKey.join('\n'),
  );
  jc.l('jenkins:', '  systemMessage: "Siliconwick EDA CI"', '  numExecutors: 0');

  const cx = repo.file('jenkins/home/credentials.xml', 'ci');
  cx.l(
    "<?xml version='1.1' encoding='UTF-8'?>",
    '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">',
    '  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">',
    '    <entry>',
    '      <java.util.concurrent.CopyOnWriteArrayList>',
    '        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '          <id>artifactory-flowbot</id>',
    '          <username>flowbot</username>',
  );
  cx.d(`          <password>{AQAAABAAAAAg${g.b64(64)}}</password>`, 'jenkins-encrypted secret (needs master key)');
  cx.l(
    '        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>',
    '          <id>jira-pat</id>',
  );
  cx.l(`          <secret>{AQAAABAAAAAw${g.b64(86)}==}</secret>`);
  cx.l(
    '        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>',
    '      </java.util.concurrent.CopyOnWriteArrayList>',
    '    </entry>',
    '  </domainCredentialsMap>',
    '</com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
  );

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  const glRef = g.artRef();
  const dh = g.dockerPat();
  const tfc = g.tfc();
  gl.l(
    'stages: [lint, build, deploy]',
    'variables:',
    '  ARTIFACTORY_URL: https://artifactory.siliconwick.local/artifactory',
  );
  gl.s(`  ARTIFACTORY_ACCESS_TOKEN: "${glRef}"`, 'artifactory', glRef);
  gl.s(`  DOCKERHUB_TOKEN: ${dh}`, 'dockerhub', dh);
  gl.s(`  TF_TOKEN_app_terraform_io: ${tfc}`, 'terraform-cloud', tfc);
  gl.l('  GIT_DEPTH: "20"');
  gl.l('tracker-image:', '  stage: build', '  script:');
  gl.l('    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"');
  gl.l(
    '    - docker login -u swkbuild --password-stdin <<< "$DOCKERHUB_TOKEN"',
    '    - docker build -t $CI_REGISTRY_IMAGE/tapeout-tracker:$CI_COMMIT_SHORT_SHA apps/tapeout-tracker',
  );
  gl.l(
    '    - \'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file dist/tracker.whl "$CI_API_V4_URL/projects/$CI_PROJECT_ID/packages/generic/tracker/1.0/tracker.whl"\'',
  );
  gl.l(
    'burst-infra:',
    '  stage: deploy',
    '  image: hashicorp/terraform:1.9',
    '  script:',
    '    - cd infra/terraform/burst && terraform init && terraform apply -auto-approve',
  );

  const rc = repo.file('ci/gitlab-runner/config.toml', 'ci');
  const rt = g.glrt();
  const rak = t.awsId();
  const ras = t.awsSecret();
  rc.l(
    'concurrent = 8',
    'check_interval = 0',
    '',
    '[[runners]]',
    '  name = "eda-docker-01"',
    '  url = "https://gitlab.siliconwick.local"',
  );
  rc.s(`  token = "${rt}"`, 'gitlab', rt);
  rc.l(
    '  executor = "docker"',
    '  [runners.cache]',
    '    Type = "s3"',
    '    Shared = true',
    '    [runners.cache.s3]',
    '      ServerAddress = "s3.amazonaws.com"',
  );
  rc.s(`      AccessKey = "${rak}"`, 'aws', rak);
  rc.s(`      SecretKey = "${ras}"`, 'aws', ras);
  rc.l(
    '      BucketName = "swk-gitlab-runner-cache"',
    '      BucketLocation = "us-west-2"',
    '  [runners.docker]',
    '    image = "rockylinux:8"',
    '    privileged = false',
  );

  const jf = repo.file('ops/home/jenkins/.jfrog/jfrog-cli.conf.v6', 'ci');
  const sid = `jfac@01${t.lower(26)}`;
  const at = g.jwt(
    { ver: '2', typ: 'JWT', alg: 'RS256', kid: t.mixed(URLSAFE, 43) },
    {
      sub: `${sid}/users/ci-build`,
      scp: 'applied-permissions/user',
      aud: '*@*',
      iss: sid,
      exp: 2051222400,
      iat: 1735689600,
      jti: t.uuid(),
    },
  );
  const rtok = t.uuid();
  jf.l(
    '{',
    '  "servers": [',
    '    {',
    '      "url": "https://artifactory.siliconwick.local/",',
    '      "artifactoryUrl": "https://artifactory.siliconwick.local/artifactory/",',
    '      "user": "ci-build",',
  );
  jf.s(`      "accessToken": "${at}",`, 'artifactory', at);
  jf.s(`      "refreshToken": "${rtok}",`, 'artifactory', rtok);
  jf.l('      "serverId": "swk",', '      "isDefault": true', '    }', '  ],', '  "version": "6"', '}');

  const up = repo.file('ci/scripts/upload_artifacts.sh', 'shell');
  up.l('#!/usr/bin/env bash', 'set -euo pipefail');
  up.d('jf rt u "dist/*.tgz" wk7-builds-local/ --url "$ARTIFACTORY_URL" --access-token "$JF_ACCESS_TOKEN"', 'variable');
  up.l('jf rt u "dist/*.whl" pypi-local/ --server-id swk');
}

// ---- Django tapeout tracker (PostgreSQL) -----------------------------------------------------

function tapeoutTracker(repo, t, g) {
  const s = repo.file('apps/tapeout-tracker/tracker/settings/prod.py', 'python');
  const dk = g.djangoKey();
  const dbPw = g.gen(22);
  const sg = t.sendgrid();
  const ldapPw = g.gen(20);
  const jpat = g.atlPat();
  const redisPw = g.plain(24);
  s.l(
    'from .base import *  # noqa',
    '',
    'DEBUG = False',
    'ALLOWED_HOSTS = ["tapeout.siliconwick.local", "tapeout"]',
    '',
  );
  s.s(`SECRET_KEY = "${dk}"`, 'generic', dk);
  s.l(
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "HOST": "pg-tracker.siliconwick.local",',
    '        "NAME": "tapeout",',
    '        "USER": "tracker",',
  );
  s.s(`        "PASSWORD": "${dbPw}",`, 'generic', dbPw);
  s.l('    }', '}', 'EMAIL_HOST = "smtp.sendgrid.net"', 'EMAIL_HOST_USER = "apikey"');
  s.s(`EMAIL_HOST_PASSWORD = "${sg}"`, 'sendgrid', sg);
  s.l(
    'AUTH_LDAP_SERVER_URI = "ldaps://ldap.siliconwick.local"',
    'AUTH_LDAP_BIND_DN = "uid=svc_tracker,ou=services,dc=siliconwick,dc=local"',
  );
  s.s(`AUTH_LDAP_BIND_PASSWORD = "${ldapPw}"`, 'generic', ldapPw);
  s.s(`JIRA = {"url": "https://jira.siliconwick.local", "token": "${jpat}"}`, 'atlassian', jpat);
  s.s(`CELERY_BROKER_URL = "redis://:${redisPw}@redis-tracker.siliconwick.local:6379/0"`, 'database', redisPw);
  s.d(`SENTRY_DSN = "https://${t.hex(32)}@sentry.siliconwick.local/7"`, 'sentry dsn (public client key)');
  s.l('FOUNDRY_PORTAL_SECRET = os.environ["FOUNDRY_PORTAL_SECRET"]');

  const dev = repo.file('apps/tapeout-tracker/tracker/settings/dev.py', 'python');
  dev.l('from .base import *  # noqa', 'DEBUG = True');
  dev.d('SECRET_KEY = "dev-only-not-a-secret"', 'placeholder');
  dev.l('DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}');

  const dc = repo.file('apps/tapeout-tracker/docker-compose.yml', 'docker');
  const pgPw = g.gen(20);
  const rq = g.plain(20);
  dc.l(
    'services:',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_USER: tracker',
    '      POSTGRES_DB: tapeout',
  );
  dc.s(`      POSTGRES_PASSWORD: "${pgPw}"`, 'generic', pgPw);
  dc.l('  redis:', '    image: redis:7');
  dc.s(`    command: ["redis-server", "--requirepass", "${rq}"]`, 'generic', rq);
  dc.l('  web:', '    build: .', '    environment:', '      DJANGO_SETTINGS_MODULE: tracker.settings.prod');
  dc.d('      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY:?set DJANGO_SECRET_KEY}', 'env interpolation');
  dc.l('      DATABASE_URL: postgres://tracker:${POSTGRES_PASSWORD}@db:5432/tapeout');

  const df = repo.file('apps/tapeout-tracker/Dockerfile', 'docker');
  const dfKey = g.artKey();
  df.d(`FROM python:3.12-slim@sha256:${t.sha256()}`, 'image digest');
  df.s(
    `ARG PIP_INDEX_URL=https://tracker-build:${dfKey}@artifactory.siliconwick.local/artifactory/api/pypi/pypi-virtual/simple`,
    'artifactory',
    dfKey,
  );
  df.l('RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install -r requirements.txt');
  df.l('COPY . /app', 'WORKDIR /app', 'CMD ["gunicorn", "tracker.wsgi", "-b", "0.0.0.0:8000"]');

  const fx = repo.file('apps/tapeout-tracker/tracker/fixtures/users.json', 'python');
  fx.l('[');
  fx.d(
    `  {"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": "pbkdf2_sha256$870000$${t.alnum(22)}$${t.mixed(B64, 43)}="}},`,
    'password hash',
  );
  fx.l(
    `  {"model": "auth.user", "pk": 2, "fields": {"username": "pm-wk7", "password": "pbkdf2_sha256$870000$${t.alnum(22)}$${t.mixed(B64, 43)}="}}`,
  );
  fx.l(']');

  const mg = repo.file('apps/tapeout-tracker/tracker/core/migrations/0007_seed_admin.py', 'python');
  const adm = g.human();
  mg.l(
    'from django.db import migrations',
    '',
    'def seed(apps, schema_editor):',
    '    from django.contrib.auth.models import User',
  );
  mg.s(`    User.objects.create_superuser("tapeout-admin", "eda-infra@siliconwick.com", "${adm}")`, 'generic', adm);
  mg.l(
    '',
    'class Migration(migrations.Migration):',
    '    dependencies = [("core", "0006_milestones")]',
    '    operations = [migrations.RunPython(seed)]',
  );

  const npmrc = repo.file('apps/tapeout-tracker/frontend/.npmrc', 'credstore');
  const npmTok = t.npm();
  const npmAuth = g.plain(18);
  npmrc.l('registry=https://artifactory.siliconwick.local/artifactory/api/npm/npm-virtual/');
  npmrc.s(
    `//artifactory.siliconwick.local/artifactory/api/npm/npm-virtual/:_auth=${g.enc(`tracker-build:${npmAuth}`)}`,
    'generic',
    npmAuth,
  );
  npmrc.s(`//registry.npmjs.org/:_authToken=${npmTok}`, 'npm', npmTok);
  npmrc.l('always-auth=true');

  const tv = repo.file('apps/tapeout-tracker/tracker/core/views.py', 'python');
  tv.l('from rest_framework.authentication import TokenAuthentication', '');
  tv.l('PASSWORD_FIELD = "password"');
  tv.l('TOKEN_HEADER = "Authorization"');
}

// ---- Characterisation notebooks ---------------------------------------------------------------

function notebooks(repo, t, g) {
  const nb = repo.file('characterisation/notebooks/b0_leakage_vs_temp.ipynb', 'notebook');
  const pg = g.gen(18);
  const mid = g.minioId();
  const msec = g.minioSecret();
  const inf = g.influx();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(`    ${JSON.stringify('import psycopg2, boto3\n')},`, `    ${JSON.stringify('import pandas as pd\n')},`);
  nb.s(
    `    ${JSON.stringify(`conn = psycopg2.connect(host="pg-char.lab.siliconwick.local", dbname="char", user="char_ro", password="${pg}")\n`)},`,
    'generic',
    pg,
  );
  nb.l(`    ${JSON.stringify('s3 = boto3.client("s3", endpoint_url="https://minio.lab.siliconwick.local:9000",\n')},`);
  nb.l(`    ${JSON.stringify(`                  aws_access_key_id="${mid}",\n`)},`);
  nb.s(`    ${JSON.stringify(`                  aws_secret_access_key="${msec}")\n`)},`, 'generic', msec);
  nb.l(
    `    ${JSON.stringify('df = pd.read_sql("SELECT wafer, die_x, die_y, temp_c, idd_q_ua FROM iddq WHERE lot = %s", conn, params=["N7B0-ES2"])')}`,
  );
  nb.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.s(`      ${JSON.stringify(`InfluxDB client ready (org=swk, token=${inf})\n`)}`, 'influxdb', inf);
  nb.l('     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 800x500 with 1 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
  );
  nb.l(
    `    ${JSON.stringify('client = InfluxDBClient(url=INFLUX_URL, token=os.environ["INFLUX_TOKEN"], org="swk")\n')},`,
  );
  nb.l(`    ${JSON.stringify('df.groupby("temp_c").idd_q_ua.median().plot(logy=True)')}`, '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('characterisation/notebooks/ring_osc_corners.ipynb', 'notebook');
  const ak = t.awsId();
  const as = t.awsSecret();
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": null,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb2.l(`    ${JSON.stringify('import getpass, boto3\n')},`);
  nb2.d(`    ${JSON.stringify('db_pw = getpass.getpass("char DB password: ")\n')},`, 'getpass prompt');
  nb2.s(`    ${JSON.stringify(`session = boto3.Session(aws_access_key_id="${ak}",\n`)},`, 'aws', ak);
  nb2.s(`    ${JSON.stringify(`                        aws_secret_access_key="${as}")\n`)},`, 'aws', as);
  nb2.d(`    ${JSON.stringify(`lot_manifest_sha = "${t.sha256()}"\n`)},`, 'sha256');
  nb2.l(`    ${JSON.stringify('ro = pd.read_parquet("s3://swk-char-datalake/wk7/b0/ro_freq.parquet")')}`);
  nb2.l('   ]', '  }', ' ],', ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  const csv = repo.file('characterisation/data/b0_es2_ro_summary.csv', 'data');
  csv.l('lot,wafer,corner,vdd_v,temp_c,ro_freq_mhz');
  csv.l(`N7B0-ES2,W12,TT,0.750,25,${t.digits(4)}.${t.digits(2)}`);
  csv.l(`N7B0-ES2,W12,SS,0.675,-40,${t.digits(3)}.${t.digits(2)}`);
}

// ---- Lab automation (SCPI over LAN) ------------------------------------------------------------

function labAutomation(repo, t, g) {
  const iy = repo.file('lab/labctl/config/instruments.yaml', 'lab');
  const webPw = g.human();
  const snmp = g.plain(16);
  const ftpPw = g.human();
  iy.l('instruments:', '  smu1:', '    model: Keysight B2912B');
  iy.d('    resource: TCPIP0::10.60.2.21::hislip0::INSTR', 'visa resource string');
  iy.l(
    '  scope1:',
    '    model: Tektronix MSO64B',
    '    resource: TCPIP0::10.60.2.33::inst0::INSTR',
    '    web_user: admin',
  );
  iy.s(`    web_password: "${webPw}"`, 'generic', webPw);
  iy.l(
    '  ppmu_rack:',
    '    model: Keysight M9185A',
    '    resource: PXI0::CHASSIS1::SLOT4::INDEX0::INSTR',
    '    screenshot_ftp_user: instrument',
  );
  iy.s(`    screenshot_ftp_password: ${ftpPw}`, 'generic', ftpPw);
  iy.l('pdu:', '  host: pdu-lab2.siliconwick.local', '  snmp_version: 2c');
  iy.s(`  snmp_community_rw: "${snmp}"`, 'generic', snmp);
  iy.d('  snmp_community_ro: public', 'default read-only community');

  const st = repo.file('lab/labctl/labctl/settings.py', 'python');
  const inf = g.influx();
  const dbPw = g.plain(20);
  const mq = g.gen(18);
  const trk = t.hex(40);
  st.l('import os', '', 'INFLUX_URL = "http://influx.lab.siliconwick.local:8086"');
  st.s(`INFLUX_TOKEN = "${inf}"`, 'influxdb', inf);
  st.s(`DATABASE_URL = "postgresql://labctl:${dbPw}@pg-char.lab.siliconwick.local:5432/char"`, 'database', dbPw);
  st.l('MQTT_HOST = "mqtt.lab.siliconwick.local"', 'MQTT_USER = "labctl"');
  st.s(`MQTT_PASSWORD = "${mq}"`, 'generic', mq);
  st.s(`TRACKER_API_TOKEN = "${trk}"  # DRF token for user lab-bot`, 'generic', trk);
  st.l('CHAMBER_SETPOINT_TOLERANCE_C = 0.5');

  const drv = repo.file('lab/labctl/labctl/drivers/b2912b.py', 'python');
  drv.l(
    'import pyvisa',
    '',
    'class B2912B:',
    '    def __init__(self, resource):',
    '        self.inst = pyvisa.ResourceManager("@py").open_resource(resource)',
    '        self.inst.write("*RST")',
    '',
    '    def force_v_measure_i(self, ch, volts, compliance_a=1e-3):',
    '        self.inst.write(f":SOUR{ch}:FUNC:MODE VOLT")',
    '        self.inst.write(f":SOUR{ch}:VOLT {volts}")',
    '        self.inst.write(f":SENS{ch}:CURR:PROT {compliance_a}")',
    '        return float(self.inst.query(f":MEAS:CURR? (@{ch})"))',
  );
  drv.l('    IDN_EXPECTED = "Keysight Technologies,B2912B,MY59100123,5.0.2049.0"');

  const tek = repo.file('lab/labctl/labctl/drivers/tek_mso.py', 'python');
  const tekPw = g.human();
  tek.l('import ftplib', 'import pyvisa', '', 'class MSO64:');
  tek.l(
    '    def screenshot(self, host, dest):',
    '        self.inst.write(\'SAVE:IMAGE "C:/Temp/shot.png"\')',
    '        ftp = ftplib.FTP(host)',
  );
  tek.s(`        ftp.login("instrument", "${tekPw}")`, 'generic', tekPw);
  tek.l('        with open(dest, "wb") as f:', '            ftp.retrbinary("RETR /Temp/shot.png", f.write)');

  const env = repo.file('lab/labctl/.env', 'env');
  const api = t.alnum(40);
  const tsid = t.twilioSid();
  const ttok = t.twilioToken();
  env.s(`LABCTL_API_TOKEN=${api}`, 'generic', api);
  env.d(`TWILIO_ACCOUNT_SID=${tsid}`, 'twilio account sid (identifier)');
  env.s(`TWILIO_AUTH_TOKEN=${ttok}`, 'twilio', ttok);
  env.l('ALARM_SMS_TO=+14085550137');

  const svc = repo.file('lab/labctl/deploy/labctl.service', 'lab');
  const svcPw = g.plain(20);
  svc.l(
    '[Unit]',
    'Description=labctl instrument automation service',
    '',
    '[Service]',
    'User=labctl',
    'WorkingDirectory=/opt/labctl',
  );
  svc.s(`Environment=LABCTL_DB_PASSWORD=${svcPw}`, 'generic', svcPw);
  svc.l('EnvironmentFile=-/etc/labctl/labctl.env');
  svc.l('ExecStart=/opt/labctl/venv/bin/labctl serve --port 8090', 'Restart=always');

  const rd = repo.file('lab/labctl/README.md', 'docs');
  rd.l('# labctl', '', 'Drives SMUs, scopes and the thermal chamber over SCPI for characterisation runs.', '', '```sh');
  rd.d('export INFLUX_TOKEN=<your-influx-token>', 'placeholder');
  rd.l('labctl run plans/iddq_sweep.yaml --resource TCPIP0::10.60.2.21::hislip0::INSTR');
  rd.l('```');
}

// ---- Foundry: SFTP drops, PGP, MES / portal ---------------------------------------------------

function foundry(repo, t, g) {
  const up = repo.file('foundry/sftp/upload_gds.sh', 'shell');
  const sftpPw = g.human();
  const gpgPass = g.gen(24);
  up.l(
    '#!/usr/bin/env bash',
    '# Encrypt + sign the tapeout GDS and drop it on the foundry e-drop SFTP.',
    '# usage: upload_gds.sh WK7B0 r12',
    'set -euo pipefail',
    'prod=$1; rev=$2',
    'gds="/proj/wk7/tapeout/$prod/$rev/$prod.gds.gz"',
  );
  up.s(
    `gpg --batch --pinentry-mode loopback --passphrase '${gpgPass}' --local-user tapeout@siliconwick.com --recipient edrop@foundryone.com --sign --encrypt "$gds"`,
    'generic',
    gpgPass,
  );
  up.s(
    `sshpass -p '${sftpPw}' sftp -oBatchMode=no -b - swk_upload@sftp.edrop.foundryone.com <<< "put $gds.gpg /incoming/siliconwick/$prod/"`,
    'generic',
    sftpPw,
  );
  up.l('sftp -i ~/.ssh/id_ed25519_foundry -b - swk_upload@sftp.edrop.foundryone.com <<< "ls /incoming/siliconwick"');

  const key = repo.file('foundry/sftp/id_ed25519_foundry', 'keys');
  const os = t.opensshPem();
  key.s(os, 'private-key', os.join('\n'));
  const kh = repo.file('foundry/sftp/known_hosts', 'keys');
  kh.d(`sftp.edrop.foundryone.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${t.mixed(B64, 43)}`, 'host public key');
  kh.l(`sftp.gf-partner.example.net ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${t.mixed(B64, 340)}`);

  const pub = repo.file('foundry/pgp/foundryone_edrop_pub.asc', 'keys');
  pub.d(g.pgpPublic(), 'foundry public key');
  const sec = repo.file('foundry/pgp/swk_tapeout_signing_sec.asc', 'keys');
  const pgp = g.pgpPrivate();
  sec.s(pgp, 'private-key', pgp.join('\n'));

  const ini = repo.file('foundry/mes/config.ini', 'foundry');
  const cs = t.alnum(40);
  const portalPw = g.human();
  ini.l('[portal]', 'base_url = https://portal.foundryone.com/api/v3', 'customer_code = SWK0117');
  ini.d(`client_id = swk-mes-${t.lower(12)}`, 'oauth client id');
  ini.s(`client_secret = ${cs}`, 'generic', cs);
  ini.l('', '[portal_ui]', 'username = swk_ops');
  ini.s(`password = ${portalPw}`, 'generic', portalPw);
  ini.l('', '[wip]', 'poll_minutes = 30', 'lots = N7B0-ES2,N7B0-ES3');

  const mc = repo.file('foundry/mes/mes_client.py', 'python');
  const gfKey = t.alnum(32);
  mc.l(
    '"""Poll lot WIP / hold status from the foundry MES portals and mirror it into the tapeout tracker."""',
    'import configparser',
    'import os',
    '',
    'import requests',
    '',
    'cfg = configparser.ConfigParser(); cfg.read("config.ini")',
    '',
    '# second-source fab (GF-style customer portal) uses a static API key per customer',
    'GLOBALFAB_API = "https://customer.globalfab-portal.example.com/wip/v1"',
  );
  mc.s(`GLOBALFAB_HEADERS = {"X-Api-Key": "${gfKey}", "X-Customer": "SILICONWICK"}`, 'generic', gfKey);
  mc.l(
    '',
    'def token():',
    '    r = requests.post(cfg["portal"]["base_url"] + "/oauth/token", data={',
    '        "grant_type": "client_credentials",',
    '        "client_id": cfg["portal"]["client_id"],',
  );
  mc.d(
    '        "client_secret": os.environ.get("FOUNDRY_CLIENT_SECRET", cfg["portal"]["client_secret"]),',
    'config lookup',
  );
  mc.l('    })', '    return r.json()["access_token"]');

  const mf = repo.file('foundry/drops/WK7B0_r12/manifest.yaml', 'foundry');
  mf.l('product: WK7B0', 'revision: r12', 'process: N7FF', 'files:', '  - name: WK7B0.gds.gz.gpg');
  mf.d(`    sha256: ${t.sha256()}`, 'file checksum');
  mf.d(`    md5: ${t.pick(HEX, 32)}`, 'file checksum');
  mf.l('  - name: WK7B0_frame.oas.gz.gpg');
  mf.l(`    sha256: ${t.sha256()}`);
  mf.l(`    job_view_id: JV-${t.digits(6)}`);

  const nr = repo.file('ops/home/tapeout/.netrc', 'credstore');
  const nrPw = g.gen(20);
  nr.s(`machine portal.foundryone.com login swk_ops password ${nrPw}`, 'generic', nrPw);
  nr.d('machine artifactory.siliconwick.local login tapeout password ${ARTIFACTORY_PASSWORD}', 'variable');

  const fp = repo.file('apps/tapeout-tracker/tracker/integrations/foundry_portal.py', 'python');
  const fpSec = t.alnum(40);
  fp.l('import requests', '', 'PORTAL = "https://portal.foundryone.com/api/v3"');
  fp.l(`CLIENT_ID = "swk-tracker-${t.lower(12)}"`);
  fp.s(`CLIENT_SECRET = "${fpSec}"`, 'generic', fpSec);
  fp.l(
    '',
    'def lot_status(lot):',
    '    tok = requests.post(f"{PORTAL}/oauth/token", data={"grant_type": "client_credentials",',
    '                        "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}).json()["access_token"]',
    '    return requests.get(f"{PORTAL}/lots/{lot}", headers={"Authorization": f"Bearer {tok}"}).json()',
  );
}

// ---- Cloud: Terraform (AWS burst), Kubernetes, Ansible, Docker -------------------------------

function cloud(repo, t, g) {
  const pr = repo.file('infra/terraform/burst/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  pr.l(
    'terraform {',
    '  required_version = ">= 1.6"',
    '  cloud {',
    '    organization = "siliconwick"',
    '    workspaces { name = "burst-us-west-2" }',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region     = "us-west-2"',
  );
  pr.s(`  access_key = "${ak}"`, 'aws', ak);
  pr.s(`  secret_key = "${as}"`, 'aws', as);
  pr.l('}');

  const m = repo.file('infra/terraform/burst/main.tf', 'terraform');
  const dbPw = g.gen(22);
  const smPw = g.gen(20);
  m.l(
    'resource "aws_db_instance" "slurm_acct_replica" {',
    '  engine         = "mariadb"',
    '  instance_class = "db.r6g.large"',
    '  username       = "slurm"',
  );
  m.s(`  password       = "${dbPw}"`, 'generic', dbPw);
  m.l(
    '}',
    '',
    'resource "random_password" "fsx" {',
    '  length = 24',
    '}',
    '',
    'resource "aws_fsx_ontap_file_system" "scratch" {',
    '  storage_capacity = 10240',
  );
  m.d('  fsx_admin_password = random_password.fsx.result', 'resource reference');
  m.l(
    '}',
    '',
    'resource "aws_secretsmanager_secret_version" "munge" {',
    '  secret_id     = aws_secretsmanager_secret.munge.id',
  );
  m.s(`  secret_string = jsonencode({ lsf_admin = "lsfadmin", password = "${smPw}" })`, 'generic', smPw);
  m.l('}', '', 'resource "aws_launch_template" "burst" {');
  m.l(`  image_id      = "ami-${t.pick(HEX, 17)}"`);
  m.l(
    '  instance_type = "c6i.8xlarge"',
    '  user_data     = base64encode(templatefile("${path.module}/cloud-init.yaml.tftpl", { cluster = "wickfarm" }))',
    '}',
  );

  const vars = repo.file('infra/terraform/burst/variables.tf', 'terraform');
  const vArt = g.artRef();
  vars.l('variable "artifactory_token" {', '  type      = string', '  sensitive = true');
  vars.s(`  default   = "${vArt}"`, 'artifactory', vArt);
  vars.l('}', '', 'variable "ad_join_password" {', '  type      = string', '  sensitive = true');
  vars.l('  default   = ""');
  vars.l('}');

  const tv = repo.file('infra/terraform/burst/terraform.tfvars', 'terraform');
  const adPw = g.human();
  const hook = t.slackWebhook();
  tv.l('region          = "us-west-2"', 'max_burst_nodes = 200');
  tv.s(`ad_join_password = "${adPw}"`, 'generic', adPw);
  tv.s(`slack_alert_webhook = "${hook}"`, 'slack', hook);
  tv.l(`kms_key_arn = "arn:aws:kms:us-west-2:${t.digits(12)}:key/${t.uuid()}"`);

  const rc = repo.file('ops/home/.terraformrc', 'credstore');
  const tfc = g.tfc();
  rc.l('credentials "app.terraform.io" {');
  rc.s(`  token = "${tfc}"`, 'terraform-cloud', tfc);
  rc.l('}');

  const lk = repo.file('infra/terraform/burst/.terraform.lock.hcl', 'decoys');
  lk.l(
    'provider "registry.terraform.io/hashicorp/aws" {',
    '  version     = "5.80.0"',
    '  constraints = "~> 5.0"',
    '  hashes = [',
  );
  lk.l(`    "h1:${g.enc(Buffer.from(t.pick(HEX, 64), 'hex'))}",`);
  lk.l(`    "zh:${t.sha256()}",`);
  lk.l('  ]', '}');

  const st = repo.file('infra/terraform/burst/terraform.tfstate', 'terraform');
  const sk = t.awsId();
  const ss = t.awsSecret();
  st.l('{', '  "version": 4,', '  "terraform_version": "1.9.8",', '  "serial": 117,');
  st.l(`  "lineage": "${t.uuid()}",`);
  st.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "slurm_resume",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sk}",`, 'aws', sk);
  st.s(`            "secret": "${ss}",`, 'aws', ss);
  st.l('            "ses_smtp_password_v4": null,');
  st.l('            "user": "slurm-resume"', '          }', '        }', '      ]', '    }', '  ]', '}');

  const ks = repo.file('infra/k8s/tapeout-tracker/secret.yaml', 'k8s');
  const dk = g.djangoKey();
  const kdb = g.gen(20);
  const kj = g.atlPat();
  ks.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: tapeout-tracker',
    '  namespace: eda-tools',
    'type: Opaque',
    'data:',
  );
  ks.s(`  DJANGO_SECRET_KEY: ${g.enc(dk)}`, 'generic', dk);
  ks.s(`  DATABASE_PASSWORD: ${g.enc(kdb)}`, 'generic', kdb);
  ks.s(`  JIRA_PAT: ${g.enc(kj)}`, 'atlassian', kj);
  ks.l(`  LOG_LEVEL: ${g.enc('info')}`);

  const kd = repo.file('infra/k8s/tapeout-tracker/deployment.yaml', 'k8s');
  const ksl = t.slackBot();
  kd.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: tapeout-tracker',
    '  namespace: eda-tools',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
  );
  kd.l(`          image: artifactory.siliconwick.local/docker-local/tapeout-tracker@sha256:${t.sha256()}`);
  kd.l(
    '          env:',
    '            - name: DATABASE_PASSWORD',
    '              valueFrom:',
    '                secretKeyRef:',
  );
  kd.l('                  name: tapeout-tracker');
  kd.d('                  key: DATABASE_PASSWORD', 'secretKeyRef key');
  kd.l('            - name: SLACK_BOT_TOKEN');
  kd.s(`              value: "${ksl}"`, 'slack', ksl);
  kd.l('      imagePullSecrets:', '        - name: artifactory-pull');

  const kp = repo.file('infra/k8s/tapeout-tracker/artifactory-pull.yaml', 'k8s');
  const pullKey = g.artKey();
  const dcj = g.enc(
    JSON.stringify({
      auths: {
        'artifactory.siliconwick.local': {
          username: 'k8s-pull',
          password: pullKey,
          auth: g.enc(`k8s-pull:${pullKey}`),
        },
      },
    }),
  );
  kp.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: artifactory-pull',
    '  namespace: eda-tools',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  kp.s(`  .dockerconfigjson: ${dcj}`, 'artifactory', pullKey);

  const sl = repo.file('infra/k8s/labctl/sealed-secret.yaml', 'k8s');
  sl.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: labctl',
    '  namespace: lab',
    'spec:',
    '  encryptedData:',
  );
  sl.d(`    INFLUX_TOKEN: AgB${g.b64(600)}==`, 'sealed (encrypted) value');
  sl.l(`    LABCTL_DB_PASSWORD: AgA${g.b64(600)}==`);

  const kc = repo.file('ops/home/.kube/config', 'k8s');
  const saTok = g.jwt(
    { alg: 'RS256', kid: t.mixed(URLSAFE, 43) },
    {
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': 'eda-tools',
      'kubernetes.io/serviceaccount/service-account.name': 'gitlab-deployer',
      sub: 'system:serviceaccount:eda-tools:gitlab-deployer',
    },
  );
  const ck = t.ecPem();
  kc.l(
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: eda-tools',
    '    cluster:',
    '      server: https://k8s-api.siliconwick.local:6443',
  );
  kc.d(
    `      certificate-authority-data: ${g.enc(['-----BEGIN CERTIFICATE-----', `MIIB${g.b64(60)}`, '-----END CERTIFICATE-----'].join('\n'))}`,
    'ca certificate',
  );
  kc.l('users:', '  - name: gitlab-deployer', '    user:');
  kc.s(`      token: ${saTok}`, 'generic', saTok);
  kc.l('  - name: cluster-admin', '    user:');
  kc.s(`      client-key-data: ${g.enc(ck.join('\n'))}`, 'private-key', ck.join('\n'));
  kc.l('current-context: eda-tools');

  const inv = repo.file('infra/ansible/inventory/eda.ini', 'ansible');
  const become = g.human();
  inv.l(
    '[eda_servers]',
    'eda[001:096].farm.siliconwick.local',
    '',
    '[license_servers]',
    'lic01.eda.siliconwick.local',
    'lic02.eda.siliconwick.local',
    '',
    '[all:vars]',
    'ansible_user=ansible',
  );
  inv.s(`ansible_become_pass=${become}`, 'generic', become);

  const gv = repo.file('infra/ansible/group_vars/eda_servers.yml', 'ansible');
  const artAdmin = g.gen(20);
  gv.l(
    'nfs_server: nas01.siliconwick.local',
    'nfs_exports:',
    '  - /proj',
    '  - /tools',
    'artifactory_url: https://artifactory.siliconwick.local',
  );
  gv.s(`artifactory_admin_password: "${artAdmin}"`, 'generic', artAdmin);
  gv.l('ldap_bind_password: "{{ vault_ldap_bind_password }}"');

  const av = repo.file('infra/ansible/group_vars/all/vault.yml', 'ansible');
  av.l('vault_ldap_bind_password: !vault |');
  av.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 4 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );

  const df = repo.file('infra/docker/eda-base/Dockerfile', 'docker');
  const dArt = g.artKey();
  df.l(`FROM rockylinux:8@sha256:${t.sha256()}`);
  df.l('ARG P4PASSWD');
  df.s(`ENV ARTIFACTORY_API_KEY=${dArt}`, 'artifactory', dArt);
  df.l(
    'RUN dnf -y install tcsh libXScrnSaver redhat-lsb-core && dnf clean all',
    'ENV LM_LICENSE_FILE=27020@lic01.eda.siliconwick.local',
  );

  const dcf = repo.file('ops/home/jenkins/.docker/config.json', 'docker');
  const regPw = g.gen(20);
  const ghcr = t.github();
  dcf.l('{', '  "auths": {', '    "artifactory.siliconwick.local": {');
  dcf.s(`      "auth": "${g.enc(`jenkins-build:${regPw}`)}"`, 'generic', regPw);
  dcf.l('    },', '    "ghcr.io": {');
  dcf.s(`      "auth": "${g.enc(`swk-ci:${ghcr}`)}"`, 'github', ghcr);
  dcf.l('    }', '  },');
  dcf.l('  "credsStore": "pass"');
  dcf.l('}');
}

// ---- NFS / LDAP / Kerberos --------------------------------------------------------------------

function identity(repo, t, g) {
  const ss = repo.file('infra/identity/sssd/sssd.conf', 'identity');
  const bind = g.gen(22);
  ss.l(
    '[sssd]',
    'services = nss, pam',
    'domains = SILICONWICK',
    '',
    '[domain/SILICONWICK]',
    'id_provider = ldap',
    'auth_provider = krb5',
    'ldap_uri = ldaps://ldap01.siliconwick.local, ldaps://ldap02.siliconwick.local',
    'ldap_search_base = dc=siliconwick,dc=local',
    'ldap_default_bind_dn = uid=svc_sssd,ou=services,dc=siliconwick,dc=local',
    'ldap_default_authtok_type = password',
  );
  ss.s(`ldap_default_authtok = ${bind}`, 'generic', bind);
  ss.l('krb5_realm = SILICONWICK.LOCAL', 'krb5_server = kdc01.siliconwick.local');

  const nl = repo.file('infra/identity/nslcd.conf', 'identity');
  const nlPw = g.gen(18);
  nl.l(
    'uri ldaps://ldap01.siliconwick.local/',
    'base dc=siliconwick,dc=local',
    'binddn uid=svc_nslcd,ou=services,dc=siliconwick,dc=local',
  );
  nl.s(`bindpw ${nlPw}`, 'generic', nlPw);
  nl.l('tls_reqcert demand');

  const kt = repo.file('infra/k8s/tapeout-tracker/keytab-secret.yaml', 'identity');
  const keytab = g.keytab();
  kt.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: tracker-http-keytab',
    '  namespace: eda-tools',
    'type: Opaque',
    'data:',
  );
  kt.s(`  http.keytab: ${keytab}`, 'generic', keytab);

  const ne = repo.file('infra/identity/scripts/new_engineer.sh', 'shell');
  const ldapAdmin = g.gen(20);
  const kadm = g.human();
  const welcome = `Welcome${t.pick(DIGIT, 2)}Wick!`;
  ne.l(
    '#!/usr/bin/env bash',
    '# new_engineer.sh <uid> "<Full Name>" <group>',
    'set -euo pipefail',
    'uid=$1; name=$2; grp=$3',
    'uidn=$(ldapsearch -x -LLL "(objectClass=posixAccount)" uidNumber | awk \'/uidNumber/{print $2}\' | sort -n | tail -1)',
  );
  ne.s(
    `ldapadd -x -H ldaps://ldap01.siliconwick.local -D "cn=admin,dc=siliconwick,dc=local" -w '${ldapAdmin}' <<EOF`,
    'generic',
    ldapAdmin,
  );
  ne.l(
    'dn: uid=$uid,ou=people,dc=siliconwick,dc=local',
    'objectClass: posixAccount',
    'uidNumber: $((uidn + 1))',
    'homeDirectory: /home/$uid',
    'loginShell: /bin/tcsh',
    'EOF',
  );
  ne.s(`initpw='${welcome}'  # temporary, forced change at first login`, 'generic', welcome);
  ne.s(
    `kadmin -p admin/admin@SILICONWICK.LOCAL -w '${kadm}' -q "addprinc -pw $initpw +needchange $uid"`,
    'generic',
    kadm,
  );
  ne.l('mkdir -p /proj/wk7/users/$uid && chown $uid:$grp /proj/wk7/users/$uid');

  const ld = repo.file('infra/identity/ldap/bootstrap.ldif', 'identity');
  const svcPw = g.gen(18);
  ld.l('dn: olcDatabase={2}mdb,cn=config', 'changetype: modify', 'replace: olcRootPW');
  ld.d(`olcRootPW: {SSHA}${t.mixed(B64, 32)}`, 'salted password hash');
  ld.l(
    '',
    'dn: uid=svc_jenkins,ou=services,dc=siliconwick,dc=local',
    'objectClass: account',
    'objectClass: simpleSecurityObject',
    'uid: svc_jenkins',
  );
  ld.s(`userPassword: ${svcPw}`, 'generic', svcPw);

  const am = repo.file('infra/nfs/auto.proj', 'identity');
  const cifs = g.human();
  am.l('# autofs map: /proj/<name> from the NetApp, /proj/archive from the Windows share');
  am.l(
    'wk7      -rw,hard,nfsvers=4.1,sec=krb5  nas01.siliconwick.local:/vol/proj_wk7',
    'wk6      -ro,hard,nfsvers=4.1,sec=krb5  nas01.siliconwick.local:/vol/proj_wk6',
  );
  am.s(
    `archive  -fstype=cifs,rw,username=svc_archive,password=${cifs},domain=SWK  ://fs02.siliconwick.local/archive`,
    'generic',
    cifs,
  );
  am.l('legal    -fstype=cifs,ro,credentials=/etc/autofs/legal.cred  ://fs02.siliconwick.local/legal');

  const kr = repo.file('infra/identity/krb5.conf', 'identity');
  kr.l(
    '[libdefaults]',
    '  default_realm = SILICONWICK.LOCAL',
    '  dns_lookup_kdc = false',
    '',
    '[realms]',
    '  SILICONWICK.LOCAL = {',
    '    kdc = kdc01.siliconwick.local',
    '    kdc = kdc02.siliconwick.local',
    '    admin_server = kdc01.siliconwick.local',
    '  }',
  );
  kr.l('  default_keytab_name = FILE:/etc/krb5.keytab');
}

// ---- Logs ----------------------------------------------------------------------------------------

function logs(repo, t, g) {
  const j = repo.file('logs/jenkins/wk7-nightly-regress/4512/log', 'logs');
  const art = g.artKey();
  const p4 = g.human();
  j.l(
    'Started by timer',
    'Running on eda-agent-07 in /home/jenkins/workspace/wk7-nightly-regress',
    '[Pipeline] withCredentials',
  );
  j.l('Masking supported pattern matches of $JIRA_PAT');
  j.l(`+ p4 -c jenkins-build-wk7 sync //wk7/...@${t.digits(6)}`);
  j.d('+ curl -s -u regress-bot:**** https://jenkins.siliconwick.local/job/wk7-coverage-merge/build', 'masked');
  j.s(
    `+ curl -sf -H 'X-JFrog-Art-Api: ${art}' -T results/nightly.tgz https://artifactory.siliconwick.local/artifactory/regress-local/4512/`,
    'artifactory',
    art,
  );
  j.l('+ env', 'HOME=/home/jenkins', 'P4PORT=ssl:perforce.siliconwick.local:1666', 'P4USER=jenkins-build');
  j.s(`P4PASSWD=${p4}`, 'generic', p4);
  j.l(`GIT_COMMIT=${t.sha1()}`);
  j.l('[regress] 4312 tests, 4297 pass, 15 fail (0.35%)', 'Finished: UNSTABLE');

  const sc = repo.file('logs/slurm/slurmctld.log', 'logs');
  sc.l(
    '[2025-03-14T02:11:07.331] _slurm_rpc_submit_batch_job: JobId=8812377 InitPrio=4294901759 usec=412',
    '[2025-03-14T02:11:09.002] sched: Allocate JobId=8812377 NodeList=eda017 #CPUs=8 Partition=sim',
    '[2025-03-14T02:14:55.120] error: auth/jwt: token for svc_regress expired',
  );
  sc.d('[2025-03-14T02:14:55.121] debug:  rest_auth/jwt: rejecting request, X-SLURM-USER-TOKEN=[redacted]', 'redacted');
  sc.l('[2025-03-14T02:20:00.000] power_save: resuming nodes burst-c6i-[001-012]');

  const lm = repo.file('logs/flexlm/snpslmd.log', 'logs');
  lm.l(
    ' 2:03:41 (snpslmd) OUT: "VCSRuntime_Net" jchen@eda017',
    ' 2:03:42 (snpslmd) DENIED: "PrimeTime" okim@eda065  (Licensed number of users already reached. (-4,342))',
    ' 2:05:10 (snpslmd) IN: "VCSRuntime_Net" jchen@eda017',
  );
  lm.l(` 2:06:00 (lmgrd) Server's System Date and Time: Fri Mar 14 2025 02:06:00 PDT  hostid ${t.pick(HEX, 12)}`);

  const dj = repo.file('logs/tapeout-tracker/gunicorn-error.log', 'logs');
  const dbPw = g.plain(20);
  dj.l(
    '[2025-03-12 07:41:22 +0000] [14] [ERROR] Exception in worker process',
    'Traceback (most recent call last):',
    '  File "/app/tracker/settings/base.py", line 88, in <module>',
  );
  dj.s(
    `    DATABASES = {"default": dj_database_url.parse("postgres://tracker:${dbPw}@pg-tracker.siliconwick.local:5432/tapeout")}`,
    'database',
    dbPw,
  );
  dj.l(
    'psycopg2.OperationalError: connection to server at "pg-tracker.siliconwick.local" (10.30.4.12), port 5432 failed: FATAL:  password authentication failed for user "tracker"',
  );

  const lb = repo.file('lab/logs/labctl-2025-03-14.log', 'logs');
  const inf = g.influx();
  lb.l('2025-03-14 09:00:01,114 INFO  labctl.instruments connected smu1 TCPIP0::10.60.2.21::hislip0::INSTR');
  lb.s(
    `2025-03-14 09:00:01,502 DEBUG urllib3 POST /api/v2/write?org=swk&bucket=char headers={'Authorization': 'Token ${inf}'}`,
    'influxdb',
    inf,
  );
  lb.l('2025-03-14 09:00:02,003 INFO  labctl.mqtt connect user=labctl password=*** host=mqtt.lab.siliconwick.local');
  lb.l('2025-03-14 09:12:44,870 WARN  labctl.chamber setpoint -40.0C not reached after 900s (actual -38.7C)');
}

// ---- Jira / Confluence / Slack exports ------------------------------------------------------------

function exportsComms(repo, t, g) {
  const jr = repo.file('exports/jira/WK7-2291.json', 'tickets');
  const art = g.artKey();
  const tick = g.p4ticket();
  jr.l(
    '{',
    '  "key": "WK7-2291",',
    '  "fields": {',
    '    "summary": "innovus_run.tcl cannot publish to pnr-runs-local (403)",',
  );
  jr.s(
    `    "description": "Run b0_r12 fails at the upload step. Header being sent: X-JFrog-Art-Api: ${art} - is the key expired?",`,
    'artifactory',
    art,
  );
  jr.l('    "comment": {', '      "comments": [');
  jr.s(
    `        { "author": "mpatel", "body": "Works with the build user, ticket from p4 login -p: ${tick}" },`,
    'perforce',
    tick,
  );
  jr.d(
    '        { "author": "eda-infra", "body": "Please never paste keys or tickets in Jira. Both rotated; use the Vault path secret/eda/flowbot." },',
    'prose',
  );
  jr.l(`        { "author": "mpatel", "body": "Noted. Failing run id for reference: ${t.uuid()}" }`);
  jr.l('      ]', '    }', '  }', '}');

  const cf = repo.file('exports/confluence/EDA/Compute-Farm-Runbook.html', 'docs');
  const bmc = g.human();
  const lsf = g.human();
  cf.l('<h1>Compute farm runbook</h1>', '<h2>Node will not come back after drain</h2>');
  cf.s(
    `<p>Log in to the BMC (<code>https://bmc-edaNNN.farm.siliconwick.local</code>) as <code>ADMIN</code> / <code>${bmc}</code> and power-cycle.</p>`,
    'generic',
    bmc,
  );
  cf.l('<h2>LSF legacy queues</h2>', '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[');
  cf.s(`lsfadmin password (for badmin / lsadmin on lsfm01): ${lsf}`, 'generic', lsf);
  cf.l(']]></ac:plain-text-body></ac:structured-macro>');
  cf.l(
    '<p>Licence servers: <code>27020@lic01</code>, <code>5280@lic01</code>, <code>1717@lic02</code>. Use <code>lmutil lmstat -a -c 27020@lic01</code>.</p>',
  );

  const sl = repo.file('exports/slack/eda-help/2025-02-11.json', 'chat');
  const xo = g.xoxp();
  const glp = t.gitlab();
  const tmp = g.human();
  sl.l('[');
  sl.s(
    `  {"type": "message", "user": "U04QK2J7B1M", "ts": "1739290511.002100", "text": "the pinner bot is dead, I swapped in my own token for now: ${xo}"},`,
    'slack',
    xo,
  );
  sl.s(
    `  {"type": "message", "user": "U03ZP9L2KQA", "ts": "1739290633.004500", "text": "CI can't clone libtlm2, try my PAT ${glp} until the deploy token is fixed"},`,
    'gitlab',
    glp,
  );
  sl.d(
    '  {"type": "message", "user": "U01EDAINFRA", "ts": "1739290701.005200", "text": "please don\'t paste tokens here :no_entry: - DM me and I\'ll put it in Vault. Format is `glpat-<20 chars>`"},',
    'prose with placeholder',
  );
  sl.s(
    `  {"type": "message", "user": "U01EDAINFRA", "ts": "1739291011.006000", "text": "new contractor account okim2 created, temp password ${tmp} (must change at first login)"},`,
    'generic',
    tmp,
  );
  sl.l(
    '  {"type": "message", "user": "U03ZP9L2KQA", "ts": "1739291100.006300", "text": "thanks! channel id for the bot is C05EDAHELP1"}',
  );
  sl.l(']');

  const so = repo.file('exports/slack/tapeout-wk7b0/2025-03-02.json', 'chat');
  const sftp = g.human();
  so.l('[');
  so.s(
    `  {"type": "message", "user": "U02TAPEOUT9", "ts": "1740912000.000100", "text": "foundry reset the e-drop account, new password for swk_upload is ${sftp}"},`,
    'generic',
    sftp,
  );
  so.l(
    `  {"type": "message", "user": "U02TAPEOUT9", "ts": "1740912222.000400", "text": "WK7B0 r12 uploaded, sha256 ${t.sha256()}"}`,
  );
  so.l(']');
}

// ---- Docs ----------------------------------------------------------------------------------------

function docs(repo, t, g) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# Siliconwick WK7 monorepo',
    '',
    'RTL, verification, flows, firmware, tools and infrastructure for the WK7 SoC.',
    '',
    '## Getting started',
    '',
    '```csh',
  );
  r.d('setenv P4PASSWD <your-p4-ticket>   # from `p4 login -p`', 'placeholder');
  r.l('setenv ARTIFACTORY_API_KEY ${ARTIFACTORY_API_KEY}');
  r.l('source flow/env/siliconwick.cshrc', 'make -C rtl lint', '```');

  const ob = repo.file('docs/onboarding/eda-environment.md', 'docs');
  const tmp = g.human();
  ob.l('# EDA environment', '', '1. Get a Kerberos ticket: `kinit $USER@SILICONWICK.LOCAL`.');
  ob.s(
    `2. Your first LDAP login uses the shared onboarding password \`${tmp}\`; change it with \`passwd\` right away.`,
    'generic',
    tmp,
  );
  ob.d(
    '3. Create an Artifactory API key in your profile and store it as `ARTIFACTORY_API_KEY=<key>` in `~/.config/swk/env`.',
    'placeholder',
  );
  ob.l('4. Licences: `LM_LICENSE_FILE=5280@lic01.eda.siliconwick.local` is set for you by the cshrc.');

  const kc = repo.file('docs/secure-boot/key-ceremony.md', 'docs');
  const so = t.digits(10);
  kc.l('# ROT key ceremony (B0)', '', 'Attendees: two key custodians, one security officer, one witness.', '');
  kc.s(
    `- Luna partition \`swk-codesign\` security-officer PIN (sealed envelope copy in safe 3): \`${so}\``,
    'generic',
    so,
  );
  kc.d(
    '- For dry runs on SoftHSM use the upstream example: `softhsm2-util --init-token --slot 0 --label test --pin 1234 --so-pin 0000`.',
    'documented example pin',
  );
  kc.d(`- The fused ROTPK hash is \`${t.sha256()}\`; it is public and printed on the traveller.`, 'public key hash');

  const fr = repo.file('docs/farm/slurm-rest.md', 'docs');
  const jt = g.jwt({ alg: 'HS256', typ: 'JWT' }, { exp: 2051222400, iat: 1735689600, sun: 'jchen' });
  fr.l('# Using slurmrestd', '', 'Get a token with your own identity:', '', '```sh');
  fr.d('export SLURM_JWT=$(scontrol token lifespan=3600 | cut -d= -f2)', 'command substitution');
  fr.l('```', '', 'Example request (token from my session, valid until the end of the quarter):', '', '```sh');
  fr.s(
    `curl -H "X-SLURM-USER-NAME: jchen" -H "X-SLURM-USER-TOKEN: ${jt}" http://slurmrest.farm.siliconwick.local:6820/slurm/v0.0.41/jobs`,
    'generic',
    jt,
  );
  fr.l('```');

  const fe = repo.file('docs/foundry/edrop.md', 'docs');
  fe.l('# Foundry e-drop', '');
  fe.d(
    'Upload with `sftp -i ~/.ssh/id_ed25519_foundry swk_upload@sftp.edrop.foundryone.com`; the key lives in Vault at `secret/tapeout/edrop`.',
    'vault path',
  );
  fe.l('Portal login: `swk_ops` / `<see 1Password "FoundryOne portal">`.');
}

// ---- Noise: lockfiles, LFS pointers, hashes, ids ---------------------------------------------------

function noise(repo, t, g) {
  const pl = repo.file('apps/tapeout-tracker/frontend/package-lock.json', 'decoys');
  pl.l('{', '  "name": "tapeout-tracker-ui",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['vue', 'pinia', 'axios', 'chart.js']) {
    pl.l(
      `    "node_modules/${name}": {`,
      '      "version": "3.4.1",',
      `      "resolved": "https://artifactory.siliconwick.local/artifactory/api/npm/npm-virtual/${name}/-/${name}-3.4.1.tgz",`,
    );
    pl.d(`      "integrity": "sha512-${g.enc(Buffer.from(t.pick(HEX, 128), 'hex'))}"`, 'integrity hash');
    pl.l('    },');
  }
  pl.l('    "": {}', '  }', '}');

  const lfs = repo.file('layout/wk7_io_ring/wk7_io_ring.gds.gz', 'decoys');
  lfs.l('version https://git-lfs.github.com/spec/v1');
  lfs.d(`oid sha256:${t.sha256()}`, 'git lfs object id');
  lfs.l(`size ${t.digits(9)}`);

  const rq = repo.file('tools/regress/requirements.txt', 'decoys');
  for (const p of ['cocotb==1.9.2', 'pyuvm==3.0.0', 'slack_sdk==3.33.4']) {
    rq.l(`${p} \\`);
    rq.d(`    --hash=sha256:${t.sha256()}`, 'pip hash');
  }

  const k = repo.file('tools/regress/regress/constants.py', 'decoys');
  k.l(`REGRESS_NAMESPACE = "${t.uuid()}"`);
  k.l('PASSWORD_PROMPT = "P4 password: "');
  k.l('JIRA_TOKEN_ENV = "JIRA_PAT"');
  k.l(`GOLDEN_WAVE_SHA1 = "${t.sha1()}"`);
  k.l('DEFAULT_SEED = 0xC0FFEE');

  const vm = repo.file('rtl/ip/vendor/ddr_phy/ip_manifest.json', 'decoys');
  vm.l('{', '  "vendor": "PhyCo", "ip": "lpddr5x_phy", "version": "2.31a",');
  vm.l(`  "deliverable_sha256": "${t.sha256()}",`);
  vm.l(`  "licence_key_id": "PHYCO-${t.pick(UPPER + DIGIT, 4)}-${t.pick(UPPER + DIGIT, 4)}",`);
  vm.l('  "encrypted_rtl": "ieee1735/ddr_phy_top.svp"', '}');

  const enc = repo.file('rtl/ip/vendor/ddr_phy/ieee1735/ddr_phy_top.svp', 'decoys');
  enc.l(
    '`pragma protect begin_protected',
    '`pragma protect version=1',
    '`pragma protect encrypt_agent="Synopsys VCS"',
    '`pragma protect key_keyowner="Synopsys", key_keyname="SNPS-VCS-RSA-2", key_method="rsa"',
    '`pragma protect encoding = (enctype="base64", line_length=76, bytes=256)',
    '`pragma protect key_block',
  );
  enc.d(
    Array.from({ length: 4 }, () => g.b64(76)),
    'ieee 1735 wrapped session key (encrypted to the tool vendor)',
  );
  enc.l(
    '`pragma protect data_method="aes128-cbc"',
    '`pragma protect encoding = (enctype="base64", line_length=76, bytes=4096)',
    '`pragma protect data_block',
  );
  enc.d(
    Array.from({ length: 3 }, () => g.b64(76)),
    'ieee 1735 encrypted rtl',
  );
  enc.l('`pragma protect end_protected');
}
