/**
 * What stands in the way of submitting a declaration (issue 12 §3): a pure function of the facts
 * the service reads, returning typed reasons in the order a user meets them — units below not
 * accepted, checks that cannot pass, warnings without their explanation, then for a province the
 * government's approval, a sign-off version still current, approval covering it, the three
 * sign-offs and the form's contact. The service turns the first into its refusal.
 */
import type { SubCode } from '../errors.ts';

export interface PendingChild {
  code: string;
  name: string;
  communities: number;
  stateLabel: string;
}

export interface CheckOutcome {
  id: string;
  title: string;
  message: string;
  passed: boolean;
  severity: 'blocking' | 'warning' | string;
}

export interface SubmissionFacts {
  /** units below with communities in the plan, not accepted (empty for a county) */
  pendingChildren: PendingChild[];
  checks: CheckOutcome[];
  /** ids of the warnings the unit has explained */
  justified: ReadonlySet<string>;
  /** a province's: null for a city or county */
  province: {
    hasApproval: boolean;
    /** the sign-off version exists and freezes what would be submitted now */
    candidateCurrent: boolean;
    /** why the approval does not cover the sign-off version, or null */
    approvalGap: string | null;
    /** the sign-off roles that have not signed the current version, with their labels */
    missingSignoffs: { role: string; label: string }[];
    hasContact: boolean;
  } | null;
}

export interface SubmissionBlocker {
  subCode?: SubCode;
  message: string;
  details: { path: string; message: string }[];
}

export function submissionBlockers(f: SubmissionFacts): SubmissionBlocker[] {
  const out: SubmissionBlocker[] = [];
  if (f.pendingChildren.length)
    out.push({
      subCode: 'CHILDREN_PENDING',
      message: `下级单位的年度计划尚未全部接收，不能上报：${f.pendingChildren
        .map((c) => `${c.name}（${c.stateLabel}）`)
        .join('、')}`,
      details: f.pendingChildren.map((c) => ({
        path: `children.${c.code}`,
        message: `${c.name}：${c.communities} 个小区列入计划，申报状态为“${c.stateLabel}”，尚未接收`,
      })),
    });
  const blocking = f.checks.filter((c) => !c.passed && c.severity === 'blocking');
  if (blocking.length)
    out.push({
      subCode: 'CHECKS_BLOCKING',
      message: `有不能通过的检查，不能上报：${blocking.map((c) => c.title).join('；')}`,
      details: blocking.map((c) => ({ path: c.id, message: c.message })),
    });
  const unjustified = f.checks.filter(
    (c) => !c.passed && c.severity === 'warning' && !f.justified.has(c.id),
  );
  if (unjustified.length)
    out.push({
      subCode: 'JUSTIFICATION_REQUIRED',
      message: `以下警告须填写说明后才能上报：${unjustified.map((c) => c.title).join('；')}`,
      details: unjustified.map((c) => ({ path: c.id, message: '请填写说明' })),
    });
  const p = f.province;
  if (!p) return out;
  if (!p.hasApproval)
    out.push({
      message: '尚未录入省级人民政府同意的文件（日期、文号、附件）',
      details: [{ path: 'approval', message: '必填' }],
    });
  else if (!p.candidateCurrent)
    out.push({
      message: '计划在会签后已有变动，请重新生成会签版本并重新会签',
      details: [{ path: 'signoffs', message: '会签版本已过期' }],
    });
  else if (p.approvalGap)
    out.push({
      message: p.approvalGap,
      details: [{ path: 'approval', message: '批复未覆盖当前会签版本' }],
    });
  else if (p.missingSignoffs.length)
    out.push({
      message: `尚缺会签：${p.missingSignoffs.map((r) => r.label).join('、')}`,
      details: p.missingSignoffs.map((r) => ({ path: `signoffs.${r.role}`, message: '未会签' })),
    });
  if (!p.hasContact)
    out.push({
      message: '请填写计划表的联系人及电话后再上报',
      details: [{ path: 'contact', message: '联系人及电话：必填' }],
    });
  return out;
}
