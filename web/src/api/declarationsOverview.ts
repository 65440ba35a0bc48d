// 各省上报: the national overview of every province's declaration against its deadline, with the
// three national departments' receipts. Types from the route's schema (common/api/declarations.ts).
import type { Overview } from '../../../common/api/declarations.ts';
import { api } from './client.ts';

export type { ProvinceProgress } from '../../../common/declaration.ts';
export type { Overview, OverviewItem } from '../../../common/api/declarations.ts';

export function getOverview(year: number, signal?: AbortSignal) {
  return api.get<Overview>('/api/declarations-overview', { query: { year }, signal });
}
