/**
 * communities.address_key and cell_key: the keys by which the duplicate scan pairs communities of
 * neighbouring units (the same address; positions within about 50 m), kept with each community
 * as its address and position are written (domain/ledger/place-keys.ts), so that the scan asks the
 * engine for the keys two communities share instead of reading and keying every address.
 * Every stored community's keys are computed here.
 *
 * Frozen: imports no app code; the key functions are copies of domain/ledger/names.ts and
 * place-keys.ts as of this migration.
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
  if (/[零〇一二两三四五六七八九十百]/.test(s)) s = chineseNumerals(s);
  if (s.includes('第')) s = s.replace(/第(\d+)期/g, '$1期');
  return s;
}

function addressKey(address: string): string | null {
  const key = address && orthographicKey(address);
  return key && [...key].length >= 6 ? key : null;
}

function positionCell(lng: string | null, lat: string | null): string | null {
  return lng && lat
    ? `${Math.floor(Number(lng) / 0.0005)}:${Math.floor(Number(lat) / 0.0005)}`
    : null;
}

const PAGE = 1000;

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema.alterTable('communities').addColumn('address_key', 'text').execute();
    await db.schema.alterTable('communities').addColumn('cell_key', 'text').execute();
    for (let after = 0; ;) {
      const { rows } = await sql<{
        id: number;
        address: string;
        lng: string | null;
        lat: string | null;
      }>`select id, address, lng, lat from communities where id > ${after} order by id limit ${PAGE}`.execute(
        db,
      );
      if (!rows.length) break;
      after = rows.at(-1)!.id;
      const keyed = rows
        .map((r) => ({
          id: r.id,
          address: addressKey(r.address),
          cell: positionCell(r.lng, r.lat),
        }))
        .filter((r) => r.address !== null || r.cell !== null);
      if (!keyed.length) continue;
      // One statement a page; the keys are no columns of the figures, so no figure trigger fires.
      const values = sql.join(
        keyed.map(
          (r) =>
            sql`(cast(${r.id} as integer), cast(${r.address} as text), cast(${r.cell} as text))`,
        ),
      );
      await sql`with v (id, address_key, cell_key) as (values ${values})
        update communities set address_key = v.address_key, cell_key = v.cell_key
        from v where communities.id = v.id`.execute(db);
    }
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('communities').dropColumn('cell_key').execute();
  await db.schema.alterTable('communities').dropColumn('address_key').execute();
}
