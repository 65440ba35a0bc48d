// Routes. Pages beyond login load on demand, so the first screen stays light.
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { declarationRoutes } from '../pages/declarations/routes.tsx';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { progressReportRoutes } from '../pages/progress-reports/routes.tsx';
import { communityMapRoutes } from '../pages/community-map/routes.tsx';
import { NotFound, RouteError } from '../pages/misc/NotFound.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AuthProvider } from './auth.tsx';
import { FullPageSpin, RequireAuth, RequireRole } from './guards.tsx';
import {
  ADMIN_ROLES,
  AUDIT_ROLES,
  FISCAL_ROLES,
  LEDGER_EDIT_ROLES,
  LEDGER_ROLES,
  WORK_ROLES,
} from './menu.tsx';

const HomePage = lazy(() =>
  import('../pages/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
const RegionsPage = lazy(() =>
  import('../pages/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })),
);
const UsersPage = lazy(() =>
  import('../pages/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../pages/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const LedgerListPage = lazy(() =>
  import('../pages/ledger/LedgerList/LedgerListPage.tsx').then((m) => ({
    default: m.LedgerListPage,
  })),
);
const CommunityDetailPage = lazy(() =>
  import('../pages/ledger/CommunityDetail/CommunityDetailPage.tsx').then((m) => ({
    default: m.CommunityDetailPage,
  })),
);
const NewCommunityPage = lazy(() =>
  import('../pages/ledger/CommunityForm/CommunityFormPage.tsx').then((m) => ({
    default: m.NewCommunityPage,
  })),
);
const EditCommunityPage = lazy(() =>
  import('../pages/ledger/CommunityForm/CommunityFormPage.tsx').then((m) => ({
    default: m.EditCommunityPage,
  })),
);
const ImportPage = lazy(() =>
  import('../pages/ledger/Import/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const PlanTablePage = lazy(() =>
  import('../pages/plans/PlanTable/PlanTablePage.tsx').then((m) => ({
    default: m.PlanTablePage,
  })),
);
const PlanPrintPage = lazy(() =>
  import('../pages/plans/PlanPrint/PlanPrintPage.tsx').then((m) => ({
    default: m.PlanPrintPage,
  })),
);
const FiveYearPage = lazy(() =>
  import('../pages/five-year/FiveYearPage.tsx').then((m) => ({ default: m.FiveYearPage })),
);
const ProgressPage = lazy(() =>
  import('../pages/progress/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })),
);
const FiscalPage = lazy(() =>
  import('../pages/plans/Fiscal/FiscalPage.tsx').then((m) => ({ default: m.FiscalPage })),
);
const PoliciesPage = lazy(() =>
  import('../pages/plans/Policies/PoliciesPage.tsx').then((m) => ({ default: m.PoliciesPage })),
);

/** Screens that change the ledger: 403 for the read-only roles (the server refuses them anyway). */
function editRoutes(routes: { path: string; element: ReactNode }[]) {
  return routes.map(({ path, element }) => ({
    path,
    element: <RequireRole roles={LEDGER_EDIT_ROLES}>{element}</RequireRole>,
  }));
}

export const router = createBrowserRouter([
  {
    element: (
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        // The plan table's print view: the form alone, without the app's header and menu.
        path: '/plans/print',
        element: (
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              <PlanPrintPage />
            </Suspense>
          </RequireAuth>
        ),
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'ledger',
            element: (
              <RequireRole roles={LEDGER_ROLES}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, element: <LedgerListPage /> },
              { path: ':id', element: <CommunityDetailPage /> },
              ...editRoutes([
                { path: 'new', element: <NewCommunityPage /> },
                { path: 'import', element: <ImportPage /> },
                { path: ':id/edit', element: <EditCommunityPage /> },
              ]),
            ],
          },
          {
            // Everyone: the province and above see the table, a city or county its own checks.
            path: 'plans',
            children: [
              { index: true, element: <PlanTablePage /> },
              { path: 'policies', element: <PoliciesPage /> },
              {
                path: 'fiscal',
                element: (
                  <RequireRole roles={FISCAL_ROLES}>
                    <FiscalPage />
                  </RequireRole>
                ),
              },
            ],
          },
          ...declarationRoutes,
          ...progressReportRoutes,
          ...communityMapRoutes,
          {
            path: 'progress',
            element: (
              <RequireRole roles={WORK_ROLES}>
                <ProgressPage />
              </RequireRole>
            ),
          },
          {
            path: 'five-year',
            element: (
              <RequireRole roles={LEDGER_ROLES}>
                <FiveYearPage />
              </RequireRole>
            ),
          },
          { path: 'regions', element: <RegionsPage /> },
          {
            path: 'users',
            element: (
              <RequireRole roles={ADMIN_ROLES}>
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireRole roles={AUDIT_ROLES}>
                <AuditPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
