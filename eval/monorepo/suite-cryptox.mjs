// cryptox: a cryptocurrency exchange's monorepo. Go matching engine and wallet services, a Rust
// signing service, TypeScript trading UI and bots (exchange key/secret pairs), Python market-data
// notebooks, Solidity with Hardhat and Foundry, HashiCorp Vault, Kafka/Redis/Postgres, Kubernetes,
// Terraform, Dockerfiles, GitHub Actions, alert bots, PagerDuty and logs. Wallet material is built
// the way wallets build it: BIP-39 mnemonics carry their checksum word, WIF/xprv/xpub and legacy
// addresses are base58check, segwit addresses bech32, Ethereum addresses EIP-55 checksummed.
import { createHash } from 'node:crypto';
import { ALNUM, B64, DIGIT, HEX, UPPER, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

// ---- wallet formats ---------------------------------------------------------------------------

const MASK64 = (1n << 64n) - 1n;
const KECCAK_RC = [
  0x0000000000000001n,
  0x0000000000008082n,
  0x800000000000808an,
  0x8000000080008000n,
  0x000000000000808bn,
  0x0000000080000001n,
  0x8000000080008081n,
  0x8000000000008009n,
  0x000000000000008an,
  0x0000000000000088n,
  0x0000000080008009n,
  0x000000008000000an,
  0x000000008000808bn,
  0x800000000000008bn,
  0x8000000000008089n,
  0x8000000000008003n,
  0x8000000000008002n,
  0x8000000000000080n,
  0x000000000000800an,
  0x800000008000000an,
  0x8000000080008081n,
  0x8000000000008080n,
  0x0000000080000001n,
  0x8000000080008008n,
];
const KECCAK_ROT = [
  [0, 36, 3, 41, 18],
  [1, 44, 10, 45, 2],
  [62, 6, 43, 15, 61],
  [28, 55, 25, 21, 56],
  [27, 20, 39, 8, 14],
];
const rotl64 = (v, n) => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK64);

function keccakF(A) {
  for (let r = 0; r < 24; r++) {
    const C = [0, 1, 2, 3, 4].map((x) => A[x] ^ A[x + 5] ^ A[x + 10] ^ A[x + 15] ^ A[x + 20]);
    for (let i = 0; i < 25; i++) A[i] ^= C[(i + 4) % 5] ^ rotl64(C[(i + 1) % 5], 1);
    const B = new Array(25);
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 5; y++) B[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(A[x + 5 * y], KECCAK_ROT[x][y]);
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 5; y++)
        A[x + 5 * y] = B[x + 5 * y] ^ (~B[((x + 1) % 5) + 5 * y] & MASK64 & B[((x + 2) % 5) + 5 * y]);
    A[0] ^= KECCAK_RC[r];
  }
}

/** Ethereum's keccak-256 (the pre-standard padding, not SHA3-256). */
export function keccak256(input) {
  const msg = Buffer.from(input);
  const rate = 136;
  const p = Buffer.concat([msg, Buffer.alloc(rate - (msg.length % rate))]);
  p[msg.length] |= 0x01;
  p[p.length - 1] |= 0x80;
  const A = new Array(25).fill(0n);
  for (let off = 0; off < p.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) A[i] ^= p.readBigUInt64LE(off + i * 8);
    keccakF(A);
  }
  const out = Buffer.alloc(32);
  for (let i = 0; i < 4; i++) out.writeBigUInt64LE(A[i], i * 8);
  return out;
}

const sha256 = (b) => createHash('sha256').update(b).digest();
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(buf) {
  let x = BigInt('0x0' + buf.toString('hex'));
  let s = '';
  while (x > 0n) {
    s = B58[Number(x % 58n)] + s;
    x /= 58n;
  }
  for (const b of buf) {
    if (b !== 0) break;
    s = '1' + s;
  }
  return s;
}
const base58check = (payload) => base58(Buffer.concat([payload, sha256(sha256(payload)).subarray(0, 4)]));

function eip55(hex40) {
  const lower = hex40.toLowerCase();
  const h = keccak256(lower).toString('hex');
  return '0x' + [...lower].map((c, i) => (/[a-f]/.test(c) && parseInt(h[i], 16) >= 8 ? c.toUpperCase() : c)).join('');
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32Polymod(values) {
  const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((b >>> i) & 1) chk = (chk ^ G[i]) >>> 0;
  }
  return chk;
}
function segwitAddress(hrp, program) {
  const data = [0];
  let acc = 0;
  let bits = 0;
  for (const byte of program) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const expand = [...hrp]
    .map((c) => c.charCodeAt(0) >> 5)
    .concat(
      [0],
      [...hrp].map((c) => c.charCodeAt(0) & 31),
    );
  const mod = bech32Polymod([...expand, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const check = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...check].map((d) => BECH32[d]).join('')}`;
}

// The English BIP-39 list, in order (a mnemonic's last word carries a SHA-256 checksum of the entropy).
const BIP39 =
  'abandon ability able about above absent absorb abstract absurd abuse access accident account accuse achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle announce annual another answer antenna antique anxiety any apart apology appear apple approve april arch arctic area arena argue arm armed armor army around arrange arrest arrive arrow art artefact artist artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude attract auction audit august aunt author auto autumn average avocado avoid awake aware away awesome awful awkward axis baby bachelor bacon badge bag balance balcony ball bamboo banana banner bar barely bargain barrel base basic basket battle beach bean beauty because become beef before begin behave behind believe below belt bench benefit best betray better between beyond bicycle bid bike bind biology bird birth bitter black blade blame blanket blast bleak bless blind blood blossom blouse blue blur blush board boat body boil bomb bone bonus book boost border boring borrow boss bottom bounce box boy bracket brain brand brass brave bread breeze brick bridge brief bright bring brisk broccoli broken bronze broom brother brown brush bubble buddy budget buffalo build bulb bulk bullet bundle bunker burden burger burst bus business busy butter buyer buzz cabbage cabin cable cactus cage cake call calm camera camp can canal cancel candy cannon canoe canvas canyon capable capital captain car carbon card cargo carpet carry cart case cash casino castle casual cat catalog catch category cattle caught cause caution cave ceiling celery cement census century cereal certain chair chalk champion change chaos chapter charge chase chat cheap check cheese chef cherry chest chicken chief child chimney choice choose chronic chuckle chunk churn cigar cinnamon circle citizen city civil claim clap clarify claw clay clean clerk clever click client cliff climb clinic clip clock clog close cloth cloud clown club clump cluster clutch coach coast coconut code coffee coil coin collect color column combine come comfort comic common company concert conduct confirm congress connect consider control convince cook cool copper copy coral core corn correct cost cotton couch country couple course cousin cover coyote crack cradle craft cram crane crash crater crawl crazy cream credit creek crew cricket crime crisp critic crop cross crouch crowd crucial cruel cruise crumble crunch crush cry crystal cube culture cup cupboard curious current curtain curve cushion custom cute cycle dad damage damp dance danger daring dash daughter dawn day deal debate debris decade december decide decline decorate decrease deer defense define defy degree delay deliver demand demise denial dentist deny depart depend deposit depth deputy derive describe desert design desk despair destroy detail detect develop device devote diagram dial diamond diary dice diesel diet differ digital dignity dilemma dinner dinosaur direct dirt disagree discover disease dish dismiss disorder display distance divert divide divorce dizzy doctor document dog doll dolphin domain donate donkey donor door dose double dove draft dragon drama drastic draw dream dress drift drill drink drip drive drop drum dry duck dumb dune during dust dutch duty dwarf dynamic eager eagle early earn earth easily east easy echo ecology economy edge edit educate effort egg eight either elbow elder electric elegant element elephant elevator elite else embark embody embrace emerge emotion employ empower empty enable enact end endless endorse enemy energy enforce engage engine enhance enjoy enlist enough enrich enroll ensure enter entire entry envelope episode equal equip era erase erode erosion error erupt escape essay essence estate eternal ethics evidence evil evoke evolve exact example excess exchange excite exclude excuse execute exercise exhaust exhibit exile exist exit exotic expand expect expire explain expose express extend extra eye eyebrow fabric face faculty fade faint faith fall false fame family famous fan fancy fantasy farm fashion fat fatal father fatigue fault favorite feature february federal fee feed feel female fence festival fetch fever few fiber fiction field figure file film filter final find fine finger finish fire firm first fiscal fish fit fitness fix flag flame flash flat flavor flee flight flip float flock floor flower fluid flush fly foam focus fog foil fold follow food foot force forest forget fork fortune forum forward fossil foster found fox fragile frame frequent fresh friend fringe frog front frost frown frozen fruit fuel fun funny furnace fury future gadget gain galaxy gallery game gap garage garbage garden garlic garment gas gasp gate gather gauge gaze general genius genre gentle genuine gesture ghost giant gift giggle ginger giraffe girl give glad glance glare glass glide glimpse globe gloom glory glove glow glue goat goddess gold good goose gorilla gospel gossip govern gown grab grace grain grant grape grass gravity great green grid grief grit grocery group grow grunt guard guess guide guilt guitar gun gym habit hair half hammer hamster hand happy harbor hard harsh harvest hat have hawk hazard head health heart heavy hedgehog height hello helmet help hen hero hidden high hill hint hip hire history hobby hockey hold hole holiday hollow home honey hood hope horn horror horse hospital host hotel hour hover hub huge human humble humor hundred hungry hunt hurdle hurry hurt husband hybrid ice icon idea identify idle ignore ill illegal illness image imitate immense immune impact impose improve impulse inch include income increase index indicate indoor industry infant inflict inform inhale inherit initial inject injury inmate inner innocent input inquiry insane insect inside inspire install intact interest into invest invite involve iron island isolate issue item ivory jacket jaguar jar jazz jealous jeans jelly jewel job join joke journey joy judge juice jump jungle junior junk just kangaroo keen keep ketchup key kick kid kidney kind kingdom kiss kit kitchen kite kitten kiwi knee knife knock know lab label labor ladder lady lake lamp language laptop large later latin laugh laundry lava law lawn lawsuit layer lazy leader leaf learn leave lecture left leg legal legend leisure lemon lend length lens leopard lesson letter level liar liberty library license life lift light like limb limit link lion liquid list little live lizard load loan lobster local lock logic lonely long loop lottery loud lounge love loyal lucky luggage lumber lunar lunch luxury lyrics machine mad magic magnet maid mail main major make mammal man manage mandate mango mansion manual maple marble march margin marine market marriage mask mass master match material math matrix matter maximum maze meadow mean measure meat mechanic medal media melody melt member memory mention menu mercy merge merit merry mesh message metal method middle midnight milk million mimic mind minimum minor minute miracle mirror misery miss mistake mix mixed mixture mobile model modify mom moment monitor monkey monster month moon moral more morning mosquito mother motion motor mountain mouse move movie much muffin mule multiply muscle museum mushroom music must mutual myself mystery myth naive name napkin narrow nasty nation nature near neck need negative neglect neither nephew nerve nest net network neutral never news next nice night noble noise nominee noodle normal north nose notable note nothing notice novel now nuclear number nurse nut oak obey object oblige obscure observe obtain obvious occur ocean october odor off offer office often oil okay old olive olympic omit once one onion online only open opera opinion oppose option orange orbit orchard order ordinary organ orient original orphan ostrich other outdoor outer output outside oval oven over own owner oxygen oyster ozone pact paddle page pair palace palm panda panel panic panther paper parade parent park parrot party pass patch path patient patrol pattern pause pave payment peace peanut pear peasant pelican pen penalty pencil people pepper perfect permit person pet phone photo phrase physical piano picnic picture piece pig pigeon pill pilot pink pioneer pipe pistol pitch pizza place planet plastic plate play please pledge pluck plug plunge poem poet point polar pole police pond pony pool popular portion position possible post potato pottery poverty powder power practice praise predict prefer prepare present pretty prevent price pride primary print priority prison private prize problem process produce profit program project promote proof property prosper protect proud provide public pudding pull pulp pulse pumpkin punch pupil puppy purchase purity purpose purse push put puzzle pyramid quality quantum quarter question quick quit quiz quote rabbit raccoon race rack radar radio rail rain raise rally ramp ranch random range rapid rare rate rather raven raw razor ready real reason rebel rebuild recall receive recipe record recycle reduce reflect reform refuse region regret regular reject relax release relief rely remain remember remind remove render renew rent reopen repair repeat replace report require rescue resemble resist resource response result retire retreat return reunion reveal review reward rhythm rib ribbon rice rich ride ridge rifle right rigid ring riot ripple risk ritual rival river road roast robot robust rocket romance roof rookie room rose rotate rough round route royal rubber rude rug rule run runway rural sad saddle sadness safe sail salad salmon salon salt salute same sample sand satisfy satoshi sauce sausage save say scale scan scare scatter scene scheme school science scissors scorpion scout scrap screen script scrub sea search season seat second secret section security seed seek segment select sell seminar senior sense sentence series service session settle setup seven shadow shaft shallow share shed shell sheriff shield shift shine ship shiver shock shoe shoot shop short shoulder shove shrimp shrug shuffle shy sibling sick side siege sight sign silent silk silly silver similar simple since sing siren sister situate six size skate sketch ski skill skin skirt skull slab slam sleep slender slice slide slight slim slogan slot slow slush small smart smile smoke smooth snack snake snap sniff snow soap soccer social sock soda soft solar soldier solid solution solve someone song soon sorry sort soul sound soup source south space spare spatial spawn speak special speed spell spend sphere spice spider spike spin spirit split spoil sponsor spoon sport spot spray spread spring spy square squeeze squirrel stable stadium staff stage stairs stamp stand start state stay steak steel stem step stereo stick still sting stock stomach stone stool story stove strategy street strike strong struggle student stuff stumble style subject submit subway success such sudden suffer sugar suggest suit summer sun sunny sunset super supply supreme sure surface surge surprise surround survey suspect sustain swallow swamp swap swarm swear sweet swift swim swing switch sword symbol symptom syrup system table tackle tag tail talent talk tank tape target task taste tattoo taxi teach team tell ten tenant tennis tent term test text thank that theme then theory there they thing this thought three thrive throw thumb thunder ticket tide tiger tilt timber time tiny tip tired tissue title toast tobacco today toddler toe together toilet token tomato tomorrow tone tongue tonight tool tooth top topic topple torch tornado tortoise toss total tourist toward tower town toy track trade traffic tragic train transfer trap trash travel tray treat tree trend trial tribe trick trigger trim trip trophy trouble truck true truly trumpet trust truth try tube tuition tumble tuna tunnel turkey turn turtle twelve twenty twice twin twist two type typical ugly umbrella unable unaware uncle uncover under undo unfair unfold unhappy uniform unique unit universe unknown unlock until unusual unveil update upgrade uphold upon upper upset urban urge usage use used useful useless usual utility vacant vacuum vague valid valley valve van vanish vapor various vast vault vehicle velvet vendor venture venue verb verify version very vessel veteran viable vibrant vicious victory video view village vintage violin virtual virus visa visit visual vital vivid vocal voice void volcano volume vote voyage wage wagon wait walk wall walnut want warfare warm warrior wash wasp waste water wave way wealth weapon wear weasel weather web wedding weekend weird welcome west wet whale what wheat wheel when where whip whisper wide width wife wild will win window wine wing wink winner winter wire wisdom wise wish witness wolf woman wonder wood wool word work world worry worth wrap wreck wrestle wrist write wrong yard year yellow you young youth zebra zero zone zoo'.split(
    ' ',
  );

function walletKit(rand, _t) {
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const mnemonic = (words = 12) => {
    const ent = bytes((words * 4) / 3);
    const bits =
      [...ent].map((b) => b.toString(2).padStart(8, '0')).join('') +
      [...sha256(ent)]
        .map((b) => b.toString(2).padStart(8, '0'))
        .join('')
        .slice(0, words / 3);
    return bits
      .match(/.{11}/g)
      .map((b) => BIP39[parseInt(b, 2)])
      .join(' ');
  };
  const hx = (n) => bytes(n).toString('hex');
  return {
    bytes,
    hx,
    b64: (n) => bytes(n).toString('base64'),
    mnemonic,
    ethKey: () => `0x${hx(32)}`,
    ethAddr: () => eip55(hx(20)),
    txHash: () => `0x${hx(32)}`,
    wif: () => base58check(Buffer.concat([Buffer.from([0x80]), bytes(32), Buffer.from([0x01])])),
    xprv: () =>
      base58check(
        Buffer.concat([Buffer.from('0488ade4000000000000000000', 'hex'), bytes(32), Buffer.from([0]), bytes(32)]),
      ),
    xpub: () =>
      base58check(
        Buffer.concat([
          Buffer.from('0488b21e03', 'hex'),
          bytes(4),
          Buffer.from('80000000', 'hex'),
          bytes(32),
          Buffer.from([rand() < 0.5 ? 2 : 3]),
          bytes(32),
        ]),
      ),
    btcLegacy: () => base58check(Buffer.concat([Buffer.from([0]), bytes(20)])),
    btcP2sh: () => base58check(Buffer.concat([Buffer.from([5]), bytes(20)])),
    btcSegwit: () => segwitAddress('bc', bytes(20)),
    tronAddr: () => base58check(Buffer.concat([Buffer.from([0x41]), bytes(20)])),
    solPubkey: () => base58(bytes(32)),
    solSecret: () => base58(bytes(64)),
    solKeypair: () => JSON.stringify([...bytes(64)]),
    keccakHex: (s) => `0x${keccak256(s).toString('hex')}`,
  };
}

// ---- the repository ---------------------------------------------------------------------------

const BANNED = /example|dummy|fake|test|sample/i;

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 7919 + 4241);
  // A planted value never spells a word that would mark it as a fixture; draw again when one does.
  const clean =
    (fn) =>
    (...a) => {
      for (;;) {
        const v = fn(...a);
        const text = Array.isArray(v) ? v.join('\n') : v;
        if (typeof text !== 'string' || !BANNED.test(text)) return v;
      }
    };
  const raw = makeTokens(rand);
  const t = Object.fromEntries(Object.entries(raw).map(([k, fn]) => [k, clean(fn)]));
  const wk = walletKit(rand, t);
  const w = Object.fromEntries(Object.entries(wk).map(([k, fn]) => [k, k === 'keccakHex' ? fn : clean(fn)]));
  const x = {
    // exchanges
    binanceKey: () => t.alnum(64),
    binanceSecret: () => t.alnum(64),
    cbxKey: () => t.hex(32),
    cbxSecret: clean(() => w.b64(64)),
    cbxPass: () => t.lower(11),
    krakenKey: () => t.mixed(B64, 56),
    krakenSecret: clean(() => w.b64(64)),
    okxSecret: () => t.mixed('0123456789ABCDEF', 32),
    bybitKey: () => t.alnum(18),
    bybitSecret: () => t.alnum(36),
    kucoinKey: () => t.hex(24),
    geminiKey: () => `account-${t.alnum(20)}`,
    geminiSecret: () => t.mixed(B58, 28),
    bitfinex: () => t.alnum(43),
    // node providers and explorers
    infura: () => t.hex(32),
    alchemy: () => t.mixed(URLSAFE, 32),
    quicknode: () => t.hex(40),
    etherscan: () => t.mixed(UPPER + DIGIT, 34),
    tenderly: () => t.mixed(ALNUM, 32),
    coingecko: () => `CG-${t.alnum(24)}`,
    cryptocompare: () => t.hex(64),
    // chat and paging
    telegram: () => `${t.digits(10)}:AA${t.mixed(URLSAFE, 33)}`,
    discordToken: () =>
      `${Buffer.from(t.digits(19)).toString('base64').replace(/=+$/, '')}.${t.mixed(URLSAFE, 6)}.${t.mixed(URLSAFE, 38)}`,
    discordWebhook: () => `https://discord.com/api/webhooks/${t.digits(19)}/${t.mixed(URLSAFE, 68)}`,
    pdRouting: () => t.hex(32),
    pdApi: () => t.mixed(URLSAFE + '+', 20),
    pdUser: () => `u+${t.mixed(URLSAFE, 18)}`,
    // infrastructure
    vaultRoot: () => `hvs.${t.alnum(24)}`,
    vaultSvc: () => `hvs.CAESI${t.mixed(URLSAFE, 87)}`,
    vaultLegacy: () => `s.${t.alnum(24)}`,
    unseal: clean(() => w.b64(33)),
    confluentKey: () => t.mixed(UPPER + DIGIT, 16),
    confluentSecret: () => t.mixed(B64, 64),
    cfGlobal: () => t.hex(37),
    tfc: () => `${t.alnum(14)}.atlasv1.${t.alnum(67)}`,
    dockerPat: () => `dckr_pat_${t.mixed(URLSAFE, 27)}`,
    openssl64: clean(() => w.b64(24)),
    opensslHex: clean(() => w.hx(32)),
    urlPw: () => t.password().replace(/[^A-Za-z0-9]/g, ''),
  };
  const repo = new Repo();
  const ctx = { repo, t, w, x, rand };
  matchingEngine(ctx);
  walletService(ctx);
  signer(ctx);
  tradingUi(ctx);
  bots(ctx);
  alerts(ctx);
  contracts(ctx);
  vault(ctx);
  dataStores(ctx);
  kubernetes(ctx);
  terraform(ctx);
  docker(ctx);
  ci(ctx);
  research(ctx);
  monitoring(ctx);
  logs(ctx);
  docs(ctx);
  return repo;
}

const q = JSON.stringify;
const cell = (code) => `    ${q(code + '\n')},`;
const b64s = (s) => Buffer.from(s).toString('base64');

// ---- Go: matching engine --------------------------------------------------------------------------

function matchingEngine({ repo, t, x }) {
  const mod = repo.file('services/matching-engine/go.mod', 'go');
  mod.l(
    'module github.com/kestrelx/exchange/services/matching-engine',
    '',
    'go 1.22',
    '',
    'require (',
    '\tgithub.com/IBM/sarama v1.43.2',
    '\tgithub.com/jackc/pgx/v5 v5.6.0',
    '\tgithub.com/redis/go-redis/v9 v9.5.3',
    '\tgo.uber.org/zap v1.27.0',
    ')',
  );
  const sum = repo.file('services/matching-engine/go.sum', 'go');
  for (const m of ['github.com/IBM/sarama v1.43.2', 'github.com/jackc/pgx/v5 v5.6.0', 'go.uber.org/zap v1.27.0']) {
    sum.d(`${m} h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`, 'go.sum hash');
    sum.d(`${m}/go.mod h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}`, 'go.sum hash');
  }

  const cfg = repo.file('services/matching-engine/internal/config/config.go', 'go');
  const redisPw = t.password();
  const pgPw = t.password();
  cfg.l(
    'package config',
    '',
    'import (',
    '\t"os"',
    '\t"time"',
    ')',
    '',
    'type Config struct {',
    '\tRedisAddr     string',
    '\tRedisPassword string',
    '\tPGUser        string',
    '\tPGPassword    string',
    '\tSnapshotEvery time.Duration',
    '}',
    '',
  );
  cfg.d('const APIKeyHeader = "X-KX-APIKEY"', 'header name');
  cfg.d('const SecretEnvVar = "MATCHER_PG_PASSWORD"', 'env var name');
  cfg.l(
    '',
    '// Defaults are what staging runs with; prod overrides through the environment.',
    'var Defaults = Config{',
  );
  cfg.l('\tRedisAddr:     "redis-book.matching.svc:6379",');
  cfg.s(`\tRedisPassword: "${redisPw}",`, 'generic', redisPw);
  cfg.l('\tPGUser:        "matcher",');
  cfg.s(`\tPGPassword:    "${pgPw}",`, 'generic', pgPw);
  cfg.l('\tSnapshotEvery: 30 * time.Second,', '}', '', 'func FromEnv() Config {', '\tc := Defaults');
  cfg.d('\tif v := os.Getenv("MATCHER_PG_PASSWORD"); v != "" {', 'env lookup');
  cfg.d('\t\tc.PGPassword = v', 'assignment from variable');
  cfg.l('\t}', '\treturn c', '}');

  const pg = repo.file('services/matching-engine/internal/store/postgres.go', 'go');
  const dsnPw = x.urlPw();
  pg.l(
    'package store',
    '',
    'import (',
    '\t"context"',
    '\t"fmt"',
    '',
    '\t"github.com/jackc/pgx/v5/pgxpool"',
    ')',
    '',
    'func Open(ctx context.Context, host, user, pass string) (*pgxpool.Pool, error) {',
  );
  pg.d('\tdsn := fmt.Sprintf("postgres://%s:%s@%s:5432/orders?sslmode=require", user, pass, host)', 'format string');
  pg.l('\treturn pgxpool.New(ctx, dsn)', '}', '', '// OpenReplica is used by the nightly reconciliation job.');
  pg.l('func OpenReplica(ctx context.Context) (*pgxpool.Pool, error) {');
  pg.s(
    `\treturn pgxpool.New(ctx, "postgres://recon:${dsnPw}@pg-orders-replica.db.svc.cluster.local:5432/orders?sslmode=verify-full")`,
    'database',
    dsnPw,
  );
  pg.l('}');

  const bus = repo.file('services/matching-engine/internal/bus/kafka.go', 'go');
  const ck = x.confluentKey();
  const cs = x.confluentSecret();
  bus.l(
    'package bus',
    '',
    'import "github.com/IBM/sarama"',
    '',
    'func newConfig() *sarama.Config {',
    '\tcfg := sarama.NewConfig()',
    '\tcfg.Net.SASL.Enable = true',
    '\tcfg.Net.SASL.Mechanism = sarama.SASLTypePlaintext',
  );
  bus.s(`\tcfg.Net.SASL.User = "${ck}"`, 'confluent', ck);
  bus.s(`\tcfg.Net.SASL.Password = "${cs}"`, 'confluent', cs);
  bus.l('\tcfg.Net.TLS.Enable = true', '\tcfg.Producer.RequiredAcks = sarama.WaitForAll', '\treturn cfg', '}');
  bus.d('const TopicFills = "matching.fills.v2"', 'topic name');

  const hm = repo.file('services/matching-engine/internal/auth/hmac.go', 'go');
  const sig = x.opensslHex();
  hm.l(
    'package auth',
    '',
    'import (',
    '\t"crypto/hmac"',
    '\t"crypto/sha256"',
    '\t"encoding/hex"',
    ')',
    '',
    '// internalSigningKey signs engine -> gateway acks. TODO(sre-412): move to Vault transit.',
  );
  hm.s(`var internalSigningKey = []byte("${sig}")`, 'generic', sig);
  hm.l(
    '',
    'func Sign(msg []byte) string {',
    '\tm := hmac.New(sha256.New, internalSigningKey)',
    '\tm.Write(msg)',
    '\treturn hex.EncodeToString(m.Sum(nil))',
    '}',
  );

  const tst = repo.file('services/matching-engine/internal/engine/engine_test.go', 'go');
  tst.l('package engine', '', 'import "testing"', '', 'func TestCrossSpread(t *testing.T) {');
  tst.d('\tacct := Account{ID: 42, APIKey: "test-api-key", Secret: "not-a-real-secret"}', 'test fixture');
  tst.d(`\tbook := NewBook("BTC-USDT", WithSeed(${t.digits(9)}))`, 'seed number');
  tst.l('\t_ = acct', '\t_ = book', '}');

  const eng = repo.file('services/matching-engine/config/engine.yaml', 'config');
  const redisYaml = x.openssl64();
  const saslPw = t.password();
  eng.l('engine:', '  markets: [BTC-USDT, ETH-USDT, SOL-USDT, ETH-BTC]', '  snapshot_interval: 30s', 'redis:');
  eng.l('  addr: redis-book.matching.svc:6379');
  eng.s(`  password: "${redisYaml}"`, 'generic', redisYaml);
  eng.l(
    'kafka:',
    '  brokers: [kafka-0.kafka.svc:9093, kafka-1.kafka.svc:9093]',
    '  sasl:',
    '    mechanism: SCRAM-SHA-512',
  );
  eng.l('    username: matching-engine');
  eng.s(`    password: ${saslPw}`, 'generic', saslPw);
  eng.d('  tls_ca_file: /etc/kestrel/tls/ca.pem', 'file path');
  eng.d(`fee_schedule_sha256: ${t.sha256()}`, 'checksum');
}

// ---- Go: wallet service ---------------------------------------------------------------------------

function walletService({ repo, t, w, x }) {
  const eth = repo.file('services/wallet/internal/chain/eth.go', 'go');
  const inf = x.infura();
  const hot = w.ethKey();
  eth.l(
    'package chain',
    '',
    'import (',
    '\t"os"',
    '',
    '\t"github.com/ethereum/go-ethereum/common"',
    '\t"github.com/ethereum/go-ethereum/crypto"',
    '\t"github.com/ethereum/go-ethereum/ethclient"',
    ')',
    '',
  );
  eth.d('var usdt = common.HexToAddress("0xdAC17F958D2ee523a2206206994597C13D831ec7")', 'public contract address');
  eth.d('var weth = common.HexToAddress("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")', 'public contract address');
  eth.d(`var hotWallet = common.HexToAddress("${w.ethAddr()}")`, 'public address');
  eth.d(`var transferTopic = common.HexToHash("${w.keccakHex('Transfer(address,address,uint256)')}")`, 'event topic');
  eth.l('', 'func Dial() (*ethclient.Client, error) {');
  eth.s(`\treturn ethclient.Dial("https://mainnet.infura.io/v3/${inf}")`, 'infura', inf);
  eth.l('}', '', 'func hotKey() string {');
  eth.d('\tif k := os.Getenv("HOT_WALLET_KEY"); k != "" {', 'env lookup');
  eth.l('\t\treturn k', '\t}');
  eth.s(`\treturn "${hot.slice(2)}" // staging hot wallet`, 'ethereum', hot.slice(2));
  eth.l('}', '', 'func Signer() {');
  eth.d('\tkey, err := crypto.HexToECDSA(hotKey())', 'function call');
  eth.l('\t_, _ = key, err', '}');

  const btc = repo.file('services/wallet/internal/chain/btc.go', 'go');
  const rpcPw = x.openssl64();
  const wif = w.wif();
  const xprv = w.xprv();
  btc.l(
    'package chain',
    '',
    'import (',
    '\t"github.com/btcsuite/btcd/btcutil"',
    '\t"github.com/btcsuite/btcd/rpcclient"',
    ')',
    '',
    'func bitcoind() (*rpcclient.Client, error) {',
    '\treturn rpcclient.New(&rpcclient.ConnConfig{',
    '\t\tHost:         "bitcoind-0.wallet.svc:8332",',
    '\t\tUser:         "walletrpc",',
  );
  btc.s(`\t\tPass:         "${rpcPw}",`, 'generic', rpcPw);
  btc.l('\t\tHTTPPostMode: true,', '\t\tDisableTLS:   true,', '\t}, nil)', '}', '');
  btc.d(`const coldXpub = "${w.xpub()}"`, 'extended public key');
  btc.d(`const feeAddress = "${w.btcSegwit()}"`, 'segwit address');
  btc.d(`const legacyDeposit = "${w.btcLegacy()}"`, 'legacy address');
  btc.l('', 'func sweepKey() (*btcutil.WIF, error) {');
  btc.s(`\treturn btcutil.DecodeWIF("${wif}")`, 'bitcoin', wif);
  btc.l('}', '');
  btc.s(`var hotMaster = "${xprv}"`, 'bitcoin', xprv);

  const tron = repo.file('services/wallet/internal/chain/tron.go', 'go');
  const tg = t.uuid();
  const trk = w.hx(32);
  tron.l(
    'package chain',
    '',
    'import "github.com/fbsobreira/gotron-sdk/pkg/client"',
    '',
    'func tronClient() *client.GrpcClient {',
    '\tc := client.NewGrpcClient("grpc.trongrid.io:50051")',
  );
  tron.s(`\t_ = c.SetAPIKey("${tg}")`, 'trongrid', tg);
  tron.l('\treturn c', '}', '');
  tron.d(`const usdtTRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"`, 'public contract address');
  tron.d(`const tronHot = "${w.tronAddr()}"`, 'tron address');
  tron.s(`const tronSweepKey = "${trk}"`, 'tron', trk);

  const sol = repo.file('services/wallet/internal/chain/solana.go', 'go');
  const solSk = w.solSecret();
  sol.l('package chain', '', 'import "github.com/gagliardetto/solana-go"', '');
  sol.d(
    'var tokenProgram = solana.MustPublicKeyFromBase58("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")',
    'program id',
  );
  sol.d(`var depositAuthority = solana.MustPublicKeyFromBase58("${w.solPubkey()}")`, 'public key');
  sol.s(`var feePayer = solana.MustPrivateKeyFromBase58("${solSk}")`, 'solana', solSk);

  const ks = repo.file('services/wallet/internal/keystore/keystore.go', 'go');
  const kpw = t.password();
  ks.l(
    'package keystore',
    '',
    'import "github.com/ethereum/go-ethereum/accounts/keystore"',
    '',
    'func Unlock(ks *keystore.KeyStore) error {',
    '\tacct := ks.Accounts()[0]',
  );
  ks.s(`\treturn ks.Unlock(acct, "${kpw}")`, 'generic', kpw);
  ks.l('}');

  const kf = repo.file('services/wallet/keystore/UTC--2024-05-14T09-31-07.118Z--3f1c7e2a.json', 'keys');
  kf.l('{');
  kf.d(`  "address": "${w.ethAddr().slice(2).toLowerCase()}",`, 'address');
  kf.l('  "crypto": {', '    "cipher": "aes-128-ctr",');
  kf.d(`    "ciphertext": "${w.hx(32)}",`, 'encrypted key (keystore v3)');
  kf.d(`    "cipherparams": { "iv": "${w.hx(16)}" },`, 'iv');
  kf.l('    "kdf": "scrypt",');
  kf.d(`    "kdfparams": { "dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": "${w.hx(32)}" },`, 'kdf salt');
  kf.d(`    "mac": "${w.hx(32)}"`, 'keystore mac');
  kf.l('  },');
  kf.d(`  "id": "${t.uuid()}",`, 'uuid');
  kf.l('  "version": 3', '}');

  const toml = repo.file('services/wallet/config/wallet.toml', 'config');
  const rpcpw2 = x.openssl64();
  const alc = x.alchemy();
  const qn = x.quicknode();
  const fbKey = t.uuid();
  toml.l('[bitcoind]', 'host = "bitcoind-0.wallet.svc:8332"', 'rpcuser = "walletrpc"');
  toml.s(`rpcpassword = "${rpcpw2}"`, 'generic', rpcpw2);
  toml.l('', '[ethereum]');
  toml.s(`rpc_url = "https://eth-mainnet.g.alchemy.com/v2/${alc}"`, 'alchemy', alc);
  toml.s(`ws_url = "wss://silent-thrumming-meadow.quiknode.pro/${qn}/"`, 'quicknode', qn);
  toml.d('fallback_rpc = "https://cloudflare-eth.com"', 'public rpc');
  toml.l('confirmations = 12', '', '[signer]');
  toml.d(`kms_key_id = "arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}"`, 'kms key arn');
  toml.l('', '[fireblocks]', 'base_url = "https://api.fireblocks.io"');
  toml.s(`api_key = "${fbKey}"`, 'fireblocks', fbKey);
  toml.d('secret_key_path = "/etc/kestrel/fireblocks_secret.key"', 'file path');
  toml.d(`vault_account_id = "${t.digits(2)}"`, 'account id');

  const fbs = repo.file('services/wallet/config/fireblocks_secret.key', 'keys');
  const fbPem = t.pkcs8Pem();
  fbs.s(fbPem, 'private-key', fbPem.join('\n'));

  const bconf = repo.file('deploy/bitcoind/bitcoin.conf', 'config');
  const bpw = x.openssl64();
  bconf.l('server=1', 'txindex=1', 'rpcbind=0.0.0.0', 'rpcallowip=10.0.0.0/8', 'rpcuser=walletrpc');
  bconf.s(`rpcpassword=${bpw}`, 'generic', bpw);
  bconf.d(`rpcauth=monitor:${w.hx(16)}$${w.hx(32)}`, 'rpcauth salted hash');
  bconf.d('# rpcpassword=<set in bitcoin.conf.d/secret.conf>', 'placeholder comment');
}

// ---- Rust: signing service ------------------------------------------------------------------------

function signer({ repo, t, w, x }) {
  const ct = repo.file('services/signer/Cargo.toml', 'rust');
  ct.l(
    '[package]',
    'name = "kx-signer"',
    'version = "0.9.3"',
    'edition = "2021"',
    '',
    '[dependencies]',
    'k256 = { version = "0.13", features = ["ecdsa"] }',
    'hex-literal = "0.4"',
    'tokio = { version = "1", features = ["full"] }',
    'vaultrs = "0.7"',
    'yubihsm = { version = "0.42", features = ["http"] }',
  );
  ct.d('kx-proto = { git = "https://github.com/kestrelx/proto", rev = "' + t.sha1() + '" }', 'git rev');
  const cl = repo.file('services/signer/Cargo.lock', 'rust');
  cl.l('# This file is automatically @generated by Cargo.', 'version = 3');
  for (const p of ['k256', 'hex-literal', 'vaultrs']) {
    cl.l('', '[[package]]', `name = "${p}"`, 'version = "0.13.3"');
    cl.l('source = "registry+https://github.com/rust-lang/crates.io-index"');
    cl.d(`checksum = "${t.sha256()}"`, 'cargo checksum');
  }

  const cfg = repo.file('services/signer/src/config.rs', 'rust');
  const pin = t.password();
  const vtok = x.vaultSvc();
  cfg.l(
    'use std::env;',
    '',
    'pub struct Config {',
    '    pub vault_addr: String,',
    '    pub vault_token: String,',
    '    pub hsm_connector: String,',
    '    pub hsm_auth_key: u16,',
    '}',
    '',
  );
  cfg.s(`const HSM_AUTH_PASSWORD: &str = "${pin}";`, 'generic', pin);
  cfg.d('const HSM_DEFAULT_PASSWORD_ENV: &str = "YUBIHSM_AUTH_PASSWORD";', 'env var name');
  cfg.d("const DERIVATION_PATH: &str = \"m/44'/60'/0'/0\";", 'bip44 path');
  cfg.l('', 'impl Default for Config {', '    fn default() -> Self {', '        Config {');
  cfg.l('            vault_addr: "https://vault.kestrelx.internal:8200".into(),');
  cfg.s(`            vault_token: String::from("${vtok}"),`, 'vault', vtok);
  cfg.l('            hsm_connector: "http://127.0.0.1:12345".into(),', '            hsm_auth_key: 1,');
  cfg.l('        }', '    }', '}', '', 'pub fn load() -> Config {', '    let mut c = Config::default();');
  cfg.d('    if let Ok(tok) = env::var("VAULT_TOKEN") {', 'env lookup');
  cfg.l('        c.vault_token = tok;', '    }', '    c', '}');

  const keys = repo.file('services/signer/src/keys.rs', 'rust');
  const sk = w.hx(32);
  const withdrawal = w.hx(32);
  keys.l(
    'use hex_literal::hex;',
    'use k256::ecdsa::SigningKey;',
    '',
    '/// Break-glass key for the withdrawal co-signer while the HSM is down.',
  );
  keys.s(`const BREAK_GLASS: [u8; 32] = hex!("${sk}");`, 'ethereum', sk);
  keys.l(
    '',
    'pub fn break_glass() -> SigningKey {',
    '    SigningKey::from_bytes(&BREAK_GLASS.into()).unwrap()',
    '}',
    '',
  );
  keys.l('pub fn withdrawal_cosigner() -> SigningKey {');
  keys.s(`    let bytes = hex::decode("${withdrawal}").expect("hex");`, 'ethereum', withdrawal);
  keys.l('    SigningKey::from_slice(&bytes).unwrap()', '}', '');
  keys.d(`pub const COSIGNER_PUBKEY: &str = "02${w.hx(32)}";`, 'compressed public key');
  keys.l('', '#[cfg(test)]', 'mod tests {');
  keys.d('    const KEY: [u8; 32] = [1u8; 32];', 'test constant');
  keys.l('}');

  const vec = repo.file('services/signer/tests/vectors.rs', 'rust');
  vec.l('// BIP-39 / BIP-32 reference vectors (trezor/python-mnemonic vectors.json, BIP-32 test vector 1).');
  vec.d(
    'const MNEMONIC: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";',
    'bip39 reference vector',
  );
  vec.d(
    'const XPRV: &str = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";',
    'bip32 test vector',
  );
  vec.d(
    'const ANVIL0: &str = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // anvil account 0',
    'anvil default key',
  );

  const cc = repo.file('services/signer/.cargo/credentials.toml', 'rust');
  const cio = `cio${t.alnum(32)}`;
  const regTok = x.opensslHex();
  cc.l('[registry]');
  cc.s(`token = "${cio}"`, 'crates', cio);
  cc.l('', '[registries.kestrel]');
  cc.s(`token = "Bearer ${regTok}"`, 'generic', regTok);

  const sy = repo.file('services/signer/config/signer.yaml', 'config');
  const hsmPw = t.password();
  const seed = w.mnemonic(24);
  sy.l('listen: 0.0.0.0:7443', 'yubihsm:', '  connector: http://127.0.0.1:12345', '  auth_key_id: 2');
  sy.s(`  password: "${hsmPw}"`, 'generic', hsmPw);
  sy.l('chains:', '  ethereum:', '    chain_id: 1');
  sy.d("    derivation_path: \"m/44'/60'/0'/0/0\"", 'bip44 path');
  sy.l('  bitcoin:', '    network: mainnet');
  sy.d(`    account_xpub: ${w.xpub()}`, 'extended public key');
  sy.l('dev:', '  # local signer only; production seeds live in the HSM');
  sy.s(`  master_mnemonic: "${seed}"`, 'mnemonic', seed);
}

// ---- TypeScript: trading UI -----------------------------------------------------------------------

function tradingUi({ repo, t, w, x }) {
  const env = repo.file('apps/trading-ui/.env.production', 'env');
  const ns = x.openssl64();
  const cg = x.coingecko();
  const cookie = x.opensslHex();
  env.l('NODE_ENV=production', 'NEXT_PUBLIC_API_BASE=https://api.kestrelx.io');
  env.d(`NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID=${t.hex(32)}`, 'walletconnect project id (public)');
  env.d(
    `NEXT_PUBLIC_SENTRY_DSN=https://${t.hex(32)}@o${t.digits(6)}.ingest.sentry.io/${t.digits(7)}`,
    'sentry dsn (public)',
  );
  env.d(`NEXT_PUBLIC_GA_ID=G-${t.mixed(UPPER + DIGIT, 10)}`, 'analytics id');
  env.s(`NEXTAUTH_SECRET=${ns}`, 'generic', ns);
  env.s(`COINGECKO_PRO_API_KEY=${cg}`, 'coingecko', cg);
  env.s(`SESSION_COOKIE_SECRET="${cookie}"`, 'generic', cookie);

  const wg = repo.file('apps/trading-ui/src/lib/wagmi.ts', 'typescript');
  wg.l(
    "import { createConfig, http } from 'wagmi';",
    "import { mainnet, arbitrum } from 'wagmi/chains';",
    "import { walletConnect } from 'wagmi/connectors';",
    '',
    'export const config = createConfig({',
    '  chains: [mainnet, arbitrum],',
  );
  wg.d(`  connectors: [walletConnect({ projectId: '${t.hex(32)}' })],`, 'walletconnect project id (public)');
  wg.l('  transports: {');
  wg.d(
    '    [mainnet.id]: http(`https://eth-mainnet.g.alchemy.com/v2/${process.env.NEXT_PUBLIC_ALCHEMY_KEY}`),',
    'env interpolation',
  );
  wg.d("    [arbitrum.id]: http('https://arb1.arbitrum.io/rpc'),", 'public rpc');
  wg.l('  },', '});');

  const ch = repo.file('apps/trading-ui/src/config/contracts.ts', 'typescript');
  ch.l('export const CONTRACTS = {');
  ch.d(`  depositRouter: '${w.ethAddr()}',`, 'contract address');
  ch.d(`  vault: '${w.ethAddr()}',`, 'contract address');
  ch.d("  usdc: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',", 'public token address');
  ch.l('} as const;', '');
  ch.d(
    `export const PERMIT_TYPEHASH = '${w.keccakHex('Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)')}';`,
    'eip-2612 typehash',
  );

  const i18n = repo.file('apps/trading-ui/src/locales/en.json', 'typescript');
  i18n.l('{');
  i18n.d('  "apiKeys.secret": "API secret",', 'i18n');
  i18n.d('  "apiKeys.secretHint": "Your secret is shown only once. Store it somewhere safe.",', 'i18n');
  i18n.d('  "apiKeys.passphrase": "Passphrase",', 'i18n');
  i18n.d('  "wallet.seedWarning": "Never share your 12-word recovery phrase.",', 'i18n');
  i18n.l('  "common.ok": "OK"', '}');

  const lock = repo.file('apps/trading-ui/package-lock.json', 'typescript');
  lock.l('{', '  "name": "trading-ui",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const p of ['viem', 'wagmi', 'next']) {
    lock.l(`    "node_modules/${p}": {`, '      "version": "2.9.31",');
    lock.l(`      "resolved": "https://registry.npmjs.org/${p}/-/${p}-2.9.31.tgz",`);
    lock.d(`      "integrity": "sha512-${Buffer.from(t.pick(HEX, 128), 'hex').toString('base64')}"`, 'integrity');
    lock.l('    },');
  }
  lock.l('    "": {}', '  }', '}');

  const api = repo.file('apps/trading-ui/src/server/coingecko.ts', 'typescript');
  const cg2 = x.coingecko();
  api.l('export async function simplePrice(ids: string[]) {', '  const res = await fetch(');
  api.l('    `https://pro-api.coingecko.com/api/v3/simple/price?ids=${ids.join(",")}&vs_currencies=usd`,');
  api.s(`    { headers: { 'x-cg-pro-api-key': '${cg2}' } },`, 'coingecko', cg2);
  api.l('  );', '  return res.json();', '}');
}

// ---- TypeScript: trading bots ---------------------------------------------------------------------

function bots({ repo, t, w, x }) {
  const ex = repo.file('bots/market-maker/src/exchanges.ts', 'typescript');
  const bk = x.binanceKey();
  const bs = x.binanceSecret();
  const kk = x.krakenKey();
  const ksec = x.krakenSecret();
  const okxKey = t.uuid();
  const okxSec = x.okxSecret();
  const okxPass = t.password();
  ex.l(
    "import Binance from 'binance-api-node';",
    "import ccxt from 'ccxt';",
    '',
    '// Sub-account "mm-03"; IP-whitelisted to the NAT gateway.',
    'export const binance = Binance({',
  );
  ex.s(`  apiKey: '${bk}',`, 'binance', bk);
  ex.s(`  apiSecret: '${bs}',`, 'binance', bs);
  ex.l("  httpBase: 'https://api.binance.com',", '});', '');
  ex.s(`export const kraken = new ccxt.kraken({ apiKey: '${kk}', secret: '${ksec}' });`, 'kraken', ksec);
  ex.l('', 'export const okx = new ccxt.okx({');
  ex.s(`  apiKey: '${okxKey}',`, 'okx', okxKey);
  ex.s(`  secret: '${okxSec}',`, 'okx', okxSec);
  ex.s(`  password: '${okxPass}',`, 'okx', okxPass);
  ex.l('});', '');
  ex.d(
    'export const bybit = new ccxt.bybit({ apiKey: process.env.BYBIT_KEY, secret: process.env.BYBIT_SECRET });',
    'env',
  );

  const cb = repo.file('bots/market-maker/src/coinbase.ts', 'typescript');
  const org = t.uuid();
  const kid = t.uuid();
  const ec = t.ecPem();
  const cbxK = x.cbxKey();
  const cbxS = x.cbxSecret();
  const cbxP = x.cbxPass();
  cb.l(
    "import { sign } from 'jsonwebtoken';",
    "import { createHmac, randomBytes } from 'node:crypto';",
    '',
    '// Coinbase Advanced Trade (CDP key).',
    `const keyName = 'organizations/${org}/apiKeys/${kid}';`,
  );
  cb.s(`const keySecret = '${ec.join('\\n')}\\n';`, 'coinbase', ec.join('\n'));
  cb.l(
    '',
    'export function cdpJwt(method: string, path: string): string {',
    '  const uri = `${method} api.coinbase.com${path}`;',
    '  return sign({ iss: "cdp", sub: keyName, uri, nbf: Math.floor(Date.now() / 1000) }, keySecret, {',
    "    algorithm: 'ES256',",
    "    header: { alg: 'ES256', kid: keyName, nonce: randomBytes(16).toString('hex') } as never,",
    '  });',
    '}',
    '',
    '// Coinbase Exchange (prime broker account) still signs with HMAC.',
    'export function exchangeHeaders(ts: string, method: string, path: string, body = "") {',
  );
  cb.s(`  const secret = Buffer.from('${cbxS}', 'base64');`, 'coinbase', cbxS);
  cb.l("  const sig = createHmac('sha256', secret).update(ts + method + path + body).digest('base64');", '  return {');
  cb.s(`    'CB-ACCESS-KEY': '${cbxK}',`, 'coinbase', cbxK);
  cb.l("    'CB-ACCESS-SIGN': sig,", "    'CB-ACCESS-TIMESTAMP': ts,");
  cb.s(`    'CB-ACCESS-PASSPHRASE': '${cbxP}',`, 'coinbase', cbxP);
  cb.l('  };', '}');

  const dj = repo.file('bots/market-maker/config/production.json', 'config');
  const bk2 = x.binanceKey();
  const bs2 = x.binanceSecret();
  const kk2 = x.krakenKey();
  const ks2 = x.krakenSecret();
  const bfx = x.bitfinex();
  const bfxS = x.bitfinex();
  dj.l('{', '  "strategy": { "spreadBps": 6, "maxInventoryUsd": 250000 },', '  "binance": {');
  dj.s(`    "apiKey": "${bk2}",`, 'binance', bk2);
  dj.s(`    "apiSecret": "${bs2}"`, 'binance', bs2);
  dj.l('  },', '  "kraken": {');
  dj.s(`    "key": "${kk2}",`, 'kraken', kk2);
  dj.s(`    "secret": "${ks2}"`, 'kraken', ks2);
  dj.l('  },', '  "bitfinex": {');
  dj.s(`    "apiKey": "${bfx}",`, 'bitfinex', bfx);
  dj.s(`    "apiSecret": "${bfxS}"`, 'bitfinex', bfxS);
  dj.l('  }', '}');
  const cev = repo.file('bots/market-maker/config/custom-environment-variables.json', 'config');
  cev.l('{');
  cev.d('  "binance": { "apiKey": "MM_BINANCE_API_KEY", "apiSecret": "MM_BINANCE_API_SECRET" },', 'env names');
  cev.d('  "kraken": { "key": "MM_KRAKEN_KEY", "secret": "MM_KRAKEN_SECRET" }', 'env names');
  cev.l('}');

  const fx = repo.file('bots/market-maker/test/fixtures/credentials.ts', 'typescript');
  fx.d(`export const binanceCreds = { apiKey: '${'x'.repeat(64)}', apiSecret: '${'x'.repeat(64)}' };`, 'placeholder');
  fx.d("export const krakenCreds = { key: 'fake-kraken-key', secret: 'ZmFrZS1rcmFrZW4tc2VjcmV0' };", 'fake fixture');

  const arb = repo.file('bots/arbitrage/.env', 'env');
  const byk = x.bybitKey();
  const bys = x.bybitSecret();
  const kck = x.kucoinKey();
  const kcs = t.uuid();
  const kcp = t.password();
  const gk = x.geminiKey();
  const gs = x.geminiSecret();
  const tg = x.telegram();
  arb.l('# arbitrage bot, sg-1 box');
  arb.s(`BYBIT_API_KEY=${byk}`, 'bybit', byk);
  arb.s(`BYBIT_API_SECRET=${bys}`, 'bybit', bys);
  arb.s(`KUCOIN_API_KEY=${kck}`, 'kucoin', kck);
  arb.s(`KUCOIN_API_SECRET=${kcs}`, 'kucoin', kcs);
  arb.s(`KUCOIN_API_PASSPHRASE=${kcp}`, 'kucoin', kcp);
  arb.s(`GEMINI_API_KEY=${gk}`, 'gemini', gk);
  arb.s(`GEMINI_API_SECRET=${gs}`, 'gemini', gs);
  arb.s(`TELEGRAM_BOT_TOKEN=${tg}`, 'telegram', tg);
  arb.d('TELEGRAM_CHAT_ID=-1001873345120', 'chat id');
  arb.d('MIN_EDGE_BPS=4', 'setting');

  const arbx = repo.file('bots/arbitrage/.env.example', 'env');
  arbx.d('BYBIT_API_KEY=your-bybit-api-key', 'placeholder');
  arbx.d('BYBIT_API_SECRET=', 'empty');
  arbx.d('KUCOIN_API_SECRET=<uuid from kucoin>', 'placeholder');
  arbx.d('KUCOIN_API_PASSPHRASE=changeme', 'placeholder');
  arbx.d('TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

  const sgn = repo.file('bots/arbitrage/src/binance-sign.ts', 'typescript');
  const bs3 = x.binanceSecret();
  const bk3 = x.binanceKey();
  sgn.l("import { createHmac } from 'node:crypto';", '');
  sgn.l('export function signQuery(qs: string): string {');
  sgn.d("  return createHmac('sha256', process.env.BINANCE_API_SECRET!).update(qs).digest('hex');", 'env');
  sgn.l('}', '', '// hedge account, used by the fallback path only', 'export function signHedge(qs: string): string {');
  sgn.s(`  return createHmac('sha256', '${bs3}').update(qs).digest('hex');`, 'binance', bs3);
  sgn.l('}', '');
  sgn.s(`export const HEDGE_HEADERS = { 'X-MBX-APIKEY': '${bk3}' };`, 'binance', bk3);
  sgn.d(
    '// docs: apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A (Binance API docs)',
    'documented example key',
  );
  sgn.d(
    "const DOC_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j'; // signature example from the Binance docs",
    'documented example key',
  );

  const liq = repo.file('bots/liquidator/src/index.ts', 'typescript');
  const lk = w.ethKey();
  const alc = x.alchemy();
  liq.l(
    "import { createWalletClient, http } from 'viem';",
    "import { privateKeyToAccount } from 'viem/accounts';",
    "import { arbitrum } from 'viem/chains';",
    '',
  );
  liq.s(`const account = privateKeyToAccount('${lk}');`, 'ethereum', lk);
  liq.l('export const client = createWalletClient({', '  account,', '  chain: arbitrum,');
  liq.s(`  transport: http('https://arb-mainnet.g.alchemy.com/v2/${alc}'),`, 'alchemy', alc);
  liq.l('});');
  liq.d(
    "const ANVIL_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'; // local fork only",
    'anvil default key',
  );
  liq.d(
    `const LIQUIDATION_CALL_TOPIC = '${w.keccakHex('LiquidationCall(address,address,address,uint256,uint256,address,bool)')}';`,
    'event topic',
  );
}

// ---- alert bots ---------------------------------------------------------------------------------

function alerts({ repo, t, x }) {
  const py = repo.file('bots/alerts/telegram_notify.py', 'python');
  const tg = x.telegram();
  py.l('import os', 'import telegram', '');
  py.s(`bot = telegram.Bot(token="${tg}")`, 'telegram', tg);
  py.d('CHAT_ID = -1001873345120  # #ops-alerts', 'chat id');
  py.d('ADMIN_CHAT = os.environ.get("TELEGRAM_ADMIN_CHAT", "")', 'env');
  py.l('', 'async def notify(text: str) -> None:', '    await bot.send_message(chat_id=CHAT_ID, text=text)');

  const dc = repo.file('bots/alerts/src/discord.ts', 'typescript');
  const dtok = x.discordToken();
  const dwh = x.discordWebhook();
  dc.l("import { Client, GatewayIntentBits, WebhookClient } from 'discord.js';", '');
  dc.d(`export const APPLICATION_ID = '${t.digits(19)}';`, 'public application id');
  dc.d(`export const PUBLIC_KEY = '${t.pick(HEX, 64)}'; // interactions signature verification`, 'ed25519 public key');
  dc.l('const client = new Client({ intents: [GatewayIntentBits.Guilds] });');
  dc.s(`client.login('${dtok}');`, 'discord', dtok);
  dc.s(`export const listings = new WebhookClient({ url: '${dwh}' });`, 'discord', dwh);

  const sl = repo.file('bots/alerts/slack/slack.go', 'go');
  const sb = t.slackBot();
  const sw = t.slackWebhook();
  sl.l('package slack', '', 'import "github.com/slack-go/slack"', '');
  sl.s(`var api = slack.New("${sb}")`, 'slack', sb);
  sl.l('', 'func PageTreasury(text string) error {');
  sl.s(`\treturn slack.PostWebhook("${sw}", &slack.WebhookMessage{Text: text})`, 'slack', sw);
  sl.l('}');
  sl.d('const channel = "C05QF2M7K1N"', 'channel id');

  const pd = repo.file('ops/pagerduty/escalate.sh', 'shell');
  const pu = x.pdUser();
  const rk = x.pdRouting();
  pd.l('#!/usr/bin/env bash', 'set -euo pipefail', '# page the wallet on-call when hot balance drops under threshold');
  pd.s(
    `curl -s -H "Authorization: Token token=${pu}" -H "Accept: application/vnd.pagerduty+json;version=2" https://api.pagerduty.com/incidents`,
    'pagerduty',
    pu,
  );
  pd.s(
    `curl -s -X POST https://events.pagerduty.com/v2/enqueue -d '{"routing_key":"${rk}","event_action":"trigger","payload":{"summary":"hot wallet low","severity":"critical","source":"wallet"}}'`,
    'pagerduty',
    rk,
  );
  pd.d('curl -s -H "Authorization: Token token=$PD_API_TOKEN" https://api.pagerduty.com/oncalls', 'variable');
}

// ---- Solidity, Hardhat, Foundry, Solana --------------------------------------------------------

function contracts({ repo, t, w, x }) {
  const hh = repo.file('contracts/hardhat.config.ts', 'solidity');
  const alc = x.alchemy();
  const dk = w.ethKey();
  const mn = w.mnemonic(12);
  const es = x.etherscan();
  hh.l(
    "import { HardhatUserConfig } from 'hardhat/config';",
    "import '@nomicfoundation/hardhat-toolbox';",
    "import 'dotenv/config';",
    '',
    'const config: HardhatUserConfig = {',
    "  solidity: { version: '0.8.24', settings: { optimizer: { enabled: true, runs: 10_000 } } },",
    '  networks: {',
    '    hardhat: {',
  );
  hh.d(
    "      accounts: { mnemonic: 'test test test test test test test test test test test junk' },",
    'hardhat default mnemonic',
  );
  hh.l('    },', '    mainnet: {');
  hh.s(`      url: 'https://eth-mainnet.g.alchemy.com/v2/${alc}',`, 'alchemy', alc);
  hh.s(`      accounts: ['${dk}'],`, 'ethereum', dk);
  hh.l('    },', '    sepolia: {');
  hh.d('      url: process.env.SEPOLIA_RPC_URL ?? "",', 'env');
  hh.s(`      accounts: { mnemonic: '${mn}' },`, 'mnemonic', mn);
  hh.l('    },', '    base: {', "      url: 'https://mainnet.base.org',");
  hh.d('      accounts: process.env.DEPLOYER_KEY ? [process.env.DEPLOYER_KEY] : [],', 'env');
  hh.l('    },', '  },', '  etherscan: {', '    apiKey: {');
  hh.s(`      mainnet: '${es}',`, 'etherscan', es);
  hh.d('      base: process.env.BASESCAN_API_KEY ?? "",', 'env');
  hh.l('    },', '  },', '};', '', 'export default config;');

  const ft = repo.file('contracts/foundry.toml', 'solidity');
  const alc2 = x.alchemy();
  const arbs = x.etherscan();
  ft.l('[profile.default]', 'src = "src"', 'out = "out"', 'libs = ["lib"]', 'solc = "0.8.24"', '', '[rpc_endpoints]');
  ft.d('mainnet = "${MAINNET_RPC_URL}"', 'env interpolation');
  ft.s(`arbitrum = "https://arb-mainnet.g.alchemy.com/v2/${alc2}"`, 'alchemy', alc2);
  ft.d('anvil = "http://127.0.0.1:8545"', 'local rpc');
  ft.l('', '[etherscan]');
  ft.d('mainnet = { key = "${ETHERSCAN_API_KEY}" }', 'env interpolation');
  ft.s(`arbitrum = { key = "${arbs}", url = "https://api.arbiscan.io/api" }`, 'etherscan', arbs);

  const ce = repo.file('contracts/.env', 'env');
  const pk = w.hx(32);
  const mn2 = w.mnemonic(24);
  const es2 = x.etherscan();
  const infK = x.infura();
  const ten = x.tenderly();
  ce.s(`PRIVATE_KEY=${pk}`, 'ethereum', pk);
  ce.s(`MNEMONIC="${mn2}"`, 'mnemonic', mn2);
  ce.s(`ETHERSCAN_API_KEY=${es2}`, 'etherscan', es2);
  ce.s(`INFURA_API_KEY=${infK}`, 'infura', infK);
  ce.s(`TENDERLY_ACCESS_KEY=${ten}`, 'tenderly', ten);
  ce.d(`DEPLOYER_ADDRESS=${w.ethAddr()}`, 'address');
  ce.d('FORK_BLOCK=19876543', 'number');

  const sol = repo.file('contracts/src/CustodyVault.sol', 'solidity');
  sol.l(
    '// SPDX-License-Identifier: BUSL-1.1',
    'pragma solidity 0.8.24;',
    '',
    'import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";',
    '',
    'contract CustodyVault is AccessControl {',
  );
  sol.d('    bytes32 public constant WITHDRAWER_ROLE = keccak256("WITHDRAWER_ROLE");', 'role hash expression');
  sol.d(`    bytes32 public constant PAUSER_ROLE = ${w.keccakHex('PAUSER_ROLE')};`, 'precomputed role hash');
  sol.d(
    `    bytes32 private constant WITHDRAW_TYPEHASH = ${w.keccakHex('Withdraw(address token,address to,uint256 amount,uint256 nonce,uint256 deadline)')};`,
    'eip-712 typehash',
  );
  sol.d(`    address public constant TREASURY = ${w.ethAddr()};`, 'address');
  sol.d(
    `    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;`,
    'eip-1967 slot',
  );
  sol.l('', '    constructor(address admin) {', '        _grantRole(DEFAULT_ADMIN_ROLE, admin);', '    }', '}');

  const ds = repo.file('contracts/script/Deploy.s.sol', 'solidity');
  const bk = w.ethKey();
  ds.l(
    '// SPDX-License-Identifier: BUSL-1.1',
    'pragma solidity 0.8.24;',
    '',
    'import {Script} from "forge-std/Script.sol";',
    'import {CustodyVault} from "../src/CustodyVault.sol";',
    '',
    'contract Deploy is Script {',
    '    function run() external {',
  );
  ds.d('        uint256 deployerKey = vm.envUint("PRIVATE_KEY");', 'env');
  ds.d('        vm.startBroadcast(deployerKey);', 'variable');
  ds.l(
    '        new CustodyVault(msg.sender);',
    '        vm.stopBroadcast();',
    '    }',
    '',
    '    function runGuardian() external {',
  );
  ds.s(`        vm.startBroadcast(${bk});`, 'ethereum', bk);
  ds.l('        new CustodyVault(msg.sender);', '        vm.stopBroadcast();', '    }', '}');

  const tt = repo.file('contracts/test/CustodyVault.t.sol', 'solidity');
  tt.l(
    'pragma solidity 0.8.24;',
    '',
    'import {Test} from "forge-std/Test.sol";',
    '',
    'contract CustodyVaultTest is Test {',
  );
  tt.d('    uint256 internal alicePk = 0xA11CE;', 'test key literal');
  tt.d('    (address bob, uint256 bobPk) = makeAddrAndKey("bob");', 'test helper');
  tt.d(
    '    uint256 internal constant ANVIL_1 = 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d;',
    'anvil default key',
  );
  tt.l('}');

  const dep = repo.file('contracts/deployments/mainnet/CustodyVault.json', 'solidity');
  dep.l('{');
  dep.d(`  "address": "${w.ethAddr()}",`, 'address');
  dep.d(`  "transactionHash": "${w.txHash()}",`, 'tx hash');
  dep.d(`  "receipt": { "blockHash": "${w.txHash()}", "blockNumber": 19876601 },`, 'block hash');
  dep.d(`  "solcInputHash": "${t.hex(32)}",`, 'solc input hash');
  dep.d(`  "bytecode": "0x6080604052348015600e575f80fd5b50${w.hx(180)}",`, 'bytecode');
  dep.l('  "numDeployments": 1', '}');

  const br = repo.file('contracts/broadcast/Deploy.s.sol/1/run-latest.json', 'solidity');
  br.l('{', '  "transactions": [', '    {');
  br.d(`      "hash": "${w.txHash()}",`, 'tx hash');
  br.l('      "transactionType": "CREATE",', '      "contractName": "CustodyVault",');
  br.d(`      "contractAddress": "${w.ethAddr()}",`, 'address');
  br.d(
    `      "transaction": { "from": "${w.ethAddr().toLowerCase()}", "nonce": "0x2a", "input": "0x6080${w.hx(64)}" }`,
    'calldata',
  );
  br.l('    }', '  ],', '  "chain": 1', '}');

  const fund = repo.file('contracts/scripts/fund-hot-wallets.js', 'solidity');
  const fk = w.ethKey();
  const inf2 = x.infura();
  fund.l("const { ethers } = require('ethers');", '');
  fund.s(`const provider = new ethers.JsonRpcProvider('https://mainnet.infura.io/v3/${inf2}');`, 'infura', inf2);
  fund.s(`const treasury = new ethers.Wallet('${fk}', provider);`, 'ethereum', fk);
  fund.d('const ops = ethers.Wallet.fromPhrase(process.env.OPS_MNEMONIC, provider);', 'env');
  fund.l('', 'async function main() {');
  fund.d(`  await treasury.sendTransaction({ to: '${w.ethAddr()}', value: ethers.parseEther('25') });`, 'address');
  fund.l('}', 'main();');

  const solk = repo.file('contracts/solana/keys/program-deployer.json', 'keys');
  const kp = w.solKeypair();
  solk.s(kp, 'solana', kp);
  const anchor = repo.file('contracts/solana/Anchor.toml', 'solidity');
  anchor.l('[features]', 'seeds = false', '', '[programs.mainnet]');
  anchor.d(`kx_deposit = "${w.solPubkey()}"`, 'program id');
  anchor.l('', '[provider]', 'cluster = "mainnet"');
  anchor.d('wallet = "keys/program-deployer.json"', 'file path');
}

// ---- HashiCorp Vault ------------------------------------------------------------------------------

function vault({ repo, t, x }) {
  const hcl = repo.file('infra/vault/config/vault.hcl', 'vault');
  const pgpw = x.urlPw();
  const ak = t.awsId();
  const as = t.awsSecret();
  hcl.l(
    'ui = true',
    'cluster_addr = "https://vault-0.vault-internal:8201"',
    'api_addr = "https://vault.kestrelx.internal:8200"',
    '',
  );
  hcl.l('storage "postgresql" {');
  hcl.s(
    `  connection_url = "postgres://vault:${pgpw}@pg-vault.db.svc:5432/vault?sslmode=verify-full"`,
    'database',
    pgpw,
  );
  hcl.l('  ha_enabled     = "true"', '}', '', 'listener "tcp" {', '  address       = "0.0.0.0:8200"');
  hcl.d('  tls_cert_file = "/vault/tls/tls.crt"', 'file path');
  hcl.d('  tls_key_file  = "/vault/tls/tls.key"', 'file path');
  hcl.l('}', '', 'seal "awskms" {', '  region     = "eu-west-1"');
  hcl.s(`  access_key = "${ak}"`, 'aws', ak);
  hcl.s(`  secret_key = "${as}"`, 'aws', as);
  hcl.d(`  kms_key_id = "${t.uuid()}"`, 'kms key id');
  hcl.l('}');

  const tr = repo.file('infra/vault/config/dr-transit-seal.hcl', 'vault');
  const tok = x.vaultSvc();
  tr.l('seal "transit" {', '  address         = "https://vault-dr.kestrelx.internal:8200"');
  tr.s(`  token           = "${tok}"`, 'vault', tok);
  tr.l('  disable_renewal = "false"', '  key_name        = "autounseal"', '  mount_path      = "transit/"', '}');

  const pol = repo.file('infra/vault/policies/wallet-signer.hcl', 'vault');
  pol.d('path "secret/data/wallet/hot/*" {\n  capabilities = ["read"]\n}', 'policy path');
  pol.d('path "transit/sign/withdrawal-cosigner" {\n  capabilities = ["update"]\n}', 'policy path');
  pol.d('path "auth/token/lookup-self" {\n  capabilities = ["read"]\n}', 'policy path');

  const init = repo.file('infra/vault/init/vault-init-2024-03-11.txt', 'vault');
  const keys = [x.unseal(), x.unseal(), x.unseal(), x.unseal(), x.unseal()];
  const root = x.vaultRoot();
  keys.forEach((k, i) => init.s(`Unseal Key ${i + 1}: ${k}`, 'vault', k));
  init.l('');
  init.s(`Initial Root Token: ${root}`, 'vault', root);
  init.l(
    '',
    'Vault initialized with 5 key shares and a key threshold of 3. Please securely',
    'distribute the key shares printed above. When the Vault is re-sealed,',
    'restarted, or stopped, you must supply at least 3 of these keys to unseal it',
    'before it can start servicing requests.',
  );

  const ar = repo.file('infra/vault/approle/wallet-service.env', 'vault');
  const sid = t.uuid();
  ar.d(`VAULT_ROLE_ID=${t.uuid()}`, 'approle role id (identifier)');
  ar.s(`VAULT_SECRET_ID=${sid}`, 'vault', sid);
  ar.d('VAULT_ADDR=https://vault.kestrelx.internal:8200', 'url');

  const tf = repo.file('infra/vault/terraform/main.tf', 'vault');
  const leg = x.vaultLegacy();
  const bs = x.binanceSecret();
  tf.l('provider "vault" {', '  address = "https://vault.kestrelx.internal:8200"');
  tf.s(`  token   = "${leg}"`, 'vault', leg);
  tf.l(
    '}',
    '',
    'resource "vault_kv_secret_v2" "binance_mm" {',
    '  mount = "secret"',
    '  name  = "trading/binance/mm-03"',
  );
  tf.l('  data_json = jsonencode({');
  tf.d('    api_key    = var.binance_api_key', 'variable');
  tf.s(`    api_secret = "${bs}"`, 'binance', bs);
  tf.l('  })', '}');
}

// ---- Kafka, Redis, Postgres -----------------------------------------------------------------------

function dataStores({ repo, t, x }) {
  const kp = repo.file('infra/kafka/client.properties', 'config');
  const ck = x.confluentKey();
  const cs = x.confluentSecret();
  const tsPw = t.password();
  kp.l(
    'bootstrap.servers=pkc-7prvp.eu-west-1.aws.confluent.cloud:9092',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=PLAIN',
  );
  kp.s(
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${ck}" password="${cs}";`,
    'confluent',
    cs,
  );
  kp.d('ssl.truststore.location=/etc/kafka/secrets/kafka.client.truststore.jks', 'file path');
  kp.s(`ssl.truststore.password=${tsPw}`, 'generic', tsPw);
  kp.d('ssl.endpoint.identification.algorithm=https', 'setting');

  const sink = repo.file('infra/kafka/connect/ledger-pg-sink.json', 'config');
  const cpw = t.password();
  sink.l('{', '  "name": "ledger-pg-sink",', '  "config": {');
  sink.l('    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",');
  sink.l(
    '    "connection.url": "jdbc:postgresql://pg-ledger.db.svc:5432/ledger",',
    '    "connection.user": "kafka_connect",',
  );
  sink.s(`    "connection.password": "${cpw}",`, 'generic', cpw);
  sink.l('    "topics": "ledger.entries.v1"', '  }', '}');
  const sink2 = repo.file('infra/kafka/connect/fills-pg-sink.json', 'config');
  sink2.l('{', '  "name": "fills-pg-sink",', '  "config": {', '    "connection.user": "kafka_connect",');
  sink2.d(
    '    "connection.password": "${file:/opt/kafka/secrets/pg.properties:password}",',
    'config provider reference',
  );
  sink2.l('    "topics": "matching.fills.v2"', '  }', '}');

  const rc = repo.file('infra/redis/redis.conf', 'config');
  const rp = x.openssl64();
  const mp = x.openssl64();
  const aclPw = t.password();
  rc.l('bind 0.0.0.0', 'port 6379', 'appendonly yes');
  rc.d('# requirepass foobared', 'default config comment');
  rc.s(`requirepass ${rp}`, 'generic', rp);
  rc.s(`masterauth ${mp}`, 'generic', mp);
  rc.s(`user marketdata on >${aclPw} ~md:* +@read +subscribe`, 'generic', aclPw);
  rc.d(`user admin on #${t.sha256()} ~* &* +@all`, 'acl sha256 password hash');

  const sql = repo.file('infra/postgres/init/01-roles.sql', 'sql');
  const mpw = t.password();
  const lpw = t.password();
  sql.l('-- roles for the exchange databases; applied by the db-bootstrap job');
  sql.s(`CREATE ROLE matcher LOGIN PASSWORD '${mpw}';`, 'generic', mpw);
  sql.s(`CREATE USER ledger_rw WITH ENCRYPTED PASSWORD '${lpw}' CONNECTION LIMIT 50;`, 'generic', lpw);
  sql.d(
    `ALTER ROLE readonly PASSWORD 'SCRAM-SHA-256$4096:${Buffer.from(t.pick(HEX, 32), 'hex').toString('base64')}$${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}';`,
    'scram verifier',
  );
  sql.d(`CREATE ROLE reporting LOGIN PASSWORD 'md5${t.pick(HEX, 32)}';`, 'md5 password hash');
  sql.d("ALTER ROLE migrator PASSWORD :'migrator_password';", 'psql variable');
  sql.l('GRANT SELECT ON ALL TABLES IN SCHEMA public TO readonly;');

  const ul = repo.file('infra/pgbouncer/userlist.txt', 'config');
  const rpw = t.password();
  ul.d(
    `"matcher" "SCRAM-SHA-256$4096:${Buffer.from(t.pick(HEX, 32), 'hex').toString('base64')}$${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}"`,
    'scram verifier',
  );
  ul.d(`"ledger_rw" "md5${t.pick(HEX, 32)}"`, 'md5 password hash');
  ul.s(`"risk_reader" "${rpw}"`, 'generic', rpw);

  const md = repo.file('services/market-data/app/settings.py', 'python');
  const redisPw = x.urlPw();
  const kaiko = t.alnum(32);
  md.l(
    'from pydantic import Field',
    'from pydantic_settings import BaseSettings',
    '',
    '',
    'class Settings(BaseSettings):',
  );
  md.s(`    redis_url: str = "redis://:${redisPw}@redis-md.market-data.svc:6379/2"`, 'database', redisPw);
  md.l('    binance_ws: str = "wss://stream.binance.com:9443/stream"');
  md.s(`    kaiko_api_key: str = Field(default="${kaiko}")`, 'generic', kaiko);
  md.d('    coinmetrics_api_key: str = Field(default="", alias="COINMETRICS_API_KEY")', 'empty default');
  md.d('    glassnode_api_key: str | None = None', 'none');
}

// ---- Kubernetes and Helm --------------------------------------------------------------------------

function kubernetes({ repo, t, w, x }) {
  const sec = repo.file('deploy/k8s/wallet/secret.yaml', 'k8s');
  const bs = x.binanceSecret();
  const hk = w.ethKey();
  const amqp = x.urlPw();
  sec.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: wallet-service',
    '  namespace: wallet',
    'type: Opaque',
    'data:',
  );
  sec.s(`  BINANCE_API_SECRET: ${b64s(bs)}`, 'binance', bs);
  sec.s(`  HOT_WALLET_PRIVATE_KEY: ${b64s(hk)}`, 'ethereum', hk);
  sec.s(`  RABBITMQ_URL: ${b64s(`amqps://wallet:${amqp}@rabbitmq.wallet.svc:5671/`)}`, 'database', amqp);
  sec.d(`  LOG_LEVEL: ${b64s('debug')}`, 'base64 of a setting');
  sec.d(`  CHAIN_ID: ${b64s('1')}`, 'base64 of a setting');

  const ss = repo.file('deploy/k8s/wallet/sealed-secret.yaml', 'k8s');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: wallet-signer',
    '  namespace: wallet',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    SIGNER_VAULT_TOKEN: AgB${t.mixed(B64, 600)}==`, 'sealed secret');
  ss.d(`    YUBIHSM_PASSWORD: AgC${t.mixed(B64, 600)}==`, 'sealed secret');

  const es = repo.file('deploy/k8s/wallet/external-secret.yaml', 'k8s');
  es.l(
    'apiVersion: external-secrets.io/v1beta1',
    'kind: ExternalSecret',
    'metadata:',
    '  name: exchange-keys',
    'spec:',
  );
  es.l(
    '  secretStoreRef: { name: vault-backend, kind: ClusterSecretStore }',
    '  data:',
    '    - secretKey: BINANCE_API_KEY',
    '      remoteRef:',
  );
  es.d('        key: secret/data/trading/binance/mm-03', 'vault path');
  es.d('        property: api_key', 'property name');

  const dep = repo.file('deploy/k8s/matching-engine/deployment.yaml', 'k8s');
  const sasl = t.password();
  dep.l(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: matching-engine',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: engine',
  );
  dep.d(`          image: ghcr.io/kestrelx/matching-engine@sha256:${t.sha256()}`, 'image digest');
  dep.l(
    '          env:',
    '            - name: KAFKA_SASL_USERNAME',
    '              value: matching-engine',
    '            - name: KAFKA_SASL_PASSWORD',
  );
  dep.s(`              value: "${sasl}"`, 'generic', sasl);
  dep.l('            - name: MATCHER_PG_PASSWORD', '              valueFrom:', '                secretKeyRef:');
  dep.d('                  name: matcher-pg', 'secret ref name');
  dep.d('                  key: password', 'secret ref key');

  const ba = repo.file('deploy/k8s/trading-ui/basic-auth.yaml', 'k8s');
  ba.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: staging-basic-auth', 'type: Opaque', 'data:');
  ba.d(`  auth: ${b64s(`qa:$apr1$${t.alnum(8)}$${t.mixed(ALNUM + './', 22)}`)}`, 'base64 htpasswd hash');

  const rc = repo.file('deploy/k8s/registry/ghcr-pull.yaml', 'k8s');
  const gh = t.github();
  const auth = b64s(`kestrelx-bot:${gh}`);
  rc.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: ghcr-pull',
    'type: kubernetes.io/dockerconfigjson',
    'data:',
  );
  rc.s(`  .dockerconfigjson: ${b64s(JSON.stringify({ auths: { 'ghcr.io': { auth } } }))}`, 'github', auth);

  const argo = repo.file('deploy/argocd/repo-creds.yaml', 'k8s');
  const gh2 = t.github();
  argo.l(
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: kestrelx-repos',
    '  labels:',
    '    argocd.argoproj.io/secret-type: repo-creds',
    'stringData:',
  );
  argo.l('  type: git', '  url: https://github.com/kestrelx', '  username: kestrelx-argocd');
  argo.s(`  password: ${gh2}`, 'github', gh2);

  const hv = repo.file('deploy/helm/wallet/values-prod.yaml', 'k8s');
  const hpw = t.password();
  const vt = x.vaultSvc();
  const alc = x.alchemy();
  hv.l('replicaCount: 2', 'image:', '  repository: ghcr.io/kestrelx/wallet');
  hv.d(`  tag: "${t.sha1().slice(0, 12)}"`, 'short sha tag');
  hv.l('postgresql:', '  auth:', '    username: wallet');
  hv.s(`    password: "${hpw}"`, 'generic', hpw);
  hv.d('    existingSecret: ""', 'empty');
  hv.l('redis:', '  auth:');
  hv.d('    password: ""', 'empty');
  hv.l('vault:', '  addr: https://vault.kestrelx.internal:8200');
  hv.s(`  token: ${vt}`, 'vault', vt);
  hv.l('chains:', '  ethereum:');
  hv.s(`    rpcUrl: https://eth-mainnet.g.alchemy.com/v2/${alc}`, 'alchemy', alc);
  hv.d('    wsUrl: wss://ethereum-rpc.publicnode.com', 'public rpc');

  const tpl = repo.file('deploy/helm/wallet/templates/secret.yaml', 'k8s');
  tpl.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "wallet.fullname" . }}', 'stringData:');
  tpl.d('  VAULT_TOKEN: {{ .Values.vault.token | quote }}', 'helm template');
  tpl.d(
    '  PG_PASSWORD: {{ required "postgresql.auth.password" .Values.postgresql.auth.password | quote }}',
    'helm template',
  );
}

// ---- Terraform ------------------------------------------------------------------------------------

function terraform({ repo, t, x }) {
  const pv = repo.file('infra/terraform/aws/providers.tf', 'terraform');
  const ak = t.awsId();
  const as = t.awsSecret();
  pv.l(
    'terraform {',
    '  backend "s3" {',
    '    bucket = "kestrelx-tfstate"',
    '    key    = "aws/prod.tfstate"',
    '    region = "eu-west-1"',
    '  }',
    '}',
    '',
  );
  pv.l('provider "aws" {', '  region     = "eu-west-1"');
  pv.s(`  access_key = "${ak}"`, 'aws', ak);
  pv.s(`  secret_key = "${as}"`, 'aws', as);
  pv.l('}', '', 'provider "aws" {', '  alias   = "dr"', '  region  = "eu-central-1"');
  pv.d('  profile = "kestrelx-dr"', 'profile name');
  pv.l('}');

  const rds = repo.file('infra/terraform/aws/rds.tf', 'terraform');
  const rpw = t.password();
  rds.l(
    'resource "aws_db_instance" "ledger" {',
    '  identifier     = "ledger-prod"',
    '  engine         = "postgres"',
    '  engine_version = "16.3"',
    '  username       = "ledger_admin"',
  );
  rds.s(`  password       = "${rpw}"`, 'generic', rpw);
  rds.l(
    '}',
    '',
    'resource "aws_db_instance" "orders" {',
    '  identifier = "orders-prod"',
    '  username   = "orders_admin"',
  );
  rds.d('  password   = random_password.orders.result', 'resource reference');
  rds.l('}', '', 'resource "aws_elasticache_replication_group" "book" {', '  replication_group_id = "orderbook"');
  rds.d('  auth_token           = data.aws_secretsmanager_secret_version.redis.secret_string', 'data reference');
  rds.l('}');

  const st = repo.file('infra/terraform/aws/terraform.tfstate', 'terraform');
  const sid = t.awsId();
  const ssec = t.awsSecret();
  const smtp = `B${t.mixed(B64, 43)}`;
  st.l('{', '  "version": 4,', '  "terraform_version": "1.8.5",', '  "serial": 212,');
  st.d(`  "lineage": "${t.uuid()}",`, 'lineage uuid');
  st.l(
    '  "resources": [',
    '    {',
    '      "type": "aws_iam_access_key",',
    '      "name": "market_data_exporter",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.s(`            "id": "${sid}",`, 'aws', sid);
  st.s(`            "secret": "${ssec}",`, 'aws', ssec);
  st.s(`            "ses_smtp_password_v4": "${smtp}",`, 'aws', smtp);
  st.l('            "status": "Active",');
  st.d('            "user": "market-data-exporter"', 'user name');
  st.l('          }', '        }', '      ]', '    }', '  ]', '}');

  const cf = repo.file('infra/terraform/cloudflare/main.tf', 'terraform');
  const cft = t.cloudflare();
  const r2id = t.hex(32);
  const r2s = t.pick(HEX, 64);
  cf.l(
    'terraform {',
    '  backend "s3" {',
    '    bucket                      = "kestrelx-tf"',
    '    key                         = "cloudflare.tfstate"',
  );
  cf.l('    endpoint                    = "https://' + t.hex(32) + '.r2.cloudflarestorage.com"');
  cf.s(`    access_key                  = "${r2id}"`, 'cloudflare', r2id);
  cf.s(`    secret_key                  = "${r2s}"`, 'cloudflare', r2s);
  cf.l('    skip_credentials_validation = true', '    region                      = "auto"', '  }', '}', '');
  cf.l('provider "cloudflare" {');
  cf.s(`  api_token = "${cft}"`, 'cloudflare', cft);
  cf.l('}', '', 'resource "cloudflare_record" "api" {');
  cf.d(`  zone_id = "${t.hex(32)}"`, 'zone id');
  cf.l('  name    = "api"', '  type    = "CNAME"', '  value   = "api-lb.kestrelx.io"', '  proxied = true', '}', '');
  cf.d(`variable "account_id" { default = "${t.hex(32)}" }`, 'account id');

  const tv = repo.file('infra/terraform/cloudflare/terraform.tfvars', 'terraform');
  const cfg = x.cfGlobal();
  const pdt = x.pdApi();
  tv.d('cloudflare_email = "infra@kestrelx.io"', 'email');
  tv.s(`cloudflare_api_key = "${cfg}"`, 'cloudflare', cfg);
  tv.s(`pagerduty_token = "${pdt}"`, 'pagerduty', pdt);

  const pdtf = repo.file('infra/terraform/pagerduty/main.tf', 'terraform');
  pdtf.l('provider "pagerduty" {');
  pdtf.d('  token = var.pagerduty_token', 'variable');
  pdtf.l(
    '}',
    '',
    'resource "pagerduty_service_integration" "wallet" {',
    '  name    = "Prometheus"',
    '  service = pagerduty_service.wallet.id',
  );
  pdtf.d('  vendor  = data.pagerduty_vendor.prometheus.id', 'data reference');
  pdtf.l('}', '', 'output "wallet_routing_key" {');
  pdtf.d('  value     = pagerduty_service_integration.wallet.integration_key', 'resource reference');
  pdtf.l('  sensitive = true', '}');

  const rcf = repo.file('infra/terraform/.terraformrc', 'terraform');
  const tfc = x.tfc();
  rcf.l('credentials "app.terraform.io" {');
  rcf.s(`  token = "${tfc}"`, 'terraform', tfc);
  rcf.l('}');

  const lk = repo.file('infra/terraform/aws/.terraform.lock.hcl', 'terraform');
  lk.l('provider "registry.terraform.io/hashicorp/aws" {', '  version = "5.54.1"', '  hashes = [');
  lk.d(`    "h1:${Buffer.from(t.pick(HEX, 64), 'hex').toString('base64')}",`, 'provider hash');
  lk.d(`    "zh:${t.sha256()}",`, 'provider hash');
  lk.l('  ]', '}');
}

// ---- Dockerfiles and compose ----------------------------------------------------------------------

function docker({ repo, t, x }) {
  const wd = repo.file('services/wallet/Dockerfile', 'docker');
  const alc = x.alchemy();
  wd.d(`FROM golang:1.22-alpine@sha256:${t.sha256()} AS build`, 'image digest');
  wd.l('WORKDIR /src', 'COPY . .');
  wd.d('RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download', 'build secret mount');
  wd.l('RUN CGO_ENABLED=0 go build -o /wallet ./cmd/wallet', '');
  wd.d(`FROM gcr.io/distroless/static-debian12@sha256:${t.sha256()}`, 'image digest');
  wd.s(`ENV ALCHEMY_API_KEY=${alc}`, 'alchemy', alc);
  wd.l('COPY --from=build /wallet /wallet', 'ENTRYPOINT ["/wallet"]');

  const md = repo.file('bots/market-maker/Dockerfile', 'docker');
  const bk = x.binanceKey();
  const bs = x.binanceSecret();
  md.d(`FROM node:20-slim@sha256:${t.sha256()}`, 'image digest');
  md.l('WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'COPY dist ./dist');
  md.s(`ENV MM_BINANCE_API_KEY=${bk}`, 'binance', bk);
  md.s(`ENV MM_BINANCE_API_SECRET=${bs}`, 'binance', bs);
  md.l('CMD ["node", "dist/main.js"]');

  const dc = repo.file('docker-compose.yml', 'docker');
  const pg = t.password();
  const rp = x.urlPw();
  dc.l('services:', '  postgres:', '    image: postgres:16', '    environment:', '      POSTGRES_USER: kestrel');
  dc.s(`      POSTGRES_PASSWORD: "${pg}"`, 'generic', pg);
  dc.l('  redis:', '    image: redis:7');
  dc.s(`    command: ["redis-server", "--requirepass", "${rp}"]`, 'generic', rp);
  dc.l('  vault:', '    image: hashicorp/vault:1.17', '    environment:');
  dc.d('      VAULT_DEV_ROOT_TOKEN_ID: root', 'vault dev default');
  dc.l('  kafka:', '    image: bitnami/kafka:3.7', '    environment:');
  dc.d('      KAFKA_CLIENT_PASSWORDS: ${KAFKA_CLIENT_PASSWORDS:-localdev}', 'env default placeholder');

  const djson = repo.file('ops/docker/config.json', 'docker');
  const pat = x.dockerPat();
  djson.l('{', '  "auths": {', '    "https://index.docker.io/v1/": {');
  djson.s(`      "auth": "${b64s(`kestrelxci:${pat}`)}"`, 'docker', pat);
  djson.l('    },', '    "ghcr.io": {');
  djson.d('      "auth": ""', 'empty');
  djson.l('    }', '  },', '  "credsStore": "desktop"', '}');
}

// ---- GitHub Actions -------------------------------------------------------------------------------

function ci({ repo, t, w, x }) {
  const dc = repo.file('.github/workflows/deploy-contracts.yml', 'ci');
  const es = x.etherscan();
  const gk = w.ethKey();
  dc.l(
    'name: deploy-contracts',
    'on:',
    '  workflow_dispatch:',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  dc.d('      PRIVATE_KEY: ${{ secrets.DEPLOYER_PRIVATE_KEY }}', 'secrets reference');
  dc.s(`      ETHERSCAN_API_KEY: ${es}`, 'etherscan', es);
  dc.l('    steps:');
  dc.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned action sha');
  dc.d(`      - uses: foundry-rs/foundry-toolchain@${t.sha1()} # v1.2.0`, 'pinned action sha');
  dc.l('      - run: forge build --sizes');
  dc.d(
    '      - run: forge script script/Deploy.s.sol --rpc-url https://mainnet.infura.io/v3/${{ secrets.INFURA_KEY }} --broadcast --verify',
    'secrets reference',
  );
  dc.s(
    `      - run: forge script script/Deploy.s.sol:Deploy --sig "runGuardian()" --rpc-url $SEPOLIA_RPC --private-key ${gk} --broadcast`,
    'ethereum',
    gk,
  );

  const c = repo.file('.github/workflows/ci.yml', 'ci');
  const pat = x.dockerPat();
  const sw = t.slackWebhook();
  c.l(
    'name: ci',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    services:',
    '      postgres:',
    '        image: postgres:16',
    '        env:',
  );
  c.d('          POSTGRES_PASSWORD: postgres', 'ci throwaway default');
  c.l('    steps:');
  c.d(`      - uses: actions/checkout@${t.sha1()} # v4.1.7`, 'pinned action sha');
  c.d(`      - uses: actions/setup-go@${t.sha1()} # v5.0.1`, 'pinned action sha');
  c.s(`      - run: echo "${pat}" | docker login -u kestrelxci --password-stdin`, 'docker', pat);
  c.l('      - run: go test ./...', '      - name: notify', '        if: failure()', '        env:');
  c.s(`          SLACK_WEBHOOK_URL: ${sw}`, 'slack', sw);
  c.l('        run: ./ops/ci/notify-failure.sh');
  c.d('      - run: echo "${{ secrets.GITHUB_TOKEN }}" | gh auth login --with-token', 'secrets reference');

  const m = repo.file('.github/workflows/market-data-backfill.yml', 'ci');
  const cc = x.cryptocompare();
  const cgk = x.coingecko();
  m.l(
    'name: market-data-backfill',
    'on:',
    '  schedule:',
    "    - cron: '17 3 * * *'",
    'jobs:',
    '  backfill:',
    '    runs-on: ubuntu-latest',
    '    env:',
  );
  m.s(`      CRYPTOCOMPARE_API_KEY: "${cc}"`, 'cryptocompare', cc);
  m.s(`      COINGECKO_API_KEY: ${cgk}`, 'coingecko', cgk);
  m.d('      DATABASE_URL: ${{ secrets.MD_DATABASE_URL }}', 'secrets reference');
  m.l('    steps:', '      - run: python -m research.marketdata.backfill --days 3');
}

// ---- Python: research notebooks and market data ---------------------------------------------------

function research({ repo, t, w, x }) {
  const nb = repo.file('research/notebooks/orderbook-imbalance.ipynb', 'notebook');
  const bk = x.binanceKey();
  const bs = x.binanceSecret();
  const kk = x.krakenKey();
  const ks = x.krakenSecret();
  nb.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 3,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb.l(
    cell('import os, time'),
    cell('import pandas as pd'),
    cell('from binance.client import Client'),
    cell('import krakenex'),
  );
  nb.s(cell(`client = Client("${bk}", "${bs}")`), 'binance', bs);
  nb.s(cell(`kraken = krakenex.API(key="${kk}", secret="${ks}")`), 'kraken', ks);
  nb.d(cell('cg_key = os.environ["COINGECKO_API_KEY"]'), 'env');
  nb.l('    "depth = client.get_order_book(symbol=\\"BTCUSDT\\", limit=1000)"', '   ]', '  },', '  {');
  nb.l(
    '   "cell_type": "code",',
    '   "execution_count": 4,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "name": "stdout",',
    '     "output_type": "stream",',
    '     "text": [',
  );
  nb.s(
    `      ${q(`session headers: {'X-MBX-APIKEY': '${bk}', 'User-Agent': 'python-binance/1.0.19'}\n`)},`,
    'binance',
    bk,
  );
  nb.d(`      ${q(`last update id 4912837712, checksum ${t.hex(8)}\n`)}`, 'checksum');
  nb.l('     ]', '    },', '    {', '     "data": {');
  nb.d(`      "image/png": "${t.pngBase64()}",`, 'base64 image');
  nb.l(
    '      "text/plain": ["<Figure size 1200x400 with 2 Axes>"]',
    '     },',
    '     "metadata": {},',
    '     "output_type": "display_data"',
    '    }',
    '   ],',
    '   "source": [',
    '    "print(\\"session headers:\\", client.session.headers)"',
    '   ]',
    '  }',
    ' ],',
  );
  nb.l(
    ' "metadata": { "kernelspec": { "name": "python3", "display_name": "Python 3" } },',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const nb2 = repo.file('research/notebooks/onchain-flows.ipynb', 'notebook');
  const alc = x.alchemy();
  const es = x.etherscan();
  const pg = x.urlPw();
  const gn = t.alnum(32);
  nb2.l(
    '{',
    ' "cells": [',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 1,',
    '   "metadata": {},',
    '   "outputs": [],',
    '   "source": [',
  );
  nb2.l(cell('from web3 import Web3'), cell('import requests'));
  nb2.s(cell(`w3 = Web3(Web3.HTTPProvider("https://eth-mainnet.g.alchemy.com/v2/${alc}"))`), 'alchemy', alc);
  nb2.s(cell(`ETHERSCAN_KEY = "${es}"`), 'etherscan', es);
  nb2.s(cell(`GLASSNODE_API_KEY = "${gn}"`), 'generic', gn);
  nb2.s(cell(`%sql postgresql://analyst:${pg}@warehouse.kestrelx.internal:5432/chain`), 'database', pg);
  nb2.d(cell(`HOT_WALLETS = ["${w.ethAddr()}", "${w.ethAddr()}"]`), 'addresses');
  nb2.d(`    ${q(`tx = w3.eth.get_transaction("${w.txHash()}")`)}`, 'tx hash');
  nb2.l(
    '   ]',
    '  },',
    '  {',
    '   "cell_type": "code",',
    '   "execution_count": 2,',
    '   "metadata": {},',
    '   "outputs": [',
    '    {',
    '     "output_type": "execute_result",',
    '     "execution_count": 2,',
    '     "metadata": {},',
    '     "data": {',
    '      "text/plain": [',
  );
  nb2.d(
    `       ${q(`AttributeDict({'blockHash': HexBytes('${w.txHash()}'), 'from': '${w.ethAddr()}'})`)}`,
    'block hash and address',
  );
  nb2.l(
    '      ]',
    '     }',
    '    }',
    '   ],',
    '   "source": ["tx"]',
    '  }',
    ' ],',
    ' "metadata": {},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );

  const py = repo.file('research/marketdata/fetch_ohlcv.py', 'python');
  const bk2 = x.binanceKey();
  const bs2 = x.binanceSecret();
  const cmc = t.uuid();
  py.l('import os', '', 'import ccxt', 'import requests', '', 'exchange = ccxt.binance({');
  py.s(`    "apiKey": "${bk2}",`, 'binance', bk2);
  py.s(`    "secret": "${bs2}",`, 'binance', bs2);
  py.l('    "enableRateLimit": True,', '})', '');
  py.l(
    'def cmc_listings():',
    '    return requests.get(',
    '        "https://pro-api.coinmarketcap.com/v1/cryptocurrency/listings/latest",',
  );
  py.s(`        headers={"X-CMC_PRO_API_KEY": "${cmc}"},`, 'coinmarketcap', cmc);
  py.l('    ).json()', '');
  py.d('KAIKO_API_KEY = os.getenv("KAIKO_API_KEY")', 'env');
  py.d(
    'GENESIS_HASH = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"',
    'bitcoin genesis block hash',
  );

  const req = repo.file('research/requirements.txt', 'python');
  const gl = t.gitlab();
  req.s(
    `--extra-index-url https://__token__:${gl}@gitlab.kestrelx.io/api/v4/projects/42/packages/pypi/simple`,
    'gitlab',
    gl,
  );
  req.l('ccxt==4.3.46', 'python-binance==1.0.19', 'web3==6.19.0', 'pandas==2.2.2');
  req.d(`krakenex==2.2.2 --hash=sha256:${t.sha256()}`, 'pip hash');

  const sw = repo.file('ops/scripts/sweep_deposits.py', 'python');
  const sk = w.ethKey();
  const mn = w.mnemonic(12);
  const inf = x.infura();
  sw.l(
    'import os',
    'from eth_account import Account',
    'from web3 import Web3',
    '',
    'Account.enable_unaudited_hdwallet_features()',
  );
  sw.s(`w3 = Web3(Web3.HTTPProvider("https://mainnet.infura.io/v3/${inf}"))`, 'infura', inf);
  sw.s(`gas_tank = Account.from_key("${sk}")`, 'ethereum', sk);
  sw.s(`deposit_root = Account.from_mnemonic("${mn}", account_path="m/44'/60'/0'/0/0")`, 'mnemonic', mn);
  sw.d('ops = Account.from_key(os.environ["OPS_KEY"])', 'env');

  const fx = repo.file('services/market-data/tests/fixtures/exchange_keys.json', 'python');
  fx.l('{', '  "_note": "fixtures for the signer unit tests; not real credentials",');
  fx.d('  "binance": { "apiKey": "test-binance-key", "secret": "test-binance-secret" },', 'test fixture');
  fx.d('  "kraken": { "key": "your-kraken-api-key", "secret": "your-kraken-private-key" }', 'placeholder');
  fx.l('}');
}

// ---- monitoring and paging ------------------------------------------------------------------------

function monitoring({ repo, t, x }) {
  const am = repo.file('infra/monitoring/alertmanager.yml', 'config');
  const rk = x.pdRouting();
  const sw = t.slackWebhook();
  const tg = x.telegram();
  am.l('route:', '  receiver: wallet-oncall', 'receivers:', '  - name: wallet-oncall', '    pagerduty_configs:');
  am.s(`      - routing_key: ${rk}`, 'pagerduty', rk);
  am.l('        severity: critical', '  - name: trading-desk', '    slack_configs:');
  am.s(`      - api_url: ${sw}`, 'slack', sw);
  am.l("        channel: '#trading-alerts'", '    telegram_configs:');
  am.s(`      - bot_token: ${tg}`, 'telegram', tg);
  am.d('        chat_id: -1001873345120', 'chat id');
  am.l('  - name: infra', '    pagerduty_configs:');
  am.d('      - routing_key_file: /etc/alertmanager/secrets/pd-infra', 'file path');

  const gd = repo.file('infra/monitoring/grafana/provisioning/datasources/ledger.yaml', 'config');
  const gpw = t.password();
  gd.l(
    'apiVersion: 1',
    'datasources:',
    '  - name: ledger',
    '    type: postgres',
    '    url: pg-ledger-replica.db.svc:5432',
    '    user: grafana_ro',
    '    secureJsonData:',
  );
  gd.s(`      password: "${gpw}"`, 'generic', gpw);
  gd.l(
    '  - name: prometheus',
    '    type: prometheus',
    '    basicAuth: true',
    '    basicAuthUser: grafana',
    '    secureJsonData:',
  );
  gd.d('      basicAuthPassword: $__env{PROM_BASIC_AUTH_PASSWORD}', 'grafana env reference');

  const nc = repo.file('services/notify/config/notify.yaml', 'config');
  const twt = t.twilioToken();
  const sg = t.sendgrid();
  nc.l('sms:', '  provider: twilio');
  nc.d(`  account_sid: ${t.twilioSid()}`, 'twilio account sid (identifier)');
  nc.s(`  auth_token: ${twt}`, 'twilio', twt);
  nc.d('  from: "+14155550142"', 'phone number');
  nc.l('email:', '  provider: sendgrid');
  nc.s(`  api_key: ${sg}`, 'sendgrid', sg);
  nc.d('  template_withdrawal_confirm: d-' + t.pick(HEX, 32), 'template id');
}

// ---- logs -----------------------------------------------------------------------------------------

function logs({ repo, t, w, x }) {
  const wl = repo.file('logs/wallet-service/wallet-2024-11-02.log', 'logs');
  const inf = x.infura();
  const pw = x.urlPw();
  wl.l(
    '{"level":"info","ts":"2024-11-02T07:00:01.118Z","caller":"cmd/main.go:41","msg":"starting wallet-service","version":"1.31.0"}',
  );
  wl.s(
    `{"level":"debug","ts":"2024-11-02T07:00:01.402Z","caller":"chain/eth.go:22","msg":"dialing rpc","url":"https://mainnet.infura.io/v3/${inf}"}`,
    'infura',
    inf,
  );
  wl.s(
    `{"level":"debug","ts":"2024-11-02T07:00:01.517Z","caller":"store/pg.go:18","msg":"connecting","dsn":"postgres://wallet:${pw}@pg-wallet.db.svc:5432/wallet"}`,
    'database',
    pw,
  );
  wl.d(
    `{"level":"info","ts":"2024-11-02T07:14:09.003Z","msg":"withdrawal broadcast","tx_hash":"${w.txHash()}","to":"${w.ethAddr()}","amount":"12.5","asset":"ETH"}`,
    'tx hash and address',
  );
  wl.d(
    `{"level":"info","ts":"2024-11-02T07:14:09.004Z","msg":"signed","raw_tx":"0x02f8b20182${w.hx(90)}"}`,
    'signed raw transaction',
  );
  wl.d(
    `{"level":"info","ts":"2024-11-02T07:20:44.650Z","msg":"btc deposit","txid":"${w.hx(32)}","address":"${w.btcSegwit()}","confirmations":3}`,
    'txid and address',
  );
  wl.d('{"level":"warn","ts":"2024-11-02T07:21:00.000Z","msg":"vault login","token":"hvs.****"}', 'masked');

  const fix = repo.file('logs/fix-gateway/FIX.4.2-KESTRELX-CBX.messages.log', 'logs');
  const key = x.cbxKey();
  const pass = x.cbxPass();
  fix.l(
    '20241103-08:00:00.112 : 8=FIX.4.2\x019=74\x0135=0\x0149=KESTRELX\x0156=Coinbase\x0134=1187\x0152=20241103-08:00:00.112\x0110=061\x01',
  );
  fix.s(
    `20241103-08:00:02.554 : 8=FIX.4.2\x019=212\x0135=A\x0149=${key}\x0156=Coinbase\x0134=1\x0152=20241103-08:00:02.554\x0198=0\x01108=30\x01554=${pass}\x0196=${w.b64(32)}\x018013=S\x0110=144\x01`,
    'coinbase',
    pass,
  );
  fix.d(
    `20241103-08:00:02.601 : 8=FIX.4.2\x019=98\x0135=A\x0149=Coinbase\x0156=KESTRELX\x0134=1\x0152=20241103-08:00:02.601\x0198=0\x01108=30\x0110=203\x01`,
    'logon ack',
  );
  fix.d(
    `20241103-08:00:05.001 : 8=FIX.4.2\x019=177\x0135=D\x0111=${t.uuid()}\x0155=BTC-USD\x0154=1\x0138=0.25\x0144=68250.00\x0140=2\x0110=017\x01`,
    'order with uuid',
  );

  const mm = repo.file('logs/market-maker/mm-2024-11-03.log', 'logs');
  const bk = x.binanceKey();
  const kk = x.krakenKey();
  mm.l('2024-11-03 08:00:00,001 INFO  mm.main  starting strategy=xemm venues=binance,kraken');
  mm.d(
    `2024-11-03 08:00:00,212 DEBUG ccxt     GET https://api.binance.com/api/v3/account?timestamp=1730620800212&recvWindow=5000&signature=${t.pick(HEX, 64)}`,
    'hmac signature',
  );
  mm.s(
    `2024-11-03 08:00:00,213 DEBUG ccxt     request headers {'X-MBX-APIKEY': '${bk}', 'Content-Type': 'application/x-www-form-urlencoded'}`,
    'binance',
    bk,
  );
  mm.s(
    `2024-11-03 08:00:00,480 DEBUG ccxt     POST https://api.kraken.com/0/private/Balance headers={'API-Key': '${kk}', 'API-Sign': '${w.b64(64)}'}`,
    'kraken',
    kk,
  );
  mm.d(
    `2024-11-03 08:00:01,002 INFO  mm.quote placed clientOrderId=x-${t.alnum(20)} BTCUSDT bid 68241.10 ask 68258.90`,
    'client order id',
  );
  mm.d('2024-11-03 08:00:02,117 WARN  mm.risk  api key ****Fq2X nearing weight limit (1100/1200)', 'masked key suffix');

  const au = repo.file('logs/signer/audit.log', 'logs');
  const vt = x.vaultSvc();
  au.l('2024-11-03T09:12:44Z signer[1]: starting kx-signer 0.9.3');
  au.s(
    `2024-11-03T09:12:45Z signer[1]: vault login ok addr=https://vault.kestrelx.internal:8200 token=${vt} ttl=768h`,
    'vault',
    vt,
  );
  au.d(
    `2024-11-03T09:12:45Z signer[1]: token accessor=${t.alnum(24)} policies=[default wallet-signer]`,
    'token accessor',
  );
  au.d(`2024-11-03T09:15:02Z signer[1]: signed withdrawal id=${t.uuid()} digest=${w.txHash()}`, 'digest');

  const ga = repo.file('logs/ci/deploy-contracts-8812.txt', 'logs');
  const es = x.etherscan();
  ga.l('2024-10-28T14:03:11.0012345Z ##[group]Run forge script script/Deploy.s.sol --rpc-url *** --broadcast --verify');
  ga.d('2024-10-28T14:03:11.0013345Z   PRIVATE_KEY: ***', 'masked');
  ga.s(`2024-10-28T14:03:11.0013455Z   ETHERSCAN_API_KEY: ${es}`, 'etherscan', es);
  ga.d(`2024-10-28T14:04:52.8812210Z ✅  [Success]Hash: ${w.txHash()}`, 'tx hash');
  ga.d(`2024-10-28T14:04:52.8812300Z Contract Address: ${w.ethAddr()}`, 'address');

  const ng = repo.file('logs/nginx/api-access.log', 'logs');
  const cg = x.coingecko();
  const tk = t.alnum(40);
  ng.d(
    `10.2.14.7 - - [03/Nov/2024:10:01:12 +0000] "GET /api/v3/ticker/price?symbol=BTCUSDT HTTP/1.1" 200 51 "-" "python-requests/2.31.0" rid=${t.uuid()}`,
    'request id',
  );
  ng.s(
    `10.2.14.9 - - [03/Nov/2024:10:01:13 +0000] "GET /proxy/coingecko/api/v3/coins/markets?vs_currency=usd&x_cg_pro_api_key=${cg} HTTP/1.1" 200 18211 "-" "node-fetch/1.0"`,
    'coingecko',
    cg,
  );
  ng.s(
    `10.2.14.11 - - [03/Nov/2024:10:01:15 +0000] "GET /internal/export/fills.csv?access_token=${tk} HTTP/1.1" 200 90112 "-" "curl/8.5.0"`,
    'generic',
    tk,
  );
}

// ---- docs -----------------------------------------------------------------------------------------

function docs({ repo, t, w, x }) {
  const r = repo.file('README.md', 'docs');
  r.l(
    '# kestrelx exchange',
    '',
    'Matching engine, custody, trading UI and bots.',
    '',
    '## Local chain',
    '',
    '```sh',
    'anvil --fork-url $MAINNET_RPC_URL',
    '```',
    '',
  );
  r.l('Anvil prints ten funded accounts; the first is the one the scripts use:', '');
  r.d('    Private Key: 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80', 'anvil default key');
  r.d('    Mnemonic: test test test test test test test test test test test junk', 'hardhat default mnemonic');
  r.l('');
  r.d(
    'Set `BINANCE_API_KEY=<your key>` and `BINANCE_API_SECRET=<your secret>` in `bots/market-maker/.env`.',
    'placeholder',
  );

  const rot = repo.file('docs/runbooks/hot-wallet-rotation.md', 'docs');
  const old = w.ethKey();
  const neu = w.ethKey();
  rot.l('# Hot wallet rotation', '', '1. Generate the new key on the air-gapped laptop.', '2. Store it:', '', '```sh');
  rot.s(`vault kv put secret/wallet/hot/eth private_key=${neu}`, 'ethereum', neu);
  rot.l('```', '', '3. Drain the old wallet. The old key, for the drain script only:', '');
  rot.s(`    OLD_HOT_KEY=${old}`, 'ethereum', old);
  rot.l('');
  rot.d('4. Read it back with `vault kv get -field=private_key secret/wallet/hot/eth`.', 'vault path');
  rot.d(`5. Confirm the new address (${w.ethAddr()}) on Etherscan.`, 'address');

  const un = repo.file('docs/runbooks/vault-unseal.md', 'docs');
  const uk = x.unseal();
  const rt = x.vaultRoot();
  un.l('# Unsealing Vault after a node restart', '', 'Three key holders each run:', '', '```sh');
  un.d('vault operator unseal <your-unseal-key-share>', 'placeholder');
  un.l('```', '', 'During the 2024-07 incident we used (shares since rekeyed? check with @sre-lead):', '', '```sh');
  un.s(`vault operator unseal ${uk}`, 'vault', uk);
  un.s(`export VAULT_TOKEN=${rt}`, 'vault', rt);
  un.l('```');

  const ex = repo.file('docs/integrations/exchange-auth.md', 'docs');
  ex.l(
    '# Signing exchange requests',
    '',
    '## Kraken',
    '',
    'Kraken signs `path + SHA256(nonce + postdata)` with HMAC-SHA512, keyed by the base64-decoded private key.',
  );
  ex.l('The Kraken API docs walk through it with this documented key:', '');
  ex.d(
    '    API-Secret: kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
    'documented example key',
  );
  ex.l('', '## Binance', '');
  ex.d('    secretKey: NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j', 'documented example key');
  ex.l('', '## OKX', '');
  ex.d(
    'Headers: `OK-ACCESS-KEY`, `OK-ACCESS-SIGN`, `OK-ACCESS-TIMESTAMP`, `OK-ACCESS-PASSPHRASE` (the passphrase you chose when creating the key).',
    'header names',
  );
  const okxK = t.uuid();
  const okxS = x.okxSecret();
  const okxP = t.password();
  ex.l('', 'Our read-only reporting key (shared with finance):', '', '```');
  ex.s(`apikey = "${okxK}"`, 'okx', okxK);
  ex.s(`secretkey = "${okxS}"`, 'okx', okxS);
  ex.s(`passphrase = "${okxP}"`, 'okx', okxP);
  ex.l('```');

  const adr = repo.file('docs/adr/0007-key-management.md', 'docs');
  adr.l('# ADR 0007: key management', '');
  adr.d('Withdrawal keys never leave the HSM; the signer only receives a digest and returns a signature.', 'prose');
  adr.d('The mnemonic for the cold wallet is split with SLIP-39 (3-of-5) and kept in two bank vaults.', 'prose');
  adr.d(
    'API secrets for exchanges are stored at secret/data/trading/<venue>/<account> and rotated every 90 days.',
    'prose',
  );
  adr.d(`Cold storage xpub for watch-only monitoring: ${w.xpub()}`, 'extended public key');
  adr.d(`Proof-of-reserves address: ${w.btcP2sh()}`, 'p2sh address');

  const sops = repo.file('deploy/secrets/trading.enc.yaml', 'encrypted');
  const b = (n) => t.mixed(B64, n);
  sops.d(`binance_api_secret: ENC[AES256_GCM,data:${b(88)},iv:${b(43)}=,tag:${b(22)}==,type:str]`, 'sops');
  sops.d(`kraken_private_key: ENC[AES256_GCM,data:${b(120)},iv:${b(43)}=,tag:${b(22)}==,type:str]`, 'sops');
  sops.l('sops:', '    kms:', `        - arn: arn:aws:kms:eu-west-1:${t.digits(12)}:key/${t.uuid()}`);
  sops.d(`    mac: ENC[AES256_GCM,data:${b(88)}==,iv:${b(43)}=,tag:${b(22)}==,type:str]`, 'sops mac');
  sops.l('    version: 3.9.0');
  const av = repo.file('ops/ansible/group_vars/bitcoind/vault.yml', 'encrypted');
  av.l('bitcoind_rpcpassword: !vault |');
  av.d(
    ['          $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 4 }, () => `          ${t.pick(HEX, 80)}`)],
    'ansible vault ciphertext',
  );
  av.d('bitcoind_rpcuser: "{{ vault_bitcoind_rpcuser }}"', 'jinja reference');

  const rot2 = repo.file('ops/scripts/rotate-binance-key.sh', 'shell');
  const bk = x.binanceKey();
  rot2.l('#!/usr/bin/env bash', 'set -euo pipefail');
  rot2.d('SECRET=$(vault kv get -field=api_secret secret/trading/binance/mm-03)', 'command substitution');
  rot2.s(
    `curl -s -H "X-MBX-APIKEY: ${bk}" "https://api.binance.com/sapi/v1/account/apiRestrictions?timestamp=$(date +%s000)&signature=$SIG"`,
    'binance',
    bk,
  );
  rot2.d('curl -s -H "X-MBX-APIKEY: $BINANCE_API_KEY" https://api.binance.com/api/v3/account', 'variable');
}
