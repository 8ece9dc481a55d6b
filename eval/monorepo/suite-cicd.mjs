// Red-team suite "cicd": delivery pipelines and infrastructure as code as platform teams write
// them: GitHub Actions, composite actions, GitLab CI, Jenkins (Jenkinsfile and JCasC), CircleCI,
// Azure Pipelines, Bitbucket, Travis, Drone, Buildkite, Tekton, Argo CD, Flux, Helm, kustomize,
// Terraform (tf, tfvars, backend, tfstate), Pulumi, Ansible, Packer, cloud-init, Docker,
// Kubernetes, Makefiles, deploy scripts and CI logs. Decoys are the references and hashes such
// files are full of: ${{ secrets.X }}, $CI_JOB_TOKEN, withCredentials, Vault/SSM references,
// secretKeyRef, digests, commit SHAs, download checksums, masked log values, ciphertext.
// Written from what real repositories hold, not from tokenscope's rules.
import { ALNUM, B64, DIGIT, HEX, LOWER, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';
import { crc32Base62Suffix } from '../../dist/providers/formats/checksums.js';

function more(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const crc = (prefix, n) => {
    const body = t.alnum(n);
    return `${prefix}${body}${crc32Base62Suffix(body)}`;
  };
  const human = () =>
    one([
      () => `${one(['Acme', 'Globex', 'Initech'])}@${one(['2023', '2024', '2025'])}!`,
      () => `${one(['Summer', 'Winter', 'Spring'])}${one(['2024', '2025'])}${one(['!', '#', '$'])}`,
      () => `${one(['jenkins', 'deploy', 'nexus', 'harbor'])}_${one(['prod', 'ci', 'live'])}_${t.digits(4)}`,
      () => `${one(['Welcome', 'Dragon', 'Sunshine'])}${t.digits(3)}${one(['!', '@', '#'])}`,
    ])();
  const pw = () => (rand() < 0.4 ? human() : rand() < 0.5 ? t.password() : t.alnum(20 + Math.floor(rand() * 8)));
  return {
    one,
    human,
    pw,
    ghs: () => crc('ghs_', 30),
    gho: () => crc('gho_', 30),
    ghFine: () => `github_pat_${t.mixed(ALNUM, 22)}_${t.mixed(ALNUM, 59)}`,
    glrt: () => `glrt-${t.mixed(URLSAFE, 20)}`,
    gldt: () => `gldt-${t.mixed(URLSAFE, 20)}`,
    glptt: () => `glptt-${t.hex(40)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    dockerOat: () => `dckr_oat_${t.mixed(URLSAFE, 32)}`,
    quayRobot: () => t.mixed(UPPER + DIGIT, 64),
    harborRobot: () => t.mixed(ALNUM, 32),
    jfrogApiKey: () => `AKCp8${t.mixed(ALNUM, 68)}`,
    jfrogRef: () =>
      Buffer.from(`reftkn:01:${t.digits(10)}:${t.mixed(ALNUM, 32)}`)
        .toString('base64')
        .replace(/=+$/, ''),
    rubygems: () => `rubygems_${t.hex(48)}`,
    nuget: () => `oy2${t.pick(LOWER + DIGIT, 43)}`,
    sonar: (p = 'sqp_') => `${p}${t.hex(40)}`,
    vault: () => `hvs.CAESI${t.mixed(URLSAFE, 86)}`,
    nrak: () => `NRAK-${t.mixed(UPPER + DIGIT, 27)}`,
    nrLicense: () => `${t.hex(36)}NRAL`,
    pagerduty: () => t.mixed(ALNUM + '_-+', 20),
    tfc: () => `${t.mixed(ALNUM, 14)}.atlasv1.${t.mixed(ALNUM + '-_', 67)}`,
    netlify: () => `nfp_${t.mixed(ALNUM, 36)}`,
    fastly: () => t.mixed(URLSAFE, 32),
    doppler: (cfg) => `dp.st.${cfg}.${t.mixed(ALNUM, 40)}`,
    opsSa: () =>
      `ops_${Buffer.from(
        JSON.stringify({
          signInAddress: 'acme-platform.1password.com',
          userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: t.mixed(URLSAFE, 22) },
          email: `${t.lower(13)}@1passwordserviceaccounts.com`,
          srpX: t.hex(64),
          muk: {
            alg: 'A256GCM',
            ext: true,
            k: t.mixed(URLSAFE, 43),
            key_ops: ['encrypt', 'decrypt'],
            kty: 'oct',
            kid: 'mp',
          },
          secretKey: `A3-${t.pick(UPPER + DIGIT, 6)}-${t.pick(UPPER + DIGIT, 6)}-${t.pick(UPPER + DIGIT, 5)}-${t.pick(UPPER + DIGIT, 5)}-${t.pick(UPPER + DIGIT, 5)}-${t.pick(UPPER + DIGIT, 5)}`,
          throttleSecret: { seed: t.hex(64), uuid: t.pick(UPPER + DIGIT, 26) },
          deviceUuid: t.pick(LOWER + DIGIT, 26),
        }),
      ).toString('base64')}`,
    infisical: () => `st.${t.hex(24)}.${t.hex(32)}.${t.hex(32)}`,
    asia: () => `ASIA${t.mixed(UPPER + '234567', 16)}`,
    sessionToken: () => `IQoJb3JpZ2luX2VjE${t.mixed(B64, 380)}`,
    cfGlobal: () => t.pick(HEX, 37),
    slackWebhook: () => t.slackWebhook(),
    b64: (n) => t.mixed(B64, n),
    acct: () => t.digits(12),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed ^ 0xc1cd);
  const t = makeTokens(rand);
  const x = more(rand, t);
  const repo = new Repo();
  githubActions(repo, t, x);
  gitlab(repo, t, x);
  jenkins(repo, t, x);
  otherCi(repo, t, x);
  gitops(repo, t, x);
  kube(repo, t, x);
  terraform(repo, t, x);
  configMgmt(repo, t, x);
  docker(repo, t, x);
  scripts(repo, t, x);
  logs(repo, t, x);
  hard(repo, t, x);
  harder(repo, t, x);
  cliFlags(repo, t, x);
  return repo;
}

// ---- GitHub Actions ----------------------------------------------------------------------

function githubActions(repo, t, x) {
  const npm = t.npm();
  const dh = x.dockerPat();
  const ghp = t.github();
  const slack = x.slackWebhook();
  const acct = x.acct();
  repo
    .file('.github/workflows/release.yml', 'gha')
    .l(
      'name: release',
      '',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      '',
      'permissions:',
      '  contents: write',
      '  id-token: write',
      '',
    )
    .l('env:', '  REGISTRY: ghcr.io', '  IMAGE_NAME: acme/payments-api')
    .s(`  NODE_AUTH_TOKEN: ${npm}`, 'npm', npm)
    .d('  GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}', 'secrets expression')
    .l('', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', '    steps:')
    .d('      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1', 'pinned action commit SHA')
    .d('      - uses: actions/setup-node@60edb5dd545a775178f52524783378180af0d1f8 # v4.0.2', 'pinned action commit SHA')
    .l('        with:', '          node-version: 20', "          registry-url: 'https://registry.npmjs.org'")
    .l('      - run: npm ci && npm publish --provenance --access public')
    .l(
      '      - name: Log in to Docker Hub',
      '        uses: docker/login-action@v3',
      '        with:',
      '          username: acmebot',
    )
    .s(`          password: ${dh}`, 'dockerhub', dh)
    .l(
      '      - name: Log in to GHCR',
      '        uses: docker/login-action@v3',
      '        with:',
      '          registry: ghcr.io',
    )
    .l('          username: ${{ github.actor }}')
    .d('          password: ${{ secrets.GITHUB_TOKEN }}', 'secrets expression')
    .l('      - name: Configure AWS', '        uses: aws-actions/configure-aws-credentials@v4', '        with:')
    .d(`          role-to-assume: arn:aws:iam::${acct}:role/gha-release`, 'OIDC role ARN')
    .l('          aws-region: eu-west-1')
    .l('      - name: Bump homebrew tap', '        run: |')
    .s(
      `          curl -sf -X POST -H "Authorization: token ${ghp}" -H "Accept: application/vnd.github+json" \\`,
      'github',
      ghp,
    )
    .l('            https://api.github.com/repos/acme/homebrew-tap/dispatches -d \'{"event_type":"bump"}\'')
    .l('      - name: Notify', '        if: always()', '        run: |')
    .s(
      `          curl -s -X POST -H 'Content-type: application/json' --data '{"text":"released"}' ${slack}`,
      'slack',
      slack,
    )
    .d(
      '      - run: docker pull ghcr.io/acme/base@sha256:4b2f0a1e5b7b9c8d3e6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d',
      'image digest',
    );

  const kubeToken = t.jwt();
  const ddApi = t.ddApi();
  const sonar = x.sonar('sqp_');
  repo
    .file('.github/workflows/deploy-prod.yml', 'gha')
    .l('name: deploy-prod', 'on:', '  workflow_dispatch:', '', 'jobs:', '  deploy:', '    runs-on: [self-hosted, prod]')
    .l('    environment: production', '    env:')
    .s(`      DD_API_KEY: ${ddApi}`, 'datadog', ddApi)
    .d('      DD_SITE: datadoghq.eu', 'site name')
    .d('      KUBECONFIG_DATA: ${{ secrets.KUBECONFIG_PROD }}', 'secrets expression')
    .l('    steps:', '      - uses: actions/checkout@v4', '      - name: Sonar', '        run: |')
    .s(
      `          sonar-scanner -Dsonar.projectKey=acme_payments -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=${sonar}`,
      'sonarqube',
      sonar,
    )
    .l('      - name: Install kubectl', '        run: |')
    .l('          curl -LO "https://dl.k8s.io/release/v1.30.2/bin/linux/amd64/kubectl"')
    .d(
      '          echo "7f1a9c3b5d2e4f6a8b0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a  kubectl" | sha256sum -c -',
      'download checksum',
    )
    .l('      - name: Deploy', '        run: |')
    .s(
      `          kubectl --server=https://10.40.0.10:6443 --insecure-skip-tls-verify --token=${kubeToken} -n payments apply -f k8s/`,
      'jwt',
      kubeToken,
    )
    .d('          helm upgrade --install payments ./chart --set image.tag=${{ github.sha }}', 'sha expression')
    .d('          echo "::add-mask::${{ steps.vault.outputs.db_password }}"', 'mask command with step output');

  const token = t.github();
  repo
    .file('.github/actions/setup-artifactory/action.yml', 'gha')
    .l('name: setup-artifactory', 'description: Point npm, pip and gradle at the internal Artifactory', 'inputs:')
    .l('  url:', '    description: Artifactory base URL', '    default: https://acme.jfrog.io/artifactory')
    .l('  user:', '    default: ci-reader', '  api-key:', '    description: API key for the ci-reader user')
    .d('    required: true', 'flag');
  const jfrog = x.jfrogApiKey();
  repo.files
    .get('.github/actions/setup-artifactory/action.yml')
    .s(`    default: ${jfrog}`, 'artifactory', jfrog)
    .l('  github-token:', '    description: token for private action checkout')
    .d('    default: ${{ github.token }}', 'github.token expression')
    .l('runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: |')
    .d(
      '        echo "//acme.jfrog.io/artifactory/api/npm/npm/:_auth=${{ inputs.api-key }}" >> ~/.npmrc',
      'input expression',
    )
    .l(
      '        pip config set global.index-url "https://${{ inputs.user }}:${{ inputs.api-key }}@acme.jfrog.io/artifactory/api/pypi/pypi/simple"',
    )
    .s(
      `    - run: git config --global url."https://x-access-token:${token}@github.com/".insteadOf "https://github.com/"`,
      'github',
      token,
    )
    .l('      shell: bash');

  repo
    .file('.github/dependabot.yml', 'gha')
    .l(
      'version: 2',
      'registries:',
      '  npm-internal:',
      '    type: npm-registry',
      '    url: https://acme.jfrog.io/artifactory/api/npm/npm/',
    )
    .d('    token: ${{secrets.ARTIFACTORY_NPM_TOKEN}}', 'secrets expression')
    .l(
      'updates:',
      '  - package-ecosystem: npm',
      '    directory: "/"',
      '    registries: [npm-internal]',
      '    schedule:',
      '      interval: weekly',
    );
}

// ---- GitLab CI -----------------------------------------------------------------------------

function gitlab(repo, t, x) {
  const glpat = t.gitlab();
  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  const harborPw = x.harborRobot();
  const codecov = t.uuid();
  repo
    .file('.gitlab-ci.yml', 'gitlab')
    .l(
      'stages: [build, test, publish, deploy]',
      '',
      'variables:',
      '  DOCKER_DRIVER: overlay2',
      '  HARBOR: harbor.acme.io',
    )
    .s(`  AWS_ACCESS_KEY_ID: ${awsId}`, 'aws', awsId)
    .s(`  AWS_SECRET_ACCESS_KEY: "${awsSecret}"`, 'aws', awsSecret)
    .d('  AWS_DEFAULT_REGION: eu-central-1', 'region')
    .s(`  CODECOV_TOKEN: ${codecov}`, 'codecov', codecov)
    .d('  GIT_DEPTH: "10"', 'number')
    .l('', 'default:', '  image: node:20-alpine', '  before_script:')
    .d(
      '    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
      'CI variable reference',
    )
    .l('', 'build:', '  stage: build', '  script:')
    .s(`    - docker login -u 'robot$$ci-push' -p '${harborPw}' harbor.acme.io`, 'generic', harborPw)
    .d('    - docker build -t $HARBOR/payments/api:$CI_COMMIT_SHORT_SHA .', 'variable references')
    .l('', 'publish-chart:', '  stage: publish', '  script:')
    .d(
      '    - \'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --upload-file chart.tgz "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/helm/api/stable/charts"\'',
      'job token variable',
    )
    .l('', 'mirror:', '  stage: deploy', '  script:')
    .s(`    - git push --mirror https://oauth2:${glpat}@gitlab.partner.example.net/acme/payments.git`, 'gitlab', glpat)
    .l('  only: [main]');

  const trigger = x.glptt();
  const runner = x.glrt();
  repo
    .file('ci/templates/downstream.gitlab-ci.yml', 'gitlab')
    .l('.trigger-infra:', '  stage: deploy', '  image: curlimages/curl:8.8.0', '  script:')
    .s(
      `    - curl -X POST --fail -F token=${trigger} -F ref=main -F "variables[SERVICE]=$CI_PROJECT_NAME" https://gitlab.acme.io/api/v4/projects/412/trigger/pipeline`,
      'gitlab',
      trigger,
    )
    .l('', '# runner registration used by ci/bootstrap-runner.sh (kept here so ops can find it)')
    .s(
      `# gitlab-runner register --non-interactive --url https://gitlab.acme.io --token ${runner} --executor docker`,
      'gitlab',
      runner,
    )
    .d('    - echo "Using token ${CI_JOB_TOKEN:0:4}****"', 'masked job token echo');

  const runnerCfgTok = x.glrt();
  repo
    .file('infra/gitlab-runner/config.toml', 'gitlab')
    .l(
      'concurrent = 8',
      'check_interval = 0',
      '',
      '[[runners]]',
      '  name = "k8s-runner-prod"',
      '  url = "https://gitlab.acme.io/"',
    )
    .s(`  token = "${runnerCfgTok}"`, 'gitlab', runnerCfgTok)
    .l(
      '  executor = "kubernetes"',
      '  [runners.cache]',
      '    Type = "s3"',
      '    [runners.cache.s3]',
      '      ServerAddress = "s3.amazonaws.com"',
    )
    .d('      AccessKey = ""', 'empty value')
    .d('      SecretKey = ""', 'empty value')
    .l('      BucketName = "acme-runner-cache"', '      BucketLocation = "eu-central-1"');
}

// ---- Jenkins -------------------------------------------------------------------------------

function jenkins(repo, t, x) {
  const nexusPw = x.pw();
  const sonar = x.sonar('squ_');
  const quay = x.quayRobot();
  repo
    .file('Jenkinsfile', 'jenkins')
    .l(
      'pipeline {',
      '  agent { label "docker" }',
      '  environment {',
      "    NEXUS_URL = 'https://nexus.acme.io'",
      "    NEXUS_USER = 'deployment'",
    )
    .s(`    NEXUS_PASS = '${nexusPw}'`, 'generic', nexusPw)
    .d("    DOCKER_CREDS = credentials('quay-robot')", 'credentials() binding')
    .s(`    SONAR_TOKEN = "${sonar}"`, 'sonarqube', sonar)
    .l('  }', '  stages {', "    stage('Build') {", '      steps {')
    .l("        sh './gradlew build publish -PnexusUser=$NEXUS_USER -PnexusPass=$NEXUS_PASS'")
    .l('      }', '    }', "    stage('Image') {", '      steps {')
    .s(`        sh "docker login -u 'acme+jenkins' -p ${quay} quay.io"`, 'quay', quay)
    .d(
      "        withCredentials([usernamePassword(credentialsId: 'quay-robot', usernameVariable: 'QUSER', passwordVariable: 'QPASS')]) {",
      'withCredentials binding',
    )
    .d("          sh 'echo $QPASS | docker login -u $QUSER --password-stdin quay.io'", 'bound variable')
    .l('        }', '      }', '    }')
    .l("    stage('Deploy') {", '      steps {')
    .d(
      "        withCredentials([string(credentialsId: 'argocd-token', variable: 'ARGOCD_AUTH_TOKEN')]) {",
      'withCredentials binding',
    )
    .l("          sh 'argocd app sync payments --grpc-web'", '        }', '      }', '    }', '  }', '}');

  const ghToken = t.github();
  const adminPw = x.pw();
  const slackTok = t.slackBot();
  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  const sshKey = t.opensshPem();
  repo
    .file('jenkins/casc/jenkins.yaml', 'jenkins')
    .l(
      'jenkins:',
      '  systemMessage: "Acme CI - managed by JCasC"',
      '  securityRealm:',
      '    local:',
      '      allowsSignup: false',
      '      users:',
      '        - id: admin',
    )
    .s(`          password: "${adminPw}"`, 'generic', adminPw)
    .d('        - id: readonly', 'user id')
    .d('          password: "${READONLY_PASSWORD}"', 'JCasC variable interpolation')
    .l(
      'credentials:',
      '  system:',
      '    domainCredentials:',
      '      - credentials:',
      '          - string:',
      '              scope: GLOBAL',
      '              id: github-token',
    )
    .s(`              secret: "${ghToken}"`, 'github', ghToken)
    .l('          - aws:', '              id: aws-deploy', '              scope: GLOBAL')
    .s(`              accessKey: "${awsId}"`, 'aws', awsId)
    .s(`              secretKey: "${awsSecret}"`, 'aws', awsSecret)
    .l(
      '          - basicSSHUserPrivateKey:',
      '              id: deploy-key',
      '              username: git',
      '              privateKeySource:',
      '                directEntry:',
      '                  privateKey: |',
    )
    .s(
      sshKey.map((l) => `                    ${l}`),
      'private-key',
      sshKey[1],
    )
    .l('          - string:', '              id: vault-token')
    .d('              secret: "${vault:secret/data/jenkins#token}"', 'Vault reference')
    .l('unclassified:', '  slackNotifier:', '    teamDomain: acme')
    .s(`    tokenCredentialId: "${slackTok}"`, 'slack', slackTok)
    .d('    botUser: true', 'flag');
}

// ---- CircleCI, Azure, Bitbucket, Travis, Drone, Buildkite --------------------------------

function otherCi(repo, t, x) {
  const heroku = t.heroku();
  const snyk = t.uuid();
  repo
    .file('.circleci/config.yml', 'ci')
    .l(
      'version: 2.1',
      'orbs:',
      '  heroku: circleci/heroku@2.0.0',
      'jobs:',
      '  test:',
      '    docker:',
      '      - image: cimg/node:20.11',
    )
    .l('        auth:', '          username: acmeci')
    .d('          password: $DOCKERHUB_PASSWORD', 'project env var reference')
    .l('      - image: cimg/postgres:15.4', '        environment:', '          POSTGRES_USER: circle')
    .d('          POSTGRES_PASSWORD: circle_test', 'throwaway CI service password')
    .l('    environment:')
    .s(`      SNYK_TOKEN: ${snyk}`, 'snyk', snyk)
    .l('    steps:', '      - checkout', '      - run: npx snyk test --org=acme-payments')
    .l(
      '  deploy:',
      '    docker: [{ image: cimg/base:stable }]',
      '    steps:',
      '      - checkout',
      '      - run:',
      '          name: push to heroku',
      '          command: |',
    )
    .s(`            git push https://heroku:${heroku}@git.heroku.com/acme-payments.git HEAD:main`, 'heroku', heroku)
    .l('workflows:', '  main:', '    jobs:', '      - test', '      - deploy:')
    .d('          context: org-global', 'context name');

  const armSecret = t.azureClientSecret();
  const storKey = t.azureStorageKey();
  const nuget = x.nuget();
  repo
    .file('azure-pipelines.yml', 'ci')
    .l(
      'trigger:',
      '  - main',
      'pool:',
      '  vmImage: ubuntu-latest',
      'variables:',
      '  - group: payments-prod',
      '  - name: ARM_CLIENT_ID',
    )
    .d(`    value: ${t.uuid()}`, 'client id (public identifier)')
    .l('  - name: ARM_CLIENT_SECRET')
    .s(`    value: ${armSecret}`, 'azure', armSecret)
    .l('  - name: NUGET_API_KEY')
    .s(`    value: ${nuget}`, 'nuget', nuget)
    .l('steps:', '  - script: terraform init && terraform apply -auto-approve', '    env:')
    .d('      ARM_CLIENT_SECRET: $(ARM_CLIENT_SECRET)', 'pipeline variable macro')
    .l('  - script: |')
    .s(
      `      az storage blob upload-batch -d '$web' -s dist --account-name acmepaystatic --account-key "${storKey}"`,
      'azure',
      storKey,
    )
    .l('  - task: NuGetCommand@2', '    inputs:', '      command: push', '      nuGetFeedType: external')
    .d('      publishFeedCredentials: nuget-org', 'service connection name');

  const bbAwsId = t.awsId();
  const bbAwsSecret = t.awsSecret();
  const dbPw = x.pw();
  repo
    .file('bitbucket-pipelines.yml', 'ci')
    .l(
      'image: atlassian/default-image:4',
      'definitions:',
      '  services:',
      '    mysql:',
      '      image: mysql:8.0',
      '      variables:',
      '        MYSQL_DATABASE: app_test',
    )
    .d('        MYSQL_ROOT_PASSWORD: $MYSQL_ROOT_PASSWORD', 'repository variable')
    .l('pipelines:', '  branches:', '    main:', '      - step:', '          name: Deploy to S3', '          script:')
    .l('            - pipe: atlassian/aws-s3-deploy:1.6.0', '              variables:')
    .s(`                AWS_ACCESS_KEY_ID: '${bbAwsId}'`, 'aws', bbAwsId)
    .s(`                AWS_SECRET_ACCESS_KEY: '${bbAwsSecret}'`, 'aws', bbAwsSecret)
    .l(
      "                AWS_DEFAULT_REGION: 'us-east-1'",
      "                S3_BUCKET: 'acme-static-prod'",
      "                LOCAL_PATH: 'build'",
    )
    .s(
      `            - mysql -h db.prod.acme.internal -u migrator -p'${dbPw}' app < migrations/latest.sql`,
      'generic',
      dbPw,
    );

  const travisSlack = t.slackBot();
  const travisSecure = `${x.b64(342)}==`;
  repo
    .file('.travis.yml', 'ci')
    .l('language: python', 'python: ["3.11"]', 'env:', '  global:')
    .d(`    - secure: "${travisSecure}"`, 'Travis encrypted value')
    .s(`    - SLACK_TOKEN=${travisSlack}`, 'slack', travisSlack)
    .l('script: pytest -q', 'deploy:', '  provider: pypi', '  username: __token__', '  password:')
    .d(`    secure: "${x.b64(342)}=="`, 'Travis encrypted value')
    .l('  on:', '    tags: true');

  const droneDh = x.dockerOat();
  repo
    .file('.drone.yml', 'ci')
    .l(
      'kind: pipeline',
      'type: docker',
      'name: default',
      'steps:',
      '  - name: publish',
      '    image: plugins/docker',
      '    settings:',
      '      repo: acme/ledger',
      '      username: acmeorg',
    )
    .s(`      password: ${droneDh}`, 'dockerhub', droneDh)
    .l('  - name: notify', '    image: plugins/slack', '    settings:', '      webhook:')
    .d('        from_secret: slack_webhook', 'Drone secret reference')
    .l('  - name: migrate', '    image: migrate/migrate', '    environment:', '      DATABASE_URL:')
    .d('        from_secret: database_url', 'Drone secret reference');

  const bkNpm = t.npm();
  const pdKey = x.pagerduty();
  repo
    .file('.buildkite/pipeline.yml', 'ci')
    .l('env:', '  BUILDKITE_PLUGIN_DOCKER_LOGIN_USERNAME: acmebk')
    .s(`  NPM_TOKEN: "${bkNpm}"`, 'npm', bkNpm)
    .s(`  PAGERDUTY_TOKEN: "${pdKey}"`, 'pagerduty', pdKey)
    .l(
      'steps:',
      '  - label: ":docker: build"',
      '    command: make image',
      '    plugins:',
      '      - docker-login#v2.1.0:',
    )
    .d('          password-env: DOCKER_LOGIN_PASSWORD', 'env var name')
    .l('      - seek-oss/aws-sm#v2.3.2:', '          env:')
    .d('            DOCKER_LOGIN_PASSWORD: buildkite/acme/dockerhub-password', 'Secrets Manager path')
    .l('  - label: ":rocket: deploy"', '    command: ./scripts/deploy.sh', '    agents:', '      queue: deploy');
}

// ---- Argo CD, Flux, Tekton, Helm, kustomize ----------------------------------------------

function gitops(repo, t, x) {
  const glpat = t.gitlab();
  const appKey = t.rsaPem();
  repo
    .file('gitops/argocd/repo-secrets.yaml', 'gitops')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: repo-payments',
      '  namespace: argocd',
      '  labels:',
      '    argocd.argoproj.io/secret-type: repository',
      'stringData:',
    )
    .l('  type: git', '  url: https://gitlab.acme.io/platform/payments-deploy.git', '  username: argocd')
    .s(`  password: ${glpat}`, 'gitlab', glpat)
    .l(
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: github-app-creds',
      '  namespace: argocd',
      '  labels:',
      '    argocd.argoproj.io/secret-type: repo-creds',
      'stringData:',
    )
    .l(
      '  url: https://github.com/acme',
      '  githubAppID: "318842"',
      '  githubAppInstallationID: "40211937"',
      '  githubAppPrivateKey: |',
    )
    .s(
      appKey.map((l) => `    ${l}`),
      'private-key',
      appKey[1],
    );

  repo
    .file('gitops/argocd/applications/payments.yaml', 'gitops')
    .l(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: payments',
      'spec:',
      '  source:',
      '    repoURL: https://gitlab.acme.io/platform/payments-deploy.git',
    )
    .d('    targetRevision: 9f3c2a7e1b5d4c8a6f0e2d1c3b5a7f9e8d6c4b2a', 'git commit SHA')
    .l('    helm:', '      valueFiles: [values-prod.yaml]', '      parameters:', '        - name: image.digest')
    .d('          value: sha256:1e4c7b9a2d5f8e0c3b6a9d2f5e8c1b4a7d0e3f6a9c2b5e8d1f4a7c0b3e6d9f2a', 'image digest')
    .l('  destination:', '    server: https://kubernetes.default.svc', '    namespace: payments');

  const fluxPw = x.pw();
  repo
    .file('gitops/flux/sources.yaml', 'gitops')
    .l(
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: HelmRepository',
      'metadata:',
      '  name: acme-charts',
      '  namespace: flux-system',
      'spec:',
      '  url: https://charts.acme.io',
    )
    .d('  secretRef:', 'secretRef key')
    .d('    name: acme-charts-auth', 'secret name')
    .l(
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: acme-charts-auth',
      '  namespace: flux-system',
      'type: Opaque',
      'stringData:',
      '  username: flux',
    )
    .s(`  password: "${fluxPw}"`, 'generic', fluxPw)
    .l(
      '---',
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: GitRepository',
      'metadata:',
      '  name: platform',
      'spec:',
      '  url: ssh://git@github.com/acme/platform',
    )
    .d('  ref: { commit: 2c6b0f8e4a1d3c5b7e9f0a2c4e6b8d0f1a3c5e7b }', 'git commit SHA')
    .l('  secretRef:', '    name: flux-ssh')
    .d('---\n# known_hosts entry for github.com (public host key)', 'comment');
  repo.files
    .get('gitops/flux/sources.yaml')
    .d(
      '#   github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
      'public SSH host key',
    );

  const tektonPw = x.ghFine();
  repo
    .file('ci/tekton/git-auth.yaml', 'gitops')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: git-basic-auth',
      '  annotations:',
      '    tekton.dev/git-0: https://github.com',
      'type: kubernetes.io/basic-auth',
      'stringData:',
      '  username: acme-tekton',
    )
    .s(`  password: ${tektonPw}`, 'github', tektonPw)
    .l(
      '---',
      'apiVersion: tekton.dev/v1',
      'kind: Task',
      'metadata:',
      '  name: push-image',
      'spec:',
      '  params:',
      '    - name: registry-password',
    )
    .d('      default: ""', 'empty default')
    .l('  steps:', '    - name: push', '      image: gcr.io/kaniko-project/executor:v1.23.0')
    .d(
      '      env:\n        - name: REGISTRY_PASSWORD\n          value: $(params.registry-password)',
      'param reference',
    );

  const redisPw = t.alnum(24);
  const pgPw = x.pw();
  const s3Secret = t.awsSecret();
  const s3Id = t.awsId();
  const tlsKey = t.ecPem();
  const nrLicense = x.nrLicense();
  repo
    .file('charts/payments/values-prod.yaml', 'helm')
    .l('replicaCount: 4', 'image:', '  repository: harbor.acme.io/payments/api')
    .d('  digest: sha256:9d1c4f7a2b5e8c0d3f6a9b2c5e8f1a4d7b0c3e6f9a2d5c8b1e4f7a0d3c6b9e2f', 'image digest')
    .l('postgresql:', '  auth:', '    username: payments', '    database: payments')
    .s(`    password: "${pgPw}"`, 'generic', pgPw)
    .d('    existingSecret: ""', 'empty value')
    .l('redis:', '  auth:', '    enabled: true')
    .s(`    password: ${redisPw}`, 'generic', redisPw)
    .l('backup:', '  s3:', '    bucket: acme-pg-backups')
    .s(`    accessKeyId: ${s3Id}`, 'aws', s3Id)
    .s(`    secretAccessKey: ${s3Secret}`, 'aws', s3Secret)
    .l('newrelic:')
    .s(`  licenseKey: ${nrLicense}`, 'newrelic', nrLicense)
    .l('ingress:', '  tls:', '    crt: |')
    .d(
      '      -----BEGIN CERTIFICATE-----\n      MIIBszCCAVmgAwIBAgIUB2p1c3QgYSBwdWJsaWMgY2VydGlmaWNhdGUwCgYIKoZIzj0EAwIw\n      -----END CERTIFICATE-----',
      'public certificate',
    );
  repo.files
    .get('charts/payments/values-prod.yaml')
    .l('    key: |')
    .s(
      tlsKey.map((l) => `      ${l}`),
      'private-key',
      tlsKey[1],
    );

  repo
    .file('charts/payments/values.yaml', 'helm')
    .l('postgresql:', '  auth:', '    username: payments')
    .d('    password: changeme', 'placeholder')
    .d('    existingSecret: payments-db', 'secret name')
    .d('    secretKeys:\n      userPasswordKey: password', 'secret key name')
    .l('redis:', '  auth:')
    .d('    password: ""', 'empty value')
    .l('sentry:')
    .d('  dsn: "<your-sentry-dsn>"', 'placeholder')
    .l('datadog:')
    .d('  apiKeyExistingSecret: datadog-secret', 'secret name');

  const kzPw = x.pw();
  const stripe = t.stripeLive();
  repo
    .file('deploy/overlays/prod/kustomization.yaml', 'kustomize')
    .l(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'namespace: payments',
      'resources:',
      '  - ../../base',
      'secretGenerator:',
      '  - name: payments-env',
      '    literals:',
    )
    .s(`      - DB_PASSWORD=${kzPw}`, 'generic', kzPw)
    .s(`      - STRIPE_SECRET_KEY=${stripe}`, 'stripe', stripe)
    .d('      - LOG_LEVEL=info', 'log level')
    .l('    envs:', '      - payments.env', 'images:', '  - name: payments-api')
    .d('    digest: sha256:3f7a0c2e5b8d1f4a7c0e3b6d9f2a5c8e1b4d7f0a3c6e9b2d5f8a1c4e7b0d3f6a', 'image digest');

  const doTok = t.digitalocean();
  const rmqPw = x.pw();
  repo
    .file('deploy/overlays/prod/payments.env', 'kustomize')
    .l('NODE_ENV=production', 'PORT=8080')
    .s(`AMQP_URL=amqps://payments:${rmqPw}@rabbitmq.prod.acme.internal:5671/payments`, 'generic', rmqPw)
    .s(`DIGITALOCEAN_TOKEN=${doTok}`, 'digitalocean', doTok)
    .d('FEATURE_FLAGS_ENV_ID=5f3e2b1a9c8d7e6f5a4b3c2d', 'public client-side env id')
    .d('SENTRY_RELEASE=2c6b0f8e4a1d3c5b7e9f0a2c4e6b8d0f1a3c5e7b', 'git SHA release');
}

// ---- Kubernetes ----------------------------------------------------------------------------

function kube(repo, t, x) {
  const pgPw = x.pw();
  const stripe = t.stripeLive();
  const envFile = `DATABASE_URL=postgres://ledger:${pgPw}@pg-prod.acme.internal:5432/ledger\nSTRIPE_API_KEY=${stripe}\nLOG_LEVEL=info\n`;
  const harborUser = 'robot$payments+puller';
  const harborPw = x.harborRobot();
  const auth = Buffer.from(`${harborUser}:${harborPw}`).toString('base64');
  const dockercfg = Buffer.from(
    JSON.stringify({ auths: { 'harbor.acme.io': { username: harborUser, password: harborPw, auth } } }),
  ).toString('base64');
  const rootPw = x.pw();
  repo
    .file('k8s/ledger/secrets.yaml', 'k8s')
    .l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ledger-env', 'type: Opaque', 'data:')
    .s(`  .env: ${Buffer.from(envFile).toString('base64')}`, 'generic', pgPw)
    .l(
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: harbor-pull',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
    )
    .s(`  .dockerconfigjson: ${dockercfg}`, 'generic', harborPw)
    .l('---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: mysql-root', 'type: Opaque', 'data:')
    .s(`  MYSQL_ROOT_PASSWORD: ${Buffer.from(rootPw).toString('base64')}`, 'generic', rootPw)
    .d(`  MYSQL_USER: ${Buffer.from('ledger').toString('base64')}`, 'base64 of a username');

  const ddApp = t.ddApp();
  const ddApi = t.ddApi();
  repo
    .file('k8s/ledger/deployment.yaml', 'k8s')
    .l(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: ledger',
      'spec:',
      '  template:',
      '    spec:',
      '      imagePullSecrets:',
    )
    .d('        - name: harbor-pull', 'secret name')
    .l('      containers:', '        - name: ledger')
    .d(
      '          image: harbor.acme.io/payments/ledger@sha256:0a3d6f9c2e5b8a1d4f7c0e3b6a9d2f5c8e1b4a7d0f3c6e9b2a5d8f1c4e7a0b3d',
      'image digest',
    )
    .l('          env:', '            - name: DB_PASSWORD', '              valueFrom:', '                secretKeyRef:')
    .d('                  name: ledger-db\n                  key: password', 'secretKeyRef')
    .l('            - name: DD_API_KEY')
    .s(`              value: "${ddApi}"`, 'datadog', ddApi)
    .l('            - name: DD_APP_KEY')
    .s(`              value: "${ddApp}"`, 'datadog', ddApp)
    .l(
      '            - name: DD_ENV',
      '              value: prod',
      '          livenessProbe:',
      '            httpGet:',
      '              path: /healthz',
    )
    .d(`            - name: POD_UID\n              value: "${t.uuid()}"`, 'uuid id');

  const saKey = t.pkcs8Pem().join('\\n') + '\\n';
  const saKeyId = t.hex(40);
  const proj = `acme-prod-${t.lower(6)}`;
  const saJson = JSON.stringify({
    type: 'service_account',
    project_id: proj,
    private_key_id: saKeyId,
    private_key: 'PLACEHOLDER',
    client_email: `ci-deployer@${proj}.iam.gserviceaccount.com`,
    client_id: t.digits(21),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  }).replace('PLACEHOLDER', saKey);
  const keyLine = saKey.split('\\n')[1];
  repo
    .file('k8s/external-dns/gcp-credentials.yaml', 'k8s')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: external-dns-gcp',
      '  namespace: external-dns',
      'type: Opaque',
      'stringData:',
    )
    .s(`  credentials.json: '${saJson}'`, 'gcp', keyLine)
    .l(
      '---',
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: cloudflare-api',
      'spec:',
      '  encryptedData:',
    )
    .d(`    api-token: AgB${x.b64(680)}==`, 'sealed-secrets ciphertext');

  const kubeCfgToken = t.jwt();
  repo
    .file('k8s/clusters/ci-kubeconfig.yaml', 'k8s')
    .l(
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '  - name: prod-eu',
      '    cluster:',
      '      server: https://k8s-prod-eu.acme.io:6443',
    )
    .d(
      `      certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM1ekNDQWMrZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwK`,
      'CA certificate data',
    )
    .l('users:', '  - name: ci-deployer', '    user:')
    .s(`      token: ${kubeCfgToken}`, 'kubernetes', kubeCfgToken)
    .l(
      'contexts:',
      '  - name: prod-eu',
      '    context: { cluster: prod-eu, user: ci-deployer }',
      'current-context: prod-eu',
    );
}

// ---- Terraform and Pulumi ------------------------------------------------------------------

function terraform(repo, t, x) {
  const awsId = t.awsId();
  const awsSecret = t.awsSecret();
  const cf = t.cloudflare();
  const acct = x.acct();
  repo
    .file('infra/terraform/prod/providers.tf', 'terraform')
    .l(
      'terraform {',
      '  required_version = ">= 1.6"',
      '  required_providers {',
      '    aws = { source = "hashicorp/aws", version = "~> 5.40" }',
      '  }',
      '}',
      '',
    )
    .l('provider "aws" {', '  region     = "eu-west-1"')
    .s(`  access_key = "${awsId}"`, 'aws', awsId)
    .s(`  secret_key = "${awsSecret}"`, 'aws', awsSecret)
    .d(`  assume_role { role_arn = "arn:aws:iam::${acct}:role/terraform" }`, 'role ARN')
    .l('}', '', 'provider "cloudflare" {')
    .s(`  api_token = "${cf}"`, 'cloudflare', cf)
    .l('}', '', 'provider "vault" {', '  address = "https://vault.acme.io"')
    .d('  token   = var.vault_token', 'variable reference')
    .l('}');

  const dbPw = x.pw();
  const ddApi = t.ddApi();
  repo
    .file('infra/terraform/prod/variables.tf', 'terraform')
    .l('variable "db_password" {', '  type      = string', '  sensitive = true')
    .s(`  default   = "${dbPw}"`, 'generic', dbPw)
    .l('}', '', 'variable "datadog_api_key" {', '  type    = string')
    .s(`  default = "${ddApi}"`, 'datadog', ddApi)
    .l(
      '}',
      '',
      'variable "vault_token" {',
      '  type      = string',
      '  sensitive = true',
      '  description = "Set TF_VAR_vault_token from the CI secret store"',
    )
    .d('  default   = null', 'null default')
    .l('}', '', 'variable "ami_id" {')
    .d('  default = "ami-0a1b2c3d4e5f67890"', 'AMI id')
    .l('}');

  const tfc = x.tfc();
  repo
    .file('infra/terraform/prod/backend.tf', 'terraform')
    .l('terraform {', '  cloud {', '    organization = "acme"')
    .d('    hostname     = "app.terraform.io"', 'hostname')
    .s(`    token        = "${tfc}"`, 'terraform-cloud', tfc)
    .l('    workspaces { name = "payments-prod" }', '  }', '}');

  const rdsPw = x.pw();
  const fastly = x.fastly();
  const pdInt = t.hex(32);
  repo
    .file('infra/terraform/prod/terraform.tfvars', 'terraform')
    .l('environment   = "prod"', 'vpc_cidr      = "10.40.0.0/16"')
    .d('subnet_ids    = ["subnet-0a1b2c3d4e5f67890", "subnet-09f8e7d6c5b4a3210"]', 'subnet ids')
    .s(`rds_master_password = "${rdsPw}"`, 'generic', rdsPw)
    .s(`fastly_api_key = "${fastly}"`, 'fastly', fastly)
    .s(`pagerduty_integration_key = "${pdInt}"`, 'pagerduty', pdInt)
    .d('kms_key_arn = "arn:aws:kms:eu-west-1:000000000000:key/1c9e3b7a-2d4f-4a6b-8c0e-5f7a9b1d3e6c"', 'KMS key ARN');

  repo
    .file('infra/terraform/prod/.terraform.lock.hcl', 'terraform')
    .l(
      '# This file is maintained automatically by "terraform init".',
      '',
      'provider "registry.terraform.io/hashicorp/aws" {',
      '  version     = "5.44.0"',
      '  constraints = "~> 5.40"',
      '  hashes = [',
    )
    .d(`    "h1:${Buffer.from(t.sha256(), 'hex').toString('base64')}",`, 'provider hash h1')
    .d(`    "zh:${t.sha256()}",`, 'provider hash zh')
    .d(`    "zh:${t.sha256()}",`, 'provider hash zh')
    .l('  ]', '}');

  const iamSecret = t.awsSecret();
  const iamId = t.awsId();
  const outPw = x.pw();
  repo
    .file('infra/terraform/prod/terraform.tfstate.backup', 'terraform')
    .l('{', '  "version": 4,', '  "terraform_version": "1.7.5",', '  "serial": 118,')
    .d(`  "lineage": "${t.uuid()}",`, 'state lineage uuid')
    .l('  "outputs": {', '    "db_admin_password": {')
    .s(`      "value": "${outPw}",`, 'generic', outPw)
    .l(
      '      "type": "string",',
      '      "sensitive": true',
      '    }',
      '  },',
      '  "resources": [',
      '    {',
      '      "mode": "managed",',
      '      "type": "aws_iam_access_key",',
      '      "name": "ci",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
    )
    .s(`            "id": "${iamId}",`, 'aws', iamId)
    .s(`            "secret": "${iamSecret}",`, 'aws', iamSecret)
    .d('            "ses_smtp_password_v4": null,', 'null attribute')
    .d('            "status": "Active",', 'status')
    .l(
      '            "user": "ci-deployer"',
      '          },',
      '          "sensitive_attributes": []',
      '        }',
      '      ]',
      '    }',
      '  ]',
      '}',
    );

  const pulumiPw = x.pw();
  const ddKey = t.ddApi();
  repo
    .file('infra/pulumi/Pulumi.prod.yaml', 'pulumi')
    .d(`encryptionsalt: v1:${x.b64(12)}=:v1:${x.b64(16)}:${x.b64(22)}==`, 'Pulumi encryption salt')
    .l('config:', '  aws:region: eu-west-1')
    .d(`  payments:stripeKey:\n    secure: v1:${x.b64(16)}:${x.b64(64)}==`, 'Pulumi secure ciphertext')
    .s(`  payments:dbPassword: ${pulumiPw}`, 'generic', pulumiPw)
    .s(`  datadog:apiKey: ${ddKey}`, 'datadog', ddKey)
    .d('  payments:replicas: "3"', 'number');
}

// ---- Ansible, Packer, cloud-init -----------------------------------------------------------

function configMgmt(repo, t, x) {
  const becomePw = x.pw();
  const sshPw = x.human();
  repo
    .file('ansible/inventories/prod/hosts.ini', 'ansible')
    .l('[db]', 'pg-prod-01.acme.internal', 'pg-prod-02.acme.internal', '', '[legacy]')
    .s(`ftp-legacy-01 ansible_host=10.20.3.14 ansible_user=deploy ansible_ssh_pass=${sshPw}`, 'generic', sshPw)
    .l('', '[all:vars]', 'ansible_python_interpreter=/usr/bin/python3')
    .s(`ansible_become_pass=${becomePw}`, 'generic', becomePw);

  const pgPw = x.pw();
  const rmqPw = x.pw();
  const vaultTok = x.vault();
  const deployKey = t.opensshPem();
  repo
    .file('ansible/group_vars/prod/main.yml', 'ansible')
    .l('---', 'postgres_version: 15', 'postgres_users:', '  - name: app')
    .s(`    password: "${pgPw}"`, 'generic', pgPw)
    .l('  - name: replication')
    .d('    password: "{{ vault_replication_password }}"', 'Jinja vault variable')
    .l('rabbitmq_users:', '  - user: payments')
    .s(`    password: ${rmqPw}`, 'generic', rmqPw)
    .l('    vhost: /payments')
    .s(`vault_token: ${vaultTok}`, 'vault', vaultTok)
    .d("datadog_api_key: \"{{ lookup('amazon.aws.aws_ssm', '/prod/datadog/api_key') }}\"", 'SSM lookup')
    .l('deploy_ssh_private_key: |')
    .s(
      deployKey.map((l) => `  ${l}`),
      'private-key',
      deployKey[1],
    );

  const vaultLines = [];
  for (let i = 0; i < 5; i++) vaultLines.push(`          ${t.pick(HEX, 80)}`);
  repo
    .file('ansible/group_vars/prod/vault.yml', 'ansible')
    .l('---')
    .d(
      ['vault_replication_password: !vault |', '          $ANSIBLE_VAULT;1.1;AES256', ...vaultLines],
      'ansible-vault ciphertext',
    );

  const packerPw = x.pw();
  const hcpSecret = t.mixed(URLSAFE, 64);
  repo
    .file('packer/ubuntu-base.pkr.hcl', 'packer')
    .l(
      'source "vsphere-iso" "ubuntu" {',
      '  vcenter_server = "vcsa.dc1.acme.internal"',
      '  username       = "svc-packer@vsphere.local"',
    )
    .s(`  password       = "${packerPw}"`, 'generic', packerPw)
    .l('  ssh_username   = "ubuntu"')
    .d('  ssh_password   = var.ssh_password', 'variable reference')
    .d('  iso_checksum   = "sha256:45f873de9f8cb637345d6e66a583762730bbea30277ef7b32c9c3bd6700a32b2"', 'ISO checksum')
    .l('}', '', 'hcp_packer_registry {', '  bucket_name = "ubuntu-base"', '}', '# HCP_CLIENT_ID=' + t.mixed(ALNUM, 32))
    .s(`# HCP_CLIENT_SECRET=${hcpSecret}`, 'generic', hcpSecret);

  const rootHash = `$6$${t.mixed(ALNUM, 16)}$${t.mixed(ALNUM + './', 86)}`;
  const ciPw = x.pw();
  const ghToken = t.github();
  const envB64 = Buffer.from(`REGISTRY_USER=ci\nREGISTRY_TOKEN=${ghToken}\n`).toString('base64');
  repo
    .file('infra/cloud-init/runner-user-data.yaml', 'cloudinit')
    .l('#cloud-config', 'users:', '  - name: ops', '    groups: sudo', '    shell: /bin/bash')
    .d(`    passwd: ${rootHash}`, 'sha512-crypt password hash')
    .d(
      '    ssh_authorized_keys:\n      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3kZ7n0p1WqYxQe8t9sLrVf2mJcH4aDgK6oUyE5wNzT ops@acme',
      'public SSH key',
    )
    .l('chpasswd:', '  expire: false', '  list: |')
    .s(`    ubuntu:${ciPw}`, 'generic', ciPw)
    .l('write_files:', '  - path: /etc/runner/env', '    encoding: b64')
    .s(`    content: ${envB64}`, 'github', ghToken)
    .l('runcmd:', '  - [ systemctl, enable, --now, actions-runner ]');
}

// ---- Docker ----------------------------------------------------------------------------------

function docker(repo, t, x) {
  const npm = t.npm();
  const pipPw = x.pw();
  repo
    .file('services/web/Dockerfile', 'docker')
    .l('# syntax=docker/dockerfile:1.7')
    .d(
      'FROM node:20-alpine@sha256:8c6e1b4a7d0f3c6e9b2a5d8f1c4e7a0b3d6f9c2e5b8a1d4f7c0e3b6a9d2f5c8e AS build',
      'base image digest',
    )
    .s(`ARG NPM_TOKEN=${npm}`, 'npm', npm)
    .l('WORKDIR /app', 'COPY package*.json .npmrc ./')
    .d('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci', 'BuildKit secret mount')
    .l('RUN npm run build', '', 'FROM python:3.12-slim AS tools')
    .s(
      `RUN pip install --index-url https://ci:${pipPw}@nexus.acme.io/repository/pypi-all/simple acme-cli==2.4.1`,
      'generic',
      pipPw,
    )
    .d('ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1', 'env flags')
    .d('ARG GIT_SHA=0000000000000000000000000000000000000000', 'zero SHA default');

  const pgPw = x.pw();
  const mysqlPw = x.pw();
  const redisPw = t.alnum(32);
  const minioSecret = t.alnum(40);
  repo
    .file('docker-compose.prod.yml', 'docker')
    .l('services:', '  db:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: payments')
    .s(`      POSTGRES_PASSWORD: ${pgPw}`, 'generic', pgPw)
    .d('    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]', 'healthcheck with variable')
    .l('  mysql:', '    image: mysql:8.0', '    environment:')
    .d('      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/mysql_root', 'secret file path')
    .l('    healthcheck:')
    .s(`      test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-uroot", "-p${mysqlPw}"]`, 'generic', mysqlPw)
    .l('  redis:', '    image: redis:7')
    .s(`    command: ["redis-server", "--requirepass", "${redisPw}"]`, 'generic', redisPw)
    .l('  minio:', '    image: minio/minio', '    environment:', '      MINIO_ROOT_USER: minioadmin')
    .s(`      MINIO_ROOT_PASSWORD: ${minioSecret}`, 'generic', minioSecret)
    .l('  api:', '    build:', '      context: .', '      args:')
    .d('        NPM_TOKEN: ${NPM_TOKEN}', 'compose interpolation')
    .l('secrets:', '  mysql_root:', '    file: ./secrets/mysql_root.txt');

  repo
    .file('docker-compose.ci.yml', 'docker')
    .l('services:', '  postgres:', '    image: postgres:16', '    environment:')
    .d('      POSTGRES_PASSWORD: postgres', 'default throwaway password')
    .d('      POSTGRES_HOST_AUTH_METHOD: trust', 'setting')
    .l('  rabbitmq:', '    image: rabbitmq:3-management', '    environment:')
    .d('      RABBITMQ_DEFAULT_PASS: guest', 'default guest password');
}

// ---- Makefiles and deploy scripts ----------------------------------------------------------

function scripts(repo, t, x) {
  const helmPw = x.pw();
  const artUser = 'svc-ci';
  const artPw = x.pw();
  const basic = Buffer.from(`${artUser}:${artPw}`).toString('base64');
  const pypi = t.pypi();
  const gems = x.rubygems();
  repo
    .file('Makefile', 'make')
    .l('REGISTRY ?= harbor.acme.io', 'VERSION  ?= $(shell git describe --tags --always)', '')
    .d('GIT_SHA := $(shell git rev-parse HEAD)', 'command substitution')
    .l('', 'helm-login:')
    .s(`\thelm repo add acme https://charts.acme.io --username ci --password '${helmPw}'`, 'generic', helmPw)
    .l('', 'upload-artifact:')
    .s(
      `\tcurl -sf -H "Authorization: Basic ${basic}" -T dist/app.tgz https://acme.jfrog.io/artifactory/generic-local/app/$(VERSION)/`,
      'generic',
      artPw,
    )
    .l('', 'publish-py:')
    .s(`\ttwine upload -u __token__ -p ${pypi} dist/*`, 'pypi', pypi)
    .l('', 'publish-gem:')
    .s(`\tGEM_HOST_API_KEY=${gems} gem push pkg/acme-client-$(VERSION).gem`, 'rubygems', gems)
    .l('', 'login:')
    .d('\t@echo "$(DOCKER_PASSWORD)" | docker login $(REGISTRY) -u $(DOCKER_USER) --password-stdin', 'make variable');

  const regPw = x.pw();
  const vercel = t.vercel();
  const netlify = x.netlify();
  const doppler = x.doppler('prd');
  const ops = x.opsSa();
  const infisical = x.infisical();
  repo
    .file('scripts/deploy.sh', 'shell')
    .l('#!/usr/bin/env bash', 'set -euo pipefail', '', 'ENV="${1:-staging}"', 'NS="payments-${ENV}"', '')
    .d('export AWS_PROFILE="${AWS_PROFILE:-acme-prod}"', 'profile name')
    .d(
      'DB_PASSWORD="$(aws ssm get-parameter --name /prod/payments/db_password --with-decryption --query Parameter.Value --output text)"',
      'SSM lookup',
    )
    .d('STRIPE_KEY="$(vault kv get -field=secret_key secret/payments/stripe)"', 'Vault lookup')
    .l(
      '',
      'kubectl -n "$NS" create secret docker-registry regcred \\',
      '  --docker-server=harbor.acme.io \\',
      "  --docker-username='robot$payments+deployer' \\",
    )
    .s(`  --docker-password='${regPw}' \\`, 'generic', regPw)
    .l('  --dry-run=client -o yaml | kubectl apply -f -', '')
    .l('# frontends')
    .s(`npx vercel deploy --prod --token ${vercel} --yes`, 'vercel', vercel)
    .s(`NETLIFY_AUTH_TOKEN=${netlify} npx netlify deploy --prod --dir=build/docs`, 'netlify', netlify)
    .l('', '# secrets managers')
    .s(`export DOPPLER_TOKEN="${doppler}"`, 'doppler', doppler)
    .s(`export OP_SERVICE_ACCOUNT_TOKEN="${ops}"`, 'onepassword', ops)
    .s(`infisical export --env=prod --token="${infisical}" > .env.runtime`, 'infisical', infisical)
    .d('export INFISICAL_TOKEN="$(cat /run/secrets/infisical)"', 'file read')
    .d('echo "deploying $(git rev-parse --short HEAD) to $NS"', 'command substitution');

  const cfKey = x.cfGlobal();
  const asia = x.asia();
  const asiaSecret = t.awsSecret();
  const sess = x.sessionToken();
  const nrak = x.nrak();
  repo
    .file('scripts/purge-cdn.sh', 'shell')
    .l('#!/bin/sh', '# Purges the Cloudflare cache after a release.', 'ZONE_ID=' + t.hex(32))
    .l(
      'curl -s -X POST "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/purge_cache" \\',
      '  -H "X-Auth-Email: platform@acme.io" \\',
    )
    .s(`  -H "X-Auth-Key: ${cfKey}" \\`, 'cloudflare', cfKey)
    .l('  --data \'{"purge_everything":true}\'', '', '# temp creds pasted from the SSO portal while debugging INC-4412')
    .s(`export AWS_ACCESS_KEY_ID=${asia}`, 'aws', asia)
    .s(`export AWS_SECRET_ACCESS_KEY=${asiaSecret}`, 'aws', asiaSecret)
    .s(`export AWS_SESSION_TOKEN=${sess}`, 'aws', sess)
    .l('', '# mark the deploy in New Relic')
    .s(
      `curl -X POST https://api.newrelic.com/graphql -H "API-Key: ${nrak}" -H 'Content-Type: application/json' \\`,
      'newrelic',
      nrak,
    )
    .l(
      '  -d \'{"query":"mutation { changeTrackingCreateDeployment(deployment: {version: \\"\'$VERSION\'\\", entityGuid: \\"MXxBUE18QVBQTElDQVRJT058MTIzNDU2\\"}) { deploymentId } }"}\'',
    );
}

// ---- CI logs -------------------------------------------------------------------------------

function logs(repo, t, x) {
  const leaked = t.gitlab();
  const dockerPw = x.pw();
  const ts = (s) =>
    `2026-11-30T10:${String(12 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${t.digits(7)}Z`;
  repo
    .file('ci/logs/deploy-prod-1842.log', 'logs')
    .l(
      `${ts(1)} ##[group]Run docker/login-action@v3`,
      `${ts(2)} with:`,
      `${ts(3)}   registry: ghcr.io`,
      `${ts(3)}   username: acme-bot`,
    )
    .d(`${ts(3)}   password: ***`, 'masked value')
    .l(`${ts(4)} ##[endgroup]`, `${ts(5)} Login Succeeded!`, `${ts(6)} ##[group]Run ./scripts/mirror.sh`)
    .s(
      `${ts(7)} + git remote add partner https://ci-bot:${leaked}@gitlab.partner.example.net/acme/payments.git`,
      'gitlab',
      leaked,
    )
    .s(`${ts(8)} + docker login -u deployer -p ${dockerPw} registry.acme.io`, 'generic', dockerPw)
    .l(`${ts(8)} WARNING! Using --password via the CLI is insecure. Use --password-stdin.`)
    .d(`${ts(9)} Pulled harbor.acme.io/payments/api@sha256:${t.sha256()}`, 'image digest in log')
    .d(`${ts(10)} HEAD is now at ${t.sha1().slice(0, 7)} Merge branch 'release/2.14'`, 'short SHA')
    .d(
      `${ts(11)} Using Vault token from VAULT_TOKEN (accessor ${t.mixed(ALNUM, 24)})`,
      'Vault token accessor (not a credential)',
    )
    .l(`${ts(12)} ##[endgroup]`);

  repo
    .file('ci/logs/gitlab-job-99812.log', 'logs')
    .l('Running with gitlab-runner 17.5.0 (8ec04662)', '  on k8s-runner-prod t3_Hx9q, system ID: s_4f1c2b9e0a7d')
    .d(
      '$ echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin $CI_REGISTRY',
      'variable reference in log',
    )
    .d('Login Succeeded', 'status')
    .d('$ export VAULT_TOKEN=[MASKED]', 'masked value')
    .d(`Checking out ${t.sha1().slice(0, 8)} as detached HEAD (ref is main)...`, 'short SHA')
    .d(`Downloading artifacts for build (${t.digits(9)})...`, 'job id')
    .l('Job succeeded');
}

// ---- Harder layouts platform repos really hold ---------------------------------------------

function hard(repo, t, x) {
  const artPw = x.pw();
  const npmPwB64 = Buffer.from(artPw).toString('base64');
  const authB64 = Buffer.from(`svc-npm:${x.pw()}`).toString('base64');
  repo
    .file('services/web/.npmrc', 'registry')
    .l('registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/', 'always-auth=true')
    .d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env interpolation')
    .l('//acme.jfrog.io/artifactory/api/npm/npm-virtual/:username=svc-ci')
    .s(`//acme.jfrog.io/artifactory/api/npm/npm-virtual/:_password=${npmPwB64}`, 'generic', artPw)
    .s(
      `//nexus.acme.io/repository/npm-private/:_auth=${authB64}`,
      'generic',
      Buffer.from(authB64, 'base64').toString().split(':')[1],
    );

  const mvnPw = x.pw();
  const mvnToken = x.jfrogRef();
  repo
    .file('ci/maven/settings.xml', 'registry')
    .l(
      '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">',
      '  <servers>',
      '    <server>',
      '      <id>nexus-releases</id>',
      '      <username>deployment</username>',
    )
    .s(`      <password>${mvnPw}</password>`, 'generic', mvnPw)
    .l('    </server>', '    <server>', '      <id>artifactory</id>', '      <username>ci-publisher</username>')
    .s(`      <password>${mvnToken}</password>`, 'artifactory', mvnToken)
    .l('    </server>', '    <server>', '      <id>github</id>', '      <username>acme-bot</username>')
    .d('      <password>${env.GITHUB_TOKEN}</password>', 'Maven env interpolation')
    .l('    </server>', '  </servers>', '</settings>');

  const gradlePw = x.pw();
  repo
    .file('gradle.properties', 'registry')
    .l('org.gradle.jvmargs=-Xmx2g', 'org.gradle.caching=true', 'artifactoryUser=ci-publisher')
    .s(`artifactoryPassword=${gradlePw}`, 'generic', gradlePw)
    .d('distributionSha256Sum=544c35d6bd849ae8a5ed0bcea39ba677dc40f49df7d1835561582da2009b961d', 'download checksum');

  const dockerPw = x.pw();
  const dockerAuth = Buffer.from(`acme+deployer:${dockerPw}`).toString('base64');
  repo
    .file('ci/docker/config.json', 'registry')
    .l('{', '  "auths": {', '    "quay.io": {')
    .s(`      "auth": "${dockerAuth}"`, 'generic', dockerPw)
    .l('    },', '    "ghcr.io": {}', '  },')
    .d('  "credsStore": "ecr-login",', 'credential helper name')
    .l('  "credHelpers": { "123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login" }', '}');

  const tfcTok = x.tfc();
  repo
    .file('ci/terraform/credentials.tfrc.json', 'terraform')
    .l('{', '  "credentials": {', '    "app.terraform.io": {')
    .s(`      "token": "${tfcTok}"`, 'terraform-cloud', tfcTok)
    .l('    }', '  }', '}');

  const udPw = x.pw();
  const connPw = x.pw();
  const tlsKey = t.rsaPem();
  const jsonPem = tlsKey.join('\\n') + '\\n';
  const ddApi = t.ddApi();
  const ddApp = t.ddApp();
  repo
    .file('infra/terraform/modules/bastion/main.tf', 'terraform')
    .l(
      'resource "aws_instance" "bastion" {',
      '  ami           = data.aws_ami.ubuntu.id',
      '  instance_type = "t3.micro"',
      '  user_data     = <<-EOF',
      '    #!/bin/bash',
    )
    .s(`    echo "deploy:${udPw}" | chpasswd`, 'generic', udPw)
    .l(
      '    systemctl restart sshd',
      '  EOF',
      '',
      '  provisioner "remote-exec" {',
      '    connection {',
      '      type     = "ssh"',
      '      user     = "admin"',
    )
    .s(`      password = "${connPw}"`, 'generic', connPw)
    .l('      host     = self.public_ip', '    }', '    inline = ["sudo apt-get update"]', '  }', '}', '')
    .d('resource "random_password" "db" {\n  length  = 32\n  special = true\n}', 'random_password resource')
    .d('output "ci_secret" {\n  value     = aws_iam_access_key.ci.secret\n  sensitive = true\n}', 'output reference')
    .l('', 'provider "datadog" {')
    .s(`  api_key = "${ddApi}"`, 'datadog', ddApi)
    .s(`  app_key = "${ddApp}"`, 'datadog', ddApp)
    .d('  api_url = "https://api.datadoghq.eu/"', 'URL')
    .l('}');

  const iamJsonState = repo.file('infra/terraform/modules/bastion/terraform.tfstate', 'terraform');
  iamJsonState
    .l(
      '{',
      '  "version": 4,',
      '  "resources": [',
      '    {',
      '      "type": "tls_private_key",',
      '      "name": "bastion",',
      '      "instances": [',
      '        {',
      '          "attributes": {',
      '            "algorithm": "RSA",',
    )
    .s(`            "private_key_pem": "${jsonPem}",`, 'private-key', tlsKey[1])
    .d(`            "public_key_fingerprint_sha256": "SHA256:${x.b64(43)}",`, 'public key fingerprint')
    .l('            "rsa_bits": 2048', '          }', '        }', '      ]', '    }', '  ]', '}');

  const mongoPw = x.pw();
  const jdbcPw = x.pw();
  const mssqlPw = x.pw();
  const upstashPw = t.alnum(34);
  repo
    .file('charts/ledger/values-prod.yaml', 'helm')
    .l('config:')
    .s(
      `  mongoUri: mongodb+srv://ledger:${mongoPw}@cluster0.q7x2m.mongodb.net/ledger?retryWrites=true&w=majority`,
      'generic',
      mongoPw,
    )
    .s(
      `  jdbcUrl: jdbc:postgresql://pg-prod.acme.internal:5432/ledger?user=ledger&password=${jdbcPw}&sslmode=require`,
      'generic',
      jdbcPw,
    )
    .s(
      `  reportingDb: "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=reporting;User ID=report_ro;Password=${mssqlPw};Encrypt=True;"`,
      'generic',
      mssqlPw,
    )
    .s(`  cacheUrl: rediss://default:${upstashPw}@eu1-driving-lynx-38211.upstash.io:6379`, 'generic', upstashPw)
    .d('  sentryDsnSecretName: ledger-sentry', 'secret name')
    .l('datadog:')
    .d('  apiKeyExistingSecret: datadog-keys', 'secret name');

  const helmPw = x.pw();
  const helmStripe = t.stripeLive();
  const azSecret = t.azureClientSecret();
  const azTenant = t.uuid();
  const azApp = t.uuid();
  const vaultOld = `s.${t.mixed(ALNUM, 24)}`;
  const herokuUuid = t.uuid();
  const appKey = t.rsaPem();
  const appKeyB64 = Buffer.from(appKey.join('\n') + '\n').toString('base64');
  repo
    .file('scripts/release-prod.sh', 'shell')
    .l(
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      '',
      'helm upgrade --install ledger charts/ledger -n ledger \\',
      '  -f charts/ledger/values-prod.yaml \\',
    )
    .s(`  --set postgresql.auth.password='${helmPw}' \\`, 'generic', helmPw)
    .s(`  --set-string secrets.stripeKey=${helmStripe} \\`, 'stripe', helmStripe)
    .l('  --wait --timeout 10m', '')
    .s(`az login --service-principal -u ${azApp} -p '${azSecret}' --tenant ${azTenant}`, 'azure', azSecret)
    .d(`az account set --subscription ${t.uuid()}`, 'subscription id')
    .s(`export VAULT_TOKEN=${vaultOld}`, 'vault', vaultOld)
    .s(`export HEROKU_API_KEY=${herokuUuid}`, 'heroku', herokuUuid)
    .s(`export GH_APP_PRIVATE_KEY_B64=${appKeyB64}`, 'private-key', appKey[1])
    .d(
      'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE  # from the AWS docs, used by localstack tests',
      'AWS documentation example key',
    )
    .d('export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS documentation example secret')
    .d(
      'ansible-playbook site.yml -i inventories/prod --vault-password-file <(vault kv get -field=pw secret/ansible)',
      'process substitution',
    );

  const nexusPw = x.pw();
  const ghWebhook = t.hex(40);
  const pdRouting = t.hex(32);
  repo
    .file('jenkins/shared-lib/vars/notifyRelease.groovy', 'jenkins')
    .l('def call(Map cfg = [:]) {')
    .s(`  def routingKey = cfg.routingKey ?: '${pdRouting}'`, 'pagerduty', pdRouting)
    .l(
      "  httpRequest url: 'https://events.pagerduty.com/v2/enqueue', httpMode: 'POST',",
      '    requestBody: "{\\"routing_key\\":\\"${routingKey}\\",\\"event_action\\":\\"trigger\\"}"',
    )
    .s(
      `  sh "curl -fsS -u admin:${nexusPw} --upload-file build/libs/app.jar https://nexus.acme.io/repository/releases/app.jar"`,
      'generic',
      nexusPw,
    )
    .s(`  env.GITHUB_WEBHOOK_SECRET = '${ghWebhook}'`, 'generic', ghWebhook)
    .d(
      "  def creds = usernamePassword(credentialsId: 'nexus-admin', usernameVariable: 'U', passwordVariable: 'P')",
      'credential binding',
    )
    .l('}');

  const gcpKey = t.pkcs8Pem();
  const proj = `acme-ci-${t.lower(6)}`;
  const saJson = JSON.stringify({
    type: 'service_account',
    project_id: proj,
    private_key_id: t.hex(40),
    private_key: gcpKey.join('\n') + '\n',
    client_email: `gitlab-deployer@${proj}.iam.gserviceaccount.com`,
    client_id: t.digits(21),
  });
  const glDeploy = x.gldt();
  repo
    .file('ci/gitlab/deploy-gke.gitlab-ci.yml', 'gitlab')
    .l('variables:', '  GKE_CLUSTER: prod-eu', '  GOOGLE_CREDENTIALS_B64:')
    .s(`    value: "${Buffer.from(saJson).toString('base64')}"`, 'gcp', gcpKey[1])
    .l('    description: "base64 of the deployer SA key"', '  DEPLOY_TOKEN:')
    .s(`    value: "${glDeploy}"`, 'gitlab', glDeploy)
    .l('    description: "read_registry deploy token"', '  SOPS_AGE_KEY_FILE: /tmp/age.key')
    .d('  KUBE_CONTEXT: acme/platform/agents:prod-eu', 'agent context name')
    .l('deploy:', '  script:', '    - echo "$GOOGLE_CREDENTIALS_B64" | base64 -d > /tmp/sa.json')
    .d('    - gcloud auth activate-service-account --key-file=/tmp/sa.json', 'key file path');

  const sopsLines = [
    `db_password: ENC[AES256_GCM,data:${x.b64(24)},iv:${x.b64(43)}=,tag:${x.b64(22)}==,type:str]`,
    `stripe_key: ENC[AES256_GCM,data:${x.b64(44)},iv:${x.b64(43)}=,tag:${x.b64(22)}==,type:str]`,
  ];
  repo
    .file('deploy/secrets/prod.enc.yaml', 'kustomize')
    .d(sopsLines[0], 'sops ciphertext')
    .d(sopsLines[1], 'sops ciphertext')
    .l('sops:', '    age:', '        - recipient: age1' + t.pick('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58))
    .d(
      [
        '          enc: |',
        '            -----BEGIN AGE ENCRYPTED FILE-----',
        `            ${x.b64(64)}`,
        `            ${x.b64(40)}`,
        '            -----END AGE ENCRYPTED FILE-----',
      ],
      'age-encrypted data key',
    )
    .d(`    mac: ENC[AES256_GCM,data:${x.b64(86)}==,iv:${x.b64(43)}=,tag:${x.b64(22)}==,type:str]`, 'sops MAC');

  repo
    .file('charts/payments/Chart.lock', 'helm')
    .l(
      'dependencies:',
      '- name: postgresql',
      '  repository: oci://registry-1.docker.io/bitnamicharts',
      '  version: 15.5.0',
    )
    .d(`digest: sha256:${t.sha256()}`, 'chart lock digest')
    .d('generated: "2026-10-02T09:14:11.312554+02:00"', 'timestamp');

  repo
    .file('ci/cosign.pub', 'registry')
    .d(
      [
        '-----BEGIN PUBLIC KEY-----',
        `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${x.b64(50)}`,
        `${x.b64(22)}==`,
        '-----END PUBLIC KEY-----',
      ],
      'cosign public key',
    );
}

// ---- Credentials in tool-specific syntax, and the look-alikes beside them --------------------

function harder(repo, t, x) {
  const herokuKey = t.uuid();
  const pgPass = x.pw();
  repo
    .file('ci/home/.netrc', 'registry')
    .s(`machine api.heroku.com login ci@acme.io password ${herokuKey}`, 'heroku', herokuKey)
    .d('machine git.heroku.com login ci@acme.io password ${HEROKU_API_KEY}', 'env interpolation');
  repo
    .file('ci/home/.pgpass', 'registry')
    .s(`pg-prod.acme.internal:5432:*:migrator:${pgPass}`, 'generic', pgPass)
    .d('localhost:5432:*:postgres:postgres', 'local default credentials');

  const runnerReg = `A${t.mixed(UPPER + DIGIT, 28)}`;
  const pulumi = `pul-${t.hex(40)}`;
  const redisPw = t.alnum(28);
  const ado = t.pick('abcdefghijklmnopqrstuvwxyz234567', 52);
  const ccipat = `CCIPAT_${t.mixed(ALNUM, 22)}_${t.hex(40)}`;
  repo
    .file('.github/workflows/integration.yml', 'gha')
    .l('name: integration', 'on: [pull_request]', 'jobs:', '  it:', '    runs-on: ubuntu-latest', '    env:')
    .s(`      PULUMI_ACCESS_TOKEN: ${pulumi}`, 'pulumi', pulumi)
    .s(`      AZURE_DEVOPS_EXT_PAT: ${ado}`, 'azure', ado)
    .s(`      CIRCLECI_CLI_TOKEN: ${ccipat}`, 'circleci', ccipat)
    .d('      TF_TOKEN_app_terraform_io: ${{ secrets.TF_API_TOKEN }}', 'secrets expression')
    .l('    services:', '      mysql:', '        image: mysql:8.0', '        env:')
    .d('          MYSQL_ROOT_PASSWORD: root', 'throwaway CI service password')
    .l('      redis:', '        image: redis:7')
    .s(`        options: --health-cmd "redis-cli -a ${redisPw} ping" --health-interval 10s`, 'generic', redisPw)
    .l('    steps:')
    .d(
      "      - uses: actions/cache@v4\n        with:\n          key: npm-${{ hashFiles('**/package-lock.json') }}",
      'hashFiles cache key',
    )
    .d(
      '      - run: git clone https://x-access-token:${{ secrets.GH_PAT }}@github.com/acme/fixtures.git',
      'secrets expression in URL',
    )
    .l('      - name: register ephemeral runner for e2e')
    .s(
      `        run: ./config.sh --url https://github.com/acme --token ${runnerReg} --ephemeral --unattended`,
      'github',
      runnerReg,
    )
    .d('      - run: gpg --recv-keys 5A1F9B3E7C2D4A6B8E0F1C3D5B7A9E2F4C6D8B0A', 'GPG key fingerprint');

  const kafkaPw = x.pw();
  const consul = Buffer.from(t.hex(64), 'hex').toString('base64');
  const tsKey = `tskey-auth-k${t.mixed(ALNUM, 10)}CNTRL-${t.mixed(ALNUM, 33)}`;
  const mysqlPw = x.pw();
  const htPw = x.pw();
  repo
    .file('charts/kafka-connect/values-prod.yaml', 'helm')
    .l('connect:', '  config:')
    .s(
      `    sasl.jaas.config: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="connect-prod" password="${kafkaPw}";'`,
      'generic',
      kafkaPw,
    )
    .d('  podAnnotations:\n    checksum/config: ' + t.sha256(), 'rendered config checksum annotation')
    .l('consul:')
    .s(`  gossipEncryptionKey: "${consul}"`, 'generic', consul);

  repo
    .file('infra/cloud-init/db-user-data.yaml', 'cloudinit')
    .l('#cloud-config', 'packages: [mysql-server, nginx, apache2-utils]', 'runcmd:')
    .s(`  - tailscale up --authkey=${tsKey} --ssh --hostname=db-prod-01`, 'tailscale', tsKey)
    .s(
      `  - mysql -e "CREATE USER 'app'@'10.%' IDENTIFIED BY '${mysqlPw}'; GRANT ALL ON app.* TO 'app'@'10.%';"`,
      'generic',
      mysqlPw,
    )
    .s(`  - htpasswd -b -c /etc/nginx/.htpasswd admin '${htPw}'`, 'generic', htPw)
    .d('  - curl -fsSL https://tailscale.com/install.sh | sh', 'installer');

  const envPw = x.pw();
  const bkua = `bkua_${t.hex(40)}`;
  const codecov = t.uuid();
  const snyk = t.uuid();
  repo
    .file('ci/docker/Dockerfile.ci', 'docker')
    .l('FROM ubuntu:24.04')
    .s(
      [
        'ENV DEBIAN_FRONTEND=noninteractive \\',
        '    SONAR_HOST=https://sonar.acme.io \\',
        `    ARTIFACTORY_PASSWORD=${envPw} \\`,
        '    LANG=C.UTF-8',
      ],
      'generic',
      envPw,
    )
    .s(
      `RUN curl -fsS -H "Authorization: Bearer ${bkua}" https://api.buildkite.com/v2/organizations/acme/agents > /dev/null`,
      'buildkite',
      bkua,
    )
    .s(
      `RUN curl -Os https://uploader.codecov.io/latest/linux/codecov && chmod +x codecov && ./codecov -t ${codecov}`,
      'codecov',
      codecov,
    )
    .s(`RUN npx snyk auth ${snyk}`, 'snyk', snyk)
    .d('HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/healthz || exit 1', 'healthcheck');

  const jenkinsEnc = `{AQAAABAAAAAQ${x.b64(42)}=}`;
  repo
    .file('jenkins/home/credentials.xml', 'jenkins')
    .l(
      "<?xml version='1.1' encoding='UTF-8'?>",
      '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">',
      '  <domainCredentialsMap>',
      '    <entry>',
      '      <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
      '        <id>nexus-admin</id>',
      '        <username>admin</username>',
    )
    .d(`        <password>${jenkinsEnc}</password>`, 'Jenkins-encrypted secret')
    .l(
      '      </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
      '    </entry>',
      '  </domainCredentialsMap>',
      '</com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
    );

  repo
    .file('infra/terraform/prod/lambda.tf', 'terraform')
    .l(
      'resource "aws_lambda_function" "rotator" {',
      '  function_name = "secret-rotator"',
      '  filename      = "build/rotator.zip"',
    )
    .d(`  source_code_hash = "${Buffer.from(t.sha256(), 'hex').toString('base64')}"`, 'base64 sha256 of the zip')
    .d(
      '  environment {\n    variables = {\n      SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:prod/db-AbCdEf"\n    }\n  }',
      'Secrets Manager ARN',
    )
    .l('}');

  repo
    .file('ci/logs/circle-build-5521.log', 'logs')
    .l('#!/bin/bash -eo pipefail', 'env | sort')
    .d('AWS_ACCESS_KEY_ID=****************XQ7A', 'masked env value')
    .d('AWS_SECRET_ACCESS_KEY=****************', 'masked env value')
    .d(`CIRCLE_SHA1=${t.sha1()}`, 'commit SHA')
    .d(`CIRCLE_WORKFLOW_ID=${t.uuid()}`, 'workflow uuid')
    .d('DOCKERHUB_PASSWORD=********', 'masked env value');
}

// ---- Passwords handed to tools on the command line and in templates --------------------------

function cliFlags(repo, t, x) {
  const sshpass = x.pw();
  const gpgPass = x.pw();
  const opensslPass = x.pw();
  const storePass = x.pw();
  const defPw = x.pw();
  const vaultPw = x.pw();
  const ansPw = x.pw();
  const dockerSecret = x.pw();
  const runPw = x.pw();
  repo
    .file('jenkins/scripts/legacy-deploy.sh', 'shell')
    .l('#!/bin/bash', '# Deploys the WAR to the two legacy app servers (no SSH keys there yet).', 'set -e')
    .s(`DB_PASS="\${DB_PASS:-${defPw}}"`, 'generic', defPw)
    .s(
      `sshpass -p '${sshpass}' scp -o StrictHostKeyChecking=no target/app.war deploy@10.20.3.21:/opt/tomcat/webapps/`,
      'generic',
      sshpass,
    )
    .d('sshpass -e ssh deploy@10.20.3.22 "sudo systemctl restart tomcat"', 'sshpass reading SSHPASS env')
    .s(
      `gpg --batch --yes --pinentry-mode loopback --passphrase '${gpgPass}' -d secrets/prod.tar.gpg | tar x`,
      'generic',
      gpgPass,
    )
    .d('gpg --batch --passphrase-fd 0 -d secrets/stg.tar.gpg < /run/secrets/gpg_pass | tar x', 'passphrase from fd')
    .s(
      `openssl aes-256-cbc -d -pbkdf2 -k "${opensslPass}" -in config/prod.env.enc -out config/prod.env`,
      'generic',
      opensslPass,
    )
    .d(
      'openssl aes-256-cbc -K $encrypted_9f3c2a7e1b5d_key -iv $encrypted_9f3c2a7e1b5d_iv -in deploy_key.enc -out deploy_key -d',
      'Travis encrypted-file variables',
    )
    .s(`vault login -method=userpass username=jenkins password=${vaultPw}`, 'generic', vaultPw)
    .s(`ansible-playbook -i inventories/prod site.yml -e "ansible_become_password=${ansPw}"`, 'generic', ansPw)
    .s(`printf '%s' '${dockerSecret}' | docker secret create payments_db_password -`, 'generic', dockerSecret)
    .s(`docker run -d --name pg-restore -e POSTGRES_PASSWORD=${runPw} -p 5433:5432 postgres:16`, 'generic', runPw)
    .d('docker run --rm -e POSTGRES_PASSWORD="$PGPASSWORD" postgres:16 pg_dump -h db', 'env reference');

  repo
    .file('android/ci/sign.sh', 'shell')
    .l('#!/bin/sh', './gradlew assembleRelease \\', '  -Pandroid.injected.signing.store.file=$PWD/release.jks \\')
    .s(`  -Pandroid.injected.signing.store.password=${storePass} \\`, 'generic', storePass)
    .l('  -Pandroid.injected.signing.key.alias=upload')
    .d('jarsigner -keystore release.jks -storepass:env STORE_PASS app.apk upload', 'env-sourced storepass');

  const tplPw = x.pw();
  repo
    .file('charts/payments/templates/secret.yaml', 'helm')
    .l(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: {{ include "payments.fullname" . }}',
      'type: Opaque',
      'data:',
    )
    .s(`  admin-password: {{ .Values.admin.password | default "${tplPw}" | b64enc | quote }}`, 'generic', tplPw)
    .d('  session-key: {{ .Values.sessionKey | default (randAlphaNum 48) | b64enc | quote }}', 'random default');

  const argPw = t.alnum(26);
  const inPw = t.alnum(30);
  const ghaInput = t.ddApp();
  repo
    .file('k8s/cache/statefulset.yaml', 'k8s')
    .l(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: cache',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: redis',
      '          image: redis:7.2',
      '          args:',
    )
    .s(['            - --requirepass', `            - "${argPw}"`], 'generic', argPw)
    .l('        - name: exporter', '          image: oliver006/redis_exporter:v1.62.0', '          args:')
    .d('            - --redis.password=$(REDIS_PASSWORD)', 'env substitution')
    .l('        - name: sidecar', '          image: busybox', '          command: ["sh", "-c"]')
    .s(`          args: ["echo 'AUTH ${inPw}' | nc localhost 6379"]`, 'generic', inPw);

  repo
    .file('.github/workflows/backfill.yml', 'gha')
    .l(
      'name: backfill',
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      dd_app_key:',
      '        description: Datadog application key for the metrics backfill',
      '        required: false',
    )
    .s(`        default: "${ghaInput}"`, 'datadog', ghaInput)
    .l('      days:', '        default: "7"', 'jobs:', '  run:', '    runs-on: ubuntu-latest', '    steps:')
    .d(
      '      - run: ./backfill.sh --days "${{ inputs.days }}" --app-key "${{ inputs.dd_app_key }}"',
      'input expressions',
    );

  const mkPw = x.pw();
  repo
    .file('deploy/Makefile', 'make')
    .l('REGISTRY ?= registry.acme.io', 'DOCKER_USER ?= deployer')
    .s(`DOCKER_PASSWORD ?= ${mkPw}`, 'generic', mkPw)
    .d('KUBE_CONTEXT ?= $(shell kubectl config current-context)', 'command substitution')
    .l('', 'push:', '\t@echo "$(DOCKER_PASSWORD)" | docker login $(REGISTRY) -u $(DOCKER_USER) --password-stdin');
}
