/**
 * The tables of what was declared before (issue 9 §4): earlier centrally subsidised lists, and the
 * communities of accepted plans, against which later plans are checked. Re-exported by schema.ts,
 * which holds the Database interface.
 */
import type { Generated } from 'kysely';

/** A community of an earlier centrally subsidised list (issue 9 §4): history, never in a plan. */
export interface SubsidyHistoryTable {
  id: Generated<number>;
  region_code: string;
  prefecture_code: string;
  region_path: string;
  street: string;
  name: string;
  name_key: string;
  address: string;
  subsidy_year: number;
  build_year: number | null;
  buildings: number | null;
  households: number | null;
  floor_area_centi: number | null;
  investment_yuan: number | null;
  notes: string;
  source_file: string;
  created_at: string;
  created_by: string | null;
}

/** A community of an accepted plan, as declared (written on acceptance). */
export interface DeclaredCommunityTable {
  unit_code: string;
  plan_year: number;
  level: 'county' | 'city' | 'province';
  version: number;
  community_id: number;
  region_code: string;
  region_path: string;
  name: string;
}
