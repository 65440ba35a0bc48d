// Roles a user can hold (DESIGN.md, "Regions and people"). Shared by the server and the web app,
// so the stored text values and their Chinese labels are defined exactly once.

export const ROLES = [
  'county',
  'city',
  'province',
  'province_ndrc',
  'province_finance',
  'ministry',
  'ndrc_national',
  'mof',
  'statistics',
  'admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  county: '区县住建部门',
  city: '市级住建部门',
  province: '省级住建部门',
  province_ndrc: '省级发展改革部门(会签)',
  province_finance: '省级财政部门(会签)',
  // The three national recipients of a province's plan (建办城〔2021〕28号 三(四)「分别报住房和城乡建设部、
  // 国家发展改革委、财政部」): the first reviews it (returns, accepts); the other two receive it.
  ministry: '住房和城乡建设部',
  ndrc_national: '国家发展改革委',
  mof: '财政部',
  statistics: '统计部门(只读)',
  admin: '系统管理员',
  // 三员分立 (等保三级): accounts and their settings; reading the audit log; nothing of each other's.
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
