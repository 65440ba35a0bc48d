// The ledger's (台账) routes: communities, their page and history, duplicates, and import jobs.
// Money and areas travel as exact decimal strings and are never turned into floats.
import { z } from 'zod';
import {
  AREA_CLASSES,
  CHANGE_ACTIONS,
  DUPLICATE_STATUSES,
  EXCLUSIONS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  POOLS,
  type ImportKind,
  type ImportStatus,
  SORTABLE,
  YEAR_BUCKETS,
} from '../ledger.ts';
import { rowInt, rowIntParam } from './row-int.ts';

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const pool = z.enum(POOLS);
const yearBucket = z.enum(YEAR_BUCKETS);
const areaClass = z.enum(AREA_CLASSES);
const exclusion = z.enum(EXCLUSIONS);

export const ledgerFilterQuery = z.object({
  region: z.string().trim().max(6).optional().describe('区划代码：本人辖区内的任一级'),
  planYear: z.coerce.number().int().min(2000).max(2100).optional(),
  pool: pool.optional().describe('实施/谋划/储备'),
  bucket: yearBucket.optional().describe('2000年底前/后'),
  areaClass: areaClass.optional(),
  excluded: boolParam.optional(),
  suspected: boolParam.optional().describe('只看疑似重复'),
  q: z.string().trim().max(50).optional().describe('名称或地址包含'),
});
export type LedgerFilter = z.infer<typeof ledgerFilterQuery>;

export const ledgerListQuery = ledgerFilterQuery.extend({
  sort: z.enum(SORTABLE).default('region_code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type LedgerListQuery = z.infer<typeof ledgerListQuery>;
/** What the web asks for: the server's defaults stand for a missing sort and order. */
export type LedgerQuery = Omit<LedgerListQuery, 'sort' | 'order'> &
  Partial<Pick<LedgerListQuery, 'sort' | 'order'>>;

export const exportQuery = ledgerFilterQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

/** A plausibility warning, such as 2000年底后建成 or 户均面积异常. */
const flag = z.object({ code: z.string(), message: z.string() });
export type CommunityFlag = z.infer<typeof flag>;

export const community = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  prefectureCode: z.string(),
  street: z.string(),
  name: z.string(),
  address: z.string(),
  lng: z.string().nullable(),
  lat: z.string().nullable(),
  buildYear: z.number(),
  yearBucket,
  cutoffYear: z.number().describe('该小区计划年度政策的分界年份（2022年度为2000）'),
  areaClass,
  areaClassLabel: z.string(),
  areaClassEntered: z.boolean().describe('否：类别按县级单位类型确定'),
  buildings: z.number(),
  households: z.number(),
  floorArea: z.string().describe('平方米，精确到2位小数'),
  investment: z.string().describe('万元，精确到4位小数'),
  planYear: z.number(),
  content: z.string(),
  housingType: z.string(),
  ownership: z.string(),
  exclusion,
  exclusionLabel: z.string(),
  subsidyYears: z.array(z.number()),
  notes: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  flags: z.array(flag),
});
export type Community = z.infer<typeof community>;

const totals = z.object({
  households: z.number(),
  buildings: z.number(),
  floorArea: z.string(),
  investment: z.string(),
});
export type LedgerTotals = z.infer<typeof totals>;

export const ledgerPage = z.object({
  items: z.array(
    community.extend({ suspectedDuplicate: z.boolean().describe('疑似重复（尚未确认或排除）') }),
  ),
  total: z.number(),
  totals: totals.describe('整个筛选结果的合计（不止本页）'),
});
export type LedgerPage = z.infer<typeof ledgerPage>;

const change = z.object({
  field: z.string().describe('字段的中文列名，如 居民户数'),
  old: z.unknown(),
  new: z.unknown(),
});
export type FieldChange = z.infer<typeof change>;

export const historyEntry = z.object({
  at: z.string(),
  username: z.string().nullable(),
  person: z.string().describe('操作人：单位与姓名（系统导入为“系统”）'),
  action: z.enum(CHANGE_ACTIONS),
  version: z.number().describe('本次修改后的版本号'),
  changes: z.array(change),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const communityDetail = community.extend({
  projects: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      planYear: z.number(),
      pool,
    }),
  ),
  history: z.array(historyEntry).describe('新的在前'),
  duplicates: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionCode: z.string(),
      address: z.string(),
      status: z.enum(DUPLICATE_STATUSES),
    }),
  ),
});
export type CommunityDetail = z.infer<typeof communityDetail>;

const decimalText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
export const communityInput = z.object({
  regionCode: z.string().trim().min(1, '请选择县级单位').max(6),
  street: z.string().max(100).optional(),
  name: z.string().trim().min(1, '请填写小区名称').max(100),
  address: z.string().max(200).optional(),
  buildYear: decimalText,
  areaClass: areaClass.nullable().optional().describe('空：按县级单位类型确定'),
  buildings: decimalText,
  households: decimalText,
  floorArea: decimalText,
  investment: decimalText,
  planYear: decimalText,
  content: z.string().max(2000).optional(),
  ownership: z.string().max(60).optional(),
  housingType: z.string().max(40).optional(),
  exclusion: exclusion.optional(),
  subsidyYears: z.array(z.number().int().min(2000).max(2100)).max(10).optional(),
  notes: z.string().max(2000).optional(),
  // 经纬度 (WGS-84, decimal degrees): range and pairing checked in the service with messages
  // naming the field (common/coordinates.ts); empty text means none.
  lng: z.string().max(20, '经度至多 20 个字符').nullable().optional(),
  lat: z.string().max(20, '纬度至多 20 个字符').nullable().optional(),
});
/** What POST takes: numbers as the user typed them, checked by the server. */
export type CommunityInput = z.input<typeof communityInput>;
export const communityUpdate = communityInput.extend({ version: rowInt() });
export type CommunityUpdate = z.input<typeof communityUpdate>;

export const idParam = z.object({ id: rowIntParam() });
export const pairParams = z.object({
  id: rowIntParam(),
  otherId: rowIntParam(),
});
export const pairBody = z.object({ status: z.enum(['dismissed', 'confirmed']) });
/** What a scan of the user's subtree for suspected duplicates found (POST /api/duplicates/scan). */
export const duplicateScan = z.object({
  /** the prefecture-level units scanned, each whole: those holding communities of the subtree */
  prefectures: z.number().int(),
  /** the pairs found there still to be confirmed or dismissed (new, or recorded and not settled) */
  suspected: z.number().int(),
});
export type DuplicateScan = z.infer<typeof duplicateScan>;

/** The body of a 409 on a stale save, besides code and message. */
export interface StaleSave {
  currentVersion: number;
  meanwhile: HistoryEntry[];
}

const rowError = z.object({
  line: z.number().describe('文件行号（表头为第1行）'),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportRowProblem = z.infer<typeof rowError>;

/** One side of a suspected pair: a row of the file (line), or a stored community (communityId). */
const duplicatePlace = z.object({
  line: z.number().nullable(),
  communityId: z.number().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});
export type DuplicatePlace = z.infer<typeof duplicatePlace>;

/**
 * 疑似重复: never blocks the import; both communities carry it until a user decides. suffix: the
 * same once a generic suffix is removed; near: one edit apart; place: same address or location.
 */
const suspectedDuplicate = z.object({
  likeness: z.enum(['suffix', 'near', 'place']),
  a: duplicatePlace,
  b: duplicatePlace,
  message: z.string(),
});
export type SuspectedDuplicate = z.infer<typeof suspectedDuplicate>;

/** Rows whose 区划代码 is a statistical code of a city without districts, and where they went. */
const codeAlias = z.object({
  code: z.string().describe('文件中填写的代码'),
  unitCode: z.string(),
  unitName: z.string(),
  rows: z.number(),
  firstLine: z.number(),
  message: z.string(),
});
export type CodeAlias = z.infer<typeof codeAlias>;

export const importKind = z.enum(IMPORT_KINDS);
export type { ImportKind, ImportStatus };
export const importReport = z.object({
  kind: importKind,
  dryRun: z.boolean().describe('是：检查（预览）；否：导入'),
  rows: z.number(),
  imported: z.number(),
  errorCount: z.number(),
  errors: z.array(rowError),
  warningCount: z.number(),
  warnings: z.array(rowError),
  // Defaults: a job checked before these fields existed has none in its stored report.
  suspectedCount: z.number().default(0),
  suspected: z.array(suspectedDuplicate).default([]),
  codeAliases: z.array(codeAlias).default([]),
});
export type ImportReport = z.infer<typeof importReport>;

export const importJob = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rowsDone: z.number(),
  report: importReport.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

export const importIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, '导入编号不正确'),
});
export const importQuery = z.object({ kind: importKind.default('projects') });
