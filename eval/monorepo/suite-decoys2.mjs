// Red-team suite "decoys2": precision first. Large files of kinds that hold many random-looking
// but harmless values (Gradle verification metadata, Bazel/Nix/Cargo/Go/Pipenv/Composer/CocoaPods
// lockfiles, .sln/.csproj GUIDs, Unity .meta, Xcode pbxproj ids, Android R ids, protobuf
// descriptors, GraphQL persisted queries, Vite manifests, CSP/SRI, public client keys, crypto
// known-answer vectors, password hashes, SSH/GPG/X.509 public material, data URIs, notebook
// images, cloud ids, trace ids, ETags), with about 40 real secrets planted where teams do leak
// them (an .env beside the lockfile, a token in a test config, a key in a CI file).
// Written from vendors' published formats and real files' shapes, not from tokenscope's rules.
import { ALNUM, B64, HEX, UPPER, URLSAFE, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

const NIX32 = '0123456789abcdfghijklmnpqrsvwxyz';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6353 + 101);
  const t = makeTokens(rand);
  const repo = new Repo();
  const one = (list) => list[Math.floor(rand() * list.length)];
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const b64 = (n) => bytes(n).toString('base64');
  const sri = (alg = 'sha512', n = 64) => `${alg}-${b64(n)}`;
  const nix32 = (n = 52) => t.pick(NIX32, n);
  const guid = () => t.uuid().toUpperCase();
  const hex24 = () => t.pick('0123456789ABCDEF', 24);
  const pw = () =>
    one([
      () => t.password(),
      () => `${one(['Release', 'Signing', 'Upload', 'Keystore'])}${t.digits(4)}${one(['!', '#', '$'])}${t.alnum(4)}`,
      () => t.alnum(20),
    ])();
  const pemBlock = (label, n) => {
    const lines = b64(n).match(/.{1,64}/g);
    return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`];
  };
  const sshEd = () => {
    const name = Buffer.from('ssh-ed25519');
    const blob = Buffer.concat([Buffer.from([0, 0, 0, name.length]), name, Buffer.from([0, 0, 0, 32]), bytes(32)]);
    return `ssh-ed25519 ${blob.toString('base64')}`;
  };
  const sshRsa = () => {
    const name = Buffer.from('ssh-rsa');
    const blob = Buffer.concat([
      Buffer.from([0, 0, 0, name.length]),
      name,
      Buffer.from([0, 0, 0, 3, 1, 0, 1, 0, 0, 1, 1, 0]),
      bytes(256),
    ]);
    return `ssh-rsa ${blob.toString('base64')}`;
  };
  const ecdsa = () => {
    const name = Buffer.from('ecdsa-sha2-nistp256');
    const curve = Buffer.from('nistp256');
    const blob = Buffer.concat([
      Buffer.from([0, 0, 0, name.length]),
      name,
      Buffer.from([0, 0, 0, curve.length]),
      curve,
      Buffer.from([0, 0, 0, 65, 4]),
      bytes(64),
    ]);
    return `ecdsa-sha2-nistp256 ${blob.toString('base64')}`;
  };
  const sentryAuth = () =>
    `sntrys_${Buffer.from(
      JSON.stringify({
        iat: 1767225600 + Math.floor(rand() * 1e6),
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org: 'acme-corp',
      }),
    )
      .toString('base64')
      .replace(/=+$/, '')}_${t.mixed(B64.replace('/', ''), 43)}`;
  const ghFine = () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`;
  const stripeWebhook = () => `whsec_${t.mixed(ALNUM, 32)}`;
  const ldSdk = () => `sdk-${t.uuid()}`;
  const mapboxSecret = () =>
    `sk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: `cl${t.lower(23)}` }))
      .toString('base64')
      .replace(/=+$/, '')}.${t.mixed(URLSAFE, 22)}`;
  const mapboxPublic = () =>
    `pk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: `cl${t.lower(23)}` }))
      .toString('base64')
      .replace(/=+$/, '')}.${t.mixed(URLSAFE, 22)}`;
  const recaptchaSite = () => `6L${t.mixed(URLSAFE, 6)}AAAAA${t.mixed(URLSAFE, 31)}`;
  const recaptchaSecret = () => `6L${t.mixed(URLSAFE, 6)}AAAAA${t.mixed(URLSAFE, 31)}`;
  const dockerAuth = (user, pass) => Buffer.from(`${user}:${pass}`).toString('base64');

  // ---- Gradle ------------------------------------------------------------------------------
  {
    const f = repo.file('android/gradle/verification-metadata.xml', 'gradle');
    f.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<verification-metadata xmlns="https://schema.gradle.org/dependency-verification" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="https://schema.gradle.org/dependency-verification https://schema.gradle.org/dependency-verification/dependency-verification-1.3.xsd">',
      '   <configuration>',
      '      <verify-metadata>true</verify-metadata>',
      '      <verify-signatures>true</verify-signatures>',
      '      <trusted-keys>',
    );
    for (const g of ['com.squareup.okhttp3', 'org.jetbrains.kotlin', 'androidx.core', 'com.google.dagger']) {
      f.d(`         <trusted-key id="${t.sha1().toUpperCase()}" group="${g}"/>`, 'pgp key fingerprint');
    }
    f.l('      </trusted-keys>', '   </configuration>', '   <components>');
    const comps = [
      ['androidx.activity', 'activity', '1.9.3'],
      ['androidx.annotation', 'annotation', '1.8.2'],
      ['androidx.appcompat', 'appcompat', '1.7.0'],
      ['androidx.collection', 'collection', '1.4.4'],
      ['androidx.compose.runtime', 'runtime', '1.7.5'],
      ['androidx.core', 'core-ktx', '1.15.0'],
      ['androidx.lifecycle', 'lifecycle-common', '2.8.7'],
      ['com.google.code.gson', 'gson', '2.11.0'],
      ['com.squareup.okhttp3', 'okhttp', '4.12.0'],
      ['com.squareup.okio', 'okio-jvm', '3.9.1'],
      ['com.squareup.retrofit2', 'retrofit', '2.11.0'],
      ['org.jetbrains.kotlin', 'kotlin-stdlib', '2.0.21'],
      ['org.jetbrains.kotlinx', 'kotlinx-coroutines-core-jvm', '1.9.0'],
      ['com.google.dagger', 'hilt-android', '2.52'],
    ];
    for (const [g, a, v] of comps) {
      f.l(`      <component group="${g}" name="${a}" version="${v}">`, `         <artifact name="${a}-${v}.jar">`);
      f.d(`            <sha256 value="${t.sha256()}" origin="Generated by Gradle"/>`, 'artifact sha256');
      f.l('         </artifact>', `         <artifact name="${a}-${v}.pom">`);
      f.d(
        `            <sha512 value="${t.sha256()}${t.sha256()}" origin="Generated by Gradle" reason="Artifact is not signed"/>`,
        'artifact sha512',
      );
      f.l('         </artifact>', '      </component>');
    }
    f.l('   </components>', '</verification-metadata>');

    const p = repo.file('android/gradle.properties', 'gradle');
    p.l(
      'org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8',
      'android.useAndroidX=true',
      'kotlin.code.style=official',
      'android.nonTransitiveRClass=true',
      '# Maven Central publishing (vanniktech plugin)',
      'mavenCentralUsername=acme-release',
    );
    const mc = t.alnum(44);
    p.s(`mavenCentralPassword=${mc}`, 'generic', mc);
    p.l('signing.keyId=5A1C9D3E');
    const sp = pw();
    p.s(`signing.password=${sp}`, 'generic', sp);
    p.d('signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg', 'path to keyring');
    p.d(`org.gradle.caching.debug.buildCacheKey=${t.sha256().slice(0, 32)}`, 'build cache key hash');

    const ks = repo.file('android/keystore.properties', 'gradle');
    const sto = pw();
    const kp = pw();
    ks.l('storeFile=../release/upload-keystore.jks');
    ks.s(`storePassword=${sto}`, 'generic', sto);
    ks.l('keyAlias=upload');
    ks.s(`keyPassword=${kp}`, 'generic', kp);

    const r = repo.file('android/app/build/generated/source/r/release/com/acme/app/R.java', 'gradle');
    r.l(
      '/* AUTO-GENERATED FILE.  DO NOT MODIFY. */',
      'package com.acme.app;',
      '',
      'public final class R {',
      '  public static final class id {',
    );
    for (const n of ['action_bar', 'btn_login', 'txt_token', 'api_key_label', 'secret_field', 'password_input']) {
      r.d(`    public static final int ${n}=0x7f0a${t.pick(HEX, 4)};`, 'android resource id');
    }
    r.l('  }', '  public static final class string {');
    r.d(`    public static final int google_api_key=0x7f13${t.pick(HEX, 4)};`, 'resource id of a string');
    r.d(`    public static final int default_web_client_id=0x7f13${t.pick(HEX, 4)};`, 'resource id');
    r.l('  }', '}');

    const gs = repo.file('android/app/src/main/res/values/strings.xml', 'gradle');
    gs.l('<resources>', '    <string name="app_name">Acme</string>');
    gs.d(
      `    <string name="default_web_client_id">${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com</string>`,
      'oauth public client id',
    );
    gs.d(`    <string name="gcm_defaultSenderId">${t.digits(12)}</string>`, 'gcp project number');
    gs.d(`    <string name="ga_trackingId">G-${t.pick(UPPER + DIGIT, 10)}</string>`, 'GA4 measurement id');
    gs.l('</resources>');
  }

  // ---- Bazel --------------------------------------------------------------------------------
  {
    const f = repo.file('MODULE.bazel.lock', 'bazel');
    f.l('{', '  "lockFileVersion": 13,', '  "registryFileHashes": {');
    for (const m of [
      'abseil-cpp/20240116.2',
      'bazel_skylib/1.7.1',
      'platforms/0.0.10',
      'protobuf/27.0',
      'rules_cc/0.0.9',
      'rules_go/0.50.1',
      'rules_java/7.6.5',
      'rules_proto/6.0.2',
      'rules_python/0.34.0',
      'zlib/1.3.1',
    ]) {
      f.d(`    "https://bcr.bazel.build/modules/${m}/MODULE.bazel": "${t.sha256()}",`, 'registry file sha256');
    }
    f.d(`    "https://bcr.bazel.build/bazel_registry.json": "${t.sha256()}"`, 'registry json sha256');
    f.l('  },', '  "moduleExtensions": {', '    "@@rules_go~//go:extensions.bzl%go_sdk": {', '      "general": {');
    f.d(`        "bzlTransitiveDigest": "${b64(32)}",`, 'bzl digest');
    f.d(`        "usagesDigest": "${b64(32)}",`, 'usages digest');
    f.l('        "generatedRepoSpecs": {', '          "go_default_sdk": {', '            "attributes": {');
    f.d(`              "sha256": "${t.sha256()}",`, 'sdk sha256');
    f.d(`              "integrity": "${sri('sha256', 32)}",`, 'SRI sha256');
    f.l(
      '              "version": "1.23.4"',
      '            }',
      '          }',
      '        }',
      '      }',
      '    }',
      '  }',
      '}',
    );

    const rc = repo.file('.bazelrc', 'bazel');
    rc.l(
      'build --enable_bzlmod',
      'build --incompatible_strict_action_env',
      'build:remote --remote_cache=grpcs://remote.buildbuddy.io',
      'build:remote --bes_backend=grpcs://remote.buildbuddy.io',
      'build:remote --bes_results_url=https://app.buildbuddy.io/invocation/',
    );
    const bb = t.alnum(20);
    rc.s(`build:remote --remote_header=x-buildbuddy-api-key=${bb}`, 'generic', bb);
    rc.d('try-import %workspace%/user.bazelrc', 'import');

    const ws = repo.file('third_party/deps.bzl', 'bazel');
    ws.l('load("@bazel_tools//tools/build_defs/repo:http.bzl", "http_archive")', '', 'def deps():');
    for (const [n, v] of [
      ['com_github_nlohmann_json', '3.11.3'],
      ['com_google_googletest', '1.15.2'],
      ['boringssl', '0.20241024.0'],
    ]) {
      ws.l('    http_archive(', `        name = "${n}",`);
      ws.d(`        sha256 = "${t.sha256()}",`, 'archive sha256');
      ws.d(`        strip_prefix = "${n}-${t.sha1()}",`, 'commit in prefix');
      ws.l(`        urls = ["https://github.com/example/${n}/archive/v${v}.tar.gz"],`, '    )');
    }
  }

  // ---- Nix ----------------------------------------------------------------------------------
  {
    const f = repo.file('flake.lock', 'nix');
    f.l('{', '  "nodes": {');
    for (const [n, owner] of [
      ['flake-utils', 'numtide'],
      ['nixpkgs', 'NixOS'],
      ['rust-overlay', 'oxalica'],
      ['systems', 'nix-systems'],
      ['crane', 'ipetkov'],
    ]) {
      f.l(`    "${n}": {`, '      "locked": {', `        "lastModified": ${1730000000 + Math.floor(rand() * 1e7)},`);
      f.d(`        "narHash": "sha256-${b64(32)}",`, 'nar hash');
      f.l(`        "owner": "${owner}",`, `        "repo": "${n}",`);
      f.d(`        "rev": "${t.sha1()}",`, 'git rev');
      f.l('        "type": "github"', '      },', '      "original": {', `        "owner": "${owner}",`);
      f.l(`        "repo": "${n}",`, '        "type": "github"', '      }', '    },');
    }
    f.l('    "root": { "inputs": { "nixpkgs": "nixpkgs" } }', '  },', '  "root": "root",', '  "version": 7', '}');

    const d = repo.file('nix/pkgs/acme-cli/default.nix', 'nix');
    d.l('{ lib, stdenv, fetchurl, fetchFromGitHub, rustPlatform }:', '', 'rustPlatform.buildRustPackage rec {');
    d.l('  pname = "acme-cli";', '  version = "0.14.2";', '  src = fetchFromGitHub {', '    owner = "acme-corp";');
    d.d(`    rev = "${t.sha1()}";`, 'git rev');
    d.d(`    hash = "sha256-${b64(32)}";`, 'SRI hash');
    d.l('  };');
    d.d(`  cargoHash = "sha256-${b64(32)}";`, 'cargo vendor hash');
    d.l('  vendorTool = fetchurl {', '    url = "https://releases.example.org/tool-1.2.tar.xz";');
    d.d(`    sha256 = "${nix32()}";`, 'nix base32 sha256');
    d.l('  };', '  meta.license = lib.licenses.asl20;', '}');

    const c = repo.file('nix/nix.conf', 'nix');
    c.l('experimental-features = nix-command flakes', 'substituters = https://cache.nixos.org https://acme.cachix.org');
    c.d(`trusted-public-keys = cache.nixos.org-1:${b64(32)} acme.cachix.org-1:${b64(32)}`, 'nix cache public keys');
    const ng = t.github();
    c.s(`access-tokens = github.com=${ng}`, 'github', ng);
    const cachix = t.jwt();
    c.s(`# cachix push token: ${cachix}`, 'generic', cachix);
  }

  // ---- Cargo ------------------------------------------------------------------------------------
  {
    const f = repo.file('crates/Cargo.lock', 'cargo');
    f.l(
      '# This file is automatically @generated by Cargo.',
      '# It is not intended for manual editing.',
      'version = 4',
      '',
    );
    for (const [n, v] of [
      ['aho-corasick', '1.1.3'],
      ['anyhow', '1.0.93'],
      ['base64', '0.22.1'],
      ['bytes', '1.8.0'],
      ['hmac', '0.12.1'],
      ['ring', '0.17.8'],
      ['serde', '1.0.215'],
      ['sha2', '0.10.8'],
      ['tokio', '1.41.1'],
      ['uuid', '1.11.0'],
      ['zeroize', '1.8.1'],
    ]) {
      f.l('[[package]]', `name = "${n}"`, `version = "${v}"`);
      f.l('source = "registry+https://github.com/rust-lang/crates.io-index"');
      f.d(`checksum = "${t.sha256()}"`, 'crate checksum');
      f.l('');
    }
    f.l('[[package]]', 'name = "acme-proto"', 'version = "0.3.0"');
    f.d(`source = "git+https://github.com/acme-corp/proto?rev=${t.sha1().slice(0, 7)}#${t.sha1()}"`, 'git source rev');

    const cr = repo.file('crates/.cargo/credentials.toml', 'cargo');
    cr.l('[registries.acme]');
    const cio = `cio${t.alnum(32)}`;
    cr.s(`token = "${cio}"`, 'generic', cio);
    const cfg = repo.file('crates/.cargo/config.toml', 'cargo');
    cfg.l(
      '[registries.acme]',
      'index = "sparse+https://cargo.acme-corp.io/index/"',
      'credential-provider = ["cargo:token"]',
    );
    cfg.d('[net]\ngit-fetch-with-cli = true', 'plain config');
  }

  // ---- Go -----------------------------------------------------------------------------------------
  {
    const f = repo.file('services/gateway/go.sum', 'go');
    for (const [m, v] of [
      ['github.com/golang-jwt/jwt/v5', 'v5.2.1'],
      ['github.com/google/uuid', 'v1.6.0'],
      ['github.com/gorilla/mux', 'v1.8.1'],
      ['golang.org/x/crypto', 'v0.29.0'],
      ['golang.org/x/oauth2', 'v0.24.0'],
      ['google.golang.org/grpc', 'v1.68.0'],
      ['google.golang.org/protobuf', 'v1.35.2'],
      ['github.com/stripe/stripe-go/v81', 'v81.1.0'],
    ]) {
      f.d(`${m} ${v} h1:${b64(32)}`, 'go.sum module hash');
      f.d(`${m} ${v}/go.mod h1:${b64(32)}`, 'go.sum go.mod hash');
    }

    const pb = repo.file('services/gateway/gen/authpb/auth.pb.go', 'go');
    pb.l('// Code generated by protoc-gen-go. DO NOT EDIT.', '// source: auth/v1/auth.proto', '', 'package authpb', '');
    pb.l('var file_auth_v1_auth_proto_rawDesc = []byte{');
    for (let i = 0; i < 6; i++) {
      pb.d(
        `\t${Array.from(bytes(16))
          .map((b) => `0x${b.toString(16).padStart(2, '0')}`)
          .join(', ')},`,
        'serialized descriptor bytes',
      );
    }
    pb.l('}');
    pb.l(
      'type LoginRequest struct {',
      '\tApiKey   string `protobuf:"bytes,1,opt,name=api_key,json=apiKey,proto3" json:"api_key,omitempty"`',
      '}',
    );

    const gi = repo.file('.github/workflows/go.yml', 'ci');
    gi.l(
      'name: go',
      'on: [push]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      GOPRIVATE: gitlab.com/acme-corp/*',
    );
    gi.l('    steps:', '      - uses: actions/checkout@v4');
    gi.d(`      - uses: actions/setup-go@${t.sha1()} # v5.1.0`, 'pinned action sha');
    gi.l('      - name: private modules', '        run: |');
    const gl = t.gitlab();
    gi.s(
      `          git config --global url."https://oauth2:${gl}@gitlab.com/".insteadOf "https://gitlab.com/"`,
      'gitlab',
      gl,
    );
    gi.l('      - run: go test ./...');
    gi.d('        env:\n          GOFLAGS: -mod=readonly', 'plain env');
  }

  // ---- Python ---------------------------------------------------------------------------------------
  {
    const f = repo.file('ml/Pipfile.lock', 'python');
    f.l('{', '    "_meta": {');
    f.d(`        "hash": {\n            "sha256": "${t.sha256()}"\n        },`, 'Pipfile hash');
    f.l('        "pipfile-spec": 6,', '        "sources": [', '            {', '                "name": "pypi",');
    f.l(
      '                "url": "https://pypi.org/simple",',
      '                "verify_ssl": true',
      '            }',
      '        ]',
      '    },',
    );
    f.l('    "default": {');
    for (const [n, v] of [
      ['certifi', '2024.8.30'],
      ['cryptography', '43.0.3'],
      ['numpy', '2.1.3'],
      ['requests', '2.32.3'],
      ['urllib3', '2.2.3'],
    ]) {
      f.l(`        "${n}": {`, '            "hashes": [');
      f.d(`                "sha256:${t.sha256()}",`, 'wheel hash');
      f.d(`                "sha256:${t.sha256()}"`, 'sdist hash');
      f.l('            ],', '            "index": "pypi",', `            "version": "==${v}"`, '        },');
    }
    f.l('        "zz-end": {}', '    },', '    "develop": {}', '}');

    const pf = repo.file('ml/Pipfile', 'python');
    pf.l('[[source]]');
    const ppw = pw().replace(/[^A-Za-z0-9]/g, '');
    pf.s(`url = "https://ml-bot:${ppw}@pypi.acme-corp.io/simple"`, 'generic', ppw);
    pf.l('verify_ssl = true', 'name = "acme"', '', '[packages]', 'numpy = "*"');

    const env = repo.file('ml/.env', 'python');
    const oa = t.openai();
    env.s(`OPENAI_API_KEY=${oa}`, 'openai', oa);
    env.d(`WANDB_PROJECT_ID=${t.uuid()}`, 'project id');
    env.d('HF_TOKEN=${HF_TOKEN}', 'env reference');

    const pb2 = repo.file('ml/gen/auth_pb2.py', 'python');
    pb2.l(
      '# -*- coding: utf-8 -*-',
      '# Generated by the protocol buffer compiler.  DO NOT EDIT!',
      'from google.protobuf import descriptor_pool',
    );
    const ser = Array.from(bytes(48))
      .map((b) => `\\x${b.toString(16).padStart(2, '0')}`)
      .join('');
    pb2.d(
      `DESCRIPTOR = descriptor_pool.Default().AddSerializedFile(b'\\n\\x12auth/v1/auth.proto\\x12\\x07auth.v1${ser}')`,
      'serialized descriptor',
    );
    pb2.d(`_globals['_LOGINREQUEST']._serialized_options = b'${b64(12)}'`, 'serialized options');

    const kat = repo.file('crypto/tests/vectors/aes_gcm_kat.rsp', 'crypto');
    kat.l(
      '# CAVS 14.0',
      '# GCM Encrypt with keysize 128 test information',
      '[Keylen = 128]',
      '[IVlen = 96]',
      '[PTlen = 128]',
      '',
    );
    for (let i = 0; i < 4; i++) {
      kat.l(`Count = ${i}`);
      kat.d(`Key = ${t.hex(32)}`, 'NIST known-answer key');
      kat.d(`IV = ${t.hex(24)}`, 'KAT iv');
      kat.d(`PT = ${t.hex(32)}`, 'KAT plaintext');
      kat.d(`CT = ${t.hex(32)}`, 'KAT ciphertext');
      kat.d(`Tag = ${t.hex(32)}`, 'KAT tag');
      kat.l('');
    }

    const hm = repo.file('crypto/tests/test_hmac.py', 'crypto');
    hm.l('import hmac, hashlib, pytest', '', '# RFC 4231 test vectors', 'RFC4231 = [');
    hm.d('    (bytes.fromhex("0b" * 20), b"Hi There",', 'RFC 4231 case 1 key');
    hm.d('     "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),', 'RFC 4231 expected mac');
    hm.d('    (b"Jefe", b"what do ya want for nothing?",', 'RFC 4231 case 2 key');
    hm.d('     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),', 'RFC 4231 mac');
    hm.l(']', '', '@pytest.mark.parametrize("key,msg,want", RFC4231)', 'def test_rfc4231(key, msg, want):');
    hm.l('    assert hmac.new(key, msg, hashlib.sha256).hexdigest() == want', '');
    hm.d(`FIXED_SEED = 0x${t.hex(16)}  # deterministic PRNG seed for property tests`, 'random seed');
    hm.d(`TEST_KEY = bytes.fromhex("${t.hex(64)}")  # random key for round-trip test only`, 'test key');
    hm.d(`WEBHOOK_SECRET = "whsec_test_${'x'.repeat(24)}"`, 'placeholder');

    const nb = repo.file('ml/notebooks/eda.ipynb', 'python');
    nb.l(
      '{',
      ' "cells": [',
      '  {',
      '   "cell_type": "code",',
      '   "execution_count": 3,',
      '   "metadata": {},',
      '   "outputs": [',
      '    {',
      '     "data": {',
    );
    nb.d(`      "image/png": "${t.pngBase64()}",`, 'notebook png output');
    nb.l(
      '      "text/plain": ["<Figure size 640x480 with 1 Axes>"]',
      '     },',
      '     "output_type": "display_data"',
      '    }',
      '   ],',
    );
    nb.l('   "source": [', '    "import boto3\\n",');
    const ak = t.awsId();
    const as = t.awsSecret();
    nb.s(`    "s3 = boto3.client('s3', aws_access_key_id='${ak}',\\n",`, 'aws', ak);
    nb.s(`    "                  aws_secret_access_key='${as}')\\n",`, 'aws', as);
    nb.l('    "df.plot()"', '   ]', '  }', ' ],', ' "metadata": {', '  "kernelspec": {"name": "python3"}', ' },');
    nb.d(` "nbformat_minor": 5, "metadata_hash": "${t.sha256()}"`, 'metadata hash');
    nb.l('}');
  }

  // ---- PHP --------------------------------------------------------------------------------------------
  {
    const f = repo.file('web/composer.lock', 'php');
    f.l(
      '{',
      '    "_readme": [',
      '        "This file locks the dependencies of your project to a known state"',
      '    ],',
    );
    f.d(`    "content-hash": "${t.hex(32)}",`, 'composer content hash');
    f.l('    "packages": [');
    for (const [n, v] of [
      ['guzzlehttp/guzzle', '7.9.2'],
      ['laravel/framework', 'v11.33.2'],
      ['monolog/monolog', '3.8.0'],
      ['stripe/stripe-php', 'v16.2.0'],
      ['symfony/console', 'v7.1.8'],
    ]) {
      const ref = t.sha1();
      f.l(
        '        {',
        `            "name": "${n}",`,
        `            "version": "${v}",`,
        '            "source": {',
        '                "type": "git",',
      );
      f.d(`                "reference": "${ref}"`, 'git reference');
      f.l('            },', '            "dist": {', '                "type": "zip",');
      f.d(`                "url": "https://api.github.com/repos/${n}/zipball/${ref}",`, 'zipball url with sha');
      f.d(`                "shasum": "${one(['', t.sha1()])}"`, 'dist shasum');
      f.l('            }', '        },');
    }
    f.l('        {}', '    ],', '    "plugin-api-version": "2.6.0"', '}');

    const a = repo.file('web/auth.json', 'php');
    const gh = t.github('ghp_');
    const np = pw();
    a.l('{', '    "github-oauth": {');
    a.s(`        "github.com": "${gh}"`, 'github', gh);
    a.l('    },', '    "http-basic": {', '        "repo.packagist.com": {', '            "username": "token",');
    a.s(`            "password": "${np}"`, 'generic', np);
    a.l('        }', '    }', '}');

    const le = repo.file('web/.env', 'php');
    le.l('APP_NAME=Acme', 'APP_ENV=production');
    const ak = `base64:${b64(32)}`;
    le.s(`APP_KEY=${ak}`, 'generic', ak);
    le.l('DB_CONNECTION=mysql', 'DB_HOST=mysql.internal', 'DB_USERNAME=acme');
    const dbp = pw();
    le.s(`DB_PASSWORD="${dbp}"`, 'generic', dbp);
    const sk = t.stripeLive();
    le.d(`STRIPE_KEY=pk_live_${t.alnum(24)}`, 'stripe publishable key');
    le.s(`STRIPE_SECRET=${sk}`, 'stripe', sk);
    le.d(`SCOUT_ID=${t.hex(32).slice(0, 10)}`, 'algolia app id');
    const alg = t.hex(32);
    le.d(`ALGOLIA_SEARCH_KEY=${t.hex(32)}  # search-only, shipped to the browser`, 'algolia search-only key');
    le.s(`ALGOLIA_ADMIN_KEY=${alg}`, 'generic', alg);
  }

  // ---- iOS ------------------------------------------------------------------------------------------
  {
    const f = repo.file('ios/Podfile.lock', 'ios');
    f.l(
      'PODS:',
      '  - Alamofire (5.10.1)',
      '  - Firebase/Core (11.5.0)',
      '  - KeychainAccess (4.2.2)',
      '  - SDWebImage (5.20.0)',
      '',
    );
    f.l('SPEC CHECKSUMS:');
    for (const n of [
      'Alamofire',
      'Firebase',
      'FirebaseAnalytics',
      'GoogleUtilities',
      'KeychainAccess',
      'SDWebImage',
      'Sentry',
    ]) {
      f.d(`  ${n}: ${t.sha1()}`, 'pod spec checksum');
    }
    f.l('');
    f.d(`PODFILE CHECKSUM: ${t.sha1()}`, 'podfile checksum');
    f.l('', 'COCOAPODS: 1.16.2');

    const x = repo.file('ios/Acme.xcodeproj/project.pbxproj', 'ios');
    x.l(
      '// !$*UTF8*$!',
      '{',
      '\tarchiveVersion = 1;',
      '\tobjectVersion = 56;',
      '\tobjects = {',
      '/* Begin PBXBuildFile section */',
    );
    for (const n of [
      'AppDelegate.swift',
      'ApiClient.swift',
      'Secrets.swift',
      'TokenStore.swift',
      'KeychainAccess',
      'Assets.xcassets',
    ]) {
      x.d(
        `\t\t${hex24()} /* ${n} in Sources */ = {isa = PBXBuildFile; fileRef = ${hex24()} /* ${n} */; };`,
        'pbxproj object ids',
      );
    }
    x.l('/* End PBXBuildFile section */', '/* Begin XCBuildConfiguration section */');
    x.d(`\t\t${hex24()} /* Release */ = {`, 'pbxproj id');
    x.l('\t\t\tisa = XCBuildConfiguration;', '\t\t\tbuildSettings = {', '\t\t\t\tCODE_SIGN_STYLE = Manual;');
    x.d(`\t\t\t\tDEVELOPMENT_TEAM = ${t.pick(UPPER + DIGIT, 10)};`, 'apple team id');
    x.d(`\t\t\t\t"PROVISIONING_PROFILE_SPECIFIER[sdk=iphoneos*]" = "match AppStore com.acme.app";`, 'profile name');
    x.d(`\t\t\t\tPROVISIONING_PROFILE = "${guid()}";`, 'profile uuid');
    x.l('\t\t\t};', '\t\t};', '/* End XCBuildConfiguration section */', '\t};');
    x.d(`\trootObject = ${hex24()} /* Project object */;`, 'pbxproj root id');
    x.l('}');

    const fl = repo.file('ios/fastlane/.env.default', 'ios');
    fl.l('FASTLANE_USER=release@acme-corp.io', 'FASTLANE_TEAM_ID=ACME123456');
    const app = `${t.lower(4)}-${t.lower(4)}-${t.lower(4)}-${t.lower(4)}`;
    fl.s(`FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=${app}`, 'generic', app);
    const mp = pw();
    fl.s(`MATCH_PASSWORD=${mp}`, 'generic', mp);
    fl.d('MATCH_GIT_URL=git@github.com:acme-corp/certificates.git', 'git url');
    fl.d(`APP_STORE_CONNECT_API_KEY_ID=${t.pick(UPPER + DIGIT, 10)}`, 'asc key id');
    fl.d(`APP_STORE_CONNECT_ISSUER_ID=${t.uuid()}`, 'asc issuer id');

    const p8 = repo.file(`ios/fastlane/keys/AuthKey_${t.pick(UPPER + DIGIT, 10)}.p8`, 'ios');
    const key = t.ecPem().map((l) => l.replace('EC PRIVATE KEY', 'PRIVATE KEY'));
    p8.s(key, 'private-key', key.join('\n'));

    const pl = repo.file('ios/Acme/GoogleService-Info.plist', 'ios');
    pl.l('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', '<dict>', '\t<key>CLIENT_ID</key>');
    pl.d(`\t<string>${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com</string>`, 'oauth client id');
    pl.l('\t<key>GCM_SENDER_ID</key>');
    pl.d(`\t<string>${t.digits(12)}</string>`, 'project number');
    pl.l('\t<key>GOOGLE_APP_ID</key>');
    pl.d(`\t<string>1:${t.digits(12)}:ios:${t.hex(16).toLowerCase()}</string>`, 'firebase app id');
    pl.l('</dict>', '</plist>');
  }

  // ---- .NET / Unity -----------------------------------------------------------------------------------
  {
    const sln = repo.file('dotnet/Acme.sln', 'dotnet');
    sln.l(
      'Microsoft Visual Studio Solution File, Format Version 12.00',
      '# Visual Studio Version 17',
      'VisualStudioVersion = 17.11.35312.102',
    );
    const projGuids = [];
    for (const n of ['Acme.Api', 'Acme.Core', 'Acme.Data', 'Acme.Tests']) {
      const g = guid();
      projGuids.push(g);
      sln.d(
        `Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "${n}", "src\\${n}\\${n}.csproj", "{${g}}"`,
        'project guid',
      );
      sln.l('EndProject');
    }
    sln.l('Global', '\tGlobalSection(ProjectConfigurationPlatforms) = postSolution');
    for (const g of projGuids) sln.d(`\t\t{${g}}.Release|Any CPU.Build.0 = Release|Any CPU`, 'project guid');
    sln.l('\tEndGlobalSection', '\tGlobalSection(ExtensibilityGlobals) = postSolution');
    sln.d(`\t\tSolutionGuid = {${guid()}}`, 'solution guid');
    sln.l('\tEndGlobalSection', 'EndGlobal');

    const cs = repo.file('dotnet/src/Acme.Api/Acme.Api.csproj', 'dotnet');
    cs.l('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>');
    cs.d(`    <UserSecretsId>${t.uuid()}</UserSecretsId>`, 'user secrets id');
    cs.d(`    <ProjectGuid>{${guid()}}</ProjectGuid>`, 'project guid');
    cs.l(
      '  </PropertyGroup>',
      '  <ItemGroup>',
      '    <PackageReference Include="Stripe.net" Version="47.1.0" />',
      '  </ItemGroup>',
      '</Project>',
    );

    const ng = repo.file('dotnet/NuGet.config', 'dotnet');
    ng.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <packageSources>',
      '    <add key="acme" value="https://pkgs.dev.azure.com/acme/_packaging/acme/nuget/v3/index.json" />',
      '  </packageSources>',
      '  <packageSourceCredentials>',
      '    <acme>',
      '      <add key="Username" value="build" />',
    );
    const pat = t.alnum(52).toLowerCase();
    ng.s(`      <add key="ClearTextPassword" value="${pat}" />`, 'generic', pat);
    ng.l('    </acme>', '  </packageSourceCredentials>', '</configuration>');

    const ap = repo.file('dotnet/src/Acme.Api/appsettings.Development.json', 'dotnet');
    const sqlpw = pw().replace(/;/g, '');
    ap.l('{', '  "ConnectionStrings": {');
    ap.s(
      `    "Default": "Server=sql-dev.acme.local;Database=acme;User Id=acme_app;Password=${sqlpw};TrustServerCertificate=True"`,
      'generic',
      sqlpw,
    );
    ap.l('  },', '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",');
    ap.d(`    "TenantId": "${t.uuid()}",`, 'azure tenant id');
    ap.d(`    "ClientId": "${t.uuid()}",`, 'azure client id');
    ap.d('    "ClientSecret": "",', 'empty');
    ap.l('    "CallbackPath": "/signin-oidc"', '  },');
    ap.d(
      `  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${t.uuid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" }`,
      'app insights connection string (ingest-only)',
    );
    ap.l('}');

    for (const n of [
      'Assets/Scripts/ApiClient.cs',
      'Assets/Scripts/Secrets.cs',
      'Assets/Prefabs/Player.prefab',
      'Assets/Materials/Token.mat',
    ]) {
      const m = repo.file(`unity/${n}.meta`, 'unity');
      m.l('fileFormatVersion: 2');
      m.d(`guid: ${t.pick(HEX, 32)}`, 'unity asset guid');
      m.l(
        n.endsWith('.cs') ? 'MonoImporter:' : 'NativeFormatImporter:',
        '  externalObjects: {}',
        '  userData: ',
        '  assetBundleName: ',
        '  assetBundleVariant: ',
      );
    }
    const up = repo.file('unity/ProjectSettings/ProjectSettings.asset', 'unity');
    up.l(
      '%YAML 1.1',
      '%TAG !u! tag:unity3d.com,2011:',
      '--- !u!129 &1',
      'PlayerSettings:',
      '  productName: Acme Runner',
    );
    up.d(`  productGUID: ${t.pick(HEX, 32)}`, 'product guid');
    up.d(`  cloudProjectId: ${t.uuid()}`, 'unity cloud project id');
    up.d("  AndroidKeystoreName: '{inproject}: release.keystore'", 'keystore path');
    up.d('  AndroidKeyaliasName: upload', 'alias');
    up.l('  organizationId: acme-games');
    const uci = repo.file('unity/.gitlab-ci.yml', 'ci');
    uci.l('variables:', '  UNITY_VERSION: "2022.3.50f1"', '  UNITY_EMAIL: build@acme-games.io');
    const upw = pw();
    uci.s(`  UNITY_PASSWORD: "${upw}"`, 'generic', upw);
    uci.d(`  UNITY_SERIAL: $UNITY_SERIAL`, 'ci variable reference');
    uci.d(`  IMAGE: unityci/editor@sha256:${t.sha256()}`, 'image digest');
  }

  // ---- Frontend -----------------------------------------------------------------------------------------
  {
    const chunks = {};
    const m = repo.file('web/frontend/dist/.vite/manifest.json', 'frontend');
    m.l('{');
    for (const n of ['main', 'checkout', 'login', 'settings', 'vendor']) {
      const h = t.mixed(URLSAFE, 8);
      chunks[n] = h;
      m.l(`  "src/${n}.ts": {`);
      m.d(`    "file": "assets/${n}-${h}.js",`, 'chunk content hash');
      m.d(`    "css": ["assets/${n}-${t.mixed(URLSAFE, 8)}.css"],`, 'css content hash');
      m.l(`    "src": "src/${n}.ts",`, '    "isEntry": true', '  },');
    }
    m.l('  "_end": {}', '}');

    const h = repo.file('web/frontend/dist/index.html', 'frontend');
    h.l('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
    h.d(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=G-${t.pick(UPPER + DIGIT, 10)}"></script>`,
      'GA4 id',
    );
    h.d(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];})(window,document,'script','dataLayer','GTM-${t.pick(UPPER + DIGIT, 7)}');</script>`,
      'GTM id',
    );
    h.d(
      `<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-${b64(48)}" crossorigin="anonymous"></script>`,
      'SRI',
    );
    h.d(
      `<link rel="stylesheet" href="https://cdn.example.com/ui.css" integrity="${sri('sha512', 64)}" crossorigin="anonymous">`,
      'SRI',
    );
    h.d(`<script type="module" crossorigin src="/assets/main-${chunks.main}.js"></script>`, 'hashed chunk');
    h.d(`<link rel="stylesheet" href="/static/app.css?v=${t.hex(20)}">`, 'cache buster');
    h.d(`<script nonce="${b64(16)}">window.__INITIAL_STATE__={}</script>`, 'CSP nonce');
    h.d(
      `<script>!function(){var analytics=window.analytics=window.analytics||[];analytics.load("${t.alnum(32)}");analytics.page();}();</script>`,
      'segment browser write key (public by design)',
    );
    h.l('</head>', '<body>');
    h.d(`<div class="g-recaptcha" data-sitekey="${recaptchaSite()}"></div>`, 'recaptcha site key');
    h.d(`<div class="cf-turnstile" data-sitekey="0x4AAAAAAA${t.mixed(URLSAFE, 14)}"></div>`, 'turnstile site key');
    h.d(`<img src="data:image/png;base64,${t.pngBase64().slice(0, 300)}" alt="">`, 'data uri');
    h.l('</body>', '</html>');

    const cfg = repo.file('web/frontend/src/config.ts', 'frontend');
    cfg.l('// Public, browser-safe configuration. Server secrets live in web/server/.env.', 'export const config = {');
    cfg.d(`  stripePublishableKey: 'pk_live_51${t.alnum(97)}',`, 'stripe publishable');
    cfg.d(`  mapboxToken: '${mapboxPublic()}',`, 'mapbox public token');
    cfg.d(`  algolia: { appId: '${t.pick(UPPER + DIGIT, 10)}', searchOnlyKey: '${t.hex(32)}' },`, 'algolia search key');
    cfg.d(
      `  sentryDsn: 'https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}',`,
      'sentry public dsn',
    );
    cfg.d(`  launchDarklyClientId: '${t.hex(24)}',`, 'LD client-side id');
    cfg.d(`  githubClientId: 'Iv23li${t.alnum(14)}',`, 'github app client id');
    cfg.d(`  googleClientId: '${t.digits(12)}-${t.lower(32)}.apps.googleusercontent.com',`, 'google oauth client id');
    cfg.d(
      `  datadogRum: { applicationId: '${t.uuid()}', clientToken: 'pub${t.hex(32)}' },`,
      'datadog rum client token',
    );
    cfg.d("  handsontableLicense: 'non-commercial-and-evaluation',", 'documented public license key');
    cfg.d(`  turnstileSiteKey: '0x4AAAAAAA${t.mixed(URLSAFE, 14)}',`, 'turnstile site key');
    cfg.l('};');

    const srv = repo.file('web/server/.env', 'frontend');
    srv.l('NODE_ENV=production', 'PORT=8080');
    const s1 = t.stripeLiveLong();
    srv.s(`STRIPE_SECRET_KEY=${s1}`, 'stripe', s1);
    const wh = stripeWebhook();
    srv.s(`STRIPE_WEBHOOK_SECRET=${wh}`, 'stripe', wh);
    const mb = mapboxSecret();
    srv.s(`MAPBOX_SECRET_TOKEN=${mb}`, 'mapbox', mb);
    const rc = recaptchaSecret();
    srv.s(`RECAPTCHA_SECRET_KEY=${rc}`, 'generic', rc);
    const ts = `0x4AAAAAAA${t.mixed(URLSAFE, 24)}`;
    srv.s(`TURNSTILE_SECRET=${ts}`, 'generic', ts);
    const ld = ldSdk();
    srv.s(`LAUNCHDARKLY_SDK_KEY=${ld}`, 'generic', ld);
    const ghs = t.hex(40);
    srv.d(`GITHUB_CLIENT_ID=Iv23li${t.alnum(14)}`, 'github client id');
    srv.s(`GITHUB_CLIENT_SECRET=${ghs}`, 'generic', ghs);
    const ga = t.mixed(URLSAFE, 22);
    srv.d(`GA_MEASUREMENT_ID=G-${t.pick(UPPER + DIGIT, 10)}`, 'GA4 id');
    srv.s(`GA_API_SECRET=${ga}`, 'generic', ga);
    srv.d(`SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`, 'sentry public dsn');

    const pq = repo.file('web/frontend/persisted-queries.json', 'frontend');
    pq.l('{');
    for (const q of ['GetViewer', 'ListOrders', 'CreateToken', 'RevokeApiKey', 'UpdatePassword', 'SessionRefresh']) {
      pq.d(`  "${t.sha256()}": "query ${q} { ... }",`, 'persisted query hash');
    }
    pq.l('  "_": ""', '}');
    const apq = repo.file('web/frontend/src/graphql/client.ts', 'frontend');
    apq.l("import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';");
    apq.d(
      `const url = '/graphql?operationName=GetViewer&extensions={"persistedQuery":{"version":1,"sha256Hash":"${t.sha256()}"}}';`,
      'apq hash in url',
    );

    const css = repo.file('web/frontend/src/styles/fonts.css', 'frontend');
    css.l('@font-face {', "  font-family: 'Inter';");
    css.d(`  src: url(data:font/woff2;base64,d09GMgABAAAA${b64(600)}) format('woff2');`, 'base64 font');
    css.l('}', '.logo {');
    css.d(
      `  background-image: url("data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M${t.digits(3)} ${t.digits(3)}"/></svg>`).toString('base64')}");`,
      'svg data uri',
    );
    css.d(`  mask: url(data:image/webp;base64,UklGR${b64(240)});`, 'webp data uri');
    css.l('}');

    const i18n = repo.file('web/frontend/src/locales/en.json', 'frontend');
    i18n.l('{');
    for (const msg of ['Enter your API token', 'Password', 'Reset secret', 'Copy key', 'Session expired']) {
      i18n.d(
        `  "${t.mixed(URLSAFE, 6)}": { "defaultMessage": "${msg}", "description": "${t.hex(12)}" },`,
        'formatjs message id',
      );
    }
    i18n.l('  "_": {}', '}');

    const ff = repo.file('web/frontend/src/flags.json', 'frontend');
    ff.l('{', '  "flags": {');
    ff.d(
      `    "checkout-v2-${t.hex(8)}": { "on": true, "experimentId": "exp_${t.alnum(16)}" },`,
      'flag key and experiment id',
    );
    ff.d(`    "new-token-ui": { "on": false, "variationId": "${t.uuid()}" },`, 'variation id');
    ff.d(
      `    "ab_pricing_page": { "optimizelyExperimentId": "${t.digits(11)}", "bucketingSalt": "${t.hex(16)}" },`,
      'A/B id and public bucketing salt',
    );
    ff.l('  }', '}');

    const csp = repo.file('deploy/nginx/security-headers.conf', 'frontend');
    csp.d(
      `add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'nonce-$request_id' 'sha256-${b64(32)}' 'sha256-${b64(32)}'; style-src 'self' 'sha384-${b64(48)}'" always;`,
      'CSP hashes',
    );
    csp.d(
      `add_header Public-Key-Pins 'pin-sha256="${b64(32)}"; pin-sha256="${b64(32)}"; max-age=5184000';`,
      'HPKP pins',
    );
    csp.l('add_header X-Content-Type-Options nosniff always;');
    csp.d(
      `add_header Report-To '{"group":"csp","endpoints":[{"url":"https://o${t.digits(6)}.ingest.sentry.io/api/${t.digits(7)}/security/?sentry_key=${t.hex(32)}"}]}';`,
      'sentry public key in report uri',
    );

    const bundle = repo.file(`web/frontend/dist/assets/checkout-${chunks.checkout}.js`, 'frontend');
    bundle.d(
      `import{r as e,j as t}from"./vendor-${chunks.vendor}.js";const n="${t.sha256().slice(0, 20)}";`,
      'minified chunk with hashes',
    );
    const leaked = t.stripeLive();
    bundle.s(
      `const S={pk:"pk_live_${t.alnum(24)}",sk:"${leaked}",api:"/api/v1/orders/${t.uuid()}"};export{S as default};`,
      'stripe',
      leaked,
    );
    bundle.d(`//# sourceMappingURL=checkout-${chunks.checkout}.js.map`, 'source map url');
  }

  // ---- SSH / GPG / X.509 -------------------------------------------------------------------------------
  {
    const kh = repo.file('deploy/ansible/files/known_hosts', 'keys');
    kh.d(`github.com ${sshEd()}`, 'host key');
    kh.d(`gitlab.com ${ecdsa()}`, 'host key');
    kh.d(`|1|${b64(20)}|${b64(20)} ${sshEd()}`, 'hashed host key');
    kh.d(`bastion.acme-corp.io,10.20.0.5 ${sshRsa()}`, 'rsa host key');
    const ak = repo.file('deploy/ansible/files/authorized_keys', 'keys');
    ak.d(`${sshEd()} alice@laptop`, 'public key');
    ak.d(`command="/usr/local/bin/backup",no-pty ${sshRsa()} backup@nas`, 'forced-command public key');
    ak.d(`${ecdsa()} ci-deploy`, 'public key');
    const dk = repo.file('deploy/ansible/files/deploy_ed25519', 'keys');
    const pk = t.opensshPem();
    dk.s(pk, 'private-key', pk.join('\n'));
    const gpg = repo.file('docs/release-signing-key.asc', 'keys');
    gpg.l('Release artifacts are signed with this key.');
    gpg.d(`Fingerprint: ${t.sha1().toUpperCase().match(/.{4}/g).join(' ')}`, 'pgp fingerprint');
    gpg.d(pemBlock('PGP PUBLIC KEY BLOCK', 400).join('\n').replace('-----\n', '-----\n\n'), 'pgp public key');
    const cert = repo.file('deploy/certs/acme-root-ca.pem', 'keys');
    cert.d(pemBlock('CERTIFICATE', 900).join('\n'), 'x509 certificate');
    cert.d(pemBlock('PUBLIC KEY', 294).join('\n'), 'public key');
  }

  // ---- Cloud ids, k8s dumps, logs ---------------------------------------------------------------------
  {
    const acct = t.digits(12);
    const tf = repo.file('infra/terraform/iam.tf', 'cloud');
    tf.d(
      `data "aws_iam_policy_document" "assume" {\n  statement {\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::${acct}:role/ci-deployer"]\n    }\n  }\n}`,
      'role arn',
    );
    tf.d(
      `resource "aws_kms_alias" "app" {\n  name          = "alias/app"\n  target_key_id = "arn:aws:kms:eu-west-1:${acct}:key/${t.uuid()}"\n}`,
      'kms key arn',
    );
    tf.d(`locals { oidc_thumbprint = "${t.sha1()}" }`, 'oidc thumbprint');
    tf.d(
      `provider "azurerm" {\n  features {}\n  subscription_id = "${t.uuid()}"\n  tenant_id       = "${t.uuid()}"\n}`,
      'azure ids',
    );
    tf.d(`provider "google" {\n  project = "acme-prod-${t.digits(6)}"\n}`, 'gcp project id');
    const tv = repo.file('infra/terraform/prod.auto.tfvars', 'cloud');
    tv.d(`azure_client_id = "${t.uuid()}"`, 'azure app id');
    const az = t.azureClientSecret();
    tv.s(`azure_client_secret = "${az}"`, 'azure', az);
    tv.d(`gcp_project_number = "${t.digits(12)}"`, 'gcp project number');
    const sa = repo.file('infra/gcp/ci-sa.json', 'cloud');
    const pk = t.pkcs8Pem();
    sa.l('{', '  "type": "service_account",', '  "project_id": "acme-prod-4417",');
    sa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
    sa.s(`  "private_key": "${pk.join('\\n')}\\n",`, 'gcp', pk.join('\n'));
    sa.l('  "client_email": "ci@acme-prod-4417.iam.gserviceaccount.com",');
    sa.d(`  "client_id": "${t.digits(21)}",`, 'numeric client id');
    sa.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');

    const k = repo.file('ops/k8s-dump/api-deployment.yaml', 'cloud');
    k.l('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  annotations:');
    k.d(`    kubectl.kubernetes.io/last-applied-configuration-hash: ${t.sha256()}`, 'hash annotation');
    k.l('  name: api', '  namespace: prod');
    k.d(`  resourceVersion: "${t.digits(9)}"`, 'resourceVersion');
    k.d(`  uid: ${t.uuid()}`, 'object uid');
    k.l('spec:', '  template:', '    metadata:', '      annotations:');
    k.d(`        checksum/config: ${t.sha256()}`, 'helm config checksum');
    k.l('    spec:', '      containers:', '        - name: api');
    k.d(`          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:${t.sha256()}`, 'image digest');
    k.l('status:');
    k.d(
      `  containerStatuses:\n    - imageID: docker-pullable://ghcr.io/acme-corp/api@sha256:${t.sha256()}\n      containerID: containerd://${t.sha256()}`,
      'container ids',
    );

    const kc = repo.file('ops/kubeconfig-ci.yaml', 'cloud');
    kc.l(
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '  - name: prod',
      '    cluster:',
      '      server: https://k8s.acme-corp.io:6443',
    );
    kc.d(
      `      certificate-authority-data: ${Buffer.from(pemBlock('CERTIFICATE', 600).join('\n')).toString('base64')}`,
      'CA cert base64',
    );
    kc.l('users:', '  - name: ci', '    user:');
    const sat = `eyJhbGciOiJSUzI1NiIsImtpZCI6I${t.mixed(URLSAFE, 40)}.${Buffer.from(JSON.stringify({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'ci', sub: 'system:serviceaccount:ci:deployer' })).toString('base64url')}.${t.mixed(URLSAFE, 342)}`;
    kc.s(`      token: ${sat}`, 'generic', sat);

    const log = repo.file('ops/logs/gateway-2026-11-30.log', 'logs');
    for (let i = 0; i < 5; i++) {
      log.d(
        `2026-11-30T08:${10 + i}:0${i}.123Z INFO http request method=GET path=/api/v1/orders/${t.uuid()} status=200 trace_id=${t.hex(32)} span_id=${t.hex(16)} request_id=req_${t.alnum(24)}`,
        'trace and request ids',
      );
    }
    log.d(`2026-11-30T08:16:00.001Z INFO cache hit etag="W/\\"${t.hex(40)}\\"" key=orders:${t.hex(16)}`, 'etag');
    log.d(
      `2026-11-30T08:16:02.441Z INFO aws x-amzn-RequestId=${t.uuid()} X-Amz-Cf-Id=${t.mixed(URLSAFE, 40)}==`,
      'aws request ids',
    );
    const bearer = ghFine();
    log.s(
      `2026-11-30T08:17:12.900Z DEBUG outbound headers={"Authorization":"Bearer ${bearer}","User-Agent":"acme-sync/2.3"}`,
      'github',
      bearer,
    );
    log.d(
      `2026-11-30T08:17:13.002Z INFO github rate limit remaining=4999 x-github-request-id=${t.pick(UPPER + DIGIT, 4)}:${t.pick(UPPER + DIGIT, 6)}:${t.pick(UPPER + DIGIT, 7)}`,
      'github request id',
    );

    const ch = repo.file('CHANGELOG.md', 'docs');
    ch.l('# Changelog', '', '## 4.2.0 (2026-11-28)', '');
    for (const s of [
      'rotate signing keys on deploy',
      'redact tokens in logs',
      'bump golang.org/x/crypto',
      'fix password reset expiry',
    ]) {
      const sha = t.sha1();
      ch.d(`* ${s} ([${sha.slice(0, 7)}](https://github.com/acme-corp/acme/commit/${sha}))`, 'commit sha');
    }
    ch.d(
      `**Full Changelog**: https://github.com/acme-corp/acme/compare/${t.sha1().slice(0, 12)}...v4.2.0`,
      'compare sha',
    );
  }

  // ---- Fixtures, docs ---------------------------------------------------------------------------------
  {
    const u = repo.file('api/tests/fixtures/users.yml', 'fixtures');
    u.l('alice:', '  email: alice@example.com');
    u.d(`  password_digest: "$2a$12$${t.mixed(B64.replace('+', '.'), 53)}"`, 'bcrypt hash');
    u.l('bob:', '  email: bob@example.com');
    u.d(
      `  password_hash: "$argon2id$v=19$m=65536,t=3,p=4$${b64(16).replace(/=+$/, '')}$${b64(32).replace(/=+$/, '')}"`,
      'argon2 hash',
    );
    u.l('carol:', '  email: carol@example.com');
    u.d(`  password_hash: "scrypt:32768:8:1$${t.alnum(16)}$${t.hex(64)}${t.hex(64)}"`, 'werkzeug scrypt hash');
    u.d(`  api_key_hash: "sha256$${t.hex(64)}"`, 'hashed api key');
    u.d(`  totp_secret_encrypted: "v1:${b64(48)}"`, 'ciphertext');

    const tc = repo.file('api/tests/config/test.env', 'fixtures');
    tc.l('# loaded by tests/conftest.py for the integration job');
    tc.d('DATABASE_URL=postgres://test:test@localhost:5432/test', 'local test database, trivial password');
    const sg = t.sendgrid();
    tc.s(`SENDGRID_API_KEY=${sg}`, 'sendgrid', sg);
    const tw = t.twilioToken();
    tc.d(`TWILIO_ACCOUNT_SID=${t.twilioSid()}`, 'twilio sid');
    tc.s(`TWILIO_AUTH_TOKEN=${tw}`, 'twilio', tw);
    tc.d('STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe documented example test key');
    tc.d(`JWT_SIGNING_SALT=test-salt-${t.lower(6)}`, 'test-only salt');

    const dd = repo.file('api/config/datadog.yaml', 'fixtures');
    const ddk = t.ddApi();
    dd.s(`api_key: ${ddk}`, 'datadog', ddk);
    dd.l('site: datadoghq.eu', 'logs_enabled: true');
    dd.d(`hostname_fqdn_hash: ${t.sha256()}`, 'hash');

    const doc = repo.file('docs/security/hashing.md', 'docs');
    doc.l(
      '# Password hashing',
      '',
      'We use argon2id with these parameters. Example output (for `hunter2`, salt shown in hex):',
      '',
    );
    doc.d(`    salt = ${t.hex(32)}`, 'doc salt');
    doc.d(`    $argon2id$v=19$m=19456,t=2,p=1$${b64(16).replace(/=+$/, '')}$${b64(32).replace(/=+$/, '')}`, 'doc hash');
    doc.l('', 'Sessions expire after 12 hours; an expired cookie looks like:', '');
    doc.d(`    Set-Cookie: __Host-session=deleted; Max-Age=0; Path=/; Secure`, 'deleted cookie');
    doc.d(`    idempotency key example: ik_${t.hex(24)}`, 'idempotency key format');

    const dc = repo.file('docker/compose.yaml', 'docker');
    dc.l('services:', '  db:');
    dc.d(`    image: postgres:16@sha256:${t.sha256()}`, 'image digest');
    dc.l('    environment:');
    const pgp = pw();
    dc.s(`      POSTGRES_PASSWORD: "${pgp}"`, 'generic', pgp);
    dc.l('  cache:');
    dc.d(`    image: redis:7-alpine@sha256:${t.sha256()}`, 'image digest');
    const dj = repo.file('docker/.docker/config.json', 'docker');
    const dpw = t.github();
    dj.l('{', '  "auths": {', '    "ghcr.io": {');
    dj.s(`      "auth": "${dockerAuth('acme-bot', dpw)}"`, 'github', dpw);
    dj.l('    }', '  },');
    dj.d(
      `  "HttpHeaders": { "User-Agent": "Docker-Client/27.3.1 (linux)" }, "currentContext": "default", "id": "${t.sha256()}"`,
      'context id',
    );
    dj.l('}');

    const ci = repo.file('.circleci/config.yml', 'ci');
    ci.l('version: 2.1', 'orbs:');
    ci.d(`  node: circleci/node@6.3.0`, 'orb version');
    ci.l('jobs:', '  e2e:', '    docker:');
    ci.d(`      - image: cypress/included@sha256:${t.sha256()}`, 'image digest');
    ci.l('    environment:');
    const cy = t.uuid();
    ci.s(`      CYPRESS_RECORD_KEY: ${cy}`, 'generic', cy);
    const st = sentryAuth();
    ci.s(`      SENTRY_AUTH_TOKEN: ${st}`, 'sentry', st);
    ci.d(`      SENTRY_RELEASE: "${t.sha1()}"`, 'release sha');
    ci.l('    steps:', '      - checkout', '      - run: npx cypress run --record');
    const hook = t.slackWebhook();
    ci.s(`      - run: curl -X POST -d '{"text":"e2e done"}' ${hook}`, 'slack', hook);
    const cc = repo.file('web/frontend/cypress.config.ts', 'ci');
    cc.l("import { defineConfig } from 'cypress';", 'export default defineConfig({');
    cc.d(`  projectId: '${t.lower(6)}',`, 'cypress project id (public)');
    cc.l("  e2e: { baseUrl: 'http://localhost:5173' },", '});');

    const rn = repo.file('renovate.json', 'ci');
    rn.l(
      '{',
      '  "extends": ["config:recommended"],',
      '  "hostRules": [',
      '    {',
      '      "matchHost": "npm.pkg.github.com",',
    );
    rn.d(`      "encrypted": { "token": "wcFMA${b64(200)}" }`, 'renovate encrypted token');
    rn.l('    }', '  ],');
    rn.d(`  "packageRules": [{ "matchDigest": "sha256:${t.sha256()}", "enabled": false }]`, 'digest');
    rn.l('}');

    const npmrc = repo.file('web/.npmrc', 'ci');
    npmrc.l('@acme:registry=https://npm.pkg.github.com/');
    const nt = t.npm();
    npmrc.s(`//registry.npmjs.org/:_authToken=${nt}`, 'npm', nt);
    npmrc.d('//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}', 'env reference');
    const yrc = repo.file('web/.yarnrc.yml', 'ci');
    yrc.l('nodeLinker: node-modules', 'npmScopes:', '  acme:', '    npmRegistryServer: "https://npm.pkg.github.com"');
    const yt = t.github();
    yrc.s(`    npmAuthToken: ${yt}`, 'github', yt);
    yrc.d(`yarnPath: .yarn/releases/yarn-4.5.3.cjs # sha ${t.sha256().slice(0, 16)}`, 'yarn release hash');
  }

  return repo;
}
