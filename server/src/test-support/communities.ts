/**
 * A communities row for a test that writes the table directly, as the maintained figures' tests
 * do: the place, the name and the measures the test is about; every other column blank, as a
 * community imported without them.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.ts';

type CommunityInsert = Insertable<Database['communities']>;

/** Where the community lies: a county-level unit's code, its parent's and its path. */
export interface Place {
  region_code: string;
  prefecture_code: string;
  region_path: string;
}

export function communityRow(
  place: Place,
  v: Pick<
    CommunityInsert,
    | 'name'
    | 'name_key'
    | 'build_year'
    | 'buildings'
    | 'households'
    | 'floor_area_centi'
    | 'investment_yuan'
    | 'plan_year'
  > &
    Partial<CommunityInsert> & { at: string },
): CommunityInsert {
  const { at, ...values } = v;
  return {
    ...place,
    street: '',
    address: '',
    area_class: 'city',
    area_class_entered: 1,
    content: '',
    housing_type: '',
    ownership: '',
    exclusion: 'none',
    subsidy_years: '',
    notes: '',
    version: 1,
    created_at: at,
    updated_at: at,
    ...values,
  };
}
