// Red-team suite "sectools": what security teams and pentesters commit — recon tool configs
// (subfinder provider-config.yaml, amass config.ini, theHarvester api-keys.yaml, recon-ng resource
// files) holding Shodan, Censys, VirusTotal, SecurityTrails, Hunter.io, HaveIBeenPwned, AbuseIPDB
// and AlienVault OTX keys; nuclei/interactsh tokens; Burp upstream proxy credentials; Metasploit
// database.yml and msfconsole resource scripts; CrackMapExec/NetExec and impacket command lines
// (passwords and pass-the-hash NTLM hashes); BloodHound/Neo4j; SIEM and SOAR integrations (Splunk
// HEC and REST tokens, Elastic API keys, Sentinel workspace keys, QRadar SEC tokens); EDR APIs
// (CrowdStrike, SentinelOne, Defender app secrets); scanners (Tenable, Qualys, InsightVM); Duo
// ikey/skey; Okta API tokens and Vault tokens. Decoys are what those repositories also hold: IOC
// lists (hashes, IPs, domains), YARA and Sigma rules, CVE ids, hash examples in wordlists and CTF
// writeups, default-login wordlists, phishing-simulation templates, crypto test vectors,
// placeholders, client and workspace ids. Every value is drawn from the seeded PRNG at run time.
import { ALNUM, HEX, UPPER, DIGIT, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 313);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  const repo = new Repo();
  const b64 = (s) => Buffer.from(s).toString('base64');
  const b64url = (s) => Buffer.from(s).toString('base64url');
  const ip = () => `10.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}.${1 + Math.floor(rand() * 250)}`;
  const pubIp = () =>
    `${one(['45', '91', '185', '194'])}.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}.${1 + Math.floor(rand() * 250)}`;
  // Passwords as people set them on lab and engagement accounts, with no shell-special characters.
  const human = () =>
    one([
      () =>
        `${one(['Winter', 'Spring', 'Summer', 'Autumn'])}${one(['2025', '2026'])}${one(['!', '#', '@'])}${t.alnum(4)}`,
      () => t.password().replace(/[^A-Za-z0-9_-]/g, '_'),
      () => t.mixed(ALNUM, 20),
    ])();

  const x = {
    shodan: () => t.mixed(ALNUM, 32),
    censysId: () => t.uuid(),
    censysSecret: () => t.mixed(ALNUM, 32),
    virustotal: () => t.hex(64),
    securitytrails: () => t.mixed(ALNUM, 32),
    hunter: () => t.hex(40),
    hibp: () => t.hex(32),
    abuseipdb: () => t.hex(80),
    otx: () => t.hex(64),
    urlscan: () => t.uuid(),
    splunkHec: () => t.uuid().toUpperCase(),
    splunkJwt: () =>
      `${b64url(JSON.stringify({ kid: 'splunk.secret', alg: 'HS512', ver: 'v2', ttyp: 'static' }))}.${b64url(
        JSON.stringify({
          iss: 'admin from sh-i-0a1b2c3d',
          sub: 'svc_soar',
          aud: 'soar-integration',
          idp: 'Splunk',
          jti: t.hex(64),
          iat: 1767225600,
          exp: 1798761600,
          nbr: 1767225600,
        }),
      )}.${t.mixed(URLSAFE, 86)}`,
    elasticKey: () => b64(`${t.mixed(URLSAFE, 20)}:${t.mixed(URLSAFE, 22)}`),
    workspaceKey: () => t.azureStorageKey(),
    qradarSec: () => t.uuid(),
    crowdstrikeId: () => t.hex(32),
    crowdstrikeSecret: () => t.mixed(ALNUM, 40),
    s1Jwt: () =>
      `${b64url(JSON.stringify({ kid: t.hex(8), alg: 'ES256' }))}.${b64url(
        JSON.stringify({
          sub: 'svc-soar@acme-sec.io',
          iss: 'authn-us-east-1-prod',
          deployment_id: t.digits(6),
          type: 'user',
          exp: 1798761600,
          jti: t.uuid(),
        }),
      )}.${t.mixed(URLSAFE, 86)}`,
    tenable: () => t.hex(64),
    duoIkey: () => `DI${t.mixed(UPPER + DIGIT, 18)}`,
    duoSkey: () => t.mixed(ALNUM, 40),
    okta: () => `00${t.mixed(URLSAFE, 40)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    vaultLegacy: () => `s.${t.mixed(ALNUM, 24)}`,
    nt: () => t.hex(32),
  };
  const LM_EMPTY = 'aad3b435b51404eeaad3b435b51404ee';

  // ---- subfinder / amass / theHarvester / recon-ng ----------------------------------------
  {
    const f = repo.file('recon/config/subfinder/provider-config.yaml', 'recon-config');
    const sh = x.shodan();
    const cid = x.censysId();
    const cs = x.censysSecret();
    const vt = x.virustotal();
    const st = x.securitytrails();
    const gh = t.github();
    f.l('# subfinder -pc provider-config.yaml', 'binaryedge: []', 'shodan:');
    f.s(`  - ${sh}`, 'shodan', sh);
    f.l('censys:');
    f.s(`  - ${cid}:${cs}`, 'censys', cs);
    f.l('virustotal:');
    f.s(`  - ${vt}`, 'virustotal', vt);
    f.l('securitytrails:');
    f.s(`  - ${st}`, 'securitytrails', st);
    f.l('github:');
    f.s(`  - ${gh}`, 'github', gh);
    f.l('chaos:');
    f.d('  - YOUR_CHAOS_KEY', 'placeholder');
    f.d('fofa: []', 'empty list');
  }
  {
    const f = repo.file('recon/config/amass/config.ini', 'recon-config');
    f.l('[scope]', 'domain = acme-sec.io', '', '[data_sources]', 'minimum_ttl = 1440', '');
    f.l('[data_sources.Shodan]', 'ttl = 10080', '[data_sources.Shodan.Credentials]');
    const sh = x.shodan();
    f.s(`apikey = ${sh}`, 'shodan', sh);
    f.l('', '[data_sources.Censys]', 'ttl = 10080', '[data_sources.Censys.Credentials]');
    f.d(`apikey = ${x.censysId()}`, 'censys api id (the id half)');
    const cs = x.censysSecret();
    f.s(`secret = ${cs}`, 'censys', cs);
    f.l('', '[data_sources.AlienVault]', '[data_sources.AlienVault.Credentials]');
    const otx = x.otx();
    f.s(`apikey = ${otx}`, 'alienvault', otx);
    f.l('', '[data_sources.URLScan]', '[data_sources.URLScan.Credentials]');
    const us = x.urlscan();
    f.s(`apikey = ${us}`, 'urlscan', us);
    f.l('', '[data_sources.GitHub]', '[data_sources.GitHub.accountname]');
    f.d('apikey = <github-token>', 'placeholder');
  }
  {
    const f = repo.file('recon/config/theHarvester/api-keys.yaml', 'recon-config');
    f.l('apikeys:', '  hunter:');
    const hu = x.hunter();
    f.s(`    key: ${hu}`, 'hunter', hu);
    f.l('  securityTrails:');
    const st = x.securitytrails();
    f.s(`    key: ${st}`, 'securitytrails', st);
    f.l('  shodan:');
    const sh = x.shodan();
    f.s(`    key: '${sh}'`, 'shodan', sh);
    f.l('  virustotal:');
    const vt = x.virustotal();
    f.s(`    key: "${vt}"`, 'virustotal', vt);
    f.l('  bevigil:');
    f.d('    key:', 'empty');
    f.l('  binaryedge:');
    f.d('    key: null', 'null');
  }
  {
    const f = repo.file('recon/recon-ng/keys.rc', 'recon-config');
    f.l('workspaces create acme-external', 'modules load recon/domains-hosts/shodan_hostname');
    const sh = x.shodan();
    f.s(`keys add shodan_api ${sh}`, 'shodan', sh);
    const hu = x.hunter();
    f.s(`keys add hunter_io ${hu}`, 'hunter', hu);
    const vt = x.virustotal();
    f.s(`keys add virustotal_api ${vt}`, 'virustotal', vt);
    f.d('keys add github_api <paste token>', 'placeholder');
    f.l('options set SOURCE acme-sec.io', 'run');
  }
  {
    const f = repo.file('recon/scripts/enrich_ips.py', 'recon-script');
    f.l('import os', 'import requests', '', '# quick enrichment for the weekly attack-surface report');
    const ab = x.abuseipdb();
    f.s(`ABUSEIPDB_KEY = "${ab}"`, 'abuseipdb', ab);
    const sh = x.shodan();
    f.s(`SHODAN_API_KEY = os.environ.get("SHODAN_API_KEY", "${sh}")`, 'shodan', sh);
    const hibp = x.hibp();
    f.s(`HIBP_HEADERS = {"hibp-api-key": "${hibp}", "user-agent": "acme-sec-recon"}`, 'generic', hibp);
    f.d('GREYNOISE_KEY = os.environ["GREYNOISE_API_KEY"]', 'env lookup');
    f.d(`KNOWN_BAD = ["${pubIp()}", "${pubIp()}"]  # IOCs from the Q3 report`, 'public IOC ips');
    f.l(
      '',
      'def check(ip):',
      '    r = requests.get("https://api.abuseipdb.com/api/v2/check", params={"ipAddress": ip},',
      '                     headers={"Key": ABUSEIPDB_KEY, "Accept": "application/json"})',
      '    return r.json()',
    );
  }
  {
    const f = repo.file('recon/scripts/vt_lookup.sh', 'recon-script');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const vt = x.virustotal();
    f.s(
      `curl -s -H "x-apikey: ${vt}" "https://www.virustotal.com/api/v3/files/$1" | jq .data.attributes.last_analysis_stats`,
      'virustotal',
      vt,
    );
    const st = x.securitytrails();
    f.s(`curl -s "https://api.securitytrails.com/v1/domain/$2/subdomains" -H "APIKEY: ${st}"`, 'securitytrails', st);
    const sh = x.shodan();
    f.s(`shodan init ${sh}`, 'shodan', sh);
    f.d('curl -s -H "x-apikey: $VT_API_KEY" "https://www.virustotal.com/api/v3/domains/$2"', 'variable');
    f.d(
      `curl -s "https://www.virustotal.com/api/v3/files/${t.sha256()}"  # sample from the report`,
      'sample hash in url',
    );
  }
  {
    const f = repo.file('recon/notebooks/breach_check.md', 'recon-doc');
    f.l('# Breach exposure check', '', 'We query HIBP for every address in the staff export.', '');
    const hibp = x.hibp();
    f.s(`- HIBP key (paid tier, rotate Dec): \`${hibp}\``, 'generic', hibp);
    const hu = x.hunter();
    f.s(`- Hunter.io: https://api.hunter.io/v2/domain-search?domain=acme-sec.io&api_key=${hu}`, 'hunter', hu);
    f.d('- Censys API ID goes in `CENSYS_API_ID`, the secret in `CENSYS_API_SECRET`.', 'prose');
  }

  // ---- nuclei / interactsh -------------------------------------------------------------------
  {
    const f = repo.file('scans/nuclei/run-external.sh', 'nuclei');
    f.l('#!/bin/sh');
    const it = t.mixed(ALNUM, 32);
    f.s(
      `nuclei -l targets.txt -t http/ -severity high,critical -iserver oast.acme-sec.io -itoken ${it} -o out.jsonl`,
      'generic',
      it,
    );
    const it2 = t.mixed(ALNUM, 32);
    f.s(`interactsh-client -server https://oast.acme-sec.io -token ${it2} -json -o oob.jsonl`, 'generic', it2);
    f.d('nuclei -l targets.txt -iserver oast.acme-sec.io -itoken "$INTERACTSH_TOKEN"', 'variable');
  }
  {
    const f = repo.file('scans/nuclei/custom-templates/acme-default-login.yaml', 'nuclei');
    f.l(
      'id: acme-appliance-default-login',
      'info:',
      '  name: Acme Appliance - Default Login',
      '  severity: high',
      '  tags: default-login,acme',
      'http:',
      '  - raw:',
      '      - |',
      '        POST /login HTTP/1.1',
      '        Host: {{Hostname}}',
      '',
    );
    f.d('        username={{username}}&password={{password}}', 'template variables');
    f.l('    attack: clusterbomb', '    payloads:', '      username:', '        - admin');
    f.l('      password:');
    f.d('        - admin', 'default-login wordlist');
    f.d('        - password', 'default-login wordlist');
    f.d('        - acme123', 'default-login wordlist');
    f.l('    matchers:', '      - type: word', '        words:');
    f.d('          - "Welcome, administrator"', 'matcher');
  }
  {
    const f = repo.file('scans/nuclei/cve-2024-3400.yaml', 'nuclei');
    f.l('id: CVE-2024-3400', 'info:', '  name: PAN-OS GlobalProtect - Command Injection', '  severity: critical');
    f.d('  reference: https://nvd.nist.gov/vuln/detail/CVE-2024-3400', 'cve reference');
    f.d('  classification:\n    cvss-vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 'cvss vector');
    f.d(`  metadata:\n    shodan-query: http.html_hash:-${t.digits(9)}`, 'shodan query hash');
    f.d(`        Cookie: SESSID=/../../../opt/panlogs/tmp/device_telemetry/hour/${t.hex(16)}`, 'payload path');
  }

  // ---- Burp Suite --------------------------------------------------------------------------
  {
    const f = repo.file('engagements/2026-acme-webapp/burp/project-options.json', 'burp');
    const up = human();
    f.l(
      '{',
      '  "project_options": {',
      '    "connections": {',
      '      "upstream_proxy": {',
      '        "servers": [',
      '          {',
    );
    f.l(
      '            "destination_host": "*",',
      '            "enabled": true,',
      '            "proxy_host": "proxy.client-corp.net",',
      '            "proxy_port": 8080,',
      '            "authentication_type": "basic",',
      '            "username": "pt-acme",',
    );
    f.s(`            "password": "${up}"`, 'generic', up);
    f.l(
      '          }',
      '        ]',
      '      },',
      '      "platform_authentication": {',
      '        "credentials": [',
      '          {',
    );
    f.l(
      '            "destination_host": "intranet.client-corp.net",',
      '            "type": "NTLMv2",',
      '            "username": "svc_pentest",',
      '            "domain": "CLIENT",',
    );
    const pa = human();
    f.s(`            "password": "${pa}"`, 'generic', pa);
    f.l('          }', '        ]', '      }', '    },', '    "sessions": {', '      "cookie_jar": {');
    f.d(`        "monitor_proxy": true, "csrf_sample": "${t.mixed(URLSAFE, 43)}"`, 'csrf sample');
    f.l('      }', '    }', '  }', '}');
  }

  // ---- Metasploit ----------------------------------------------------------------------------
  {
    const f = repo.file('tools/metasploit/config/database.yml', 'metasploit');
    const p = human();
    f.l('production:', '  adapter: postgresql', '  database: msf', '  username: msf');
    f.s(`  password: ${p}`, 'generic', p);
    f.l(
      '  host: 127.0.0.1',
      '  port: 5433',
      '  pool: 200',
      '',
      'test:',
      '  adapter: postgresql',
      '  database: msf_test',
      '  username: msf',
    );
    f.d('  password: <%= ENV["MSF_TEST_DB_PASSWORD"] %>', 'erb env');
  }
  {
    const f = repo.file('engagements/2026-acme-internal/msf/smb_spray.rc', 'metasploit');
    f.l(
      'use auxiliary/scanner/smb/smb_login',
      `set RHOSTS ${ip()}/24`,
      'set SMBDomain CLIENT',
      'set SMBUser svc_backup',
    );
    const p = human();
    f.s(`set SMBPass ${p}`, 'generic', p);
    f.l('run', '', 'use exploit/windows/smb/psexec', `set RHOSTS ${ip()}`, 'set SMBUser Administrator');
    const nt = x.nt();
    f.s(`set SMBPass ${LM_EMPTY}:${nt}`, 'generic', nt);
    f.l('use auxiliary/scanner/mssql/mssql_login', 'set USERNAME sa');
    const p2 = human();
    f.s(`setg PASSWORD ${p2}`, 'generic', p2);
    f.d('set PASS_FILE /usr/share/wordlists/rockyou.txt', 'wordlist path');
    f.d('set BLANK_PASSWORDS true', 'option');
  }
  {
    const f = repo.file('docs/notes/msf-options-cheatsheet.txt', 'metasploit');
    f.l(
      'msf6 auxiliary(scanner/ssh/ssh_login) > show options',
      '',
      '   Name              Current Setting  Required  Description',
      '   ----              ---------------  --------  -----------',
    );
    f.d('   PASSWORD                           no        A specific password to authenticate with', 'option listing');
    f.d('   PASS_FILE                          no        File containing passwords, one per line', 'option listing');
    f.d(
      '   USER_AS_PASS      false            no        Try the username as the password for all users',
      'option listing',
    );
  }

  // ---- CrackMapExec / NetExec / impacket ------------------------------------------------------
  {
    const f = repo.file('engagements/2026-acme-internal/notes/commands.md', 'pentest-cli');
    f.l('# Internal test: command log', '', '## Password spray (approved window 02:00-04:00)', '', '```bash');
    const p = human();
    f.s(`crackmapexec smb ${ip()}/24 -u svc_backup -p '${p}' --shares`, 'generic', p);
    const p2 = human();
    f.s(`nxc ldap dc01.client.local -u j.doe -p '${p2}' --kerberoasting kerb.txt`, 'generic', p2);
    const nt = x.nt();
    f.s(`nxc smb ${ip()} -u Administrator -H ${nt} --local-auth -x whoami`, 'generic', nt);
    f.d('nxc smb targets.txt -u users.txt -p passwords.txt --continue-on-success', 'wordlist files');
    f.d(`nxc smb ${ip()} -u '' -p '' --shares`, 'null session');
    f.l('```', '', '## impacket', '', '```bash');
    const p3 = human();
    f.s(`secretsdump.py 'CLIENT/svc_backup:${p3}@${ip()}' -just-dc-ntlm -outputfile dc01`, 'generic', p3);
    const nt2 = x.nt();
    f.s(`psexec.py -hashes ${LM_EMPTY}:${nt2} CLIENT/Administrator@${ip()}`, 'generic', nt2);
    const p4 = human();
    f.s(`GetUserSPNs.py -request -dc-ip ${ip()} CLIENT.LOCAL/j.doe:${p4}`, 'generic', p4);
    const nt3 = x.nt();
    f.s(`wmiexec.py -hashes :${nt3} CLIENT/helpdesk@${ip()}`, 'generic', nt3);
    f.d('getTGT.py CLIENT.LOCAL/j.doe -hashes :$NTHASH', 'variable');
    f.l('```');
  }
  {
    const f = repo.file('engagements/2026-acme-internal/loot/dc01.ntds', 'loot');
    f.l('# secretsdump.py output, DC01, 2026-03-12');
    const nt1 = x.nt();
    f.s(`Administrator:500:${LM_EMPTY}:${nt1}:::`, 'generic', nt1);
    f.d(`Guest:501:${LM_EMPTY}:31d6cfe0d16ae931b73c59d7e0c089c0:::`, 'empty-password NT hash');
    const nt2 = x.nt();
    f.s(`krbtgt:502:${LM_EMPTY}:${nt2}:::`, 'generic', nt2);
    const nt3 = x.nt();
    f.s(`CLIENT.LOCAL\\svc_backup:1104:${LM_EMPTY}:${nt3}:::`, 'generic', nt3);
  }
  {
    const f = repo.file('writeups/htb/forest/README.md', 'ctf');
    f.l('# HTB: Forest (retired)', '', 'AS-REP roast, crack, then DCSync.', '', '```');
    f.d(`$krb5asrep$23$svc-alfresco@HTB.LOCAL:${t.hex(32)}$${t.hex(240)}`, 'AS-REP hash in CTF writeup');
    f.d('svc-alfresco:s3rvice', 'public CTF credential (retired box)');
    f.d(`htb.local\\Administrator:500:${LM_EMPTY}:${t.hex(32)}:::`, 'NT hash of a retired public CTF box');
    f.l('```');
  }
  {
    const f = repo.file('wordlists/hash-examples.txt', 'wordlist');
    f.l('# hashcat mode examples used in the cracking workshop');
    f.d(`0    ${t.sha1().slice(0, 32)}:hashcat-example`, 'md5 example');
    f.d(`1000 ${t.hex(32)}`, 'NTLM example in workshop');
    f.d(`1400 ${t.sha256()}`, 'sha256 example');
    f.d(`3200 $2a$05$${t.mixed(ALNUM + './', 53)}`, 'bcrypt example');
    f.d(`1800 $6$${t.mixed(ALNUM, 8)}$${t.mixed(ALNUM + './', 86)}`, 'sha512crypt example');
  }
  {
    const f = repo.file('wordlists/top-passwords.txt', 'wordlist');
    for (const w of ['123456', 'Password1', 'Welcome2024!', 'qwerty123', 'Summer2025', 'letmein', 'P@ssw0rd'])
      f.d(w, 'common-password wordlist entry');
  }

  // ---- BloodHound / Neo4j ----------------------------------------------------------------------
  {
    const f = repo.file('tools/bloodhound/docker-compose.yml', 'bloodhound');
    f.l('services:', '  neo4j:', '    image: neo4j:4.4', '    environment:');
    const p = human();
    f.s(`      - NEO4J_AUTH=neo4j/${p}`, 'generic', p);
    f.l(
      '  bloodhound:',
      '    image: specterops/bloodhound:latest',
      '    environment:',
      '      - bhe_neo4j_connection=neo4j://neo4j:7687',
    );
    const p2 = human();
    f.s(`      - bhe_default_admin_password=${p2}`, 'generic', p2);
    f.d(
      '      - bhe_database_connection=user=bloodhound password=${POSTGRES_PASSWORD} dbname=bloodhound host=app-db',
      'variable',
    );
  }
  {
    const f = repo.file('engagements/2026-acme-internal/notes/bloodhound.sh', 'bloodhound');
    f.l('#!/bin/bash');
    const p = human();
    f.s(`bloodhound-python -d client.local -u j.doe -p '${p}' -ns ${ip()} -c All --zip`, 'generic', p);
    const p2 = human();
    f.s(`cypher-shell -a bolt://localhost:7687 -u neo4j -p '${p2}' < queries/kerberoastable.cypher`, 'generic', p2);
  }

  // ---- SIEM / SOAR -------------------------------------------------------------------------------
  {
    const f = repo.file('siem/splunk/inputs/hec-forwarder.sh', 'siem');
    f.l('#!/usr/bin/env bash');
    const hec = x.splunkHec();
    f.s(
      `curl -k https://splunk-hec.acme-sec.io:8088/services/collector/event -H "Authorization: Splunk ${hec}" -d @event.json`,
      'splunk',
      hec,
    );
    const p = human();
    f.s(
      `curl -k -u admin:${p} https://splunk.acme-sec.io:8089/services/search/jobs -d search="search index=edr | head 10"`,
      'generic',
      p,
    );
    f.d(
      'curl -k -H "Authorization: Splunk $HEC_TOKEN" https://splunk-hec.acme-sec.io:8088/services/collector/health',
      'variable',
    );
  }
  {
    const f = repo.file('siem/splunk/apps/TA-acme/local/outputs.conf', 'siem');
    f.l('[httpout]');
    const hec = x.splunkHec();
    f.s(`httpEventCollectorToken = ${hec}`, 'splunk', hec);
    f.l('uri = https://splunk-hec.acme-sec.io:8088', '', '[tcpout]', 'defaultGroup = idx');
  }
  {
    const f = repo.file('soar/playbooks/splunk_search.py', 'soar');
    f.l('import splunklib.client as client', '');
    const jwt = x.splunkJwt();
    f.s(`SPLUNK_TOKEN = "${jwt}"`, 'splunk', jwt);
    f.l('service = client.connect(host="splunk.acme-sec.io", port=8089, splunkToken=SPLUNK_TOKEN)');
  }
  {
    const f = repo.file('siem/elastic/filebeat.yml', 'siem');
    f.l(
      'filebeat.inputs:',
      '  - type: filestream',
      '    paths: [/var/log/zeek/*.log]',
      'output.elasticsearch:',
      '  hosts: ["https://es01.acme-sec.io:9200"]',
    );
    const ek = x.elasticKey();
    f.s(`  api_key: "${ek}"`, 'elastic', ek);
    f.l('setup.kibana:', '  host: "https://kibana.acme-sec.io:5601"', '  username: "elastic"');
    const p = human();
    f.s(`  password: "${p}"`, 'generic', p);
  }
  {
    const f = repo.file('siem/elastic/detections/export.sh', 'siem');
    const ek = x.elasticKey();
    f.s(
      `curl -s -H "Authorization: ApiKey ${ek}" https://kibana.acme-sec.io:5601/api/detection_engine/rules/_export -XPOST -H 'kbn-xsrf: true'`,
      'elastic',
      ek,
    );
    const p = human();
    f.s(`curl -s -u elastic:${p} "https://es01.acme-sec.io:9200/_cat/indices?v"`, 'generic', p);
  }
  {
    const f = repo.file('siem/sentinel/send_to_log_analytics.py', 'siem');
    f.l('import base64, hashlib, hmac, requests', '');
    f.d(`customer_id = "${t.uuid()}"  # Log Analytics workspace id`, 'workspace id');
    const wk = x.workspaceKey();
    f.s(`shared_key = "${wk}"`, 'azure', wk);
    f.l('log_type = "AcmeHoneypot"');
  }
  {
    const f = repo.file('siem/sentinel/connectors/defender.tfvars', 'siem');
    f.d(`tenant_id     = "${t.uuid()}"`, 'tenant id');
    f.d(`client_id     = "${t.uuid()}"`, 'app client id');
    const cs = t.azureClientSecret();
    f.s(`client_secret = "${cs}"`, 'azure', cs);
    f.d(`workspace_id  = "${t.uuid()}"`, 'workspace id');
  }
  {
    const f = repo.file('soar/integrations/qradar.py', 'soar');
    f.l('import requests', '');
    const sec = x.qradarSec();
    f.s(`HEADERS = {"SEC": "${sec}", "Version": "17.0", "Accept": "application/json"}`, 'generic', sec);
    f.l('r = requests.get("https://qradar.acme-sec.io/api/siem/offenses", headers=HEADERS, verify=False)');
    f.d('r2 = requests.get(URL, headers={"SEC": os.environ["QRADAR_SEC_TOKEN"]})', 'env lookup');
  }
  {
    const f = repo.file('soar/integrations/edr.env', 'soar');
    f.l('# EDR integrations for the SOAR worker');
    f.d(`FALCON_CLIENT_ID=${x.crowdstrikeId()}`, 'crowdstrike client id');
    const cs = x.crowdstrikeSecret();
    f.s(`FALCON_CLIENT_SECRET=${cs}`, 'generic', cs);
    f.l('FALCON_BASE_URL=https://api.us-2.crowdstrike.com');
    const s1 = x.s1Jwt();
    f.s(`S1_API_TOKEN=${s1}`, 'generic', s1);
    f.l('S1_CONSOLE=https://usea1-acme.sentinelone.net');
    f.d('DEFENDER_CLIENT_SECRET=', 'empty');
  }
  {
    const f = repo.file('soar/integrations/falcon_contain.py', 'soar');
    f.l('from falconpy import Hosts', '');
    const id = x.crowdstrikeId();
    const cs = x.crowdstrikeSecret();
    f.l(`falcon = Hosts(client_id="${id}",`);
    f.s(`               client_secret="${cs}")`, 'generic', cs);
    f.d(`falcon.perform_action(action_name="contain", ids=["${t.hex(32)}"])`, 'device id');
  }
  {
    const f = repo.file('soar/integrations/sentinelone.ps1', 'soar');
    const s1 = x.s1Jwt();
    f.s(`$Headers = @{ Authorization = "ApiToken ${s1}" }`, 'generic', s1);
    f.l('Invoke-RestMethod -Uri "https://usea1-acme.sentinelone.net/web/api/v2.1/threats" -Headers $Headers');
  }

  // ---- vulnerability scanners -------------------------------------------------------------------
  {
    const f = repo.file('scanners/tenable/export_vulns.py', 'scanner');
    f.l('from tenable.io import TenableIO', '');
    const ak = x.tenable();
    const sk = x.tenable();
    f.s(`ACCESS_KEY = "${ak}"`, 'generic', ak);
    f.s(`SECRET_KEY = "${sk}"`, 'generic', sk);
    f.l('tio = TenableIO(ACCESS_KEY, SECRET_KEY)');
  }
  {
    const f = repo.file('scanners/nessus/launch_scan.sh', 'scanner');
    const ak = x.tenable();
    const sk = x.tenable();
    f.s(
      `curl -sk -H "X-ApiKeys: accessKey=${ak}; secretKey=${sk}" https://nessus.acme-sec.io:8834/scans/42/launch -X POST`,
      'generic',
      sk,
    );
    f.d(
      'curl -sk -H "X-ApiKeys: accessKey=$NESSUS_AK; secretKey=$NESSUS_SK" https://nessus.acme-sec.io:8834/scans',
      'variables',
    );
  }
  {
    const f = repo.file('scanners/qualys/qualys.ini', 'scanner');
    f.l('[info]', 'hostname = qualysapi.qg2.apps.qualys.com', 'username = acmes3ab');
    const p = human();
    f.s(`password = ${p}`, 'generic', p);
    f.l('max_retries = 5');
  }
  {
    const f = repo.file('scanners/insightvm/sync.yaml', 'scanner');
    f.l('insightvm:', '  console: https://insightvm.acme-sec.io:3780', '  user: nxadmin');
    const p = human();
    f.s(`  password: "${p}"`, 'generic', p);
    f.l('insight_platform:', '  region: us');
    const k = t.uuid();
    f.s(`  api_key: ${k}`, 'generic', k);
  }

  // ---- identity: Duo, Okta, Vault ---------------------------------------------------------------
  {
    const f = repo.file('identity/duo/authproxy.cfg', 'identity');
    f.l('[ad_client]', 'host=dc01.acme-sec.io', 'service_account_username=svc_duo');
    const p = human();
    f.s(`service_account_password=${p}`, 'generic', p);
    f.l('search_dn=DC=acme-sec,DC=io', '', '[radius_server_auto]');
    f.d(`ikey=${x.duoIkey()}`, 'duo integration key (an id)');
    const sk = x.duoSkey();
    f.s(`skey=${sk}`, 'duo', sk);
    f.l(`api_host=api-${t.hex(8)}.duosecurity.com`, 'radius_ip_1=10.10.0.5');
    const rs = human();
    f.s(`radius_secret_1=${rs}`, 'generic', rs);
  }
  {
    const f = repo.file('identity/duo/admin_audit.py', 'identity');
    f.l('import duo_client', '');
    const ik = x.duoIkey();
    const sk = x.duoSkey();
    f.l('admin_api = duo_client.Admin(', `    ikey="${ik}",`);
    f.s(`    skey="${sk}",`, 'duo', sk);
    f.l(`    host="api-${t.hex(8)}.duosecurity.com",`, ')');
  }
  {
    const f = repo.file('identity/okta/offboard.sh', 'identity');
    const ok = x.okta();
    f.s(
      `curl -s -X POST -H "Authorization: SSWS ${ok}" "https://acme-sec.okta.com/api/v1/users/$1/lifecycle/suspend"`,
      'okta',
      ok,
    );
    f.d('curl -s -H "Authorization: SSWS ${OKTA_API_TOKEN}" https://acme-sec.okta.com/api/v1/users/me', 'variable');
  }
  {
    const f = repo.file('identity/okta/okta.yaml', 'identity');
    f.l('okta:', '  client:', '    orgUrl: https://acme-sec.okta.com');
    const ok = x.okta();
    f.s(`    token: ${ok}`, 'okta', ok);
    f.d(`    clientId: 0oa${t.mixed(ALNUM, 17)}`, 'okta client id');
  }
  {
    const f = repo.file('ops/scripts/fetch-secrets.sh', 'identity');
    f.l('#!/usr/bin/env bash', 'export VAULT_ADDR=https://vault.acme-sec.io:8200');
    const v = x.vault();
    f.s(`export VAULT_TOKEN=${v}`, 'vault', v);
    f.l('vault kv get -field=api_key secret/soar/virustotal');
    const v2 = x.vaultLegacy();
    f.s(`VAULT_TOKEN=${v2} vault kv get secret/scanners/tenable`, 'vault', v2);
    f.d('vault kv get -field=password secret/engagements/acme/svc_backup', 'vault path');
  }

  // ---- decoys: IOCs, YARA, Sigma, CVEs, phishing, test vectors ----------------------------------
  {
    const f = repo.file('intel/iocs/2026-q1-campaign.csv', 'ioc');
    f.l('type,value,first_seen,comment');
    f.d(`sha256,${t.sha256()},2026-01-14,loader`, 'ioc sha256');
    f.d(`md5,${t.hex(32)},2026-01-14,loader dropper`, 'ioc md5');
    f.d(`sha1,${t.sha1()},2026-01-15,payload`, 'ioc sha1');
    f.d(`ip,${pubIp()},2026-01-15,c2`, 'ioc ip');
    f.d(`domain,update-${t.lower(6)}[.]com,2026-01-16,c2 (defanged)`, 'ioc domain');
    f.d(`url,hxxps://cdn-${t.lower(5)}[.]net/${t.mixed(ALNUM, 12)}/gate.php,2026-01-16,panel`, 'ioc url');
    f.d(`ja3,${t.hex(32)},2026-01-17,beacon tls fingerprint`, 'ja3 hash');
    f.d(`imphash,${t.hex(32)},2026-01-17,loader`, 'imphash');
  }
  {
    const f = repo.file('intel/reports/2026-q1-campaign.md', 'ioc');
    f.l('# Campaign report: Q1 2026', '', 'The actor exploited CVE-2024-3400 and CVE-2023-4966 (Citrix Bleed).', '');
    f.d(`The loader (SHA-256 \`${t.sha256()}\`) beacons to \`${pubIp()}\` every 60 s.`, 'ioc in prose');
    f.d(`Cobalt Strike watermark 987654321, public key hash ${t.hex(32)}.`, 'beacon config hash');
    f.d(`The beacon's config XOR key is 0x2e; the C2 profile sets \`set useragent "Mozilla/5.0"\`.`, 'prose');
    f.d(
      `Stolen session cookies were replayed: \`NSC_AAAC=${t.hex(32)}${t.hex(32).slice(0, 8)}45525d5f4f58455e445a4a42\` (expired, from the victim's logs).`,
      'expired session cookie IOC',
    );
  }
  {
    const f = repo.file('detections/yara/acme_loader.yar', 'yara');
    f.l('rule Acme_Loader_2026 {', '  meta:', '    author = "acme-sec"');
    f.d(`    hash = "${t.sha256()}"`, 'yara meta hash');
    f.l('  strings:');
    f.d(`    $s1 = "${t.mixed(ALNUM, 24)}" ascii wide`, 'yara string (malware config)');
    f.d(
      `    $key = { ${Array.from({ length: 16 }, () => t.pick(HEX, 2).toUpperCase()).join(' ')} }`,
      'yara hex string',
    );
    f.d(`    $b64 = "${t.mixed(ALNUM, 28)}=="`, 'yara base64 string');
    f.d('    $pw = "password=" nocase', 'yara string');
    f.l('  condition:', '    uint16(0) == 0x5A4D and 2 of them', '}');
  }
  {
    const f = repo.file('detections/sigma/cme_password_spray.yml', 'sigma');
    f.l(
      'title: NetExec password spray',
      `id: ${t.uuid()}`,
      'logsource:',
      '  category: process_creation',
      'detection:',
      '  selection:',
    );
    f.d("    CommandLine|contains|all: [' -u ', ' -p ', 'smb']", 'sigma selection');
    f.d("    CommandLine|contains: '-hashes aad3b435b51404eeaad3b435b51404ee:'", 'sigma detects empty LM hash');
    f.l('  condition: selection', 'level: high');
  }
  {
    const f = repo.file('phishing/gophish/templates/o365-reset.html', 'phishing');
    f.l('<html><body>', '<p>Hi {{.FirstName}},</p>', '<p>Your Microsoft 365 password expires today.</p>');
    f.d('<a href="{{.URL}}">Keep my current password</a>', 'gophish template variable');
    f.d(
      '<p>Example: your password <b>Autumn2025!</b> will stop working at 17:00.</p>',
      'fake credential in phishing template',
    );
    f.l('{{.Tracker}}', '</body></html>');
  }
  {
    const f = repo.file('phishing/gophish/landing/login.html', 'phishing');
    f.l('<form method="post" action="">');
    f.d('  <input type="email" name="username" placeholder="someone@example.com">', 'form field');
    f.d('  <input type="password" name="password" placeholder="Password" value="">', 'empty password field');
    f.d(`  <input type="hidden" name="rid" value="${t.mixed(ALNUM, 7)}">`, 'gophish recipient id');
    f.l('</form>');
  }
  {
    const f = repo.file('phishing/gophish/config.json', 'phishing');
    f.l(
      '{',
      '  "admin_server": {',
      '    "listen_url": "127.0.0.1:3333",',
      '    "use_tls": true,',
      '    "cert_path": "gophish_admin.crt",',
      '    "key_path": "gophish_admin.key"',
      '  },',
    );
    const p = human();
    f.s(
      `  "db_name": "mysql", "db_path": "gophish:${p}@(db.acme-sec.io:3306)/gophish?charset=utf8&parseTime=True&loc=UTC",`,
      'generic',
      p,
    );
    f.l('  "migrations_prefix": "db/db_"', '}');
  }
  {
    const f = repo.file('tools/crypto/test/vectors_test.py', 'test-vectors');
    f.l('# RFC 4231 HMAC-SHA256 and FIPS-197 AES vectors');
    f.d('KEY_1 = bytes.fromhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b")', 'rfc4231 test key');
    f.d('EXPECTED_1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"', 'rfc4231 expected mac');
    f.d('AES_KEY = "000102030405060708090a0b0c0d0e0f"', 'fips-197 key');
    f.d('AES_CT = "69c4e0d86a7b0430d8cdb78070b4c55a"', 'fips-197 ciphertext');
    f.d(`RANDOM_NONCE = "${t.hex(24)}"  # fixed nonce for deterministic tests`, 'test nonce');
  }
  {
    const f = repo.file('recon/config/subfinder/provider-config.example.yaml', 'placeholder');
    f.d('shodan:\n  - SHODAN_API_KEY_HERE', 'placeholder');
    f.d('censys:\n  - CENSYS_API_ID:CENSYS_API_SECRET', 'placeholder');
    f.d('virustotal:\n  - ${VIRUSTOTAL_API_KEY}', 'variable');
    f.d('securitytrails:\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder x');
    f.d('github:\n  - ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
  }
  {
    const f = repo.file('README.md', 'docs');
    f.l('# acme-sec tooling', '', 'Recon configs, engagement notes and SOAR integrations.', '');
    f.d('Set `SHODAN_API_KEY`, `VT_API_KEY` and `HUNTER_API_KEY` before running `make recon`.', 'prose');
    f.d('Duo: put the integration key in `ikey` and the secret key in `skey` (see authproxy.cfg.example).', 'prose');
    f.d(`Report hashes with \`sha256sum\`; e.g. the sample \`${t.sha256()}\` from CVE-2023-4966.`, 'sample hash');
  }
  return repo;
}
