/**
 * A monthly record's measures, all nought, and not corrected: the rest of a record for the tests
 * that write one to see its dates counted (starts, completions) and nothing else.
 */
export const NO_MEASURES = {
  investment_done_yuan: 0,
  pipelines_m: 0,
  elevators: 0,
  parking: 0,
  chargers: 0,
  elderly_care: 0,
  childcare: 0,
  housekeeping: 0,
  health: 0,
  energy_area_centi: 0,
  corrected: 0,
} as const;
