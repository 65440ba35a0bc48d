// The side menu, one entry a screen, each with the roles that see it (none listed: everyone).
import {
  AccountBookOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSyncOutlined,
  FundOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ROLES, type Role } from '../../../common/roles.ts';
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
/** 用户管理: the security administrator only (三员分立; server: users.policy.ts). */
export const ADMIN_ROLES: readonly Role[] = ['security_admin'];
/** 审计日志: the audit administrator only (server: audit.policy.ts). */
export const AUDIT_ROLES: readonly Role[] = ['audit_admin'];
/** 年度计划: every role that reads plan data (server: readsPlanData, domain/actor.ts). */
export const PLAN_ROLES: readonly Role[] = ROLES.filter(
  (r) => r !== 'security_admin' && r !== 'audit_admin',
);
/** The ledger is read by the work roles and administrators (server: ledger.policy.ts)… */
export const LEDGER_ROLES: readonly Role[] = [...WORK_ROLES, 'admin'];
/** …and written by the housing bureaus of each level and administrators. */
export const LEDGER_EDIT_ROLES: readonly Role[] = ['county', 'city', 'province', 'admin'];
/** 计划申报: the declaring bureaus and the provincial sign-off departments… */
export const DECLARATION_ROLES: readonly Role[] = [
  'county',
  'city',
  'province',
  'province_ndrc',
  'province_finance',
];
/** 财政承受能力评估: cities and counties record, the province reviews (server: fiscal.policy.ts). */
export const FISCAL_ROLES: readonly Role[] = ['county', 'city', 'province', 'province_finance'];
/**
 * …and 各省上报, the overview of the three national recipients — 住房和城乡建设部, 国家发展改革委,
 * 财政部 — and administrators (server: ministryOverview, country level only).
 */
export const OVERVIEW_ROLES: readonly Role[] = ['ministry', 'ndrc_national', 'mof', 'admin'];
/** The national departments that sign for a province's plan (签收; server: declarations.receipts.ts). */
export const RECIPIENT_ROLES = ['ministry', 'ndrc_national', 'mof'] as const;

export const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined /> },
  { path: '/ledger', label: 'menu.ledger', icon: <DatabaseOutlined />, roles: LEDGER_ROLES },
  // Every role but the security and audit administrators (三员分立: no plan data; server:
  // readsPlanData): the province and above see the plan table, a city or county its own checks.
  { path: '/plans', label: 'menu.plans', icon: <CalendarOutlined />, roles: PLAN_ROLES },
  // Under 年度计划: the assessments the province's plan waits on.
  {
    path: '/plans/fiscal',
    label: 'menu.fiscal',
    icon: <AccountBookOutlined />,
    roles: FISCAL_ROLES,
  },
  {
    path: '/declarations',
    label: 'menu.declarations',
    icon: <FileDoneOutlined />,
    roles: DECLARATION_ROLES,
  },
  // The same address: /declarations sends the ministry to the overview, others to their own unit.
  {
    path: '/declarations',
    label: 'menu.declarationsOverview',
    icon: <FileDoneOutlined />,
    roles: OVERVIEW_ROLES,
  },
  { path: '/progress', label: 'menu.progress', icon: <BarChartOutlined />, roles: WORK_ROLES },
  // 小区分布图 reads the ledger: the roles that may (server: map.service.ts, ledger.policy.ts).
  {
    path: '/progress/map',
    label: 'menu.communityMap',
    icon: <EnvironmentOutlined />,
    roles: LEDGER_ROLES,
  },
  {
    path: '/progress/reports',
    label: 'menu.progressReports',
    icon: <FileSyncOutlined />,
    roles: WORK_ROLES,
  },
  // 十四五: the work roles and administrators (server: five-year.policy.ts).
  { path: '/five-year', label: 'menu.fiveYear', icon: <FundOutlined />, roles: LEDGER_ROLES },
  { path: '/regions', label: 'menu.regions', icon: <ApartmentOutlined /> },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, roles: ADMIN_ROLES },
  { path: '/audit', label: 'menu.audit', icon: <SafetyCertificateOutlined />, roles: AUDIT_ROLES },
];

export function menuFor(user: Me): MenuEntry[] {
  return MENU.filter((entry) => !entry.roles || hasAnyRole(user, entry.roles)).filter(
    (entry, i, shown) => shown.findIndex((e) => e.path === entry.path) === i,
  );
}

/** The menu key of a location: the first path segment ('/users/12' → '/users'), but 月报, 小区分布图 and 财政承受能力评估 have their own. */
export function menuKeyOf(pathname: string): string {
  if (pathname.startsWith('/progress/reports')) return '/progress/reports';
  if (pathname.startsWith('/progress/map')) return '/progress/map';
  if (pathname.startsWith('/plans/fiscal')) return '/plans/fiscal';
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}
