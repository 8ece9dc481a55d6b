// Red-team suite "web3": blockchain and web3 projects — Hardhat, Foundry, Truffle and Brownie
// configs, .env files, ethers/web3.js/web3.py code with raw private keys, BIP-39 mnemonics (valid
// checksums), Solana keypair arrays and base58 secret keys, Tendermint/Cosmos validator and node
// keys, Bitcoin WIF and xprv keys, NEAR/Aptos/Sui key files, LND macaroons, RPC provider URLs with
// keys (Infura, Alchemy, QuickNode, Ankr, Helius, Blockfrost), block explorer keys (Etherscan,
// BscScan, Polygonscan), The Graph deploy keys, Pinata/NFT.Storage/web3.storage tokens, Moralis
// keys and Chainlink node secrets. Decoys: Hardhat/Anvil's documented test accounts and the
// "test … junk" mnemonic, BIP-32/BIP-39 test vectors, addresses, transaction/block hashes,
// bytecode, ABI, ENS names, public keys, xpubs, signatures, CIDs, WalletConnect project ids,
// encrypted keystores and MetaMask vaults, and placeholders. Every random value comes from the
// seeded PRNG at run time; keys are real curve keys and checksums are computed.
import { createECDH, createHash, createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import { ALNUM, DIGIT, HEX, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

// The BIP-39 English wordlist (public reference data, bitcoin/bips bip-0039/english.txt).
const WORDS =
  'abandon ability able about above absent absorb abstract absurd abuse access accident account accuse achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle announce annual another answer antenna antique anxiety any apart apology appear apple approve april arch arctic area arena argue arm armed armor army around arrange arrest arrive arrow art artefact artist artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude attract auction audit august aunt author auto autumn average avocado avoid awake aware away awesome awful awkward axis baby bachelor bacon badge bag balance balcony ball bamboo banana banner bar barely bargain barrel base basic basket battle beach bean beauty because become beef before begin behave behind believe below belt bench benefit best betray better between beyond bicycle bid bike bind biology bird birth bitter black blade blame blanket blast bleak bless blind blood blossom blouse blue blur blush board boat body boil bomb bone bonus book boost border boring borrow boss bottom bounce box boy bracket brain brand brass brave bread breeze brick bridge brief bright bring brisk broccoli broken bronze broom brother brown brush bubble buddy budget buffalo build bulb bulk bullet bundle bunker burden burger burst bus business busy butter buyer buzz cabbage cabin cable cactus cage cake call calm camera camp can canal cancel candy cannon canoe canvas canyon capable capital captain car carbon card cargo carpet carry cart case cash casino castle casual cat catalog catch category cattle caught cause caution cave ceiling celery cement census century cereal certain chair chalk champion change chaos chapter charge chase chat cheap check cheese chef cherry chest chicken chief child chimney choice choose chronic chuckle chunk churn cigar cinnamon circle citizen city civil claim clap clarify claw clay clean clerk clever click client cliff climb clinic clip clock clog close cloth cloud clown club clump cluster clutch coach coast coconut code coffee coil coin collect color column combine come comfort comic common company concert conduct confirm congress connect consider control convince cook cool copper copy coral core corn correct cost cotton couch country couple course cousin cover coyote crack cradle craft cram crane crash crater crawl crazy cream credit creek crew cricket crime crisp critic crop cross crouch crowd crucial cruel cruise crumble crunch crush cry crystal cube culture cup cupboard curious current curtain curve cushion custom cute cycle dad damage damp dance danger daring dash daughter dawn day deal debate debris decade december decide decline decorate decrease deer defense define defy degree delay deliver demand demise denial dentist deny depart depend deposit depth deputy derive describe desert design desk despair destroy detail detect develop device devote diagram dial diamond diary dice diesel diet differ digital dignity dilemma dinner dinosaur direct dirt disagree discover disease dish dismiss disorder display distance divert divide divorce dizzy doctor document dog doll dolphin domain donate donkey donor door dose double dove draft dragon drama drastic draw dream dress drift drill drink drip drive drop drum dry duck dumb dune during dust dutch duty dwarf dynamic eager eagle early earn earth easily east easy echo ecology economy edge edit educate effort egg eight either elbow elder electric elegant element elephant elevator elite else embark embody embrace emerge emotion employ empower empty enable enact end endless endorse enemy energy enforce engage engine enhance enjoy enlist enough enrich enroll ensure enter entire entry envelope episode equal equip era erase erode erosion error erupt escape essay essence estate eternal ethics evidence evil evoke evolve exact example excess exchange excite exclude excuse execute exercise exhaust exhibit exile exist exit exotic expand expect expire explain expose express extend extra eye eyebrow fabric face faculty fade faint faith fall false fame family famous fan fancy fantasy farm fashion fat fatal father fatigue fault favorite feature february federal fee feed feel female fence festival fetch fever few fiber fiction field figure file film filter final find fine finger finish fire firm first fiscal fish fit fitness fix flag flame flash flat flavor flee flight flip float flock floor flower fluid flush fly foam focus fog foil fold follow food foot force forest forget fork fortune forum forward fossil foster found fox fragile frame frequent fresh friend fringe frog front frost frown frozen fruit fuel fun funny furnace fury future gadget gain galaxy gallery game gap garage garbage garden garlic garment gas gasp gate gather gauge gaze general genius genre gentle genuine gesture ghost giant gift giggle ginger giraffe girl give glad glance glare glass glide glimpse globe gloom glory glove glow glue goat goddess gold good goose gorilla gospel gossip govern gown grab grace grain grant grape grass gravity great green grid grief grit grocery group grow grunt guard guess guide guilt guitar gun gym habit hair half hammer hamster hand happy harbor hard harsh harvest hat have hawk hazard head health heart heavy hedgehog height hello helmet help hen hero hidden high hill hint hip hire history hobby hockey hold hole holiday hollow home honey hood hope horn horror horse hospital host hotel hour hover hub huge human humble humor hundred hungry hunt hurdle hurry hurt husband hybrid ice icon idea identify idle ignore ill illegal illness image imitate immense immune impact impose improve impulse inch include income increase index indicate indoor industry infant inflict inform inhale inherit initial inject injury inmate inner innocent input inquiry insane insect inside inspire install intact interest into invest invite involve iron island isolate issue item ivory jacket jaguar jar jazz jealous jeans jelly jewel job join joke journey joy judge juice jump jungle junior junk just kangaroo keen keep ketchup key kick kid kidney kind kingdom kiss kit kitchen kite kitten kiwi knee knife knock know lab label labor ladder lady lake lamp language laptop large later latin laugh laundry lava law lawn lawsuit layer lazy leader leaf learn leave lecture left leg legal legend leisure lemon lend length lens leopard lesson letter level liar liberty library license life lift light like limb limit link lion liquid list little live lizard load loan lobster local lock logic lonely long loop lottery loud lounge love loyal lucky luggage lumber lunar lunch luxury lyrics machine mad magic magnet maid mail main major make mammal man manage mandate mango mansion manual maple marble march margin marine market marriage mask mass master match material math matrix matter maximum maze meadow mean measure meat mechanic medal media melody melt member memory mention menu mercy merge merit merry mesh message metal method middle midnight milk million mimic mind minimum minor minute miracle mirror misery miss mistake mix mixed mixture mobile model modify mom moment monitor monkey monster month moon moral more morning mosquito mother motion motor mountain mouse move movie much muffin mule multiply muscle museum mushroom music must mutual myself mystery myth naive name napkin narrow nasty nation nature near neck need negative neglect neither nephew nerve nest net network neutral never news next nice night noble noise nominee noodle normal north nose notable note nothing notice novel now nuclear number nurse nut oak obey object oblige obscure observe obtain obvious occur ocean october odor off offer office often oil okay old olive olympic omit once one onion online only open opera opinion oppose option orange orbit orchard order ordinary organ orient original orphan ostrich other outdoor outer output outside oval oven over own owner oxygen oyster ozone pact paddle page pair palace palm panda panel panic panther paper parade parent park parrot party pass patch path patient patrol pattern pause pave payment peace peanut pear peasant pelican pen penalty pencil people pepper perfect permit person pet phone photo phrase physical piano picnic picture piece pig pigeon pill pilot pink pioneer pipe pistol pitch pizza place planet plastic plate play please pledge pluck plug plunge poem poet point polar pole police pond pony pool popular portion position possible post potato pottery poverty powder power practice praise predict prefer prepare present pretty prevent price pride primary print priority prison private prize problem process produce profit program project promote proof property prosper protect proud provide public pudding pull pulp pulse pumpkin punch pupil puppy purchase purity purpose purse push put puzzle pyramid quality quantum quarter question quick quit quiz quote rabbit raccoon race rack radar radio rail rain raise rally ramp ranch random range rapid rare rate rather raven raw razor ready real reason rebel rebuild recall receive recipe record recycle reduce reflect reform refuse region regret regular reject relax release relief rely remain remember remind remove render renew rent reopen repair repeat replace report require rescue resemble resist resource response result retire retreat return reunion reveal review reward rhythm rib ribbon rice rich ride ridge rifle right rigid ring riot ripple risk ritual rival river road roast robot robust rocket romance roof rookie room rose rotate rough round route royal rubber rude rug rule run runway rural sad saddle sadness safe sail salad salmon salon salt salute same sample sand satisfy satoshi sauce sausage save say scale scan scare scatter scene scheme school science scissors scorpion scout scrap screen script scrub sea search season seat second secret section security seed seek segment select sell seminar senior sense sentence series service session settle setup seven shadow shaft shallow share shed shell sheriff shield shift shine ship shiver shock shoe shoot shop short shoulder shove shrimp shrug shuffle shy sibling sick side siege sight sign silent silk silly silver similar simple since sing siren sister situate six size skate sketch ski skill skin skirt skull slab slam sleep slender slice slide slight slim slogan slot slow slush small smart smile smoke smooth snack snake snap sniff snow soap soccer social sock soda soft solar soldier solid solution solve someone song soon sorry sort soul sound soup source south space spare spatial spawn speak special speed spell spend sphere spice spider spike spin spirit split spoil sponsor spoon sport spot spray spread spring spy square squeeze squirrel stable stadium staff stage stairs stamp stand start state stay steak steel stem step stereo stick still sting stock stomach stone stool story stove strategy street strike strong struggle student stuff stumble style subject submit subway success such sudden suffer sugar suggest suit summer sun sunny sunset super supply supreme sure surface surge surprise surround survey suspect sustain swallow swamp swap swarm swear sweet swift swim swing switch sword symbol symptom syrup system table tackle tag tail talent talk tank tape target task taste tattoo taxi teach team tell ten tenant tennis tent term test text thank that theme then theory there they thing this thought three thrive throw thumb thunder ticket tide tiger tilt timber time tiny tip tired tissue title toast tobacco today toddler toe together toilet token tomato tomorrow tone tongue tonight tool tooth top topic topple torch tornado tortoise toss total tourist toward tower town toy track trade traffic tragic train transfer trap trash travel tray treat tree trend trial tribe trick trigger trim trip trophy trouble truck true truly trumpet trust truth try tube tuition tumble tuna tunnel turkey turn turtle twelve twenty twice twin twist two type typical ugly umbrella unable unaware uncle uncover under undo unfair unfold unhappy uniform unique unit universe unknown unlock until unusual unveil update upgrade uphold upon upper upset urban urge usage use used useful useless usual utility vacant vacuum vague valid valley valve van vanish vapor various vast vault vehicle velvet vendor venture venue verb verify version very vessel veteran viable vibrant vicious victory video view village vintage violin virtual virus visa visit visual vital vivid vocal voice void volcano volume vote voyage wage wagon wait walk wall walnut want warfare warm warrior wash wasp waste water wave way wealth weapon wear weasel weather web wedding weekend weird welcome west wet whale what wheat wheel when where whip whisper wide width wife wild will win window wine wing wink winner winter wire wisdom wise wish witness wolf woman wonder wood wool word work world worry worth wrap wreck wrestle wrist write wrong yard year yellow you young youth zebra zero zone zoo'.split(
    ' ',
  );

// ---- encodings (keccak-256, base58check, bech32) -----------------------------------------

const MASK = (1n << 64n) - 1n;
const RC = (() => {
  const out = [];
  let r = 1;
  for (let i = 0; i < 24; i++) {
    let rc = 0n;
    for (let j = 0; j < 7; j++) {
      r = ((r << 1) ^ ((r >> 7) * 0x71)) % 256;
      if (r & 2) rc ^= 1n << BigInt((1 << j) - 1);
    }
    out.push(rc);
  }
  return out;
})();
const rotl = (x, n) => ((x << BigInt(n)) | (x >> BigInt(64 - n))) & MASK;
function keccakF(s) {
  for (let round = 0; round < 24; round++) {
    const c = [0, 1, 2, 3, 4].map((x) => s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20]);
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (let y = 0; y < 25; y += 5) s[x + y] ^= d;
    }
    let x = 1;
    let y = 0;
    let cur = s[1];
    for (let t = 0; t < 24; t++) {
      [x, y] = [y, (2 * x + 3 * y) % 5];
      const tmp = s[x + 5 * y];
      s[x + 5 * y] = rotl(cur, (((t + 1) * (t + 2)) / 2) % 64);
      cur = tmp;
    }
    for (let yy = 0; yy < 25; yy += 5) {
      const row = s.slice(yy, yy + 5);
      for (let xx = 0; xx < 5; xx++) s[yy + xx] = row[xx] ^ (~row[(xx + 1) % 5] & MASK & row[(xx + 2) % 5]);
    }
    s[0] ^= RC[round];
  }
}
export function keccak256(data) {
  const rate = 136;
  const padded = Buffer.alloc(Math.ceil((data.length + 1) / rate) * rate);
  Buffer.from(data).copy(padded);
  padded[data.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  const s = new Array(25).fill(0n);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) s[i] ^= padded.readBigUInt64LE(off + i * 8);
    keccakF(s);
  }
  const out = Buffer.alloc(32);
  for (let i = 0; i < 4; i++) out.writeBigUInt64LE(s[i], i * 8);
  return out;
}
const sha256 = (b) => createHash('sha256').update(b).digest();
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(buf) {
  let n = BigInt(`0x${Buffer.from(buf).toString('hex') || '0'}`);
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const byte of buf) {
    if (byte !== 0) break;
    s = `1${s}`;
  }
  return s;
}
const base58check = (payload) => base58(Buffer.concat([payload, sha256(sha256(payload)).subarray(0, 4)]));
const BECH = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32(hrp, bytes, lead = []) {
  const data = [...lead];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const polymod = (values) => {
    const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let chk = 1;
    for (const v of values) {
      const top = chk >> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (let i = 0; i < 5; i++) if ((top >> i) & 1) chk ^= gen[i];
    }
    return chk;
  };
  const hrpExp = [...hrp]
    .map((c) => c.charCodeAt(0) >> 5)
    .concat(
      [0],
      [...hrp].map((c) => c.charCodeAt(0) & 31),
    );
  const mod = polymod([...hrpExp, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((d) => BECH[d]).join('')}`;
}

// ---- keys --------------------------------------------------------------------------------

const eip55 = (addrHex) => {
  const h = keccak256(Buffer.from(addrHex)).toString('hex');
  return `0x${[...addrHex].map((c, i) => (parseInt(h[i], 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
};
const secpPub = (priv, compressed = false) => {
  const e = createECDH('secp256k1');
  e.setPrivateKey(priv);
  return e.getPublicKey(null, compressed ? 'compressed' : 'uncompressed');
};
const ethAddress = (priv) => eip55(keccak256(secpPub(priv).subarray(1)).subarray(12).toString('hex'));
const edPub = (seed) =>
  createPublicKey(
    createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
      format: 'der',
      type: 'pkcs8',
    }),
  )
    .export({ format: 'der', type: 'spki' })
    .subarray(12);
function mnemonicOf(entropy) {
  const bits =
    [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('') +
    [...sha256(entropy)]
      .map((b) => b.toString(2).padStart(8, '0'))
      .join('')
      .slice(0, entropy.length / 4);
  return bits.match(/.{11}/g).map((b) => WORDS[parseInt(b, 2)]);
}
function bip32(version, depth, fingerprint, child, chain, keyData) {
  const b = Buffer.alloc(78);
  b.writeUInt32BE(version, 0);
  b[4] = depth;
  fingerprint.copy(b, 5);
  b.writeUInt32BE(child >>> 0, 9);
  chain.copy(b, 13);
  keyData.copy(b, 45);
  return base58check(b);
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 3);
  const t = makeTokens(rand);
  const one = (list) => list[Math.floor(rand() * list.length)];
  const repo = new Repo();
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const privKey = () => {
    for (;;) {
      const k = bytes(32);
      if (k[0] !== 0 && k[0] < 0xff) return k;
    }
  };
  const pk = () => privKey().toString('hex');
  const addr = () => ethAddress(privKey());
  const h32 = () => `0x${bytes(32).toString('hex')}`;
  const mnemonic = (words = 12) => mnemonicOf(bytes(words === 24 ? 32 : 16)).join(' ');
  const etherscanKey = () => t.mixed(UPPER + DIGIT, 34);
  const infura = () => t.hex(32);
  const alchemy = () => t.mixed(URLSAFE, 32);
  const pw = () => (rand() < 0.5 ? t.password() : t.mixed(ALNUM, 24));
  const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jwtOf = (header, payload) => `${b64url(header)}.${b64url(payload)}.${t.mixed(URLSAFE, 43)}`;
  const pinataJwt = () =>
    jwtOf(
      { alg: 'HS256', typ: 'JWT' },
      {
        userInformation: {
          id: t.uuid(),
          email: 'nft-ops@acme-labs.xyz',
          email_verified: true,
          pin_policy: { regions: [{ desiredReplicationCount: 1, id: 'FRA1' }], version: 1 },
          mfa_enabled: false,
          status: 'ACTIVE',
        },
        authenticationType: 'scopedKey',
        scopedKeyKey: t.hex(20),
        scopedKeySecret: t.hex(64),
        exp: 1798761600 + Math.floor(rand() * 1e7),
        iat: 1735689600 + Math.floor(rand() * 1e7),
      },
    );
  const didJwt = (iss) =>
    jwtOf(
      { alg: 'HS256', typ: 'JWT' },
      {
        sub: `did:ethr:${addr()}`,
        iss,
        iat: 1700000000000 + Math.floor(rand() * 1e10),
        name: one(['deploy', 'ci', 'mint-bot']),
      },
    );
  const moralisKey = () =>
    jwtOf(
      { alg: 'HS256', typ: 'JWT' },
      {
        nonce: t.uuid(),
        orgId: t.digits(6),
        userId: t.digits(6),
        typeId: t.uuid(),
        type: 'PROJECT',
        iat: 1735689600 + Math.floor(rand() * 1e7),
        exp: 4891000000 + Math.floor(rand() * 1e7),
      },
    );
  const wif = (compressed) =>
    base58check(Buffer.concat([Buffer.from([0x80]), privKey(), compressed ? Buffer.from([1]) : Buffer.alloc(0)]));
  const xprv = () =>
    bip32(
      0x0488ade4,
      3,
      bytes(4),
      0x80000000 + Math.floor(rand() * 3),
      bytes(32),
      Buffer.concat([Buffer.alloc(1), privKey()]),
    );
  const xpub = () => bip32(0x0488b21e, 3, bytes(4), 0x80000000, bytes(32), secpPub(privKey(), true));
  const solKeypair = () => {
    const s = bytes(32);
    return [...s, ...edPub(s)];
  };
  const solPubkey = () => base58(edPub(bytes(32)));
  const txHash = () => `0x${t.hex(64)}`;
  const cidV1 = () => `bafybei${t.pick('abcdefghijklmnopqrstuvwxyz234567', 52)}`;
  const cidV0 = () => `Qm${t.pick(B58, 44)}`;
  const bytecode = (n) => `0x608060405234801561001057600080fd5b50${t.pick(HEX, n)}`;

  // Documented public test values (not secrets): Hardhat/Anvil's default accounts #0–#2 and
  // their mnemonic, and the BIP-39 zero-entropy test vector.
  const HARDHAT_KEYS = [
    'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
    '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  ];
  const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';
  const ABANDON = mnemonicOf(Buffer.alloc(16)).join(' ');

  // ---- Hardhat (JS) -------------------------------------------------------------------------
  {
    const f = repo.file('packages/contracts/hardhat.config.js', 'hardhat');
    f.l("require('@nomicfoundation/hardhat-toolbox');", "require('dotenv').config();", '', 'module.exports = {');
    f.l("  solidity: { version: '0.8.24', settings: { optimizer: { enabled: true, runs: 200 } } },", '  networks: {');
    f.l('    hardhat: {');
    f.d(`      accounts: { mnemonic: '${HARDHAT_MNEMONIC}' },`, 'hardhat default mnemonic');
    f.l('    },', '    sepolia: {');
    const inf = infura();
    f.s(`      url: 'https://sepolia.infura.io/v3/${inf}',`, 'infura', inf);
    const k = pk();
    f.s(`      accounts: ['0x${k}'],`, 'ethereum', k);
    f.l('    },', '    mainnet: {', '      url: process.env.MAINNET_RPC_URL || "",');
    f.d('      accounts: process.env.PRIVATE_KEY !== undefined ? [process.env.PRIVATE_KEY] : [],', 'env reference');
    f.l('    },', '    polygon: {');
    const al = alchemy();
    f.s(`      url: "https://polygon-mainnet.g.alchemy.com/v2/${al}",`, 'alchemy', al);
    f.d('      accounts: [`0x${process.env.DEPLOYER_KEY}`],', 'template with env');
    f.l('    },', '  },', '  etherscan: {', '    apiKey: {');
    const es = etherscanKey();
    f.s(`      mainnet: '${es}',`, 'etherscan', es);
    const bs = etherscanKey();
    f.s(`      bsc: '${bs}',`, 'bscscan', bs);
    const ps = etherscanKey();
    f.s(`      polygon: '${ps}',`, 'polygonscan', ps);
    f.d('      sepolia: process.env.ETHERSCAN_API_KEY,', 'env reference');
    f.l('    },', '  },', '  gasReporter: {', '    enabled: true,', "    currency: 'USD',");
    const cmc = t.uuid();
    f.s(`    coinmarketcap: '${cmc}',`, 'coinmarketcap', cmc);
    f.l('  },', '};');
  }
  // ---- Hardhat (TS) -------------------------------------------------------------------------
  {
    const f = repo.file('packages/dao/hardhat.config.ts', 'hardhat');
    f.l('import { HardhatUserConfig, vars } from "hardhat/config";', 'import "@nomicfoundation/hardhat-toolbox";', '');
    f.d('const ALCHEMY_API_KEY = vars.get("ALCHEMY_API_KEY");', 'hardhat vars');
    const m = mnemonic(12);
    f.s(`const MNEMONIC = "${m}";`, 'ethereum', m);
    f.l('', 'const config: HardhatUserConfig = {', '  solidity: "0.8.24",', '  networks: {', '    arbitrum: {');
    f.d('      url: `https://arb-mainnet.g.alchemy.com/v2/${ALCHEMY_API_KEY}`,', 'template');
    f.l("      accounts: { mnemonic: MNEMONIC, path: \"m/44'/60'/0'/0\", count: 5 },", '    },', '    base: {');
    f.l('      url: "https://mainnet.base.org",');
    const k = pk();
    f.s(`      accounts: ["${k}"],`, 'ethereum', k);
    f.l('    },', '  },', '  etherscan: {');
    const es = etherscanKey();
    f.s(`    apiKey: "${es}",`, 'etherscan', es);
    f.l('    customChains: [', '      {', '        network: "base",', '        chainId: 8453,');
    f.d('        urls: { apiURL: "https://api.basescan.org/api", browserURL: "https://basescan.org" },', 'urls');
    f.l('      },', '    ],', '  },', '};', 'export default config;');
  }
  {
    const f = repo.file('packages/contracts/.env', 'env');
    const k = pk();
    f.s(`PRIVATE_KEY=${k}`, 'ethereum', k);
    const m = mnemonic(24);
    f.s(`MNEMONIC="${m}"`, 'ethereum', m);
    const es = etherscanKey();
    f.s(`ETHERSCAN_API_KEY=${es}`, 'etherscan', es);
    const al = alchemy();
    f.s(`ALCHEMY_API_KEY=${al}`, 'alchemy', al);
    const inf = infura();
    f.s(`INFURA_API_KEY=${inf}`, 'infura', inf);
    const infs = infura();
    f.s(`INFURA_API_KEY_SECRET=${infs}`, 'infura', infs);
    f.l('REPORT_GAS=true');
    f.d(`TOKEN_ADDRESS=${addr()}`, 'contract address');
    f.d(`DEPLOY_SALT=${h32()}`, 'create2 salt');
  }
  {
    const f = repo.file('packages/contracts/.env.example', 'env');
    f.d('PRIVATE_KEY=0xYOUR_PRIVATE_KEY', 'placeholder');
    f.d('MNEMONIC="your twelve word mnemonic phrase goes here"', 'placeholder');
    f.d('ETHERSCAN_API_KEY=YourApiKeyToken', 'documented placeholder');
    f.d('ALCHEMY_API_KEY=', 'empty');
    f.d(`DEPLOYER_PRIVATE_KEY=0x${'0'.repeat(64)}`, 'zero key placeholder');
    f.d('INFURA_API_KEY=<your-infura-project-id>', 'placeholder');
  }
  {
    const f = repo.file('packages/contracts/test/helpers/accounts.ts', 'hardhat-test');
    f.l('// Hardhat Network / Anvil default accounts (publicly documented, never fund on mainnet).');
    f.d(`export const DEPLOYER_KEY = "0x${HARDHAT_KEYS[0]}";`, 'hardhat account #0');
    f.d(`export const ALICE_KEY = "0x${HARDHAT_KEYS[1]}";`, 'hardhat account #1');
    f.d(`export const BOB = new Wallet("0x${HARDHAT_KEYS[2]}");`, 'hardhat account #2');
    f.d(`export const DEPLOYER = "${ethAddress(Buffer.from(HARDHAT_KEYS[0], 'hex'))}";`, 'hardhat address #0');
    f.d(`export const TEST_MNEMONIC = "${HARDHAT_MNEMONIC}";`, 'hardhat mnemonic');
    f.d('export const RANDOM = Wallet.createRandom().privateKey;', 'runtime random');
  }
  {
    const f = repo.file('packages/contracts/deployments/mainnet/GovernanceToken.json', 'deployments');
    f.l('{');
    f.d(`  "address": "${addr()}",`, 'contract address');
    f.l(
      '  "abi": [',
      '    {',
      '      "inputs": [{ "internalType": "address", "name": "account", "type": "address" }],',
    );
    f.l(
      '      "name": "balanceOf",',
      '      "outputs": [{ "internalType": "uint256", "name": "", "type": "uint256" }],',
    );
    f.l('      "stateMutability": "view",', '      "type": "function"', '    }', '  ],');
    f.d(`  "transactionHash": "${txHash()}",`, 'tx hash');
    f.l('  "receipt": {');
    f.d(`    "from": "${addr()}",`, 'address');
    f.d(`    "blockHash": "${txHash()}",`, 'block hash');
    f.d(`    "logsBloom": "0x${t.pick(HEX, 512)}",`, 'logs bloom');
    f.l(`    "blockNumber": ${19000000 + Math.floor(rand() * 1e6)},`, '    "status": 1', '  },');
    f.d(`  "solcInputHash": "${t.hex(32)}",`, 'solc input hash');
    f.d(`  "bytecode": "${bytecode(600)}",`, 'bytecode');
    f.d(`  "deployedBytecode": "${bytecode(500)}",`, 'deployed bytecode');
    f.d(`  "args": ["${addr()}", "${txHash()}"],`, 'constructor args: address and bytes32');
    f.l('  "numDeployments": 1', '}');
  }
  {
    const f = repo.file('packages/contracts/scripts/deploy.js', 'ethers');
    f.l("const { ethers } = require('ethers');", '', 'async function main() {');
    const al = alchemy();
    f.s(`  const provider = new ethers.JsonRpcProvider('https://eth-mainnet.g.alchemy.com/v2/${al}');`, 'alchemy', al);
    const k = pk();
    f.s(`  const wallet = new ethers.Wallet('0x${k}', provider);`, 'ethereum', k);
    f.d(`  const token = new ethers.Contract('${addr()}', abi, wallet);`, 'contract address');
    f.d(`  const tx = await provider.getTransaction('${txHash()}');`, 'tx hash');
    f.d(`  const role = '${h32()}'; // keccak256("MINTER_ROLE")`, 'role hash');
    f.d("  const ens = await provider.resolveName('treasury.acmedao.eth');", 'ens name');
    const m = mnemonic(12);
    f.s(`  const hot = ethers.Wallet.fromPhrase('${m}');`, 'ethereum', m);
    f.d('  const signer = new ethers.Wallet(process.env.PRIVATE_KEY, provider);', 'env reference');
    f.l('}', 'main();');
  }
  // ---- Foundry ------------------------------------------------------------------------------
  {
    const f = repo.file('packages/vault/foundry.toml', 'foundry');
    f.l('[profile.default]', 'src = "src"', 'out = "out"', 'libs = ["lib"]', 'solc = "0.8.24"', '', '[rpc_endpoints]');
    f.d('mainnet = "${MAINNET_RPC_URL}"', 'env reference');
    const al = alchemy();
    f.s(`optimism = "https://opt-mainnet.g.alchemy.com/v2/${al}"`, 'alchemy', al);
    const qn = t.hex(40);
    f.s(`arbitrum = "https://wild-silent-frost.arbitrum-mainnet.quiknode.pro/${qn}/"`, 'quicknode', qn);
    const ank = t.hex(64);
    f.s(`bsc = "https://rpc.ankr.com/bsc/${ank}"`, 'generic', ank);
    f.l('', '[etherscan]');
    f.d('mainnet = { key = "${ETHERSCAN_API_KEY}" }', 'env reference');
    const ps = etherscanKey();
    f.s(`polygon = { key = "${ps}", url = "https://api.polygonscan.com/api" }`, 'polygonscan', ps);
  }
  {
    const f = repo.file('packages/vault/.env', 'env');
    const k = pk();
    f.s(`PRIVATE_KEY=0x${k}`, 'ethereum', k);
    const inf = infura();
    f.s(`ETH_RPC_URL=https://mainnet.infura.io/v3/${inf}`, 'infura', inf);
    const es = etherscanKey();
    f.s(`ETHERSCAN_API_KEY=${es}`, 'etherscan', es);
    f.d(`ETH_FROM=${addr()}`, 'address');
  }
  {
    const f = repo.file('packages/vault/script/Deploy.s.sol', 'solidity');
    f.l(
      '// SPDX-License-Identifier: MIT',
      'pragma solidity ^0.8.24;',
      '',
      'import {Script} from "forge-std/Script.sol";',
    );
    f.l('', 'contract Deploy is Script {');
    f.d(`    address constant WETH = ${addr()};`, 'address constant');
    f.d(`    bytes32 constant SALT = ${h32()};`, 'create2 salt');
    f.d(`    bytes32 constant IMPLEMENTATION_SLOT = ${h32()};`, 'storage slot');
    f.l('    function run() external {');
    f.d('        uint256 deployerPrivateKey = vm.envUint("PRIVATE_KEY");', 'env reference');
    const k = pk();
    f.s(`        uint256 keeperKey = 0x${k};`, 'ethereum', k);
    f.l('        vm.startBroadcast(deployerPrivateKey);', '        vm.stopBroadcast();', '    }', '}');
  }
  {
    const f = repo.file('packages/vault/test/Vault.t.sol', 'solidity');
    f.l('pragma solidity ^0.8.24;', 'import {Test} from "forge-std/Test.sol";', 'contract VaultTest is Test {');
    f.d('    uint256 internal alicePk = 0xA11CE;', 'tiny test key');
    f.d(`    address internal alice = vm.addr(0xA11CE);`, 'vm.addr');
    f.d(`    bytes32 internal digest = ${h32()};`, 'digest');
    f.d(`    bytes internal sig = hex"${t.pick(HEX, 128)}1b";`, 'signature');
    f.l('}');
  }
  {
    const f = repo.file('packages/vault/scripts/release.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -euo pipefail');
    const k = pk();
    const inf = infura();
    f.s(
      `cast send ${addr()} "setFee(uint256)" 30 --private-key 0x${k} --rpc-url https://mainnet.infura.io/v3/${inf}`,
      'ethereum',
      k,
    );
    f.s(`cast balance ${addr()} --rpc-url https://mainnet.infura.io/v3/${inf}`, 'infura', inf);
    f.d('cast wallet import deployer --interactive', 'interactive import');
    f.d('forge script script/Deploy.s.sol --rpc-url "$RPC_URL" --private-key "$PRIVATE_KEY" --broadcast', 'variables');
    const es = etherscanKey();
    f.s(
      `forge verify-contract ${addr()} src/Vault.sol:Vault --chain mainnet --etherscan-api-key ${es}`,
      'etherscan',
      es,
    );
    f.d(`cast wallet address --private-key 0x${HARDHAT_KEYS[0]}`, 'anvil account #0');
    f.d(`cast tx ${txHash()} --rpc-url "$ETH_RPC_URL"`, 'tx hash');
    f.d(
      'forge script script/Deploy.s.sol --account deployer --sender 0x0000000000000000000000000000000000000001',
      'keystore account',
    );
  }
  {
    const f = repo.file('packages/vault/broadcast/Deploy.s.sol/1/run-latest.json', 'foundry');
    f.l('{', '  "transactions": [', '    {');
    f.d(`      "hash": "${txHash()}",`, 'tx hash');
    f.l('      "transactionType": "CREATE",', '      "contractName": "Vault",');
    f.d(`      "contractAddress": "${addr()}",`, 'address');
    f.l('      "transaction": {');
    f.d(`        "from": "${addr().toLowerCase()}",`, 'address');
    f.d(`        "input": "${bytecode(400)}",`, 'bytecode');
    f.l('        "nonce": "0x1"', '      }', '    }', '  ],');
    f.d(`  "commit": "${t.sha1().slice(0, 7)}"`, 'commit');
    f.l('}');
  }
  // ---- Truffle ------------------------------------------------------------------------------
  {
    const f = repo.file('legacy/truffle/truffle-config.js', 'truffle');
    f.l("const HDWalletProvider = require('@truffle/hdwallet-provider');");
    const m = mnemonic(12);
    f.s(`const mnemonic = '${m}';`, 'ethereum', m);
    const inf = infura();
    f.s(`const projectId = '${inf}';`, 'infura', inf);
    f.l('module.exports = {', '  networks: {', '    goerli: {');
    f.d(
      '      provider: () => new HDWalletProvider(mnemonic, `https://goerli.infura.io/v3/${projectId}`),',
      'template',
    );
    f.l('      network_id: 5,', '    },', '    bsc: {', '      provider: () =>', '        new HDWalletProvider({');
    const k = pk();
    f.s(`          privateKeys: ['${k}'],`, 'ethereum', k);
    f.l(
      "          providerOrUrl: 'https://bsc-dataseed1.binance.org',",
      '        }),',
      '      network_id: 56,',
      '    },',
    );
    f.l('  },', '  api_keys: {');
    const bs = etherscanKey();
    f.s(`    bscscan: '${bs}',`, 'bscscan', bs);
    f.l('  },', '};');
  }
  {
    const f = repo.file('legacy/truffle/.secret', 'truffle');
    const m = mnemonic(12);
    f.s(m, 'ethereum', m);
  }
  // ---- Brownie / web3.py ----------------------------------------------------------------------
  {
    const f = repo.file('legacy/brownie/brownie-config.yaml', 'brownie');
    f.l('dotenv: .env', 'wallets:');
    f.d('  from_key: ${PRIVATE_KEY}', 'env reference');
    f.l('networks:', '  default: development', '  mainnet-fork:', '    cmd_settings:');
    f.d(`      unlock: ${addr()}`, 'address');
    f.d(`      mnemonic: ${HARDHAT_MNEMONIC}`, 'documented test mnemonic');
  }
  {
    const f = repo.file('legacy/brownie/.env', 'env');
    const k = pk();
    f.s(`export PRIVATE_KEY=0x${k}`, 'ethereum', k);
    const inf = infura();
    f.s(`export WEB3_INFURA_PROJECT_ID=${inf}`, 'infura', inf);
    const es = etherscanKey();
    f.s(`export ETHERSCAN_TOKEN=${es}`, 'etherscan', es);
    const ps = etherscanKey();
    f.s(`export POLYGONSCAN_TOKEN=${ps}`, 'polygonscan', ps);
  }
  {
    const f = repo.file('legacy/brownie/scripts/deploy.py', 'brownie');
    f.l('from brownie import Token, accounts, config', '', 'def main():');
    const k = pk();
    f.s(`    dev = accounts.add("0x${k}")`, 'ethereum', k);
    const m = mnemonic(12);
    f.s(`    ops = accounts.from_mnemonic("${m}", count=1)`, 'ethereum', m);
    f.d('    deployer = accounts.load("deployer")', 'brownie keystore');
    f.d('    owner = accounts.add(config["wallets"]["from_key"])', 'config reference');
    f.l('    Token.deploy("Acme", "ACME", {"from": dev})');
  }
  {
    const f = repo.file('services/liquidator/bot.py', 'web3py');
    f.l('import os', 'from web3 import Web3', 'from eth_account import Account', '');
    const qn = t.hex(40);
    f.s(`w3 = Web3(Web3.HTTPProvider("https://proud-dawn-river.quiknode.pro/${qn}/"))`, 'quicknode', qn);
    const k = pk();
    f.s(`acct = Account.from_key("0x${k}")`, 'ethereum', k);
    f.d('signed = w3.eth.account.sign_transaction(tx, private_key=os.environ["LIQUIDATOR_PK"])', 'env reference');
    f.d(`POOL = Web3.to_checksum_address("${addr().toLowerCase()}")`, 'address');
    f.d(`LAST_TX = "${txHash()}"`, 'tx hash');
    f.d(`PUBKEY = "0x${secpPub(privKey()).toString('hex')}"`, 'uncompressed public key');
    const bk = `mainnet${t.mixed(ALNUM, 32)}`;
    f.s(`BLOCKFROST_PROJECT_ID = "${bk}"`, 'generic', bk);
  }
  // ---- web3.js / IPFS ------------------------------------------------------------------------
  {
    const f = repo.file('apps/minter/src/chain.js', 'web3js');
    f.l("import Web3 from 'web3';", "import { create } from 'kubo-rpc-client';");
    const inf = infura();
    f.s(`const web3 = new Web3('wss://mainnet.infura.io/ws/v3/${inf}');`, 'infura', inf);
    const k = pk();
    f.s(`const minter = web3.eth.accounts.privateKeyToAccount('0x${k}');`, 'ethereum', k);
    const ipid = t.mixed(ALNUM, 27);
    f.l(`const projectId = '${ipid}';`);
    const ipsec = infura();
    f.s(`const projectSecret = '${ipsec}';`, 'infura', ipsec);
    f.d("const auth = 'Basic ' + Buffer.from(projectId + ':' + projectSecret).toString('base64');", 'expression');
    f.d(`const sig = '0x${t.pick(HEX, 128)}1c';`, 'signature');
    f.d(`export const TOKEN_URI = 'ipfs://${cidV1()}/metadata.json';`, 'ipfs cid');
  }
  {
    const f = repo.file('apps/minter/src/pin.js', 'ipfs');
    f.l("import axios from 'axios';", 'export async function pin(body) {');
    f.l("  return axios.post('https://api.pinata.cloud/pinning/pinJSONToIPFS', body, {", '    headers: {');
    const pkey = t.hex(20);
    f.s(`      pinata_api_key: '${pkey}',`, 'pinata', pkey);
    const sec = t.hex(64);
    f.s(`      pinata_secret_api_key: '${sec}',`, 'pinata', sec);
    f.l('    },', '  });', '}');
    f.d('const headers = { Authorization: `Bearer ${process.env.PINATA_JWT}` };', 'env reference');
    f.d(`const legacy = 'https://gateway.pinata.cloud/ipfs/${cidV0()}';`, 'cid v0');
    const nft = didJwt('nft-storage');
    f.s(`const nftClient = new NFTStorage({ token: '${nft}' });`, 'nftstorage', nft);
    const w3s = didJwt('web3-storage');
    f.s(`const w3sClient = new Web3Storage({ token: "${w3s}" });`, 'web3storage', w3s);
  }
  {
    const f = repo.file('apps/web/.env.local', 'env');
    f.d(`NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID=${t.hex(32)}`, 'walletconnect project id (public)');
    const pj = pinataJwt();
    f.s(`PINATA_JWT=${pj}`, 'pinata', pj);
    const psec = t.hex(64);
    f.s(`PINATA_API_SECRET=${psec}`, 'pinata', psec);
    f.d('NEXT_PUBLIC_ENS_NAME=acmedao.eth', 'ens');
    f.d(`NEXT_PUBLIC_CONTRACT=${addr()}`, 'address');
    const mk = moralisKey();
    f.s(`MORALIS_API_KEY=${mk}`, 'moralis', mk);
    f.d('NEXT_PUBLIC_ALCHEMY_KEY=demo', 'alchemy demo key');
  }
  {
    const f = repo.file('apps/web/src/wagmi.ts', 'frontend');
    f.l("import { getDefaultConfig } from '@rainbow-me/rainbowkit';", 'export const config = getDefaultConfig({');
    f.l("  appName: 'Acme DAO',");
    f.d(`  projectId: '${t.hex(32)}',`, 'walletconnect project id (public)');
    f.l('  chains: [mainnet, base],', '});');
    f.d(`export const TREASURY = '${addr()}' as const;`, 'address');
  }
  {
    const f = repo.file('apps/web/src/lib/moralis.ts', 'frontend');
    f.l("import Moralis from 'moralis';");
    const mk = moralisKey();
    f.s(`await Moralis.start({ apiKey: '${mk}' });`, 'moralis', mk);
    const he = t.uuid();
    f.s(`export const RPC = 'https://mainnet.helius-rpc.com/?api-key=${he}';`, 'helius', he);
  }
  // ---- keystores / MetaMask -----------------------------------------------------------------
  {
    const a = addr().slice(2).toLowerCase();
    const f = repo.file(`ops/geth/keystore/UTC--2025-11-04T09-12-44.118273645Z--${a}`, 'keystore');
    f.l('{');
    f.d(`  "address": "${a}",`, 'address');
    f.l('  "crypto": {', '    "cipher": "aes-128-ctr",');
    f.d(`    "ciphertext": "${t.hex(64)}",`, 'encrypted key (keystore v3)');
    f.d(`    "cipherparams": { "iv": "${t.hex(32)}" },`, 'iv');
    f.l('    "kdf": "scrypt",');
    f.d(`    "kdfparams": { "dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": "${t.hex(64)}" },`, 'salt');
    f.d(`    "mac": "${t.hex(64)}"`, 'mac');
    f.l('  },');
    f.d(`  "id": "${t.uuid()}",`, 'uuid');
    f.l('  "version": 3', '}');
  }
  {
    const f = repo.file('ops/geth/password.txt', 'keystore');
    const p = pw();
    f.s(p, 'generic', p);
  }
  {
    const f = repo.file('ops/geth/start.sh', 'shell');
    f.l('#!/bin/sh');
    f.d(`exec geth --datadir /data --unlock ${addr()} --password /secrets/password.txt --mine`, 'file reference');
    f.d('geth account import --password /run/secrets/geth_pw /run/secrets/key.hex', 'file reference');
  }
  {
    const f = repo.file('docs/support/metamask-vault-recovery.json', 'keystore');
    f.l('{');
    f.d(`  "data": "${t.mixed(ALNUM + '+/', 680)}==",`, 'encrypted vault data');
    f.d(`  "iv": "${t.mixed(ALNUM + '+/', 22)}==",`, 'iv');
    f.d(`  "salt": "${t.mixed(ALNUM + '+/', 43)}=",`, 'salt');
    f.l('  "keyMetadata": { "algorithm": "PBKDF2", "params": { "iterations": 600000 } }', '}');
  }
  // ---- Solana -------------------------------------------------------------------------------
  {
    const f = repo.file('programs/escrow/.config/solana/id.json', 'solana');
    const kp = JSON.stringify(solKeypair());
    f.s(kp, 'generic', kp);
  }
  {
    const f = repo.file('programs/escrow/Anchor.toml', 'solana');
    f.l('[toolchain]', 'anchor_version = "0.30.1"', '', '[programs.devnet]');
    f.d(`escrow = "${solPubkey()}"`, 'program id');
    f.l('', '[provider]', 'cluster = "devnet"');
    f.d('wallet = "~/.config/solana/id.json"', 'path');
    f.l('', '[scripts]', 'test = "yarn run ts-mocha -p ./tsconfig.json -t 1000000 tests/**/*.ts"');
  }
  {
    const f = repo.file('programs/escrow/.env', 'env');
    const sk = base58(Buffer.from(solKeypair()));
    f.s(`SOLANA_PRIVATE_KEY=${sk}`, 'generic', sk);
    const he = t.uuid();
    f.s(`HELIUS_RPC_URL=https://mainnet.helius-rpc.com/?api-key=${he}`, 'helius', he);
    f.d(`ESCROW_PROGRAM_ID=${solPubkey()}`, 'program id');
  }
  {
    const f = repo.file('programs/escrow/app/src/keypair.ts', 'solana');
    f.l("import { Keypair, PublicKey, Connection } from '@solana/web3.js';", "import bs58 from 'bs58';");
    const arr = JSON.stringify(solKeypair());
    f.s(`export const payer = Keypair.fromSecretKey(Uint8Array.from(${arr}));`, 'generic', arr);
    const sk = base58(Buffer.from(solKeypair()));
    f.s(`export const feePayer = Keypair.fromSecretKey(bs58.decode('${sk}'));`, 'generic', sk);
    f.d(`export const MINT = new PublicKey('${solPubkey()}');`, 'public key');
    f.d(`await connection.confirmTransaction('${base58(bytes(64))}');`, 'tx signature (base58, 64 bytes)');
    f.d('export const ephemeral = Keypair.generate();', 'runtime');
  }
  // ---- Cosmos / Tendermint ----------------------------------------------------------------
  {
    const seedV = bytes(32);
    const pub = edPub(seedV);
    const f = repo.file('chain/node0/config/priv_validator_key.json', 'cosmos');
    f.l('{');
    f.d(`  "address": "${sha256(pub).subarray(0, 20).toString('hex').toUpperCase()}",`, 'validator address');
    f.l('  "pub_key": {', '    "type": "tendermint/PubKeyEd25519",');
    f.d(`    "value": "${pub.toString('base64')}"`, 'public key');
    f.l('  },', '  "priv_key": {', '    "type": "tendermint/PrivKeyEd25519",');
    const pv = Buffer.concat([seedV, pub]).toString('base64');
    f.s(`    "value": "${pv}"`, 'generic', pv);
    f.l('  }', '}');
  }
  {
    const seedN = bytes(32);
    const f = repo.file('chain/node0/config/node_key.json', 'cosmos');
    const nv = Buffer.concat([seedN, edPub(seedN)]).toString('base64');
    f.s(`{"priv_key":{"type":"tendermint/PrivKeyEd25519","value":"${nv}"}}`, 'generic', nv);
  }
  {
    const f = repo.file('chain/node0/config/genesis.json', 'cosmos');
    f.l('{', '  "genesis_time": "2026-01-15T12:00:00Z",', '  "chain_id": "acme-1",');
    f.d(`  "app_hash": "${t.hex(64).toUpperCase()}",`, 'app hash');
    f.l('  "validators": [', '    {');
    f.d(
      `      "pub_key": { "type": "tendermint/PubKeyEd25519", "value": "${edPub(bytes(32)).toString('base64')}" },`,
      'public key',
    );
    f.d(`      "address": "${bech32('cosmosvaloper', bytes(20))}",`, 'valoper address');
    f.l('      "power": "100"', '    }', '  ],', '  "app_state": { "auth": { "accounts": [');
    f.d(`    { "address": "${bech32('cosmos', bytes(20))}" }`, 'bech32 address');
    f.l('  ] } }', '}');
  }
  {
    const f = repo.file('chain/scripts/init-validator.sh', 'shell');
    f.l('#!/usr/bin/env bash', 'set -e', 'gaiad init node0 --chain-id acme-1');
    const m = mnemonic(24);
    f.s(`echo "${m}" | gaiad keys add validator --recover --keyring-backend test`, 'ethereum', m);
    f.d(`gaiad keys add faucet --recover --keyring-backend test <<< "${ABANDON}"`, 'bip39 test vector');
    f.d(`gaiad tx bank send validator ${bech32('cosmos', bytes(20))} 1000uatom --chain-id acme-1`, 'address');
  }
  // ---- Bitcoin / Lightning ----------------------------------------------------------------
  {
    const f = repo.file('btc/bitcoin.conf', 'bitcoin');
    f.l('server=1', 'txindex=1', 'rpcuser=acme');
    const p = pw();
    f.s(`rpcpassword=${p}`, 'generic', p);
    f.d(`rpcauth=monitor:${t.hex(32)}$${t.hex(64)}`, 'rpcauth salted hash');
    f.l('rpcbind=127.0.0.1', 'zmqpubrawblock=tcp://127.0.0.1:28332');
  }
  {
    const f = repo.file('btc/scripts/sweep.sh', 'bitcoin');
    f.l('#!/usr/bin/env bash');
    const w1 = wif(true);
    f.s(`bitcoin-cli -rpcwallet=cold importprivkey ${w1} "sweep" false`, 'generic', w1);
    f.d(`bitcoin-cli importpubkey ${secpPub(privKey(), true).toString('hex')} "watch" false`, 'compressed public key');
    f.d(`bitcoin-cli getblock ${t.hex(64)}`, 'block hash');
    f.d(`bitcoin-cli gettransaction ${t.hex(64)}`, 'txid');
  }
  {
    const f = repo.file('btc/wallet/keys.py', 'bitcoin');
    f.l('from bitcoinlib.keys import HDKey, Key', '');
    const w = wif(false);
    f.s(`PAPER_WALLET_WIF = "${w}"`, 'generic', w);
    const x = xprv();
    f.s(`TREASURY_XPRV = "${x}"`, 'generic', x);
    f.d(`TREASURY_XPUB = "${xpub()}"`, 'xpub');
    f.d(`DONATION_ADDRESS = "${bech32('bc', bytes(20), [0])}"`, 'bc1 p2wpkh address');
    f.d(`LEGACY_ADDRESS = "${base58check(Buffer.concat([Buffer.from([0]), bytes(20)]))}"`, 'p2pkh address');
  }
  {
    const f = repo.file('btc/wallet/tests/test_bip32.py', 'bitcoin-test');
    const I = createHmac('sha512', 'Bitcoin seed')
      .update(Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'))
      .digest();
    const tv = bip32(
      0x0488ade4,
      0,
      Buffer.alloc(4),
      0,
      I.subarray(32),
      Buffer.concat([Buffer.alloc(1), I.subarray(0, 32)]),
    );
    f.l('# BIP-32 test vector 1, chain m (seed 000102030405060708090a0b0c0d0e0f).');
    f.d(`TV1_XPRV = "${tv}"`, 'bip32 test vector');
    f.d(
      `TV1_XPUB = "${bip32(0x0488b21e, 0, Buffer.alloc(4), 0, I.subarray(32), secpPub(I.subarray(0, 32), true))}"`,
      'bip32 test vector xpub',
    );
    f.d(`BIP39_VECTOR = "${ABANDON}"`, 'bip39 test vector');
  }
  {
    const f = repo.file('btc/lnd/.env', 'bitcoin');
    const hexOf = (s) => Buffer.from(s, 'latin1').toString('hex');
    const ops = ['address', 'info', 'invoices', 'macaroon', 'message', 'offchain', 'onchain', 'peers', 'signer']
      .map((o) =>
        hexOf(
          `\x1a${String.fromCharCode(o.length + 13)}\n${String.fromCharCode(o.length)}${o}\x12\x04read\x12\x05write`,
        ),
      )
      .join('');
    const mac = `0201036c6e6402f801030a10${t.hex(32)}1201301a${ops}000006 20`.replace(' ', '') + t.hex(64);
    f.s(`LND_MACAROON=${mac}`, 'generic', mac);
    f.l('LND_GRPC_HOST=lnd.internal:10009');
    f.d(`LND_TLS_CERT_SHA256=${t.hex(64)}`, 'cert fingerprint');
  }
  // ---- NEAR / Aptos / Sui -----------------------------------------------------------------
  {
    const s = bytes(32);
    const pub = edPub(s);
    const f = repo.file('ops/home/.near-credentials/mainnet/treasury.acme.near.json', 'near');
    f.l('{');
    f.l('  "account_id": "treasury.acme.near",');
    f.d(`  "public_key": "ed25519:${base58(pub)}",`, 'public key');
    const nk = `ed25519:${base58(Buffer.concat([s, pub]))}`;
    f.s(`  "private_key": "${nk}"`, 'generic', nk);
    f.l('}');
  }
  {
    const f = repo.file('move/.aptos/config.yaml', 'aptos');
    f.l('---', 'profiles:', '  default:', '    network: Mainnet');
    const ak = `ed25519-priv-0x${pk()}`;
    f.s(`    private_key: "${ak}"`, 'generic', ak);
    f.d(`    public_key: "ed25519-pub-0x${edPub(bytes(32)).toString('hex')}"`, 'public key');
    f.d(`    account: ${t.hex(64)}`, 'aptos account address (32 bytes)');
    f.l('    rest_url: "https://fullnode.mainnet.aptoslabs.com"');
  }
  {
    const f = repo.file('move/sui/.env', 'env');
    const sk = bech32('suiprivkey', Buffer.concat([Buffer.alloc(1), bytes(32)]));
    f.s(`SUI_PRIVATE_KEY=${sk}`, 'generic', sk);
    f.d(`SUI_ADDRESS=0x${t.hex(64)}`, 'sui address (32 bytes)');
    f.d(`PACKAGE_ID=0x${t.hex(64)}`, 'sui package id');
  }
  // ---- The Graph / Chainlink ----------------------------------------------------------------
  {
    const f = repo.file('subgraph/package.json', 'graph');
    f.l('{', '  "name": "acme-subgraph",', '  "scripts": {', '    "codegen": "graph codegen",');
    const gk = t.hex(32);
    f.s(`    "auth": "graph auth --studio ${gk}",`, 'generic', gk);
    f.l('    "deploy": "graph deploy --studio acme-dao"', '  }', '}');
  }
  {
    const f = repo.file('subgraph/subgraph.yaml', 'graph');
    f.l(
      'specVersion: 1.0.0',
      'dataSources:',
      '  - kind: ethereum',
      '    name: Governor',
      '    network: mainnet',
      '    source:',
    );
    f.d(`      address: "${addr()}"`, 'address');
    f.l('      abi: Governor', `      startBlock: ${19000000 + Math.floor(rand() * 1e6)}`);
  }
  {
    const f = repo.file('oracle/chainlink/secrets.toml', 'chainlink');
    f.l('[Database]');
    const dbp = t.mixed(ALNUM, 20);
    f.s(`URL = 'postgresql://chainlink:${dbp}@postgres:5432/chainlink?sslmode=disable'`, 'generic', dbp);
    f.l('', '[Password]');
    const ks = pw();
    f.s(`Keystore = '${ks}'`, 'generic', ks);
  }
  {
    const f = repo.file('oracle/chainlink/config.toml', 'chainlink');
    f.l(
      '[Log]',
      "Level = 'warn'",
      '',
      '[WebServer]',
      'HTTPPort = 6688',
      '',
      '[[EVM]]',
      "ChainID = '1'",
      '',
      '[[EVM.Nodes]]',
    );
    f.l("Name = 'primary'");
    const al = alchemy();
    f.s(`WSURL = 'wss://eth-mainnet.g.alchemy.com/v2/${al}'`, 'alchemy', al);
    const inf = infura();
    f.s(`HTTPURL = 'https://mainnet.infura.io/v3/${inf}'`, 'infura', inf);
    f.d(`# LinkContractAddress = '${addr()}'`, 'address');
  }
  {
    const f = repo.file('oracle/chainlink/.api', 'chainlink');
    f.l('node-admin@acme-labs.xyz');
    const p = pw();
    f.s(p, 'generic', p);
  }
  // ---- CI, docs ----------------------------------------------------------------------------
  {
    const f = repo.file('.github/workflows/deploy-contracts.yml', 'ci');
    f.l(
      'name: deploy',
      'on: { push: { tags: ["v*"] } }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    env:',
    );
    f.d('      PRIVATE_KEY: ${{ secrets.DEPLOYER_PRIVATE_KEY }}', 'secret reference');
    const es = etherscanKey();
    f.s(`      ETHERSCAN_API_KEY: ${es}`, 'etherscan', es);
    const inf = infura();
    f.s(`      RPC_URL: https://sepolia.infura.io/v3/${inf}`, 'infura', inf);
    f.l('    steps:', '      - uses: foundry-rs/foundry-toolchain@v1');
    f.d(
      '      - run: anvil --mnemonic "test test test test test test test test test test test junk" &',
      'anvil default',
    );
  }
  {
    const f = repo.file('docs/runbooks/key-rotation.md', 'docs');
    f.l('# Deployer key rotation', '');
    const k = pk();
    f.s(`The old deployer key was \`0x${k}\`; it was drained on 2026-02-03, never reuse it.`, 'ethereum', k);
    f.d(`For local work use Hardhat's account #0 (\`0x${HARDHAT_KEYS[0]}\`), which everyone knows.`, 'hardhat key');
    f.d(`Deployed at [${addr()}](https://etherscan.io/address/${addr()}) in tx \`${txHash()}\`.`, 'address and tx');
    f.d('Store the new key with `cast wallet import deployer --interactive`, never in `.env`.', 'prose');
    const m = mnemonic(12);
    f.s(`Recovery phrase for the ops multisig signer: ${m}`, 'ethereum', m);
  }
  {
    const f = repo.file('packages/contracts/test/vectors/eip712.json', 'fixtures');
    f.l('[', '  {');
    f.d(`    "signer": "${addr()}",`, 'address');
    f.d(`    "digest": "${h32()}",`, 'digest');
    f.d(`    "signature": "0x${t.pick(HEX, 128)}1b",`, 'signature');
    f.d(`    "r": "${h32()}",`, 'signature r');
    f.d(`    "s": "${h32()}"`, 'signature s');
    f.l('  }', ']');
  }
  return repo;
}
