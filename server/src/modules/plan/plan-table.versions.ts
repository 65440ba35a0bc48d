/**
 * The plan table from frozen versions (issue 11 §1): a province's form from one submitted version
 * (`version=N`, `version=signed`), exactly as it was frozen, with its number and hash (校验码); the
 * national table from each province's accepted (or latest submitted) version, the provinces
 * without one marked and left out of the national total. Every snapshot read here has its hash
 * recomputed: a tampered one is refused (409, 数据校验失败), never printed.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SnapshotTable } from '../../db/schema.ts';
import { hasRole, receivesOnly, type Actor } from '../../domain/actor.ts';
import { STATE_LABELS } from '../../domain/declaration.ts';
import {
  csvHeader,
  groupCommunities,
  nationalTotalRows,
  ROUNDING_NOTE,
  withKinds,
} from '../../domain/plan-table.ts';
import type { AreaClass } from '../../domain/regions.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { AppError, forbidden, validation } from '../../errors.ts';
import * as declarations from '../declarations/declarations.repository.ts';
import type { SnapshotContent } from '../declarations/declarations.units.ts';
import { signedSubmission } from '../declarations/declarations.versions.ts';
import { planInForce } from '../declarations/plan-in-force.ts';
import { checkOnRead, integrityError } from '../integrity/integrity.ts';
import { policyFor } from './policies.repository.ts';
import {
  assertReadsPlans,
  planTable,
  resolveProvince,
  type BlockSource,
  type FrozenRef,
  type PlanTableBlock,
  type PlanTableView,
} from './plan-table.service.ts';
import { fullRegionCode } from '../regions/scope.ts';

/** `version=N` or `version=signed` (the latest version holding all three sign-offs). */
export type VersionChoice = number | 'signed';
/** The national table's basis: each province's accepted or latest submitted version, or live. */
export type NationalBasis = 'accepted' | 'submitted' | 'live';

export interface PlanTableOptions {
  version?: VersionChoice;
  basis?: NationalBasis;
}

type Snapshot = Selectable<SnapshotTable>;

const refOf = (s: Snapshot): FrozenRef => ({
  number: s.version,
  hash: s.hash,
  submittedAt: s.created_at,
});

const missing = (message: string) => new AppError('NOT_FOUND', message);

/** A snapshot's content, after its hash is recomputed; a mismatch is audited and refused (409). */
async function intactContent(
  db: Kysely<Database>,
  actor: Actor,
  s: Snapshot,
): Promise<SnapshotContent> {
  if ((await checkOnRead(db, actor, 'declaration_snapshot', s)) === 'mismatch')
    throw integrityError('declaration_snapshot', s, '生成或导出计划表');
  return JSON.parse(s.content) as SnapshotContent;
}

/**
 * The plan table as asked: live (no version, basis 'live'), one version of a province, or the
 * national table from the provinces' versions (default for 'all': the accepted ones).
 */
export async function planTableOf(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  year: number,
  options: PlanTableOptions = {},
): Promise<PlanTableView> {
  assertReadsPlans(actor);
  // 国家发展改革委 and 财政部 receive declared plans: never a live ledger's working table.
  const livePossible = !receivesOnly(actor);
  if (fullRegionCode(provinceCode) === COUNTRY_CODE) {
    if (typeof options.version === 'number')
      throw validation('全国汇总表由各省的版本组成，不能指定版本号；请选择口径（basis）', [
        { path: 'version', message: '全国汇总表不能指定版本号' },
      ]);
    const basis = options.version === 'signed' ? 'accepted' : (options.basis ?? 'accepted');
    if (basis === 'live' && !livePossible) throw liveRefused();
    if (basis === 'live') return planTable(db, actor, provinceCode, year);
    return nationalFromVersions(db, actor, year, basis);
  }
  const choice =
    options.version ??
    (options.basis === 'accepted' || options.basis === 'submitted' ? options.basis : undefined);
  if (choice !== undefined) return provinceVersion(db, actor, provinceCode, year, choice);
  if (livePossible) return planTable(db, actor, provinceCode, year);
  if (options.basis === 'live') throw liveRefused();
  // Without a version they get what was submitted to them: the latest submitted version.
  return provinceVersion(db, actor, provinceCode, year, 'submitted');
}

const liveRefused = () =>
  forbidden('国家发展改革委、财政部查看各省上报的计划版本，不查看台账工作底稿（basis=live）');

async function provinceVersion(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  year: number,
  choice: VersionChoice | 'accepted' | 'submitted',
): Promise<PlanTableView> {
  const scope = await resolveProvince(db, actor, provinceCode);
  const plan = `${scope.name}${year}年度计划`;
  // For the ministry the signed version is the one it accepted: the plan in force.
  const which = choice === 'signed' && hasRole(actor, 'ministry') ? ('accepted' as const) : choice;
  const [snap, policy] = await Promise.all([
    typeof which === 'number'
      ? declarations.snapshotByVersion(db, scope.code, year, which)
      : which === 'signed'
        ? signedSubmission(db, scope.code, year)
        : which === 'accepted'
          ? planInForce(db, scope.code, year)
          : declarations.latestSnapshot(db, scope.code, year, 'submission'),
    policyFor(db, year),
  ]);
  if (!snap)
    throw missing(
      typeof which === 'number'
        ? `${plan}第 ${which} 版不存在`
        : which === 'signed'
          ? `${plan}尚无经三个部门会签的上报版本`
          : which === 'accepted'
            ? `${plan}尚无已接收的版本`
            : `${plan}尚未上报`,
    );
  const content = await intactContent(db, actor, snap);
  const ref = refOf(snap);
  const label = `第 ${snap.version} 版${
    which === 'signed' ? '（已会签）' : which === 'accepted' ? '（已接收）' : ''
  }`;
  return {
    title: `${year}年城镇老旧小区改造计划表`,
    year,
    scope: { code: scope.code, name: scope.name },
    contact: content.contact ?? '',
    cutoffYear: policy.cutoffYear,
    header: csvHeader(policy.cutoffYear),
    basis: 'version',
    basisLabel: label,
    version: ref,
    note: ROUNDING_NOTE,
    blocks: [
      {
        province: { code: scope.code, name: scope.name },
        rows: withKinds(content.table!),
        source: { kind: 'frozen', version: ref, label },
      },
    ],
    national: null,
  };
}

/**
 * The national table from each province's accepted (or latest submitted) version: the block is
 * the version's own frozen rows; a province without one is marked and has no figures; the national
 * total is the exact sum over the versions' communities (by class and year bucket, which the
 * snapshot holds), rounded once.
 */
async function nationalFromVersions(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  basis: 'accepted' | 'submitted',
): Promise<PlanTableView> {
  await resolveProvince(db, actor, 'all');
  const [policy, provinces] = await Promise.all([
    policyFor(db, year),
    declarations.childDeclarations(db, COUNTRY_CODE, year),
  ]);
  const snaps = await Promise.all(
    provinces.map((p) =>
      basis === 'accepted'
        ? planInForce(db, p.code, year)
        : declarations.latestSnapshot(db, p.code, year, 'submission'),
    ),
  );
  const blocks: PlanTableBlock[] = [];
  const communities: SnapshotContent['communities'] = [];
  for (const [i, p] of provinces.entries()) {
    const snap = snaps[i];
    const province = { code: p.code, name: p.name };
    if (!snap) {
      const state = p.state && p.state !== 'draft' ? STATE_LABELS[p.state] : null;
      const label = basis === 'submitted' || !state ? '未上报' : `尚无已接收的版本（${state}）`;
      blocks.push({ province, rows: [], source: { kind: 'none', version: null, label } });
      continue;
    }
    const content = await intactContent(db, actor, snap);
    const ref = refOf(snap);
    const source: BlockSource = {
      kind: 'frozen',
      version: ref,
      label: `第 ${snap.version} 版（${basis === 'accepted' ? '已接收' : '最新上报'}）`,
    };
    blocks.push({ province, rows: withKinds(content.table!), source });
    communities.push(...content.communities);
  }
  const groups = groupCommunities(
    communities.map((c) => ({
      prefectureCode: '*',
      areaClass: c.areaClass as AreaClass,
      buildYear: c.buildYear,
      households: c.households,
      buildings: c.buildings,
      floorAreaCenti: c.floorAreaCenti,
      investmentYuan: c.investmentYuan,
    })),
    policy.cutoffYear,
  );
  const counted = blocks.filter((b) => b.source.kind === 'frozen').length;
  return {
    title: `${year}年城镇老旧小区改造计划表`,
    year,
    scope: { code: COUNTRY_CODE, name: '全国' },
    contact: '',
    cutoffYear: policy.cutoffYear,
    header: csvHeader(policy.cutoffYear),
    basis,
    basisLabel: `${basis === 'accepted' ? '各省已接收版本' : '各省最新上报版本'}（${counted} 个省份${
      counted < blocks.length ? `，其余 ${blocks.length - counted} 个未计入` : ''
    }）`,
    version: null,
    note: ROUNDING_NOTE,
    blocks,
    national: nationalTotalRows(groups),
  };
}

/** A province's submitted versions, for the version selector: which is signed, which in force. */
export async function planTableVersions(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  year: number,
) {
  const scope = await resolveProvince(db, actor, provinceCode);
  if (scope.level === 'country') return [];
  const [all, signed, inForce] = await Promise.all([
    declarations.snapshotsOf(db, scope.code, year, 'submission'),
    signedSubmission(db, scope.code, year),
    planInForce(db, scope.code, year),
  ]);
  return all.map((s) => ({
    ...refOf(s),
    signed: s.id === signed?.id,
    inForce: s.id === inForce?.id,
  }));
}
