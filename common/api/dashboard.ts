// The contract of the progress dashboard, GET /api/dashboard
// (server/src/modules/progress/dashboard.routes.ts; web/src/api/progress.ts takes the types).
import { z } from 'zod';

export const dashboardQuery = z.object({
  scope: z
    .string()
    .regex(/^(all|\d{2}|[0-9A-Z]{6})$/, '地区应为2位或6位代码，或 all')
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const rate = z.number().nullable().describe('开工率（%，一位小数）；无计划时为空');
const figures = z.object({
  planCommunities: z.number().int(),
  planHouseholds: z.number().int(),
  startedCommunities: z.number().int(),
  startedHouseholds: z.number().int(),
  completedCommunities: z.number().int(),
  startRateByCommunities: rate,
  startRateByHouseholds: rate,
  investmentDone: z.string().describe('累计完成投资（万元，两位小数）'),
});
export type ProgressFigures = z.infer<typeof figures>;

const unit = figures.extend({ code: z.string(), name: z.string() });
export type DashboardUnit = z.infer<typeof unit>;

const outcomes = z.object({
  elevators: z.number().int(),
  pipelinesKm: z.string(),
  parking: z.number().int(),
  chargers: z.number().int(),
  elderlyCare: z.number().int(),
  childcare: z.number().int(),
  housekeeping: z.number().int(),
  health: z.number().int(),
  energyAreaM2: z.string(),
});
export type Outcomes = z.infer<typeof outcomes>;

const community = z.object({
  id: z.number().int(),
  name: z.string(),
  households: z.number().int(),
  // The month of its latest record up to the view's month, YYYY-MM; null without any.
  period: z.string().nullable(),
  startDate: z.string().nullable(),
  completionDate: z.string().nullable(),
  investmentDone: z.string(),
  elevators: z.number().int(),
});
export type DashboardCommunity = z.infer<typeof community>;

const breakdown = z.enum(['province', 'prefecture', 'county', 'community']);
export type Breakdown = z.infer<typeof breakdown>;

export const dashboardSchema = z.object({
  scope: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['country', 'province', 'prefecture', 'county']),
    // From 全国 down to the scope itself.
    path: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  year: z.number().int(),
  month: z.number().int(),
  breakdown,
  totals: figures,
  planBasis: z
    .string()
    .describe('计划数的来源：上报版本，或台账工作底稿（未冻结），全国时按省份计数'),
  // The units below, highest start rate first.
  units: z.array(unit),
  // Cumulative, months 1… up to the view's month (never a month still to come).
  investmentByMonth: z.array(z.object({ month: z.number().int(), investmentDone: z.string() })),
  outcomes,
  // For a unit that holds communities.
  communities: z.array(community).nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
