// Suite "livegame": the monorepo of a live-service online game studio. Dedicated server (C++/UE),
// Unity client and .NET matchmaker (C#), session service (Go), live-ops tools (Python/Django),
// web launcher and Node services (TypeScript), server mods and OpenResty (Lua), anti-cheat relay
// (Rust), payments bridge (Java/Spring), plus Agones/Helm, Terraform, Docker, CI, Perforce,
// Steamworks build scripts, a retention notebook and logs.
import { ALNUM, HEX, B64, URLSAFE, UPPER, LOWER, DIGIT, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4127);
  const t = makeTokens(rand);
  const repo = new Repo();

  // ---- vendor formats ----------------------------------------------------------------------
  const HEXU = '0123456789ABCDEF';
  const b64 = (n) => t.mixed(B64, n);
  const bytesB64 = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))).toString('base64');
  const steamKey = () => t.mixed(HEXU, 32); // Steam Web API / publisher key, GSLT
  const steamId = () => `7656119${t.digits(10)}`;
  const snowflake = () => `1${t.pick(DIGIT, 18)}`;
  const discordBot = () =>
    `${Buffer.from(snowflake()).toString('base64').replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`;
  const discordHook = () => `https://discord.com/api/webhooks/${snowflake()}/${t.mixed(URLSAFE, 68)}`;
  const eosClientId = () => `xyza7891${t.mixed(ALNUM, 24)}`;
  const eosSecret = () => t.mixed(B64, 43);
  const eosId = () => t.hex(32);
  const playfabSecret = () => t.mixed(UPPER + DIGIT, 52);
  const twitch = () => t.mixed(LOWER + DIGIT, 30);
  const sentryOrg = () =>
    `sntrys_${Buffer.from(
      JSON.stringify({
        iat: 1764547200,
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org: 'ironvale-studios',
      }),
    )
      .toString('base64')
      .replace(/=+$/, '')}_${t.mixed(B64, 43)}`;
  const sentryUser = () => `sntryu_${t.pick(HEX, 64)}`;
  const sentryDsn = () => `https://${t.hex(32)}@o${t.digits(6)}.ingest.us.sentry.io/${t.digits(7)}`;
  const p4ticket = () => t.mixed(HEXU, 32);
  const steamGuard = () => bytesB64(20);
  const appleAppPw = () => `${t.pick(LOWER, 4)}-${t.pick(LOWER, 4)}-${t.pick(LOWER, 4)}-${t.pick(LOWER, 4)}`;
  const unitySerial = () => `E3-${Array.from({ length: 5 }, () => t.mixed(UPPER + DIGIT, 4)).join('-')}`;
  const djangoKey = () => t.mixed(LOWER + DIGIT + '!@#%^&*(-_=+)', 50);
  const ghPat = () => `github_pat_11${t.mixed(UPPER + DIGIT, 20)}_${t.mixed(ALNUM, 59)}`;
  const pw = () => t.password();
  const pwA = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  const gen = (n = 24) => t.alnum(n);
  const unityGuid = () => t.pick(HEX, 32);
  const azureConn = (account, key) =>
    `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${key};EndpointSuffix=core.windows.net`;
  const pem = (label, headerHex, bodyBytes) => {
    const bytes = Buffer.concat([
      Buffer.from(headerHex, 'hex'),
      Buffer.from(Array.from({ length: bodyBytes }, () => Math.floor(rand() * 256))),
    ]);
    return [`-----BEGIN ${label}-----`, ...bytes.toString('base64').match(/.{1,64}/g), `-----END ${label}-----`];
  };
  const p8 = () => pem('PRIVATE KEY', '308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420', 112);
  const cert = () =>
    [
      '-----BEGIN CERTIFICATE-----',
      `MIIC${b64(60)}`,
      b64(64),
      b64(64),
      `${b64(40)}==`,
      '-----END CERTIFICATE-----',
    ].join('\n');

  const TITLE_ID = t.pick(HEXU, 5);
  const APP_ID = `18${t.digits(5)}`;
  const DEPOT_ID = String(Number(APP_ID) + 1);
  const CL = t.digits(6);
  const EOS_PRODUCT = eosId();
  const EOS_SANDBOX = eosId();
  const EOS_DEPLOY = eosId();
  const GCP_PROJECT = `ironvale-live-${t.digits(6)}`;

  // ==== C++ dedicated server ==================================================================
  const de = repo.file('server/Config/DefaultEngine.ini', 'cpp');
  const eosSec1 = eosSecret();
  const eosEnc = t.hex(64);
  de.l(
    '[URL]',
    'GameName=Ironvale',
    '',
    '[/Script/Engine.GameEngine]',
    '+NetDriverDefinitions=(DefName="GameNetDriver",DriverClassName="OnlineSubsystemSteam.SteamNetDriver",DriverClassNameFallback="OnlineSubsystemUtils.IpNetDriver")',
    '',
    '[OnlineSubsystem]',
    'DefaultPlatformService=EOS',
    '',
    '[OnlineSubsystemSteam]',
    'bEnabled=true',
  );
  de.d(`SteamDevAppId=${APP_ID}`, 'steam app id');
  de.d(`SteamAppId=${APP_ID}`, 'steam app id');
  de.l('GameServerQueryPort=27015', 'bRelaunchInSteam=false', '', '[/Script/OnlineSubsystemEOS.EOSSettings]');
  de.l('CacheDir=CacheDir', 'DefaultArtifactName=IronvaleLive', 'bEnableOverlay=True');
  de.s(
    `+Artifacts=(ArtifactName="IronvaleLive",ClientId="${eosClientId()}",ClientSecret="${eosSec1}",ProductId="${EOS_PRODUCT}",SandboxId="${EOS_SANDBOX}",DeploymentId="${EOS_DEPLOY}",EncryptionKey="${eosEnc}")`,
    'epic',
    eosSec1,
  );
  de.d(
    `+Artifacts=(ArtifactName="IronvaleDev",ClientId="${eosClientId()}",ClientSecret="",ProductId="${eosId()}",SandboxId="${eosId()}",DeploymentId="${eosId()}",EncryptionKey="")`,
    'eos artifact with empty secret, public ids',
  );
  de.l('', '[/Script/Engine.NetworkSettings]', 'n.VerifyPeer=false', '');
  const ksPass = pw();
  const kPass = pw();
  de.l(
    '[/Script/AndroidRuntimeSettings.AndroidRuntimeSettings]',
    'PackageName=gg.ironvale.mobile',
    'StoreVersion=142',
    'KeyStore=ironvale-release.keystore',
    'KeyAlias=ironvale',
  );
  de.s(`KeyStorePassword=${ksPass}`, 'generic', ksPass);
  de.s(`KeyPassword=${kPass}`, 'generic', kPass);
  de.l('', '[Analytics]', 'ProviderModuleName=AnalyticsET');
  de.d('ApiKeyET=Ironvale.Release', 'epic analytics app id');
  de.d('APIServerET=https://datarouter.ol.epicgames.com/', 'url');

  const dg = repo.file('server/Config/DefaultGame.ini', 'cpp');
  const beKey = t.hex(40);
  const pfs1 = playfabSecret();
  dg.l(
    '[/Script/EngineSettings.GeneralProjectSettings]',
    `ProjectID=${t.pick(HEXU, 32)}`,
    'ProjectName=Ironvale',
    '',
    '[/Script/IronvaleServer.BackendSettings]',
    'BackendBaseUrl=https://api.live.ironvale.gg',
  );
  dg.s(`BackendApiKey=${beKey}`, 'generic', beKey);
  dg.d(`PlayFabTitleId=${TITLE_ID}`, 'playfab title id');
  dg.s(`PlayFabDeveloperSecretKey=${pfs1}`, 'playfab', pfs1);
  dg.d(`SentryDsn=${sentryDsn()}`, 'sentry dsn (public)');
  dg.d('TelemetryApiKey=', 'empty');
  dg.l('', '[/Script/UnrealEd.ProjectPackagingSettings]', 'BuildConfiguration=PPBC_Shipping');

  const lg = repo.file('server/Config/LinuxServer/LinuxServerGame.ini', 'cpp');
  const srvPw = pwA();
  const admPw = pw();
  const rcon1 = gen(20);
  lg.l('[/Script/Engine.GameSession]', 'MaxPlayers=64', '', '[/Script/IronvaleServer.IVServerSettings]');
  lg.s(`ServerPassword=${srvPw}`, 'generic', srvPw);
  lg.s(`AdminPassword=${admPw}`, 'generic', admPw);
  lg.s(`RconPassword=${rcon1}`, 'generic', rcon1);
  lg.d('SpectatorPassword=', 'empty');
  lg.d('RconPasswordEnvVar=IV_RCON_PASSWORD', 'env var name');
  lg.l('RconPort=27020', 'bUseRcon=True');

  const xsx = repo.file('server/Config/XSX/XSXEngine.ini', 'cpp');
  const xblSecret = `${gen(32)}`;
  xsx.l('[OnlineSubsystemGDK]', 'bEnabled=true');
  xsx.d('SandboxId=XDKS.1', 'sandbox id');
  xsx.d(`TitleId=${t.pick(HEXU, 8)}`, 'xbox title id');
  xsx.d(`SCID=${t.uuid()}`, 'service config id');
  xsx.l('', '[/Script/IronvaleServer.PartnerServices]');
  xsx.s(`PartnerApiSecret=${xblSecret}`, 'generic', xblSecret);
  xsx.d('PartnerApiSecretRef=vault://secret/live/xbl/partner-api', 'vault reference');

  const bc = repo.file('server/Source/IronvaleServer/Private/Backend/BackendClient.cpp', 'cpp');
  const bcShared = gen(32);
  const bcApi = t.hex(40);
  const bcSteam = steamKey();
  const bcHook = discordHook();
  bc.l(
    '// Copyright Ironvale Studios. All Rights Reserved.',
    '#include "Backend/BackendClient.h"',
    '#include "HttpModule.h"',
    '#include "Interfaces/IHttpRequest.h"',
    '',
    'namespace',
    '{',
  );
  bc.s(`static const FString GBackendSharedSecret = TEXT("${bcShared}");`, 'generic', bcShared);
  bc.s(`const FString SteamWebApiKey = TEXT("${bcSteam}");`, 'steam', bcSteam);
  bc.d(`static const FString SteamAppIdStr = TEXT("${APP_ID}");`, 'steam app id');
  bc.s(`const FString CrashWebhookUrl = TEXT("${bcHook}");`, 'discord', bcHook);
  bc.l('}', '', 'void UBackendClient::SendHeartbeat(const FString& AccessToken)', '{');
  bc.l('\tTSharedRef<IHttpRequest, ESPMode::ThreadSafe> Request = FHttpModule::Get().CreateRequest();');
  bc.l('\tRequest->SetURL(BaseUrl / TEXT("v1/servers/heartbeat"));');
  bc.s(`\tRequest->SetHeader(TEXT("X-Api-Key"), TEXT("${bcApi}"));`, 'generic', bcApi);
  bc.d(
    '\tRequest->SetHeader(TEXT("Authorization"), FString::Printf(TEXT("Bearer %s"), *AccessToken));',
    'runtime bearer',
  );
  bc.d('\tRequest->SetHeader(TEXT("X-Build-Id"), TEXT("++Ironvale+Release-1.42-CL-' + CL + '"));', 'build id');
  bc.l('\tRequest->ProcessRequest();', '}');

  const sh = repo.file('server/Source/IronvaleServer/Public/ServerSecrets.h', 'cpp');
  const pfs2 = playfabSecret();
  const relayHmac = t.hex(64);
  const acTok = gen(40);
  sh.l(
    '#pragma once',
    '',
    '#include <string_view>',
    '',
    '// TODO(live-ops): move these to the secrets agent before 1.43',
    '',
  );
  sh.d(`#define PLAYFAB_TITLE_ID "${TITLE_ID}"`, 'playfab title id');
  sh.s(`#define PLAYFAB_SECRET_KEY "${pfs2}"`, 'playfab', pfs2);
  sh.s(`constexpr const char* kRelayHmacKey = "${relayHmac}";`, 'generic', relayHmac);
  sh.s(`static constexpr std::string_view kAntiCheatApiToken{"${acTok}"};`, 'generic', acTok);
  sh.d(`constexpr const char* kEosProductId = "${EOS_PRODUCT}";`, 'eos product id');
  sh.d(`constexpr const char* kEosDeploymentId = "${EOS_DEPLOY}";`, 'eos deployment id');
  sh.d('constexpr const char* kRelayHmacKeyEnv = "IV_RELAY_HMAC_KEY";', 'env var name');
  sh.d(`constexpr uint64_t kBuildChangelist = ${CL}ULL;`, 'changelist number');

  const dd = repo.file('server/Source/IronvaleServer/Private/Telemetry/DatadogSink.cpp', 'cpp');
  const ddk1 = t.ddApi();
  const telPw = pwA();
  dd.l('#include "Telemetry/DatadogSink.h"', '#include <curl/curl.h>', '', 'namespace iv::telemetry {', '');
  dd.s(`const std::string kDatadogApiKey = "${ddk1}";`, 'datadog', ddk1);
  dd.d('const std::string kDatadogSite = "datadoghq.com";', 'site');
  dd.l('', 'void DatadogSink::Flush(CURL* curl) {');
  dd.d('  curl_easy_setopt(curl, CURLOPT_URL, "https://http-intake.logs.datadoghq.com/api/v2/logs");', 'url');
  dd.s(`  curl_easy_setopt(curl, CURLOPT_USERPWD, "telemetry:${telPw}");`, 'generic', telPw);
  dd.d('  headers = curl_slist_append(headers, ("DD-API-KEY: " + kDatadogApiKey).c_str());', 'reference');
  dd.l('}', '', '}  // namespace iv::telemetry');

  const sj = repo.file('server/config/server.json', 'cpp');
  const rcon2 = pw();
  const mmTok = t.jwt();
  const sjSteam = steamKey();
  const gslt1 = steamKey();
  sj.l('{', '  "serverName": "Ironvale Official #12 [EU-West]",', '  "port": 7777,', '  "queryPort": 27015,');
  sj.s(`  "rconPassword": "${rcon2}",`, 'generic', rcon2);
  sj.s(`  "matchmakerToken": "${mmTok}",`, 'generic', mmTok);
  sj.l('  "steam": {');
  sj.d(`    "appId": ${APP_ID},`, 'steam app id');
  sj.s(`    "webApiKey": "${sjSteam}",`, 'steam', sjSteam);
  sj.s(`    "gameServerLoginToken": "${gslt1}",`, 'steam', gslt1);
  sj.d(`    "adminSteamIds": ["${steamId()}", "${steamId()}"]`, 'steamids');
  sj.l('  },');
  sj.d(`  "buildId": "++Ironvale+Release-1.42-CL-${CL}",`, 'build id');
  sj.d(`  "mapRotationHash": "${t.sha256()}"`, 'hash');
  sj.l('}');

  const cc = repo.file(`server/Saved/Crashes/UECC-Linux-${t.pick(HEXU, 32)}_0000/CrashContext.runtime-xml`, 'logs');
  const crashRcon = gen(20);
  cc.l('<?xml version="1.0" encoding="UTF-8"?>', '<FGenericCrashContext>', '\t<RuntimeProperties>');
  cc.d(`\t\t<CrashGUID>UECC-Linux-${t.pick(HEXU, 32)}_0000</CrashGUID>`, 'crash guid');
  cc.d(`\t\t<BuildVersion>++Ironvale+Release-1.42-CL-${CL}</BuildVersion>`, 'build version');
  cc.d(`\t\t<MachineId>${t.pick(HEXU, 32)}</MachineId>`, 'machine id');
  cc.s(
    `\t\t<CommandLine>IronvaleServer /Game/Maps/Arena_Docks?listen -log -port=7777 -RconPassword=${crashRcon} -NOSTEAM</CommandLine>`,
    'generic',
    crashRcon,
  );
  cc.d(`\t\t<EpicAccountId>${t.hex(32)}</EpicAccountId>`, 'account id');
  cc.l('\t\t<ErrorMessage>Assertion failed: IsValid(PlayerState)</ErrorMessage>', '\t</RuntimeProperties>');
  cc.l('</FGenericCrashContext>');

  const sl = repo.file('server/Saved/Logs/IronvaleServer.log', 'logs');
  const logPf = playfabSecret();
  const logEos = eosSecret();
  const logRedis = pwA();
  sl.l(`[2026.11.30-09.12.01:114][  0]LogInit: Build: ++Ironvale+Release-1.42-CL-${CL}`);
  sl.d(
    `[2026.11.30-09.12.03:412][  0]LogOnline: STEAM: Game server logged on, SteamID: 9007199${t.digits(11)}`,
    'server steam id',
  );
  sl.d(
    `[2026.11.30-09.12.03:520][  0]LogEOSSDK: Initialized ProductId=${EOS_PRODUCT} SandboxId=${EOS_SANDBOX} DeploymentId=${EOS_DEPLOY}`,
    'eos ids',
  );
  sl.s(
    `[2026.11.30-09.12.03:611][  0]LogEOS: Verbose: Client credentials: ClientId=${eosClientId()} ClientSecret=${logEos}`,
    'epic',
    logEos,
  );
  sl.s(`[2026.11.30-09.12.04:002][  0]LogHttp: Verbose: 0x7f3a2c: Header: X-SecretKey: ${logPf}`, 'playfab', logPf);
  sl.s(
    `[2026.11.30-09.12.04:118][  0]LogIVBackend: Connecting to redis://:${logRedis}@redis-live-euw.internal:6379/3`,
    'database',
    logRedis,
  );
  sl.d(`[2026.11.30-09.14.22:907][811]LogNet: Join succeeded: Player_${steamId()}`, 'player steam id');
  sl.d('[2026.11.30-09.14.23:001][811]LogHttp: Verbose: Header: Authorization: Bearer ***', 'masked');
  sl.d(`[2026.11.30-09.14.25:310][840]LogIVBackend: Session ${t.uuid()} started on map Arena_Docks`, 'session uuid');

  const rs = repo.file('server/scripts/run_server.sh', 'shell');
  const runRcon = pwA();
  rs.l('#!/usr/bin/env bash', 'set -euo pipefail', 'cd "$(dirname "$0")/../Binaries/Linux"');
  rs.s(
    `./IronvaleServer Arena_Docks -log -port=7777 -QueryPort=27015 -RconPassword=${runRcon} -MaxPlayers=64`,
    'generic',
    runRcon,
  );
  rs.d('./IronvaleServer Arena_Docks -log -GSLT="$STEAM_GSLT" -RconPassword="$IV_RCON_PASSWORD"', 'env references');

  // ==== Steamworks =============================================================================
  const bu = repo.file('tools/steam/build_upload.sh', 'steam');
  const steamPw = pwA();
  const guard = steamGuard();
  bu.l(
    '#!/usr/bin/env bash',
    '# Uploads a Shipping build to the beta branch. Run from tools/steam.',
    'set -euo pipefail',
  );
  bu.s(`STEAM_GUARD_SHARED_SECRET="${guard}"`, 'generic', guard);
  bu.d(`BUILD_DESC="CL-${CL}"`, 'changelist');
  bu.s(
    `steamcmd +login ironvale_build '${steamPw}' +run_app_build ../scripts/app_build_${APP_ID}.vdf +quit`,
    'generic',
    steamPw,
  );
  bu.d(
    `steamcmd +login "$STEAM_BUILD_USER" "$STEAM_BUILD_PASS" +run_app_build ../scripts/app_build_${APP_ID}.vdf +quit`,
    'env references',
  );
  bu.d(
    `steamcmd +login anonymous +force_install_dir /srv/ivds +app_update ${Number(APP_ID) + 10} validate +quit`,
    'anonymous login',
  );

  const vdf = repo.file(`tools/steam/scripts/app_build_${APP_ID}.vdf`, 'steam');
  vdf.l('"AppBuild"', '{');
  vdf.d(`\t"AppID" "${APP_ID}"`, 'app id');
  vdf.d(`\t"Desc" "Ironvale CL-${CL}"`, 'build description');
  vdf.l('\t"ContentRoot" "..\\content\\"', '\t"BuildOutput" "..\\output\\"', '\t"SetLive" "beta"', '\t"Depots"', '\t{');
  vdf.d(`\t\t"${DEPOT_ID}" "depot_build_${DEPOT_ID}.vdf"`, 'depot id');
  vdf.l('\t}', '}');

  const cvdf = repo.file('tools/steam/ci/config/config.vdf', 'steam');
  const connectCache = t.hex(320);
  cvdf.l('"InstallConfigStore"', '{', '\t"Software"', '\t{', '\t\t"Valve"', '\t\t{', '\t\t\t"Steam"', '\t\t\t{');
  cvdf.d(`\t\t\t\t"CellIDServerOverride" "${t.digits(2)}"`, 'cell id');
  cvdf.l('\t\t\t\t"ConnectCache"', '\t\t\t\t{');
  cvdf.s(`\t\t\t\t\t"${t.hex(8)}" "${connectCache}"`, 'generic', connectCache);
  cvdf.l('\t\t\t\t}', '\t\t\t\t"Accounts"', '\t\t\t\t{', '\t\t\t\t\t"ironvale_build"', '\t\t\t\t\t{');
  cvdf.d(`\t\t\t\t\t\t"SteamID" "${steamId()}"`, 'steam id');
  cvdf.l('\t\t\t\t\t}', '\t\t\t\t}', '\t\t\t}', '\t\t}', '\t}', '}');

  const pa = repo.file('tools/steam/partner_api.py', 'steam');
  const pubKey = steamKey();
  pa.l('"""Steamworks partner Web API helpers (ownership checks, microtransaction reports)."""', 'import requests', '');
  pa.s(`PUBLISHER_KEY = "${pubKey}"`, 'steam', pubKey);
  pa.d(`STEAM_APP_ID = ${APP_ID}`, 'app id');
  pa.d(`ADMIN_STEAMID = ${steamId()}`, 'steam id');
  pa.l('', '', 'def owns_app(steamid: str) -> bool:', '    r = requests.get(');
  pa.l('        "https://partner.steam-api.com/ISteamUser/CheckAppOwnership/v2/",');
  pa.d('        params={"key": PUBLISHER_KEY, "steamid": steamid, "appid": STEAM_APP_ID},', 'reference');
  pa.l('        timeout=10,', '    )', '    return r.json()["appownership"]["ownsapp"]');

  const man = repo.file(`tools/steam/output/manifest_${DEPOT_ID}.txt`, 'decoys');
  man.d(`Content Manifest for Depot ${DEPOT_ID}`, 'depot id');
  man.d(`Manifest ID / date     : ${t.digits(19)} / 11/30/2026 09:41:07`, 'manifest id');
  man.l(
    'Total number of files  : 1284',
    '',
    '          Size Chunks File SHA                                 Flags Name',
  );
  for (const p of ['IronvaleServer', 'Ironvale/Content/Paks/pakchunk0-LinuxServer.pak', 'steamclient.so'])
    man.d(`     ${t.digits(8)}     ${t.digits(3)} ${t.sha1()}     0 ${p}`, 'file sha');

  // ==== Perforce ===============================================================================
  const p4c = repo.file('.p4config', 'perforce');
  const p4pw = pw();
  p4c.l('P4PORT=ssl:perforce.ironvale.gg:1666', 'P4USER=build.svc', 'P4CLIENT=ivbuild_linux_main');
  p4c.s(`P4PASSWD=${p4pw}`, 'generic', p4pw);
  p4c.l('P4IGNORE=.p4ignore');

  const p4t = repo.file('tools/ci/p4/p4config.txt', 'perforce');
  const tick1 = p4ticket();
  p4t.l('P4PORT=ssl:perforce.ironvale.gg:1666', 'P4USER=jenkins');
  p4t.s(`P4PASSWD=${tick1}`, 'generic', tick1);
  p4t.d('P4TICKETS=/var/lib/jenkins/.p4tickets', 'path');

  const p4tk = repo.file('tools/ci/p4/p4tickets.txt', 'perforce');
  const tick2 = p4ticket();
  const tick3 = p4ticket();
  p4tk.s(`perforce.ironvale.gg:1666=jenkins:${tick2}`, 'generic', tick2);
  p4tk.s(`10.20.4.11:1666=build.svc:${tick3}`, 'generic', tick3);

  const p4tr = repo.file('tools/ci/p4/p4trust.txt', 'perforce');
  p4tr.d(`perforce.ironvale.gg:1666 ${t.pick(HEXU, 40).match(/../g).join(':')}`, 'server fingerprint');

  const p4d = repo.file('tools/ci/p4/verify-digests.txt', 'perforce');
  p4d.l('# p4 fstat -Ol //depot/Ironvale/Main/Content/... (trimmed)');
  for (const f of ['Maps/Arena_Docks.umap', 'Characters/Ranger/SK_Ranger.uasset', 'UI/T_Logo.uasset']) {
    p4d.l(`... depotFile //depot/Ironvale/Main/Content/${f}`, `... headChange ${CL}`);
    p4d.d(`... digest ${t.mixed(HEXU, 32)}`, 'md5 digest');
  }

  const p4s = repo.file('tools/ci/p4/sync.ps1', 'perforce');
  const p4spw = pwA();
  p4s.l('$ErrorActionPreference = "Stop"', '$env:P4PORT = "ssl:perforce.ironvale.gg:1666"');
  p4s.d('$env:P4PASSWD | p4 -u build.svc login', 'env reference');
  p4s.s(`p4 -u build.svc -P ${p4spw} -c ivbuild_win_main sync -q //depot/Ironvale/Main/...#head`, 'generic', p4spw);
  p4s.d(`p4 -u build.svc -c ivbuild_win_main sync //depot/Ironvale/Main/...@${CL}`, 'changelist');

  // ==== C# Unity client ========================================================================
  const ba = repo.file('client/Assets/Settings/BackendConfig.asset', 'unity');
  const pfs3 = playfabSecret();
  const anaSecret = t.hex(32);
  ba.l('%YAML 1.1', '%TAG !u! tag:unity3d.com,2011:', '--- !u!114 &11400000', 'MonoBehaviour:');
  ba.d(`  m_Script: {fileID: 11500000, guid: ${unityGuid()}, type: 3}`, 'unity guid');
  ba.l('  m_Name: BackendConfig');
  ba.d(`  playFabTitleId: ${TITLE_ID}`, 'title id');
  ba.s(`  playFabDeveloperSecretKey: ${pfs3}`, 'playfab', pfs3);
  ba.d(`  photonAppIdRealtime: ${t.uuid()}`, 'photon app id (ships in client)');
  ba.s(`  analyticsIngestSecret: ${anaSecret}`, 'generic', anaSecret);
  ba.d('  analyticsEndpoint: https://ingest.ironvale.gg/v2/events', 'url');

  const ps = repo.file('client/Assets/Photon/PhotonUnityNetworking/Resources/PhotonServerSettings.asset', 'unity');
  ps.l('%YAML 1.1', '%TAG !u! tag:unity3d.com,2011:', '--- !u!114 &11400000', 'MonoBehaviour:');
  ps.d(`  m_Script: {fileID: 11500000, guid: ${unityGuid()}, type: 3}`, 'unity guid');
  ps.l('  AppSettings:');
  ps.d(`    AppIdRealtime: ${t.uuid()}`, 'photon app id');
  ps.d(`    AppIdChat: ${t.uuid()}`, 'photon app id');
  ps.d('    AppIdVoice: ', 'empty');
  ps.l('    FixedRegion: eu', '    Protocol: 0');

  const cs = repo.file('client/Assets/Scripts/Core/Constants.cs', 'csharp');
  const csSteam = steamKey();
  const csHook = discordHook();
  const csEos = eosSecret();
  const csRelay = b64(43) + '=';
  cs.l('namespace Ironvale.Core', '{', '    public static class Constants', '    {');
  cs.d(`        public const uint SteamAppId = ${APP_ID};`, 'app id');
  cs.s(`        public const string SteamWebApiKey = "${csSteam}";`, 'steam', csSteam);
  cs.s(`        public const string FeedbackWebhook = "${csHook}";`, 'discord', csHook);
  cs.d(`        public const string EosClientId = "${eosClientId()}";`, 'eos client id');
  cs.s(`        public const string EosClientSecret = "${csEos}";`, 'epic', csEos);
  cs.d(`        public const string EosProductId = "${EOS_PRODUCT}";`, 'eos product id');
  cs.d(`        public const string EosSandboxId = "${EOS_SANDBOX}";`, 'eos sandbox id');
  cs.s(`        internal static readonly string RelayKey = "${csRelay}";`, 'generic', csRelay);
  cs.d('        public const string PasswordPrefKey = "login.password";', 'key name');
  cs.d('        public const string AuthTokenHeader = "X-Auth-Token";', 'header name');
  cs.l('    }', '}');

  const rt = repo.file('client/Assets/Scripts/Net/RelayTransportConfig.cs', 'csharp');
  const relayTok = `${t.uuid()}`;
  const relaySecret = gen(32);
  rt.l(
    'using UnityEngine;',
    '',
    'namespace Ironvale.Net',
    '{',
    '    public class RelayTransportConfig : MonoBehaviour',
    '    {',
  );
  rt.d('        [SerializeField] private string relayAddress = "relay.live.ironvale.gg";', 'hostname');
  rt.s(`        [SerializeField] private string relayAuthToken = "token ${relayTok}";`, 'generic', relayTok);
  rt.s(`        [SerializeField] private string relaySessionSecret = "${relaySecret}";`, 'generic', relaySecret);
  rt.d('        [SerializeField] private ushort relayPort = 7777;', 'port');
  rt.l('    }', '}');

  const sco = repo.file('client/Assets/Plugins/Sentry/SentryCliOptions.asset', 'unity');
  const sTok1 = sentryOrg();
  sco.l('%YAML 1.1', '%TAG !u! tag:unity3d.com,2011:', '--- !u!114 &11400000', 'MonoBehaviour:');
  sco.d(`  m_Script: {fileID: 11500000, guid: ${unityGuid()}, type: 3}`, 'unity guid');
  sco.l('  <UploadSymbols>k__BackingField: 1', '  <UploadSources>k__BackingField: 0');
  sco.s(`  <Auth>k__BackingField: ${sTok1}`, 'sentry', sTok1);
  sco.l('  <Organization>k__BackingField: ironvale-studios', '  <Project>k__BackingField: ironvale-client');

  const so = repo.file('client/Assets/Resources/Sentry/SentryOptions.asset', 'unity');
  so.l('%YAML 1.1', '%TAG !u! tag:unity3d.com,2011:', '--- !u!114 &11400000', 'MonoBehaviour:');
  so.d(`  m_Script: {fileID: 11500000, guid: ${unityGuid()}, type: 3}`, 'unity guid');
  so.d(`  <Dsn>k__BackingField: ${sentryDsn()}`, 'sentry dsn');
  so.l('  <SampleRate>k__BackingField: 1');

  const pset = repo.file('client/ProjectSettings/ProjectSettings.asset', 'unity');
  pset.l(
    '%YAML 1.1',
    '%TAG !u! tag:unity3d.com,2011:',
    '--- !u!129 &1',
    'PlayerSettings:',
    '  companyName: Ironvale Studios',
  );
  pset.d(`  productGUID: ${unityGuid()}`, 'product guid');
  pset.d(`  cloudProjectId: ${t.uuid()}`, 'cloud project id');
  pset.d('  AndroidKeystoreName: Keys/ironvale-release.keystore', 'keystore path');
  pset.d('  AndroidKeyaliasName: ironvale', 'alias');
  pset.d(`  vulkanDeviceFilterLists: []`, 'setting');

  const asg = repo.file('client/Assets/Editor/BuildPipeline/AndroidSigning.cs', 'csharp');
  const ksPw = pw();
  const kaPw = pw();
  asg.l(
    'using UnityEditor;',
    '',
    'public static class AndroidSigning',
    '{',
    '    [InitializeOnLoadMethod]',
    '    static void Apply()',
    '    {',
  );
  asg.d('        PlayerSettings.Android.keystoreName = "Keys/ironvale-release.keystore";', 'path');
  asg.s(`        PlayerSettings.Android.keystorePass = "${ksPw}";`, 'generic', ksPw);
  asg.d('        PlayerSettings.Android.keyaliasName = "ironvale";', 'alias');
  asg.s(`        PlayerSettings.Android.keyaliasPass = "${kaPw}";`, 'generic', kaPw);
  asg.l('    }', '}');

  const ugs = repo.file('client/Assets/Editor/LiveOps/UgsAdminClient.cs', 'csharp');
  const ugsSecret = gen(32);
  ugs.l(
    'using System;',
    'using System.Net.Http;',
    'using System.Text;',
    '',
    'internal static class UgsAdminClient',
    '{',
  );
  ugs.d(`    private const string KeyId = "${t.uuid()}";`, 'service account key id');
  ugs.s(`    private const string SecretKey = "${ugsSecret}";`, 'unity', ugsSecret);
  ugs.d(`    private const string ProjectId = "${t.uuid()}";`, 'project id');
  ugs.d(`    private const string EnvironmentId = "${t.uuid()}";`, 'environment id');
  ugs.l('', '    public static HttpClient Create()', '    {');
  ugs.d('        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{KeyId}:{SecretKey}"));', 'interpolation');
  ugs.l(
    '        var c = new HttpClient();',
    '        c.DefaultRequestHeaders.Add("Authorization", "Basic " + auth);',
    '        return c;',
    '    }',
    '}',
  );

  for (const m of ['Art/Characters/Ranger/Ranger.prefab.meta']) {
    const u = repo.file(`client/Assets/${m}`, 'decoys');
    u.l('fileFormatVersion: 2');
    u.d(`guid: ${unityGuid()}`, 'unity guid');
    u.l('timeCreated: 1701275436');
  }

  const upl = repo.file('client/Packages/packages-lock.json', 'decoys');
  upl.l('{', '  "dependencies": {');
  for (const p of ['com.unity.netcode.gameobjects', 'com.unity.services.authentication', 'io.sentry.unity']) {
    upl.l(`    "${p}": {`, '      "version": "1.8.1",', '      "depth": 0,', '      "source": "registry",');
    upl.d(`      "hash": "${t.sha1()}"`, 'package hash');
    upl.l('    },');
  }
  upl.l('  }', '}');

  // ==== C# .NET matchmaker =====================================================================
  const ap = repo.file('services/matchmaker/src/Matchmaker.Api/appsettings.Production.json', 'dotnet');
  const mmRedis = pwA();
  const mmPg = pw();
  const pfs4 = playfabSecret();
  const psnSecret = gen(24);
  const jwtKey = bytesB64(48);
  ap.l('{', '  "ConnectionStrings": {');
  ap.s(
    `    "Redis": "redis-mm.live.internal:6380,password=${mmRedis},ssl=True,abortConnect=False",`,
    'database',
    mmRedis,
  );
  ap.s(
    `    "Default": "Host=pg-mm.live.internal;Database=matchmaker;Username=mm_app;Password=${mmPg};SSL Mode=Require"`,
    'generic',
    mmPg,
  );
  ap.l('  },', '  "PlayFab": {');
  ap.d(`    "TitleId": "${TITLE_ID}",`, 'title id');
  ap.s(`    "DeveloperSecretKey": "${pfs4}"`, 'playfab', pfs4);
  ap.l('  },', '  "Psn": {');
  ap.d(`    "ClientId": "${t.uuid()}",`, 'client id');
  ap.s(`    "ClientSecret": "${psnSecret}"`, 'generic', psnSecret);
  ap.l('  },', '  "Jwt": {', '    "Issuer": "https://auth.ironvale.gg",');
  ap.s(`    "SigningKey": "${jwtKey}"`, 'generic', jwtKey);
  ap.l('  },', '  "Sentry": {');
  ap.d(`    "Dsn": "${sentryDsn()}"`, 'sentry dsn');
  ap.l('  }', '}');

  const apd = repo.file('services/matchmaker/src/Matchmaker.Api/appsettings.Development.json', 'dotnet');
  apd.l('{', '  "ConnectionStrings": {');
  apd.d('    "Redis": "localhost:6379",', 'local');
  apd.d('    "Default": "Host=localhost;Database=matchmaker;Username=postgres;Password=postgres"', 'local default');
  apd.l('  },', '  "PlayFab": {');
  apd.d('    "DeveloperSecretKey": ""', 'empty');
  apd.l('  },', '  "Jwt": {');
  apd.d('    "SigningKey": "dev-only-signing-key-change-me-please-0000"', 'placeholder');
  apd.l('  }', '}');

  const prog = repo.file('services/matchmaker/src/Matchmaker.Api/Program.cs', 'dotnet');
  const progRedis = pwA();
  const progDiscord = discordBot();
  prog.l('using Discord;', 'using Discord.WebSocket;', '', 'var builder = WebApplication.CreateBuilder(args);');
  prog.s(
    `builder.Services.AddStackExchangeRedisCache(o => o.Configuration = "redis-mm.live.internal:6380,password=${progRedis},ssl=True");`,
    'database',
    progRedis,
  );
  prog.d('var pfKey = builder.Configuration["PlayFab:DeveloperSecretKey"];', 'config reference');
  prog.d(
    `builder.Services.AddAuthentication().AddJwtBearer(o => o.Authority = "https://login.microsoftonline.com/${t.uuid()}/v2.0");`,
    'tenant id',
  );
  prog.l('var app = builder.Build();', '', 'var discord = new DiscordSocketClient();');
  prog.s(`await discord.LoginAsync(TokenType.Bot, "${progDiscord}");`, 'discord', progDiscord);
  prog.l('await discord.StartAsync();', 'app.Run();');

  const pauth = repo.file('services/matchmaker/src/Matchmaker.Core/PartnerAuth.cs', 'dotnet');
  const hmacK = gen(48);
  const twSec1 = twitch();
  const saPw = pw();
  pauth.l('using System.Text;', '', 'namespace Matchmaker.Core;', '', 'public sealed class PartnerAuth', '{');
  pauth.s(`    private static readonly byte[] HmacKey = Encoding.UTF8.GetBytes("${hmacK}");`, 'generic', hmacK);
  pauth.s(
    `    private const string LegacyPayments = @"Server=sql-legacy.live.internal;Database=Payments;User Id=sa;Password=${saPw};";`,
    'generic',
    saPw,
  );
  pauth.l('', '    public FormUrlEncodedContent TwitchAppToken() => new(new Dictionary<string, string>', '    {');
  pauth.d(`        ["client_id"] = "${twitch()}",`, 'twitch client id');
  pauth.s(`        ["client_secret"] = "${twSec1}",`, 'twitch', twSec1);
  pauth.l('        ["grant_type"] = "client_credentials",', '    });', '}');

  const nug = repo.file('services/matchmaker/NuGet.Config', 'dotnet');
  const nugTok = t.github();
  nug.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>');
  nug.l('    <add key="github" value="https://nuget.pkg.github.com/ironvale/index.json" />', '  </packageSources>');
  nug.l('  <packageSourceCredentials>', '    <github>', '      <add key="Username" value="ironvale-ci" />');
  nug.s(`      <add key="ClearTextPassword" value="${nugTok}" />`, 'github', nugTok);
  nug.l('    </github>', '  </packageSourceCredentials>', '</configuration>');

  const ls = repo.file('services/matchmaker/src/Matchmaker.Api/Properties/launchSettings.json', 'dotnet');
  const lsEos = eosSecret();
  ls.l(
    '{',
    '  "profiles": {',
    '    "Matchmaker.Api": {',
    '      "commandName": "Project",',
    '      "environmentVariables": {',
  );
  ls.d('        "ASPNETCORE_ENVIRONMENT": "Development",', 'setting');
  ls.d(`        "EOS_CLIENT_ID": "${eosClientId()}",`, 'client id');
  ls.s(`        "EOS_CLIENT_SECRET": "${lsEos}"`, 'epic', lsEos);
  ls.l('      }', '    }', '  }', '}');

  const mml = repo.file('services/matchmaker/logs/matchmaker-20261130.clef', 'logs');
  const mmlPf = playfabSecret();
  const mmlPg = pw();
  mml.d(
    `{"@t":"2026-11-30T09:20:11.2210000Z","@mt":"Ticket {TicketId} matched in {Elapsed} ms","TicketId":"${t.uuid()}","Elapsed":812}`,
    'ticket uuid',
  );
  mml.s(
    `{"@t":"2026-11-30T09:20:12.0040000Z","@mt":"PlayFab call {Api} using title {TitleId} key {Key}","@l":"Debug","Api":"Server/GetUserInventory","TitleId":"${TITLE_ID}","Key":"${mmlPf}"}`,
    'playfab',
    mmlPf,
  );
  mml.s(
    `{"@t":"2026-11-30T09:20:13.5000000Z","@mt":"Npgsql open failed for {ConnectionString}","@l":"Error","ConnectionString":"Host=pg-mm.live.internal;Username=mm_app;Password=${mmlPg}"}`,
    'generic',
    mmlPg,
  );
  mml.d(
    '{"@t":"2026-11-30T09:20:14.0000000Z","@mt":"Npgsql open failed for {ConnectionString}","@l":"Error","ConnectionString":"Host=pg-mm.live.internal;Username=mm_app;Password=***"}',
    'masked',
  );

  // ==== Go session service =====================================================================
  const gm = repo.file('services/session/cmd/session/main.go', 'go');
  const goRedis = pw();
  const goEos = eosSecret();
  const goSteam = steamKey();
  gm.l('package main', '', 'import (', '\t"flag"', '\t"os"', '', '\t"github.com/spf13/viper"', ')', '');
  gm.l(
    'func getenv(k, def string) string {',
    '\tif v := os.Getenv(k); v != "" {',
    '\t\treturn v',
    '\t}',
    '\treturn def',
    '}',
    '',
  );
  gm.l('func main() {');
  gm.d('\tredisAddr := flag.String("redis-addr", "redis-session.live.internal:6379", "redis address")', 'address');
  gm.s(`\tredisPass := flag.String("redis-password", "${goRedis}", "redis AUTH password")`, 'generic', goRedis);
  gm.l('\tflag.Parse()', '');
  gm.d(`\tviper.SetDefault("eos.client_id", "${eosClientId()}")`, 'client id');
  gm.s(`\tviper.SetDefault("eos.client_secret", "${goEos}")`, 'epic', goEos);
  gm.d('\tviper.BindEnv("steam.web_api_key", "STEAM_WEB_API_KEY")', 'env binding');
  gm.s(`\tsteamKey := getenv("STEAM_WEB_API_KEY", "${goSteam}")`, 'steam', goSteam);
  gm.l('\trun(*redisAddr, *redisPass, steamKey)', '}');

  const gp = repo.file('services/session/internal/store/postgres.go', 'go');
  const gpPw = pw();
  const gpDsnPw = pwA();
  gp.l('package store', '', 'import (', '\t"os"', '', '\t"github.com/jackc/pgx/v5/pgxpool"', ')', '');
  gp.l('var liveConfig = Config{', '\tHost:     "pg-session.live.internal",', '\tUser:     "session_svc",');
  gp.s(`\tPassword: "${gpPw}",`, 'generic', gpPw);
  gp.l('\tDatabase: "session",', '}', '', 'var stagingConfig = Config{', '\tHost:     "pg-session.staging.internal",');
  gp.d('\tPassword: os.Getenv("PG_PASSWORD"),', 'env reference');
  gp.l('}', '');
  gp.s(
    `const replicaDSN = "postgres://session_ro:${gpDsnPw}@pg-session-ro.live.internal:5432/session?sslmode=require"`,
    'database',
    gpDsnPw,
  );

  const gy = repo.file('services/session/config/config.live.yaml', 'go');
  const gyEos = eosSecret();
  const gyRedis = pw();
  const gyHook = discordHook();
  const gyDd = t.ddApi();
  gy.l('eos:');
  gy.d(`  client_id: ${eosClientId()}`, 'client id');
  gy.s(`  client_secret: ${gyEos}`, 'epic', gyEos);
  gy.d(`  product_id: ${EOS_PRODUCT}`, 'product id');
  gy.d(`  deployment_id: ${EOS_DEPLOY}`, 'deployment id');
  gy.l('redis:', '  addr: redis-session.live.internal:6379');
  gy.s(`  password: "${gyRedis}"`, 'generic', gyRedis);
  gy.l('alerts:');
  gy.s(`  webhook_url: ${gyHook}`, 'discord', gyHook);
  gy.l('datadog:', '  site: datadoghq.eu');
  gy.s(`  api_key: ${gyDd}`, 'datadog', gyDd);
  gy.d('  app_key: ${DD_APP_KEY}', 'env reference');

  const ga = repo.file('services/session/internal/agones/allocator.go', 'go');
  const ticketKey = t.hex(64);
  ga.l('package agones', '', 'import "crypto/tls"', '');
  ga.s(`var joinTicketKey = []byte("${ticketKey}")`, 'generic', ticketKey);
  ga.l('', 'func clientTLS() (tls.Certificate, error) {');
  ga.d('\treturn tls.LoadX509KeyPair("/etc/agones-allocator/tls.crt", "/etc/agones-allocator/tls.key")', 'paths');
  ga.l('}');
  ga.d('const allocatorEndpoint = "agones-allocator.agones-system.svc:443"', 'endpoint');

  const gs = repo.file('services/session/internal/steam/auth.go', 'go');
  const gsKey = steamKey();
  gs.l('package steam', '', 'import "fmt"', '');
  gs.s(`const publisherKey = "${gsKey}"`, 'steam', gsKey);
  gs.d(`const appID = ${APP_ID}`, 'app id');
  gs.l('', 'func authURL(ticket string) string {');
  gs.d(
    '\treturn fmt.Sprintf("https://partner.steam-api.com/ISteamUserAuth/AuthenticateUserTicket/v1/?key=%s&appid=%d&ticket=%s", publisherKey, appID, ticket)',
    'format string',
  );
  gs.l('}');

  const gst = repo.file('services/session/internal/steam/auth_test.go', 'go');
  gst.l('package steam', '', 'import "testing"', '');
  gst.d('const testPublisherKey = "00000000000000000000000000000000"', 'zero key fixture');
  gst.d('const validSteamID = "76561197960287930" // Valve docs example', 'documented steam id');
  gst.d(`const testTicket = "140000000000000000000000${t.pick(HEXU, 40)}"`, 'test auth ticket');
  gst.l('', 'func TestAuthURL(t *testing.T) {', '\tif authURL("abc") == "" {', '\t\tt.Fatal("empty")', '\t}', '}');

  const gzl = repo.file('services/session/logs/session-7c9f4-20261130.jsonl', 'logs');
  const gzEos = eosSecret();
  gzl.d(
    `{"level":"info","ts":1764494521.2,"caller":"session/server.go:88","msg":"session created","session_id":"${t.uuid()}","steam_id":"${steamId()}"}`,
    'ids',
  );
  gzl.s(
    `{"level":"debug","ts":1764494522.7,"caller":"eos/token.go:58","msg":"requesting client credentials","client_id":"${eosClientId()}","client_secret":"${gzEos}"}`,
    'epic',
    gzEos,
  );
  gzl.d(
    `{"level":"info","ts":1764494523.1,"caller":"agones/allocator.go:41","msg":"allocated","gameserver":"arena-fleet-${t.lower(5)}-${t.lower(5)}","build":"${CL}"}`,
    'gameserver name',
  );

  const gsum = repo.file('services/session/go.sum', 'decoys');
  for (const m of ['github.com/spf13/viper v1.19.0', 'github.com/jackc/pgx/v5 v5.6.0', 'agones.dev/agones v1.44.0']) {
    gsum.d(`${m} h1:${b64(43)}=`, 'go.sum hash');
    gsum.d(`${m}/go.mod h1:${b64(43)}=`, 'go.sum hash');
  }

  // ==== Python live-ops / Django ===============================================================
  const dj = repo.file('tools/liveops/admin/liveops_admin/settings/production.py', 'python');
  const djKey = djangoKey();
  const djPg = pw();
  const djSg = t.sendgrid();
  const djAk = t.awsId();
  const djAs = t.awsSecret();
  const djAmqp = pwA();
  dj.l('from .base import *  # noqa', 'import os', '', 'DEBUG = False', 'ALLOWED_HOSTS = ["liveops.ironvale.gg"]');
  dj.s(`SECRET_KEY = "${djKey}"`, 'generic', djKey);
  dj.l('', 'DATABASES = {', '    "default": {', '        "ENGINE": "django.db.backends.postgresql",');
  dj.l('        "NAME": "liveops",', '        "USER": "liveops",');
  dj.s(`        "PASSWORD": "${djPg}",`, 'generic', djPg);
  dj.l('        "HOST": "pg-liveops.live.internal",', '    }', '}', '');
  dj.l('EMAIL_HOST = "smtp.sendgrid.net"', 'EMAIL_HOST_USER = "apikey"');
  dj.s(`EMAIL_HOST_PASSWORD = "${djSg}"`, 'sendgrid', djSg);
  dj.s(`AWS_ACCESS_KEY_ID = "${djAk}"`, 'aws', djAk);
  dj.s(`AWS_SECRET_ACCESS_KEY = "${djAs}"`, 'aws', djAs);
  dj.d('AWS_STORAGE_BUCKET_NAME = "ironvale-liveops-media"', 'bucket name');
  dj.d('SOCIAL_AUTH_STEAM_API_KEY = os.environ["STEAM_WEB_API_KEY"]', 'env reference');
  dj.s(`CELERY_BROKER_URL = "amqp://liveops:${djAmqp}@rabbitmq.live.internal:5672/liveops"`, 'database', djAmqp);

  const djd = repo.file('tools/liveops/admin/liveops_admin/settings/dev.py', 'python');
  djd.l('from .base import *  # noqa', '', 'DEBUG = True');
  djd.d('SECRET_KEY = "django-insecure-dev-only-change-me"', 'placeholder');
  djd.l('DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "liveops",');
  djd.d('    "USER": "postgres", "PASSWORD": "postgres", "HOST": "localhost"}}', 'local default');
  djd.d('EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"', 'setting');

  const gc = repo.file('tools/liveops/scripts/grant_currency.py', 'python');
  const gcPf = playfabSecret();
  const gcDisc = discordBot();
  gc.l('import os', '', 'import click', 'import requests', '');
  gc.d(`TITLE_ID = os.environ.get("PLAYFAB_TITLE_ID", "${TITLE_ID}")`, 'title id default');
  gc.s(`PLAYFAB_SECRET = os.environ.get("PLAYFAB_SECRET_KEY", "${gcPf}")`, 'playfab', gcPf);
  gc.l('', '', '@click.command()', '@click.argument("playfab_ids", nargs=-1)');
  gc.s(`@click.option("--discord-token", default="${gcDisc}", envvar="DISCORD_BOT_TOKEN")`, 'discord', gcDisc);
  gc.l('def main(playfab_ids, discord_token):', '    for pid in playfab_ids:');
  gc.l(`        requests.post(f"https://{TITLE_ID}.playfabapi.com/Server/AddUserVirtualCurrency",`);
  gc.d('                      headers={"X-SecretKey": PLAYFAB_SECRET},', 'reference');
  gc.l('                      json={"PlayFabId": pid, "VirtualCurrency": "IV", "Amount": 500})');

  const bw = repo.file('tools/liveops/scripts/ban_wave.py', 'python');
  const bwSteam = steamKey();
  const bwSlack = t.slackWebhook();
  const bwAc = pw();
  bw.l('"""Applies a ban wave exported from the anti-cheat dashboard."""', 'import requests', '');
  bw.s(`STEAM_KEY = "${bwSteam}"`, 'steam', bwSteam);
  bw.s(`SLACK_WEBHOOK = "${bwSlack}"`, 'slack', bwSlack);
  bw.d(`BANNED = [${steamId()}, ${steamId()}, ${steamId()}]`, 'steam ids');
  bw.l('', '', 'def fetch_wave(wave_id):');
  bw.s(
    `    return requests.get(f"https://ac.live.ironvale.gg/api/waves/{wave_id}", auth=("liveops", "${bwAc}")).json()`,
    'generic',
    bwAc,
  );

  const td = repo.file('tools/liveops/scripts/twitch_drops.py', 'python');
  const tdSec = twitch();
  const tdTok = twitch();
  td.l('import requests', '');
  td.d(`TWITCH_CLIENT_ID = "${twitch()}"`, 'twitch client id (public)');
  td.s(`TWITCH_CLIENT_SECRET = "${tdSec}"`, 'twitch', tdSec);
  td.d(`DROP_CAMPAIGN_ID = "${t.uuid()}"`, 'campaign id');
  td.l(
    '',
    'def entitlements():',
    '    return requests.get(',
    '        "https://api.twitch.tv/helix/entitlements/drops",',
  );
  td.s(`        headers={"Authorization": "Bearer ${tdTok}", "Client-Id": TWITCH_CLIENT_ID},`, 'twitch', tdTok);
  td.l('    ).json()');

  const bot = repo.file('tools/liveops/discord_bot/bot.py', 'python');
  const botTok = discordBot();
  bot.l('import discord', 'from discord.ext import commands', '');
  bot.d(`APPLICATION_ID = ${snowflake()}`, 'application id');
  bot.d(`PUBLIC_KEY = "${t.hex(64)}"`, 'discord interactions public key');
  bot.d(`GUILD_ID = ${snowflake()}`, 'guild id');
  bot.l('', 'bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())', '');
  bot.s(`bot.run("${botTok}")`, 'discord', botTok);

  const sn = repo.file('tools/liveops/alerts/slack_notify.py', 'python');
  const snBot = t.slackBot();
  sn.l('from slack_sdk import WebClient', '');
  sn.s(`client = WebClient(token="${snBot}")`, 'slack', snBot);
  sn.d('client_from_env = WebClient(token=os.environ["SLACK_BOT_TOKEN"])', 'env reference');
  sn.d('CHANNEL = "C06LIVEOPS1"', 'channel id');

  const fn = repo.file('tools/liveops/playfab_export/local.settings.json', 'python');
  const azKey = t.azureStorageKey();
  const fnPf = playfabSecret();
  const azCs = t.azureClientSecret();
  fn.l('{', '  "IsEncrypted": false,', '  "Values": {');
  fn.s(`    "AzureWebJobsStorage": "${azureConn('ivplayfabexport', azKey)}",`, 'azure', azKey);
  fn.d('    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",', 'setting');
  fn.d(`    "PlayFabTitleId": "${TITLE_ID}",`, 'title id');
  fn.s(`    "PlayFabSecretKey": "${fnPf}",`, 'playfab', fnPf);
  fn.d(`    "AZURE_CLIENT_ID": "${t.uuid()}",`, 'client id');
  fn.d(`    "AZURE_TENANT_ID": "${t.uuid()}",`, 'tenant id');
  fn.s(`    "AZURE_CLIENT_SECRET": "${azCs}"`, 'azure', azCs);
  fn.l('  }', '}');

  const fns = repo.file('tools/liveops/playfab_export/local.settings.sample.json', 'python');
  fns.l('{', '  "IsEncrypted": false,', '  "Values": {');
  fns.d('    "AzureWebJobsStorage": "UseDevelopmentStorage=true",', 'emulator');
  fns.d('    "PlayFabSecretKey": "<playfab-developer-secret-key>",', 'placeholder');
  fns.d('    "AZURE_CLIENT_SECRET": ""', 'empty');
  fns.l('  }', '}');

  const pipc = repo.file('tools/liveops/pip.conf', 'python');
  const pipPw = pwA();
  pipc.l('[global]', 'index-url = https://pypi.org/simple');
  pipc.s(`extra-index-url = https://liveops:${pipPw}@pypi.ironvale.gg/simple/`, 'generic', pipPw);
  pipc.d('# extra-index-url = https://liveops:${PIP_TOKEN}@pypi.ironvale.gg/simple/', 'env reference');

  // ==== Jupyter notebook =======================================================================
  const nb = repo.file('analytics/notebooks/retention_d1_d7_d30.ipynb', 'notebook');
  const nbPf = playfabSecret();
  const nbPg = pwA();
  const nbPf2 = playfabSecret();
  const nbAk = t.awsId();
  const nbAs = t.awsSecret();
  nb.l('{', ' "cells": [', '  {', '   "cell_type": "markdown",');
  nb.d(`   "id": "${t.hex(8)}",`, 'cell id');
  nb.l(
    '   "metadata": {},',
    '   "source": [',
    '    "# Retention D1/D7/D30 by install cohort (season 7)"',
    '   ]',
    '  },',
    '  {',
  );
  nb.l('   "cell_type": "code",', '   "execution_count": 2,');
  nb.d(`   "id": "${t.hex(8)}",`, 'cell id');
  nb.l('   "metadata": {},', '   "outputs": [],', '   "source": [');
  nb.l('    "import pandas as pd\\n",', '    "from sqlalchemy import create_engine\\n",', '    "import playfab\\n",');
  nb.s(`    "PLAYFAB_SECRET = \\"${nbPf}\\"\\n",`, 'playfab', nbPf);
  nb.s(
    `    "engine = create_engine(\\"postgresql://analyst:${nbPg}@analytics-replica.live.internal:5432/telemetry\\")"`,
    'database',
    nbPg,
  );
  nb.l('   ]', '  },', '  {', '   "cell_type": "code",', '   "execution_count": 3,');
  nb.d(`   "id": "${t.hex(8)}",`, 'cell id');
  nb.l(
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.d(
    '      "Engine(postgresql://analyst:***@analytics-replica.live.internal:5432/telemetry)\\n",',
    'sqlalchemy masked url',
  );
  nb.s(`      "{'TitleId': '${TITLE_ID}', 'DeveloperSecretKey': '${nbPf2}'}\\n",`, 'playfab', nbPf2);
  nb.s(
    `      "{'access_key': '${nbAk}', 'secret_key': '${nbAs}', 'token': None, 'method': 'shared-credentials-file'}\\n"`,
    'aws',
    nbAs,
  );
  nb.l('     ]', '    }', '   ],', '   "source": [');
  nb.l('    "print(engine)\\n",', '    "print(playfab.PlayFabSettings.__dict__)\\n",');
  nb.l('    "print(boto3.Session().get_credentials().__dict__)"', '   ]', '  },', '  {', '   "cell_type": "code",');
  nb.l('   "execution_count": 7,');
  nb.d(`   "id": "${t.hex(8)}",`, 'cell id');
  nb.l('   "metadata": {},', '   "outputs": [', '    {', '     "data": {');
  nb.d(`      "image/png": "iVBORw0KGgoAAAANSUhEUgAA${b64(600)}",`, 'png output');
  nb.l(
    '      "text/plain": [',
    '       "<Figure size 1200x500 with 1 Axes>"',
    '      ]',
    '     },',
    '     "metadata": {},',
  );
  nb.l('     "output_type": "display_data"', '    }', '   ],', '   "source": [');
  nb.d('    "cohorts = pd.read_sql(\\"SELECT * FROM retention_cohorts WHERE season = 7\\", engine)\\n",', 'code');
  nb.l('    "cohorts.plot(x=\\"day\\", y=[\\"d1\\", \\"d7\\", \\"d30\\"])"', '   ]', '  }', ' ],');
  nb.l(
    ' "metadata": {',
    '  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}',
    ' },',
  );
  nb.l(' "nbformat": 4,', ' "nbformat_minor": 5', '}');

  // ==== TypeScript launcher / Node services =====================================================
  const lc = repo.file('apps/launcher/src/main/config.ts', 'typescript');
  const lcEos = eosSecret();
  const lcGh = t.github();
  lc.l("import { autoUpdater } from 'electron-updater';", '');
  lc.d(`export const EOS_CLIENT_ID = '${eosClientId()}';`, 'client id');
  lc.s(`const EOS_CLIENT_SECRET = '${lcEos}';`, 'epic', lcEos);
  lc.d(`export const EOS_PRODUCT_ID = '${EOS_PRODUCT}';`, 'product id');
  lc.l('', 'export function configureUpdates() {');
  lc.s(
    `  autoUpdater.setFeedURL({ provider: 'github', owner: 'ironvale', repo: 'launcher-releases', private: true, token: '${lcGh}' });`,
    'github',
    lcGh,
  );
  lc.l('}');

  const eb = repo.file('apps/launcher/electron-builder.yml', 'typescript');
  const ebPat = ghPat();
  const ebCert = pw();
  eb.l(
    'appId: gg.ironvale.launcher',
    'productName: Ironvale Launcher',
    'publish:',
    '  provider: github',
    '  owner: ironvale',
  );
  eb.l('  repo: launcher-releases', '  private: true');
  eb.s(`  token: ${ebPat}`, 'github', ebPat);
  eb.l('win:');
  eb.d('  certificateFile: build/certs/ironvale-codesign.pfx', 'path');
  eb.s(`  certificatePassword: "${ebCert}"`, 'generic', ebCert);
  eb.d('  publisherName: Ironvale Studios Ltd', 'name');

  const len = repo.file('apps/launcher/.env.production', 'env');
  const lenSen = sentryOrg();
  const lenApple = appleAppPw();
  const lenCsc = pw();
  len.d(`VITE_EOS_PRODUCT_ID=${EOS_PRODUCT}`, 'product id');
  len.d(`VITE_SENTRY_DSN=${sentryDsn()}`, 'dsn');
  len.d(`VITE_DD_CLIENT_TOKEN=pub${t.hex(32)}`, 'datadog rum client token (public)');
  len.d(`VITE_DD_APPLICATION_ID=${t.uuid()}`, 'rum application id');
  len.s(`SENTRY_AUTH_TOKEN=${lenSen}`, 'sentry', lenSen);
  len.d('APPLE_ID=release@ironvale.gg', 'email');
  len.s(`APPLE_APP_SPECIFIC_PASSWORD=${lenApple}`, 'generic', lenApple);
  len.d(`APPLE_TEAM_ID=${t.mixed(UPPER + DIGIT, 10)}`, 'team id');
  len.s(`CSC_KEY_PASSWORD=${lenCsc}`, 'generic', lenCsc);

  const wc = repo.file('services/web-api/src/config.ts', 'typescript');
  const wcDisc = discordBot();
  const wcSteam = steamKey();
  const wcRedis = pwA();
  const wcJwt = gen(64);
  const wcPhoton = t.hex(32);
  wc.l('export const config = {', '  port: Number(process.env.PORT ?? 8080),');
  wc.s(`  discordToken: process.env.DISCORD_TOKEN ?? '${wcDisc}',`, 'discord', wcDisc);
  wc.s(`  steamApiKey: process.env.STEAM_API_KEY || '${wcSteam}',`, 'steam', wcSteam);
  wc.d(`  playfabTitleId: process.env.PLAYFAB_TITLE_ID ?? '${TITLE_ID}',`, 'title id');
  wc.s(`  redisUrl: 'rediss://default:${wcRedis}@redis-web.live.internal:6380',`, 'database', wcRedis);
  wc.s(`  jwtSecret: '${wcJwt}',`, 'generic', wcJwt);
  wc.s(`  photonCustomAuthSecret: '${wcPhoton}',`, 'generic', wcPhoton);
  wc.d("  sessionCookieName: 'iv_sid',", 'name');
  wc.d('  steamOpenIdRealm: `https://${process.env.PUBLIC_HOST}`,', 'template');
  wc.l('};');

  const tw = repo.file('services/web-api/src/integrations/twitch.ts', 'typescript');
  const twSec = twitch();
  const twIrc = twitch();
  tw.l("import tmi from 'tmi.js';", '');
  tw.d(`const CLIENT_ID = '${twitch()}';`, 'twitch client id');
  tw.s(`const CLIENT_SECRET = '${twSec}';`, 'twitch', twSec);
  tw.l('', 'export const chat = new tmi.Client({');
  tw.s(`  identity: { username: 'ironvalebot', password: 'oauth:${twIrc}' },`, 'twitch', twIrc);
  tw.l("  channels: ['ironvalegame'],", '});');

  const dc = repo.file('services/web-api/src/integrations/discord.ts', 'typescript');
  const dcHook = discordHook();
  dc.l("import { WebhookClient } from 'discord.js';", "import { verifyKey } from 'discord-interactions';", '');
  dc.s(`export const patchNotes = new WebhookClient({ url: '${dcHook}' });`, 'discord', dcHook);
  dc.d(
    'export const modAlerts = new WebhookClient({ id: process.env.DISCORD_WEBHOOK_ID!, token: process.env.DISCORD_WEBHOOK_TOKEN! });',
    'env references',
  );
  dc.d(
    `export const verify = (body: string, sig: string, ts: string) => verifyKey(body, sig, ts, '${t.hex(64)}');`,
    'discord public key',
  );

  const wnpm = repo.file('services/web-api/.npmrc', 'typescript');
  const wnTok = t.github();
  wnpm.l('@ironvale:registry=https://npm.pkg.github.com');
  wnpm.s(`//npm.pkg.github.com/:_authToken=${wnTok}`, 'github', wnTok);
  wnpm.d('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'env reference');

  const wfx = repo.file('services/web-api/test/fixtures/steam.ts', 'typescript');
  wfx.d("export const STEAM_KEY = 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';", 'placeholder');
  wfx.d("export const STEAM_ID = '76561197960287930';", 'documented steam id');
  wfx.d("export const DISCORD_TOKEN = 'discord-bot-token-for-unit-tests';", 'obvious fixture');
  wfx.d(
    `export const SESSION_TICKET = '${t.pick(HEXU, 48)}'; // captured from local dev, no longer valid`,
    'hex ticket fixture',
  );

  // ==== Lua server mods / OpenResty ============================================================
  const lm = repo.file('server-mods/arena_tweaks/config.lua', 'lua');
  const lmHook = discordHook();
  const lmRcon = pw();
  lm.l('Config = {}', '', 'Config.ServerName = "Ironvale Community Arena"');
  lm.s(`Config.DiscordWebhook = "${lmHook}"`, 'discord', lmHook);
  lm.s(`Config.RconPassword = "${lmRcon}"`, 'generic', lmRcon);
  lm.d(`Config.AdminSteamIds = { "${steamId()}", "${steamId()}" }`, 'steam ids');
  lm.d('Config.RconPasswordEnv = "ARENA_RCON_PASSWORD"', 'env var name');
  lm.l('Config.MaxPing = 180');

  const lsr = repo.file('server-mods/stats_reporter/init.lua', 'lua');
  const lsrKey = gen(32);
  const lsrJwt = t.jwt();
  lsr.l('local http = require("mods.http")', 'local json = require("mods.json")', '');
  lsr.s(`local API_KEY = "${lsrKey}"`, 'generic', lsrKey);
  lsr.d('local API_KEY_FROM_ENV = os.getenv("STATS_API_KEY")', 'env reference');
  lsr.l('', 'local function report(match)');
  lsr.s(
    `  http.Post("https://stats.ironvale.gg/v1/ingest", json.encode(match), { ["Authorization"] = "Bearer ${lsrJwt}" })`,
    'generic',
    lsrJwt,
  );
  lsr.l('end', '', 'return { report = report }');

  const ng = repo.file('gateway/openresty/conf/nginx.conf', 'lua');
  const ngKey = t.hex(40);
  const ngBasic = pwA();
  ng.l('worker_processes auto;', 'events { worker_connections 4096; }', 'http {', '  server {', '    listen 443 ssl;');
  ng.d('    ssl_certificate_key /etc/nginx/tls/live.ironvale.gg.key;', 'path');
  ng.s(`    set $backend_api_key "${ngKey}";`, 'generic', ngKey);
  ng.l('    location /v1/ {', '      access_by_lua_file lua/auth.lua;');
  ng.s(
    `      proxy_set_header Authorization "Basic ${Buffer.from(`gateway:${ngBasic}`).toString('base64')}";`,
    'generic',
    ngBasic,
  );
  ng.d('      proxy_set_header X-Request-Id $request_id;', 'variable');
  ng.l('      proxy_pass http://web-api;', '    }', '  }', '}');

  const la = repo.file('gateway/openresty/lua/auth.lua', 'lua');
  const laRedis = pwA();
  const laJwt = gen(48);
  la.l('local redis = require("resty.redis")', 'local jwt = require("resty.jwt")', '', 'local red = redis:new()');
  la.l('red:set_timeouts(100, 100, 100)', 'assert(red:connect("redis-gw.live.internal", 6379))');
  la.s(`local ok, err = red:auth("${laRedis}")`, 'generic', laRedis);
  la.s(`local jwt_secret = "${laJwt}"`, 'generic', laJwt);
  la.d('local fallback_secret = ngx.var.jwt_secret', 'nginx variable');
  la.l('local claims = jwt:verify(jwt_secret, ngx.var.http_authorization:sub(8))');
  la.d('ngx.req.set_header("X-Api-Key", ngx.var.backend_api_key)', 'variable');

  // ==== Rust anti-cheat relay ==================================================================
  const rc = repo.file('services/ac-relay/config.toml', 'rust');
  const rcShared = t.hex(64);
  const rcTok = gen(40);
  const rcDd = t.ddApi();
  const rcSign = bytesB64(32);
  rc.l('[relay]', 'bind = "0.0.0.0:7800"', 'max_sessions = 20000');
  rc.s(`shared_secret = "${rcShared}"`, 'generic', rcShared);
  rc.d(`public_key = "${bytesB64(32)}"`, 'ed25519 public key');
  rc.s(`signing_key = "${rcSign}"`, 'generic', rcSign);
  rc.l('', '[upstream]', 'url = "https://ac.live.ironvale.gg/api/v3"');
  rc.s(`api_token = "${rcTok}"`, 'generic', rcTok);
  rc.l('', '[sentry]');
  rc.d(`dsn = "${sentryDsn()}"`, 'dsn');
  rc.l('', '[datadog]');
  rc.s(`api_key = "${rcDd}"`, 'datadog', rcDd);

  const rcr = repo.file('services/ac-relay/src/crypto.rs', 'rust');
  const rcrH = gen(32);
  const rcrT = gen(40);
  rcr.l('use hex_literal::hex;', '');
  rcr.s(`const HMAC_KEY: &[u8] = b"${rcrH}";`, 'generic', rcrH);
  rcr.d(`const SERVER_PUBLIC_KEY: [u8; 32] = hex!("${t.hex(64)}");`, 'public key');
  rcr.s(`static RELAY_TOKEN: &str = "${rcrT}";`, 'generic', rcrT);
  rcr.d(`const PROTOCOL_MAGIC: u32 = 0x${t.pick(HEXU, 8)};`, 'magic');

  const rm = repo.file('services/ac-relay/src/main.rs', 'rust');
  const rmRedis = pwA();
  rm.l('use anyhow::Result;', '', '#[tokio::main]', 'async fn main() -> Result<()> {');
  rm.s(
    `    let redis = redis::Client::open("redis://:${rmRedis}@redis-ac.live.internal:6379/2")?;`,
    'database',
    rmRedis,
  );
  rm.d('    let key = std::env::var("AC_RELAY_SECRET").expect("AC_RELAY_SECRET must be set");', 'env reference');
  rm.l('    relay::run(redis, key).await', '}');

  const rp = repo.file('crash-reports/ac-relay/panic-20261130T091544Z.txt', 'logs');
  const rpSecret = t.hex(64);
  rp.l("thread 'main' panicked at src/relay.rs:212:14:");
  rp.s(
    `called \`Result::unwrap()\` on an \`Err\` value: Handshake { peer: 10.42.3.17:51234, cfg: RelayConfig { bind: "0.0.0.0:7800", shared_secret: "${rpSecret}", max_sessions: 20000 } }`,
    'generic',
    rpSecret,
  );
  rp.l('note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace');

  const cl = repo.file('services/ac-relay/Cargo.lock', 'decoys');
  cl.l('# This file is automatically @generated by Cargo.', 'version = 3');
  for (const p of ['tokio', 'redis', 'ed25519-dalek', 'hmac']) {
    cl.l(
      '',
      '[[package]]',
      `name = "${p}"`,
      'version = "1.2.0"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
    );
    cl.d(`checksum = "${t.sha256()}"`, 'cargo checksum');
  }

  // ==== Java payments bridge ===================================================================
  const ay = repo.file('services/payments-bridge/src/main/resources/application.yml', 'java');
  const ayPg = pw();
  const aySk = t.stripeLive();
  const ayWh = `whsec_${t.alnum(32)}`;
  const ayX = t.hex(40);
  const ayXw = gen(24);
  const ayApple = t.hex(32);
  ay.l(
    'spring:',
    '  datasource:',
    '    url: jdbc:postgresql://pg-payments.live.internal:5432/payments',
    '    username: payments',
  );
  ay.s(`    password: ${ayPg}`, 'generic', ayPg);
  ay.l('stripe:');
  ay.s(`  secret-key: ${aySk}`, 'stripe', aySk);
  ay.s(`  webhook-secret: ${ayWh}`, 'stripe', ayWh);
  ay.l('xsolla:');
  ay.d(`  project-id: ${t.digits(6)}`, 'project id');
  ay.d(`  merchant-id: ${t.digits(6)}`, 'merchant id');
  ay.s(`  api-key: ${ayX}`, 'generic', ayX);
  ay.s(`  webhook-secret-key: ${ayXw}`, 'generic', ayXw);
  ay.l('apple:');
  ay.s(`  shared-secret: ${ayApple}`, 'generic', ayApple);
  ay.l('---', 'spring:', '  config:', '    activate:', '      on-profile: staging', '  datasource:');
  ay.d('    password: ${DB_PASSWORD}', 'env reference');

  const apr = repo.file('services/payments-bridge/src/main/resources/application-prod.properties', 'java');
  const aprPg = pw();
  const aprMq = pwA();
  const aprSteam = steamKey();
  const aprPf = playfabSecret();
  apr.d('spring.datasource.username=payments', 'username');
  apr.s(`spring.datasource.password=${aprPg}`, 'generic', aprPg);
  apr.s(`spring.rabbitmq.password=${aprMq}`, 'generic', aprMq);
  apr.d(`steam.microtxn.app-id=${APP_ID}`, 'app id');
  apr.s(`steam.microtxn.publisher-key=${aprSteam}`, 'steam', aprSteam);
  apr.s(`playfab.secret-key=${aprPf}`, 'playfab', aprPf);
  apr.d('playfab.secret-key.ref=projects/ironvale-live/secrets/playfab-secret-key', 'secret manager ref');
  apr.d('google.play.service-account=classpath:google-play-sa.json', 'file reference');

  const smt = repo.file(
    'services/payments-bridge/src/main/java/gg/ironvale/payments/config/SteamMicroTxnConfig.java',
    'java',
  );
  const smtKey = steamKey();
  const smtX = t.hex(40);
  smt.l('package gg.ironvale.payments.config;', '', 'import org.springframework.beans.factory.annotation.Value;', '');
  smt.l('@Configuration', 'public class SteamMicroTxnConfig {');
  smt.s(`    private static final String PUBLISHER_KEY = "${smtKey}";`, 'steam', smtKey);
  smt.d('    @Value("${steam.microtxn.publisher-key}")', 'property reference');
  smt.l('    private String publisherKey;', '');
  smt.s(`    @Value("\${xsolla.api-key:${smtX}}")`, 'generic', smtX);
  smt.l('    private String xsollaApiKey;', '}');

  const asc = repo.file(
    'services/payments-bridge/src/main/java/gg/ironvale/payments/apple/AppStoreClient.java',
    'java',
  );
  const keyId = t.mixed(UPPER + DIGIT, 10);
  asc.l('package gg.ironvale.payments.apple;', '', 'public final class AppStoreClient {');
  asc.d(`    private static final String KEY_ID = "${keyId}";`, 'key id');
  asc.d(`    private static final String ISSUER_ID = "${t.uuid()}";`, 'issuer id');
  asc.d(`    private static final String KEY_PATH = "classpath:AuthKey_${keyId}.p8";`, 'path');
  asc.d('    private static final String BUNDLE_ID = "gg.ironvale.mobile";', 'bundle id');
  asc.l('}');

  const p8f = repo.file(`services/payments-bridge/src/main/resources/AuthKey_${keyId}.p8`, 'keys');
  const p8k = p8();
  p8f.s(p8k, 'private-key', p8k.join('\n'));

  const gpsa = repo.file('services/payments-bridge/src/main/resources/google-play-sa.json', 'keys');
  const gpk = t.pkcs8Pem();
  gpsa.l('{', '  "type": "service_account",', `  "project_id": "${GCP_PROJECT}",`);
  gpsa.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  gpsa.s(`  "private_key": ${JSON.stringify(gpk.join('\n') + '\n')},`, 'gcp', gpk.join('\n'));
  gpsa.l(`  "client_email": "play-billing@${GCP_PROJECT}.iam.gserviceaccount.com",`);
  gpsa.d(`  "client_id": "${t.digits(21)}",`, 'client id');
  gpsa.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');

  const aty = repo.file('services/payments-bridge/src/test/resources/application-test.yml', 'java');
  aty.l('spring:', '  datasource:', '    url: jdbc:h2:mem:payments', '    username: sa');
  aty.d('    password: ""', 'empty');
  aty.l('stripe:');
  aty.d('  secret-key: sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  aty.d('  webhook-secret: whsec_test_secret', 'obvious fixture');

  const m2 = repo.file('services/payments-bridge/.mvn/settings.xml', 'java');
  const m2pw = pw();
  m2.l(
    '<settings>',
    '  <servers>',
    '    <server>',
    '      <id>ironvale-nexus</id>',
    '      <username>deploy</username>',
  );
  m2.s(`      <password>${m2pw}</password>`, 'generic', m2pw);
  m2.l('    </server>', '    <server>', '      <id>github</id>', '      <username>ironvale-ci</username>');
  m2.d('      <password>${env.GITHUB_TOKEN}</password>', 'env reference');
  m2.l('    </server>', '  </servers>', '</settings>');

  // ==== Kubernetes / Agones / Helm =============================================================
  const fl = repo.file('deploy/agones/fleet-arena.yaml', 'k8s');
  const flRcon = pw();
  const flPf = playfabSecret();
  fl.l('apiVersion: agones.dev/v1', 'kind: Fleet', 'metadata:', '  name: arena-fleet', '  namespace: gameservers');
  fl.d(`  annotations:\n    ironvale.gg/changelist: "${CL}"`, 'changelist');
  fl.l(
    'spec:',
    '  replicas: 40',
    '  template:',
    '    spec:',
    '      ports:',
    '        - name: default',
    '          containerPort: 7777',
  );
  fl.l('      template:', '        spec:', '          containers:', '            - name: ironvale-server');
  fl.d(`              image: registry.ironvale.gg/ironvale-server@sha256:${t.sha256()}`, 'image digest');
  fl.l('              env:', '                - name: IV_RCON_PASSWORD');
  fl.s(`                  value: "${flRcon}"`, 'generic', flRcon);
  fl.l('                - name: PLAYFAB_SECRET_KEY');
  fl.s(`                  value: ${flPf}`, 'playfab', flPf);
  fl.l('                - name: STEAM_GSLT', '                  valueFrom:', '                    secretKeyRef:');
  fl.d('                      name: steam-gslt', 'secret ref');
  fl.d('                      key: token', 'secret ref key');
  fl.l('                - name: PLAYFAB_TITLE_ID');
  fl.d(`                  value: "${TITLE_ID}"`, 'title id');

  const acs = repo.file('deploy/agones/allocator-client-secret.yaml', 'k8s');
  const acKey = t.ecPem();
  acs.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: allocator-client.session',
    '  namespace: session',
    'type: kubernetes.io/tls',
    'data:',
  );
  acs.d(`  tls.crt: ${Buffer.from(cert()).toString('base64')}`, 'certificate');
  acs.s(`  tls.key: ${Buffer.from(acKey.join('\n') + '\n').toString('base64')}`, 'private-key', acKey.join('\n'));
  acs.d(`  ca.crt: ${Buffer.from(cert()).toString('base64')}`, 'ca certificate');

  const hv = repo.file('deploy/helm/session/values-prod.yaml', 'k8s');
  const hvEos = eosSecret();
  const hvRedis = pw();
  const hvDd = t.ddApi();
  hv.l('image:', '  repository: registry.ironvale.gg/session');
  hv.d(`  tag: "1.42.0-${t.sha1().slice(0, 8)}"`, 'tag');
  hv.l('eos:');
  hv.d(`  clientId: ${eosClientId()}`, 'client id');
  hv.s(`  clientSecret: "${hvEos}"`, 'epic', hvEos);
  hv.l('steam:');
  hv.d(`  appId: "${APP_ID}"`, 'app id');
  hv.l('redis:');
  hv.s(`  password: ${hvRedis}`, 'generic', hvRedis);
  hv.d('  existingSecret: session-redis', 'secret name');
  hv.l('datadog:');
  hv.s(`  apiKey: ${hvDd}`, 'datadog', hvDd);

  const ht = repo.file('deploy/helm/session/templates/secret.yaml', 'k8s');
  ht.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "session.fullname" . }}', 'stringData:');
  ht.d('  EOS_CLIENT_SECRET: {{ .Values.eos.clientSecret | quote }}', 'helm template');
  ht.d('  REDIS_PASSWORD: {{ required "redis.password" .Values.redis.password | quote }}', 'helm template');
  ht.d('  DD_API_KEY: {{ .Values.datadog.apiKey | b64enc }}', 'helm template');

  const kd = repo.file('deploy/k8s/live/discord-bot-secret.yaml', 'k8s');
  const kdDisc = discordBot();
  const kdTw = twitch();
  kd.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: discord-bot',
    '  namespace: liveops',
    'type: Opaque',
    'data:',
  );
  kd.s(`  DISCORD_TOKEN: ${Buffer.from(kdDisc).toString('base64')}`, 'discord', kdDisc);
  kd.s(`  TWITCH_CLIENT_SECRET: ${Buffer.from(kdTw).toString('base64')}`, 'twitch', kdTw);
  kd.d(`  DISCORD_APPLICATION_ID: ${Buffer.from(snowflake()).toString('base64')}`, 'base64 application id');

  const kc = repo.file('deploy/k8s/live/liveops-configmap.yaml', 'k8s');
  const kcSlack = t.slackWebhook();
  kc.l('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: liveops', 'data:');
  kc.d(`  SENTRY_DSN: ${sentryDsn()}`, 'dsn');
  kc.s(`  SLACK_WEBHOOK_URL: ${kcSlack}`, 'slack', kcSlack);
  kc.d('  LOG_LEVEL: info', 'setting');
  kc.d(`  PLAYFAB_TITLE_ID: "${TITLE_ID}"`, 'title id');

  const ks = repo.file('deploy/k8s/live/sealed-payments.yaml', 'k8s');
  ks.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: payments',
    '  namespace: payments',
    'spec:',
    '  encryptedData:',
  );
  ks.d(`    STRIPE_SECRET_KEY: AgB${b64(420)}==`, 'sealed secret');
  ks.d(`    STEAM_PUBLISHER_KEY: AgC${b64(360)}=`, 'sealed secret');

  const sops = repo.file('deploy/sops/liveops.enc.yaml', 'k8s');
  sops.d(`discord_token: ENC[AES256_GCM,data:${b64(96)},iv:${b64(43)}=,tag:${b64(22)}==,type:str]`, 'sops');
  sops.d(`playfab_secret: ENC[AES256_GCM,data:${b64(70)},iv:${b64(43)}=,tag:${b64(22)}==,type:str]`, 'sops');
  sops.l('sops:', '    kms:', '        - arn: arn:aws:kms:eu-west-1:481627391045:key/' + t.uuid());
  sops.d(`    mac: ENC[AES256_GCM,data:${b64(88)}==,iv:${b64(43)}=,tag:${b64(22)}==,type:str]`, 'sops mac');
  sops.l('    version: 3.9.1');

  // ==== Terraform ==============================================================================
  const tp = repo.file('infra/terraform/aws/providers.tf', 'terraform');
  const tpAk = t.awsId();
  const tpAs = t.awsSecret();
  tp.l('provider "aws" {', '  region = "eu-west-1"');
  tp.s(`  access_key = "${tpAk}"`, 'aws', tpAk);
  tp.s(`  secret_key = "${tpAs}"`, 'aws', tpAs);
  tp.l('}', '', 'provider "aws" {', '  alias  = "us"', '  region = "us-east-1"');
  tp.d('  profile = "ironvale-live"', 'profile');
  tp.l('}');

  const trd = repo.file('infra/terraform/aws/rds.tf', 'terraform');
  const trdPw = pw();
  trd.l(
    'resource "aws_db_instance" "payments" {',
    '  identifier     = "payments-live"',
    '  engine         = "postgres"',
    '  username       = "payments"',
  );
  trd.s(`  password       = "${trdPw}"`, 'generic', trdPw);
  trd.d(`  kms_key_id     = "arn:aws:kms:eu-west-1:481627391045:key/${t.uuid()}"`, 'kms arn');
  trd.l('}', '', 'resource "random_password" "mm" {', '  length  = 32', '  special = false', '}', '');
  trd.l('resource "aws_elasticache_replication_group" "mm" {', '  replication_group_id = "mm-live"');
  trd.d('  auth_token           = random_password.mm.result', 'reference');
  trd.l('}');

  const tst = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
  const tstAk = t.awsId();
  const tstAs = t.awsSecret();
  const tstSmtp = b64(44);
  tst.l('{', '  "version": 4,', '  "terraform_version": "1.9.5",');
  tst.d(`  "lineage": "${t.uuid()}",`, 'lineage uuid');
  tst.l(
    '  "resources": [',
    '    {',
    '      "mode": "managed",',
    '      "type": "aws_iam_access_key",',
    '      "name": "ci_uploader",',
  );
  tst.l(
    '      "instances": [',
    '        {',
    '          "attributes": {',
    '            "create_date": "2026-03-14T10:22:41Z",',
  );
  tst.d('            "encrypted_secret": null,', 'null');
  tst.s(`            "id": "${tstAk}",`, 'aws', tstAk);
  tst.s(`            "secret": "${tstAs}",`, 'aws', tstAs);
  tst.s(`            "ses_smtp_password_v4": "${tstSmtp}",`, 'aws', tstSmtp);
  tst.l(
    '            "status": "Active",',
    '            "user": "ci-uploader"',
    '          }',
    '        }',
    '      ]',
    '    }',
    '  ]',
    '}',
  );

  const tg = repo.file('infra/terraform/gcp/main.tf', 'terraform');
  const tgPw = pw();
  tg.l('provider "google" {');
  tg.d(`  project     = "${GCP_PROJECT}"`, 'project id');
  tg.d('  credentials = file("${path.module}/keys/terraform-sa.json")', 'file reference');
  tg.l(
    '}',
    '',
    'resource "google_sql_user" "analytics" {',
    '  name     = "analyst"',
    '  instance = google_sql_database_instance.analytics.name',
  );
  tg.s(`  password = "${tgPw}"`, 'generic', tgPw);
  tg.l(
    '}',
    '',
    'resource "google_sql_user" "looker" {',
    '  name     = "looker"',
    '  instance = google_sql_database_instance.analytics.name',
  );
  tg.d('  password = var.looker_db_password', 'variable');
  tg.l('}');

  const tgk = repo.file('infra/terraform/gcp/keys/terraform-sa.json', 'keys');
  const tgpk = t.pkcs8Pem();
  tgk.l('{', '  "type": "service_account",', `  "project_id": "${GCP_PROJECT}",`);
  tgk.d(`  "private_key_id": "${t.sha1()}",`, 'key id');
  tgk.s(`  "private_key": ${JSON.stringify(tgpk.join('\n') + '\n')},`, 'gcp', tgpk.join('\n'));
  tgk.l(`  "client_email": "terraform@${GCP_PROJECT}.iam.gserviceaccount.com",`);
  tgk.d(`  "client_id": "${t.digits(21)}",`, 'client id');
  tgk.l('  "token_uri": "https://oauth2.googleapis.com/token"', '}');

  const tv = repo.file('infra/terraform/gcp/terraform.tfvars', 'terraform');
  const tvDd = t.ddApi();
  const tvDdApp = t.ddApp();
  const tvHook = discordHook();
  tv.d(`gcp_project            = "${GCP_PROJECT}"`, 'project id');
  tv.s(`datadog_api_key        = "${tvDd}"`, 'datadog', tvDd);
  tv.s(`datadog_app_key        = "${tvDdApp}"`, 'datadog', tvDdApp);
  tv.s(`discord_alerts_webhook = "${tvHook}"`, 'discord', tvHook);
  tv.d('looker_db_password     = "" # set via TF_VAR_looker_db_password', 'empty');

  const tvv = repo.file('infra/terraform/gcp/variables.tf', 'terraform');
  tvv.l('variable "datadog_api_key" {', '  type      = string', '  sensitive = true');
  tvv.d('  default   = ""', 'empty default');
  tvv.l('}', '', 'variable "discord_alerts_webhook" {', '  type        = string');
  tvv.d('  description = "Discord webhook URL (https://discord.com/api/webhooks/<id>/<token>)"', 'placeholder');
  tvv.l('}');

  const tlk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'decoys');
  tlk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.70.0"', '  hashes = [');
  tlk.d(`    "h1:${b64(43)}=",`, 'provider hash');
  tlk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  tlk.l('  ]', '}');

  // ==== Docker =================================================================================
  const dfs = repo.file('services/session/Dockerfile', 'docker');
  const dfsGh = t.github('ghs_');
  dfs.d(`FROM golang:1.22-bookworm@sha256:${t.sha256()} AS build`, 'image digest');
  dfs.l('ENV GOPRIVATE=github.com/ironvale/*');
  dfs.s(
    `RUN git config --global url."https://x-access-token:${dfsGh}@github.com/".insteadOf "https://github.com/"`,
    'github',
    dfsGh,
  );
  dfs.l('WORKDIR /src', 'COPY . .', 'RUN go build -o /out/session ./cmd/session');
  dfs.d(`FROM gcr.io/distroless/static-debian12@sha256:${t.sha256()}`, 'image digest');

  const dfg = repo.file('server/Dockerfile', 'docker');
  const dfgGslt = steamKey();
  dfg.l('FROM ubuntu:22.04', 'RUN useradd -m ivserver');
  dfg.d(`ENV STEAM_APPID=${APP_ID}`, 'app id');
  dfg.s(`ENV STEAM_GSLT=${dfgGslt}`, 'steam', dfgGslt);
  dfg.l(
    'COPY --chown=ivserver Binaries/Linux /srv/ivds',
    'USER ivserver',
    'ENTRYPOINT ["/srv/ivds/IronvaleServer", "-log"]',
  );

  const dcp = repo.file('docker-compose.yml', 'docker');
  const dcpPg = pw();
  const dcpPf = playfabSecret();
  const dcpRedis = pwA();
  dcp.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: ironvale');
  dcp.s(`      POSTGRES_PASSWORD: ${dcpPg}`, 'generic', dcpPg);
  dcp.l('  redis:', '    image: redis:7');
  dcp.s(`    command: redis-server --requirepass ${dcpRedis}`, 'generic', dcpRedis);
  dcp.l('  minio:', '    image: minio/minio', '    environment:', '      MINIO_ROOT_USER: minioadmin');
  dcp.d('      MINIO_ROOT_PASSWORD: minioadmin', 'documented default');
  dcp.l('  session:', '    build: services/session', '    environment:');
  dcp.s(`      PLAYFAB_SECRET_KEY: ${dcpPf}`, 'playfab', dcpPf);
  dcp.d('      REDIS_PASSWORD: ${REDIS_PASSWORD:-}', 'env reference');
  dcp.d(`      PLAYFAB_TITLE_ID: "${TITLE_ID}"`, 'title id');

  // ==== CI =====================================================================================
  const sd = repo.file('.github/workflows/steam-deploy.yml', 'ci');
  const sdPw = pw();
  const sdHook = discordHook();
  sd.l('name: steam-deploy', 'on:', '  workflow_dispatch:', 'env:');
  sd.s(`  DISCORD_WEBHOOK: ${sdHook}`, 'discord', sdHook);
  sd.l('jobs:', '  deploy:', '    runs-on: [self-hosted, linux, steam]', '    steps:');
  sd.d(`      - uses: actions/checkout@${t.sha1()} # v4.2.2`, 'pinned sha');
  sd.l('      - uses: game-ci/steam-deploy@v3', '        with:');
  sd.d('          username: ${{ secrets.STEAM_USERNAME }}', 'secret ref');
  sd.d('          configVdf: ${{ secrets.STEAM_CONFIG_VDF }}', 'secret ref');
  sd.d(`          appId: ${APP_ID}`, 'app id');
  sd.d('          buildDescription: v${{ github.run_number }}', 'expression');
  sd.l(
    '          rootPath: build',
    `          depot1Path: LinuxServer`,
    '      - run: ./tools/steam/verify_branch.sh beta',
    '        env:',
  );
  sd.s(`          STEAM_PASSWORD: "${sdPw}"`, 'generic', sdPw);

  const ub = repo.file('.github/workflows/unity-build.yml', 'ci');
  const ubPw = pw();
  const ubSerial = unitySerial();
  ub.l('name: unity-build', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:');
  ub.l('      - uses: game-ci/unity-builder@v4', '        env:');
  ub.d('          UNITY_LICENSE: ${{ secrets.UNITY_LICENSE }}', 'secret ref');
  ub.d('          UNITY_EMAIL: build@ironvale.gg', 'email');
  ub.s(`          UNITY_PASSWORD: ${ubPw}`, 'generic', ubPw);
  ub.s(`          UNITY_SERIAL: ${ubSerial}`, 'generic', ubSerial);
  ub.l('        with:', '          targetPlatform: StandaloneWindows64', '          projectPath: client');

  const jf = repo.file('tools/ci/Jenkinsfile', 'ci');
  const jfP4 = pw();
  const jfSteam = pwA();
  const jfSen = sentryUser();
  jf.l('pipeline {', '  agent { label "ue5-linux" }', '  environment {');
  jf.d("    STEAM_CREDS = credentials('steam-build-account')", 'credentials binding');
  jf.s(`    P4PASSWD = '${jfP4}'`, 'generic', jfP4);
  jf.s(`    SENTRY_AUTH_TOKEN = '${jfSen}'`, 'sentry', jfSen);
  jf.l('  }', '  stages {', "    stage('Upload') {", '      steps {');
  jf.s(
    `        sh 'steamcmd +login ironvale_build ${jfSteam} +run_app_build tools/steam/scripts/app_build_${APP_ID}.vdf +quit'`,
    'generic',
    jfSteam,
  );
  jf.d(
    "        withCredentials([string(credentialsId: 'discord-webhook', variable: 'HOOK')]) {",
    'credentials binding',
  );
  jf.l(
    '          sh \'curl -fsS -H "Content-Type: application/json" -d @notify.json "$HOOK"\'',
    '        }',
    '      }',
    '    }',
    '  }',
    '}',
  );

  const jc = repo.file('tools/ci/jenkins/casc/jenkins.yaml', 'ci');
  const jcAdm = pw();
  const jcP4 = pw();
  jc.l(
    'jenkins:',
    '  securityRealm:',
    '    local:',
    '      allowsSignup: false',
    '      users:',
    '        - id: admin',
  );
  jc.s(`          password: "${jcAdm}"`, 'generic', jcAdm);
  jc.l('        - id: readonly');
  jc.d('          password: "${JENKINS_READONLY_PASSWORD}"', 'env reference');
  jc.l('credentials:', '  system:', '    domainCredentials:', '      - credentials:', '          - p4PasswordImpl:');
  jc.l(
    '              id: p4-build',
    '              p4port: ssl:perforce.ironvale.gg:1666',
    '              username: build.svc',
  );
  jc.s(`              password: "${jcP4}"`, 'generic', jcP4);
  jc.l('          - string:', '              id: slack-token');
  jc.d('              secret: "${SLACK_BOT_TOKEN}"', 'env reference');

  const cil = repo.file(`tools/ci/logs/build-${CL}.log`, 'logs');
  const cilSteam = pwA();
  const cilGh = t.github('ghs_');
  const cilTick = p4ticket();
  cil.l('Started by timer', 'Running on ue5-linux-04 in /var/lib/jenkins/workspace/ironvale-main');
  cil.d('[Pipeline] withCredentials', 'step');
  cil.d('Masking supported pattern matches of $P4PASSWD', 'masking notice');
  cil.d('+ p4 -u build.svc -P **** sync -q //depot/Ironvale/Main/...#head', 'masked');
  cil.s(`P4PASSWD=${cilTick}`, 'generic', cilTick);
  cil.s(
    `+ steamcmd +login ironvale_build ${cilSteam} +run_app_build tools/steam/scripts/app_build_${APP_ID}.vdf +quit`,
    'generic',
    cilSteam,
  );
  cil.l("Logging in user 'ironvale_build' [U:1:" + t.digits(9) + '] to Steam Public...OK');
  cil.d(`Successfully finished AppID ${APP_ID} build (BuildID ${t.digits(8)}).`, 'build id');
  cil.s(
    `+ curl -fsS -H 'Authorization: Bearer ${cilGh}' https://api.github.com/repos/ironvale/launcher-releases/releases`,
    'github',
    cilGh,
  );
  cil.d(`Uploaded depot ${DEPOT_ID} manifest ${t.digits(19)}`, 'manifest id');
  cil.l('Finished: SUCCESS');

  // ==== docs / env / misc decoys ==============================================================
  const ob = repo.file('docs/onboarding/backend.md', 'docs');
  const obPw = pw();
  ob.l('# Backend onboarding', '', '## Accounts', '');
  ob.s(`- Shared Steam dev account (family share only): \`ironvale_dev\` / \`${obPw}\``, 'generic', obPw);
  ob.d(
    '- Get a personal Steam Web API key at https://steamcommunity.com/dev/apikey and put it in `.env` as `STEAM_WEB_API_KEY`.',
    'prose',
  );
  ob.d('- `EOS_CLIENT_SECRET=<from the Epic Developer Portal, Product Settings → Clients>`', 'placeholder');
  ob.d("- Valve's docs use SteamID `76561197960287930`; any 17-digit SteamID64 works for the mock.", 'documented id');
  ob.d(`- Our Steam app is ${APP_ID} (server depot ${DEPOT_ID}); PlayFab title \`${TITLE_ID}\`.`, 'public ids');

  const rb = repo.file('docs/runbooks/incident-discord-bot.md', 'docs');
  const rbDisc = discordBot();
  rb.l('# Discord bot outage', '', 'If the bot was kicked, re-invite it and restart the deployment.', '');
  rb.l('Temporary token issued during the 2026-11-12 incident (revoke after the new one is in Vault):', '');
  rb.s(`    DISCORD_TOKEN=${rbDisc}`, 'discord', rbDisc);
  rb.d('    kubectl -n liveops rollout restart deploy/discord-bot', 'command');
  rb.d('Tokens look like `MTE4…<id>.<ts>.<hmac>`; never paste them in #ops.', 'prose');

  const ee = repo.file('.env.example', 'env');
  ee.d('STEAM_WEB_API_KEY=your-steam-web-api-key', 'placeholder');
  ee.d('EOS_CLIENT_SECRET=', 'empty');
  ee.d('PLAYFAB_SECRET_KEY=<playfab-secret>', 'placeholder');
  ee.d('DISCORD_TOKEN=changeme', 'placeholder');
  ee.d('TWITCH_CLIENT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ee.d('DATABASE_URL=postgres://ironvale:password@localhost:5432/ironvale', 'example default');
  ee.d('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'vendor example');
  ee.d('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'vendor example');

  const envl = repo.file('services/web-api/.env.live', 'env');
  const envlSteam = steamKey();
  const envlUgs = gen(32);
  const envlPf = playfabSecret();
  const envlSlack = t.slackBot();
  envl.d('NODE_ENV=production', 'setting');
  envl.s(`STEAM_WEB_API_KEY=${envlSteam}`, 'steam', envlSteam);
  envl.d(`UGS_SERVICE_ACCOUNT_KEY_ID=${t.uuid()}`, 'key id');
  envl.s(`UGS_SERVICE_ACCOUNT_SECRET=${envlUgs}`, 'unity', envlUgs);
  envl.s(`PLAYFAB_SECRET_KEY=${envlPf}`, 'playfab', envlPf);
  envl.s(`SLACK_BOT_TOKEN=${envlSlack}`, 'slack', envlSlack);
  envl.d('SESSION_SECRET=${SESSION_SECRET}', 'variable');

  const gpub = repo.file('services/ac-relay/keys/relay_ed25519.pub', 'keys');
  gpub.d(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} relay@ironvale`, 'public key');
  const spub = repo.file('server/Content/Security/pak_signing_public.pem', 'keys');
  spub.d(
    [
      '-----BEGIN PUBLIC KEY-----',
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64(20)}`,
      b64(64),
      b64(64),
      b64(64),
      `${b64(8)}IDAQAB`,
      '-----END PUBLIC KEY-----',
    ],
    'public key',
  );
  const bsh = repo.file('ops/keys/build-agent_ed25519', 'keys');
  const bshk = t.opensshPem();
  bsh.s(bshk, 'private-key', bshk.join('\n'));

  const eac = repo.file('client/Build/EasyAntiCheat/Settings.json', 'cpp');
  eac.l('{', '  "title": "Ironvale",', '  "executable": "Ironvale/Binaries/Win64/Ironvale-Win64-Shipping.exe",');
  eac.d(`  "productid": "${EOS_PRODUCT}",`, 'eos product id');
  eac.d(`  "sandboxid": "${EOS_SANDBOX}",`, 'eos sandbox id');
  eac.d(`  "deploymentid": "${EOS_DEPLOY}",`, 'eos deployment id');
  eac.l('  "requested_splash": "EasyAntiCheat/SplashScreen.png"', '}');

  const cryp = repo.file('server/Config/DefaultCrypto.ini', 'cpp');
  const aesKey = bytesB64(32);
  cryp.l('[/Script/CryptoKeys.CryptoKeysSettings]');
  cryp.s(`EncryptionKey=${aesKey}`, 'generic', aesKey);
  cryp.d('bEnablePakSigning=True', 'setting');
  cryp.d(`+SecondaryEncryptionKeys=(Guid="${t.pick(HEXU, 32)}",Name="DLC_Season7",Key="")`, 'empty key with guid');
  cryp.d(`SigningPublicExponent=${bytesB64(3)}`, 'public exponent');
  cryp.d(`SigningModulus=${bytesB64(256)}`, 'public modulus');
  const privExp = bytesB64(256);
  cryp.s(`SigningPrivateExponent=${privExp}`, 'private-key', privExp);

  const bm = repo.file('server/Build/BuildManifest.json', 'decoys');
  bm.l('{', `  "changelist": ${CL},`, '  "files": [');
  for (const f of ['pakchunk0-LinuxServer.pak', 'pakchunk1-LinuxServer.pak', 'IronvaleServer'])
    bm.d(`    { "path": "${f}", "sha256": "${t.sha256()}", "size": ${t.digits(9)} },`, 'file hash');
  bm.d(`    { "path": "global.ucas", "guid": "${t.uuid().toUpperCase()}" }`, 'guid');
  bm.l('  ]', '}');

  const ach = repo.file('server/Config/DefaultAchievements.json', 'decoys');
  ach.l('{', '  "steamAppId": ' + APP_ID + ',', '  "stats": [');
  ach.d('    { "api": "ACH_FIRST_BLOOD", "secret": false, "hidden": false },', 'achievement flag');
  ach.d(
    '    { "api": "ACH_SECRET_ROOM", "secret": true, "hidden": true, "displayName": "The Secret Room" },',
    'achievement flag',
  );
  ach.d(`    { "api": "ACH_TOKEN_COLLECTOR", "statId": "${t.hex(24)}" }`, 'stat id');
  ach.l('  ]', '}');

  const loc = repo.file('client/Assets/Localization/en-US.json', 'decoys');
  loc.l('{');
  loc.d('  "login.password": "Password",', 'i18n');
  loc.d('  "login.password.forgot": "Forgot your password?",', 'i18n');
  loc.d('  "settings.stream.key": "Twitch stream key",', 'i18n');
  loc.d('  "store.redeem.code": "Enter your redeem code (XXXXX-XXXXX-XXXXX)",', 'i18n');
  loc.l('  "ok": "OK"', '}');

  return repo;
}
