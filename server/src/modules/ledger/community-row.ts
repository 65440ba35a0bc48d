/** A checked draft as a communities row: one mapping for the import, the create form and edits. */
import type { CommunityTable } from '../../db/schema.ts';
import { orthographicKey } from '../../domain/ledger/names.ts';
import { addressKey, positionCell } from '../../domain/ledger/place-keys.ts';
import type { CommunityDraft, Exclusion } from '../../domain/ledger/rows.ts';

export interface RowExtras {
  lng?: string | null;
  lat?: string | null;
  housingType?: string;
  notes?: string;
  exclusion?: Exclusion;
  subsidyYears?: number[];
  /** orthographicKey(d.name), when the caller has it already (the import, once a row) */
  nameKey?: string;
}

export function draftToRow(
  d: CommunityDraft,
  regionPath: string,
  now: Date,
  extra: RowExtras = {},
): Omit<CommunityTable, 'id'> {
  const at = now.toISOString();
  return {
    region_code: d.regionCode,
    prefecture_code: d.prefectureCode,
    region_path: regionPath,
    street: d.street,
    name: d.name,
    name_key: extra.nameKey ?? orthographicKey(d.name),
    address: d.address,
    lng: extra.lng ?? null,
    lat: extra.lat ?? null,
    address_key: addressKey(d.address),
    cell_key: positionCell(extra.lng ?? null, extra.lat ?? null),
    build_year: d.buildYear,
    area_class: d.areaClass,
    area_class_entered: d.areaClassEntered ? 1 : 0,
    buildings: d.buildings,
    households: d.households,
    floor_area_centi: d.floorAreaCenti,
    investment_yuan: d.investmentYuan,
    plan_year: d.planYear,
    content: d.content,
    housing_type: extra.housingType ?? '',
    ownership: d.ownership,
    exclusion: extra.exclusion ?? d.exclusion,
    subsidy_years: (extra.subsidyYears ?? d.subsidyYears).join(','),
    notes: extra.notes ?? '',
    version: 1,
    created_at: at,
    updated_at: at,
  };
}
