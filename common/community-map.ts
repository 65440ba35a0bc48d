// The community map's statuses (issue 13), for the server's rule (server/src/domain/community-map.ts)
// and the map page alike: 计划 (in the year's plan, not started), 已开工, 已完工.

export const MAP_STATUSES = ['plan', 'started', 'completed'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export const MAP_STATUS_LABELS: Record<MapStatus, string> = {
  plan: '计划',
  started: '已开工',
  completed: '已完工',
};

export type StatusCounts = Record<MapStatus, number>;
