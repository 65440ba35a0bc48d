// Routes. Pages beyond login load on demand, so the first screen stays light.
import { lazy } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { NotFound, RouteError } from '../pages/misc/NotFound.tsx';
import { UnderConstruction } from '../pages/misc/UnderConstruction.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AuthProvider } from './auth.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import { ADMIN_ROLES, WORK_ROLES } from './menu.tsx';

const HomePage = lazy(() =>
  import('../pages/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
const RegionsPage = lazy(() =>
  import('../pages/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })),
);
const UsersPage = lazy(() =>
  import('../pages/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);

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
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          ...(['ledger', 'plans', 'progress'] as const).map((path) => ({
            path,
            element: (
              <RequireRole roles={WORK_ROLES}>
                <UnderConstruction menuKey={`menu.${path}` as const} />
              </RequireRole>
            ),
          })),
          { path: 'regions', element: <RegionsPage /> },
          {
            path: 'users',
            element: (
              <RequireRole roles={ADMIN_ROLES}>
                <UsersPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
