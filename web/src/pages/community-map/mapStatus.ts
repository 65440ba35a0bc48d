// The map's three statuses: label, colour and shape (the shape too, so that the points read
// without colour: 计划 a ring, 已开工 a dot, 已完工 a square).
import type { MapStatus } from '../../api/communityMap.ts';
import { MAP_STATUS_LABELS, MAP_STATUSES } from '../../../../common/community-map.ts';

export { MAP_STATUSES };

export const STATUS_STYLE: Record<
  MapStatus,
  { label: string; color: string; shape: 'ring' | 'dot' | 'square' }
> = {
  plan: { label: MAP_STATUS_LABELS.plan, color: '#1677ff', shape: 'ring' },
  started: { label: MAP_STATUS_LABELS.started, color: '#d46b08', shape: 'dot' },
  completed: { label: MAP_STATUS_LABELS.completed, color: '#389e0d', shape: 'square' },
};

/** The map's address: /progress/map?region=&year=&status=. */
export interface MapSearch {
  region?: string;
  year: number;
  status?: MapStatus;
}

export function parseMapSearch(params: URLSearchParams, now = new Date()): MapSearch {
  const region = params.get('region') ?? '';
  const year = Number(params.get('year'));
  const status = params.get('status');
  return {
    region: /^[0-9A-Z]{6}$/.test(region) ? region : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.getFullYear(),
    status: MAP_STATUSES.find((s) => s === status),
  };
}
