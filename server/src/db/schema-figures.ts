/**
 * The maintained figures (migration 0030, issue 14 §1): the plan's members with the values their
 * figures depend on, the plan table's measures and the progress table's monthly changes, kept by
 * triggers. Re-exported by schema.ts, which holds the Database interface.
 */

interface Place {
  region_path: string;
  region_code: string;
  prefecture_code: string;
  plan_year: number;
}

/** A community in a plan (its project is in the 实施 pool), with what its figures depend on. */
export interface FigureMemberTable extends Place {
  community_id: number;
  area_class: string;
  build_year: number;
  households: number;
  buildings: number;
  floor_area_centi: number;
  investment_yuan: number;
}

/** The plan table's measures of one place, plan year, class and build-year bucket. */
export interface PlanFigureTable extends Place {
  area_class: string;
  bucket: 'before' | 'after';
  communities: number;
  households: number;
  buildings: number;
  floor_area_centi: number;
  investment_yuan: number;
}

/** The change in one month of the progress measures of one place and plan year. */
export interface ProgressFigureTable extends Place {
  period: string;
  started_c: number;
  started_h: number;
  completed_c: number;
  completed_h: number;
  completed_before: number;
  investment_done_yuan: number;
  pipelines_m: number;
  elevators: number;
  parking: number;
  chargers: number;
  elderly_care: number;
  childcare: number;
  housekeeping: number;
  health: number;
  energy_area_centi: number;
}

/** A community whose latest monthly record has a start date (migration 0032). */
export interface StartedCommunityTable {
  community_id: number;
}
