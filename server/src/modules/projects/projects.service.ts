/**
 * Project use cases: a project's page, its pool (实施/谋划/储备) and funding lines, and merging
 * communities into one project (联动改造、集中成片). A project bundles communities of one
 * prefecture-level unit and one plan year; its investment is the sum of its communities'.
 */
import type { Kysely } from 'kysely';
import { POOL_LABELS } from '../../../../common/ledger.ts';
import type { Database, ProjectFundingTable } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatScaled, parseScaled } from '../../domain/ledger/decimal.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { historyOf, insertChanges } from '../ledger/history.repository.ts';
import { canEditLedger, canReadLedger, inScope } from '../ledger/ledger.policy.ts';
import * as repo from './projects.repository.ts';
import { auditBy } from '../audit/audit.repository.ts';

export const FUNDING_SOURCES: Record<ProjectFundingTable['source'], string> = {
  central: '中央补助资金',
  provincial: '省级资金',
  local: '市县资金',
  bonds: '地方政府专项债券',
  residents: '居民出资',
  utilities: '专业经营单位出资',
  social: '社会资本',
};

/**
 * A project the actor may read, and with `lock` change (its row then held to the transaction's
 * end). A city may bundle communities of several of its counties (ADR 0003: one prefecture-level
 * unit); only a unit whose region holds every one of a project's communities reads or changes it,
 * so no county sees another's communities through a joint project, or moves them between pools.
 * Checked on the communities, not on the project's region path (its first community's county).
 */
async function visibleProject(db: Kysely<Database>, actor: Actor, id: number, lock = false) {
  if (!canReadLedger(actor)) throw forbidden('没有查看台账的权限');
  if (lock) {
    const unit = (await repo.findProject(db, id))?.prefecture_code;
    if (unit) await repo.lockPrefectures(db, [unit]);
  }
  const p = await repo.findProject(db, id, lock);
  if (!p) throw notFound('项目');
  const members = await repo.membersOfProjects(db, [id]);
  const inside = members.filter((c) => inScope(actor, c.region_path)).length;
  if (!inside && !inScope(actor, p.region_path)) throw notFound('项目');
  if (inside < members.length) throw forbidden(outsideScope(p.name, '查看和修改'));
  return p;
}

const outsideScope = (project: string, what: string) =>
  `项目“${project}”含有本单位辖区以外的小区（跨区县的联动改造项目），只能由管辖其全部小区的上级单位${what}`;

export async function projectDetail(db: Kysely<Database>, actor: Actor, id: number) {
  const p = await visibleProject(db, actor, id);
  const [communities, funding, history] = await Promise.all([
    repo.communitiesOfProject(db, id),
    repo.fundingOf(db, id),
    historyOf(db, 'project', id),
  ]);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    prefectureCode: p.prefecture_code,
    planYear: p.plan_year,
    pool: p.pool,
    poolLabel: POOL_LABELS[p.pool],
    version: p.version,
    investment: formatScaled(
      communities.reduce((s, c) => s + c.investment_yuan, 0),
      4,
    ),
    households: communities.reduce((s, c) => s + c.households, 0),
    communities: communities.map((c) => ({
      id: c.id,
      name: c.name,
      regionCode: c.region_code,
      households: c.households,
      investment: formatScaled(c.investment_yuan, 4),
    })),
    funding: funding.map((f) => ({
      source: f.source,
      label: FUNDING_SOURCES[f.source],
      amount: formatScaled(f.amount_yuan, 4),
    })),
    history,
  };
}

export interface ProjectPatch {
  version: number;
  name?: string;
  pool?: 'implement' | 'planning' | 'reserve';
  funding?: { source: ProjectFundingTable['source']; amount: string }[];
}

export async function updateProject(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: ProjectPatch,
  now = new Date(),
) {
  if (!canEditLedger(actor)) throw forbidden('没有编辑台账的权限');
  return db.transaction().execute(async (trx) => {
    const p = await visibleProject(trx, actor, id, true);
    const lines = (patch.funding ?? []).map((f, i) => {
      const amount = parseScaled(f.amount.trim(), 4);
      if (amount === undefined)
        throw validation(`资金来源第 ${i + 1} 项金额应为不小于0的数，最多4位小数（万元）`, [
          { path: `funding.${i}.amount`, message: '金额格式不正确' },
        ]);
      return { source: f.source, amount_yuan: amount };
    });
    if (new Set(lines.map((l) => l.source)).size !== lines.length)
      throw validation('同一资金来源只能填写一项', [{ path: 'funding', message: '资金来源重复' }]);
    if (
      !(await repo.updateProject(
        trx,
        id,
        patch.version,
        { name: patch.name, pool: patch.pool },
        now,
      ))
    )
      throw conflict(
        'STALE_VERSION',
        `保存失败：该项目已被他人修改（您打开的是第 ${patch.version} 版，当前为第 ${p.version} 版），请刷新后重试`,
        { extra: { currentVersion: p.version } },
      );
    const before = await repo.fundingOf(trx, id);
    if (patch.funding) await repo.replaceFunding(trx, id, lines);
    const changes = [
      ...(patch.name !== undefined && patch.name !== p.name
        ? [{ field: '项目名称', old: p.name, new: patch.name }]
        : []),
      ...(patch.pool !== undefined && patch.pool !== p.pool
        ? [{ field: '项目库', old: POOL_LABELS[p.pool], new: POOL_LABELS[patch.pool] }]
        : []),
      ...(patch.funding
        ? [
            {
              field: '资金来源',
              old: before
                .map((f) => `${FUNDING_SOURCES[f.source]} ${formatScaled(f.amount_yuan, 4, 0)}`)
                .join('；'),
              new: lines
                .map((f) => `${FUNDING_SOURCES[f.source]} ${formatScaled(f.amount_yuan, 4, 0)}`)
                .join('；'),
            },
          ]
        : []),
    ];
    await insertChanges(
      trx,
      [
        {
          entity: 'project',
          entityId: id,
          userId: actor.userId || null,
          username: actor.username,
          action: 'update',
          version: patch.version + 1,
          changes,
        },
      ],
      now,
    );
    await auditBy(trx, actor, 'project.update', String(id), { name: p.name }, now);
    // Read in the same transaction: a merge may empty the project the moment this one commits.
    return projectDetail(trx, actor, id);
  });
}

/**
 * Puts the communities into one project: the project of the first one survives, emptied projects
 * go. Answers the project as it is when the merge commits.
 */
export async function mergeIntoProject(
  db: Kysely<Database>,
  actor: Actor,
  communityIds: number[],
  name: string | undefined,
  now = new Date(),
) {
  if (!canEditLedger(actor)) throw forbidden('没有编辑台账的权限');
  const ids = [...new Set(communityIds)];
  if (ids.length < 2)
    throw validation('至少选择两个小区才能合并为一个项目', [
      { path: 'communityIds', message: '至少两个' },
    ]);
  return db.transaction().execute(async (trx) => {
    // Locked in the repository's order: the prefecture-level unit, the projects the communities
    // are in, then the communities. Concurrent merges in one unit take turns.
    const units = await repo.prefecturesOf(trx, ids);
    await repo.lockPrefectures(trx, units);
    const seen = await repo.projectIdsOfCommunities(trx, ids);
    const projects = new Map(
      (await repo.lockProjects(trx, [...new Set(seen.map((l) => l.project_id))])).map((p) => [
        p.id,
        p,
      ]),
    );
    const rows = new Map((await repo.lockCommunities(trx, ids)).map((c) => [c.id, c]));
    const communities = ids.map((id) => {
      const c = rows.get(id);
      if (!c || !inScope(actor, c.region_path)) throw notFound(`小区 ${id} `);
      return c;
    });
    if (communities.some((c) => !units.includes(c.prefecture_code)))
      throw conflict('CONCURRENT', '所选小区的区划刚被他人修改，本次合并未执行，请刷新后重试');
    const first = communities[0]!;
    const odd = communities.find(
      (c) => c.prefecture_code !== first.prefecture_code || c.plan_year !== first.plan_year,
    );
    if (odd)
      throw validation(
        `“${odd.name}”与“${first.name}”不属于同一地级单位或同一计划年度，不能合并为一个项目`,
        [{ path: 'communityIds', message: '须同一地级单位、同一计划年度' }],
      );
    // Read again under the locks: a merge that finished while this one waited may have moved a
    // community into a project this one does not hold.
    const links = await repo.projectIdsOfCommunities(trx, ids);
    if (links.some((l) => !projects.has(l.project_id)))
      throw conflict(
        'CONCURRENT',
        '所选小区所在的项目刚被他人同时合并或调整，本次合并未执行，请刷新后重试',
      );
    const survivor = links.find((l) => l.community_id === first.id)?.project_id;
    if (survivor === undefined) throw notFound('项目');
    const involved = [...new Set(links.map((l) => l.project_id))];
    const outside = (await repo.membersOfProjects(trx, involved)).find(
      (c) => !inScope(actor, c.region_path),
    );
    if (outside)
      throw forbidden(outsideScope(projects.get(outside.project_id)!.name, '合并或调整'));
    const project = projects.get(survivor)!;
    await repo.moveCommunities(trx, ids, survivor);
    const removed = await repo.deleteEmptyProjects(
      trx,
      involved.filter((p) => p !== survivor),
    );
    if (
      name &&
      name !== project.name &&
      !(await repo.updateProject(trx, survivor, project.version, { name }, now))
    )
      throw conflict('CONCURRENT', '项目刚被他人同时修改，本次合并未执行，请刷新后重试');
    await insertChanges(
      trx,
      [
        {
          entity: 'project',
          entityId: survivor,
          userId: actor.userId || null,
          username: actor.username,
          action: 'merge',
          version: project.version + (name && name !== project.name ? 1 : 0),
          changes: [
            { field: '小区', old: null, new: communities.map((c) => c.name).join('、') },
            ...(removed.length
              ? [{ field: '合并并撤销的项目', old: removed.join('、'), new: null }]
              : []),
          ],
        },
      ],
      now,
    );
    await auditBy(trx, actor, 'project.merge', String(survivor), { communityIds: ids }, now);
    return projectDetail(trx, actor, survivor);
  });
}
