/**
 * What a large import makes PostgreSQL do for every row, made cheaper (issue 14 §4: the xlsx import
 * of the national ledger within 1.5 × its parse on PostgreSQL too).
 *
 * - The keys every imported row is compared by (regions.code, which five foreign keys a row look
 *   up; communities.region_code, prefecture_code and name_key, the ledger's unique key; projects.code
 *   and prefecture_code) compare byte by byte (collation "C"), as SQLite's do, instead of through
 *   the database's locale: a comparison is a memcmp, not a strcoll. Equal stays equal (both
 *   collations are deterministic), so no key becomes unique or duplicate; codes, the only such
 *   columns read in order, are digits and Latin capitals, which every locale orders alike, and
 *   the two engines now order them the same way.
 * - A link into a project (figures_link_in, migration 0030) only ever makes a community a member of
 *   the plan, never takes one out: the trigger no longer looks for members to delete, and takes the
 *   new members from the links into projects in the 实施 pool, not by asking every linked
 *   community for its projects again.
 *
 * Frozen: imports no app code; the trigger bodies are 0030's as of this migration, which `down`
 * restores.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const MEMBER_VALUES = [
  'region_path',
  'region_code',
  'prefecture_code',
  'plan_year',
  'area_class',
  'build_year',
  'households',
  'buildings',
  'floor_area_centi',
  'investment_yuan',
];
const SETTINGS = 'set jit = off set enable_seqscan = off set search_path from current';
const MEMBER_COLUMNS = `community_id, ${MEMBER_VALUES.join(', ')}`;
const FROM_COMMUNITY = `c.id, ${MEMBER_VALUES.map((v) => `c.${v}`).join(', ')}`;
const NOT_MEMBER = 'not exists (select 1 from figure_members f where f.community_id = c.id)';

// ---- 0030's link trigger, restored by `down` ------------------------------------------------

const IMPLEMENTED = (id: string) =>
  `exists (select 1 from project_communities pc join projects pj on pj.id = pc.project_id where pc.community_id = ${id} and pj.pool = 'implement' limit 1 offset 0)`;
const syncMembers0030 = (among: (col: string) => string) => [
  `delete from figure_members where ${among('community_id')} and not ${IMPLEMENTED('figure_members.community_id')}`,
  `insert into figure_members (${MEMBER_COLUMNS}) select ${FROM_COMMUNITY} from communities c where ${among('c.id')} and ${IMPLEMENTED('c.id')} and ${NOT_MEMBER}`,
];

// ---- this migration's ----------------------------------------------------------------------

/**
 * PostgreSQL: the statement's links into the 实施 pool, their communities looked up by index. The
 * pool is a scalar subquery, looked up by index for each link: a join, planned once for the
 * session while the tables were small, could read all of projects for every statement.
 */
const LINKED_IN = `insert into figure_members (${MEMBER_COLUMNS}) select ${FROM_COMMUNITY} from communities c where c.id = any(array(select l.community_id from links l where (select pj.pool from projects pj where pj.id = l.project_id) = 'implement')) and ${NOT_MEMBER}`;
/** SQLite: the one link `NEW`. */
const LINK_IN = `insert into figure_members (${MEMBER_COLUMNS}) select ${FROM_COMMUNITY} from communities c where c.id = NEW.community_id and exists (select 1 from projects pj where pj.id = NEW.project_id and pj.pool = 'implement') and ${NOT_MEMBER}`;

/** The communities it adds are locked first, as 0030 does: a writer of one waits for the other. */
const LOCK_LINKED =
  'perform 1 from communities where id = any(array(select community_id from links)) for no key update';

function postgresLinkIn(body: string[]): string {
  return `create or replace function figures_link_in() returns trigger language plpgsql ${SETTINGS} as $$ begin ${[LOCK_LINKED, ...body].map((s) => `${s};`).join(' ')} return null; end $$`;
}

function sqliteLinkIn(body: string[]): string[] {
  return [
    'drop trigger figures_link_in',
    `create trigger figures_link_in after insert on project_communities for each row begin ${body.map((s) => `${s};`).join(' ')} end`,
  ];
}

// ---- collations (PostgreSQL) ------------------------------------------------------------------

const KEYS: [table: string, column: string, type: string][] = [
  ['regions', 'code', 'varchar(6)'],
  ['communities', 'region_code', 'varchar(6)'],
  ['communities', 'prefecture_code', 'varchar(6)'],
  ['communities', 'name_key', 'varchar(100)'],
  ['projects', 'code', 'varchar(32)'],
  ['projects', 'prefecture_code', 'varchar(6)'],
];

/** 0030's trigger that copies a community's values to its member: its condition names two keys. */
const COMMUNITY_CHANGED = `create trigger figures_community_changed after update on communities for each row when (${MEMBER_VALUES.map((v) => `OLD.${v} is distinct from NEW.${v}`).join(' or ')}) execute function figures_community_changed()`;

async function collate(db: Kysely<unknown>, collation: '"C"' | '"default"'): Promise<void> {
  await sql`drop trigger figures_community_changed on communities`.execute(db);
  for (const table of new Set(KEYS.map(([t]) => t))) {
    const columns = KEYS.filter(([t]) => t === table).map(
      ([, column, type]) => `alter column ${column} type ${type} collate ${collation}`,
    );
    await sql.raw(`alter table ${table} ${columns.join(', ')}`).execute(db);
  }
  await sql.raw(COMMUNITY_CHANGED).execute(db);
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (dialect === 'postgres') {
      await collate(db, '"C"');
      await sql.raw(postgresLinkIn([LINKED_IN])).execute(db);
      return;
    }
    for (const s of sqliteLinkIn([LINK_IN])) await sql.raw(s).execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        postgresLinkIn(
          syncMembers0030((col) => `${col} = any(array(select community_id from links))`),
        ),
      )
      .execute(db);
    await collate(db, '"default"');
    return;
  }
  for (const s of sqliteLinkIn(syncMembers0030((col) => `${col} in (NEW.community_id)`)))
    await sql.raw(s).execute(db);
}
