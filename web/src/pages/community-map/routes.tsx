// The route of 小区分布图, wired into app/router.tsx beside /progress:
//   /progress/map?region=&year=&status=
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../app/guards.tsx';
import { LEDGER_ROLES } from '../../app/menu.tsx';

const CommunityMapPage = lazy(() =>
  import('./CommunityMapPage.tsx').then((m) => ({ default: m.CommunityMapPage })),
);

export const communityMapRoutes: RouteObject[] = [
  {
    path: 'progress/map',
    element: (
      <RequireRole roles={LEDGER_ROLES}>
        <CommunityMapPage />
      </RequireRole>
    ),
  },
];
