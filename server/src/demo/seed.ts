/**
 * The demo: a province (海南省, the province of the tests' worked example), one account per level
 * and one for every unit that declares (unit-accounts.ts), all with the password gaizao-demo. Only `serve --demo` (npm start) seeds, and only an empty database.
 */
import { seedDemoCoordinates } from './coordinates.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '../../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { COLUMNS, HEADERS } from '../domain/ledger/template.ts';
import { csvLine } from '../domain/spreadsheet-cells.ts';
import { importProjectList } from '../modules/ledger/import/import.service.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { seedDemoDeclarations } from './declarations.ts';
import { seedDemoFiveYear } from './five-year.ts';
import { HISTORY_COMMUNITIES, historyYear, seedDemoHistory } from './history.ts';
import { seedDemoProgress } from './progress.ts';
import { seedDemoReports } from './reports.ts';
import { seedDemoFiscal } from './fiscal.ts';
import { syntheticRows } from './synthetic.ts';
import { OTHER_UNIT_ACCOUNTS } from './unit-accounts.ts';
import { underPath } from '../db/under-path.ts';

export const DEMO_PASSWORD = 'gaizao-demo';
export const DEMO_PROVINCE = '460000';
/** The demo declares next year's plan, so its deadline lies ahead. */
export const DEMO_PLAN_YEAR = new Date().getUTCFullYear() + 1;

export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
}[] = [
  { username: 'admin', displayName: '系统管理员', regionCode: '000000', roles: ['admin'] },
  // 三员分立: accounts and their settings; the audit log.
  {
    username: 'security',
    displayName: '安全管理员',
    regionCode: '000000',
    roles: ['security_admin'],
  },
  { username: 'auditor', displayName: '审计管理员', regionCode: '000000', roles: ['audit_admin'] },
  {
    username: 'ministry',
    displayName: '住房和城乡建设部城市建设司',
    regionCode: '000000',
    roles: ['ministry'],
  },
  // The province's plan goes to three national departments (建办城〔2021〕28号 三(四)): they receive it.
  {
    username: 'ndrc-national',
    displayName: '国家发展改革委固定资产投资司',
    regionCode: '000000',
    roles: ['ndrc_national'],
  },
  { username: 'mof', displayName: '财政部综合司', regionCode: '000000', roles: ['mof'] },
  {
    username: 'province',
    displayName: '海南省住房和城乡建设厅',
    regionCode: DEMO_PROVINCE,
    roles: ['province'],
  },
  {
    username: 'ndrc',
    displayName: '海南省发展和改革委员会',
    regionCode: DEMO_PROVINCE,
    roles: ['province_ndrc'],
  },
  {
    username: 'finance',
    displayName: '海南省财政厅',
    regionCode: DEMO_PROVINCE,
    roles: ['province_finance'],
  },
  {
    username: 'city',
    displayName: '海口市住房和城乡建设局',
    regionCode: '460100',
    roles: ['city'],
  },
  {
    username: 'county',
    displayName: '海口市龙华区住房和城乡建设局',
    regionCode: '460106',
    roles: ['county'],
  },
];

/** Seeds the demo accounts if the database has no users yet; returns whether it did. */
export async function seedDemo(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  // The demo password is shorter than the policy on purpose (issue 2 names it): it is set here,
  // not through createUser, which enforces the policy for every real account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of [...DEMO_ACCOUNTS, ...OTHER_UNIT_ACCOUNTS])
      await insertUser(trx, { ...a, passwordHash, now });
  });
  return true;
}

/**
 * A few hundred realistic communities for the demo province, through the same import a user
 * would run (so the demo data obeys every rule of the template).
 */
export async function seedDemoLedger(db: Kysely<Database>, now = new Date()): Promise<number> {
  const any = await db.selectFrom('communities').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const units = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where((e) => underPath(e, 'path', `/000000/${DEMO_PROVINCE}/`))
    .where('is_ledger_unit', '=', 1)
    .where('code', 'not like', '4603%') // 三沙: islands, no old communities
    .orderBy('code')
    .execute();
  const dir = await mkdtemp(join(tmpdir(), 'gaizao-demo-'));
  const file = join(dir, 'demo.csv');
  try {
    let text = '\uFEFF' + csvLine([...HEADERS]);
    // 海南 2022: 608 communities, 84 households each (brief §8.3); the demo takes about half.
    // Then the communities of 十四五's plans (history.ts), drawn on from the same seed.
    let i = 0;
    for (const row of syntheticRows(units, 300 + HISTORY_COMMUNITIES, {
      seed: 2022,
      planYears: [DEMO_PLAN_YEAR - 1, DEMO_PLAN_YEAR, DEMO_PLAN_YEAR],
      householdsPerCommunity: 84,
    })) {
      if (i >= 300) row.planYear = String(historyYear(i - 300));
      text += csvLine(COLUMNS.map((c) => row[c.key]));
      i++;
    }
    await writeFile(file, text);
    await seedDemoPolicy(db);
    const report = await importProjectList(db, SYSTEM_ACTOR, file, { dryRun: false });
    if (report.errorCount)
      throw new Error(`演示数据有误：${JSON.stringify(report.errors.slice(0, 3))}`);
    await seedDemoFiveYear(db, DEMO_PROVINCE, now);
    await seedDemoProgress(db, DEMO_PROVINCE, now);
    await seedDemoHistory(db, DEMO_PROVINCE, now);
    await seedDemoReports(db, DEMO_PROVINCE, now);
    await seedDemoFiscal(db, DEMO_PROVINCE, DEMO_PLAN_YEAR);
    await seedDemoCoordinates(db, DEMO_PROVINCE); // the community map's points (coordinates.ts)
    await seedDemoDeclarations(db, DEMO_PROVINCE, DEMO_PLAN_YEAR, now);
    return report.imported;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A policy row for the demo's plan year, labelled as a demo: the 2022 rules of the seed notice
 * carried forward, with a deadline at the end of this year so the countdown has something to count.
 */
async function seedDemoPolicy(db: Kysely<Database>): Promise<void> {
  const exists = await db
    .selectFrom('plan_policies')
    .select('plan_year')
    .where('plan_year', '=', DEMO_PLAN_YEAR)
    .executeTakeFirst();
  if (exists) return;
  await db
    .insertInto('plan_policies')
    .values({
      plan_year: DEMO_PLAN_YEAR,
      cutoff_year: 2000,
      latest_build_year: 2005,
      max_post_cutoff_share_bp: 1500,
      deadline: `${DEMO_PLAN_YEAR - 1}-12-31`,
      recipients: '住房和城乡建设部、国家发展改革委、财政部',
      source: '演示数据：沿用建办城〔2021〕28号的规则',
      version: 1,
      updated_at: new Date().toISOString(),
      updated_by: 'demo',
    })
    .execute();
}
