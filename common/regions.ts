// The reporting tree's levels and the form of a region code, for the server's schemas and rules
// (server/src/domain/regions.ts) and the web's labels. Decisions: docs/adr/0002-regions.md.

export const REGION_LEVELS = ['country', 'province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  country: '全国',
  province: '省级',
  prefecture: '地级',
  county: '县级',
};

/** A functional zone's code: a city's first four digits, a letter, a base-36 digit (4201A0). */
export const isFunctionalZoneCode = (code: string): boolean => /^\d{4}[A-Z][0-9A-Z]$/.test(code);
export const isRegionCode = (code: string): boolean =>
  /^\d{6}$/.test(code) || isFunctionalZoneCode(code);
