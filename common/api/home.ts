// The home page's route: the figures of its tiles, for the year being declared and within the
// user's region.
import { z } from 'zod';
import { planYear } from './plan.ts';

const count = z.number().int();

export const homeQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const homeResponse = z.object({
  year: count,
  planYear,
  scope: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  deadline: z.string().describe('本单位的报送截止日期（部委为年度政策的截止日期）'),
  planCommunities: count.nullable().describe('本单位区划内列入年度计划的小区数；全国为空'),
  own: z
    .object({ state: z.string(), stateLabel: z.string(), toDo: count })
    .nullable()
    .describe('本单位的申报；有待报送的计划时 toDo 为1'),
  children: z
    .object({ total: count, submitted: count, awaitingReview: count })
    .nullable()
    .describe('直属下级单位（全国为各省）'),
  signoff: z.object({ pending: count, signed: count }).nullable().describe('省级部门的会签'),
  receipts: z
    .object({ signed: count, pending: count })
    .nullable()
    .describe('国家部门对已上报省份的签收'),
});
export type HomeFigures = z.infer<typeof homeResponse>;
