// The side menu, one entry a screen, each with the roles that see it (none listed: everyone).
import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  HomeOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../common/roles.ts';
import type { Me } from '../api/types.ts';
import { hasAnyRole } from './auth.tsx';
import type { MessageKey } from './messages.ts';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  roles?: readonly Role[];
}

/** Roles that work with the ledger, plans and progress. */
export const WORK_ROLES: readonly Role[] = ['county', 'city', 'province', 'ministry', 'statistics'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

export const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined /> },
  { path: '/ledger', label: 'menu.ledger', icon: <DatabaseOutlined />, roles: WORK_ROLES },
  { path: '/plans', label: 'menu.plans', icon: <CalendarOutlined />, roles: WORK_ROLES },
  { path: '/progress', label: 'menu.progress', icon: <BarChartOutlined />, roles: WORK_ROLES },
  { path: '/regions', label: 'menu.regions', icon: <ApartmentOutlined /> },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, roles: ADMIN_ROLES },
];

export function menuFor(user: Me): MenuEntry[] {
  return MENU.filter((entry) => !entry.roles || hasAnyRole(user, entry.roles));
}

/** The menu key of a location: the first path segment ('/users/12' → '/users'). */
export function menuKeyOf(pathname: string): string {
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}
