// Google Cloud service-account key files (JSON): project_id, client_email, private_key_id. The
// IAM roles are not in the file, except for one well-known case: the default Compute Engine
// (`<project number>-compute@developer.gserviceaccount.com`) and App Engine
// (`<project id>@appspot.gserviceaccount.com`) service accounts were historically granted the
// Editor role on their project automatically (organizations created since 2024 enforce
// iam.automaticIamGrantsForDefaultServiceAccounts, so this is a strong hint, not proof).
// The private key is never read into facts. The JSON may be embedded in a string, with escaped
// quotes and newlines (`{\"type\": \"service_account\", …}`), or only partly present.

import { clip, parseJsonObject } from '../formats/encoding.js';
import type { DecodedScope, DecodeContext } from '../decoder-types.js';

const FIELDS = ['type', 'project_id', 'client_email', 'private_key_id', 'client_id', 'universe_domain'] as const;
type Field = (typeof FIELDS)[number];

/** `"field": "value"`, quotes optionally escaped (JSON embedded in a string), per field. */
const FIELD_VALUE: ReadonlyArray<[Field, RegExp]> = FIELDS.map((f) => [
  f,
  new RegExp(`\\\\*"${f}\\\\*"\\s*:\\s*\\\\*"([^"\\\\]{1,200})\\\\*"`),
]);

/** Undoes one or two levels of string escaping (`\"` → `"`, `\\` → `\`), left to right. */
function unescapeLevels(text: string): string[] {
  const out: string[] = [];
  let current = text;
  for (let i = 0; i < 2 && /\\["\\]/.test(current); i++) {
    current = current.replace(/\\(["\\])/g, '$1');
    out.push(current);
  }
  return out;
}

function tryJson(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  return parseJsonObject(text.slice(start, end + 1));
}

function extractFields(texts: string[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const raw of texts) {
    for (const text of [raw, ...unescapeLevels(raw)]) {
      const json = tryJson(text);
      if (json) {
        for (const f of FIELDS) if (out[f] === undefined && typeof json[f] === 'string') out[f] = json[f];
      }
      for (const [f, pattern] of FIELD_VALUE) {
        if (out[f] !== undefined) continue;
        const m = pattern.exec(text);
        if (m) out[f] = m[1]!;
      }
    }
  }
  return out;
}

export function decodeGcpServiceAccount(secret: string, ctx: DecodeContext): DecodedScope | undefined {
  const fields = extractFields([secret, ...Object.values(ctx.groups)]);
  for (const f of FIELDS) {
    const named = ctx.groups[f];
    if (fields[f] === undefined && named && !named.includes('\n')) fields[f] = named;
  }
  const email = fields.client_email?.trim().toLowerCase();
  let project = fields.project_id?.trim();
  if (!email && !project) return undefined;
  if (fields.type && fields.type !== 'service_account') return undefined;

  const scope: DecodedScope = { facts: {}, evidence: [] };
  if (email) scope.facts['clientEmail'] = clip(email, 120);
  if (fields.private_key_id && /^[0-9a-f]{8,64}$/i.test(fields.private_key_id))
    scope.facts['privateKeyId'] = fields.private_key_id;
  if (fields.universe_domain && fields.universe_domain !== 'googleapis.com')
    scope.facts['universeDomain'] = clip(fields.universe_domain, 80);

  const compute = email ? /^(\d{6,20})-compute@developer\.gserviceaccount\.com$/.exec(email) : null;
  const appEngine = email
    ? /^([a-z][a-z0-9-]{4,61}[a-z0-9](?:\.[a-z0-9-]+)?)@appspot\.gserviceaccount\.com$/.exec(email)
    : null;
  const userManaged = email
    ? /^[a-z][a-z0-9-]{0,62}@([a-z][a-z0-9-]{4,61}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(email)
    : null;
  if (!project && appEngine) project = appEngine[1];
  if (!project && userManaged) project = userManaged[1];
  if (project) scope.facts['projectId'] = clip(project, 64);
  if (compute) scope.facts['projectNumber'] = compute[1]!;

  if (compute || appEngine) {
    scope.privilege = 'destructive';
    scope.breadth = 'project';
    scope.facts['defaultServiceAccount'] = true;
    scope.evidence.push(
      `${compute ? 'Default Compute Engine' : 'Default App Engine'} service account: historically granted Editor on the project (can delete most resources), unless the organization disabled automatic grants`,
    );
  } else if (userManaged) {
    scope.evidence.push(
      `User-managed service account in project ${clip(userManaged[1]!, 64)}: its roles are not in the key file`,
    );
  } else if (email) {
    scope.evidence.push('Service account key: its roles are not in the key file');
  }
  if (project && !compute && !appEngine) scope.evidence.push(`Key file belongs to project ${clip(project, 64)}`);
  return scope;
}
