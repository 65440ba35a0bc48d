/**
 * A communities row for a test that writes the table directly, as the maintained figures' tests
 * do: the place, the name and the measures the test is about; every other column blank, as a
 * community imported without them.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addressKey } from '../domain/ledger/place-keys.ts';

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

/** A county-level unit's place, by its code and its prefecture-level unit's (its own, for 五指山市). */
export function placeOf(code: string, prefecture: string): Place {
  const province = `${prefecture.slice(0, 2)}0000`;
  const parents =
    code === prefecture ? `/000000/${province}/` : `/000000/${province}/${prefecture}/`;
  return { region_code: code, prefecture_code: prefecture, region_path: `${parents}${code}/` };
}

/** A small community of plan year 2031 named `name` (its key too), with the columns `more` sets. */
export const smallCommunity = (
  place: Place,
  name: string,
  more: Partial<CommunityInsert> = {},
): CommunityInsert =>
  communityRow(place, {
    name,
    name_key: name,
    build_year: 1990,
    buildings: 1,
    households: 10,
    floor_area_centi: 100000,
    investment_yuan: 10000,
    plan_year: 2031,
    at: '2031-01-01T00:00:00.000Z',
    ...more,
  });

/**
 * A community stored with its address keyed but never scanned for duplicates, as a ledger stood
 * before an upgrade that pairs by address (migration 0034): for the tests of a scan on request.
 */
export const unscanned = (place: Place, name: string, address: string): CommunityInsert =>
  smallCommunity(place, name, { address, address_key: addressKey(address) });
