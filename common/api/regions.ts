// The region tree's routes: one region with its children, the search, a new functional zone.
import { z } from 'zod';
import { isRegionCode, REGION_LEVELS } from '../regions.ts';

export const regionCodeParam = z.object({
  code: z.string().refine(isRegionCode, '区划代码应为6位数字（功能区为4位数字+2位字母数字）'),
});

const level = z.enum(REGION_LEVELS);
/** A region on the way down from the province: its code and name. */
export const trailItem = z.object({ code: z.string(), name: z.string() });
export type RegionRef = z.infer<typeof trailItem>;

const region = trailItem.extend({ level, kind: z.string() });

export const regionChild = region.extend({
  isLedgerUnit: z.boolean(),
  hasChildren: z.boolean(),
});
export type RegionChild = z.infer<typeof regionChild>;

export const regionDetail = region.extend({
  parentCode: z.string().nullable(),
  path: z.array(trailItem).describe('从省级到本级的区划'),
  isLedgerUnit: z.boolean().describe('是否可直接登记小区（县级单位及同等单位）'),
  children: z.array(regionChild),
});
export type RegionDetail = z.infer<typeof regionDetail>;

export const regionSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入名称、代码或拼音首字母').max(50),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const regionSearchItem = region.extend({
  fullName: z.string().describe('如 湖北省武汉市江岸区'),
});
export type RegionSearchItem = z.infer<typeof regionSearchItem>;

export const regionSearchResult = z.object({ items: z.array(regionSearchItem) });
export type RegionSearchResult = z.infer<typeof regionSearchResult>;

export const newFunctionalZone = z.object({
  parentCode: z.string().regex(/^\d{6}$/, '上级区划代码应为6位数字'),
  name: z.string().trim().min(2, '名称至少2个字').max(50, '名称最多50个字'),
});
export type NewFunctionalZone = z.infer<typeof newFunctionalZone>;
