/** What leaves the server about a community: exact decimals as strings, labels beside codes. */
import type { Community } from '../../../../common/api/ledger.ts';
import type { CommunityRow } from '../../db/schema.ts';
import { formatScaled } from '../../domain/ledger/decimal.ts';
import { plausibilityFlags } from '../../domain/ledger/plausibility.ts';
import { EXCLUSION_TEXT } from '../../domain/ledger/rows.ts';
import { policyInForce } from '../../domain/plan-policy.ts';
import { AREA_CLASS_LABELS } from '../../domain/regions.ts';

/** `policies`: every plan-year policy's cut-off; the community's plan year picks the one in force. */
export function presentCommunity(
  c: CommunityRow,
  regionName: string,
  policies: readonly { planYear: number; cutoffYear: number }[],
): Community {
  const cutoff = policyInForce(policies, c.plan_year).cutoffYear;
  return {
    id: c.id,
    regionCode: c.region_code,
    regionName,
    prefectureCode: c.prefecture_code,
    street: c.street,
    name: c.name,
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    buildYear: c.build_year,
    yearBucket: c.build_year <= cutoff ? 'before' : 'after',
    cutoffYear: cutoff,
    areaClass: c.area_class,
    areaClassLabel: AREA_CLASS_LABELS[c.area_class],
    areaClassEntered: c.area_class_entered === 1,
    buildings: c.buildings,
    households: c.households,
    /** m², exact, 2 decimals */
    floorArea: formatScaled(c.floor_area_centi, 2),
    /** 万元, exact, 4 decimals */
    investment: formatScaled(c.investment_yuan, 4),
    planYear: c.plan_year,
    content: c.content,
    housingType: c.housing_type,
    ownership: c.ownership,
    exclusion: c.exclusion,
    exclusionLabel: EXCLUSION_TEXT[c.exclusion],
    subsidyYears: c.subsidy_years ? c.subsidy_years.split(',').map(Number) : [],
    notes: c.notes,
    version: c.version,
    updatedAt: c.updated_at,
    flags: plausibilityFlags(
      {
        buildYear: c.build_year,
        buildings: c.buildings,
        households: c.households,
        floorAreaCenti: c.floor_area_centi,
        investmentYuan: c.investment_yuan,
      },
      cutoff,
    ),
  };
}
