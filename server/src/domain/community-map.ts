/**
 * The community map's statuses (issue 13): 计划 (in the year's plan, not started), 已开工 or
 * 已完工, from the latest monthly record by the progress table's rule, taken from the progress
 * module itself (dashboard.repository.ts `startedBy` / `completedBy`): started once its start
 * date is on or before the day, completed once its completion date is. Pure.
 */

import type { MapStatus, StatusCounts } from '../../../common/community-map.ts';

// The statuses and their labels are the map page's too.
export {
  MAP_STATUS_LABELS,
  MAP_STATUSES,
  type MapStatus,
  type StatusCounts,
} from '../../../common/community-map.ts';

export const countByStatus = (items: readonly { status: MapStatus }[]): StatusCounts => {
  const counts: StatusCounts = { plan: 0, started: 0, completed: 0 };
  for (const i of items) counts[i.status]++;
  return counts;
};
