// Red-team suite "pkgmgr": registry and developer-tool credentials as they end up committed in
// package-manager and build-tool configuration across ecosystems (npm, yarn, pnpm, bun, pip,
// poetry, conda, Maven, Gradle, sbt, NuGet, Composer, Bundler, RubyGems, Cargo, Go, Docker, Helm,
// Artifactory, Nexus, Cloudsmith, Packagecloud, Gemfury, Azure Artifacts, CocoaPods, pub, Hex,
// Terraform, Vagrant, Chocolatey, Homebrew, Unity) and the CI snippets that write those files.
// Decoys: lockfile hashes, checksums, placeholders, encrypted values, credential helpers.
import { ALNUM, B64, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

function extra(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech'])}${one(['2024', '2025', '2026'])}!${t.digits(2)}`,
      () => `${one(['Summer', 'Winter', 'Harbor'])}${t.digits(4)}$${one(['ab', 'qz', 'kx'])}`,
      () => `${one(['deploy', 'publish', 'release'])}-${t.lower(6)}-${t.digits(3)}`,
    ])();
  const pw = () => (rand() < 0.5 ? t.password() : rand() < 0.5 ? human() : t.alnum(20));
  // Safe inside URLs, INI values and shell without quoting.
  const urlPw = () => pw().replace(/[^A-Za-z0-9_-]/g, '_');
  const b64 = (s) => Buffer.from(s).toString('base64');
  return {
    one,
    pw,
    urlPw,
    b64,
    artKey: () => `AKCp${one(['5', '8'])}${t.mixed(ALNUM, 68)}`,
    artRef: () => b64(`reftkn:01:${t.digits(10)}:${t.mixed(ALNUM, 32)}`).replace(/=+$/, ''),
    rubygems: () => `rubygems_${t.hex(48)}`,
    cio: () => `cio${t.mixed(ALNUM, 32)}`,
    nuget: () => `oy2${t.mixed(LOWER + '0123456789', 43)}`,
    dckr: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    atlas: () => `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM, 67)}`,
    // 84 characters: 52 random, the fixed JQQJ99 marker and AZDO signature, a 4-character checksum.
    adoPat: () =>
      `${t.mixed(ALNUM, 52)}JQQJ99${t.pick(UPPER, 1)}AAC${'A'.repeat(13)}${t.pick(UPPER, 1)}AZDO${t.mixed(ALNUM, 4)}`,
    adoLegacy: () => t.mixed('abcdefghijklmnopqrstuvwxyz234567', 52),
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    ya29: () => `ya29.a0${t.mixed(URLSAFE, 160)}`,
    gRefresh: () => `1//0${t.mixed(URLSAFE, 99)}`,
    hex32: () => t.hex(32),
    hex40: () => t.hex(40),
    hex48: () => t.hex(48),
    fury: () => t.mixed(ALNUM, 20),
    nexusName: () => t.mixed(ALNUM, 8),
    nexusPass: () => t.mixed(ALNUM + '+/', 44),
    anaconda: () => `${t.lower(2)}-${t.hex(8)}-${t.hex(4)}-${t.hex(4)}-${t.hex(4)}-${t.hex(12)}`,
    bearer: () => t.mixed(ALNUM, 40),
    integrity: () => `sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}`,
    sha1b64: () => `sha1-${Buffer.from(t.pick(HEX, 40), 'hex').toString('base64')}`,
    mvnEnc: () => `{${t.mixed(B64, 44)}=}`,
    dpapi: () => `AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA${t.mixed(B64, 180)}==`,
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6271 + 313);
  const t = makeTokens(rand);
  const x = extra(rand, t);
  const repo = new Repo();
  npmFamily(repo, t, x);
  python(repo, t, x);
  jvm(repo, t, x);
  dotnet(repo, t, x);
  phpRuby(repo, t, x);
  rustGo(repo, t, x);
  containers(repo, t, x);
  vendors(repo, t, x);
  mobileAndMisc(repo, t, x);
  ci(repo, t, x);
  lockfiles(repo, t, x);
  return repo;
}

function npmFamily(repo, t, x) {
  const n = repo.file('.npmrc', 'npm');
  n.l('registry=https://registry.npmjs.org/', '@acme:registry=https://npm.pkg.github.com/', 'always-auth=true');
  const gh = t.github();
  n.s(`//npm.pkg.github.com/:_authToken=${gh}`, 'github', gh);
  const np = t.npm();
  n.s(`//registry.npmjs.org/:_authToken="${np}"`, 'npm', np);
  n.d('//npm.acme-corp.io/:_authToken=${NPM_TOKEN}', 'env placeholder');
  n.l('@acme-internal:registry=https://pkgs.dev.azure.com/acme/_packaging/shared/npm/registry/');
  n.l('//pkgs.dev.azure.com/acme/_packaging/shared/npm/registry/:username=acme');
  const ado = x.adoPat();
  n.s(`//pkgs.dev.azure.com/acme/_packaging/shared/npm/registry/:_password=${x.b64(ado)}`, 'azure-devops', ado);
  n.l(
    '//pkgs.dev.azure.com/acme/_packaging/shared/npm/registry/:email=npm requires email to be set but does not use it',
  );

  const n2 = repo.file('apps/web/.npmrc', 'npm');
  n2.l('; project-local npm config', 'registry=https://nexus.acme-corp.io/repository/npm-group/');
  const nxPw = x.urlPw();
  n2.s(`_auth=${x.b64(`ci-reader:${nxPw}`)}`, 'generic', nxPw);
  n2.l('email=ci@acme-corp.io');
  const art = x.artKey();
  n2.s(`//acme.jfrog.io/artifactory/api/npm/npm-virtual/:_password=${x.b64(art)}`, 'artifactory', art);
  n2.l('//acme.jfrog.io/artifactory/api/npm/npm-virtual/:username=svc-npm');
  n2.d('//acme.jfrog.io/artifactory/api/npm/npm-virtual/:always-auth=true', 'setting');
  n2.d('//registry.npmjs.org/:_authToken=${env.NPM_TOKEN}', 'env placeholder');

  const y = repo.file('.yarnrc.yml', 'npm');
  y.l('nodeLinker: node-modules', 'yarnPath: .yarn/releases/yarn-4.5.3.cjs', 'npmScopes:', '  acme:');
  y.l('    npmRegistryServer: "https://npm.pkg.github.com"');
  const yg = t.github();
  y.s(`    npmAuthToken: ${yg}`, 'github', yg);
  y.l('  acme-legacy:', '    npmRegistryServer: "https://nexus.acme-corp.io/repository/npm-private/"');
  const ident = x.urlPw();
  y.s(`    npmAuthIdent: "ci-publisher:${ident}"`, 'generic', ident);
  y.l('    npmAlwaysAuth: true', 'npmRegistries:', '  "//registry.npmjs.org":');
  y.d('    npmAuthToken: "${NPM_AUTH_TOKEN:-}"', 'env placeholder with default empty');
  y.l('  "https://acme.jfrog.io/artifactory/api/npm/npm-local":');
  const id2 = x.urlPw();
  y.s(`    npmAuthIdent: ${x.b64(`svc-yarn:${id2}`)}`, 'generic', id2);
  y.d('    npmAlwaysAuth: true # ci only', 'setting');

  const y1 = repo.file('packages/legacy-ui/.yarnrc', 'npm');
  y1.l('# yarn v1', 'registry "https://registry.npmjs.org/"', '"@acme:registry" "https://npm.pkg.github.com/"');
  const y1t = t.npm();
  y1.s(`"//registry.npmjs.org/:_authToken" "${y1t}"`, 'npm', y1t);
  y1.d('"//npm.pkg.github.com/:_authToken" "${GITHUB_TOKEN}"', 'env placeholder');

  const b = repo.file('bunfig.toml', 'npm');
  b.l('[install]', 'exact = true', '', '[install.registry]', 'url = "https://registry.npmjs.org/"');
  const bt = t.npm();
  b.s(`token = "${bt}"`, 'npm', bt);
  b.l('', '[install.scopes]');
  const bg = t.github('gho_');
  b.s(`"@acme" = { token = "${bg}", url = "https://npm.pkg.github.com/" }`, 'github', bg);
  const bpw = x.urlPw();
  b.s(`"@partner" = "https://acme-ci:${bpw}@npm.partner-registry.io/"`, 'generic', bpw);
  b.d('"@internal" = { token = "$NPM_INTERNAL_TOKEN", url = "https://npm.acme-corp.io/" }', 'env reference');

  const pnr = repo.file('packages/sdk/.npmrc', 'npm');
  pnr.l(
    'auto-install-peers=true',
    'link-workspace-packages=true',
    '@acme:registry=https://gitlab.acme-corp.io/api/v4/projects/412/packages/npm/',
  );
  const glp = t.gitlab();
  pnr.s(`//gitlab.acme-corp.io/api/v4/projects/412/packages/npm/:_authToken=${glp}`, 'gitlab', glp);
  pnr.d('//gitlab.acme-corp.io/api/v4/packages/npm/:_authToken=${CI_JOB_TOKEN}', 'ci variable');

  const up = repo.file('game/Packages/manifest.json', 'npm');
  up.l('{', '  "scopedRegistries": [', '    {', '      "name": "Acme",', '      "url": "https://npm.acme-corp.io",');
  up.l(
    '      "scopes": ["com.acme"]',
    '    }',
    '  ],',
    '  "dependencies": {',
    '    "com.unity.render-pipelines.universal": "17.0.3",',
  );
  up.d('    "com.acme.netcode": "file:../../vendor/com.acme.netcode-3.2.1.tgz"', 'local package ref');
  up.l('  }', '}');
  const upm = repo.file('ops/home/.upmconfig.toml', 'npm');
  upm.l('[npmAuth."https://npm.acme-corp.io"]');
  const ut = t.npm();
  upm.s(`token = "${ut}"`, 'npm', ut);
  upm.l('alwaysAuth = true', '', '[npmAuth."https://unity.jfrog.acme-corp.io/artifactory/api/npm/upm"]');
  const ua = x.urlPw();
  upm.s(`_auth = "${x.b64(`game-ci:${ua}`)}"`, 'generic', ua);
  upm.d('email = "gamedev@acme-corp.io"', 'email');
}

function python(repo, t, x) {
  const p = repo.file('ops/home/.config/pip/pip.conf', 'python');
  p.l('[global]', 'timeout = 60');
  const pw = x.urlPw();
  p.s(`index-url = https://deploy:${pw}@pypi.acme-corp.io/simple/`, 'generic', pw);
  const at = x.artKey();
  p.s(
    `extra-index-url = https://svc-pip:${at}@acme.jfrog.io/artifactory/api/pypi/pypi-virtual/simple`,
    'artifactory',
    at,
  );
  p.d('trusted-host = pypi.acme-corp.io', 'host');
  p.d('# index-url = https://USERNAME:PASSWORD@pypi.acme-corp.io/simple/', 'commented placeholder');

  const pi = repo.file('tools/windows/pip.ini', 'python');
  pi.l('[global]');
  const ado = x.adoLegacy();
  pi.s(
    `extra-index-url=https://acme:${ado}@pkgs.dev.azure.com/acme/_packaging/py-feed/pypi/simple/`,
    'azure-devops',
    ado,
  );
  pi.d('index-url=https://pypi.org/simple', 'public index');

  const rq = repo.file('services/ml/requirements.txt', 'python');
  const gl = t.gitlab();
  rq.s(
    `--extra-index-url https://__token__:${gl}@gitlab.acme-corp.io/api/v4/projects/88/packages/pypi/simple`,
    'gitlab',
    gl,
  );
  rq.d(`numpy==2.1.3 --hash=sha256:${t.sha256()}`, 'pip hash');
  rq.d(`pandas==2.2.3 --hash=sha256:${t.sha256()}`, 'pip hash');
  const ghr = t.github();
  rq.s(`acme-features @ git+https://${ghr}@github.com/acme-corp/features.git@v0.9.1`, 'github', ghr);
  rq.d('acme-utils @ git+https://${GITHUB_TOKEN}@github.com/acme-corp/utils.git@v1.2.0', 'env placeholder');

  const pr = repo.file('ops/home/.pypirc', 'python');
  pr.l('[distutils]', 'index-servers =', '    pypi', '    testpypi', '    acme', '', '[pypi]', 'username = __token__');
  const py1 = t.pypi();
  pr.s(`password = ${py1}`, 'pypi', py1);
  pr.l('', '[testpypi]', 'repository = https://test.pypi.org/legacy/', 'username = __token__');
  const py2 = `pypi-AgENdGVzdC5weXBpLm9yZw${t.mixed(URLSAFE, 140)}`;
  pr.s(`password: ${py2}`, 'pypi', py2);
  pr.l('', '[acme]', 'repository = https://nexus.acme-corp.io/repository/pypi-internal/', 'username = svc-upload');
  const ppw = x.pw();
  pr.s(`password = ${ppw}`, 'generic', ppw);

  const pa = repo.file('ops/home/.config/pypoetry/auth.toml', 'python');
  pa.l('[http-basic.acme]', 'username = "svc-poetry"');
  const pap = x.pw();
  pa.s(`password = "${pap}"`, 'generic', pap);
  pa.l('', '[http-basic.jfrog]', 'username = "ml-team"');
  const paj = x.artRef();
  pa.s(`password = "${paj}"`, 'artifactory', paj);
  pa.l('', '[pypi-token]');
  const pat = t.pypi();
  pa.s(`pypi = "${pat}"`, 'pypi', pat);

  const pe = repo.file('services/ml/.env.ci', 'python');
  const pe1 = x.urlPw();
  pe.s(`POETRY_HTTP_BASIC_ACME_PASSWORD=${pe1}`, 'generic', pe1);
  pe.l('POETRY_HTTP_BASIC_ACME_USERNAME=svc-poetry');
  const pe2 = t.pypi();
  pe.s(`POETRY_PYPI_TOKEN_PYPI=${pe2}`, 'pypi', pe2);
  const pe3 = x.urlPw();
  pe.s(`PIP_INDEX_URL=https://ci:${pe3}@pypi.acme-corp.io/simple`, 'generic', pe3);
  pe.d('UV_INDEX_ACME_PASSWORD=${{ secrets.UV_INDEX_PASSWORD }}', 'ci secret reference');

  const c = repo.file('ops/home/.condarc', 'python');
  c.l('channels:');
  const ac = x.anaconda();
  c.s(`  - https://conda.anaconda.org/t/${ac}/acme-private`, 'anaconda', ac);
  c.l('  - conda-forge', '  - defaults', 'channel_alias: https://conda.acme-corp.io');
  c.l('custom_channels:');
  const cpw = x.urlPw();
  c.s(`  acme-internal: https://conda-reader:${cpw}@conda.acme-corp.io/channels`, 'generic', cpw);
  c.d('  bioconda: https://conda.anaconda.org', 'public channel');
  c.d('ssl_verify: /etc/ssl/certs/acme-root-ca.pem', 'ca path');

  const pub = repo.file('scripts/publish_py.sh', 'python');
  pub.l('#!/usr/bin/env bash', 'set -euo pipefail', 'poetry build');
  const pt = t.pypi();
  pub.s(`poetry config pypi-token.pypi ${pt}`, 'pypi', pt);
  const tw = x.pw().replace(/'/g, '');
  pub.s(
    `twine upload --repository-url https://nexus.acme-corp.io/repository/pypi-internal/ -u svc-upload -p '${tw}' dist/*`,
    'generic',
    tw,
  );
  pub.d('twine upload -u __token__ -p "$PYPI_API_TOKEN" dist/*', 'env reference');
  pub.d('poetry config http-basic.acme svc-poetry "$(vault kv get -field=password secret/ci/poetry)"', 'vault lookup');
}

function jvm(repo, t, x) {
  const s = repo.file('ops/home/.m2/settings.xml', 'maven');
  s.l(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">',
    '  <servers>',
  );
  s.l('    <server>', '      <id>ossrh</id>', '      <username>acme-release</username>');
  const ossrh = x.pw();
  s.s(`      <password>${ossrh}</password>`, 'generic', ossrh);
  s.l('    </server>', '    <server>', '      <id>github</id>', '      <username>acme-bot</username>');
  const gh = t.github();
  s.s(`      <password>${gh}</password>`, 'github', gh);
  s.l('    </server>', '    <server>', '      <id>nexus-releases</id>', '      <username>deployment</username>');
  s.d(`      <password>${x.mvnEnc()}</password>`, 'maven encrypted password');
  s.l('    </server>', '    <server>', '      <id>nexus-snapshots</id>', '      <username>deployment</username>');
  s.d('      <password>${env.NEXUS_PASSWORD}</password>', 'env reference');
  s.l('    </server>', '    <server>', '      <id>gitlab-maven</id>', '      <configuration>', '        <httpHeaders>');
  s.l('          <property>', '            <name>Private-Token</name>');
  const gl = t.gitlab();
  s.s(`            <value>${gl}</value>`, 'gitlab', gl);
  s.l('          </property>', '        </httpHeaders>', '      </configuration>', '    </server>');
  s.l('    <server>', '      <id>deploy-ssh</id>', '      <username>mvn</username>');
  s.d('      <privateKey>${user.home}/.ssh/id_ed25519</privateKey>', 'key path');
  const pass = x.pw();
  s.s(`      <passphrase>${pass}</passphrase>`, 'generic', pass);
  s.l('    </server>', '    <server>', '      <id>artifactory</id>', '      <username>svc-maven</username>');
  const art = x.artRef();
  s.s(`      <password>${art}</password>`, 'artifactory', art);
  s.l('    </server>', '  </servers>', '  <profiles>', '    <profile>', '      <id>release</id>', '      <properties>');
  s.d('        <gpg.keyname>4F1A2B3C5D6E7F80</gpg.keyname>', 'gpg key id');
  const gpg = x.pw();
  s.s(`        <gpg.passphrase>${gpg}</gpg.passphrase>`, 'generic', gpg);
  s.l('      </properties>', '    </profile>', '  </profiles>', '</settings>');

  const ss = repo.file('ops/home/.m2/settings-security.xml', 'maven');
  ss.l('<settingsSecurity>');
  ss.d(`  <master>${x.mvnEnc()}</master>`, 'encrypted master password');
  ss.l('</settingsSecurity>');

  const ci = repo.file('.mvn/ci-settings.xml', 'maven');
  ci.l('<settings>', '  <servers>', '    <server>', '      <id>central</id>');
  const cu = x.nexusName();
  const cp = x.nexusPass();
  ci.d(`      <username>${cu}</username>`, 'user-token name code (the username half)');
  ci.s(`      <password>${cp}</password>`, 'generic', cp);
  ci.l('    </server>', '    <server>', '      <id>central-staging</id>');
  ci.d('      <username>${env.MAVEN_CENTRAL_USERNAME}</username>', 'env reference');
  ci.d('      <password>${env.MAVEN_CENTRAL_PASSWORD}</password>', 'env reference');
  ci.l('    </server>', '  </servers>', '</settings>');

  const pom = repo.file('services/billing/pom.xml', 'maven');
  pom.l(
    '<project>',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>com.acme</groupId>',
    '  <artifactId>billing</artifactId>',
  );
  pom.l('  <distributionManagement>', '    <repository>', '      <id>nexus-releases</id>');
  pom.d('      <url>https://nexus.acme-corp.io/repository/maven-releases/</url>', 'url');
  pom.l('    </repository>', '  </distributionManagement>', '  <properties>');
  pom.d('    <gpg.keyname>${env.GPG_KEYNAME}</gpg.keyname>', 'env reference');
  pom.d(`    <checksum.sha256>${t.sha256()}</checksum.sha256>`, 'checksum');
  pom.l('  </properties>', '</project>');

  const gp = repo.file('ops/home/.gradle/gradle.properties', 'gradle');
  gp.l('org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8', 'org.gradle.caching=true', 'ossrhUsername=acme-release');
  const op = x.pw();
  gp.s(`ossrhPassword=${op}`, 'generic', op);
  gp.d('signing.keyId=5D6E7F80', 'gpg short key id');
  const sp = x.pw();
  gp.s(`signing.password=${sp}`, 'generic', sp);
  gp.d('signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg', 'file path');
  gp.d(`mavenCentralUsername=${x.nexusName()}`, 'user-token name code (the username half)');
  const mcp = x.nexusPass();
  gp.s(`mavenCentralPassword=${mcp}`, 'generic', mcp);
  gp.l('gradle.publish.key=' + '');
  const gpk = t.alnum(32);
  gp.s(`gradle.publish.secret=${gpk}`, 'generic', gpk);
  gp.l('artifactory_user=svc-gradle');
  const ap = x.artKey();
  gp.s(`artifactory_password=${ap}`, 'artifactory', ap);
  const ghp = t.github();
  gp.s(`gpr.key=${ghp}`, 'github', ghp);
  gp.d('gpr.user=acme-bot', 'username');
  const key = t.ecPem();
  gp.s(`signingInMemoryKey=${key.join('\\n')}`, 'private-key', key.slice(1, -1).join('\\n').split('\\n')[0]);
  gp.d('systemProp.http.proxyPassword=', 'empty');

  const pgp = repo.file('gradle.properties', 'gradle');
  pgp.l('kotlin.code.style=official', 'android.useAndroidX=true', 'VERSION_NAME=3.8.0-SNAPSHOT', 'GROUP=com.acme');
  pgp.d('POM_URL=https://github.com/acme-corp/acme-kotlin', 'url');
  pgp.d('# ossrhPassword=<set in ~/.gradle/gradle.properties>', 'placeholder');
  pgp.d('signing.password=', 'empty');

  const k = repo.file('services/android/build.gradle.kts', 'gradle');
  k.l(
    'repositories {',
    '    mavenCentral()',
    '    maven {',
    '        url = uri("https://maven.pkg.github.com/acme-corp/android-libs")',
    '        credentials {',
  );
  k.l('            username = "acme-bot"');
  const kg = t.github();
  k.s(`            password = "${kg}"`, 'github', kg);
  k.l(
    '        }',
    '    }',
    '    maven {',
    '        url = uri("https://nexus.acme-corp.io/repository/maven-public/")',
    '        credentials {',
  );
  k.d('            username = findProperty("nexusUser") as String?', 'property lookup');
  k.d('            password = System.getenv("NEXUS_PASSWORD")', 'env lookup');
  k.l('        }', '    }', '}');
  const kp = x.pw();
  k.s(`signing { useInMemoryPgpKeys("5D6E7F80", file("ci/signing.asc").readText(), "${kp}") }`, 'generic', kp);

  const gv = repo.file('gradle/wrapper/gradle-wrapper.properties', 'gradle');
  gv.l(
    'distributionBase=GRADLE_USER_HOME',
    'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.11.1-bin.zip',
  );
  gv.d(`distributionSha256Sum=${t.sha256()}`, 'wrapper checksum');

  const vm = repo.file('gradle/verification-metadata.xml', 'gradle');
  vm.l(
    '<verification-metadata>',
    '  <components>',
    '    <component group="com.squareup.okhttp3" name="okhttp" version="4.12.0">',
    '      <artifact name="okhttp-4.12.0.jar">',
  );
  vm.d(`        <sha256 value="${t.sha256()}" origin="Generated by Gradle"/>`, 'dependency checksum');
  vm.d(`        <pgp value="${t.sha1().toUpperCase()}"/>`, 'pgp fingerprint');
  vm.l('      </artifact>', '    </component>', '  </components>', '</verification-metadata>');

  const sb = repo.file('ops/home/.sbt/.credentials', 'sbt');
  sb.l('realm=Sonatype Nexus Repository Manager', 'host=s01.oss.sonatype.org', 'user=acme-release');
  const sbp = x.pw();
  sb.s(`password=${sbp}`, 'generic', sbp);

  const bs = repo.file('services/analytics/build.sbt', 'sbt');
  bs.l('ThisBuild / organization := "com.acme"', 'ThisBuild / scalaVersion := "3.5.2"');
  const bsp = x.pw();
  bs.s(`credentials += Credentials("Artifactory Realm", "acme.jfrog.io", "svc-sbt", "${bsp}")`, 'generic', bsp);
  bs.d('credentials += Credentials(Path.userHome / ".sbt" / ".credentials")', 'file reference');
  bs.d(
    'credentials += Credentials("GitHub Package Registry", "maven.pkg.github.com", "acme-bot", sys.env.getOrElse("GITHUB_TOKEN", ""))',
    'env lookup',
  );
}

function dotnet(repo, t, x) {
  const n = repo.file('NuGet.config', 'nuget');
  n.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>', '    <clear />');
  n.l('    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />');
  n.l('    <add key="github" value="https://nuget.pkg.github.com/acme-corp/index.json" />');
  n.l('    <add key="acme-feed" value="https://pkgs.dev.azure.com/acme/_packaging/acme-feed/nuget/v3/index.json" />');
  n.l('    <add key="legacy" value="https://nexus.acme-corp.io/repository/nuget-hosted/" />');
  n.l(
    '  </packageSources>',
    '  <packageSourceCredentials>',
    '    <github>',
    '      <add key="Username" value="acme-bot" />',
  );
  const gh = t.github();
  n.s(`      <add key="ClearTextPassword" value="${gh}" />`, 'github', gh);
  n.l('    </github>', '    <acme-feed>', '      <add key="Username" value="build" />');
  const ado = x.adoPat();
  n.s(`      <add key="ClearTextPassword" value="${ado}" />`, 'azure-devops', ado);
  n.l(
    '      <add key="ValidAuthenticationTypes" value="basic" />',
    '    </acme-feed>',
    '    <legacy>',
    '      <add key="Username" value="svc-nuget" />',
  );
  n.d(`      <add key="Password" value="${x.dpapi()}" />`, 'DPAPI-encrypted password');
  n.l('    </legacy>', '  </packageSourceCredentials>', '  <apikeys>');
  n.d(
    `    <add key="https://nexus.acme-corp.io/repository/nuget-hosted/" value="${x.dpapi()}" />`,
    'encrypted api key',
  );
  n.l('  </apikeys>', '</configuration>');

  const n2 = repo.file('services/legacy/nuget.config', 'nuget');
  n2.l('<configuration>', '  <packageSourceCredentials>', '    <acme-feed>', '      <add key="Username" value="az" />');
  n2.d('      <add key="ClearTextPassword" value="%NUGET_FEED_PAT%" />', 'env reference');
  n2.l('    </acme-feed>', '    <proget>', '      <add key="Username" value="api" />');
  const pg = x.pw().replace(/[<>&"]/g, '');
  n2.s(`      <add key="ClearTextPassword" value="${pg}" />`, 'generic', pg);
  n2.l('    </proget>', '  </packageSourceCredentials>', '</configuration>');

  const ps = repo.file('build/publish.ps1', 'nuget');
  ps.l('$ErrorActionPreference = "Stop"', 'dotnet pack -c Release -o out');
  const nk = x.nuget();
  ps.s(`dotnet nuget push "out/*.nupkg" --api-key ${nk} --source https://api.nuget.org/v3/index.json`, 'nuget', nk);
  ps.d('dotnet nuget push "out/*.nupkg" --api-key $env:NUGET_API_KEY --source github', 'env reference');
  const ck = t.uuid();
  ps.s(`choco apikey --key ${ck} --source https://push.chocolatey.org/`, 'chocolatey', ck);
  ps.d(
    'choco push acme-cli.1.4.0.nupkg --source https://push.chocolatey.org/ --api-key $env:CHOCO_API_KEY',
    'env reference',
  );
  const ap = t.github();
  ps.s(
    `dotnet nuget add source https://nuget.pkg.github.com/acme-corp/index.json -n github -u acme-bot -p ${ap} --store-password-in-clear-text`,
    'github',
    ap,
  );
  ps.d(`# package id ${t.uuid()} (project guid)`, 'guid');
}

function phpRuby(repo, t, x) {
  const a = repo.file('auth.json', 'composer');
  a.l('{', '    "http-basic": {', '        "repo.packagist.com": {', '            "username": "token",');
  const pk = t.hex(40);
  a.s(`            "password": "${pk}"`, 'packagist', pk);
  a.l('        },', '        "satis.acme-corp.io": {', '            "username": "deploy",');
  const sp = x.pw().replace(/["\\]/g, '');
  a.s(`            "password": "${sp}"`, 'generic', sp);
  a.l('        }', '    },', '    "github-oauth": {');
  const gh = t.github('gho_');
  a.s(`        "github.com": "${gh}"`, 'github', gh);
  a.l('    },', '    "gitlab-token": {');
  const gl = t.gitlab();
  a.s(`        "gitlab.acme-corp.io": "${gl}"`, 'gitlab', gl);
  a.l('    },', '    "bearer": {');
  const br = x.bearer();
  a.s(`        "private-packagist.acme-corp.io": "${br}"`, 'generic', br);
  a.l('    }', '}');

  const gf = repo.file('Gemfile', 'ruby');
  gf.l("source 'https://rubygems.org'", "ruby '3.3.6'");
  const gpw = x.urlPw();
  gf.s(`source 'https://deploy:${gpw}@gems.acme-corp.io/' do`, 'generic', gpw);
  gf.l("  gem 'acme-auth', '~> 2.1'", 'end');
  gf.d("source 'https://gems.contribsys.com/' do", 'url without credentials');
  gf.l("  gem 'sidekiq-pro'", 'end', "gem 'rails', '~> 8.0'");

  const bc = repo.file('.bundle/config', 'ruby');
  bc.l('---', 'BUNDLE_PATH: "vendor/bundle"', 'BUNDLE_DEPLOYMENT: "true"');
  const sk = `${t.hex(8)}:${t.hex(8)}`;
  bc.s(`BUNDLE_GEMS__CONTRIBSYS__COM: "${sk}"`, 'generic', sk.split(':')[1]);
  const bg = t.github();
  bc.s(`BUNDLE_RUBYGEMS__PKG__GITHUB__COM: "acme-bot:${bg}"`, 'github', bg);
  const bgf = x.fury();
  bc.s(`BUNDLE_GEM__FURY__IO: ${bgf}`, 'gemfury', bgf);
  bc.d('BUNDLE_WITHOUT: "development:test"', 'setting');

  const gc = repo.file('ops/home/.gem/credentials', 'ruby');
  gc.l('---');
  const rg = x.rubygems();
  gc.s(`:rubygems_api_key: ${rg}`, 'rubygems', rg);
  const rg2 = t.github();
  gc.s(`https://rubygems.pkg.github.com/acme-corp: Bearer ${rg2}`, 'github', rg2);
}

function rustGo(repo, t, x) {
  const cr = repo.file('ops/home/.cargo/credentials.toml', 'cargo');
  cr.l('[registry]');
  const c1 = x.cio();
  cr.s(`token = "${c1}"`, 'crates', c1);
  cr.l('', '[registries.acme]');
  const c2 = x.bearer();
  cr.s(`token = "Bearer ${c2}"`, 'generic', c2);
  cr.l('', '[registries.shipyard]');
  const c3 = t.alnum(32);
  cr.s(`token = '${c3}'  # shipyard.rs read token`, 'generic', c3);

  const cc = repo.file('.cargo/config.toml', 'cargo');
  cc.l('[registries.acme]', 'index = "sparse+https://cargo.acme-corp.io/api/v1/crates/"');
  cc.d('credential-provider = ["cargo:token"]', 'credential provider');
  cc.l('', '[registries.kellnr]', 'index = "sparse+https://kellnr.acme-corp.io/api/v1/crates/"');
  const c4 = t.alnum(32);
  cc.s(`token = "${c4}"`, 'generic', c4);
  cc.l('', '[registry]');
  cc.d('global-credential-providers = ["cargo:libsecret", "cargo:token"]', 'credential providers');
  cc.l('', '[net]', 'git-fetch-with-cli = true');

  const cl = repo.file('scripts/release-crate.sh', 'cargo');
  cl.l('#!/bin/sh', 'set -e');
  const c5 = x.cio();
  cl.s(`cargo login ${c5}`, 'crates', c5);
  cl.d('cargo publish --token "$CARGO_REGISTRY_TOKEN"', 'env reference');
  const c6 = t.alnum(32);
  cl.s(`CARGO_REGISTRIES_ACME_TOKEN=${c6} cargo publish --registry acme`, 'generic', c6);

  const go = repo.file('services/gateway/.envrc', 'go');
  go.d('export GOPRIVATE=github.com/acme-corp/*,go.acme-corp.io', 'module pattern');
  go.d('export GONOSUMDB=github.com/acme-corp/*', 'module pattern');
  const gp = x.urlPw();
  go.s(`export GOPROXY=https://gomod:${gp}@athens.acme-corp.io,https://proxy.golang.org,direct`, 'generic', gp);
  go.d('export GOFLAGS=-mod=mod', 'setting');
  const ga = x.artKey();
  go.s(`export GOPROXY_ART="https://svc-go:${ga}@acme.jfrog.io/artifactory/api/go/go-virtual"`, 'artifactory', ga);

  const nr = repo.file('ops/home/.netrc', 'go');
  const ngh = t.github();
  nr.s(`machine github.com login acme-bot password ${ngh}`, 'github', ngh);
  nr.l('machine gitlab.acme-corp.io');
  nr.l('  login gitlab-ci-token');
  const ngl = t.gitlab();
  nr.s(`  password ${ngl}`, 'gitlab', ngl);
  const pod = x.hex32();
  nr.s(`machine trunk.cocoapods.org login release@acme-corp.io password ${pod}`, 'cocoapods', pod);
  nr.d('machine proxy.golang.org login anonymous password anonymous', 'anonymous default');

  const gd = repo.file('services/gateway/Dockerfile', 'go');
  gd.l('# syntax=docker/dockerfile:1.7', 'FROM golang:1.23 AS build', 'WORKDIR /src');
  gd.d('RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download', 'build secret mount');
  gd.d('ARG GITHUB_TOKEN', 'arg without default');
  gd.d(
    'RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
    'arg reference',
  );
  const gdt = t.github();
  gd.s(
    `RUN git config --global url."https://x-access-token:${gdt}@github.com/acme-corp/".insteadOf "https://github.com/acme-corp/"`,
    'github',
    gdt,
  );
  gd.l('COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway');
}

function containers(repo, t, x) {
  const d = repo.file('ops/home/.docker/config.json', 'docker');
  d.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  const dp = x.dckr();
  d.s(`      "auth": "${x.b64(`acmeci:${dp}`)}"`, 'dockerhub', dp);
  d.l('    },', '    "ghcr.io": {');
  const gh = t.github();
  d.s(`      "auth": "${x.b64(`acme-bot:${gh}`)}"`, 'github', gh);
  d.l('    },', '    "registry.acme-corp.io": {');
  const rpw = x.urlPw();
  d.s(`      "auth": "${x.b64(`robot$ci:${rpw}`)}"`, 'generic', rpw);
  d.l('    },', '    "acme.azurecr.io": {', '      "auth": "",');
  const it = t.jwt();
  d.s(`      "identitytoken": "${it}"`, 'generic', it);
  d.l('    },', '    "quay.io": {');
  d.d('      "auth": ""', 'empty auth (helper)');
  d.l('    }', '  },');
  d.d('  "credsStore": "desktop",', 'credential store');
  d.l('  "credHelpers": {');
  d.d('    "123456789012.dkr.ecr.us-east-1.amazonaws.com": "ecr-login",', 'credential helper');
  d.d('    "us-docker.pkg.dev": "gcloud"', 'credential helper');
  d.l('  }', '}');

  const h = repo.file('ops/home/.config/helm/repositories.yaml', 'helm');
  h.l('apiVersion: ""', 'generated: "2026-11-02T10:12:44.118Z"', 'repositories:', '- name: bitnami');
  h.d('  url: https://charts.bitnami.com/bitnami', 'url');
  h.d('  password: ""', 'empty');
  h.l('  username: ""', '- name: acme', '  url: https://charts.acme-corp.io', '  username: helm-reader');
  const hp = x.pw().replace(/"/g, '');
  h.s(`  password: "${hp}"`, 'generic', hp);
  h.l(
    '  caFile: ""',
    '- name: jfrog',
    '  url: https://acme.jfrog.io/artifactory/api/helm/helm-virtual',
    '  username: svc-helm',
  );
  const ha = x.artRef();
  h.s(`  password: ${ha}`, 'artifactory', ha);
  h.l('  insecure_skip_tls_verify: false', '  pass_credentials_all: false');

  const df = repo.file('apps/web/Dockerfile', 'docker');
  df.l('FROM node:20-alpine AS deps', 'WORKDIR /app', 'COPY package.json package-lock.json ./');
  df.d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev', 'build secret mount');
  df.d('ARG NPM_TOKEN', 'arg without default');
  df.d('RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm -f .npmrc', 'arg reference');
  const at = t.npm();
  df.s(`ARG NPM_TOKEN_FALLBACK=${at}`, 'npm', at);
  df.d(`FROM node:20-alpine@sha256:${t.sha256()}`, 'image digest');

  const pyd = repo.file('services/ml/Dockerfile', 'docker');
  pyd.l('FROM python:3.12-slim');
  const pip = x.urlPw();
  pyd.s(`ENV PIP_EXTRA_INDEX_URL=https://ml-ci:${pip}@pypi.acme-corp.io/simple`, 'generic', pip);
  pyd.d(
    'RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install -r requirements.txt',
    'build secret mount',
  );
  pyd.d('ARG PIP_INDEX_URL', 'arg');

  const ds = repo.file('scripts/docker-login.sh', 'docker');
  ds.l('#!/usr/bin/env bash');
  ds.d('echo "$DOCKERHUB_TOKEN" | docker login -u acmeci --password-stdin', 'stdin from env');
  const dl = x.dckr();
  ds.s(`docker login -u acmeci -p ${dl} docker.io`, 'dockerhub', dl);
  const hl = x.pw().replace(/'/g, '');
  ds.s(`helm repo add acme https://charts.acme-corp.io --username helm-reader --password '${hl}'`, 'generic', hl);
  const hr = t.github();
  ds.s(`echo ${hr} | helm registry login ghcr.io --username acme-bot --password-stdin`, 'github', hr);
}

function vendors(repo, t, x) {
  const jf = repo.file('ops/home/.jfrog/jfrog-cli.conf.v6', 'artifactory');
  jf.l(
    '{',
    '  "servers": [',
    '    {',
    '      "url": "https://acme.jfrog.io/",',
    '      "artifactoryUrl": "https://acme.jfrog.io/artifactory/",',
  );
  jf.l('      "user": "svc-ci",');
  const ja = t.jwt();
  jf.s(`      "accessToken": "${ja}",`, 'artifactory', ja);
  const jr = x.artRef();
  jf.s(`      "refreshToken": "${jr}",`, 'artifactory', jr);
  jf.l('      "serverId": "acme",', '      "isDefault": true', '    }', '  ],', '  "version": "6"', '}');

  const js = repo.file('scripts/artifactory.sh', 'artifactory');
  js.l('#!/usr/bin/env bash');
  const k1 = x.artKey();
  js.s(
    `curl -H "X-JFrog-Art-Api: ${k1}" -T build/acme.tgz https://acme.jfrog.io/artifactory/generic-local/acme/`,
    'artifactory',
    k1,
  );
  const k2 = x.artRef();
  js.s(`jf c add acme --url=https://acme.jfrog.io --access-token=${k2} --interactive=false`, 'artifactory', k2);
  js.d(
    'jf c add acme --url=https://acme.jfrog.io --access-token="$JF_ACCESS_TOKEN" --interactive=false',
    'env reference',
  );
  const nx = x.pw().replace(/'/g, '');
  js.s(
    `curl -u 'admin:${nx}' -X POST https://nexus.acme-corp.io/service/rest/v1/components?repository=raw-hosted`,
    'generic',
    nx,
  );
  const nu = x.nexusPass();
  js.s(
    `curl -u "${x.nexusName()}:${nu}" --upload-file acme.zip https://nexus.acme-corp.io/repository/raw-hosted/acme.zip`,
    'generic',
    nu,
  );

  const cs = repo.file('scripts/cloudsmith-publish.sh', 'cloudsmith');
  cs.l('#!/usr/bin/env bash', 'set -euo pipefail');
  const ck = x.hex40();
  cs.s(`export CLOUDSMITH_API_KEY=${ck}`, 'cloudsmith', ck);
  cs.l('cloudsmith push deb acme/stable/ubuntu/noble dist/acme_1.4.0_amd64.deb');
  const ent = t.alnum(16);
  cs.s(`curl -1sLf 'https://dl.cloudsmith.io/${ent}/acme/private/setup.deb.sh' | sudo -E bash`, 'cloudsmith', ent);
  cs.d("curl -1sLf 'https://dl.cloudsmith.io/public/acme/oss/setup.deb.sh' | sudo -E bash", 'public repo');

  const pc = repo.file('ops/home/.packagecloud', 'packagecloud');
  const pct = x.hex48();
  pc.s(`{"url":"https://packagecloud.io","token":"${pct}"}`, 'packagecloud', pct);
  const pl = repo.file('deploy/apt/acme.list', 'packagecloud');
  const pmt = x.hex48();
  pl.s(`deb https://${pmt}:@packagecloud.io/acme/private/ubuntu/ noble main`, 'packagecloud', pmt);
  pl.d('deb https://packagecloud.io/acme/public/ubuntu/ noble main', 'public repo');
  pl.d('deb [signed-by=/etc/apt/keyrings/acme.gpg] https://apt.acme-corp.io stable main', 'keyring path');

  const gy = repo.file('scripts/fury.sh', 'gemfury');
  const fp = x.fury();
  gy.s(`curl -F package=@dist/acme-1.4.0.gem https://${fp}@push.fury.io/acme/`, 'gemfury', fp);
  const fn = x.fury();
  gy.s(`npm config set //npm.fury.io/acme/:_authToken ${fn}`, 'gemfury', fn);
  gy.d('npm config set //npm.fury.io/acme/:_authToken "$FURY_TOKEN"', 'env reference');

  const tf = repo.file('ops/home/.terraform.d/credentials.tfrc.json', 'terraform');
  tf.l('{', '  "credentials": {', '    "app.terraform.io": {');
  const at = x.atlas();
  tf.s(`      "token": "${at}"`, 'terraform', at);
  tf.l('    },', '    "tfe.acme-corp.io": {');
  const at2 = x.atlas();
  tf.s(`      "token": "${at2}"`, 'terraform', at2);
  tf.l('    }', '  }', '}');
  const trc = repo.file('ops/home/.terraformrc', 'terraform');
  trc.l('plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"', 'credentials "registry.acme-corp.io" {');
  const at3 = t.alnum(40);
  trc.s(`  token = "${at3}"`, 'generic', at3);
  trc.l('}', 'credentials_helper "vault" {');
  trc.d('  args = ["--path", "secret/terraform/tokens"]', 'helper args');
  trc.l('}');
  const tfe = repo.file('infra/.envrc', 'terraform');
  const at4 = x.atlas();
  tfe.s(`export TF_TOKEN_app_terraform_io="${at4}"`, 'terraform', at4);
  const vg = x.atlas();
  tfe.s(`export VAGRANT_CLOUD_TOKEN=${vg}`, 'terraform', vg);
  tfe.d('export TF_CLI_CONFIG_FILE="$PWD/.terraformrc"', 'path');
}

function mobileAndMisc(repo, t, x) {
  const pub = repo.file('ops/home/.config/dart/pub-credentials.json', 'dart');
  const ya = x.ya29();
  const rt = x.gRefresh();
  pub.l('{');
  pub.s(`  "accessToken": "${ya}",`, 'google', ya);
  pub.s(`  "refreshToken": "${rt}",`, 'google', rt);
  pub.l('  "tokenEndpoint": "https://accounts.google.com/o/oauth2/token",');
  pub.l(
    '  "scopes": ["openid", "https://www.googleapis.com/auth/userinfo.email"],',
    '  "expiration": 1796342400000',
    '}',
  );

  const pt = repo.file('ops/home/.config/dart/pub-tokens.json', 'dart');
  pt.l('{', '  "version": 1,', '  "hosted": [', '    {', '      "url": "https://dart.cloudsmith.io/acme/flutter/",');
  const ptk = t.alnum(40);
  pt.s(`      "token": "${ptk}"`, 'generic', ptk);
  pt.l('    },', '    {', '      "url": "https://pub.acme-corp.io",');
  pt.d('      "env": "PUB_ACME_TOKEN"', 'env var name');
  pt.l('    }', '  ]', '}');

  const ps = repo.file('apps/mobile/pubspec.lock', 'dart');
  ps.l('packages:', '  http:', '    dependency: "direct main"', '    description:', '      name: http');
  ps.d(`      sha256: "${t.sha256()}"`, 'package hash');
  ps.l('      url: "https://pub.dev"', '    source: hosted', '    version: "1.2.2"');

  const hx = repo.file('services/realtime/.hex.env', 'hex');
  const hk = x.hex32();
  hx.s(`HEX_API_KEY=${hk}`, 'hex', hk);
  const ho = x.hex32();
  hx.s(`HEX_ORGANIZATION_KEY=${ho}  # read-only key for org acme`, 'hex', ho);
  hx.d('HEX_MIRROR=https://repo.hex.pm', 'url');
  const rb = repo.file('ops/home/.config/rebar3/hex.config', 'hex');
  const rk = x.hex32();
  rb.s(`#{<<"hexpm">> => #{api_key => <<"${rk}">>, username => <<"acme">>}}.`, 'hex', rk);
  const mx = repo.file('services/realtime/scripts/ci.sh', 'hex');
  const mk = x.hex32();
  mx.s(`mix hex.organization auth acme --key ${mk}`, 'hex', mk);
  mx.d('mix hex.organization auth acme --key "$HEX_ORG_KEY"', 'env reference');

  const pod = repo.file('apps/ios/Podfile', 'cocoapods');
  pod.l("platform :ios, '16.0'", "source 'https://cdn.cocoapods.org/'");
  const pgh = t.github();
  pod.s(`source 'https://acme-bot:${pgh}@github.com/acme-corp/ios-specs.git'`, 'github', pgh);
  pod.l("target 'Acme' do", "  pod 'Alamofire', '~> 5.10'", 'end');
  const pl = repo.file('apps/ios/Podfile.lock', 'cocoapods');
  pl.l('PODS:', '  - Alamofire (5.10.2)', 'SPEC CHECKSUMS:');
  pl.d(`  Alamofire: ${t.sha1()}`, 'spec checksum');
  pl.d(`PODFILE CHECKSUM: ${t.sha1()}`, 'podfile checksum');
  pl.l('COCOAPODS: 1.16.2');
  const fl = repo.file('apps/ios/fastlane/.env.default', 'cocoapods');
  const cpt = x.hex32();
  fl.s(`COCOAPODS_TRUNK_TOKEN=${cpt}`, 'cocoapods', cpt);
  fl.d('FASTLANE_USER=release@acme-corp.io', 'email');

  const hb = repo.file('tools/homebrew/.env.brew', 'homebrew');
  const hg = t.github();
  hb.s(`HOMEBREW_GITHUB_API_TOKEN=${hg}`, 'github', hg);
  const hd = x.urlPw();
  hb.s(`HOMEBREW_DOCKER_REGISTRY_BASIC_AUTH_TOKEN=${x.b64(`brew:${hd}`)}`, 'generic', hd);
  hb.d('HOMEBREW_BOTTLE_DOMAIN=https://ghcr.io/v2/acme-corp/tap', 'url');
  hb.d('HOMEBREW_NO_ANALYTICS=1', 'setting');
  const fm = repo.file('tools/homebrew/Formula/acme-cli.rb', 'homebrew');
  fm.l(
    'class AcmeCli < Formula',
    '  desc "Acme command-line tools"',
    '  url "https://github.com/acme-corp/cli/archive/refs/tags/v1.4.0.tar.gz"',
  );
  fm.d(`  sha256 "${t.sha256()}"`, 'source sha256');
  fm.l('  bottle do', '    root_url "https://ghcr.io/v2/acme-corp/tap"');
  fm.d(`    sha256 cellar: :any_skip_relocation, arm64_sequoia: "${t.sha256()}"`, 'bottle sha256');
  fm.d(`    sha256 cellar: :any_skip_relocation, x86_64_linux:  "${t.sha256()}"`, 'bottle sha256');
  fm.l('  end', 'end');
}

function ci(repo, t, x) {
  const gha = repo.file('.github/workflows/release.yml', 'ci');
  gha.l(
    'name: release',
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    steps:',
  );
  gha.l('      - uses: actions/checkout@v4');
  gha.d(`      - uses: actions/setup-node@${t.sha1()} # v4.1.0`, 'pinned action sha');
  gha.l('        with:', '          registry-url: https://npm.pkg.github.com');
  gha.d(
    '      - run: echo "//npm.pkg.github.com/:_authToken=${{ secrets.GITHUB_TOKEN }}" >> .npmrc',
    'ci secret reference',
  );
  gha.l('      - run: npm publish', '        env:');
  gha.d('          NODE_AUTH_TOKEN: ${{ secrets.NPM_PUBLISH_TOKEN }}', 'ci secret reference');
  gha.l('      - name: publish to internal registry');
  const it = t.npm();
  gha.s(
    `        run: echo "//npm.acme-corp.io/:_authToken=${it}" >> ~/.npmrc && npm publish --registry https://npm.acme-corp.io`,
    'npm',
    it,
  );
  gha.l('      - name: maven', '        env:');
  const mv = x.pw().replace(/[:"'#]/g, '');
  gha.s(`          MAVEN_CENTRAL_PASSWORD: "${mv}"`, 'generic', mv);
  gha.d('          MAVEN_CENTRAL_USERNAME: ${{ vars.MAVEN_CENTRAL_USERNAME }}', 'ci variable');
  gha.l('        run: mvn -s .mvn/ci-settings.xml deploy');

  const gl = repo.file('.gitlab-ci.yml', 'ci');
  gl.l('stages: [build, publish]', 'publish-npm:', '  stage: publish', '  script:');
  gl.d(
    '    - echo "//${CI_SERVER_HOST}/api/v4/projects/${CI_PROJECT_ID}/packages/npm/:_authToken=${CI_JOB_TOKEN}" > .npmrc',
    'ci job token',
  );
  gl.l('    - npm publish', 'publish-pypi:', '  stage: publish', '  variables:');
  const dt = x.gldt();
  gl.s(`    TWINE_PASSWORD: ${dt}`, 'gitlab', dt);
  gl.l(
    '    TWINE_USERNAME: deploy-token-ml',
    '  script:',
    '    - python -m twine upload --repository-url ${CI_API_V4_URL}/projects/88/packages/pypi dist/*',
  );
  gl.l('publish-composer:', '  stage: publish', '  variables:');
  const cgh = t.github();
  gl.s(`    COMPOSER_AUTH: '{"github-oauth":{"github.com":"${cgh}"}}'`, 'github', cgh);
  gl.l('  script:', '    - composer install --no-dev');

  const jk = repo.file('ci/Jenkinsfile', 'ci');
  jk.l('pipeline {', '  agent any', '  stages {', "    stage('publish') {", '      steps {');
  const jt = t.npm();
  jk.s(`        sh "printf '//registry.npmjs.org/:_authToken=%s\\\\n' ${jt} > .npmrc"`, 'npm', jt);
  jk.d("        withCredentials([string(credentialsId: 'npm-token', variable: 'NPM_TOKEN')]) {", 'jenkins credentials');
  jk.d('          sh \'echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm publish\'', 'env reference');
  jk.l('        }');
  const ng = x.nuget();
  jk.s(`        bat "nuget setapikey ${ng} -source https://api.nuget.org/v3/index.json"`, 'nuget', ng);
  jk.l('      }', '    }', '  }', '}');

  const cc = repo.file('.circleci/config.yml', 'ci');
  cc.l(
    'version: 2.1',
    'jobs:',
    '  publish:',
    '    docker:',
    '      - image: cimg/node:20.18',
    '    steps:',
    '      - checkout',
  );
  const cn = t.npm();
  cc.s(`      - run: npm config set //registry.npmjs.org/:_authToken ${cn}`, 'npm', cn);
  const cgr = x.pw().replace(/[:"'#]/g, '');
  cc.s(`      - run: ./gradlew publish -PossrhPassword=${cgr} -PossrhUsername=acme-release`, 'generic', cgr);
  cc.d('      - run: ./gradlew publish -PossrhPassword="$OSSRH_PASSWORD"', 'env reference');
  const cy = t.npm();
  cc.s(`      - run: yarn config set npmAuthToken ${cy} -H`, 'npm', cy);

  const az = repo.file('azure-pipelines.yml', 'ci');
  az.l('trigger: [main]', 'pool:', '  vmImage: ubuntu-latest', 'variables:');
  const ap = x.adoPat();
  az.s(`  ARTIFACTS_PAT: ${ap}`, 'azure-devops', ap);
  az.d('  NUGET_PAT: $(System.AccessToken)', 'pipeline variable');
  az.l('steps:', '  - task: npmAuthenticate@0', '    inputs:');
  az.d('      workingFile: .npmrc', 'file ref');
  az.l('  - script: dotnet restore --configfile NuGet.config');

  const bb = repo.file('bitbucket-pipelines.yml', 'ci');
  bb.l('image: node:20', 'pipelines:', '  tags:', "    'v*':", '      - step:', '          script:');
  const bbt = t.npm();
  bb.s(`            - printf "//registry.npmjs.org/:_authToken=${bbt}\\n" >> ~/.npmrc`, 'npm', bbt);
  bb.d('            - echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" >> ~/.npmrc', 'env reference');
  bb.l('            - npm publish');

  const dc = repo.file('docs/publishing.md', 'ci');
  dc.l('# Publishing packages', '', 'Put this in your `~/.npmrc` (ask #platform for a token):', '', '```ini');
  dc.d('//registry.npmjs.org/:_authToken=npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'documented placeholder');
  dc.d('//npm.pkg.github.com/:_authToken=<YOUR_GITHUB_PAT>', 'placeholder');
  dc.l('```', '', 'For Maven, encrypt your password with `mvn --encrypt-password` and paste the result:', '', '```xml');
  dc.d('<password>{COQLCE6DU6GtcS5P=}</password>', 'documented maven example');
  dc.l('```', '', 'Until the vault migration lands, the shared nexus account is:', '');
  const dpw = x.pw();
  dc.s(`- user \`svc-upload\`, password \`${dpw}\``, 'generic', dpw);
  dc.l('', 'The CocoaPods session for releases lives on the release mac:', '');
  const dpod = x.hex32();
  dc.s(`    pod trunk register release@acme-corp.io 'Acme Release' # session token ${dpod}`, 'cocoapods', dpod);
  dc.d('    cargo login   # paste token from https://crates.io/settings/tokens', 'instruction');
}

function lockfiles(repo, t, x) {
  const pl = repo.file('package-lock.json', 'decoys');
  pl.l('{', '  "name": "acme-platform",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ['@acme/sdk', 'left-pad', 'lodash', 'npm-registry-fetch']) {
    pl.l(`    "node_modules/${name}": {`, '      "version": "4.17.21",');
    pl.d(
      `      "resolved": "https://npm.pkg.github.com/download/${name}/4.17.21/${t.sha1()}",`,
      'resolved url with sha',
    );
    pl.d(`      "integrity": "${x.integrity()}"`, 'integrity hash');
    pl.l('    },');
  }
  pl.l('    "": {}', '  }', '}');

  const yl = repo.file('yarn.lock', 'decoys');
  yl.l('__metadata:', '  version: 8', '  cacheKey: 10c0', '');
  for (const name of ['react', 'zod', 'typescript']) {
    yl.l(`"${name}@npm:^1.0.0":`, '  version: 1.0.3', `  resolution: "${name}@npm:1.0.3"`);
    yl.d(`  checksum: 10c0/${t.pick(HEX, 128)}`, 'yarn berry checksum');
    yl.l('  languageName: node', '  linkType: hard', '');
  }
  const pn = repo.file('pnpm-lock.yaml', 'decoys');
  pn.l("lockfileVersion: '9.0'", 'packages:', '  zod@3.23.8:');
  pn.d(`    resolution: {integrity: ${x.integrity()}}`, 'integrity hash');
  pn.l('  react@19.0.0:');
  pn.d(`    resolution: {integrity: ${x.integrity()}}`, 'integrity hash');

  const cl = repo.file('Cargo.lock', 'decoys');
  cl.l('version = 4', '');
  for (const name of ['serde', 'tokio', 'reqwest']) {
    cl.l(
      '[[package]]',
      `name = "${name}"`,
      'version = "1.0.215"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    );
    cl.d(`checksum = "${t.sha256()}"`, 'crate checksum');
    cl.l('');
  }

  const po = repo.file('services/ml/poetry.lock', 'decoys');
  po.l('[[package]]', 'name = "requests"', 'version = "2.32.3"', 'files = [');
  po.d(`    {file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:${t.sha256()}"},`, 'wheel hash');
  po.d(`    {file = "requests-2.32.3.tar.gz", hash = "sha256:${t.sha256()}"},`, 'sdist hash');
  po.l(']', '', '[metadata]', 'lock-version = "2.1"');
  po.d(`content-hash = "${t.sha256()}"`, 'content hash');

  const cpl = repo.file('composer.lock', 'decoys');
  cpl.l('{');
  cpl.d(`    "content-hash": "${t.hex(32)}",`, 'content hash');
  cpl.l(
    '    "packages": [',
    '        {',
    '            "name": "guzzlehttp/guzzle",',
    '            "dist": {',
    '                "type": "zip",',
  );
  cpl.d(`                "url": "https://api.github.com/repos/guzzle/guzzle/zipball/${t.sha1()}",`, 'zipball sha');
  cpl.d(`                "reference": "${t.sha1()}",`, 'git ref');
  cpl.d('                "shasum": ""', 'empty');
  cpl.l('            }', '        }', '    ]', '}');

  const gl = repo.file('Gemfile.lock', 'decoys');
  gl.l('GEM', '  remote: https://rubygems.org/', '  specs:', '    rails (8.0.1)', '', 'CHECKSUMS');
  gl.d(`  rails (8.0.1) sha256=${t.sha256()}`, 'gem checksum');
  gl.d(`  rack (3.1.8) sha256=${t.sha256()}`, 'gem checksum');
  gl.l('', 'BUNDLED WITH', '   2.6.2');

  const pk = repo.file('packages/sdk/package.json', 'decoys');
  pk.l('{', '  "name": "@acme/sdk",', '  "version": "3.8.0",', '  "publishConfig": {');
  pk.d('    "registry": "https://npm.pkg.github.com"', 'registry url');
  pk.l('  },', '  "scripts": {');
  pk.d('    "prepublishOnly": "npm-cli-login -u acme-bot -p $NPM_PASS -e ci@acme-corp.io"', 'env reference');
  pk.l('  },');
  pk.d(
    '  "packageManager": "pnpm@9.15.0+sha512.76e2379760a4328ec4415815bcd6628dee727af3779aaa4c914e3944156c4299921a89f976381ee107d41f12cfa4b66681ca9c718f0668fa0831ed4c6d8ba56c"',
    'corepack hash',
  );
  pk.l('}');
}
