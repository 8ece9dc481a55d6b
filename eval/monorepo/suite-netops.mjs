// Red-team suite "netops": network and security appliance configuration as operators commit it:
// Cisco IOS/ASA/NX-OS, Juniper (set and curly), MikroTik, pfSense/OPNsense, VyOS, FortiGate,
// Palo Alto, WireGuard, OpenVPN, strongSwan, keepalived, BIND TSIG, DHCP OMAPI, FreeRADIUS,
// LDAP/Kerberos, SNMPv3, Zabbix, Nagios, Prometheus/Alertmanager, Grafana, Vault runbooks,
// Ansible network inventories, netmiko/napalm, Expect, RANCID, Oxidized and CSV inventories.
// Decoys are what those files really hold: password hashes (type 5/8/9, $6$, bcrypt), Junos $9$
// and FortiGate ENC ciphertext, public keys, certificates, ids, placeholders, documented defaults.
import { ALNUM, DIGIT, LOWER, UPPER, Repo, makeTokens, mulberry32 } from './generate.mjs';

function crc32(str) {
  let c = 0xffffffff;
  for (const b of Buffer.from(str)) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function netTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64 = (n) => bytes(n).toString('base64');
  const CRYPT = './' + DIGIT + UPPER + LOWER;
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech', 'Netops'])}${one(['2024', '2025', '2026'])}${one(['!', '#', '$'])}`,
      () => `${one(['Cisco', 'Juniper', 'Router', 'Switch'])}${t.digits(3)}${one(['!', '@', '#'])}${t.lower(3)}`,
      () => `${one(['blue', 'green', 'amber', 'silver'])}-${one(['horse', 'river', 'piano', 'comet'])}-${t.digits(2)}`,
      () => `${one(['N3tw0rk', 'Adm1n', 'R0uter', 'Sw1tch'])}${one(['_', '-', '.'])}${t.digits(4)}`,
    ])();
  // A password that survives unquoted in device CLIs and XML (no spaces, quotes, <, >, &, ?).
  const pw = () => (rand() < 0.5 ? human() : t.password());
  const plain = () => {
    for (;;) {
      const v = pw();
      if (!/[$"'\\]/.test(v)) return v;
    }
  };
  return {
    one,
    b64,
    pw,
    plain,
    human,
    alnumPw: (n = 16) => t.mixed(ALNUM, n),
    md5crypt: () => `$1$${t.pick(CRYPT, 4)}$${t.pick(CRYPT, 22)}`,
    type8: () => `$8$${t.pick(CRYPT, 14)}$${t.pick(CRYPT, 43)}`,
    type9: () => `$9$${t.pick(CRYPT, 14)}$${t.pick(CRYPT, 43)}`,
    nxos5: () => `$5$${t.pick(CRYPT, 8)}$${t.pick(CRYPT, 43)}`,
    sha512crypt: () => `$6$${t.pick(CRYPT, 16)}$${t.pick(CRYPT, 86)}`,
    bcrypt: () => `$2y$10$${t.pick(CRYPT, 53)}`,
    junos9: (n = 24) => `$9$${t.pick(ALNUM + './-', n)}`,
    fortiEnc: () => `ENC ${b64(84)}`,
    panEnc: () => `-AQ==${b64(20)}${b64(33)}`,
    asaEncrypted: () => t.mixed(ALNUM, 16),
    wgKey: () => b64(32),
    tsig: (n = 32) => b64(n),
    zabbixPsk: () => t.hex(64),
    hvs: () => `hvs.${t.mixed(ALNUM + '_-', 90)}`,
    hvsLegacy: () => `s.${t.mixed(ALNUM, 24)}`,
    unseal: () => b64(32),
    glsa: () => {
      // Grafana's checksum: CRC32-IEEE of "glsa_<secret>" as four little-endian bytes in hex.
      const head = `glsa_${t.mixed(ALNUM, 32)}`;
      const le = Buffer.alloc(4);
      le.writeUInt32LE(crc32(head));
      return `${head}_${le.toString('hex')}`;
    },
    panKey: () => `LUFRPT1${t.mixed(ALNUM, 40)}${b64(30)}`,
    bearer: () => t.mixed(ALNUM + '-_', 48),
    staticKey: () => {
      const lines = ['-----BEGIN OpenVPN Static key V1-----'];
      for (let i = 0; i < 16; i++) lines.push(t.pick('0123456789abcdef', 32));
      lines.push('-----END OpenVPN Static key V1-----');
      return lines;
    },
    cert: () => {
      const body = Buffer.concat([Buffer.from('308203', 'hex'), bytes(700)]).toString('base64');
      return ['-----BEGIN CERTIFICATE-----', ...body.match(/.{1,64}/g), '-----END CERTIFICATE-----'];
    },
    sshRsa: () => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${b64(255).replace(/=+$/, '')}`,
    mac: () => Array.from({ length: 6 }, () => t.pick('0123456789abcdef', 2)).join(':'),
    ciscoMac: () =>
      `${t.pick('0123456789abcdef', 4)}.${t.pick('0123456789abcdef', 4)}.${t.pick('0123456789abcdef', 4)}`,
    serial: () => `FOC${t.digits(4)}${t.pick(UPPER, 1)}${t.pick(UPPER + DIGIT, 3)}`,
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6151 + 443);
  const t = makeTokens(rand);
  const x = netTokens(rand, t);
  const repo = new Repo();

  cisco(repo, t, x);
  juniper(repo, t, x);
  appliances(repo, t, x);
  vpn(repo, t, x);
  services(repo, t, x);
  monitoring(repo, t, x);
  vault(repo, t, x);
  automation(repo, t, x);
  return repo;
}

function cisco(repo, t, x) {
  // ---- IOS core router, as saved with `show running-config` after a hand edit.
  const core = repo.file('configs/cisco/ios/core-rtr01.cfg', 'cisco');
  core.l('!', '! Last configuration change at 14:02:11 UTC Tue Mar 4 2025 by netops', '!', 'version 17.9');
  core.l('service timestamps debug datetime msec', 'service password-encryption', 'hostname core-rtr01', '!');
  core.d(`enable secret 9 ${x.type9()}`, 'IOS type 9 scrypt hash');
  core.l('!', 'aaa new-model', 'aaa authentication login default group TACACS local', '!');
  core.d(`username netops privilege 15 secret 9 ${x.type9()}`, 'IOS type 9 hash');
  core.d(`username backup privilege 15 secret 8 ${x.type8()}`, 'IOS type 8 hash');
  core.d(`username legacy privilege 1 secret 5 ${x.md5crypt()}`, 'IOS type 5 md5crypt hash');
  const breakglass = x.plain();
  core.s(`username breakglass privilege 15 password 0 ${breakglass}`, 'generic', breakglass);
  core.l('!', 'tacacs server TAC-PRIMARY', ' address ipv4 10.10.0.21');
  const tac = x.plain();
  core.s(` key 0 ${tac}`, 'generic', tac);
  core.l(' timeout 5', '!', 'radius server ISE-01', ' address ipv4 10.10.0.31 auth-port 1812 acct-port 1813');
  const rad = x.alnumPw(20);
  core.s(` key ${rad}`, 'generic', rad);
  core.l('!', 'key chain OSPF-AREA0', ' key 1');
  const ks = x.plain();
  core.s(`  key-string ${ks}`, 'generic', ks);
  core.l('   cryptographic-algorithm hmac-sha-256', '!');
  const ntp = x.alnumPw(12);
  core.s(`ntp authentication-key 1 md5 ${ntp}`, 'generic', ntp);
  core.l('ntp authenticate', 'ntp trusted-key 1', 'ntp server 10.10.0.5 key 1', '!');
  const isakmp = x.plain();
  core.s(`crypto isakmp key ${isakmp} address 203.0.113.10`, 'generic', isakmp);
  core.l('!', 'interface GigabitEthernet0/0/0', ' description UPLINK-ISP-A');
  core.d(` mac-address ${x.ciscoMac()}`, 'MAC address');
  core.l(' ip address 198.51.100.2 255.255.255.252', '!', 'router bgp 65010', ' neighbor 198.51.100.1 remote-as 64500');
  const bgp = x.plain();
  core.s(` neighbor 198.51.100.1 password ${bgp}`, 'generic', bgp);
  core.l('!');
  core.d('snmp-server community public RO 99', 'vendor default community public');
  const comm = x.alnumPw(14);
  core.s(`snmp-server community ${comm} RW 98`, 'generic', comm);
  core.l(
    'snmp-server location DC1-Row4-Rack12',
    '!',
    'crypto pki certificate chain TP-self-signed-1234567',
    ' certificate self-signed 01',
  );
  core.d(
    `  3082024E 30820 1B7A0 03020102 02010130 0D06092A 864886F7 0D010105 ${t.hex(8).toUpperCase()}`,
    'certificate hex dump',
  );
  core.d(
    `  ${t.hex(8).toUpperCase()} ${t.hex(8).toUpperCase()} ${t.hex(8).toUpperCase()} ${t.hex(8).toUpperCase()}`,
    'certificate hex dump',
  );
  core.l('  \tquit', '!', 'line vty 0 4', ' transport input ssh', '!', 'end');

  // ---- access switch
  const sw = repo.file('configs/cisco/ios/access-sw12.cfg', 'cisco');
  sw.l('hostname access-sw12', '!');
  const en = x.plain();
  sw.s(`enable password ${en}`, 'generic', en);
  sw.d(`enable secret 5 ${x.md5crypt()}`, 'type 5 hash');
  sw.l('!');
  sw.d('username admin privilege 15 algorithm-type scrypt secret 0 <CHANGE_ME>', 'placeholder');
  const vty = x.plain();
  sw.l('line con 0', ' logging synchronous', 'line vty 0 15');
  sw.s(` password ${vty}`, 'generic', vty);
  sw.l(' login', '!', 'dot1x system-auth-control', 'radius-server host 10.20.0.31 auth-port 1812 acct-port 1813');
  const rk = x.plain();
  sw.s(`radius-server key ${rk}`, 'generic', rk);
  const tk = x.plain();
  sw.s(`tacacs-server host 10.20.0.21 key ${tk}`, 'generic', tk);
  sw.l('!', 'dot11 ssid CORP-IOT', ' authentication key-management wpa version 2');
  const wpa = x.plain();
  sw.s(` wpa-psk ascii 0 ${wpa}`, 'generic', wpa);
  sw.d(`! chassis serial ${x.serial()}`, 'serial number');
  sw.d('snmp-server community private RW', 'vendor default community private');

  // ---- Jinja template for branch routers: secrets come from vars, with one hard-coded fallback
  const j2 = repo.file('templates/cisco/branch-rtr.cfg.j2', 'cisco');
  j2.l('hostname {{ inventory_hostname }}', '!');
  j2.d('enable secret 0 {{ vault_enable_secret }}', 'template reference');
  j2.d('username {{ local_user }} privilege 15 secret 0 {{ vault_local_password }}', 'template reference');
  j2.d('tacacs-server key {{ tacacs_key | default(omit) }}', 'template reference');
  const fallback = x.plain();
  j2.s(`snmp-server community {{ snmp_ro | default('${fallback}') }} RO`, 'generic', fallback);
  j2.d(
    'crypto isakmp key {{ lookup("hashi_vault", "secret=net/data/ipsec:psk") }} address {{ hub_ip }}',
    'vault lookup',
  );

  // ---- ASA
  const asa = repo.file('configs/cisco/asa/fw-edge01.cfg', 'cisco');
  asa.l(': Saved', ':', 'ASA Version 9.16(4)', '!', 'hostname fw-edge01', 'domain-name corp.acme.example');
  asa.d(`enable password ${x.asaEncrypted()} encrypted`, 'ASA encrypted enable password (MD5)');
  asa.d(`username admin password ${x.asaEncrypted()} encrypted privilege 15`, 'ASA encrypted user password');
  asa.d(
    `username ops password ${x.sha512crypt().replace('$6$', '$sha512$5000$')} pbkdf2 privilege 15`,
    'ASA pbkdf2 hash',
  );
  asa.l('!', 'tunnel-group 203.0.113.44 type ipsec-l2l', 'tunnel-group 203.0.113.44 ipsec-attributes');
  const l2l = x.plain();
  asa.s(` ikev1 pre-shared-key ${l2l}`, 'generic', l2l);
  const ikev2 = x.alnumPw(24);
  asa.s(` ikev2 remote-authentication pre-shared-key ${ikev2}`, 'generic', ikev2);
  asa.d(' ikev2 local-authentication pre-shared-key *****', 'masked in show run');
  asa.l(
    '!',
    'aaa-server LDAP-AD protocol ldap',
    'aaa-server LDAP-AD (inside) host 10.30.0.10',
    ' ldap-base-dn DC=corp,DC=acme,DC=example',
  );
  const ldapPw = x.plain();
  asa.s(` ldap-login-password ${ldapPw}`, 'generic', ldapPw);
  asa.l(' ldap-login-dn CN=svc-asa,OU=Service,DC=corp,DC=acme,DC=example', '!');
  asa.d(`failover key ******`, 'masked');
  asa.d(`Cryptochecksum:${t.hex(32)}`, 'config checksum');
  asa.l(': end');

  // ---- NX-OS
  const nx = repo.file('configs/cisco/nxos/dc-leaf03.cfg', 'cisco');
  nx.l(
    '!Command: show running-config',
    '!Running configuration last done at: Mon Feb 10 09:12:44 2025',
    'version 10.3(4a) Bios:version 05.47',
    'hostname dc-leaf03',
  );
  nx.d(`username admin password 5 ${x.nxos5()}  role network-admin`, 'NX-OS type 5 sha256crypt');
  nx.d(`username ansible password 5 ${x.nxos5()}  role network-operator`, 'NX-OS type 5');
  nx.d(`username admin sshkey ${x.sshRsa()}`, 'ssh public key');
  const nxr = x.plain();
  nx.s(`radius-server host 10.40.0.31 key 0 "${nxr}" authentication accounting`, 'generic', nxr);
  const nxt = x.alnumPw(18);
  nx.s(`tacacs-server host 10.40.0.21 key 0 ${nxt}`, 'generic', nxt);
  nx.d(
    `snmp-server user admin network-admin auth md5 0x${t.hex(32)} priv 0x${t.hex(32)} localizedkey`,
    'localized SNMP key',
  );
  const nxAuth = x.plain();
  nx.s(`snmp-server user monitor network-operator auth sha ${nxAuth} priv aes-128 ${x.plain()}`, 'generic', nxAuth);
  nx.l('vpc domain 10', '  peer-keepalive destination 10.255.0.2 source 10.255.0.1');
  nx.d(`  system-mac ${x.ciscoMac()}`, 'system mac');
}

function juniper(repo, t, x) {
  // ---- curly config as saved by `show configuration`: all $9$ / $6$
  const mx = repo.file('configs/juniper/mx-core01.conf', 'juniper');
  mx.l(
    '## Last commit: 2025-03-02 11:20:05 UTC by netops',
    'version 22.4R2.8;',
    'system {',
    '    host-name mx-core01;',
    '    root-authentication {',
  );
  mx.d(`        encrypted-password "${x.sha512crypt()}"; ## SECRET-DATA`, 'sha512crypt hash');
  mx.l(
    '    }',
    '    login {',
    '        user netops {',
    '            uid 2001;',
    '            class super-user;',
    '            authentication {',
  );
  mx.d(`                encrypted-password "${x.sha512crypt()}"; ## SECRET-DATA`, 'sha512crypt hash');
  mx.d(`                ssh-rsa "${x.sshRsa()} netops@jump01"; ## SECRET-DATA`, 'ssh public key');
  mx.l('            }', '        }', '    }', '    radius-server {', '        10.50.0.31 {');
  mx.d(`            secret "${x.junos9(32)}"; ## SECRET-DATA`, 'Junos $9$ ciphertext');
  mx.l('        }', '    }', '}', 'protocols {', '    bgp {', '        group TRANSIT {');
  mx.d(`            authentication-key "${x.junos9(28)}"; ## SECRET-DATA`, 'Junos $9$ ciphertext');
  mx.l(
    '        }',
    '    }',
    '    ospf {',
    '        area 0.0.0.0 {',
    '            interface ae0.0 {',
    '                authentication {',
    '                    md5 1 key',
  );
  mx.d(`                    "${x.junos9(20)}"; ## SECRET-DATA`, 'Junos $9$ on its own line');
  mx.l('                }', '            }', '        }', '    }', '}');
  // plain-text key left in an edited copy
  mx.l(
    'snmp {',
    '    v3 {',
    '        usm {',
    '            local-engine {',
    '                user nms {',
    '                    authentication-sha {',
  );
  const usm = x.plain();
  mx.s(`                        authentication-password "${usm}";`, 'generic', usm);
  mx.l('                    }', '                }', '            }', '        }', '    }', '}');

  // ---- set-style file loaded with `load set`: clear-text values
  const srx = repo.file('configs/juniper/srx-branch07.set', 'juniper');
  srx.l('set system host-name srx-branch07', 'set system root-authentication plain-text-password');
  srx.d(`set system root-authentication encrypted-password "${x.sha512crypt()}"`, 'hash');
  const rs = x.plain();
  srx.s(`set system radius-server 10.50.0.31 secret "${rs}"`, 'generic', rs);
  const tac = x.alnumPw(16);
  srx.s(`set system tacplus-server 10.50.0.21 secret ${tac}`, 'generic', tac);
  const ike = x.plain();
  srx.s(`set security ike policy IKE-POL-HQ pre-shared-key ascii-text "${ike}"`, 'generic', ike);
  srx.d(`set security ike policy IKE-POL-DR pre-shared-key ascii-text "${x.junos9(40)}"`, 'Junos $9$ ciphertext');
  const comm = x.alnumPw(12);
  srx.s(`set snmp community ${comm} authorization read-only`, 'generic', comm);
  const bgp = x.plain();
  srx.s(`set protocols bgp group ISP authentication-key "${bgp}"`, 'generic', bgp);
  srx.d(`set system ntp authentication-key 1 type sha256 value "${x.junos9(30)}"`, 'Junos $9$');
  srx.d('set system login user vpnops authentication plain-text-password', 'interactive prompt, no value');
}

function appliances(repo, t, x) {
  // ---- MikroTik export
  const mt = repo.file('configs/mikrotik/hap-office.rsc', 'mikrotik');
  mt.l(
    '# 2025-03-01 10:02:33 by RouterOS 7.14.2',
    '# software id = 7KQ2-ABCD',
    '# model = RB962UiGS-5HacT2HnT',
    '/interface bridge',
    'add admin-mac=48:A9:8A:11:22:33 auto-mac=no name=bridge',
  );
  const wifi = x.plain();
  mt.l('/interface wireless security-profiles');
  mt.s(
    `set [ find default=yes ] authentication-types=wpa2-psk mode=dynamic-keys supplicant-identity=MikroTik wpa2-pre-shared-key=${wifi}`,
    'generic',
    wifi,
  );
  mt.l('/ppp secret');
  const ppp = x.plain();
  mt.s(`add name=branch-l2tp password=${ppp} profile=default-encryption service=l2tp`, 'generic', ppp);
  mt.l('/ip ipsec peer', 'add address=203.0.113.70/32 exchange-mode=ike2 name=hq');
  const mtpsk = x.alnumPw(22);
  mt.l('/ip ipsec identity');
  mt.s(`add peer=hq secret="${mtpsk}"`, 'generic', mtpsk);
  mt.l('/snmp community');
  mt.d('set [ find default=yes ] name=public', 'default community');
  mt.l('/user');
  const mtu = x.plain();
  mt.s(`add group=full name=backup password="${mtu}"`, 'generic', mtu);
  mt.d(`/system identity set name=hap-office  # serial ${t.alnum(12).toUpperCase()}`, 'serial');

  // ---- pfSense config.xml
  const pf = repo.file('configs/pfsense/config.xml', 'pfsense');
  pf.l(
    '<?xml version="1.0"?>',
    '<pfsense>',
    '\t<version>23.3</version>',
    '\t<system>',
    '\t\t<user>',
    '\t\t\t<name>admin</name>',
  );
  pf.d(`\t\t\t<bcrypt-hash>${x.bcrypt()}</bcrypt-hash>`, 'bcrypt hash');
  pf.d(`\t\t\t<uid>0</uid><apikeys></apikeys>`, 'empty');
  pf.l(
    '\t\t</user>',
    '\t</system>',
    '\t<ipsec>',
    '\t\t<phase1>',
    '\t\t\t<ikeid>1</ikeid>',
    '\t\t\t<authentication_method>pre_shared_key</authentication_method>',
  );
  const pfpsk = x.plain();
  pf.s(`\t\t\t<pre-shared-key>${pfpsk}</pre-shared-key>`, 'generic', pfpsk);
  pf.l('\t\t</phase1>', '\t</ipsec>', '\t<openvpn>', '\t\t<openvpn-server>', '\t\t\t<vpnid>1</vpnid>');
  const tls = x.staticKey().join('\n');
  pf.s(`\t\t\t<tls>${Buffer.from(tls + '\n').toString('base64')}</tls>`, 'generic', tls.split('\n')[3]);
  pf.d(`\t\t\t<caref>${t.hex(13)}</caref>`, 'CA reference id');
  pf.l(
    '\t\t</openvpn-server>',
    '\t</openvpn>',
    '\t<system>',
    '\t\t<authserver>',
    '\t\t\t<type>ldap</type>',
    '\t\t\t<ldap_binddn>CN=svc-pfsense,OU=Service,DC=corp,DC=acme,DC=example</ldap_binddn>',
  );
  const bind = x.plain();
  pf.s(`\t\t\t<ldap_bindpw>${bind}</ldap_bindpw>`, 'generic', bind);
  pf.l('\t\t</authserver>', '\t</system>', '\t<installedpackages>', '\t\t<freeradiusclients>', '\t\t\t<config>');
  const frc = x.alnumPw(20);
  pf.s(`\t\t\t\t<varclientsharedsecret>${frc}</varclientsharedsecret>`, 'generic', frc);
  pf.l('\t\t\t</config>', '\t\t</freeradiusclients>', '\t</installedpackages>');
  pf.d(
    `\t<revision><time>1740830400</time><description>admin@10.0.0.5 (Local Database): saved</description></revision>`,
    'revision',
  );
  pf.l('</pfsense>');

  // ---- OPNsense config.xml
  const op = repo.file('configs/opnsense/config.xml', 'pfsense');
  op.l('<?xml version="1.0"?>', '<opnsense>', '  <system>', '    <user>', '      <name>root</name>');
  op.d(`      <password>${x.bcrypt()}</password>`, 'bcrypt hash');
  op.l('      <apikeys>', '        <item>');
  op.d(`          <key>${t.mixed(ALNUM + '+/', 80)}</key>`, 'OPNsense API key id (the secret is stored hashed)');
  op.d(`          <secret>${x.sha512crypt()}</secret>`, 'crypt hash of the API secret');
  op.l(
    '        </item>',
    '      </apikeys>',
    '    </user>',
    '  </system>',
    '  <OPNsense>',
    '    <wireguard>',
    '      <server>',
    '        <servers>',
    '          <server uuid="3b2f1d4e-0c1a-4c55-9d7e-2b8c0a6f1e11">',
  );
  const opwg = x.wgKey();
  op.s(`            <privkey>${opwg}</privkey>`, 'generic', opwg);
  op.d(`            <pubkey>${x.wgKey()}</pubkey>`, 'wireguard public key');
  op.l(
    '          </server>',
    '        </servers>',
    '      </server>',
    '    </wireguard>',
    '  </OPNsense>',
    '</opnsense>',
  );

  // ---- VyOS config.boot
  const vy = repo.file('configs/vyos/config.boot', 'vyos');
  vy.l('system {', '    host-name vyos-edge', '    login {', '        user vyos {', '            authentication {');
  vy.d(`                encrypted-password ${x.sha512crypt()}`, 'hash');
  vy.d('                plaintext-password ""', 'empty');
  vy.l(
    '            }',
    '        }',
    '    }',
    '}',
    'vpn {',
    '    ipsec {',
    '        authentication {',
    '            psk HQ {',
    '                id 203.0.113.10',
  );
  const vypsk = x.plain();
  vy.s(`                secret ${vypsk}`, 'generic', vypsk);
  vy.l(
    '            }',
    '        }',
    '    }',
    '}',
    'interfaces {',
    '    wireguard wg01 {',
    '        address 10.99.0.1/30',
  );
  const vywg = x.wgKey();
  vy.s(`        private-key ${vywg}`, 'generic', vywg);
  vy.l('        peer branch {');
  vy.d(`            public-key ${x.wgKey()}`, 'wireguard public key');
  vy.l('        }', '    }', '}');
  vy.d('// vyos-config-version: "bgp@4:broadcast-relay@1:cluster@1:config-management@1"', 'version string');

  const vys = repo.file('configs/vyos/bootstrap.vyos', 'vyos');
  vys.l('#!/bin/vbash', 'source /opt/vyatta/etc/functions/script-template', 'configure');
  const vyu = x.plain();
  vys.s(`set system login user netops authentication plaintext-password '${vyu}'`, 'generic', vyu);
  const vyr = x.alnumPw(18);
  vys.s(`set system login radius server 10.60.0.31 key '${vyr}'`, 'generic', vyr);
  const vyk = x.plain();
  vys.s(`set high-availability vrrp group LAN authentication password '${vyk}'`, 'generic', vyk);
  vys.d(`set service snmp community public authorization ro`, 'default community');
  vys.l('commit', 'save', 'exit');

  // ---- FortiGate backup (ENC)
  const fg = repo.file('configs/fortigate/fgt-hq.conf', 'fortigate');
  fg.l(
    '#config-version=FGT60F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin',
    '#conf_file_ver=84502817363',
    '#buildno=1639',
    'config system admin',
    '    edit "admin"',
  );
  fg.d(`        set password ${x.fortiEnc()}`, 'FortiGate ENC hash');
  fg.l('    next', 'end', 'config vpn ipsec phase1-interface', '    edit "to-dc"');
  fg.d(`        set psksecret ${x.fortiEnc()}`, 'FortiGate ENC ciphertext');
  fg.l('    next', 'end', 'config user ldap', '    edit "AD"', '        set dn "DC=corp,DC=acme,DC=example"');
  fg.d(`        set password ${x.fortiEnc()}`, 'FortiGate ENC ciphertext');
  fg.l('    next', 'end', 'config system central-management');
  fg.d(`    set serial-number "FGVM02TM${t.digits(8)}"`, 'serial');
  fg.l('end');

  // ---- FortiGate CLI script committed for provisioning (clear text, before the box encrypts it)
  const fgs = repo.file('configs/fortigate/provision-branch-ipsec.txt', 'fortigate');
  fgs.l(
    'config vpn ipsec phase1-interface',
    '    edit "to-hq"',
    '        set interface "wan1"',
    '        set remote-gw 203.0.113.10',
  );
  const fpsk = x.plain();
  fgs.s(`        set psksecret "${fpsk}"`, 'generic', fpsk);
  fgs.l('    next', 'end', 'config user radius', '    edit "NPS"', '        set server "10.70.0.31"');
  const frad = x.alnumPw(20);
  fgs.s(`        set secret ${frad}`, 'generic', frad);
  fgs.l('    next', 'end', 'config system api-user', '    edit "automation"');
  fgs.d('        set api-key ENC SH2<redacted>', 'redacted api key');
  fgs.l('    next', 'end');

  // ---- Palo Alto running-config.xml
  const pa = repo.file('configs/paloalto/running-config.xml', 'paloalto');
  pa.l(
    '<config version="10.2.0" urldb="paloaltonetworks">',
    '  <mgt-config>',
    '    <users>',
    '      <entry name="admin">',
  );
  pa.d(`        <phash>${x.md5crypt()}</phash>`, 'md5crypt hash');
  pa.l(
    '      </entry>',
    '    </users>',
    '  </mgt-config>',
    '  <devices><entry name="localhost.localdomain"><network><ike><gateway>',
    '    <entry name="GW-AWS">',
    '      <authentication><pre-shared-key>',
  );
  pa.d(`        <key>${x.panEnc()}</key>`, 'PAN-OS encrypted key');
  pa.l(
    '      </pre-shared-key></authentication>',
    '    </entry>',
    '  </gateway></ike></network></entry></devices>',
    '  <shared><server-profile><ldap><entry name="AD"><server><entry name="dc1">',
  );
  pa.d(
    `    <address>10.80.0.10</address></entry></server><bind-password>${x.panEnc()}</bind-password>`,
    'PAN-OS encrypted',
  );
  pa.l('  </entry></ldap></server-profile></shared>', '</config>');

  const pas = repo.file('scripts/panos_backup.py', 'paloalto');
  pas.l(
    '#!/usr/bin/env python3',
    '"""Nightly export of PAN-OS running config via the XML API."""',
    'import requests',
    '',
  );
  pas.l('FW = "https://fw-pa01.corp.acme.example"');
  const pk = x.panKey();
  pas.s(`API_KEY = "${pk}"`, 'generic', pk);
  pas.l(
    '',
    'r = requests.get(f"{FW}/api/", params={"type": "export", "category": "configuration", "key": API_KEY}, verify=False)',
  );
  pas.l('open("running-config.xml", "wb").write(r.content)');
}

function vpn(repo, t, x) {
  const wg = repo.file('vpn/wireguard/wg0.conf', 'wireguard');
  wg.l('[Interface]', 'Address = 10.200.0.1/24', 'ListenPort = 51820');
  const wpk = x.wgKey();
  wg.s(`PrivateKey = ${wpk}`, 'generic', wpk);
  wg.l('PostUp = iptables -A FORWARD -i wg0 -j ACCEPT', '', '[Peer]', '# jdoe laptop');
  wg.d(`PublicKey = ${x.wgKey()}`, 'wireguard public key');
  const psk = x.wgKey();
  wg.s(`PresharedKey = ${psk}`, 'generic', psk);
  wg.l('AllowedIPs = 10.200.0.10/32', '', '[Peer]', '# monitoring');
  wg.d(`PublicKey = ${x.wgKey()}`, 'wireguard public key');
  wg.l('AllowedIPs = 10.200.0.20/32');

  const wgc = repo.file('vpn/wireguard/peers/laptop-jdoe.conf', 'wireguard');
  wgc.l('[Interface]');
  const cpk = x.wgKey();
  wgc.s(`PrivateKey=${cpk}`, 'generic', cpk);
  wgc.l('Address=10.200.0.10/32', 'DNS=10.0.0.53', '', '[Peer]');
  wgc.d(`PublicKey=${x.wgKey()}`, 'wireguard public key');
  wgc.l('Endpoint=vpn.acme.example:51820', 'AllowedIPs=10.0.0.0/8', 'PersistentKeepalive=25');

  const wgy = repo.file('ansible/roles/wireguard/defaults/main.yml', 'wireguard');
  wgy.l('---', 'wireguard_port: 51820');
  wgy.d('wireguard_private_key: "{{ vault_wireguard_private_key }}"', 'template reference');
  wgy.l('wireguard_peers:', '  - name: dr-site');
  wgy.d(`    public_key: "${x.wgKey()}"`, 'wireguard public key');
  const yps = x.wgKey();
  wgy.s(`    preshared_key: "${yps}"`, 'generic', yps);

  const ovs = repo.file('vpn/openvpn/server.conf', 'openvpn');
  ovs.l(
    'port 1194',
    'proto udp',
    'dev tun',
    'ca ca.crt',
    'cert server.crt',
    'key server.key  # This file should be kept secret',
  );
  ovs.d('tls-auth ta.key 0 # This file is secret', 'file reference');
  ovs.l('cipher AES-256-GCM', 'auth SHA256');
  ovs.d('management 127.0.0.1 7505 /etc/openvpn/mgmt-pw.txt', 'file reference');
  ovs.d('auth-user-pass-verify /etc/openvpn/checkpw.sh via-file', 'script reference');

  const ta = repo.file('vpn/openvpn/ta.key', 'openvpn');
  ta.l('#', '# 2048 bit OpenVPN static key', '#');
  const sk = x.staticKey();
  ta.s(sk, 'generic', sk.slice(1, -1).join('\n'));

  const ovc = repo.file('vpn/openvpn/client-remote.ovpn', 'openvpn');
  ovc.l(
    'client',
    'dev tun',
    'proto udp',
    'remote vpn.acme.example 1194',
    'remote-cert-tls server',
    'auth-user-pass auth.txt',
    '<ca>',
  );
  const ca = x.cert();
  ovc.d(ca, 'CA certificate (public)');
  ovc.l('</ca>', '<tls-crypt>');
  const tc = x.staticKey();
  ovc.s(tc, 'generic', tc.slice(1, -1).join('\n'));
  ovc.l('</tls-crypt>');
  ovc.d(
    `# server cert sha256 fingerprint ${t
      .sha256()
      .replace(/(..)(?!$)/g, '$1:')
      .toUpperCase()}`,
    'fingerprint',
  );

  const auth = repo.file('vpn/openvpn/auth.txt', 'openvpn');
  auth.l('svc-vpn-backup');
  const apw = x.pw();
  auth.s(apw, 'generic', apw);

  const sec = repo.file('vpn/strongswan/ipsec.secrets', 'strongswan');
  sec.l('# /etc/ipsec.secrets - strongSwan IPsec secrets file', '');
  sec.d(': RSA moonKey.pem', 'key file reference');
  const s1 = x.plain();
  sec.s(`203.0.113.10 198.51.100.2 : PSK "${s1}"`, 'generic', s1);
  const s2 = x.alnumPw(32);
  sec.s(`@branch07.acme.example : PSK ${s2}`, 'generic', s2);
  const s3 = x.plain();
  sec.s(`carol : EAP "${s3}"`, 'generic', s3);
  sec.d('# dave : XAUTH "<password>"', 'placeholder');

  const sw = repo.file('vpn/strongswan/swanctl.conf', 'strongswan');
  sw.l(
    'connections {',
    '    hq-dc {',
    '        remote_addrs = 203.0.113.10',
    '        local { auth = psk }',
    '        remote { auth = psk }',
    '    }',
    '}',
    'secrets {',
    '    ike-hq {',
    '        id-1 = hq.acme.example',
  );
  const sw1 = x.b64(24);
  sw.s(`        secret = 0s${sw1}`, 'generic', sw1);
  sw.l('    }', '    ike-dr {');
  const sw2 = x.plain();
  sw.s(`        secret = "${sw2}"`, 'generic', sw2);
  sw.l('    }', '    private-moon {');
  sw.d('        file = moonKey.pem', 'file reference');
  sw.l('    }', '}');
}

function services(repo, t, x) {
  const ka = repo.file('ha/keepalived/keepalived.conf', 'keepalived');
  ka.l(
    'vrrp_instance VI_LB {',
    '    state MASTER',
    '    interface eth0',
    '    virtual_router_id 51',
    '    priority 150',
    '    authentication {',
    '        auth_type PASS',
  );
  const kap = t.mixed(ALNUM, 8);
  ka.s(`        auth_pass ${kap}`, 'generic', kap);
  ka.l(
    '    }',
    '    virtual_ipaddress {',
    '        10.0.10.100/24',
    '    }',
    '}',
    'vrrp_instance VI_DB {',
    '    authentication {',
    '        auth_type PASS',
  );
  ka.d('        auth_pass 1111', 'documented example value');
  ka.l('    }', '}');

  const nc = repo.file('dns/bind/named.conf', 'bind');
  nc.l('options {', '    directory "/var/cache/bind";', '    allow-transfer { key "xfer-secondary"; };', '};', '');
  nc.l('key "xfer-secondary" {', '    algorithm hmac-sha256;');
  const tsig = x.tsig();
  nc.s(`    secret "${tsig}";`, 'generic', tsig);
  nc.l('};', '', 'include "/etc/bind/rndc.key";', 'include "/etc/bind/keys/ddns-update.key";');
  nc.l('controls {', '    inet 127.0.0.1 port 953 allow { 127.0.0.1; } keys { "rndc-key"; };', '};');
  nc.l('key "tsig-example" {', '    algorithm hmac-sha256;');
  nc.d('    secret "<base64 secret from tsig-keygen>";', 'placeholder');
  nc.l('};');

  const dk = repo.file('dns/bind/keys/ddns-update.key', 'bind');
  dk.l('key "ddns-update" {', '\talgorithm hmac-sha512;');
  const dks = x.tsig(64);
  dk.s(`\tsecret "${dks}";`, 'generic', dks);
  dk.l('};');

  const rn = repo.file('dns/bind/rndc.key', 'bind');
  rn.l('key "rndc-key" {', '\talgorithm hmac-md5;');
  const rns = x.tsig(16);
  rn.s(`\tsecret "${rns}";`, 'generic', rns);
  rn.l('};');

  const zone = repo.file('dns/bind/zones/db.acme.example', 'bind');
  zone.l(
    '$TTL 3600',
    '@ IN SOA ns1.acme.example. hostmaster.acme.example. ( 2025030401 3600 900 1209600 300 )',
    '@ IN NS ns1.acme.example.',
  );
  zone.d(`@ IN DNSKEY 257 3 13 ${x.b64(64)}`, 'DNSSEC public key');
  zone.d(`@ IN DNSKEY 256 3 13 ${x.b64(64)}`, 'DNSSEC public key');
  zone.d(`@ IN DS 31589 13 2 ${t.sha256().toUpperCase()}`, 'DS digest');
  zone.d(`_acme-challenge IN TXT "${t.mixed(ALNUM + '-_', 43)}"`, 'ACME challenge token (public, one-time)');
  zone.d(`@ IN TXT "google-site-verification=${t.mixed(ALNUM + '-_', 43)}"`, 'site verification id');

  const dh = repo.file('dhcp/dhcpd.conf', 'dhcp');
  dh.l('authoritative;', 'omapi-port 7911;', 'omapi-key omapi_key;', '', 'key omapi_key {', '    algorithm hmac-md5;');
  const om = x.tsig(64);
  dh.s(`    secret ${om};`, 'generic', om);
  dh.l('}', '', 'key ddns-key {', '    algorithm hmac-sha256;');
  const dd = x.tsig();
  dh.s(`    secret "${dd}";`, 'generic', dd);
  dh.l('}', 'subnet 10.0.20.0 netmask 255.255.255.0 {', '  range 10.0.20.100 10.0.20.200;');
  dh.d(`  host printer01 { hardware ethernet ${x.mac()}; fixed-address 10.0.20.15; }`, 'MAC address');
  dh.l('}');

  const rc = repo.file('radius/freeradius/clients.conf', 'radius');
  rc.l('client localhost {', '\tipaddr = 127.0.0.1');
  rc.d('\tsecret = testing123', 'FreeRADIUS documented default');
  rc.l('}', '', 'client core-switches {', '\tipaddr = 10.20.0.0/16');
  const r1 = x.alnumPw(24);
  rc.s(`\tsecret = ${r1}`, 'generic', r1);
  rc.l('\tshortname = core', '}', 'client wlc01 {', '\tipaddr = 10.21.0.5');
  const r2 = x.plain();
  rc.s(`\tsecret = "${r2}"`, 'generic', r2);
  rc.l('\tnas_type = cisco', '}');

  const rm = repo.file('radius/freeradius/mods-available/ldap', 'radius');
  rm.l(
    'ldap {',
    "\tserver = 'ldaps://dc01.corp.acme.example'",
    "\tidentity = 'cn=svc-radius,ou=service,dc=corp,dc=acme,dc=example'",
  );
  const rl = x.plain();
  rm.s(`\tpassword = ${rl}`, 'generic', rl);
  rm.l("\tbase_dn = 'dc=corp,dc=acme,dc=example'", '}');

  const ss = repo.file('auth/sssd/sssd.conf', 'ldap');
  ss.l(
    '[domain/corp.acme.example]',
    'id_provider = ldap',
    'ldap_uri = ldaps://dc01.corp.acme.example',
    'ldap_default_bind_dn = cn=svc-sssd,ou=service,dc=corp,dc=acme,dc=example',
    'ldap_default_authtok_type = password',
  );
  const sp = x.plain();
  ss.s(`ldap_default_authtok = ${sp}`, 'generic', sp);
  ss.d('# ldap_default_authtok_type = obfuscated_password  (use sss_obfuscate)', 'comment');

  const nl = repo.file('auth/nslcd.conf', 'ldap');
  nl.l(
    'uri ldap://ldap.corp.acme.example/',
    'base dc=corp,dc=acme,dc=example',
    'binddn cn=nslcd,ou=service,dc=corp,dc=acme,dc=example',
  );
  const nb = x.plain();
  nl.s(`bindpw ${nb}`, 'generic', nb);
  nl.d('#rootpwmodpw secret', 'commented example');

  const kr = repo.file('auth/kerberos/add-host-principals.sh', 'kerberos');
  kr.l('#!/bin/sh', 'set -e', 'for h in $(cat hosts.txt); do');
  const kp = x.plain();
  kr.s(`  kadmin -p admin/admin@CORP.ACME.EXAMPLE -w '${kp}' -q "addprinc -randkey host/$h"`, 'generic', kp);
  kr.l('done');
  kr.d('# keytab: /etc/krb5.keytab (kvno 3, enctype aes256-cts-hmac-sha1-96)', 'keytab reference');

  const sn = repo.file('snmp/snmpd.conf', 'snmp');
  sn.l('sysLocation DC1 Row 4', 'sysContact noc@acme.example');
  const sa = x.plain();
  sn.s(`createUser nmsuser SHA-256 "${sa}" AES "${x.plain()}"`, 'generic', sa);
  sn.l('rouser nmsuser priv');
  const rocom = x.alnumPw(12);
  sn.s(`rocommunity ${rocom} 10.0.0.0/8`, 'generic', rocom);
  sn.d('#rocommunity public localhost', 'commented default');
  sn.d(`oldEngineID 0x80001f8880${t.hex(24)}`, 'SNMP engine id');
}

function monitoring(repo, t, x) {
  const zpsk = repo.file('monitoring/zabbix/zabbix_agentd.psk', 'zabbix');
  const zp = x.zabbixPsk();
  zpsk.s(zp, 'generic', zp);

  const za = repo.file('monitoring/zabbix/zabbix_agentd.conf', 'zabbix');
  za.l('Server=10.0.30.10', 'ServerActive=10.0.30.10', 'Hostname=core-rtr01', 'TLSConnect=psk', 'TLSAccept=psk');
  za.d('TLSPSKIdentity=PSK 001', 'psk identity');
  za.d('TLSPSKFile=/etc/zabbix/zabbix_agentd.psk', 'file reference');

  const zs = repo.file('monitoring/zabbix/zabbix_server.conf', 'zabbix');
  zs.l(
    'LogFile=/var/log/zabbix/zabbix_server.log',
    'DBHost=pg-zabbix.corp.acme.example',
    'DBName=zabbix',
    'DBUser=zabbix',
  );
  const zdb = x.plain();
  zs.s(`DBPassword=${zdb}`, 'generic', zdb);
  zs.d('# VaultToken=', 'empty comment');

  const ng = repo.file('monitoring/nagios/resource.cfg', 'nagios');
  ng.l('# Sets $USER1$ to be the path to the plugins');
  ng.d('$USER1$=/usr/local/nagios/libexec', 'plugin path');
  ng.d('$USER2$=/usr/local/nagios/libexec/eventhandlers', 'path');
  const u3 = x.plain();
  ng.s(`$USER3$=${u3}`, 'generic', u3);
  const u4 = x.alnumPw(16);
  ng.s(`$USER4$=${u4}`, 'generic', u4);
  ng.l('# $USER5$ is the SNMP community used by check_snmp');
  const u5 = x.alnumPw(12);
  ng.s(`$USER5$=${u5}`, 'generic', u5);

  const ngc = repo.file('monitoring/nagios/objects/commands.cfg', 'nagios');
  ngc.l('define command {', '    command_name    check_snmp_if');
  ngc.d('    command_line    $USER1$/check_snmp -H $HOSTADDRESS$ -C $USER5$ -o ifOperStatus.1', 'macro reference');
  ngc.l('}', 'define command {', '    command_name    check_asa_vpn');
  const ngp = x.plain();
  ngc.s(
    `    command_line    $USER1$/check_snmp -H $HOSTADDRESS$ -P 3 -U nms -a SHA -A '${ngp}' -L authNoPriv -o .1.3.6.1.4.1.9.9.171.1.2.1.1.0`,
    'generic',
    ngp,
  );
  ngc.l('}');

  const pr = repo.file('monitoring/prometheus/prometheus.yml', 'prometheus');
  pr.l(
    'global:',
    '  scrape_interval: 30s',
    'scrape_configs:',
    '  - job_name: snmp',
    '    static_configs:',
    '      - targets: [core-rtr01, dc-leaf03]',
    '  - job_name: federate',
    '    basic_auth:',
    '      username: federate',
  );
  const pb = x.plain();
  pr.s(`      password: '${pb}'`, 'generic', pb);
  pr.l('  - job_name: pve', '    basic_auth:', '      username: prometheus@pve');
  pr.d('      password_file: /etc/prometheus/secrets/pve', 'file reference');
  pr.l('  - job_name: blackbox-api');
  const bt = x.bearer();
  pr.s(`    bearer_token: ${bt}`, 'generic', bt);
  pr.l('  - job_name: node', '    authorization:', '      type: Bearer');
  const bc = x.bearer();
  pr.s(`      credentials: "${bc}"`, 'generic', bc);
  pr.l(
    'remote_write:',
    '  - url: https://prom-remote.acme.example/api/v1/write',
    '    basic_auth:',
    '      username: "1234567"',
  );
  pr.d('      password: ${GRAFANA_CLOUD_API_KEY}', 'env reference');

  const am = repo.file('monitoring/alertmanager/alertmanager.yml', 'prometheus');
  am.l(
    'global:',
    '  smtp_smarthost: smtp.acme.example:587',
    '  smtp_from: alertmanager@acme.example',
    '  smtp_auth_username: alertmanager@acme.example',
  );
  const smtp = x.plain();
  am.s(`  smtp_auth_password: "${smtp}"`, 'generic', smtp);
  const slack = t.slackWebhook();
  am.s(`  slack_api_url: '${slack}'`, 'slack', slack);
  am.l('receivers:', '  - name: noc-pager', '    pagerduty_configs:');
  const pd = t.mixed(ALNUM, 32);
  am.s(`      - routing_key: ${pd}`, 'generic', pd);
  am.l('  - name: netops-email', '    email_configs:', '      - to: netops@acme.example');
  am.d('        auth_password_file: /etc/alertmanager/smtp-pw', 'file reference');

  const gi = repo.file('monitoring/grafana/grafana.ini', 'grafana');
  gi.l(
    '[server]',
    'root_url = https://grafana.corp.acme.example',
    '',
    '[database]',
    'type = postgres',
    'host = pg-grafana:5432',
    'user = grafana',
  );
  const gdb = x.pw();
  gi.s(`password = """${gdb}"""`, 'generic', gdb);
  gi.l('', '[security]', 'admin_user = admin');
  const gad = x.plain();
  gi.s(`admin_password = ${gad}`, 'generic', gad);
  gi.d(';secret_key = SW2YcwTIb9zpOOhoPsMm', 'documented default, commented');
  const gsk = t.mixed(ALNUM, 32);
  gi.s(`secret_key = ${gsk}`, 'generic', gsk);
  gi.l('', '[auth.ldap]', 'enabled = true', 'config_file = /etc/grafana/ldap.toml');

  const gl = repo.file('monitoring/grafana/ldap.toml', 'grafana');
  gl.l(
    '[[servers]]',
    'host = "dc01.corp.acme.example"',
    'port = 636',
    'use_ssl = true',
    'bind_dn = "cn=svc-grafana,ou=service,dc=corp,dc=acme,dc=example"',
  );
  const glp = x.plain();
  gl.s(`bind_password = '${glp}'`, 'generic', glp);
  gl.d('# bind_password = "$__env{LDAP_BIND_PASSWORD}"', 'env reference');

  const gp = repo.file('monitoring/grafana/provisioning/sync-dashboards.sh', 'grafana');
  gp.l('#!/usr/bin/env bash', 'set -euo pipefail', 'GRAFANA=https://grafana.corp.acme.example');
  const sa = x.glsa();
  gp.s(`TOKEN="${sa}"`, 'grafana', sa);
  gp.l(
    'for f in dashboards/*.json; do',
    '  curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d @"$f" "$GRAFANA/api/dashboards/db"',
    'done',
  );
}

function vault(repo, t, x) {
  const rb = repo.file('docs/runbooks/vault-init-dc1.md', 'vault');
  rb.l(
    '# Vault cluster init (DC1) — 2025-02-18',
    '',
    'Ran `vault operator init -key-shares=5 -key-threshold=3` on vault-01. Output:',
    '',
    '```',
  );
  for (let i = 1; i <= 3; i++) {
    const k = x.unseal();
    rb.s(`Unseal Key ${i}: ${k}`, 'generic', k);
  }
  rb.d('Unseal Key 4: <held by security team>', 'placeholder');
  const root = x.hvs();
  rb.s(`Initial Root Token: ${root}`, 'vault', root);
  rb.l('', 'Vault initialized with 5 key shares and a key threshold of 3.', '```', '');
  rb.d('Then on each node: `vault operator unseal <unseal-key>`', 'placeholder');
  rb.d(`Cluster id: ${t.uuid()}`, 'uuid');

  const us = repo.file('scripts/vault-unseal.sh', 'vault');
  us.l(
    '#!/bin/bash',
    '# unseal all three nodes after the power work',
    'export VAULT_ADDR=https://vault.corp.acme.example:8200',
  );
  const k1 = x.unseal();
  const k2 = x.unseal();
  us.s(`KEYS=("${k1}"`, 'generic', k1);
  us.s(`      "${k2}")`, 'generic', k2);
  us.l(
    'for n in vault-01 vault-02 vault-03; do',
    '  for k in "${KEYS[@]}"; do VAULT_ADDR=https://$n:8200 vault operator unseal "$k"; done',
    'done',
  );
  const lt = x.hvsLegacy();
  us.s(`export VAULT_TOKEN=${lt}`, 'vault', lt);
  us.d(
    `vault read -field=accessor auth/token/lookup-self  # accessor ${t.alnum(24)}`,
    'token accessor (not a credential)',
  );
}

function automation(repo, t, x) {
  const inv = repo.file('ansible/inventory/network.yml', 'ansible');
  inv.l(
    'all:',
    '  children:',
    '    ios:',
    '      hosts:',
    '        core-rtr01: { ansible_host: 10.10.0.1 }',
    '        access-sw12: { ansible_host: 10.20.0.12 }',
    '      vars:',
    '        ansible_network_os: cisco.ios.ios',
    '        ansible_connection: ansible.netcommon.network_cli',
    '        ansible_user: netops',
  );
  const ap = x.plain();
  inv.s(`        ansible_password: "${ap}"`, 'generic', ap);
  inv.l('        ansible_become: true', '        ansible_become_method: enable');
  const bp = x.plain();
  inv.s(`        ansible_become_password: '${bp}'`, 'generic', bp);
  inv.l('    junos:', '      vars:', '        ansible_network_os: junipernetworks.junos.junos');
  inv.d('        ansible_password: "{{ vault_junos_password }}"', 'template reference');
  inv.d('        ansible_ssh_private_key_file: ~/.ssh/netops_ed25519', 'file reference');

  const ini = repo.file('ansible/inventory/hosts.ini', 'ansible');
  ini.l('[asa]');
  const ia = x.plain();
  ini.s(`fw-edge01 ansible_host=10.30.0.1 ansible_user=admin ansible_password=${ia}`, 'generic', ia);
  ini.l(
    '',
    '[nxos]',
    'dc-leaf03 ansible_host=10.40.0.3',
    '',
    '[nxos:vars]',
    'ansible_network_os=cisco.nxos.nxos',
    'ansible_user=ansible',
  );
  const inx = x.plain();
  ini.s(`ansible_ssh_pass=${inx}`, 'generic', inx);
  ini.d("ansible_become_password=\"{{ lookup('env', 'NX_ENABLE') }}\"", 'env lookup');

  const gv = repo.file('ansible/group_vars/ios/vault.yml', 'ansible');
  gv.d('$ANSIBLE_VAULT;1.1;AES256', 'vault header');
  for (let i = 0; i < 3; i++) gv.d(t.hex(80), 'ansible vault ciphertext');

  const gv2 = repo.file('ansible/group_vars/ios/main.yml', 'ansible');
  gv2.l('---', 'ntp_servers: [10.10.0.5, 10.10.0.6]', 'snmp:', '  location: DC1');
  const gsn = x.alnumPw(14);
  gv2.s(`  community_ro: ${gsn}`, 'generic', gsn);
  gv2.l('  v3_users:', '    - name: nms', '      auth: sha');
  const gauth = x.plain();
  gv2.s(`      auth_pass: "${gauth}"`, 'generic', gauth);
  gv2.l('      priv: aes128');
  const gpriv = x.plain();
  gv2.s(`      priv_pass: "${gpriv}"`, 'generic', gpriv);
  gv2.d('tacacs_key: "{{ vault_tacacs_key }}"', 'template reference');

  const nm = repo.file('automation/netmiko_backup.py', 'automation');
  nm.l('import os', 'from netmiko import ConnectHandler', '', 'DEVICES = [');
  nm.l('    {', '        "device_type": "cisco_ios",', '        "host": "10.10.0.1",', '        "username": "netops",');
  const n1 = x.plain();
  nm.s(`        "password": "${n1}",`, 'generic', n1);
  const n2 = x.plain();
  nm.s(`        "secret": "${n2}",  # enable`, 'generic', n2);
  nm.l(
    '    },',
    '    {',
    '        "device_type": "cisco_asa",',
    '        "host": "10.30.0.1",',
    '        "username": "admin",',
  );
  nm.d('        "password": os.environ["ASA_PASSWORD"],', 'env reference');
  nm.l(
    '    },',
    ']',
    '',
    'for dev in DEVICES:',
    '    with ConnectHandler(**dev) as conn:',
    '        conn.enable()',
    '        open(f"backups/{dev[\'host\']}.cfg", "w").write(conn.send_command("show running-config"))',
  );

  const np = repo.file('automation/napalm_push.py', 'automation');
  np.l('from napalm import get_network_driver', '', 'driver = get_network_driver("junos")');
  const jp = x.plain();
  np.s(`device = driver("10.50.0.7", "automation", "${jp}")`, 'generic', jp);
  np.l(
    'device.open()',
    'device.load_merge_candidate(filename="srx-branch07.set")',
    'print(device.compare_config())',
    'device.commit_config()',
    '',
  );
  np.l('ios = get_network_driver("ios")');
  const ep = x.plain();
  np.s(
    `r = ios("10.20.0.12", "netops", password=PASSWORD, optional_args={"secret": "${ep}", "transport": "ssh"})`,
    'generic',
    ep,
  );
  np.d('PASSWORD = getpass.getpass("device password: ")', 'interactive');

  const ex = repo.file('automation/expect/cisco-login.exp', 'automation');
  ex.l(
    '#!/usr/bin/expect -f',
    'set timeout 20',
    'set host [lindex $argv 0]',
    'spawn ssh -o StrictHostKeyChecking=no netops@$host',
    'expect "Password:"',
  );
  const e1 = x.plain();
  ex.s(`send "${e1}\\r"`, 'generic', e1);
  ex.l('expect ">"', 'send "enable\\r"', 'expect "Password:"');
  const e2 = x.plain();
  ex.s(`set enablepw "${e2}"`, 'generic', e2);
  ex.l('send "$enablepw\\r"', 'expect "#"', 'send "terminal length 0\\r"', 'interact');

  const cl = repo.file('rancid/.cloginrc', 'rancid');
  cl.l('# RANCID clogin configuration', 'add method * ssh', 'add user * rancid');
  const c1 = x.plain();
  const c2 = x.plain();
  cl.s(`add password core-* {${c1}} {${c2}}`, 'generic', c1);
  const c3 = x.plain();
  cl.s(`add password *.branch.acme.example ${c3}`, 'generic', c3);
  cl.d('add password lab-* {cisco} {cisco}', 'vendor default lab password');
  const c4 = x.plain();
  cl.s(`add enauthpassword fw-* {${c4}}`, 'generic', c4);

  const ox = repo.file('oxidized/config', 'oxidized');
  ox.l('---', 'username: oxidized');
  const o1 = x.plain();
  ox.s(`password: ${o1}`, 'generic', o1);
  ox.l('model: ios', 'interval: 3600', 'vars:');
  const o2 = x.plain();
  ox.s(`  enable: "${o2}"`, 'generic', o2);
  ox.l(
    'rest: 127.0.0.1:8888',
    'source:',
    '  default: csv',
    '  csv:',
    '    file: ~/.config/oxidized/router.db',
    '    delimiter: !ruby/regexp /:/',
    '    map:',
    '      name: 0',
    '      model: 1',
    '      username: 2',
    '      password: 3',
  );
  ox.l(
    'output:',
    '  default: git',
    '  git:',
    '    user: Oxidized',
    '    email: oxidized@acme.example',
    '    repo: "~/.config/oxidized/configs.git"',
  );

  const rdb = repo.file('oxidized/router.db', 'oxidized');
  const rd1 = x.plain();
  rdb.s(`core-rtr01:ios:netops:${rd1}`, 'generic', rd1);
  const rd2 = x.plain();
  rdb.s(`srx-branch07:junos:automation:${rd2}`, 'generic', rd2);
  rdb.l('dc-leaf03:nxos::');

  const csv = repo.file('inventory/devices.csv', 'inventory');
  csv.l('hostname,mgmt_ip,platform,serial,username,password,enable_secret');
  const cp1 = x.plain();
  const ce1 = x.plain();
  csv.s(`core-rtr01,10.10.0.1,ISR4451,${x.serial()},netops,${cp1},${ce1}`, 'generic', cp1);
  const cp2 = x.plain();
  csv.s(`access-sw12,10.20.0.12,C9300-48P,${x.serial()},netops,${cp2},`, 'generic', cp2);
  csv.d(`dc-leaf03,10.40.0.3,N9K-C93180YC-FX,${x.serial()},ansible,<vault>,<vault>`, 'placeholder');

  const rdme = repo.file('docs/README.md', 'docs');
  rdme.l('# netops configs', '', 'Device backups are pulled nightly by Oxidized and committed here.', '');
  rdme.d('- Factory default on new MikroTik boxes: user `admin`, empty password.', 'documented default');
  rdme.d('- FreeRADIUS ships with `secret = testing123` for localhost; never reuse it.', 'documented default');
  rdme.d(
    '- Cisco type 7 examples in the IOS guide: `username x password 7 <type7>`; we use type 9 only.',
    'doc placeholder',
  );
  rdme.d(`- Vault PGP key fingerprint for unseal shares: ${t.sha1().toUpperCase()}`, 'fingerprint');
  rdme.d(
    '- Put WireGuard private keys in Vault at `secret/net/wireguard/<host>`; only PublicKey goes in git.',
    'prose',
  );
  const rdm = x.plain();
  rdme.s(`- Lab console server (10.99.9.9) login: \`console\` / \`${rdm}\``, 'generic', rdm);
}
