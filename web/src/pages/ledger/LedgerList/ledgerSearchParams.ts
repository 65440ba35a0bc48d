// The list's filters, sort and page live in the address (?region=460106&pool=implement&page=2),
// so a reload or a shared link shows the same rows. Unknown or malformed values are dropped.
import { AREA_CLASSES, POOLS, SORTABLE, YEAR_BUCKETS } from '../../../../../common/ledger.ts';
import type { LedgerFilter, LedgerQuery } from '../../../api/ledgerTypes.ts';

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 20;

export const SORT_COLUMNS = SORTABLE;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return values.find((x) => x === v);
}

function bool(v: string | null): boolean | undefined {
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

function positiveInt(v: string | null): number | undefined {
  return v && /^\d{1,6}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
}

export function parseLedgerQuery(params: URLSearchParams): LedgerQuery {
  const planYear = positiveInt(params.get('planYear'));
  const pageSize = positiveInt(params.get('pageSize'));
  const region = params.get('region')?.trim();
  const q = params.get('q')?.trim();
  return {
    region: region && /^\d{6}$/.test(region) ? region : undefined,
    planYear: planYear && planYear >= 2000 && planYear <= 2100 ? planYear : undefined,
    pool: oneOf(POOLS, params.get('pool')),
    bucket: oneOf(YEAR_BUCKETS, params.get('bucket')),
    areaClass: oneOf(AREA_CLASSES, params.get('areaClass')),
    excluded: bool(params.get('excluded')),
    suspected: params.get('suspected') === 'true' || undefined,
    q: q ? q.slice(0, 50) : undefined,
    sort: oneOf(SORT_COLUMNS, params.get('sort')),
    order: oneOf(['asc', 'desc'] as const, params.get('order')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: PAGE_SIZES.find((s) => s === pageSize) ?? DEFAULT_PAGE_SIZE,
  };
}

/** The address form of a query, leaving out what is empty or the default. */
export function toSearchParams(query: LedgerQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The filter part only (what the totals and the export follow). */
export function filterOf(query: LedgerQuery): LedgerFilter {
  const { region, planYear, pool, bucket, areaClass, excluded, suspected, q } = query;
  return { region, planYear, pool, bucket, areaClass, excluded, suspected, q };
}

export function hasFilter(query: LedgerQuery): boolean {
  return Object.values(filterOf(query)).some((v) => v !== undefined);
}
