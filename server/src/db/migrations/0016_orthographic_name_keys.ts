/**
 * communities.name_key becomes the orthographic key of the name (issue 9, §1): the writing
 * unified (full-width/half-width, spaces, brackets and punctuation, Chinese numerals, letter case)
 * but the generic suffix kept, so 机械厂家属院 and 机械厂小区 are two communities of one unit (a
 * suspected duplicate for a person to judge), no longer one. Every stored key is recomputed.
 *
 * The new key is finer than the old (equal new keys mean equal old keys), so the unique index on
 * (region_code, name_key) holds after `up`; it is dropped while the keys change, so that no
 * intermediate state trips it. `down` goes back to the suffix-stripped key, except for a community
 * whose old key another community of its unit (the lower id) has taken by then: it keeps its new
 * key (or, should that be taken too, its new key and its id).
 *
 * Frozen: imports no app code; the two key functions are copies of domain/ledger/names.ts as of
 * this migration.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
/** The suffixes the key dropped before this migration. */
const OLD_SUFFIXES = [
  '家属小区',
  '家属院',
  '家属楼',
  '生活区',
  '宿舍区',
  '宿舍楼',
  '宿舍',
  '小区',
  '大院',
  '院落',
  '院',
];

function chineseNumerals(s: string): string {
  return s.replace(/[零〇一二两三四五六七八九十百]+/g, (run) => {
    if (!/[十百]/.test(run)) return [...run].map((c) => DIGITS[c]).join('');
    let total = 0;
    let current = 0;
    for (const c of run) {
      if (c === '百') {
        total += (current || 1) * 100;
        current = 0;
      } else if (c === '十') {
        total += (current || 1) * 10;
        current = 0;
      } else current = Number(DIGITS[c]);
    }
    return String(total + current);
  });
}

function orthographicKey(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  s = s.replace(/[\s\u3000·・•.,，、。;；:：'"“”‘’\-—_()（）[\]【】{}《》<>]/g, '');
  s = chineseNumerals(s);
  return s.replace(/第(\d+)期/g, '$1期');
}

function oldKey(name: string): string {
  const s = orthographicKey(name);
  for (const suffix of OLD_SUFFIXES)
    if (s.length > suffix.length + 1 && s.endsWith(suffix)) return s.slice(0, -suffix.length);
  return s;
}

const BATCH = 500;

type Row = { id: number; name: string; name_key: string; region_code: string };

/** Sets the keys of the given rows, a batch a statement (the same SQL on both engines). */
async function setKeys(db: Kysely<unknown>, keys: [number, string][]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH) {
    const values = sql.join(
      keys.slice(i, i + BATCH).map(([id, key]) => sql`(cast(${id} as integer), ${key})`),
    );
    await sql`with v(id, k) as (values ${values})
      update communities set name_key = (select v.k from v where v.id = communities.id)
      where id in (select v.id from v)`.execute(db);
  }
}

async function rekey(db: Kysely<unknown>, keyOf: (r: Row) => string): Promise<void> {
  const rows = (
    await sql<Row>`select id, name, name_key, region_code from communities order by id`.execute(db)
  ).rows;
  const changed: [number, string][] = [];
  for (const r of rows) {
    const key = keyOf(r);
    if (key !== r.name_key) changed.push([r.id, key]);
  }
  await db.schema.dropIndex('communities_unit_key').execute();
  await setKeys(db, changed);
  await db.schema
    .createIndex('communities_unit_key')
    .on('communities')
    .columns(['region_code', 'name_key'])
    .unique()
    .execute();
}

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await rekey(db, (r) => orthographicKey(r.name));
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const taken = new Set<string>();
  await rekey(db, (r) => {
    const free = (k: string) => !taken.has(`${r.region_code}|${k}`);
    const old = oldKey(r.name);
    const key = free(old) ? old : free(r.name_key) ? r.name_key : `${r.name_key}#${r.id}`;
    taken.add(`${r.region_code}|${key}`);
    return key;
  });
}
