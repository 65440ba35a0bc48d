import { z } from 'zod';
import { isRegionCode } from '../../domain/regions.ts';

export const regionCodeParam = z.object({
  code: z.string().refine(isRegionCode, '区划代码应为6位数字（功能区为4位数字+2位字母数字）'),
});

const level = z.enum(['country', 'province', 'prefecture', 'county']);
const trailItem = z.object({ code: z.string(), name: z.string() });

export const regionChild = z.object({
  code: z.string(),
  name: z.string(),
  level,
  kind: z.string(),
  isLedgerUnit: z.boolean(),
  hasChildren: z.boolean(),
});

export const regionDetail = z.object({
  code: z.string(),
  name: z.string(),
  level,
  kind: z.string(),
  parentCode: z.string().nullable(),
  path: z.array(trailItem).describe('从省级到本级的区划'),
  isLedgerUnit: z.boolean().describe('是否可直接登记小区（县级单位及同等单位）'),
  children: z.array(regionChild),
});

export const regionSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入名称、代码或拼音首字母').max(50),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const regionSearchResult = z.object({
  items: z.array(
    z.object({ code: z.string(), name: z.string(), level, kind: z.string(), fullName: z.string() }),
  ),
});

export const newFunctionalZone = z.object({
  parentCode: z.string().regex(/^\d{6}$/, '上级区划代码应为6位数字'),
  name: z.string().trim().min(2, '名称至少2个字').max(50, '名称最多50个字'),
});
