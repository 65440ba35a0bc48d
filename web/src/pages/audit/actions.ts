// What each audit action code means, as the audit page names it: the code stays beside the name
// (it is what the filter and the csv use). Every code of common/audit-actions.ts has its name (the
// compiler checks); one recorded before it was listed is shown as recorded.
import type { AuditAction } from '../../../../common/audit-actions.ts';
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

/** A recorded detail as "key：value；…" (a JSON object, as recorded; the separators in the reader's language), else as it is. */
export function detailText(detail: string | null): string {
  if (!detail) return '';
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return Object.entries(parsed)
        .map(([k, v]) => `${k}${t('：')}${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(t('；'));
  } catch {
    // not JSON: shown as recorded
  }
  return detail;
}
