import { z } from 'zod';
import { SORTABLE } from './communities.repository.ts';

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ledgerFilterQuery = z.object({
  region: z.string().trim().max(6).optional().describe('区划代码：本人辖区内的任一级'),
  planYear: z.coerce.number().int().min(2000).max(2100).optional(),
  pool: z.enum(['implement', 'planning', 'reserve']).optional().describe('实施/谋划/储备'),
  bucket: z.enum(['before', 'after']).optional().describe('2000年底前/后'),
  areaClass: z.enum(['city', 'county_seat']).optional(),
  excluded: boolParam.optional(),
  suspected: boolParam.optional().describe('只看疑似重复'),
  q: z.string().trim().max(50).optional().describe('名称或地址包含'),
});

export const ledgerListQuery = ledgerFilterQuery.extend({
  sort: z.enum(SORTABLE).default('region_code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const exportQuery = ledgerFilterQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

const flag = z.object({ code: z.string(), message: z.string() });
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
  yearBucket: z.enum(['before', 'after']),
  cutoffYear: z.number().describe('该小区计划年度政策的分界年份（2022年度为2000）'),
  areaClass: z.enum(['city', 'county_seat']),
  areaClassLabel: z.string(),
  areaClassEntered: z.boolean(),
  buildings: z.number(),
  households: z.number(),
  floorArea: z.string().describe('平方米，精确到2位小数'),
  investment: z.string().describe('万元，精确到4位小数'),
  planYear: z.number(),
  content: z.string(),
  housingType: z.string(),
  ownership: z.string(),
  exclusion: z.enum(['none', 'unspecified', 'expropriation', 'demolition']),
  exclusionLabel: z.string(),
  subsidyYears: z.array(z.number()),
  notes: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  flags: z.array(flag),
});

export const ledgerPage = z.object({
  items: z.array(
    community.extend({ suspectedDuplicate: z.boolean().describe('疑似重复（尚未确认或排除）') }),
  ),
  total: z.number(),
  totals: z.object({
    households: z.number(),
    buildings: z.number(),
    floorArea: z.string(),
    investment: z.string(),
  }),
});

const change = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export const historyEntry = z.object({
  at: z.string(),
  username: z.string().nullable(),
  person: z.string().describe('操作人：单位与姓名（系统导入为“系统”）'),
  action: z.string(),
  version: z.number(),
  changes: z.array(change),
});

export const communityDetail = community.extend({
  projects: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      planYear: z.number(),
      pool: z.string(),
    }),
  ),
  history: z.array(historyEntry),
  duplicates: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionCode: z.string(),
      address: z.string(),
      status: z.string(),
    }),
  ),
});

const decimalText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
export const communityInput = z.object({
  regionCode: z.string().trim().min(1, '请选择县级单位').max(6),
  street: z.string().max(100).optional(),
  name: z.string().trim().min(1, '请填写小区名称').max(100),
  address: z.string().max(200).optional(),
  buildYear: decimalText,
  areaClass: z.enum(['city', 'county_seat']).nullable().optional(),
  buildings: decimalText,
  households: decimalText,
  floorArea: decimalText,
  investment: decimalText,
  planYear: decimalText,
  content: z.string().max(2000).optional(),
  ownership: z.string().max(60).optional(),
  housingType: z.string().max(40).optional(),
  exclusion: z.enum(['none', 'unspecified', 'expropriation', 'demolition']).optional(),
  subsidyYears: z.array(z.number().int().min(2000).max(2100)).max(10).optional(),
  notes: z.string().max(2000).optional(),
  // 经纬度 (WGS-84, decimal degrees): range and pairing checked in the service with messages
  // naming the field (common/coordinates.ts); empty text means none.
  lng: z.string().max(20, '经度至多 20 个字符').nullable().optional(),
  lat: z.string().max(20, '纬度至多 20 个字符').nullable().optional(),
});
export const communityUpdate = communityInput.extend({ version: z.number().int().min(1) });

export const idParam = z.object({ id: z.coerce.number().int().min(1) });
export const pairParams = z.object({
  id: z.coerce.number().int().min(1),
  otherId: z.coerce.number().int().min(1),
});
export const pairBody = z.object({ status: z.enum(['dismissed', 'confirmed']) });

const rowError = z.object({
  line: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
const duplicatePlace = z.object({
  line: z.number().nullable(),
  communityId: z.number().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});
export const importKind = z.enum(['projects', 'subsidised-history']);
export const importReport = z.object({
  kind: importKind,
  dryRun: z.boolean(),
  rows: z.number(),
  imported: z.number(),
  errorCount: z.number(),
  errors: z.array(rowError),
  warningCount: z.number(),
  warnings: z.array(rowError),
  // Defaults: a job checked before these fields existed has none in its stored report.
  suspectedCount: z.number().default(0),
  suspected: z
    .array(
      z.object({
        likeness: z.enum(['suffix', 'near', 'place']),
        a: duplicatePlace,
        b: duplicatePlace,
        message: z.string(),
      }),
    )
    .default([]),
  codeAliases: z
    .array(
      z.object({
        code: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        rows: z.number(),
        firstLine: z.number(),
        message: z.string(),
      }),
    )
    .default([]),
});
export const importJob = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum([
    'checking',
    'checked',
    'invalid',
    'importing',
    'imported',
    'failed',
    'interrupted',
    'expired',
    'cancelled',
  ]),
  rowsDone: z.number(),
  report: importReport.nullable(),
  error: z.string().nullable(),
});
export const importIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, '导入编号不正确'),
});
