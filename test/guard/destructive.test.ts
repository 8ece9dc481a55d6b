// The destructive-call classifier: true and false cases per CLI and API, through the shell reader.
import { describe, expect, it } from 'vitest';
import { classifyLine, graphqlMutation } from '../../src/guard/destructive.js';
import { parseShell } from '../../src/guard/shell-words.js';

const classify = (command: string, options = {}) => classifyLine(parseShell(command), options);
const isDestructive = (command: string, options = {}): boolean => classify(command, options).length > 0;

const DESTRUCTIVE: Array<[string, string]> = [
  // HTTP APIs
  [
    'curl -X DELETE https://api.digitalocean.com/v2/droplets/123 -H "Authorization: Bearer $DO_TOKEN"',
    'HTTP DELETE api.digitalocean.com',
  ],
  ['curl -XDELETE https://api.cloudflare.com/client/v4/zones/abc', 'HTTP DELETE'],
  ['curl --request DELETE https://api.github.com/repos/acme/app', 'HTTP DELETE api.github.com'],
  ['curl --request=PATCH https://api.vercel.com/v9/projects/app -d \'{"name":"x"}\'', 'HTTP PATCH'],
  ['curl -s -X PUT "https://api.heroku.com/apps/app/config-vars" -d "{}"', 'HTTP PUT'],
  ['curl -T backup.sql https://storage.googleapis.com/bucket/backup.sql', 'HTTP PUT'],
  ['wget --method=DELETE https://api.fly.io/v1/apps/app', 'HTTP DELETE api.fly.io'],
  ['wget --method DELETE https://api.render.com/v1/services/srv-1', 'HTTP DELETE'],
  ['http DELETE https://api.netlify.com/api/v1/sites/abc Authorization:"Bearer $T"', 'HTTP DELETE'],
  ['xh delete https://api.supabase.com/v1/projects/ref', 'HTTP DELETE'],
  [
    "node -e \"fetch('https://api.vercel.com/v9/projects/x', { method: 'DELETE', headers })\"",
    'HTTP DELETE api.vercel.com',
  ],
  ['python3 -c "import requests; requests.delete(\'https://api.heroku.com/apps/x\')"', 'HTTP DELETE api.heroku.com'],
  // GraphQL mutations
  [
    'curl -X POST https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d \'{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}\'',
    'GraphQL mutation `volumeDelete` on backboard.railway.com',
  ],
  [
    'curl https://backboard.railway.app/graphql/v2 --json \'{"query":"mutation DeleteIt($id: String!) { projectDelete(id: $id) }","variables":{"id":"p"}}\'',
    'GraphQL mutation `projectDelete`',
  ],
  [
    'curl -d "query=mutation%20%7B%20serviceDelete(id%3A%221%22)%20%7D" https://backboard.railway.com/graphql/v2',
    'GraphQL mutation `serviceDelete`',
  ],
  [
    'curl -H "Content-Type: application/graphql" --data-binary "mutation { issueDelete(id: 1) }" https://api.linear.app/graphql',
    'GraphQL mutation `issueDelete` on api.linear.app',
  ],
  [
    'curl -s https://api.github.com/graphql -d \'{"query": "  mutation { deleteRepository(input: {}) { clientMutationId } }"}\'',
    'GraphQL mutation `deleteRepository`',
  ],
  // Infrastructure CLIs
  ['terraform destroy -auto-approve', '`terraform destroy`'],
  ['terraform apply -destroy -auto-approve', '`terraform apply -destroy`'],
  ['terraform -chdir=infra destroy', '`terraform destroy`'],
  ['tofu destroy', '`tofu destroy`'],
  ['kubectl delete namespace production', '`kubectl delete`'],
  ['kubectl -n prod delete pvc data-0', '`kubectl delete`'],
  ['kubectl --context prod delete deployment api', '`kubectl delete`'],
  ['helm uninstall api -n prod', '`helm uninstall`'],
  ['helm delete api', '`helm delete`'],
  ['fly volumes destroy vol_123 --yes', '`fly volumes destroy`'],
  ['flyctl apps destroy my-app -y', '`flyctl apps destroy`'],
  ['fly -a app machine destroy 1234 --force', '`fly machine destroy`'],
  ['railway down -y', '`railway down`'],
  ['railway volume delete', '`railway volume delete`'],
  ['aws s3 rb s3://prod-backups --force', '`aws s3 rb`'],
  ['aws s3 rm s3://prod-backups/ --recursive', '`aws s3 rm --recursive`'],
  ['aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot', '`aws rds delete-db-instance`'],
  ['aws --profile prod ec2 terminate-instances --instance-ids i-1', '`aws ec2 terminate-instances`'],
  ['aws dynamodb delete-table --table-name users', '`aws dynamodb delete-table`'],
  ['gcloud projects delete my-project', '`gcloud projects delete`'],
  ['gcloud sql instances delete prod-db --quiet', '`gcloud sql instances delete`'],
  ['gcloud --project p compute instances delete vm-1 --zone us-east1-b', '`gcloud compute instances delete`'],
  ['gsutil rm -r gs://bucket', '`gsutil rm`'],
  ['az group delete --name prod-rg --yes', '`az group delete`'],
  ['az storage account delete -n acct -g rg', '`az storage account delete`'],
  ['doctl compute droplet delete web-1 --force', '`doctl compute droplet delete`'],
  ['doctl databases delete 1234', '`doctl databases delete`'],
  ['heroku apps:destroy --app my-app --confirm my-app', '`heroku apps:destroy`'],
  ['heroku pg:reset DATABASE_URL -a my-app', '`heroku pg:reset`'],
  ['supabase db reset --linked', '`supabase db reset`'],
  ['supabase projects delete abcd', '`supabase projects delete`'],
  ['vercel remove my-app --yes', '`vercel remove`'],
  ['wrangler d1 delete prod-db', '`wrangler d1 delete`'],
  ['gh repo delete acme/app --yes', '`gh repo delete`'],
  // Databases
  ['psql "$DATABASE_URL" -c "DROP DATABASE app"', '`DROP DATABASE` through psql'],
  ['psql -h db -U admin -c "drop table users;"', '`drop table` through psql'],
  ['mysql -u root -e "DROP TABLE orders"', '`DROP TABLE` through mysql'],
  ['psql "$DATABASE_URL" <<SQL\nTRUNCATE TABLE events;\nSQL', '`TRUNCATE TABLE events` through psql'],
  ['echo "DROP SCHEMA public CASCADE" | psql "$DATABASE_URL"', '`DROP SCHEMA` through psql'],
  ['redis-cli -u "$REDIS_URL" FLUSHALL', '`FLUSHALL` through redis-cli'],
  ['dropdb prod', '`dropdb`'],
  // git
  ['git push --force origin main', '`git push --force`'],
  ['git push -f', '`git push --force`'],
  ['git push origin +main', 'forced or deleting refspec'],
  ['git push --delete origin release', '`git push --delete`'],
  // wrappers and compound lines
  ['cd infra && terraform destroy', '`terraform destroy`'],
  ['sudo -u deploy kubectl delete ns staging', '`kubectl delete`'],
  ['env AWS_PROFILE=prod aws s3 rb s3://b', '`aws s3 rb`'],
  ['npx vercel rm app --yes', '`vercel rm`'],
  ['bash -c "railway down -y"', '`railway down`'],
  ["sh -c 'curl -X DELETE https://api.github.com/repos/a/b'", 'HTTP DELETE'],
  ['echo $(curl -s -X DELETE https://api.heroku.com/apps/x)', 'HTTP DELETE'],
  ['timeout 30 terraform destroy', '`terraform destroy`'],
  ['/usr/local/bin/terraform destroy', '`terraform destroy`'],
];

const HARMLESS: string[] = [
  // HTTP reads, and mutations that are not
  'curl https://api.github.com/user',
  'curl -X GET https://api.digitalocean.com/v2/droplets',
  'curl -I https://api.vercel.com',
  'curl -X POST https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d \'{"query":"query { me { id } }"}\'',
  'curl https://backboard.railway.com/graphql/v2 -d \'{"query":"{ projects { edges { node { id } } } }"}\'',
  'curl -d \'{"query":"query { viewer { login } }","variables":{"mutation":"x"}}\' https://api.github.com/graphql',
  'curl -X DELETE http://localhost:3000/api/items/1',
  'curl -X DELETE http://127.0.0.1:8080/cache',
  'curl -X PUT https://app.test/api',
  'wget https://example.com/file.tar.gz',
  'http GET https://api.netlify.com/api/v1/sites',
  'node -e "fetch(\'https://api.github.com/user\').then(r => r.json())"',
  'node -e "console.log(1)"',
  // CLIs that only read
  'terraform plan',
  'terraform apply -auto-approve',
  'terraform state list',
  'kubectl get pods -n prod',
  'kubectl describe pod api-1',
  'kubectl logs deploy/api',
  'kubectl apply -f deploy.yaml',
  'helm list -A',
  'helm status api',
  'fly status',
  'fly volumes list',
  'fly deploy',
  'railway status',
  'railway up',
  'railway logs',
  'aws s3 ls s3://bucket',
  'aws s3 cp file.txt s3://bucket/',
  'aws rds describe-db-instances',
  'gcloud projects list',
  'gcloud sql instances describe prod',
  'az group list',
  'doctl compute droplet list',
  'heroku apps:info -a app',
  'heroku logs --tail',
  'supabase db push',
  'supabase start',
  'vercel deploy --prod',
  'gh repo view',
  'gh pr create --fill',
  'psql "$DATABASE_URL" -c "SELECT count(*) FROM users"',
  'psql -c "DELETE FROM sessions WHERE expires < now()"',
  'mysql -e "SHOW TABLES"',
  'git push origin main',
  'git push -u origin feature',
  'git status && git diff',
  'git commit -m "drop table support from the parser"',
  'echo "kubectl delete is dangerous"',
  'grep -r "terraform destroy" docs/',
  'ls -la',
  'npm test',
  'rm -rf node_modules',
  'cat README.md | head',
];

describe('destructive-call classifier', () => {
  it.each(DESTRUCTIVE)('%s → destructive', (command, what) => {
    const calls = classify(command);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]!.what).toContain(what);
  });

  it.each(HARMLESS)('%s → not destructive', (command) => {
    expect(classify(command)).toEqual([]);
  });

  it('names the provider and the variables a call expands', () => {
    const [call] = classify(
      'curl -X DELETE https://api.heroku.com/apps/x -H "Authorization: Bearer ${HEROKU_API_KEY}"',
    );
    expect(call!.provider).toBe('heroku');
    expect(call!.vars).toContain('HEROKU_API_KEY');
    const [railway] = classify('railway down');
    expect(railway!.provider).toBe('railway');
    expect(railway!.cli).toBe('railway');
  });

  it('never treats an allowed host as destructive', () => {
    expect(
      isDestructive('curl -X DELETE https://api.internal.example.com/items/1', { allowedHosts: ['*.example.com'] }),
    ).toBe(false);
    expect(
      isDestructive('curl -X DELETE https://api.internal.example.com/items/1', { allowedHosts: ['other.example.com'] }),
    ).toBe(true);
  });

  it('applies extra patterns from the config', () => {
    const extraPatterns = [{ pattern: /\bmake\s+nuke\b/i, description: '`make nuke` (wipes the staging stack)' }];
    expect(classify('make nuke', { extraPatterns })[0]!.what).toBe('`make nuke` (wipes the staging stack)');
    expect(isDestructive('make build', { extraPatterns })).toBe(false);
  });

  it('keeps token-like URL segments out of what it reports', () => {
    const [call] = classify(
      'curl -X DELETE https://api.telegram.org/bot123456789:AAH4fakeFAKEfake0000fake/deleteWebhook',
    );
    expect(call!.what).not.toContain('AAH4fakeFAKEfake0000fake');
  });
});

describe('graphqlMutation', () => {
  it('finds the first field of a mutation', () => {
    expect(graphqlMutation('mutation { volumeDelete(volumeId: "x") }')).toBe('volumeDelete');
    expect(graphqlMutation('mutation Wipe($id: String!) { serviceDelete(id: $id) }')).toBe('serviceDelete');
    expect(graphqlMutation('mutation { alias: projectDelete(id: 1) }')).toBe('projectDelete');
    expect(graphqlMutation('query { me { id } }')).toBeUndefined();
  });
});
