/**
 * The declared plan's approval and its recipients (issue 11 §2, 建办城〔2021〕28号 三(四)「报经省级人民
 * 政府同意后…分别报住房和城乡建设部、国家发展改革委、财政部」): the provincial government's approval
 * names the candidate version it approves (number and hash) and is kept as history, the newest in
 * force; two national roles beside the ministry (国家发展改革委, 财政部); each of the three records its
 * receipt (签收) of a submitted version once; and the province's contact (联系人及电话) for the form.
 * Frozen: imports no app code.
 */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const OLD_ROLES = [
  'county',
  'city',
  'province',
  'province_ndrc',
  'province_finance',
  'ministry',
  'statistics',
  'admin',
  'security_admin',
  'audit_admin',
];
const NEW_ROLES = [...OLD_ROLES, 'ndrc_national', 'mof'];
const RECIPIENTS = ['ministry', 'ndrc_national', 'mof'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

async function setRoleCheck(db: Kysely<unknown>, dialect: Dialect, roles: string[]) {
  if (dialect === 'postgres') {
    await sql`alter table user_roles drop constraint if exists user_roles_role_check`.execute(db);
    await sql`alter table user_roles add constraint user_roles_role_check check (role in (${inList(roles)}))`.execute(
      db,
    );
    return;
  }
  // SQLite cannot alter a CHECK constraint: rebuild the table (nothing refers to it).
  await db.schema
    .createTable('user_roles_new')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(24)', (c) => c.notNull().check(sql`role in (${inList(roles)})`))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();
  await sql`insert into user_roles_new (user_id, role) select user_id, role from user_roles where role in (${inList(roles)})`.execute(
    db,
  );
  await db.schema.dropTable('user_roles').execute();
  await sql`alter table user_roles_new rename to user_roles`.execute(db);
}

const APPROVAL_COLUMNS = sql.raw(
  'province_code, plan_year, approved_on, document_no, file_name, file_path, username, at',
);

/** plan_approvals rebuilt: `history` adds an id and the version approved, else one row a year. */
async function rebuildApprovals(db: Kysely<unknown>, dialect: Dialect, history: boolean) {
  const pg = dialect === 'postgres';
  let t: CreateTableBuilder<'plan_approvals_new', string> =
    db.schema.createTable('plan_approvals_new');
  if (history)
    t = t.addColumn('id', pg ? 'serial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    );
  t = t
    .addColumn('province_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('plan_year', 'integer', (c) => c.notNull())
    .addColumn('approved_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('document_no', 'varchar(100)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('file_path', 'varchar(500)', (c) => c.notNull())
    .addColumn('username', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull());
  if (history)
    // Null on an approval recorded before versions were named: it covers no candidate.
    t = t.addColumn('candidate_version', 'integer').addColumn('candidate_hash', 'varchar(64)');
  else t = t.addPrimaryKeyConstraint('plan_approvals_pk', ['province_code', 'plan_year']);
  await t.execute();
  if (history)
    await sql`insert into plan_approvals_new (${APPROVAL_COLUMNS}) select ${APPROVAL_COLUMNS} from plan_approvals order by at`.execute(
      db,
    );
  else
    await sql`insert into plan_approvals_new (${APPROVAL_COLUMNS}) select ${APPROVAL_COLUMNS} from plan_approvals a
      where a.id = (select max(b.id) from plan_approvals b where b.province_code = a.province_code and b.plan_year = a.plan_year)`.execute(
      db,
    );
  await db.schema.dropTable('plan_approvals').execute();
  await sql`alter table plan_approvals_new rename to plan_approvals`.execute(db);
  if (history)
    await db.schema
      .createIndex('plan_approvals_province')
      .on('plan_approvals')
      .columns(['province_code', 'plan_year'])
      .execute();
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    await setRoleCheck(db, dialect, NEW_ROLES);
    await rebuildApprovals(db, dialect, true);
    await db.schema
      .createTable('plan_receipts')
      .addColumn('id', pg ? 'serial' : 'integer', (c) =>
        pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('role', 'varchar(24)', (c) =>
        c.notNull().check(sql`role in (${inList(RECIPIENTS)})`),
      )
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .execute();
    // One receipt per department and version: the backstop to the declaration's row lock.
    await db.schema
      .createIndex('plan_receipts_once')
      .on('plan_receipts')
      .columns(['unit_code', 'plan_year', 'role', 'version'])
      .unique()
      .execute();
    // One column a statement: SQLite adds one column per ALTER TABLE.
    await db.schema.alterTable('declarations').addColumn('contact_name', 'varchar(50)').execute();
    await db.schema.alterTable('declarations').addColumn('contact_phone', 'varchar(20)').execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const dialect: Dialect =
    db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await db.schema.alterTable('declarations').dropColumn('contact_phone').execute();
  await db.schema.alterTable('declarations').dropColumn('contact_name').execute();
  await db.schema.dropTable('plan_receipts').execute();
  await rebuildApprovals(db, dialect, false);
  await sql`delete from user_roles where role not in (${inList(OLD_ROLES)})`.execute(db);
  await setRoleCheck(db, dialect, OLD_ROLES);
}
