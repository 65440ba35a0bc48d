/** Which unit declares, who may act on its declaration, and what it declares (the snapshot). */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import { sha256 } from '../../sha256.ts';
import { hasRole, readsPlanData, type Actor } from '../../domain/actor.ts';
import {
  canonicalJson,
  DECLARER_ROLE,
  REVIEWER_ROLE,
  type ActorSide,
  type SnapshotCommunity,
  type UnitLevel,
} from '../../domain/declaration.ts';
import { frozenRows, type FrozenRow } from '../../domain/plan-table.ts';
import { forbidden, notFound } from '../../errors.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';
import { planTableFor } from '../plan/plan-table.service.ts';
import { receivesOnly } from './declarations.policy.ts';
import { findDeclaration, latestSnapshot } from './declarations.repository.ts';
import { resolveScope } from '../regions/scope.ts';
import { sumCommunities, type Measures } from '../../domain/measures.ts';

export const unitLevelOf = (r: RegionRow): UnitLevel | null =>
  r.level === 'province'
    ? 'province'
    : r.level === 'prefecture'
      ? 'city'
      : r.level === 'county'
        ? 'county'
        : null;

/**
 * A declaring unit the actor may see: its own region, or one below it. Outside: not found. The
 * security and audit administrators see no declaration at all (三员分立): refused before the look-up.
 */
export async function visibleUnit(db: Kysely<Database>, actor: Actor, code: string) {
  if (!readsPlanData(actor)) throw plansRefused();
  // The reviewer of a province (the ministry) sits above it: the country sees every province.
  const region = await resolveScope(db, actor, code, {
    levels: ['province', 'prefecture', 'county'],
    what: '申报单位',
  });
  return { region, level: unitLevelOf(region)! };
}

/** The refusal of plan data to the security and audit administrators (domain/actor.ts readsPlanData). */
export const plansRefused = () =>
  forbidden('没有查看年度计划申报的权限（三员分立：安全管理员、审计管理员不查看计划数据）');

/** 'self': the unit's own declarer; 'above': its reviewer; null: neither. */
export function sideOf(actor: Actor, region: RegionRow, level: UnitLevel): ActorSide | null {
  if (actor.regionCode === region.code && hasRole(actor, DECLARER_ROLE[level])) return 'self';
  const reviewerRegion = level === 'province' ? '000000' : region.parent_code;
  if (actor.regionCode === reviewerRegion && hasRole(actor, REVIEWER_ROLE[level])) return 'above';
  return null;
}

export interface SnapshotContent {
  communities: SnapshotCommunity[];
  totals: Measures;
  /** the official table's rows, for a province; null for a city or county */
  table: FrozenRow[] | null;
  /**
   * 联系人及电话 of the form, for a province that has entered it: "张三 0898-12345678". Absent in
   * versions frozen before it was asked for (and then their hashes stay as they were).
   */
  contact?: string;
}

/** The contact as the form prints it. */
export const formatContact = (d: {
  contact_name?: string | null;
  contact_phone?: string | null;
}) => (d.contact_name && d.contact_phone ? `${d.contact_name} ${d.contact_phone}` : undefined);

/**
 * A declaration the actor may read: as visibleUnit, and for 国家发展改革委 and 财政部 (who receive
 * plans and see nothing else) only a province's that has submitted a version of the year.
 */
export async function readableUnit(db: Kysely<Database>, actor: Actor, code: string, year: number) {
  const u = await visibleUnit(db, actor, code);
  if (
    receivesOnly(actor) &&
    (u.level !== 'province' || !(await latestSnapshot(db, u.region.code, year, 'submission')))
  )
    throw notFound(`已上报的申报单位 ${code} `);
  return u;
}

export async function currentContent(
  db: Kysely<Database>,
  region: RegionRow,
  level: UnitLevel,
  year: number,
): Promise<{ content: SnapshotContent; hash: string }> {
  const rows = await planCommunities(db, region.path, year)
    .select([
      'c.id',
      'c.name',
      'c.region_code',
      'c.build_year',
      'c.households',
      'c.buildings',
      'c.floor_area_centi',
      'c.investment_yuan',
      'c.area_class',
      'c.exclusion',
    ])
    .orderBy('c.id')
    .execute();
  const communities: SnapshotCommunity[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    buildYear: r.build_year,
    households: r.households,
    buildings: r.buildings,
    floorAreaCenti: Number(r.floor_area_centi),
    investmentYuan: Number(r.investment_yuan),
    areaClass: r.area_class,
    exclusion: r.exclusion,
  }));
  const totals = sumCommunities(communities);
  const table =
    level === 'province'
      ? frozenRows((await planTableFor(db, region, year)).blocks[0]!.rows)
      : null;
  const contact =
    level === 'province'
      ? formatContact((await findDeclaration(db, region.code, year)) ?? {})
      : undefined;
  const content: SnapshotContent = { communities, totals, table, ...(contact ? { contact } : {}) };
  return { content, hash: sha256().update(canonicalJson(content)).digest('hex') };
}
