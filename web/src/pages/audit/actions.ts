// What each audit action code means, as the audit page names it: the code stays beside the name
// (it is what the filter and the csv use). Every code of common/audit-actions.ts has its name (the
// compiler checks); one recorded before it was listed is shown as recorded.
import type { AuditAction } from '../../../../common/audit-actions.ts';
import { isRole, ROLE_LABELS } from '../../../../common/roles.ts';
import { t } from '../../i18n/index.ts';

export const ACTIONS: Readonly<Record<AuditAction, string>> = {
  'access.denied': '越权访问被拒绝',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.login_throttled': '登录尝试过多被暂停',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'region.create': '新增功能区',
  'policy.create': '新增计划年度规则',
  'policy.update': '修改计划年度规则',
  'consent-threshold.set': '设置本省居民同意比例',
  'consent-threshold.clear': '撤销本省居民同意比例',
  'declaration.submit': '上报计划',
  'declaration.return': '退回计划',
  'declaration.accept': '接收计划',
  'declaration.revise': '修订计划',
  'declaration.contact': '填写联系人及电话',
  'declaration.freeze': '生成会签版本',
  'declaration.signoff': '会签',
  'declaration.approval': '录入省政府批复',
  'declaration.deadline': '设置申报截止日期',
  'declaration.justify': '填写核查说明',
  'declaration.revision_reason': '填写调整原因',
  'declaration.receipt': '部委签收计划',
  'fiscal.assessment': '填写财政承受能力评估',
  'fiscal.review': '财政审核',
  'fiscal.file': '上传财政材料',
  'five_year.start_target': '设置开工目标',
  'five_year.completion_target': '设置完成目标',
  'five_year.green': '认定绿色社区',
  'monthly_report.submit': '报送月报',
  'monthly_report.remind': '催报月报',
  'monthly_report.auto_remind': '自动催报月报',
  'monthly_report.due_day': '设置月报报送日',
  'community.create': '登记小区',
  'community.update': '修改小区',
  'project.update': '修改项目',
  'project.merge': '合并项目',
  'ledger.import': '导入台账',
  'progress.record': '填报月度进展',
  'progress.import': '导入月度进展',
  'community.photo.add': '上传小区照片',
  'community.photo.delete': '删除小区照片',
  'community.document.add': '上传小区材料',
  'community.document.delete': '删除小区材料',
  'integrity.mismatch': '完整性校验不符',
  'integrity.refused': '因完整性校验不符拒绝操作',
  'audit.export': '导出审计日志',
};

/** The action's name in the reader's language, or undefined for a code not listed. */
export const actionName = (code: string): string | undefined => {
  const name = (ACTIONS as Readonly<Record<string, string>>)[code];
  return name === undefined ? undefined : t(name);
};

/** Every listed code with its name: the filter's choices. */
export const actionChoices = (): { value: string; label: string }[] =>
  Object.entries(ACTIONS).map(([value, name]) => ({ value, label: `${t(name)} ${value}` }));

/**
 * The keys the server writes in details, named as the pages name them: an auditor reads 原状态, not
 * from. A key not listed is shown as recorded.
 */
export const DETAIL_KEYS: Readonly<Record<string, string>> = {
  from: '原状态',
  to: '新状态',
  reason: '原因',
  role: '角色',
  roles: '角色',
  regionCode: '区划代码',
  region: '区划',
  parentCode: '上级区划',
  name: '名称',
  phone: '电话',
  version: '版本',
  hash: '校验码',
  checkId: '检查项',
  text: '说明',
  approvedOn: '批复日期',
  documentNo: '文号',
  fileName: '文件名',
  size: '大小（字节）',
  kind: '类别',
  notified: '已提醒',
  deadline: '截止日期',
  previous: '原截止日期',
  effective: '生效截止日期',
  below: '下级单位',
  changed: '修改项',
  passwordReset: '重设密码',
  percent: '比例（%）',
  revision: '修订',
  communityId: '小区编号',
  communityIds: '小区编号',
  code: '代码',
  rows: '行数',
};

/** Recorded values that are codes, named: a declaration's states, the reasons a login failed. */
const DETAIL_VALUES: Readonly<Record<string, string>> = {
  draft: '未上报',
  submitted: '已上报',
  returned: '已退回',
  accepted: '已接收',
  wrong_password: '密码错误',
  unknown_user: '账号不存在',
  disabled: '账号已停用',
};

function detailValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return t(v ? '是' : '否');
  if (typeof v === 'string') {
    const named = DETAIL_VALUES[v] ?? (isRole(v) ? ROLE_LABELS[v] : undefined);
    return named === undefined ? v : t(named);
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
    return v.map((x) => detailValue(x)).join(t('、'));
  return JSON.stringify(v);
}

/** A recorded detail as "key：value；…" (a JSON object, as recorded; keys and coded values named, the separators in the reader's language), else as it is. */
export function detailText(detail: string | null): string {
  if (!detail) return '';
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return Object.entries(parsed)
        .map(([k, v]) => `${DETAIL_KEYS[k] ? t(DETAIL_KEYS[k]) : k}${t('：')}${detailValue(v)}`)
        .join(t('；'));
  } catch {
    // not JSON: shown as recorded
  }
  return detail;
}
