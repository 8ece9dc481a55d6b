// Railway: tokens are bare UUIDs, so the type is read from which GraphQL *query* succeeds —
// `me` only for account tokens, `projectToken` (Project-Access-Token header) only for project
// tokens. Only queries are ever sent; a failed query is `unknown`, since Railway answers an
// invalid token and a token of another type alike. Workspace tokens are not looked up: Railway
// documents no query that only they can answer.
// https://docs.railway.com/reference/public-api

import { field, str, unexpected } from '../interpret.js';
import type { Outcome, Verifier, VerifyResponse } from '../verifier-types.js';

const PROVIDER = 'Railway';

/**
 * A query that did not succeed: Railway's GraphQL refusal (an invalid token and a token of another
 * type alike) is `unknown`, saying which query; anything else is unexpected.
 */
function notAnswered(response: VerifyResponse, refusal: string): Outcome {
  const errors = field(response.json, 'errors');
  if (
    (response.status === 200 || response.status === 401 || response.status === 403) &&
    Array.isArray(errors) &&
    errors.length > 0
  ) {
    return { status: 'unknown', detail: `${PROVIDER} refused the ${refusal}` };
  }
  return unexpected(response, PROVIDER);
}

function interpretMe(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const id = str(field(response.json, 'data', 'me', 'id'));
    if (id) {
      const name = str(field(response.json, 'data', 'me', 'name'));
      return {
        status: 'active',
        detail: `${PROVIDER} accepted it as an account token (HTTP 200)`,
        identity: name ?? `user ${id}`,
        privilege: 'destructive',
        breadth: 'account',
        capabilities: [
          'change and delete every project, environment, volume and backup of the account and its workspaces',
        ],
      };
    }
  }
  return notAnswered(response, 'account query: not an account token (a workspace or project token?) or not valid');
}

function interpretProjectToken(response: VerifyResponse): Outcome {
  if (response.status === 200) {
    const projectId = str(field(response.json, 'data', 'projectToken', 'projectId'));
    const environmentId = str(field(response.json, 'data', 'projectToken', 'environmentId'));
    if (projectId && environmentId) {
      return {
        status: 'active',
        detail: `${PROVIDER} accepted it as a project token (HTTP 200)`,
        identity: `project ${projectId}`,
        privilege: 'destructive',
        breadth: 'resource',
        capabilities: ['deploy to, change and delete the services and volumes of one environment'],
        facts: { projectId, environmentId },
      };
    }
  }
  return notAnswered(response, 'project-token query: not a project token, or not valid');
}

export const railway = {
  id: 'railway',
  providerName: PROVIDER,
  hosts: ['backboard.railway.com'],
  references: ['https://docs.railway.com/reference/public-api', 'https://docs.railway.com/guides/public-api'],
  endpoints: [
    {
      id: 'me',
      method: 'POST',
      host: 'backboard.railway.com',
      path: '/graphql/v2',
      auth: { kind: 'bearer' },
      graphqlQuery: 'query { me { id name } }',
      readOnly: 'a GraphQL query (never a mutation) for the token’s own user',
      interpret: interpretMe,
    },
    {
      id: 'project-token',
      method: 'POST',
      host: 'backboard.railway.com',
      path: '/graphql/v2',
      auth: { kind: 'header', name: 'Project-Access-Token' },
      graphqlQuery: 'query { projectToken { projectId environmentId } }',
      readOnly: 'a GraphQL query (never a mutation) for the project and environment the token is bound to',
      interpret: interpretProjectToken,
    },
  ],
} satisfies Verifier;
