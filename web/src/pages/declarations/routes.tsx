// The routes of 年度计划申报, wired into app/router.tsx:
//   /declarations                 → the user's own declaration (or, for the ministry, the overview)
//   /declarations/overview?year=  → 各省上报 (ministry, administrators)
//   /declarations/:unit/:year     → one unit's declaration
import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { hasAnyRole, useMe } from '../../app/auth.tsx';
import { RequireRole } from '../../app/guards.tsx';
import { DECLARATION_ROLES, OVERVIEW_ROLES } from '../../app/menu.tsx';
import { useDeclaringYear } from '../plans/usePlanData.ts';
import { declarationPath } from './declarationLabels.ts';

const DeclarationPage = lazy(() =>
  import('./DeclarationPage/DeclarationPage.tsx').then((m) => ({ default: m.DeclarationPage })),
);
const OverviewPage = lazy(() =>
  import('./Overview/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })),
);

/** The menu's 计划申报 / 各省上报: where this user starts. */
function DeclarationsHome() {
  const me = useMe();
  // The year being declared, as the server decides it (GET /api/plan-year), like the plan table.
  const year = useDeclaringYear();
  if (year === undefined) return null;
  if (me.region.level === 'country' && hasAnyRole(me, OVERVIEW_ROLES))
    return <Navigate to={`/declarations/overview?year=${year}`} replace />;
  return <Navigate to={declarationPath(me.region.code, year)} replace />;
}

export const declarationRoutes: RouteObject[] = [
  {
    path: 'declarations',
    children: [
      {
        index: true,
        element: (
          <RequireRole roles={[...DECLARATION_ROLES, ...OVERVIEW_ROLES]}>
            <DeclarationsHome />
          </RequireRole>
        ),
      },
      {
        path: 'overview',
        element: (
          <RequireRole roles={OVERVIEW_ROLES}>
            <OverviewPage />
          </RequireRole>
        ),
      },
      {
        path: ':unit/:year',
        element: (
          <RequireRole roles={[...DECLARATION_ROLES, ...OVERVIEW_ROLES]}>
            <DeclarationPage />
          </RequireRole>
        ),
      },
    ],
  },
];
