// Red-team suite "gamedev": credentials in game and desktop-application projects — Unity
// (ProjectSettings, Resources JSON, serialized .asset/.prefab YAML, C# MonoBehaviours and editor
// build scripts, .upmconfig.toml), Unreal (DefaultEngine.ini EOS artifacts, DefaultCrypto.ini pak
// keys, BuildPatchTool scripts), Godot (export_presets.cfg, export_credentials.cfg, GDScript),
// Steamworks (Web API keys, GSLTs, steamcmd logins), PlayFab, Photon, PubNub, Agora, GameAnalytics,
// Discord and Twitch bots, Electron (electron-builder.yml/.env, notarize scripts, updater tokens),
// Tauri and Sparkle updater keys, .NET app.config/Settings.settings, Qt/C++ headers, Java
// jarsigner/jpackage, notarytool, signtool, App Store Connect .p8 keys, Xbox/PlayStation configs
// and dedicated-server configs (Source, Minecraft, Rust, ARK, Valheim, Palworld, BattlEye,
// Factorio). Decoys: Unity .meta GUIDs, content/shader hashes, save checksums, public app ids
// (Steam appid, Discord application id, Photon AppId, EOS product ids, Xbox title ids), public
// updater keys, signatures, localization strings and template placeholders. Every value is
// drawn from the seeded PRNG at run time.
import { ALNUM, DIGIT, HEX, LOWER, UPPER, URLSAFE, B64, Repo, makeTokens, mulberry32 } from './generate.mjs';

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 70919 + 41);
  const t = makeTokens(rand);
  const repo = new Repo();
  const b64 = (s) => Buffer.from(s).toString('base64');
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const upHex = (n) => t.hex(n).toUpperCase();
  const pw = () => t.password();
  const pwAlnum = () => t.password().replace(/[^A-Za-z0-9]/g, '');
  // Steam Web API keys and Game Server Login Tokens: 32 uppercase hex characters.
  const steamKey = () => upHex(32);
  // PlayFab developer secret keys: 50 uppercase letters and digits; title ids: 4-5 uppercase hex.
  const playfabSecret = () => t.mixed(UPPER + DIGIT, 50);
  const playfabTitle = () => t.pick('0123456789ABCDEF', 5);
  // Discord snowflake ids, bot tokens (base64 id . timestamp . hmac), client secrets, webhooks.
  const snowflake = () => `1${t.pick(DIGIT, 18)}`;
  const discordBot = () => `${b64(snowflake()).replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`;
  const discordSecret = () => t.mixed(URLSAFE, 32);
  const discordWebhook = () => `https://discord.com/api/webhooks/${snowflake()}/${t.mixed(URLSAFE, 68)}`;
  // Twitch client ids, client secrets and OAuth tokens: 30 lowercase letters and digits.
  const twitch30 = () => t.mixed(LOWER + DIGIT, 30);
  // Epic Online Services: client ids start xyza7891 (32 chars), secrets are 43 base64 chars.
  const eosClientId = () => `xyza7891${t.mixed(ALNUM, 24)}`;
  const eosSecret = () => t.mixed(B64, 43);
  const eosOrg = () => `o-${t.pick(LOWER + DIGIT, 30)}`;
  // Apple app-specific passwords: four groups of four lowercase letters.
  const appleAsp = () => [0, 1, 2, 3].map(() => t.pick(LOWER, 4)).join('-');
  const teamId = () => t.mixed(UPPER + DIGIT, 10);
  // PubNub keys: pub-c-/sub-c- + uuid (public), sec-c- + base64 of a uuid (secret).
  const pubnubSecret = () => `sec-c-${b64(t.uuid())}`;
  // minisign (Tauri updater) key files, each base64-encoded whole as Tauri stores them.
  const minisignSecret = () => {
    const raw = Buffer.concat([Buffer.from('EdScB2'), bytes(152)]);
    return b64(`untrusted comment: rsign encrypted secret key\n${raw.toString('base64')}\n`);
  };
  const minisignPublic = () => {
    const keyId = bytes(8);
    const raw = Buffer.concat([Buffer.from('Ed'), keyId, bytes(32)]);
    return b64(
      `untrusted comment: minisign public key: ${keyId.toString('hex').toUpperCase()}\n${raw.toString('base64')}\n`,
    );
  };
  const pemOf = (label, der) => [
    `-----BEGIN ${label}-----`,
    ...der.toString('base64').match(/.{1,64}/g),
    `-----END ${label}-----`,
  ];
  // App Store Connect API key (.p8): a PKCS#8 P-256 key.
  const ascP8 = () =>
    pemOf(
      'PRIVATE KEY',
      Buffer.concat([
        Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420', 'hex'),
        bytes(32),
        Buffer.from('a144034200', 'hex'),
        Buffer.from('04', 'hex'),
        bytes(64),
      ]),
    );
  const pfxBase64 = () =>
    Buffer.concat([
      Buffer.from('30820a0a020103308209d006092a864886f70d010701a08209c1048209bd', 'hex'),
      bytes(2530),
    ]).toString('base64');
  const guid32 = () => t.pick(HEX, 32);

  // ---- Unity --------------------------------------------------------------------------------
  {
    const f = repo.file('Assets/Editor/BuildScript.cs', 'unity-cs');
    f.l(
      'using UnityEditor;',
      '',
      'public static class BuildScript',
      '{',
      '    public static void BuildAndroid()',
      '    {',
    );
    f.d('        PlayerSettings.Android.keystoreName = "Keystores/acme-release.keystore";', 'keystore path');
    const ks = pw();
    f.s(`        PlayerSettings.Android.keystorePass = "${ks}";`, 'generic', ks);
    f.d('        PlayerSettings.Android.keyaliasName = "acme";', 'alias name');
    const ka = pw();
    f.s(`        PlayerSettings.Android.keyaliasPass = "${ka}";`, 'generic', ka);
    f.d(
      '        PlayerSettings.Android.keyaliasPass = System.Environment.GetEnvironmentVariable("ANDROID_KEYALIAS_PASS");',
      'environment lookup',
    );
    f.l(
      '        BuildPipeline.BuildPlayer(EditorBuildSettings.scenes, "Builds/acme.aab", BuildTarget.Android, BuildOptions.None);',
      '    }',
      '}',
    );
  }
  {
    const f = repo.file('Assets/Scripts/Online/PlayFabBootstrap.cs', 'unity-cs');
    f.l(
      'using PlayFab;',
      'using UnityEngine;',
      '',
      'public class PlayFabBootstrap : MonoBehaviour',
      '{',
      '    void Awake()',
      '    {',
    );
    f.d(`        PlayFabSettings.staticSettings.TitleId = "${playfabTitle()}";`, 'PlayFab title id');
    const s = playfabSecret();
    f.s(`        PlayFabSettings.staticSettings.DeveloperSecretKey = "${s}";`, 'generic', s);
    f.d('        // PlayFabSettings.staticSettings.DeveloperSecretKey = "YOUR_SECRET_KEY";', 'placeholder');
    f.l('    }', '}');
    repo
      .file('Assets/Scripts/Online/PlayFabBootstrap.cs.meta', 'unity-meta')
      .l('fileFormatVersion: 2')
      .d(`guid: ${guid32()}`, 'Unity asset GUID')
      .l('MonoImporter:', '  serializedVersion: 2', '  executionOrder: 0');
  }
  {
    const f = repo.file('Assets/Scripts/Steam/SteamLeaderboardSync.cs', 'unity-cs');
    f.l(
      'using System.Collections;',
      'using UnityEngine;',
      'using UnityEngine.Networking;',
      '',
      'public class SteamLeaderboardSync : MonoBehaviour',
      '{',
    );
    f.d(`    private const uint AppId = ${t.digits(7)};`, 'Steam app id');
    const k = steamKey();
    f.s(`    private const string WebApiKey = "${k}";`, 'generic', k);
    f.d(`    private const ulong TestSteamId = 7656119${t.pick(DIGIT, 10)};`, 'SteamID64');
    const k2 = steamKey();
    f.s(
      `    private const string ScoreUrl = "https://partner.steam-api.com/ISteamLeaderboards/SetScore/v1/?key=${k2}";`,
      'generic',
      k2,
    );
    f.l('}');
  }
  {
    const f = repo.file('Assets/Resources/npc_dialogue_config.json', 'unity-json');
    f.l('{', '  "provider": "openai",', '  "model": "gpt-4o-mini",');
    const oa = t.openai();
    f.s(`  "openai_api_key": "${oa}",`, 'openai', oa);
    f.d(`  "voice_profile_id": "${t.uuid()}",`, 'uuid');
    f.d(`  "prompt_sha256": "${t.sha256()}",`, 'content hash');
    f.l('  "max_tokens": 256', '}');
  }
  {
    const f = repo.file('Assets/Resources/GameAnalytics/Settings.asset', 'unity-yaml');
    f.l(
      '%YAML 1.1',
      '%TAG !u! tag:unity3d.com,2011:',
      '--- !u!114 &11400000',
      'MonoBehaviour:',
      '  m_ObjectHideFlags: 0',
    );
    f.d(`  m_Script: {fileID: 11500000, guid: ${guid32()}, type: 3}`, 'script GUID');
    f.l('  m_Name: Settings', '  gameKey:');
    f.d(`  - ${t.hex(32)}`, 'GameAnalytics game key (public)');
    f.l('  secretKey:');
    const gs = t.hex(40);
    f.s(`  - ${gs}`, 'generic', gs);
    f.l('  Build:', '  - 0.4.2');
  }
  {
    const f = repo.file('Assets/Photon/PhotonUnityNetworking/Resources/PhotonServerSettings.asset', 'unity-yaml');
    f.l('%YAML 1.1', '--- !u!114 &11400000', 'MonoBehaviour:', '  AppSettings:');
    f.d(`    AppIdRealtime: ${t.uuid()}`, 'Photon AppId (shipped in clients)');
    f.d(`    AppIdChat: ${t.uuid()}`, 'Photon chat AppId');
    f.d(`    AppIdVoice: ${t.uuid()}`, 'Photon voice AppId');
    f.l('    AppVersion: 1.0', '    UseNameServer: 1', '    FixedRegion: eu', '    Protocol: 0');
  }
  {
    const f = repo.file('Assets/StreamingAssets/backend.json', 'unity-json');
    f.l('{');
    f.d(`  "agoraAppId": "${t.hex(32)}",`, 'Agora app id (public)');
    const ac = t.hex(32);
    f.s(`  "agoraAppCertificate": "${ac}",`, 'agora', ac);
    f.d(`  "pubnubPublishKey": "pub-c-${t.uuid()}",`, 'PubNub publish key');
    f.d(`  "pubnubSubscribeKey": "sub-c-${t.uuid()}",`, 'PubNub subscribe key');
    const ps = pubnubSecret();
    f.s(`  "pubnubSecretKey": "${ps}",`, 'pubnub', ps);
    f.l('  "region": "eu-central"', '}');
  }
  {
    const f = repo.file('Assets/Prefabs/CrashReporter.prefab', 'unity-yaml');
    f.l('%YAML 1.1', '--- !u!114 &4471923318870526611', 'MonoBehaviour:', '  m_Enabled: 1');
    f.d(`  m_Script: {fileID: 11500000, guid: ${guid32()}, type: 3}`, 'script GUID');
    const wh = discordWebhook();
    f.s(`  webhookUrl: ${wh}`, 'discord', wh);
    f.d(`  sentryDsn: https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`, 'Sentry DSN (public)');
    f.l('  attachLogs: 1', '  maxLogLines: 200');
  }
  {
    const f = repo.file('Assets/Art/Characters/hero.fbx.meta', 'unity-meta');
    f.l('fileFormatVersion: 2');
    f.d(`guid: ${guid32()}`, 'Unity asset GUID');
    f.l('ModelImporter:', '  serializedVersion: 21300', '  internalIDToNameTable:', '  - first:');
    f.d(`      74: ${t.digits(19)}`, 'internal file id');
    f.l('    second: Idle');
    f.d(`  assetBundleName: ${''}`, 'empty');
  }
  {
    const f = repo.file('ProjectSettings/ProjectSettings.asset', 'unity-yaml');
    f.l('%YAML 1.1', '--- !u!129 &1', 'PlayerSettings:', '  companyName: Acme Games', '  productName: Skyforge');
    f.d(`  productGUID: ${guid32()}`, 'product GUID');
    f.d(`  cloudProjectId: ${t.uuid()}`, 'Unity cloud project id');
    f.d(`  appleDeveloperTeamID: ${teamId()}`, 'Apple team id');
    f.d(`  iOSManualProvisioningProfileID: ${t.uuid()}`, 'provisioning profile id');
    f.l('  AndroidKeystoreName: "{inproject}: Keystores/acme-release.keystore"', '  AndroidKeyaliasName: acme');
    f.d('  AndroidKeystorePass: ', 'empty (Unity does not serialize it)');
  }
  {
    const f = repo.file('ProjectSettings/UnityConnectSettings.asset', 'unity-yaml');
    f.l('%YAML 1.1', '--- !u!310 &1', 'UnityConnectSettings:', '  m_Enabled: 1', '  UnityAdsSettings:');
    f.d(`    m_IosGameId: ${t.digits(7)}`, 'Unity Ads game id');
    f.d(`    m_AndroidGameId: ${t.digits(7)}`, 'Unity Ads game id');
    f.l('  CrashReportingSettings:', '    m_EventUrl: https://perf-events.cloud.unity3d.com');
  }
  {
    const f = repo.file('.upmconfig.toml', 'unity-upm');
    f.l('[npmAuth."https://npm.pkg.github.com/@acme-games"]');
    const gh = t.github();
    f.s(`token = "${gh}"`, 'github', gh);
    f.l('alwaysAuth = true');
  }
  {
    const f = repo.file('Logs/shadercompiler-UnityShaderCompiler.exe0.log', 'decoys');
    f.l(
      "Base path: 'C:/Program Files/Unity/Hub/Editor/2022.3.21f1/Editor/Data', plaform: 'C:/Program Files/Unity/Hub/Editor/2022.3.21f1/Editor/Data/PlaybackEngines'",
    );
    for (const name of ['Lit', 'SimpleLit', 'TerrainLit'])
      f.d(
        `Compiled shader: Universal Render Pipeline/${name}, pass: ForwardLit, stage: pixel, keywords _MAIN_LIGHT_SHADOWS _ADDITIONAL_LIGHTS, hash ${t.pick(HEX, 32)}`,
        'shader pass name and hash',
      );
    f.d(`Shader cache hit: ${t.pick(HEX, 32)} (Universal Render Pipeline/Unlit, pass: Unlit)`, 'shader cache hash');
  }
  {
    const f = repo.file('Assets/Localization/strings_en.csv', 'decoys');
    f.l('key,en');
    f.d('LOGIN_PASSWORD_PROMPT,Enter your password', 'localization');
    f.d('SETTINGS_API_KEY_HINT,"Paste your Steam Web API key (32 characters)"', 'localization');
    f.d('SERVER_PASSWORD_WRONG,Wrong server password. Ask the host for the rcon_password.', 'localization');
    f.d('STREAM_KEY_LABEL,Twitch stream key', 'localization');
  }
  {
    const f = repo.file('Assets/StreamingAssets/saves/slot1.json', 'decoys');
    f.l('{', '  "saveVersion": 7,');
    f.d(`  "playerId": "${t.uuid()}",`, 'uuid');
    f.d(`  "checksum": "${t.sha256()}",`, 'save checksum');
    f.d(`  "crc32": "${t.pick(HEX, 8)}",`, 'crc');
    f.l('  "level": 12', '}');
  }
  {
    const f = repo.file('.github/workflows/unity-build.yml', 'ci');
    f.l(
      'name: unity-build',
      'on: [push]',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: game-ci/unity-builder@v4',
      '        env:',
    );
    f.d('          UNITY_LICENSE: ${{ secrets.UNITY_LICENSE }}', 'secrets reference');
    f.l('          UNITY_EMAIL: ci@acme-games.io');
    const up = pw();
    f.s(`          UNITY_PASSWORD: "${up}"`, 'generic', up);
    f.l('        with:', '          targetPlatform: Android');
    f.d('          androidKeystorePass: ${{ secrets.ANDROID_KEYSTORE_PASS }}', 'secrets reference');
    f.l('      - name: Upload to itch.io', '        env:');
    f.d('          BUTLER_API_KEY: ${{ secrets.BUTLER_API_KEY }}', 'secrets reference');
    f.l('        run: butler push build/WebGL acme-games/skyforge:html5');
  }

  // ---- Unreal -------------------------------------------------------------------------------
  {
    const f = repo.file('Skyforge/Config/DefaultEngine.ini', 'unreal-ini');
    f.l('[OnlineSubsystem]', 'DefaultPlatformService=EOS', '', '[OnlineSubsystemSteam]', 'bEnabled=true');
    f.d('SteamDevAppId=480', 'Steam app id');
    f.l('', '[/Script/OnlineSubsystemEOS.EOSSettings]', 'DefaultArtifactName=Live', 'bUseEAS=True');
    const cs = eosSecret();
    f.s(
      `+Artifacts=(ArtifactName="Live",ClientId="${eosClientId()}",ClientSecret="${cs}",ProductId="${t.hex(32)}",SandboxId="${t.hex(32)}",DeploymentId="${t.hex(32)}",EncryptionKey="")`,
      'generic',
      cs,
    );
    f.d(
      '+Artifacts=(ArtifactName="Dev",ClientId="<client-id>",ClientSecret="<client-secret>",ProductId="<product-id>",SandboxId="",DeploymentId="",EncryptionKey="")',
      'placeholder',
    );
    f.l('', '[EOSSDK]', 'ProductName=Skyforge');
    f.d(`ProductId="${t.hex(32)}"`, 'EOS product id');
    f.d(`SandboxId="${t.hex(32)}"`, 'EOS sandbox id');
    f.d(`DeploymentId="${t.hex(32)}"`, 'EOS deployment id');
    f.d(`ClientId="${eosClientId()}"`, 'EOS client id');
    const cs2 = eosSecret();
    f.s(`ClientSecret="${cs2}"`, 'generic', cs2);
    const ek = t.hex(64);
    f.s(`EncryptionKey="${ek}"`, 'generic', ek);
  }
  {
    const f = repo.file('Skyforge/Config/DefaultGame.ini', 'unreal-ini');
    f.l('[/Script/EngineSettings.GeneralProjectSettings]');
    f.d(`ProjectID=${upHex(32)}`, 'project GUID');
    f.l('ProjectName=Skyforge', 'CompanyName=Acme Games', '', '[/Script/Sentry.SentrySettings]');
    f.d(`Dsn="https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}"`, 'Sentry DSN (public)');
    f.l('', '[/Script/Skyforge.BackendSettings]', 'BaseUrl=https://api.skyforge-game.com');
    const bs = t.alnum(48);
    f.s(`ServerSharedSecret=${bs}`, 'generic', bs);
    f.d('ServerSharedSecret=', 'empty');
  }
  {
    const f = repo.file('Skyforge/Config/DefaultCrypto.ini', 'unreal-ini');
    f.l('[/Script/CryptoKeys.CryptoKeysSettings]');
    const ek = bytes(32).toString('base64');
    f.s(`EncryptionKey=${ek}`, 'generic', ek);
    f.l('bEnablePakSigning=True', 'bEnablePakIndexEncryption=True');
    f.d('SigningPublicExponent=AQAB', 'public exponent');
    f.d(`SigningModulus=${bytes(256).toString('base64')}`, 'RSA modulus (public)');
    const pe = bytes(256).toString('base64');
    f.s(`SigningPrivateExponent=${pe}`, 'generic', pe);
  }
  {
    const f = repo.file('Skyforge/Skyforge.uproject', 'unreal');
    f.l('{', '  "FileVersion": 3,');
    f.d(`  "EngineAssociation": "{${t.uuid().toUpperCase()}}",`, 'engine GUID');
    f.l(
      '  "Category": "",',
      '  "Modules": [{ "Name": "Skyforge", "Type": "Runtime", "LoadingPhase": "Default" }]',
      '}',
    );
  }
  {
    const f = repo.file('Skyforge/Build/Scripts/upload_egs.bat', 'unreal-script');
    f.l('@echo off', 'set BPT="C:\\Epic\\BuildPatchTool\\Engine\\Binaries\\Win64\\BuildPatchTool.exe"');
    const cs = eosSecret();
    f.s(
      `%BPT% -OrganizationId="${eosOrg()}" -ProductId="${t.hex(32)}" -ArtifactId="${t.hex(32)}" -ClientId="${eosClientId()}" -ClientSecret="${cs}" -mode=UploadBinary -BuildRoot="..\\..\\Saved\\StagedBuilds\\Windows" -CloudDir="C:\\bpt-cloud" -BuildVersion="0.9.3-win64" -AppLaunch="Skyforge.exe" -AppArgs=""`,
      'generic',
      cs,
    );
    f.d(
      `%BPT% -OrganizationId="${eosOrg()}" -ProductId="${t.hex(32)}" -ArtifactId="${t.hex(32)}" -ClientId="${eosClientId()}" -ClientSecretEnvVar="EGS_BPT_CLIENT_SECRET" -mode=ListBinaries`,
      'secret from environment variable',
    );
  }
  {
    const f = repo.file('Skyforge/Source/Skyforge/Private/Online/PlatformKeys.h', 'cpp');
    f.l('#pragma once', '');
    f.d(`#define TWITCH_CLIENT_ID "${twitch30()}"`, 'Twitch client id (public)');
    const ts = twitch30();
    f.s(`static constexpr const char* kTwitchClientSecret = "${ts}";`, 'twitch', ts);
    const sk = steamKey();
    f.s(`#define STEAM_PUBLISHER_WEB_API_KEY TEXT("${sk}")`, 'generic', sk);
    f.d(`static constexpr uint32 kSteamAppId = ${t.digits(7)};`, 'Steam app id');
  }
  {
    const f = repo.file('Skyforge/Build/Steam/app_build_1873450.vdf', 'decoys');
    f.l('"AppBuild"', '{');
    f.d(`\t"AppID" "${t.digits(7)}"`, 'Steam app id');
    f.l('\t"Desc" "nightly"', '\t"Depots"', '\t{');
    f.d(`\t\t"${t.digits(7)}" "depot_build_win64.vdf"`, 'depot id');
    f.l('\t}', '}');
    repo.file('Skyforge/steam_appid.txt', 'decoys').d(t.digits(7), 'Steam app id file');
  }
  {
    const f = repo.file('Skyforge/Build/Steam/upload.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const sp = pw();
    f.s(`steamcmd +login acme_builder '${sp}' +run_app_build "$(pwd)/app_build_1873450.vdf" +quit`, 'generic', sp);
    f.d(
      'steamcmd +login acme_builder "$STEAM_BUILD_PASSWORD" +run_app_build "$(pwd)/app_build_1873450.vdf" +quit',
      'variable',
    );
  }

  // ---- Godot ------------------------------------------------------------------------------
  {
    const f = repo.file('godot/project.godot', 'godot');
    f.l('config_version=5', '', '[application]', '', 'config/name="Pixel Harbor"');
    f.d(`run/main_scene="uid://${t.pick(LOWER + DIGIT, 13)}"`, 'Godot resource uid');
    f.l(
      'config/features=PackedStringArray("4.2", "Forward Plus")',
      'config/icon="res://icon.svg"',
      '',
      '[autoload]',
      'Net="*res://autoload/net.gd"',
    );
  }
  {
    const f = repo.file('godot/export_presets.cfg', 'godot');
    f.l('[preset.0]', '', 'name="Android"', 'platform="Android"', 'runnable=true', '', '[preset.0.options]', '');
    f.l('keystore/debug="res://keystores/debug.keystore"', 'keystore/debug_user="androiddebugkey"');
    f.d('keystore/debug_password="android"', 'well-known debug keystore default');
    f.l('keystore/release="res://keystores/release.keystore"', 'keystore/release_user="pixelharbor"');
    const rp = pw();
    f.s(`keystore/release_password="${rp}"`, 'generic', rp);
    f.l('', '[preset.1]', '', 'name="Windows Desktop"', 'platform="Windows Desktop"', '', '[preset.1.options]', '');
    f.l('codesign/enable=true', 'codesign/identity_type=0', 'codesign/identity="res://certs/acme.pfx"');
    const cp = pw();
    f.s(`codesign/password="${cp}"`, 'generic', cp);
    f.l('', '[preset.2]', '', 'name="macOS"', 'platform="macOS"', '', '[preset.2.options]', '');
    f.d(`codesign/identity="Developer ID Application: Acme Games (${teamId()})"`, 'signing identity name');
    f.l('notarization/notarization=1', 'notarization/apple_id_name="release@acme-games.io"');
    const an = appleAsp();
    f.s(`notarization/apple_id_password="${an}"`, 'generic', an);
    f.d('notarization/api_uuid=""', 'empty');
  }
  {
    const f = repo.file('godot/.godot/export_credentials.cfg', 'godot');
    f.l('[preset.0]', '');
    const ek = t.hex(64);
    f.s(`script_encryption_key="${ek}"`, 'generic', ek);
    f.l('', '[preset.0.options]', '');
    const kp = pw();
    f.s(`keystore/release_password="${kp}"`, 'generic', kp);
    f.d('keystore/release_password=""', 'empty');
  }
  {
    const f = repo.file('godot/assets/sprites/hero.png.import', 'decoys');
    f.l('[remap]', '', 'importer="texture"', 'type="CompressedTexture2D"');
    f.d(`uid="uid://${t.pick(LOWER + DIGIT, 13)}"`, 'Godot uid');
    f.d(`path="res://.godot/imported/hero.png-${t.pick(HEX, 32)}.ctex"`, 'import hash');
    f.l('', '[deps]', '');
    f.d(`source_md5="${t.pick(HEX, 32)}"`, 'md5');
  }
  {
    const f = repo.file('godot/addons/discord_bridge/bridge.gd', 'godot');
    f.l('extends Node', '');
    f.d(`const APPLICATION_ID := ${snowflake()}`, 'Discord application id (public)');
    const bt = discordBot();
    f.s(`const BOT_TOKEN := "${bt}"`, 'discord', bt);
    f.l('', 'func _ready() -> void:', '\tpass');
  }

  // ---- Discord / Twitch tools -------------------------------------------------------------
  {
    const f = repo.file('tools/discord-bot/.env', 'env');
    const bt = discordBot();
    f.s(`DISCORD_TOKEN=${bt}`, 'discord', bt);
    f.d(`DISCORD_CLIENT_ID=${snowflake()}`, 'Discord application id');
    const cs = discordSecret();
    f.s(`DISCORD_CLIENT_SECRET=${cs}`, 'discord', cs);
    f.d(`DISCORD_PUBLIC_KEY=${t.pick(HEX, 64)}`, 'interactions public key');
    f.d(`DISCORD_GUILD_ID=${snowflake()}`, 'guild id');
  }
  {
    const f = repo.file('tools/discord-bot/config.json', 'json');
    f.l('{');
    const bt = discordBot();
    f.s(`  "token": "${bt}",`, 'discord', bt);
    f.d(`  "clientId": "${snowflake()}",`, 'Discord application id');
    f.d(`  "releaseChannelId": "${snowflake()}",`, 'channel id');
    f.l('  "prefix": "!"', '}');
  }
  {
    const f = repo.file('tools/stream-overlay/settings.ini', 'ini');
    f.l('[twitch]', 'channel=acmegames');
    f.d(`client_id=${twitch30()}`, 'Twitch client id (public)');
    const cs = twitch30();
    f.s(`client_secret=${cs}`, 'twitch', cs);
    const ot = twitch30();
    f.s(`irc_password=oauth:${ot}`, 'twitch', ot);
    const sk = `live_${t.digits(9)}_${t.mixed(ALNUM, 30)}`;
    f.s(`stream_key=${sk}`, 'twitch', sk);
  }

  // ---- Electron -----------------------------------------------------------------------------
  {
    const f = repo.file('desktop/electron-builder.yml', 'electron');
    f.d('appId: com.acmegames.launcher', 'bundle id');
    f.l(
      'productName: Acme Launcher',
      'publish:',
      '  - provider: github',
      '    owner: acme-games',
      '    repo: launcher-releases',
      '    private: true',
    );
    const gh = t.github();
    f.s(`    token: ${gh}`, 'github', gh);
    f.l('mac:', '  hardenedRuntime: true', '  notarize:');
    f.d(`    teamId: ${teamId()}`, 'Apple team id');
    f.l('win:', '  certificateFile: build/certs/acme-codesign.pfx');
    const cp = pw();
    f.s(`  certificatePassword: "${cp}"`, 'generic', cp);
    f.d('  certificateSha1: ' + t.pick(HEX, 40).toUpperCase(), 'certificate thumbprint');
  }
  {
    const f = repo.file('desktop/electron-builder.env', 'env');
    const gh = t.github();
    f.s(`GH_TOKEN=${gh}`, 'github', gh);
    const pfx = pfxBase64();
    f.s(`CSC_LINK=${pfx}`, 'private-key', pfx);
    const ck = pw();
    f.s(`CSC_KEY_PASSWORD=${ck}`, 'generic', ck);
    const wk = pw();
    f.s(`WIN_CSC_KEY_PASSWORD=${wk}`, 'generic', wk);
    f.l('APPLE_ID=release@acme-games.io');
    const asp = appleAsp();
    f.s(`APPLE_APP_SPECIFIC_PASSWORD=${asp}`, 'generic', asp);
    f.d(`APPLE_TEAM_ID=${teamId()}`, 'Apple team id');
    const ak = t.awsId();
    f.s(`AWS_ACCESS_KEY_ID=${ak}`, 'aws', ak);
    const as = t.awsSecret();
    f.s(`AWS_SECRET_ACCESS_KEY=${as}`, 'aws', as);
  }
  {
    const f = repo.file('desktop/scripts/notarize.js', 'electron');
    f.l(
      "const { notarize } = require('@electron/notarize');",
      '',
      'exports.default = async function notarizing(context) {',
      '  return notarize({',
    );
    f.l('    appPath: `${context.appOutDir}/Acme Launcher.app`,', "    appleId: 'release@acme-games.io',");
    const asp = appleAsp();
    f.s(`    appleIdPassword: '${asp}',`, 'generic', asp);
    f.d(`    teamId: '${teamId()}',`, 'Apple team id');
    f.l('  });', '};');
    f.d(`// API-key variant: appleApiKeyId: '${teamId()}', appleApiIssuer: '${t.uuid()}'`, 'key id and issuer id');
  }
  {
    const f = repo.file('desktop/src/main/updater.ts', 'electron');
    f.l("import { autoUpdater } from 'electron-updater';", '');
    const gh = t.github();
    f.s(
      `autoUpdater.setFeedURL({ provider: 'github', owner: 'acme-games', repo: 'launcher-releases', private: true, token: '${gh}' });`,
      'github',
      gh,
    );
    f.d(
      "autoUpdater.setFeedURL({ provider: 'github', owner: 'acme-games', repo: 'launcher', token: process.env.GH_TOKEN });",
      'env',
    );
  }
  {
    const f = repo.file('desktop/sentry.properties', 'electron');
    f.l('defaults.url=https://sentry.io/', 'defaults.org=acme-games', 'defaults.project=launcher');
    const st = `sntryu_${t.hex(64)}`;
    f.s(`auth.token=${st}`, 'sentry', st);
  }
  {
    const f = repo.file('desktop/.github/workflows/release.yml', 'ci');
    f.l(
      'name: release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'jobs:',
      '  build:',
      '    runs-on: windows-latest',
      '    env:',
    );
    f.d('      GH_TOKEN: ${{ secrets.GH_TOKEN }}', 'secrets reference');
    f.d('      CSC_KEY_PASSWORD: ${{ secrets.CSC_KEY_PASSWORD }}', 'secrets reference');
    const wk = pw();
    f.s(`      WIN_CSC_KEY_PASSWORD: "${wk}"`, 'generic', wk);
    f.d(`      AZURE_TENANT_ID: ${t.uuid()}`, 'tenant id');
    f.d(`      AZURE_CLIENT_ID: ${t.uuid()}`, 'client id');
    const az = t.azureClientSecret();
    f.s(`      AZURE_CLIENT_SECRET: ${az}`, 'azure', az);
    f.l('    steps:', '      - uses: actions/checkout@v4', '      - run: npx electron-builder --win --publish always');
  }

  // ---- Tauri / Sparkle ----------------------------------------------------------------------
  {
    const f = repo.file('desktop-tauri/src-tauri/tauri.conf.json', 'tauri');
    f.l(
      '{',
      '  "productName": "Pixel Harbor Editor",',
      '  "identifier": "com.acmegames.harbor-editor",',
      '  "plugins": {',
      '    "updater": {',
    );
    f.d(`      "pubkey": "${minisignPublic()}",`, 'Tauri updater public key');
    f.l(
      '      "endpoints": ["https://releases.acme-games.io/harbor/{{target}}/{{current_version}}"]',
      '    }',
      '  }',
      '}',
    );
  }
  {
    const f = repo.file('desktop-tauri/.env.release', 'env');
    const sk = minisignSecret();
    f.s(`TAURI_SIGNING_PRIVATE_KEY=${sk}`, 'private-key', sk);
    const sp = pw();
    f.s(`TAURI_SIGNING_PRIVATE_KEY_PASSWORD=${sp}`, 'generic', sp);
  }
  {
    const k = minisignSecret();
    repo.file('desktop-tauri/src-tauri/keys/updater.key', 'tauri').s(k, 'private-key', k);
    repo.file('desktop-tauri/src-tauri/keys/updater.key.pub', 'tauri').d(minisignPublic(), 'public key');
  }
  {
    const f = repo.file('mac/Sparkle/Info.plist', 'plist');
    f.l(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<plist version="1.0">',
      '<dict>',
      '  <key>SUFeedURL</key>',
      '  <string>https://releases.acme-games.io/launcher/appcast.xml</string>',
      '  <key>SUPublicEDKey</key>',
    );
    f.d(`  <string>${bytes(32).toString('base64')}</string>`, 'Sparkle public EdDSA key');
    f.l('</dict>', '</plist>');
  }
  {
    const f = repo.file('mac/Sparkle/release.sh', 'shell');
    f.l('#!/bin/bash', 'set -e');
    const sk = bytes(32).toString('base64');
    f.s(`SPARKLE_PRIVATE_KEY="${sk}"`, 'generic', sk);
    f.d(
      'echo "$SPARKLE_PRIVATE_KEY" | ./bin/sign_update --ed-key-file - "build/AcmeLauncher-$VERSION.zip"',
      'variable',
    );
    const sk2 = bytes(32).toString('base64');
    f.s(`./bin/sign_update -s ${sk2} build/AcmeLauncher-hotfix.zip`, 'generic', sk2);
  }
  {
    const f = repo.file('mac/Sparkle/appcast.xml', 'decoys');
    f.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<rss version="2.0" xmlns:sparkle="http://www.andymatuschak.org/xml-namespaces/sparkle">',
      '  <channel>',
      '    <item>',
      '      <title>1.4.2</title>',
    );
    f.d(
      `      <enclosure url="https://releases.acme-games.io/launcher/AcmeLauncher-1.4.2.zip" sparkle:edSignature="${bytes(64).toString('base64')}" length="${t.digits(8)}" type="application/octet-stream"/>`,
      'EdDSA signature',
    );
    f.l('    </item>', '  </channel>', '</rss>');
  }
  {
    const p8 = ascP8();
    repo.file('mac/keys/AuthKey_' + teamId() + '.p8', 'keys').s(p8, 'private-key', p8.join('\n'));
  }

  // ---- .NET / Windows signing ---------------------------------------------------------------
  {
    const f = repo.file('windows/AcmeLauncher/App.config', 'dotnet');
    f.l('<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <connectionStrings>');
    const dp = pwAlnum();
    f.s(
      `    <add name="LauncherDb" connectionString="Data Source=sql01.acme-games.io;Initial Catalog=Launcher;User ID=launcher;Password=${dp};" providerName="System.Data.SqlClient" />`,
      'database',
      dp,
    );
    f.d(
      '    <add name="LocalCache" connectionString="Data Source=(LocalDB)\\MSSQLLocalDB;Integrated Security=True;Initial Catalog=Cache" />',
      'integrated security',
    );
    f.l('  </connectionStrings>', '  <appSettings>');
    const sk = steamKey();
    f.s(`    <add key="SteamWebApiKey" value="${sk}" />`, 'generic', sk);
    f.d('    <add key="SteamWebApiKey.Placeholder" value="YOUR_STEAM_WEB_API_KEY" />', 'placeholder');
    f.d('    <add key="TelemetryEndpoint" value="https://telemetry.acme-games.io/v2/ingest" />', 'url');
    f.l('  </appSettings>', '</configuration>');
  }
  {
    const f = repo.file('windows/AcmeLauncher/Properties/Settings.settings', 'dotnet');
    f.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<SettingsFile xmlns="http://schemas.microsoft.com/VisualStudio/2004/01/settings" CurrentProfile="(Default)">',
      '  <Settings>',
    );
    f.l('    <Setting Name="PlayFabTitleId" Type="System.String" Scope="Application">');
    f.d(`      <Value Profile="(Default)">${playfabTitle()}</Value>`, 'PlayFab title id');
    f.l('    </Setting>', '    <Setting Name="PlayFabSecretKey" Type="System.String" Scope="Application">');
    const ps = playfabSecret();
    f.s(`      <Value Profile="(Default)">${ps}</Value>`, 'generic', ps);
    f.l('    </Setting>', '  </Settings>', '</SettingsFile>');
    const g = repo.file('windows/AcmeLauncher/Properties/Settings.Designer.cs', 'dotnet');
    g.l(
      'namespace AcmeLauncher.Properties {',
      '    internal sealed partial class Settings {',
      '        [global::System.Configuration.ApplicationScopedSettingAttribute()]',
    );
    g.s(`        [global::System.Configuration.DefaultSettingValueAttribute("${ps}")]`, 'generic', ps);
    g.l(
      '        public string PlayFabSecretKey { get { return ((string)(this["PlayFabSecretKey"])); } }',
      '    }',
      '}',
    );
  }
  {
    const f = repo.file('windows/sign.bat', 'windows');
    f.l('@echo off');
    const sp = pw();
    f.s(
      `signtool sign /f certs\\acme-codesign.pfx /p ${sp} /tr http://timestamp.digicert.com /td sha256 /fd sha256 bin\\Release\\AcmeLauncher.exe`,
      'generic',
      sp,
    );
    f.d(
      `signtool sign /sha1 ${t.pick(HEX, 40).toUpperCase()} /tr http://timestamp.digicert.com /td sha256 /fd sha256 bin\\Release\\AcmeLauncher.exe`,
      'certificate thumbprint',
    );
  }
  {
    const f = repo.file('windows/installer/AcmeLauncher.iss', 'windows');
    f.l('[Setup]', 'AppName=Acme Launcher');
    f.d(`AppId={{${t.uuid().toUpperCase()}}`, 'Inno Setup AppId');
    const sp = pwAlnum();
    f.s(`SignTool=signtool sign /f $qcerts\\acme.pfx$q /p ${sp} /t http://timestamp.digicert.com $f`, 'generic', sp);
  }

  // ---- Qt / C++ / Java -----------------------------------------------------------------------
  {
    const f = repo.file('qt-tools/ModManager/src/config.h', 'cpp');
    f.l('#pragma once', '#include <QString>', '');
    f.d(`#define MODMANAGER_APP_GUID "{${t.uuid()}}"`, 'app guid');
    const us = t.alnum(40);
    f.s(`static const char kUpdateServerSecret[] = "${us}";`, 'generic', us);
    f.d('static const QString kApiKeyHeader = QStringLiteral("X-Api-Key");', 'header name');
  }
  {
    const f = repo.file('qt-tools/ModManager/CMakeLists.txt', 'cmake');
    f.l(
      'cmake_minimum_required(VERSION 3.21)',
      'project(ModManager LANGUAGES CXX)',
      'add_executable(modmanager src/main.cpp)',
    );
    const sk = steamKey();
    f.s(`target_compile_definitions(modmanager PRIVATE STEAM_WEB_API_KEY="${sk}")`, 'generic', sk);
    f.d('target_compile_definitions(modmanager PRIVATE STEAM_WEB_API_KEY="$ENV{STEAM_WEB_API_KEY}")', 'env reference');
  }
  {
    const f = repo.file('java-launcher/build.gradle.kts', 'gradle');
    f.l(
      'tasks.register<Exec>("signJar") {',
      '    commandLine(',
      '        "jarsigner",',
      '        "-keystore", "release.jks",',
    );
    const sp = pw();
    f.s(`        "-storepass", "${sp}",`, 'generic', sp);
    const kp = pw();
    f.s(`        "-keypass", "${kp}",`, 'generic', kp);
    f.l('        "build/libs/launcher.jar", "acme"', '    )', '}');
  }
  {
    const f = repo.file('java-launcher/package-mac.sh', 'shell');
    f.l('#!/bin/sh');
    f.d(
      `jpackage --type dmg --name AcmeLauncher --input build/libs --main-jar launcher.jar --mac-sign --mac-signing-key-user-name "Acme Games (${teamId()})"`,
      'signing identity',
    );
    const np = appleAsp();
    f.s(
      `xcrun notarytool store-credentials "AC_NOTARY" --apple-id release@acme-games.io --team-id ${teamId()} --password ${np}`,
      'generic',
      np,
    );
    const np2 = appleAsp();
    f.s(
      `xcrun notarytool submit out/AcmeLauncher.dmg --apple-id release@acme-games.io --team-id ${teamId()} --password "${np2}" --wait`,
      'generic',
      np2,
    );
    f.d('xcrun notarytool submit out/AcmeLauncher.dmg --keychain-profile "AC_NOTARY" --wait', 'keychain profile');
    f.d(
      `xcrun notarytool submit out/AcmeLauncher.dmg --key mac/keys/AuthKey.p8 --key-id ${teamId()} --issuer ${t.uuid()} --wait`,
      'key id and issuer',
    );
  }

  // ---- consoles -----------------------------------------------------------------------------
  {
    const f = repo.file('platforms/xbox/MicrosoftGame.config', 'console');
    f.l(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Game configVersion="1">',
      '  <Identity Name="AcmeGames.Skyforge" Publisher="CN=Acme Games" Version="1.0.0.0"/>',
    );
    f.d(`  <TitleId>${t.pick('0123456789ABCDEF', 8)}</TitleId>`, 'Xbox title id');
    f.d(`  <MSAAppId>0000000040${t.pick('0123456789ABCDEF', 6)}</MSAAppId>`, 'MSA app id');
    f.d(`  <StoreId>9N${t.mixed(UPPER + DIGIT, 10)}</StoreId>`, 'Store id');
    f.d(
      `  <ExtendedAttributeList><ExtendedAttribute Name="Scid" Value="${t.uuid()}"/></ExtendedAttributeList>`,
      'service config id',
    );
    f.l('</Game>');
  }
  {
    const f = repo.file('platforms/xbox/store-submission.json', 'console');
    f.l('{');
    f.d(`  "tenantId": "${t.uuid()}",`, 'tenant id');
    f.d(`  "clientId": "${t.uuid()}",`, 'client id');
    const az = t.azureClientSecret();
    f.s(`  "clientSecret": "${az}",`, 'azure', az);
    f.d(`  "applicationId": "9N${t.mixed(UPPER + DIGIT, 10)}"`, 'Store id');
    f.l('}');
  }
  {
    const f = repo.file('platforms/playstation/param.json', 'console');
    f.l('{');
    const tid = `PPSA${t.pick(DIGIT, 5)}`;
    f.d(`  "titleId": "${tid}",`, 'PlayStation title id');
    f.d(`  "contentId": "UP${t.pick(DIGIT, 4)}-${tid}_00-SKYFORGE00000000",`, 'PlayStation content id');
    f.l('  "contentVersion": "01.000.000",', '  "masterVersion": "01.00"', '}');
  }

  // ---- dedicated servers --------------------------------------------------------------------
  {
    const f = repo.file('servers/cs2/game/csgo/cfg/server.cfg', 'gameserver');
    f.l('hostname "Acme Community #1 | 128 tick"');
    const rc = pwAlnum();
    f.s(`rcon_password "${rc}"`, 'generic', rc);
    const sv = pwAlnum();
    f.s(`sv_password "${sv}"`, 'generic', sv);
    const gslt = steamKey();
    f.s(`sv_setsteamaccount ${gslt}`, 'generic', gslt);
    f.d('sv_password ""', 'empty');
    f.d('// rcon_password "changeme"', 'commented placeholder');
  }
  {
    const f = repo.file('servers/minecraft/server.properties', 'gameserver');
    f.l('#Minecraft server properties', 'enable-rcon=true', 'rcon.port=25575');
    const rc = pwAlnum();
    f.s(`rcon.password=${rc}`, 'generic', rc);
    f.d(`level-seed=-${t.digits(18)}`, 'world seed');
    f.d(`resource-pack-sha1=${t.sha1()}`, 'resource pack hash');
    f.l('motd=Acme SMP', 'max-players=40');
  }
  {
    const f = repo.file('servers/minecraft/.env', 'env');
    f.l('TYPE=AUTO_CURSEFORGE', 'CF_SLUG=all-the-mods-9');
    const cf = `$2a$10$${t.mixed(ALNUM + './', 53)}`;
    f.s(`CF_API_KEY=${cf}`, 'generic', cf);
    const rc = pwAlnum();
    f.s(`RCON_PASSWORD=${rc}`, 'generic', rc);
  }
  {
    const f = repo.file('servers/panel/config.yml', 'gameserver');
    f.l('panel:', '  listen: 0.0.0.0:8443', '  admin:', '    username: admin');
    f.d(`    password_hash: "$2b$12$${t.mixed(ALNUM + './', 53)}"`, 'bcrypt hash');
  }
  {
    const f = repo.file('servers/valheim/start_server.sh', 'gameserver');
    f.l('#!/bin/bash', 'export SteamAppId=892970');
    const vp = pwAlnum();
    f.s(
      `./valheim_server.x86_64 -name "Acme Vikings" -port 2456 -world "Dedicated" -password "${vp}" -public 1 -crossplay`,
      'generic',
      vp,
    );
  }
  {
    const f = repo.file('servers/ark/ShooterGame/Saved/Config/LinuxServer/GameUserSettings.ini', 'gameserver');
    f.l('[ServerSettings]');
    const ap = pwAlnum();
    f.s(`ServerAdminPassword=${ap}`, 'generic', ap);
    const sp = pwAlnum();
    f.s(`ServerPassword=${sp}`, 'generic', sp);
    f.l('DifficultyOffset=1.0', 'RCONEnabled=True', 'RCONPort=27020', '[SessionSettings]', 'SessionName=Acme ARK PvE');
  }
  {
    const f = repo.file('servers/rust/server/acme/cfg/server.cfg', 'gameserver');
    f.l('server.hostname "Acme Rust | Monthly"');
    f.d(`server.seed ${t.digits(9)}`, 'map seed');
    f.d(`server.salt ${t.digits(6)}`, 'map salt');
    const rp = pwAlnum();
    f.s(`rcon.password "${rp}"`, 'generic', rp);
    f.l('rcon.web 1');
  }
  {
    const f = repo.file('servers/palworld/Pal/Saved/Config/LinuxServer/PalWorldSettings.ini', 'gameserver');
    f.l('[/Script/Pal.PalGameWorldSettings]');
    const ap = pwAlnum();
    f.s(
      `OptionSettings=(Difficulty=None,DayTimeSpeedRate=1.000000,ExpRate=1.000000,ServerPlayerMaxNum=32,ServerName="Acme Pals",ServerDescription="",AdminPassword="${ap}",ServerPassword="",PublicPort=8211,RCONEnabled=True,RCONPort=25575)`,
      'generic',
      ap,
    );
  }
  {
    const f = repo.file('servers/dayz/battleye/BEServer_x64.cfg', 'gameserver');
    const rp = pwAlnum();
    f.s(`RConPassword ${rp}`, 'generic', rp);
    f.l('RConPort 2306', 'RestrictRCon 0');
  }
  {
    const f = repo.file('servers/factorio/data/server-settings.json', 'gameserver');
    f.l('{', '  "name": "Acme Factory",', '  "visibility": { "public": false, "lan": true },', '  "username": "",');
    f.d('  "token": "",', 'empty');
    const gp = pwAlnum();
    f.s(`  "game_password": "${gp}",`, 'generic', gp);
    f.l('  "max_players": 16', '}');
  }
  {
    const f = repo.file('servers/matchmaker/.env', 'env');
    const rp = pwAlnum();
    f.s(`REDIS_URL=redis://:${rp}@redis.mm.acme-games.io:6379/2`, 'database', rp);
    const mp = pwAlnum();
    f.s(
      `MONGO_URI=mongodb+srv://matchmaker:${mp}@cluster0.${t.lower(5)}.mongodb.net/mm?retryWrites=true&w=majority`,
      'mongodb',
      mp,
    );
    const sk = steamKey();
    f.s(`STEAM_WEB_API_KEY=${sk}`, 'generic', sk);
    const ps = playfabSecret();
    f.s(`PLAYFAB_SECRET_KEY=${ps}`, 'generic', ps);
    f.d(`PLAYFAB_TITLE_ID=${playfabTitle()}`, 'PlayFab title id');
    const wh = discordWebhook();
    f.s(`DISCORD_ALERT_WEBHOOK=${wh}`, 'discord', wh);
    f.d('EOS_CLIENT_SECRET=', 'empty');
    f.d('STEAM_WEB_API_KEY_EXAMPLE=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'placeholder');
  }
  {
    const f = repo.file('servers/matchmaker/.env.example', 'env');
    f.d('STEAM_WEB_API_KEY=your-steam-web-api-key', 'placeholder');
    f.d('PLAYFAB_SECRET_KEY=<playfab-developer-secret-key>', 'placeholder');
    f.d('DISCORD_TOKEN=', 'empty');
    f.d('RCON_PASSWORD=changeme', 'placeholder');
  }
  {
    const f = repo.file('logs/launcher-2026-05-14.log', 'logs');
    f.l('[09:14:02] INFO  launcher 1.4.2 starting');
    const sk = steamKey();
    f.s(
      `[09:14:03] DEBUG GET https://api.steampowered.com/ISteamUser/GetPlayerSummaries/v2/?key=${sk}&steamids=7656119${t.pick(DIGIT, 10)} -> 200`,
      'generic',
      sk,
    );
    f.d(`[09:14:03] INFO  logged in steamid=7656119${t.pick(DIGIT, 10)} session=${t.uuid()}`, 'ids');
    f.d(`[09:14:04] INFO  patch manifest ${t.digits(19)} sha1=${t.sha1()}`, 'manifest id and hash');
  }
  {
    const f = repo.file('docs/release-checklist.md', 'docs');
    f.l(
      '# Release checklist',
      '',
      '1. Bump the version in `package.json` and `Skyforge.uproject`.',
      '2. Run `butler push` with `BUTLER_API_KEY` from the vault.',
    );
    f.d('3. The Steam app id `480` is Spacewar and only for testing.', 'prose');
    f.d('4. Never commit `export_credentials.cfg` — it holds keystore passwords.', 'prose');
    const asp = appleAsp();
    f.s(`5. Notarization fallback (temporary): app-specific password \`${asp}\``, 'generic', asp);
  }
  return repo;
}
