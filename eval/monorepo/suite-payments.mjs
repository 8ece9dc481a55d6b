// Red-team suite "payments": commerce and fintech repositories. Payment gateway SDK configuration
// in several languages (Stripe, Braintree, Adyen, PayPal, Square, Checkout.com, Mollie, Razorpay,
// Paystack, Flutterwave, Klarna, Authorize.Net, GoCardless, Plaid, Wise, Coinbase Commerce),
// storefront platforms (Shopify, BigCommerce, WooCommerce, Magento), tax and shipping APIs
// (TaxJar, Avalara, EasyPost, Shippo, ShipStation), fraud tools (Sift, Signifyd), open-banking
// client secrets and certificates, webhook handlers, Terraform, .env files and framework configs.
// Decoys: publishable keys, merchant/account ids, webhook endpoint ids, vendors' documented test
// keys, test card numbers, IBAN test values, idempotency keys, order ids, public certificates.
// Written from vendors' published key shapes, not from tokenscope's rules.
import { ALNUM, HEX, LOWER, UPPER, DIGIT, URLSAFE, Repo, makeTokens, mulberry32 } from './generate.mjs';

function payTokens(rand, t) {
  const one = (list) => list[Math.floor(rand() * list.length)];
  const HEXU = '0123456789ABCDEF';
  const LA = LOWER + DIGIT;
  return {
    one,
    skLive: () => (rand() < 0.5 ? t.stripeLive() : t.stripeLiveLong()),
    rkLive: () => `rk_live_51${t.mixed(ALNUM, 97)}`,
    skTest: () => `sk_test_51${t.mixed(ALNUM, 97)}`,
    pkLive: () => `pk_live_51${t.mixed(ALNUM, 97)}`,
    pkTest: () => `pk_test_51${t.mixed(ALNUM, 97)}`,
    whsec: () => `whsec_${t.mixed(ALNUM, 32)}`,
    stripeAcct: () => `acct_1${t.mixed(ALNUM, 15)}`,
    stripeWe: () => `we_1${t.mixed(ALNUM, 23)}`,
    stripeCus: () => `cus_${t.mixed(ALNUM, 14)}`,
    stripePi: () => `pi_3${t.mixed(ALNUM, 23)}`,
    stripePiSecret: () => `pi_3${t.mixed(ALNUM, 23)}_secret_${t.mixed(ALNUM, 25)}`,
    btMerchant: () => t.mixed(LA, 16),
    btPublic: () => t.mixed(LA, 16),
    btPrivate: () => t.hex(32),
    btAccess: (m) => `access_token$production$${m}$${t.hex(32)}`,
    adyenKey: () =>
      `AQE${t.mixed(URLSAFE.replace('-', '+'), 40)}w==-${t.mixed(ALNUM + '/+', 43)}=-${t.mixed(ALNUM, 16)}`,
    adyenHmac: () => t.mixed(HEXU, 64),
    adyenClientKey: () => `live_${t.mixed(UPPER + DIGIT, 32)}`,
    paypalId: () => `A${t.mixed(URLSAFE, 79)}`,
    paypalSecret: () => `E${t.mixed(URLSAFE, 79)}`,
    squareToken: () => `EAAA${t.mixed(URLSAFE, 60)}`,
    squareSecret: () => `sq0csp-${t.mixed(URLSAFE, 43)}`,
    squareAppId: () => `sq0idp-${t.mixed(URLSAFE, 22)}`,
    cko: () => `sk_${t.uuid()}`,
    ckoSbox: () => `sk_sbox_${t.mixed(LOWER + '234567', 26)}`,
    ckoPk: () => `pk_sbox_${t.mixed(LOWER + '234567', 26)}`,
    mollie: () => `live_${t.mixed(ALNUM, 30)}`,
    mollieAccess: () => `access_${t.mixed(ALNUM, 40)}`,
    rzpId: () => `rzp_live_${t.mixed(ALNUM, 14)}`,
    rzpSecret: () => t.mixed(ALNUM, 24),
    paystack: () => `sk_live_${t.hex(40)}`,
    paystackPk: () => `pk_live_${t.hex(40)}`,
    flwSec: () => `FLWSECK-${t.hex(32)}-X`,
    flwPub: () => `FLWPUBK-${t.hex(32)}-X`,
    flwEnc: () => `FLWSECK${t.hex(12)}`,
    klarnaUser: () => `K${t.digits(6)}_${t.hex(12)}`,
    klarnaPw: () => `klarna_live_api_${t.mixed(URLSAFE, 32)}`,
    anetLogin: () => t.mixed(ALNUM, 12),
    anetTxKey: () => t.mixed(ALNUM, 16),
    anetSig: () => t.mixed(HEXU, 128),
    gocardless: () => `live_${t.mixed(URLSAFE, 40)}`,
    plaidId: () => t.pick(HEX, 24),
    plaidSecret: () => t.hex(30),
    plaidAccess: () => `access-production-${t.uuid()}`,
    wise: () => t.uuid(),
    coinbase: () => t.uuid(),
    shpat: () => `shpat_${t.hex(32)}`,
    shpss: () => `shpss_${t.hex(32)}`,
    shpca: () => `shpca_${t.hex(32)}`,
    bcToken: () => t.mixed(LA, 31),
    bcSecret: () => t.mixed(LA, 63),
    wcKey: () => `ck_${t.hex(40)}`,
    wcSecret: () => `cs_${t.hex(40)}`,
    magento: () => t.mixed(LA, 32),
    taxjar: () => t.hex(32),
    avalaraLicense: () => t.mixed(HEXU, 16),
    easypost: () => `EZAK${t.hex(54)}`,
    easypostTest: () => `EZTK${t.hex(54)}`,
    shippo: () => `shippo_live_${t.hex(40)}`,
    shipstation: () => t.hex(32),
    sift: () => t.hex(16),
    signifyd: () => t.mixed(ALNUM, 26),
    b64secret: (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))).toString('base64'),
    iban: () =>
      one(['DE89370400440532013000', 'GB82WEST12345698765432', 'NL91ABNA0417164300', 'FR1420041010050500013M02606']),
    card: () =>
      one(['4242424242424242', '4000056655665556', '5555555555554444', '378282246310005', '4111111111111111']),
  };
}

export function buildRepo(seed = 1) {
  const rand = mulberry32(seed * 6113 + 271);
  const t = makeTokens(rand);
  const p = payTokens(rand, t);
  const repo = new Repo();
  stripe(repo, t, p);
  braintreeAdyen(repo, t, p);
  wallets(repo, t, p);
  regional(repo, t, p);
  banking(repo, t, p);
  storefronts(repo, t, p);
  shippingTax(repo, t, p);
  infra(repo, t, p);
  frameworks(repo, t, p);
  fixturesDocs(repo, t, p);
  return repo;
}

function stripe(repo, t, p) {
  const e = repo.file('services/checkout/.env.production', 'env');
  const sk = p.skLive();
  const wh = p.whsec();
  e.l('# checkout service, production', 'NODE_ENV=production', 'PORT=8080');
  e.s(`STRIPE_SECRET_KEY=${sk}`, 'stripe', sk);
  e.d(`STRIPE_PUBLISHABLE_KEY=${p.pkLive()}`, 'stripe publishable key');
  e.s(`STRIPE_WEBHOOK_SECRET=${wh}  # endpoint: /webhooks/stripe`, 'stripe', wh);
  e.d(`STRIPE_ACCOUNT_ID=${p.stripeAcct()}`, 'stripe account id');
  e.d(`STRIPE_WEBHOOK_ENDPOINT_ID=${p.stripeWe()}`, 'stripe webhook endpoint id');
  e.d('STRIPE_API_VERSION=2024-06-20', 'api version');

  const ex = repo.file('services/checkout/.env.example', 'env');
  ex.l('# copy to .env and fill in from 1Password "Stripe (prod)"');
  ex.d('STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
  ex.d('STRIPE_WEBHOOK_SECRET=whsec_...', 'placeholder');
  ex.d('STRIPE_PUBLISHABLE_KEY=pk_test_TYooMQauvdEDq54NiTphI7jx', 'stripe documented publishable test key');

  const js = repo.file('services/checkout/src/stripe.js', 'code');
  const rk = p.rkLive();
  js.l("const Stripe = require('stripe');", '');
  js.s(`const stripe = Stripe(process.env.STRIPE_KEY || '${rk}', {`, 'stripe', rk);
  js.l("  apiVersion: '2024-06-20',", '  maxNetworkRetries: 2,', '});', '');
  js.d(`const PLATFORM_ACCOUNT = '${p.stripeAcct()}';`, 'account id');
  js.d(`// idempotency: ${t.uuid()}`, 'idempotency key');
  js.l('module.exports = { stripe, PLATFORM_ACCOUNT };');

  const wh2 = repo.file('services/checkout/src/webhooks/stripe.ts', 'code');
  const whs = p.whsec();
  wh2.l("import Stripe from 'stripe';", "import type { Request, Response } from 'express';", '');
  wh2.s(`const endpointSecret = "${whs}";`, 'stripe', whs);
  wh2.l(
    'export function handle(req: Request, res: Response) {',
    "  const sig = req.headers['stripe-signature'] as string;",
    '  const event = Stripe.webhooks.constructEvent(req.body, sig, endpointSecret);',
    '  res.json({ received: event.id });',
    '}',
  );

  const py = repo.file('services/billing/billing/settings.py', 'code');
  const sk2 = p.skLive();
  py.l('import os', 'import stripe', '');
  py.s(`stripe.api_key = os.environ.get("STRIPE_API_KEY", "${sk2}")`, 'stripe', sk2);
  py.d('STRIPE_PUBLIC_KEY = os.environ.get("STRIPE_PUBLIC_KEY", "' + p.pkLive() + '")', 'publishable key');
  py.d('DJSTRIPE_WEBHOOK_SECRET = os.environ["DJSTRIPE_WEBHOOK_SECRET"]', 'env reference');
  py.d(`DJSTRIPE_WEBHOOK_UUID = "${t.uuid()}"`, 'djstripe webhook uuid');
  const sk3 = p.skTest();
  py.s(`STRIPE_TEST_SECRET_KEY = '${sk3}'  # staging only`, 'stripe', sk3);

  const rb = repo.file('services/legacy-store/config/initializers/stripe.rb', 'code');
  const rk2 = p.rkLive();
  const whr = p.whsec();
  rb.l('Rails.configuration.stripe = {');
  rb.d(`  publishable_key: '${p.pkLive()}',`, 'publishable key');
  rb.s(`  secret_key:      '${rk2}'`, 'stripe', rk2);
  rb.l('}', 'Stripe.api_key = Rails.configuration.stripe[:secret_key]');
  rb.s(`StripeEvent.signing_secret = "${whr}"`, 'stripe', whr);

  const go = repo.file('services/payouts/internal/stripe/client.go', 'code');
  const skg = p.skLive();
  go.l('package stripe', '', 'import "github.com/stripe/stripe-go/v76"', '', 'func init() {');
  go.s(`\tstripe.Key = "${skg}"`, 'stripe', skg);
  go.l('}');
  go.d(`const connectClientID = "ca_${t.mixed(ALNUM, 32)}"`, 'stripe connect client id (public)');
  go.d(`var testCustomer = "${p.stripeCus()}"`, 'customer id');

  const log = repo.file('services/checkout/logs/checkout-2026-11-30.log', 'log');
  const pis = p.stripePiSecret();
  log.l('2026-11-30T10:00:01Z INFO server started on :8080');
  log.d(
    `2026-11-30T10:01:12Z INFO created payment_intent ${p.stripePi()} amount=4999 currency=usd`,
    'payment intent id',
  );
  log.d(
    `2026-11-30T10:01:12Z DEBUG client_secret=${pis} returned to browser`,
    'payment intent client secret (per-payment, sent to browser)',
  );
  const skl = p.skLive();
  log.s(`2026-11-30T10:02:40Z ERROR stripe: Invalid API Key provided: ${skl}`, 'stripe', skl);
  log.d(
    `2026-11-30T10:03:00Z INFO Idempotency-Key: ${t.uuid()} order=ORD-${t.digits(8)}`,
    'idempotency key and order id',
  );
}

function braintreeAdyen(repo, t, p) {
  const j = repo.file('services/gateway/src/main/resources/application-prod.yml', 'config');
  const m = p.btMerchant();
  const pub = p.btPublic();
  const priv = p.btPrivate();
  j.l('braintree:', '  environment: PRODUCTION');
  j.d(`  merchant-id: ${m}`, 'braintree merchant id');
  j.d(`  public-key: ${pub}`, 'braintree public key (an identifier)');
  j.s(`  private-key: ${priv}`, 'braintree', priv);
  const ak = p.adyenKey();
  const hm = p.adyenHmac();
  j.l('adyen:', '  environment: LIVE');
  j.s(`  api-key: "${ak}"`, 'adyen', ak);
  j.d('  merchant-account: AcmeCorpECOM', 'merchant account name');
  j.d(`  client-key: ${p.adyenClientKey()}`, 'adyen client key (public)');
  j.s(`  hmac-key: ${hm}`, 'adyen', hm);
  j.d(`  live-url-prefix: ${t.hex(16)}-AcmeCorp`, 'live endpoint prefix');

  const cs = repo.file('src/Acme.Payments/appsettings.Production.json', 'config');
  const m2 = p.btMerchant();
  const priv2 = p.btPrivate();
  const ak2 = p.adyenKey();
  cs.l('{', '  "Braintree": {', '    "Environment": "production",');
  cs.d(`    "MerchantId": "${m2}",`, 'merchant id');
  cs.d(`    "PublicKey": "${p.btPublic()}",`, 'braintree public key');
  cs.s(`    "PrivateKey": "${priv2}"`, 'braintree', priv2);
  cs.l('  },', '  "Adyen": {');
  cs.s(`    "ApiKey": "${ak2}",`, 'adyen', ak2);
  cs.d('    "MerchantAccount": "AcmeCorpPOS",', 'merchant account');
  cs.d('    "HmacKey": "#{AdyenHmacKey}#"', 'octopus variable substitution');
  cs.l('  }', '}');

  const php = repo.file('app/code/Acme/Braintree/etc/config.php', 'code');
  const m3 = p.btMerchant();
  const pk3 = p.btPublic();
  const pv3 = p.btPrivate();
  php.l('<?php', '$gateway = new Braintree\\Gateway([', "    'environment' => 'production',");
  php.d(`    'merchantId' => '${m3}',`, 'merchant id');
  php.d(`    'publicKey' => '${pk3}',`, 'public key id');
  php.s(`    'privateKey' => '${pv3}'`, 'braintree', pv3);
  php.l(']);');
  const at = p.btAccess(p.btMerchant());
  php.s(`$paypalGateway = new Braintree\\Gateway(['accessToken' => '${at}']);`, 'braintree', at);

  const nd = repo.file('services/gateway-node/src/adyen.ts', 'code');
  const ak3 = p.adyenKey();
  nd.l("import { Client, CheckoutAPI } from '@adyen/api-library';", '');
  nd.s(`const client = new Client({ apiKey: '${ak3}', environment: 'LIVE',`, 'adyen', ak3);
  nd.l('  liveEndpointUrlPrefix: process.env.ADYEN_PREFIX });');
  const hm2 = p.adyenHmac();
  nd.s(`export const HMAC_KEY = process.env.ADYEN_HMAC ?? '${hm2}';`, 'adyen', hm2);
  nd.d(`// psp reference ${t.digits(16)}`, 'psp reference');

  const dj = repo.file('services/billing/billing/braintree_conf.py', 'code');
  const pv4 = p.btPrivate();
  dj.l(
    'import braintree',
    '',
    'gateway = braintree.BraintreeGateway(',
    '    braintree.Configuration(',
    '        braintree.Environment.Production,',
  );
  dj.d(`        merchant_id="${p.btMerchant()}",`, 'merchant id');
  dj.d(`        public_key="${p.btPublic()}",`, 'public key');
  dj.s(`        private_key="${pv4}",`, 'braintree', pv4);
  dj.l('    )', ')');
  dj.d(
    `TOKENIZATION_KEY = "production_${t.mixed(LOWER + DIGIT, 8)}_${t.mixed(LOWER + DIGIT, 16)}"`,
    'braintree tokenization key (client-side, public)',
  );
}

function wallets(repo, t, p) {
  const pp = repo.file('services/paypal-bridge/.env', 'env');
  const id = p.paypalId();
  const sec = p.paypalSecret();
  pp.l('PAYPAL_MODE=live');
  pp.d(`PAYPAL_CLIENT_ID=${id}`, 'paypal client id (public in JS SDK url)');
  pp.s(`PAYPAL_CLIENT_SECRET=${sec}`, 'paypal', sec);
  pp.d(`PAYPAL_WEBHOOK_ID=${t.mixed(UPPER + DIGIT, 17)}`, 'paypal webhook id');

  const ppj = repo.file('services/paypal-bridge/src/main/java/com/acme/paypal/PayPalConfig.java', 'code');
  const id2 = p.paypalId();
  const sec2 = p.paypalSecret();
  ppj.l('package com.acme.paypal;', '', 'public final class PayPalConfig {');
  ppj.d(`  static final String CLIENT_ID = "${id2}";`, 'client id');
  ppj.s(`  static final String CLIENT_SECRET = "${sec2}";`, 'paypal', sec2);
  ppj.l('  static final String MODE = "live";', '}');

  const curl = repo.file('scripts/paypal-token.sh', 'script');
  const id3 = p.paypalId();
  const sec3 = p.paypalSecret();
  curl.l('#!/usr/bin/env bash', 'set -euo pipefail');
  curl.s([`curl -s https://api-m.paypal.com/v1/oauth2/token \\`, `  -u "${id3}:${sec3}" \\`], 'paypal', sec3);
  curl.l('  -d grant_type=client_credentials | jq -r .access_token');

  const sq = repo.file('services/pos/config/square.yml', 'config');
  const st = p.squareToken();
  const ss = p.squareSecret();
  sq.l('square:', '  environment: production');
  sq.d(`  application_id: ${p.squareAppId()}`, 'square application id');
  sq.s(`  access_token: ${st}`, 'square', st);
  sq.s(`  application_secret: ${ss}`, 'square', ss);
  sq.d(`  location_id: L${t.mixed(UPPER + DIGIT, 12)}`, 'location id');
  sq.d(`  signature_key: "{{ vault 'secret/pos/square#signature_key' }}"`, 'vault reference');

  const sqp = repo.file('services/pos/app/square_client.py', 'code');
  const st2 = p.squareToken();
  sqp.l('from square.client import Client', '');
  sqp.s(`client = Client(access_token="${st2}", environment="production")`, 'square', st2);
  const sigk = t.mixed(URLSAFE, 22);
  sqp.s(`SQUARE_WEBHOOK_SIGNATURE_KEY = "${sigk}"`, 'square', sigk, 'warning');
  sqp.d(`NOTIFICATION_URL = "https://pos.acme-corp.io/hooks/square"`, 'url');

  const cb = repo.file('services/crypto-pay/config.toml', 'config');
  const cbk = p.coinbase();
  const cbw = p.coinbase();
  cb.l('[coinbase_commerce]');
  cb.s(`api_key = "${cbk}"`, 'coinbase', cbk, 'warning');
  cb.s(`webhook_shared_secret = "${cbw}"`, 'coinbase', cbw, 'warning');
  cb.d(`checkout_id = "${t.uuid()}"`, 'checkout id');
}

function regional(repo, t, p) {
  const rz = repo.file('services/india/.env', 'env');
  const rid = p.rzpId();
  const rs = p.rzpSecret();
  rz.d(`RAZORPAY_KEY_ID=${rid}`, 'razorpay key id (public, passed to client-side Checkout)');
  rz.s(`RAZORPAY_KEY_SECRET=${rs}`, 'razorpay', rs, 'warning');
  const rzw = t.password();
  rz.s(`RAZORPAY_WEBHOOK_SECRET="${rzw}"`, 'generic', rzw);
  rz.d('RAZORPAY_KEY_ID_TEST=rzp_test_xxxxxxxxxxxxxx', 'placeholder');

  const rzn = repo.file('services/india/src/razorpay.js', 'code');
  const rid2 = p.rzpId();
  const rs2 = p.rzpSecret();
  rzn.l("const Razorpay = require('razorpay');");
  rzn.s([`const rzp = new Razorpay({ key_id: '${rid2}',`, `  key_secret: '${rs2}' });`], 'razorpay', rs2);
  rzn.d(`// order_${t.mixed(ALNUM, 14)} captured`, 'order id');

  const ps = repo.file('services/africa/config/paystack.php', 'code');
  const psk = p.paystack();
  ps.l('<?php', 'return [');
  ps.d(`    'publicKey' => env('PAYSTACK_PUBLIC_KEY', '${p.paystackPk()}'),`, 'paystack public key');
  ps.s(`    'secretKey' => env('PAYSTACK_SECRET_KEY', '${psk}'),`, 'paystack', psk);
  ps.l("    'paymentUrl' => 'https://api.paystack.co',", '];');

  const fl = repo.file('services/africa/.env.live', 'env');
  const fs = p.flwSec();
  const fe = p.flwEnc();
  fl.d(`FLW_PUBLIC_KEY=${p.flwPub()}`, 'flutterwave public key');
  fl.s(`FLW_SECRET_KEY=${fs}`, 'flutterwave', fs);
  fl.s(`FLW_ENCRYPTION_KEY=${fe}`, 'flutterwave', fe);
  const fh = t.password();
  fl.s(`FLW_SECRET_HASH=${fh}`, 'generic', fh);

  const mo = repo.file('services/eu/mollie/config.php', 'code');
  const mk = p.mollie();
  const ma = p.mollieAccess();
  mo.l('<?php', '$mollie = new \\Mollie\\Api\\MollieApiClient();');
  mo.s(`$mollie->setApiKey("${mk}");`, 'mollie', mk);
  mo.s(`$mollie->setAccessToken('${ma}');`, 'mollie', ma);
  mo.d(`$profileId = "pfl_${t.mixed(ALNUM, 10)}";`, 'mollie profile id');
  mo.d(`$testKey = "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";`, 'mollie documented example test key');

  const kl = repo.file('services/eu/klarna/klarna.properties', 'config');
  const ku = p.klarnaUser();
  const kp = p.klarnaPw();
  kl.l('# Klarna Payments (EU live)', 'klarna.api.url=https://api.klarna.com');
  kl.d(`klarna.api.username=${ku}`, 'klarna api username (merchant id)');
  kl.s(`klarna.api.password=${kp}`, 'klarna', kp);
  const kp2 = t.password();
  kl.s(`klarna.legacy.shared-secret=${kp2}`, 'generic', kp2);

  const ck = repo.file('services/eu/checkoutcom/settings.json', 'config');
  const c1 = p.cko();
  const c2 = p.ckoSbox();
  ck.l('{');
  ck.s(`  "secretKey": "${c1}",`, 'checkout', c1);
  ck.d(`  "publicKey": "pk_${t.uuid()}",`, 'checkout.com public key');
  ck.s(`  "sandboxSecretKey": "${c2}",`, 'checkout', c2);
  ck.d(`  "sandboxPublicKey": "${p.ckoPk()}",`, 'public key');
  ck.d(`  "processingChannelId": "pc_${t.mixed(LOWER + '234567', 26)}"`, 'processing channel id');
  ck.l('}');

  const an = repo.file('services/us/authnet/config/authorize_net.yml', 'config');
  const lg = p.anetLogin();
  const tk = p.anetTxKey();
  const sg = p.anetSig();
  an.l('production:');
  an.d(`  api_login_id: ${lg}`, 'authorize.net login id');
  an.s(`  transaction_key: ${tk}`, 'authorizenet', tk, 'warning');
  an.s(`  signature_key: ${sg}`, 'authorizenet', sg, 'warning');
  an.l('  gateway: production');

  const anc = repo.file('services/us/authnet/Program.cs', 'code');
  const tk2 = p.anetTxKey();
  anc.l('ApiOperationBase<ANetApiRequest, ANetApiResponse>.RunEnvironment = AuthorizeNet.Environment.PRODUCTION;');
  anc.l(
    'ApiOperationBase<ANetApiRequest, ANetApiResponse>.MerchantAuthentication = new merchantAuthenticationType()',
    '{',
  );
  anc.d(`    name = "${p.anetLogin()}",`, 'login id');
  anc.l('    ItemElementName = ItemChoiceType.transactionKey,');
  anc.s(`    Item = "${tk2}",`, 'authorizenet', tk2, 'warning');
  anc.l('};');
}

function banking(repo, t, p) {
  const pl = repo.file('services/ledger/.env', 'env');
  const pid = p.plaidId();
  const ps = p.plaidSecret();
  pl.l('PLAID_ENV=production');
  pl.d(`PLAID_CLIENT_ID=${pid}`, 'plaid client id');
  pl.s(`PLAID_SECRET=${ps}`, 'plaid', ps);
  const pa = p.plaidAccess();
  pl.s(`PLAID_ACCESS_TOKEN=${pa}`, 'plaid', pa);
  pl.d(`PLAID_ITEM_ID=${t.mixed(ALNUM, 37)}`, 'plaid item id');

  const plg = repo.file('services/ledger/plaid/client.go', 'code');
  const ps2 = p.plaidSecret();
  plg.l('cfg := plaid.NewConfiguration()');
  plg.d(`cfg.AddDefaultHeader("PLAID-CLIENT-ID", "${p.plaidId()}")`, 'client id');
  plg.s(`cfg.AddDefaultHeader("PLAID-SECRET", "${ps2}")`, 'plaid', ps2);
  plg.l('cfg.UseEnvironment(plaid.Production)');

  const gc = repo.file('services/ledger/gocardless.rb', 'code');
  const gk = p.gocardless();
  gc.l("require 'gocardless_pro'");
  gc.s(`@client = GoCardlessPro::Client.new(access_token: "${gk}", environment: :live)`, 'gocardless', gk);
  const gw = t.alnum(40);
  gc.s(`WEBHOOK_ENDPOINT_SECRET = '${gw}'`, 'gocardless', gw, 'warning');
  gc.d(`CREDITOR = "CR${t.mixed(UPPER + DIGIT, 12)}"`, 'creditor id');
  gc.d(`TEST_IBAN = "${p.iban()}"`, 'iban test value');

  const ws = repo.file('services/treasury/wise.yaml', 'config');
  const wt = p.wise();
  ws.l('wise:', '  base_url: https://api.wise.com');
  ws.s(`  api_token: ${wt}`, 'wise', wt, 'warning');
  ws.d(`  profile_id: ${t.digits(8)}`, 'profile id');
  ws.d(`  recipient_iban: ${p.iban()}`, 'iban');

  const ob = repo.file('services/openbanking/config/tpp.properties', 'config');
  const obs = t.mixed(URLSAFE, 40);
  ob.l('# Open Banking UK - TPP registration');
  ob.d(`ob.software-statement-id=${t.mixed(ALNUM, 22)}`, 'software statement id');
  ob.d(`ob.client-id=${t.uuid()}`, 'client id');
  ob.s(`ob.client-secret=${obs}`, 'generic', obs);
  const ksp = t.password();
  ob.s(`ob.transport.keystore-password=${ksp}`, 'generic', ksp);
  ob.d('ob.transport.keystore=classpath:certs/transport.p12', 'path');
  ob.d(`ob.signing.kid=${t.mixed(URLSAFE, 27)}`, 'key id');

  const key = repo.file('services/openbanking/certs/signing.key', 'key');
  const pem = t.pkcs8Pem();
  key.s(pem, 'private-key', pem.slice(1, -1).join('\n'));
  const crt = repo.file('services/openbanking/certs/transport.pem', 'key');
  crt.d(['-----BEGIN CERTIFICATE-----', ...t.rsaPem().slice(1, -1), '-----END CERTIFICATE-----'], 'public certificate');
  const tpk = repo.file('services/openbanking/certs/transport-key.pem', 'key');
  const pem2 = t.rsaPem();
  tpk.s(pem2, 'private-key', pem2.slice(1, -1).join('\n'));
}

function storefronts(repo, t, p) {
  const sh = repo.file('apps/shopify-app/.env', 'env');
  const sk = t.hex(32);
  const ss = p.shpss();
  sh.d(`SHOPIFY_API_KEY=${t.hex(32)}`, 'shopify app api key (client id, public)');
  sh.s(`SHOPIFY_API_SECRET=${ss}`, 'shopify', ss);
  sh.d('SCOPES=write_products,read_orders', 'scopes');
  sh.d('HOST=https://acme-app.fly.dev', 'url');
  void sk;

  const st = repo.file('apps/shopify-app/shopify.app.toml', 'config');
  st.l('name = "acme-loyalty"');
  st.d(`client_id = "${t.hex(32)}"`, 'shopify client id');
  st.l('application_url = "https://acme-app.fly.dev"', '[access_scopes]', 'scopes = "write_products"');

  const adm = repo.file('tools/sync/shopify_sync.py', 'code');
  const at = p.shpat();
  adm.l('import shopify', '');
  adm.l('SHOP = "acme-store.myshopify.com"');
  adm.s(`session = shopify.Session(SHOP, "2024-07", "${at}")`, 'shopify', at);
  adm.l('shopify.ShopifyResource.activate_session(session)');

  const cl = repo.file('tools/sync/graphql.sh', 'script');
  const at2 = p.shpat();
  cl.l('#!/bin/sh');
  cl.s(
    `curl -X POST https://acme-store.myshopify.com/admin/api/2024-07/graphql.json -H "X-Shopify-Access-Token: ${at2}" \\`,
    'shopify',
    at2,
  );
  cl.l("  -H 'Content-Type: application/json' -d @query.json");

  const tom = repo.file('apps/hydrogen/.env', 'env');
  const ca = p.shpca();
  tom.d(`PUBLIC_STOREFRONT_API_TOKEN=${t.hex(32)}`, 'storefront public token');
  tom.s(`PRIVATE_ADMIN_TOKEN=${ca}`, 'shopify', ca);
  tom.d('PUBLIC_STORE_DOMAIN=acme-store.myshopify.com', 'domain');
  const sess = t.hex(32);
  tom.s(`SESSION_SECRET=${sess}`, 'generic', sess);

  const bc = repo.file('services/bigcommerce/config.json', 'config');
  const bt = p.bcToken();
  const bs = p.bcSecret();
  bc.l('{', '  "store_hash": "abc123xyz",');
  bc.d(`  "client_id": "${p.bcToken()}",`, 'bigcommerce client id');
  bc.s(`  "client_secret": "${bs}",`, 'bigcommerce', bs, 'warning');
  bc.s(`  "access_token": "${bt}"`, 'bigcommerce', bt, 'warning');
  bc.l('}');

  const wc = repo.file('services/woo-sync/woo.js', 'code');
  const wk = p.wcKey();
  const wsec = p.wcSecret();
  wc.l(
    'const WooCommerceRestApi = require("@woocommerce/woocommerce-rest-api").default;',
    'const api = new WooCommerceRestApi({',
  );
  wc.l('  url: "https://shop.acme-corp.io",');
  wc.s(`  consumerKey: "${wk}",`, 'woocommerce', wk);
  wc.s(`  consumerSecret: "${wsec}",`, 'woocommerce', wsec);
  wc.l('  version: "wc/v3"', '});');

  const wcp = repo.file('services/woo-sync/wp-content/plugins/acme-erp/settings.ini', 'config');
  const wk2 = p.wcKey();
  const ws2 = p.wcSecret();
  wcp.l('[woocommerce]');
  wcp.s(`consumer_key = ${wk2}`, 'woocommerce', wk2);
  wcp.s(`consumer_secret = ${ws2}`, 'woocommerce', ws2);
  wcp.d('consumer_key_test = ck_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');

  const mg = repo.file('services/magento/app/etc/env.php', 'config');
  const mdb = t.password();
  const mkey = t.hex(32);
  mg.l('<?php', 'return [', "    'crypt' => [");
  mg.s(`        'key' => '${mkey}'`, 'generic', mkey);
  mg.l(
    '    ],',
    "    'db' => [",
    "        'connection' => [",
    "            'default' => [",
    "                'host' => 'mysql.internal',",
    "                'username' => 'magento',",
  );
  mg.s(`                'password' => '${mdb}',`, 'generic', mdb);
  mg.l('            ]', '        ]', '    ],', '];');

  const mgi = repo.file('services/magento/integration/.env', 'env');
  const ac = p.magento();
  const as = p.magento();
  mgi.d(`MAGENTO_CONSUMER_KEY=${p.magento()}`, 'oauth consumer key (identifier)');
  mgi.s(`MAGENTO_CONSUMER_SECRET=${as}`, 'magento', as, 'warning');
  mgi.s(`MAGENTO_ACCESS_TOKEN=${ac}`, 'magento', ac, 'warning');
  mgi.d('MAGENTO_BASE_URL=https://magento.acme-corp.io/rest/V1/', 'url');
}

function shippingTax(repo, t, p) {
  const e = repo.file('services/fulfillment/.env', 'env');
  const ep = p.easypost();
  const sh = p.shippo();
  const ssk = p.shipstation();
  const sss = p.shipstation();
  e.s(`EASYPOST_API_KEY=${ep}`, 'easypost', ep);
  e.s(`SHIPPO_API_TOKEN=${sh}`, 'shippo', sh);
  e.s(`SHIPSTATION_API_KEY=${ssk}`, 'shipstation', ssk, 'warning');
  e.s(`SHIPSTATION_API_SECRET=${sss}`, 'shipstation', sss, 'warning');
  e.d(`EASYPOST_CARRIER_ACCOUNT=ca_${t.hex(32)}`, 'carrier account id');
  e.d(`SHIPPO_WEBHOOK_URL=https://fulfil.acme-corp.io/hooks/shippo`, 'url');

  const ep2 = repo.file('services/fulfillment/lib/labels.rb', 'code');
  const et = p.easypostTest();
  ep2.l("require 'easypost'");
  ep2.s(`client = EasyPost::Client.new(api_key: '${et}')`, 'easypost', et);
  ep2.d(`shipment_id = "shp_${t.hex(32)}"`, 'shipment id');
  ep2.d(`tracking = "EZ${t.digits(10)}"`, 'tracking number');

  const tj = repo.file('services/tax/taxjar.py', 'code');
  const tk = p.taxjar();
  tj.l('import taxjar');
  tj.s(`client = taxjar.Client(api_key='${tk}')`, 'taxjar', tk, 'warning');
  tj.d(`NEXUS_REGION = "CA"  # ${t.sha1()}`, 'comment with git sha');

  const av = repo.file('services/tax/avalara/appsettings.json', 'config');
  const lic = p.avalaraLicense();
  const avp = t.password();
  av.l('{', '  "Avalara": {');
  av.d(`    "AccountId": "${t.digits(10)}",`, 'account id');
  av.s(`    "LicenseKey": "${lic}",`, 'avalara', lic, 'warning');
  av.d('    "CompanyCode": "ACMECORP",', 'company code');
  av.l('    "Username": "avatax-svc@acme-corp.io",');
  av.s(`    "Password": "${avp}"`, 'generic', avp);
  av.l('  }', '}');

  const fr = repo.file('services/fraud/config/fraud.yml', 'config');
  const sift = p.sift();
  const sg = p.signifyd();
  fr.l('sift:');
  fr.s(`  api_key: "${sift}"`, 'sift', sift, 'warning');
  fr.d(`  account_id: "${t.hex(24)}"`, 'sift account id');
  fr.d(`  beacon_key: "${t.hex(10)}"`, 'sift js beacon key (public)');
  fr.l('signifyd:');
  fr.s(`  team_api_key: ${sg}`, 'signifyd', sg, 'warning');
  fr.d(`  team_id: ${t.digits(6)}`, 'team id');
}

function infra(repo, t, p) {
  const tf = repo.file('infra/terraform/stripe/main.tf', 'terraform');
  const sk = p.skLive();
  tf.l('terraform {', '  required_providers {', '    stripe = { source = "lukasaron/stripe" }', '  }', '}', '');
  tf.l('provider "stripe" {');
  tf.s(`  api_key = "${sk}"`, 'stripe', sk);
  tf.l(
    '}',
    '',
    'resource "stripe_webhook_endpoint" "orders" {',
    '  url            = "https://api.acme-corp.io/webhooks/stripe"',
  );
  tf.l('  enabled_events = ["payment_intent.succeeded", "charge.refunded"]', '}');

  const tv = repo.file('infra/terraform/stripe/prod.tfvars', 'terraform');
  const rk = p.rkLive();
  tv.s(`stripe_api_key = "${rk}"`, 'stripe', rk);
  tv.d(`stripe_account = "${p.stripeAcct()}"`, 'account id');

  const sm = repo.file('infra/terraform/secrets/payments.tf', 'terraform');
  sm.l('resource "aws_secretsmanager_secret_version" "adyen" {', '  secret_id = aws_secretsmanager_secret.adyen.id');
  const ak = p.adyenKey();
  sm.s(`  secret_string = jsonencode({ api_key = "${ak}" })`, 'adyen', ak);
  sm.l('}', 'data "aws_secretsmanager_secret_version" "braintree" {');
  sm.d('  secret_id = "prod/payments/braintree" # private_key read at apply time', 'secret store reference');
  sm.l('}');

  const st = repo.file('infra/terraform/stripe/terraform.tfstate', 'terraform');
  const whs = p.whsec();
  st.l(
    '{',
    '  "version": 4,',
    '  "resources": [',
    '    {',
    '      "type": "stripe_webhook_endpoint",',
    '      "instances": [',
    '        {',
    '          "attributes": {',
  );
  st.d(`            "id": "${p.stripeWe()}",`, 'webhook endpoint id');
  st.s(`            "secret": "${whs}",`, 'stripe', whs);
  st.l(
    '            "url": "https://api.acme-corp.io/webhooks/stripe"',
    '          }',
    '        }',
    '      ]',
    '    }',
    '  ]',
    '}',
  );

  const k8 = repo.file('deploy/k8s/payments/secret.yaml', 'k8s');
  const sq = p.squareToken();
  const pps = p.paypalSecret();
  k8.l('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: payments-gateways', 'type: Opaque', 'data:');
  k8.s(`  SQUARE_ACCESS_TOKEN: ${Buffer.from(sq).toString('base64')}`, 'square', sq);
  k8.s(`  PAYPAL_CLIENT_SECRET: ${Buffer.from(pps).toString('base64')}`, 'paypal', pps);
  k8.d(`  PAYPAL_MODE: ${Buffer.from('live').toString('base64')}`, 'base64 of plain setting');

  const ss = repo.file('deploy/k8s/payments/sealed.yaml', 'k8s');
  ss.l(
    'apiVersion: bitnami.com/v1alpha1',
    'kind: SealedSecret',
    'metadata:',
    '  name: stripe',
    'spec:',
    '  encryptedData:',
  );
  ss.d(`    STRIPE_SECRET_KEY: AgB${t.mixed(ALNUM + '+/', 300)}==`, 'sealed secret ciphertext');

  const hc = repo.file('deploy/helm/checkout/values-prod.yaml', 'helm');
  const wh2 = p.whsec();
  const pg = t.password().replace(/[^A-Za-z0-9]/g, '');
  hc.l('image:', '  tag: 3.14.2', 'env:');
  hc.s(`  STRIPE_WEBHOOK_SECRET: "${wh2}"`, 'stripe', wh2);
  hc.s(`  DATABASE_URL: "postgresql://checkout:${pg}@orders-db.prod:5432/orders"`, 'database', pg);
  hc.d('  STRIPE_SECRET_KEY: "{{ .Values.secrets.stripe }}"', 'template reference');
  hc.d(`  SENTRY_RELEASE: "${t.sha1()}"`, 'git sha');

  const gh = repo.file('.github/workflows/deploy-payments.yml', 'ci');
  const sk2 = p.skTest();
  gh.l('name: deploy-payments', 'on: [push]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    env:');
  gh.s(`      STRIPE_SECRET_KEY: ${sk2}`, 'stripe', sk2);
  gh.d('      STRIPE_LIVE_KEY: ${{ secrets.STRIPE_LIVE_KEY }}', 'secrets reference');
  gh.d('      SHOPIFY_TOKEN: ${{ secrets.SHOPIFY_ADMIN_TOKEN }}', 'secrets reference');
  gh.l('    steps:', '      - uses: actions/checkout@v4', '      - run: npm ci && npm test');

  const dc = repo.file('docker-compose.payments.yml', 'docker');
  const rp = t.password().replace(/[^A-Za-z0-9]/g, '');
  const cko = p.cko();
  dc.l('services:', '  checkout:', '    image: acme/checkout:3.14', '    environment:');
  dc.s(`      - CKO_SECRET_KEY=${cko}`, 'checkout', cko);
  dc.s(`      - REDIS_URL=redis://:${rp}@redis:6379/2`, 'database', rp);
  dc.d('      - CKO_PUBLIC_KEY=pk_sbox_xxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder');
}

function frameworks(repo, t, p) {
  const lv = repo.file('apps/shop-laravel/config/services.php', 'code');
  const skl = p.skLive();
  const whl = p.whsec();
  lv.l('<?php', '', 'return [', "    'stripe' => [");
  lv.d(`        'key' => env('STRIPE_KEY', '${p.pkLive()}'),`, 'publishable key');
  lv.s(`        'secret' => env('STRIPE_SECRET', '${skl}'),`, 'stripe', skl);
  lv.s(`        'webhook' => ['secret' => '${whl}', 'tolerance' => 300],`, 'stripe', whl);
  lv.l('    ],', '];');

  const lve = repo.file('apps/shop-laravel/.env', 'env');
  const appk = p.b64secret(32);
  const mp = t.password();
  lve.s(`APP_KEY=base64:${appk}`, 'generic', appk);
  lve.l('DB_CONNECTION=mysql', 'DB_USERNAME=shop');
  lve.s(`DB_PASSWORD="${mp}"`, 'generic', mp);
  const cash = p.skLive();
  lve.s(`CASHIER_SECRET=${cash}`, 'stripe', cash);
  lve.d('CASHIER_CURRENCY=eur', 'setting');

  const sp = repo.file('services/gateway/src/main/resources/application.properties', 'config');
  const ppid = p.paypalId();
  const pps = p.paypalSecret();
  sp.l('spring.application.name=gateway');
  sp.d(`paypal.client-id=${ppid}`, 'client id');
  sp.s(`paypal.client-secret=${pps}`, 'paypal', pps);
  const sqs = p.squareToken();
  sp.s([`square.access-token=\\`, `    ${sqs}`], 'square', sqs);
  sp.d('stripe.secret-key=${STRIPE_SECRET_KEY}', 'env reference');

  const jv = repo.file('services/gateway/src/main/java/com/acme/gateway/StripeConfig.java', 'code');
  const skj = p.skLive();
  jv.l('@Configuration', 'public class StripeConfig {');
  jv.s(`  @Value("\${stripe.secret-key:${skj}}")`, 'stripe', skj);
  jv.l('  private String secretKey;', '}');

  const net = repo.file('src/Acme.Payments/Web.config', 'config');
  const ak = p.anetTxKey();
  const bpk = p.btPrivate();
  net.l('<configuration>', '  <appSettings>');
  net.d(`    <add key="AuthNetLoginId" value="${p.anetLogin()}" />`, 'login id');
  net.s(`    <add key="AuthNetTransactionKey" value="${ak}" />`, 'authorizenet', ak, 'warning');
  net.s(`    <add key="BraintreePrivateKey" value="${bpk}" />`, 'braintree', bpk);
  net.d(`    <add key="BraintreeMerchantId" value="${p.btMerchant()}" />`, 'merchant id');
  net.l('  </appSettings>', '</configuration>');

  const rcred = repo.file('apps/shop-rails/config/credentials.yml', 'config');
  const skr = p.skLive();
  const sh = p.shpat();
  rcred.l('# decrypted by mistake: bin/rails credentials:show > config/credentials.yml', 'stripe:');
  rcred.s(`  secret_key: ${skr}`, 'stripe', skr);
  rcred.l('shopify:');
  rcred.s(`  admin_token: ${sh}`, 'shopify', sh);
  const skb = t.hex(128);
  rcred.s(`secret_key_base: ${skb}`, 'generic', skb);
  const enc = repo.file('apps/shop-rails/config/credentials.yml.enc', 'config');
  enc.d(
    `${t.mixed(ALNUM + '+/', 200)}--${t.mixed(ALNUM + '+/', 16)}--${t.mixed(ALNUM + '+/', 22)}==`,
    'rails encrypted credentials',
  );

  const dj = repo.file('services/billing/billing/local_settings.py', 'code');
  const djp = t.password();
  const gk = p.gocardless();
  dj.l(
    'DATABASES = {',
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    '        "USER": "billing",',
  );
  dj.s(`        "PASSWORD": "${djp}",`, 'generic', djp);
  dj.l('    }', '}');
  dj.s(`GOCARDLESS_ACCESS_TOKEN = "${gk}"`, 'gocardless', gk);
  dj.d(`GOCARDLESS_WEBHOOK_ENDPOINT = "https://billing.acme-corp.io/gc/hooks"`, 'url');

  const kt = repo.file('apps/android/app/src/main/java/com/acme/shop/Config.kt', 'code');
  kt.l('package com.acme.shop', '', 'object Config {');
  kt.d(`    const val STRIPE_PUBLISHABLE = "${p.pkLive()}"`, 'publishable key in mobile app');
  kt.d(`    const val PAYPAL_CLIENT_ID = "${p.paypalId()}"`, 'client id');
  kt.d(`    const val SQUARE_APP_ID = "${p.squareAppId()}"`, 'app id');
  kt.d(`    const val ADYEN_CLIENT_KEY = "${p.adyenClientKey()}"`, 'adyen client key');
  kt.l('}');

  const sw = repo.file('apps/ios/Shop/Secrets.swift', 'code');
  const rzs = p.rzpSecret();
  const rzi = p.rzpId();
  sw.l('enum Secrets {');
  sw.d(`    static let razorpayKey = "${rzi}"`, 'razorpay key id (public, used by the mobile SDK)');
  sw.s(`    static let razorpaySecret = "${rzs}" // TODO move to backend`, 'razorpay', rzs, 'warning');
  sw.l('}');
}

function fixturesDocs(repo, t, p) {
  const fx = repo.file('services/checkout/test/fixtures/stripe.json', 'fixture');
  fx.l('{');
  fx.d('  "api_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc",', 'stripe documented test key');
  fx.d(`  "card": "${p.card()}",`, 'test card number');
  fx.d(`  "card_3ds": "${p.card()}",`, 'test card number');
  fx.d(`  "customer": "${p.stripeCus()}",`, 'customer id');
  fx.d(`  "payment_intent": "${p.stripePi()}",`, 'payment intent id');
  fx.d(`  "idempotency_key": "${t.uuid()}"`, 'idempotency key');
  fx.l('}');

  const sp = repo.file('services/checkout/test/webhook.spec.ts', 'fixture');
  sp.l("import Stripe from 'stripe';");
  sp.d("const stripe = new Stripe('sk_test_123', { apiVersion: '2024-06-20' });", 'obvious test placeholder');
  sp.d("const secret = 'whsec_test_secret';", 'obvious test placeholder');
  sp.l('const payload = JSON.stringify({ id: "evt_test_webhook", object: "event" });');
  sp.d(
    `const header = stripe.webhooks.generateTestHeaderString({ payload, secret }); // t=1700000000,v1=${t.sha256()}`,
    'signature digest',
  );
  const realTest = p.whsec();
  sp.s(`const STAGING_SECRET = '${realTest}'; // copied from dashboard for local replay`, 'stripe', realTest);

  const bt = repo.file('services/gateway/src/test/resources/braintree-sandbox.properties', 'fixture');
  const btp = p.btPrivate();
  bt.l('braintree.environment=sandbox');
  bt.d(`braintree.merchantId=${p.btMerchant()}`, 'merchant id');
  bt.d(`braintree.publicKey=${p.btPublic()}`, 'public key');
  bt.s(`braintree.privateKey=${btp}`, 'braintree', btp);
  bt.d('braintree.nonce=fake-valid-nonce', 'documented test nonce');
  bt.d('braintree.card=4111111111111111', 'test card');

  const ad = repo.file('services/gateway-node/test/notification.json', 'fixture');
  ad.l('{', '  "live": "false",', '  "notificationItems": [{ "NotificationRequestItem": {');
  ad.d(
    `    "additionalData": { "hmacSignature": "${Buffer.from(t.hex(32), 'hex').toString('base64')}" },`,
    'hmac signature of notification',
  );
  ad.d(`    "pspReference": "${t.mixed(UPPER + DIGIT, 16)}",`, 'psp reference');
  ad.d(`    "merchantReference": "ORD-${t.digits(8)}",`, 'order id');
  ad.d('    "merchantAccountCode": "AcmeCorpECOM"', 'merchant account');
  ad.l('  } }]', '}');

  const vcr = repo.file('services/billing/tests/cassettes/test_charge.yaml', 'fixture');
  const vk = p.skLive();
  vcr.l('interactions:', '- request:', '    body: amount=2000&currency=usd', '    headers:');
  vcr.s(`      Authorization: [Bearer ${vk}]`, 'stripe', vk);
  vcr.l('    method: POST', '    uri: https://api.stripe.com/v1/charges', '  response:');
  vcr.d(
    `    body: {string: '{"id": "ch_3${t.mixed(ALNUM, 23)}", "balance_transaction": "txn_3${t.mixed(ALNUM, 23)}"}'}`,
    'charge and txn ids',
  );
  vcr.d('      Authorization: [Bearer sk_test_REDACTED]', 'redacted');

  const rd = repo.file('docs/payments/runbook.md', 'docs');
  const rsk = p.rkLive();
  rd.l('# Payments on-call runbook', '', '## Rotating the Stripe key', '');
  rd.l('1. Create a restricted key in the dashboard with Charges: write.');
  rd.d(
    '2. Test it with `curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:`',
    'stripe doc key',
  );
  rd.s(`3. The current reporting key (read-only) is \`${rsk}\` - rotate after the audit.`, 'stripe', rsk);
  rd.d('4. Never paste keys like `sk_live_...` into Slack.', 'placeholder');
  rd.l('', '## Test cards', '');
  rd.d(`| Visa | ${p.card()} | any CVC |`, 'test card');
  rd.d(`| IBAN (SEPA) | ${p.iban()} | succeeds |`, 'iban');

  const onb = repo.file('docs/payments/adyen-onboarding.md', 'docs');
  const hmk = p.adyenHmac();
  onb.l('# Adyen webhook setup', '', 'Dashboard: Developers > Webhooks > Standard notification.', '');
  onb.s(`Generated HMAC key for the LIVE merchant account: ${hmk}`, 'adyen', hmk);
  onb.d(
    `Example HMAC key from Adyen's hmac tools README: 11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB`,
    'adyen documented example hmac key',
  );
  onb.d(`Webhook id: WBHK${t.mixed(UPPER + DIGIT, 22)}`, 'webhook id');

  const slack = repo.file('docs/incidents/2026-10-paypal-outage.md', 'docs');
  const pss = p.paypalSecret();
  slack.l('# Incident: PayPal token failures', '', 'Timeline (UTC):');
  slack.l('- 09:12 alerts fired for oauth2/token 401s');
  slack.s(`- 09:20 @dev pasted the new secret in #payments: ${pss}`, 'paypal', pss);
  slack.d(`- 09:31 debug id ${t.hex(13)} from PayPal support`, 'debug id');

  const pm = repo.file('tools/postman/Payments.postman_environment.json', 'config');
  const psq = p.squareToken();
  const pmo = p.mollie();
  pm.l('{', '  "name": "Payments prod",', '  "values": [');
  pm.s(`    { "key": "square_token", "value": "${psq}", "enabled": true },`, 'square', psq);
  pm.s(`    { "key": "mollie_key", "value": "${pmo}", "enabled": true },`, 'mollie', pmo);
  pm.d(`    { "key": "order_id", "value": "ord_${t.mixed(ALNUM, 10)}", "enabled": true },`, 'order id');
  pm.d('    { "key": "stripe_key", "value": "{{STRIPE_SECRET}}", "enabled": true }', 'template ref');
  pm.l('  ]', '}');

  const pci = repo.file('compliance/pci/tokenization.yaml', 'config');
  const dek = p.b64secret(32);
  pci.l('# PCI DSS 3.5 - data encryption keys', 'vault:', '  transit_key: payments-pan');
  pci.s(`  fallback_dek: "${dek}"`, 'generic', dek);
  pci.d(`  kek_fingerprint: "SHA256:${p.b64secret(32).replace(/=+$/, '')}"`, 'key fingerprint');
  pci.d(`  pan_sample_masked: "424242******4242"`, 'masked pan');

  const hsm = repo.file('compliance/pci/hsm.conf', 'config');
  const hp = t.password();
  hsm.l('[hsm]', 'slot = 0', 'label = payments-prod');
  hsm.s(`pin = ${hp}`, 'generic', hp);
  hsm.d(`kcv = ${t.mixed('0123456789ABCDEF', 6)}`, 'key check value');

  const sqlf = repo.file('db/seeds/merchants.sql', 'sql');
  const msk = p.skLive();
  sqlf.l('INSERT INTO merchants (id, name, gateway, api_key) VALUES');
  sqlf.s(`  (1, 'Acme EU', 'stripe', '${msk}'),`, 'stripe', msk);
  sqlf.d(`  (2, 'Acme US', 'stripe', 'enc:v1:${p.b64secret(48)}');`, 'encrypted value');

  const ch = repo.file('CHANGELOG.md', 'docs');
  ch.l('# Changelog', '', '## 3.14.2');
  ch.d(`- bump stripe-node to 16.2.0 (${t.sha1().slice(0, 7)})`, 'short sha');
  ch.d(`- Adyen: migrated merchant AcmeCorpECOM, webhook ${t.uuid()}`, 'webhook uuid');
  ch.l('- PayPal: switched to Orders v2 API');
}
