/** Ledger use cases: the filtered list with totals, a community's page, create and edit. */
import type { Kysely } from 'kysely';
import type {
  CommunityInput,
  LedgerFilter,
  LedgerListQuery,
} from '../../../../common/api/ledger.ts';
import type { CommunityRow, Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { coordinateProblems, storedCoordinate } from '../../../../common/coordinates.ts';
import { formatScaled } from '../../domain/ledger/decimal.ts';
import { orthographicKey } from '../../domain/ledger/names.ts';
import { checkRow, EXCLUSION_TEXT } from '../../domain/ledger/rows.ts';
import type { ColumnKey } from '../../domain/ledger/template.ts';
import { AREA_CLASS_LABELS } from '../../domain/regions.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { refuseYearChangeOfDeclared } from '../plan/earlier-plans.service.ts';
import { listPolicies } from '../plan/policies.service.ts';
import { findRegion, findRegionsByCodes } from '../regions/regions.repository.ts';
import * as repo from './communities.repository.ts';
import { presentCommunity } from './communities.presenter.ts';
import { pairsOf } from './duplicates.repository.ts';
import { scanUnits } from './duplicates.service.ts';
import { historyOf, insertChanges, type FieldChange } from './history.repository.ts';
import { draftToRow } from './community-row.ts';
import { projectCode } from './import/import.service.ts';
import { canEditLedger, canReadLedger, inScope } from './ledger.policy.ts';
import { ledgerUnitsWithin } from './units.ts';
import { auditBy } from '../audit/audit.repository.ts';

export async function filterFor(
  db: Kysely<Database>,
  actor: Actor,
  q: LedgerFilter,
): Promise<repo.CommunityFilter> {
  if (!canReadLedger(actor)) throw forbidden('没有查看台账的权限');
  let regionPath: string | undefined;
  if (q.region) {
    const region = await findRegion(db, q.region);
    if (!region || !inScope(actor, region.path)) throw notFound(`区划 ${q.region} `);
    regionPath = region.path;
  }
  const cutoffs = q.bucket ? await listPolicies(db) : undefined;
  return { ...q, scopePath: actor.regionPath, regionPath, cutoffs };
}

export async function regionNames(
  db: Kysely<Database>,
  rows: CommunityRow[],
): Promise<Map<string, string>> {
  return new Map(
    (await findRegionsByCodes(db, [...new Set(rows.map((r) => r.region_code))])).map((r) => [
      r.code,
      r.name,
    ]),
  );
}

export async function listLedger(db: Kysely<Database>, actor: Actor, q: LedgerListQuery) {
  const filter = await filterFor(db, actor, q);
  const [rows, totals] = await Promise.all([
    repo.listCommunities(db, filter, {
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
      sort: q.sort,
      desc: q.order === 'desc',
    }),
    repo.totalsOf(db, filter),
  ]);
  const [names, suspected, policies] = await Promise.all([
    regionNames(db, rows),
    repo.suspectedAmong(
      db,
      rows.map((r) => r.id),
    ),
    filter.cutoffs ?? listPolicies(db),
  ]);
  return {
    items: rows.map((r) => ({
      ...presentCommunity(r, names.get(r.region_code) ?? r.region_code, policies),
      suspectedDuplicate: suspected.has(r.id),
    })),
    total: totals.count,
    totals: {
      households: totals.households,
      buildings: totals.buildings,
      floorArea: formatScaled(totals.floorAreaCenti, 2),
      investment: formatScaled(totals.investmentYuan, 4),
    },
  };
}

async function visibleCommunity(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<CommunityRow> {
  if (!canReadLedger(actor)) throw forbidden('没有查看台账的权限');
  const c = await repo.findCommunity(db, id);
  if (!c || !inScope(actor, c.region_path)) throw notFound('小区');
  return c;
}

export async function communityDetail(db: Kysely<Database>, actor: Actor, id: number) {
  const c = await visibleCommunity(db, actor, id);
  const [names, projects, history, duplicates, policies] = await Promise.all([
    regionNames(db, [c]),
    repo.projectsOfCommunity(db, id),
    historyOf(db, 'community', id),
    pairsOf(db, id),
    listPolicies(db),
  ]);
  return {
    ...presentCommunity(c, names.get(c.region_code) ?? c.region_code, policies),
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      planYear: p.plan_year,
      pool: p.pool,
    })),
    history,
    duplicates: duplicates.map((d) => ({
      id: d.id,
      name: d.name,
      regionCode: d.region_code,
      address: d.address,
      status: d.status,
    })),
  };
}

/** The editable fields, in the template's words (the same checks as the import). */
export type { CommunityInput };

async function checkInput(
  db: Kysely<Database>,
  actor: Actor,
  input: CommunityInput,
  allowIneligible: boolean,
) {
  const units = await ledgerUnitsWithin(db, actor.regionPath);
  const record: Record<ColumnKey, string> = {
    seq: '',
    regionCode: input.regionCode,
    regionName: '',
    street: input.street ?? '',
    name: input.name.trim(),
    address: input.address ?? '',
    buildYear: String(input.buildYear),
    areaClass: input.areaClass ? AREA_CLASS_LABELS[input.areaClass] : '',
    buildings: String(input.buildings),
    households: String(input.households),
    floorArea: String(input.floorArea),
    investment: String(input.investment),
    planYear: String(input.planYear),
    content: input.content ?? '',
    ownership: input.ownership ?? '',
    exclusion: allowIneligible ? '' : EXCLUSION_TEXT[input.exclusion ?? 'none'],
    subsidyYear: allowIneligible ? '' : String(input.subsidyYears?.[0] ?? ''),
  };
  const now = new Date();
  const { draft, errors } = checkRow(0, record, {
    currentYear: now.getUTCFullYear(),
    unitByCode: units.unitFor,
    unknownCodeMessage: units.unknownCodeMessage,
    unitsByName: () => [],
  });
  if (!draft)
    throw validation(
      errors.map((e) => `${e.column}：${e.message}`).join('；'),
      errors.map((e) => ({ path: e.column, message: e.message })),
    );
  return { draft, unit: units.byCode.get(draft.regionCode)! };
}

/** The position to store (both or neither, inside China), or a Chinese error naming the field. */
function checkedPosition(lng: string | null | undefined, lat: string | null | undefined) {
  const problems = coordinateProblems(lng, lat);
  if (problems.length)
    throw validation(
      problems.map((p) => p.message).join('；'),
      problems.map((p) => ({ path: p.path, message: p.message })),
    );
  return { lng: storedCoordinate(lng), lat: storedCoordinate(lat) };
}

const FIELD_LABELS: Record<string, string> = {
  region_code: '区划代码',
  street: '街道',
  name: '小区名称',
  address: '详细地址',
  build_year: '建成年份',
  area_class: '类别',
  buildings: '楼栋数',
  households: '居民户数',
  floor_area_centi: '住宅建筑面积（平方米）',
  investment_yuan: '预计投资额（万元）',
  plan_year: '计划年度',
  content: '改造内容',
  ownership: '产权性质',
  housing_type: '住房类型',
  exclusion: '是否拟征收或拆除新建',
  subsidy_years: '已纳入中央补助年度',
  notes: '备注',
  lng: '经度',
  lat: '纬度',
};
const display = (field: string, v: unknown): unknown =>
  field === 'floor_area_centi'
    ? formatScaled(v as number, 2)
    : field === 'investment_yuan'
      ? formatScaled(v as number, 4)
      : v;

export async function createCommunity(
  db: Kysely<Database>,
  actor: Actor,
  input: CommunityInput,
  now = new Date(),
) {
  if (!canEditLedger(actor)) throw forbidden('没有编辑台账的权限');
  return db.transaction().execute(async (trx) => {
    const { draft, unit } = await checkInput(trx, actor, input, false);
    const position = checkedPosition(input.lng, input.lat);
    const key = orthographicKey(draft.name);
    const same = await repo.findByKeys(trx, draft.regionCode, [key]);
    if (same[0])
      throw conflict(
        'DUPLICATE_NAME',
        `${unit.name}已有同名小区“${same[0].name}”（编号 ${same[0].id}），同一小区只能登记一次`,
        { details: [{ path: 'name', message: '重复' }] },
      );
    const at = now.toISOString();
    const [row] = await repo.insertCommunities(trx, [
      draftToRow(draft, unit.path, now, {
        ...position,
        housingType: input.housingType,
        notes: input.notes,
        subsidyYears: input.subsidyYears,
      }),
    ]);
    const [project] = await repo.insertProjects(trx, [
      {
        code: projectCode(draft.planYear, draft.regionCode, row!.id),
        name: draft.name,
        prefecture_code: draft.prefectureCode,
        region_path: unit.path,
        plan_year: draft.planYear,
        pool: 'implement',
        version: 1,
        created_at: at,
        updated_at: at,
      },
    ]);
    await repo.linkProjectCommunities(trx, [{ project_id: project!.id, community_id: row!.id }]);
    await insertChanges(
      trx,
      [
        {
          entity: 'community',
          entityId: row!.id,
          userId: actor.userId || null,
          username: actor.username,
          action: 'create',
          version: 1,
          changes: [],
        },
      ],
      now,
    );
    await scanUnits(trx, [draft.regionCode], now);
    // Last: the audit chain's head is held from here to the commit.
    await auditBy(trx, actor, 'community.create', String(row!.id), { name: draft.name }, now);
    return row!.id;
  });
}

export async function updateCommunity(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  input: CommunityInput,
  now = new Date(),
) {
  if (!canEditLedger(actor)) throw forbidden('没有编辑台账的权限');
  return db.transaction().execute(async (trx) => {
    const current = await visibleCommunity(trx, actor, id);
    const { draft, unit } = await checkInput(trx, actor, input, true);
    // A field the request leaves out keeps its stored value (checked again: one stored before
    // migration 0027 outside China is asked to be corrected).
    const position = checkedPosition(
      input.lng === undefined ? current.lng : input.lng,
      input.lat === undefined ? current.lat : input.lat,
    );
    const {
      version: _v,
      created_at: _c,
      updated_at: _u,
      ...next
    } = draftToRow(draft, unit.path, now, {
      ...position,
      housingType: input.housingType ?? current.housing_type,
      notes: input.notes ?? current.notes,
      exclusion: input.exclusion ?? current.exclusion,
      subsidyYears:
        input.subsidyYears ??
        (current.subsidy_years ? current.subsidy_years.split(',').map(Number) : []),
    });
    const changes: FieldChange[] = Object.entries(next)
      .filter(([k, v]) => FIELD_LABELS[k] && current[k as keyof CommunityRow] !== v)
      .map(([k, v]) => ({
        field: FIELD_LABELS[k]!,
        old: display(k, current[k as keyof CommunityRow]),
        new: display(k, v),
      }));
    const stale = async () => {
      const latest = (await repo.findCommunity(trx, id))!;
      const meanwhile = await historyOf(trx, 'community', id, version);
      return conflict(
        'STALE_VERSION',
        `保存失败：该小区已被${meanwhile[0]?.person ?? '他人'}修改（您打开的是第 ${version} 版，当前为第 ${latest.version} 版）。请查看对方的修改后重新编辑。`,
        { extra: { currentVersion: latest.version, meanwhile } },
      );
    };
    if (current.version !== version) throw await stale();
    if (next.plan_year !== current.plan_year)
      await refuseYearChangeOfDeclared(trx, id, current.name);
    if (next.name_key !== current.name_key || next.region_code !== current.region_code) {
      const same = (await repo.findByKeys(trx, draft.regionCode, [next.name_key!])).filter(
        (s) => s.id !== id,
      );
      if (same[0])
        throw conflict(
          'DUPLICATE_NAME',
          `${unit.name}已有同名小区“${same[0].name}”（编号 ${same[0].id}）`,
          { details: [{ path: 'name', message: '重复' }] },
        );
    }
    if (!(await repo.updateCommunity(trx, id, version, next, now))) throw await stale();
    if (changes.length)
      await insertChanges(
        trx,
        [
          {
            entity: 'community',
            entityId: id,
            userId: actor.userId || null,
            username: actor.username,
            action: 'update',
            version: version + 1,
            changes,
          },
        ],
        now,
      );
    await scanUnits(trx, [draft.regionCode], now);
    if (changes.length)
      await auditBy(
        trx,
        actor,
        'community.update',
        String(id),
        { version: version + 1, changed: changes.map((c) => c.field) },
        now,
      );
    return id;
  });
}
