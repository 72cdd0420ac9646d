/**
 * The big catalogue of issue 15 §4: the demo config plus generated accounts, so that one demo user (bob,
 * group aws-prod-operators) holds 2,000 roles in 300 accounts. Deterministic: the same config every run.
 */
import { parse, stringify } from 'yaml';
import { rolegateConfigYaml, type DemoPorts } from '../demo/demo-config';

export const CATALOGUE = { accounts: 300, roles: 2_000, login: 'bob@example.com', group: 'aws-prod-operators' } as const;

/** bob's roles from the demo config itself: prod/Operator and prod/ReadOnly (rule prod-operators) plus these two. */
const DEMO_EXTRA = ['dev/ReadOnly', 'security/SecurityAudit'];
const DEMO_ACCOUNT_COUNT = 3;
const DEMO_ROLE_COUNT = 4;

const TEAMS = ['payments', 'search', 'identity', 'ledger', 'mobile', 'web', 'data', 'ml', 'infra', 'network', 'billing', 'growth', 'media', 'support', 'logistics', 'catalog', 'checkout', 'risk', 'comms', 'platform'];
const STAGES = ['dev', 'test', 'stage', 'prod', 'sandbox', 'perf', 'dr', 'shared', 'audit', 'edge', 'lab', 'legacy', 'eu', 'us', 'apac'];
const REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1', 'us-west-2', 'ap-southeast-2'];
const ROLES: [string, string][] = [
  ['Admin', 'Full access to the account'],
  ['Developer', 'Deploy and debug workloads'],
  ['ReadOnly', 'Read-only access'],
  ['Operator', 'Operate services: restart, scale, roll back'],
  ['BillingViewer', 'Cost Explorer and invoices, read-only'],
  ['DataEngineer', 'Glue, Athena and the data lake buckets'],
  ['NetworkAdmin', 'VPCs, Transit Gateway attachments and Route 53'],
  ['SupportEngineer', 'Support cases and CloudWatch logs'],
];
const SCOPE_DOWN = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}';

interface GeneratedAccount {
  id: string;
  alias: string;
  region: string;
  colour?: string;
  roles: Record<string, unknown>[];
}

/** Account `i` of the generated ones: 6 or 7 roles, so that the generated roles add up to `roles − 4`. */
function account(i: number, generatedRoles: number, generatedAccounts: number): GeneratedAccount {
  const base = Math.floor(generatedRoles / generatedAccounts);
  const count = base + (i < generatedRoles % generatedAccounts ? 1 : 0);
  const alias = `${TEAMS[i % TEAMS.length]}-${STAGES[Math.floor(i / TEAMS.length) % STAGES.length]}-${String(i).padStart(3, '0')}`;
  const roles = Array.from({ length: count }, (_, r) => {
    const [name, description] = ROLES[(i + r) % ROLES.length] ?? ['Role', ''];
    return {
      name,
      description: `${description} (${alias})`,
      maxSessionDuration: r % 3 === 0 ? 14_400 : 3_600,
      delivery: (i + r) % 9 === 0 ? 'saml' : 'web-identity',
      ...((i + r) % 13 === 0 ? { sessionPolicy: SCOPE_DOWN } : {}),
    };
  });
  return {
    id: String(500_000_000_000 + i * 7_919),
    alias,
    region: REGIONS[i % REGIONS.length] ?? 'eu-west-1',
    ...(i % 4 === 0 ? { colour: `#${((i * 2_654_435_761) % 0xffffff).toString(16).padStart(6, '0')}` } : {}),
    roles,
  };
}

/** The demo config with the generated accounts appended and one rule giving bob all of their roles. */
export function bigCatalogueYaml(ports: DemoPorts): string {
  const config = parse(rolegateConfigYaml(ports)) as { accounts: unknown[]; rules: unknown[] };
  const accountCount = CATALOGUE.accounts - DEMO_ACCOUNT_COUNT;
  const roleCount = CATALOGUE.roles - DEMO_ROLE_COUNT;
  const generated = Array.from({ length: accountCount }, (_, i) => account(i, roleCount, accountCount));
  config.accounts.push(...generated);
  const refs = generated.flatMap((a) => a.roles.map((r) => `${a.alias}/${String(r.name)}`));
  config.rules.push({ id: 'big-catalogue', groups: [CATALOGUE.group], roles: [...DEMO_EXTRA, ...refs] });
  return stringify(config, { lineWidth: 0 });
}
