/** Region use cases: loading the shipped tree, browsing and searching within a user's scope. */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { childPath, functionalZoneCode, type RegionLevel } from '../../domain/regions.ts';
import { forbidden, notFound, validation } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as repo from './regions.repository.ts';
import { canAddFunctionalZone, canViewRegion } from './regions.policy.ts';
import { charCount, withoutInvisible } from '../../domain/ledger/names.ts';

type DataRow = [string, string, Exclude<RegionLevel, 'country'>, string, string, number, string];

/** Loads the shipped GB/T 2260 tree into an empty regions table (first start of a database). */
export async function ensureRegionsLoaded(db: Kysely<Database>, now = new Date()): Promise<void> {
  if ((await repo.countRegions(db)) > 0) return;
  // Read only for a new database: every other start, a CLI command's too, goes without its 200 KB.
  const { default: regionData } = await import('../../db/regions-data.json', {
    with: { type: 'json' },
  });
  const at = now.toISOString();
  const paths = new Map<string, string>([[COUNTRY_CODE, `/${COUNTRY_CODE}/`]]);
  const rows: RegionRow[] = [
    {
      code: COUNTRY_CODE,
      name: '全国',
      level: 'country',
      kind: '全国',
      parent_code: null,
      path: `/${COUNTRY_CODE}/`,
      is_ledger_unit: 0,
      initials: 'qg',
      is_custom: 0,
      created_at: at,
    },
  ];
  // The data file lists every parent before its children.
  for (const [
    code,
    name,
    level,
    kind,
    parentCode,
    ledger,
    initials,
  ] of regionData.rows as DataRow[]) {
    const path = childPath(paths.get(parentCode)!, code);
    paths.set(code, path);
    rows.push({
      code,
      name,
      level,
      kind,
      parent_code: parentCode,
      path,
      is_ledger_unit: ledger,
      initials,
      is_custom: 0,
      created_at: at,
    });
  }
  await db.transaction().execute((trx) => repo.insertRegions(trx, rows));
}

export const pathCodes = (path: string): string[] => path.split('/').filter(Boolean);

/** The region's ancestors and itself, from the top, as {code, name}; the country root is left out. */
export async function regionTrail(
  db: Kysely<Database>,
  region: RegionRow,
): Promise<{ code: string; name: string }[]> {
  return (await trailsByPath(db, [region.path])).get(region.path)!;
}

/** Trails for many paths with one query (list pages). */
export async function trailsByPath(
  db: Kysely<Database>,
  paths: string[],
): Promise<Map<string, { code: string; name: string }[]>> {
  const codes = [...new Set(paths.flatMap(pathCodes))].filter((c) => c !== COUNTRY_CODE);
  const names = new Map((await repo.findRegionsByCodes(db, codes)).map((r) => [r.code, r.name]));
  return new Map(
    paths.map((p) => {
      const trail = pathCodes(p)
        .filter((c) => c !== COUNTRY_CODE)
        .map((c) => ({ code: c, name: names.get(c) ?? c }));
      return [p, trail.length ? trail : [{ code: COUNTRY_CODE, name: '全国' }]];
    }),
  );
}

/** 湖北省武汉市江岸区; a municipality's unit of the same name is said once (北京市东城区). */
export const fullName = (trail: { name: string }[]): string =>
  trail
    .map((t) => t.name)
    .filter((n, i, all) => n !== all[i - 1])
    .join('');

export async function getVisibleRegion(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
): Promise<RegionRow> {
  const region = await repo.findRegion(db, code);
  if (!region || !canViewRegion(actor, region)) throw notFound(`区划 ${code} `);
  return region;
}

export async function regionWithChildren(db: Kysely<Database>, actor: Actor, code: string) {
  const region = await getVisibleRegion(db, actor, code);
  const [trail, children] = await Promise.all([
    regionTrail(db, region),
    repo.listChildren(db, code),
  ]);
  return { region, trail, children };
}

export async function searchVisibleRegions(
  db: Kysely<Database>,
  actor: Actor,
  q: string,
  limit: number,
) {
  const rows = await repo.searchRegions(db, q.trim(), actor.regionPath, limit);
  const trails = await trailsByPath(
    db,
    rows.map((r) => r.path),
  );
  return rows.map((r) => ({ region: r, fullName: fullName(trails.get(r.path)!) }));
}

export async function addFunctionalZone(
  db: Kysely<Database>,
  actor: Actor,
  input: { parentCode: string; name: string },
  now = new Date(),
): Promise<RegionRow> {
  // Invisible characters (a pasted zero-width space) would make a second zone of the same name.
  const name = withoutInvisible(input.name).trim();
  if (charCount(name) < 2)
    throw validation('名称至少2个字', [{ path: 'name', message: '名称至少2个字' }]);
  return db.transaction().execute(async (trx) => {
    const parent = await getVisibleRegion(trx, actor, input.parentCode);
    if (!canAddFunctionalZone(actor, parent))
      throw parent.level !== 'prefecture' || parent.is_ledger_unit
        ? validation('功能区只能添加在地级单位（市、州、盟）之下', [
            { path: 'parentCode', message: '请选择地级单位' },
          ])
        : forbidden('只有系统管理员可以添加功能区');
    await repo.lockRegion(trx, parent.code);
    const siblings = await repo.listChildren(trx, parent.code);
    if (siblings.some((s) => s.name === name))
      throw validation(`${parent.name}下已有名为“${name}”的区划`, [
        { path: 'name', message: '名称重复' },
      ]);
    const code = functionalZoneCode(parent.code, await repo.countCustomZones(trx, parent.code));
    const row: RegionRow = {
      code,
      name,
      level: 'county',
      kind: '功能区',
      parent_code: parent.code,
      path: childPath(parent.path, code),
      is_ledger_unit: 1,
      initials: '',
      is_custom: 1,
      created_at: now.toISOString(),
    };
    await repo.insertRegion(trx, row);
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: 'region.create',
        target: code,
        detail: { name, parentCode: parent.code },
      },
      now,
    );
    return row;
  });
}
