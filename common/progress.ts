// The words of 各月进展 both sides use: the funding sources of a project's and a month's funds,
// and the counted outcomes of a month's record. The record's shape itself, as the body of
// PUT /api/communities/:id/progress/:period, is a schema in common/api/progress.ts.

/** 资金来源: the stored text values of a project's and a month's funds. */
export const FUNDING_SOURCES = [
  'central',
  'provincial',
  'local',
  'bonds',
  'residents',
  'utilities',
  'social',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * The outcomes a month's record counts (部, 个), in the order of the import template and the
 * forms; the measured ones (管线 公里, 节能 平方米) travel as exact text beside them.
 */
export const COUNT_MEASURES = [
  'elevators',
  'parking',
  'chargers',
  'elderlyCare',
  'childcare',
  'housekeeping',
  'health',
] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

/** Each counted outcome as the import template's column and the month form's field name it. */
export const COUNT_MEASURE_LABELS: Record<CountMeasure, string> = {
  elevators: '加装电梯（部）',
  parking: '增设停车位（个）',
  chargers: '增设充电桩（个）',
  elderlyCare: '增设养老服务设施（个）',
  childcare: '增设托育设施（个）',
  housekeeping: '增设家政服务设施（个）',
  health: '增设卫生防疫设施（个）',
};
/** Each counted outcome's number. */
export type Counts = Record<CountMeasure, number>;
