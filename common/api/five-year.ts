/**
 * Request and response schemas of the five-year routes (server/src/modules/five-year:
 * five-year.routes.ts): the 十四五 view of a region, and the writes of its targets and
 * green-community figures.
 */
import { z } from 'zod';

const count = z.object({ communities: z.number(), households: z.number() });
const percent = z.number().nullable().describe('百分比，一位小数；无目标时为 null');
/** Who set a figure and when, with its version for the next save (optimistic locking). */
const recorded = {
  source: z.string(),
  version: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
};

const greenNumbers = z.object({
  urbanCommunities: z.number().describe('城市社区数'),
  participating: z.number().describe('参与创建的社区数'),
  meeting: z.number().describe('达到创建要求的社区数'),
  participatingPercent: percent,
  meetingPercent: percent,
  meetsGoal: z.boolean(),
});

export const fiveYearView = z.object({
  scope: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['country', 'province', 'prefecture', 'county']),
  }),
  period: z.object({ first: z.number(), last: z.number() }),
  asOf: z.string().describe('YYYY-MM-DD'),
  hasTargets: z.boolean(),
  canEditTargets: z.boolean(),
  years: z.array(
    z.object({
      year: z.number(),
      target: z
        .object({ communities: z.number(), households: z.number().nullable(), ...recorded })
        .nullable(),
      plan: count,
      started: count,
      completed: count.extend({ before2000: z.number().describe('其中2000年底前建成') }),
      startRatePercent: percent,
      cumulative: z.object({
        target: z.number().nullable().describe('自第一个无目标的年度起为 null'),
        plan: z.number(),
        started: z.number(),
        completed: z.number(),
        completedBefore2000: z.number(),
      }),
    }),
  ),
  completion: z.object({
    target: z
      .object({ communities: z.number(), lastYear: z.number(), ...recorded })
      .nullable()
      .describe('2000年底前建成小区的完成目标'),
    completedBefore2000: z.number(),
    percent,
    gap: z.number().nullable(),
  }),
  pools: z.object({
    rows: z.array(
      z.object({
        pool: z.enum(['implement', 'planning', 'reserve']),
        label: z.string().describe('实施、谋划、储备'),
        projects: z.number(),
        communities: z.number(),
        households: z.number(),
        before2000: z.number(),
      }),
    ),
    total: z.object({
      projects: z.number(),
      communities: z.number(),
      households: z.number(),
      before2000: z.number(),
    }),
    remainingYears: z.array(
      z.object({
        year: z.number(),
        target: z.number().nullable(),
        started: z.number(),
        outstanding: z.number().describe('本年目标尚待开工的小区数，不小于 0'),
      }),
    ),
    toStart: z.number(),
    startCoveragePercent: percent,
    completionGap: z.number().nullable(),
    completionCoveragePercent: percent,
  }),
  green: z.object({
    goal: z.object({ year: z.number(), percent: z.number(), source: z.string() }),
    citiesInScope: z.number(),
    editableCities: z.array(z.object({ code: z.string(), name: z.string() })),
    years: z.array(greenNumbers.extend({ year: z.number(), citiesReporting: z.number() })),
    cities: z.array(
      greenNumbers.extend({ code: z.string(), name: z.string(), year: z.number(), ...recorded }),
    ),
  }),
});
export type FiveYearView = z.infer<typeof fiveYearView>;
export type FiveYearYear = FiveYearView['years'][number];
export type PoolRow = FiveYearView['pools']['rows'][number];
export type PoolKey = PoolRow['pool'];
export type GreenCity = FiveYearView['green']['cities'][number];

const code = z.string().regex(/^[0-9A-Z]{6}$/, '地区代码应为6位');
const year = z.coerce.number().int();
const whole = z.number().int();
const source = z.string().max(500).optional().describe('依据（文件、出处）');
const version = z.number().int().min(0).optional().describe('修改前读到的版本号；新建时不填或填 0');

export const fiveYearQuery = z.object({ scope: code.optional() });
export const codeParams = z.object({ code });
export const codeYearParams = z.object({ code, year });

/** What a save answers: the figure's new version. */
export const saved = z.object({ version: z.number() });

export const startTargetBody = z.object({
  communities: whole.describe('新开工改造小区数（个）'),
  households: whole.nullable().optional().describe('新开工改造户数（户），可不填'),
  source,
  version,
});
export type StartTargetInput = z.infer<typeof startTargetBody>;

export const completionTargetBody = z.object({
  communities: whole.describe('到2025年底完成改造的小区数（个）'),
  source,
  version,
});
export type CompletionTargetInput = z.infer<typeof completionTargetBody>;

export const greenBody = z.object({
  urbanCommunities: whole.describe('城市社区总数（个）'),
  participating: whole.describe('参与绿色社区创建的社区数（个）'),
  meeting: whole.describe('达到创建要求的社区数（个）'),
  source,
  version,
});
export type GreenInput = z.infer<typeof greenBody>;
