// The route of 月报, wired into app/router.tsx beside /progress (built elsewhere):
//   /progress/reports?unit=&year=&period=  → submit my unit's month, my history, my units' completeness
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../app/guards.tsx';
import { LEDGER_ROLES } from '../../app/menu.tsx';

const ReportsPage = lazy(() =>
  import('./ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);

export const progressReportRoutes: RouteObject[] = [
  {
    path: 'progress/reports',
    element: (
      <RequireRole roles={LEDGER_ROLES}>
        <ReportsPage />
      </RequireRole>
    ),
  },
];
