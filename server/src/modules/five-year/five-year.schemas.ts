/** The response schema of GET /api/five-year: the shape five-year.service.ts fiveYearView returns. */
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

const green = z.object({
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
    years: z.array(green.extend({ year: z.number(), citiesReporting: z.number() })),
    cities: z.array(
      green.extend({ code: z.string(), name: z.string(), year: z.number(), ...recorded }),
    ),
  }),
});
