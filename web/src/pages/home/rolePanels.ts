// What each role's home page shows. Figures the system does not hold yet (still loading) read "—";
// the plan's figures are the server's (GET /api/home), for the year being declared.
import type { Role } from '../../../../common/roles.ts';
import type { HomeFigures } from '../../api/home.ts';
import { formatDecimal, formatInteger } from '../../components/format.ts';
import { t } from '../../i18n/index.ts';

export interface HomeFacts {
  /** Users in the admin's subtree. */
  userTotal?: number;
  /** Regions directly below the user's own region. */
  childRegions?: number;
  /** The ledger of the user's subtree: communities, households and investment (万元, exact). */
  ledger?: { communities: number; households: number; investment: string };
  /** This year's progress of the user's region: start rate by communities ('98.5%'), completed communities. */
  progress?: { startRate: string; completed: number };
  /** The plan's figures of the year being declared, within the user's region (GET /api/home). */
  figures?: HomeFigures;
}

/** 2027年计划: which year the plan's figures count. */
const yearNote = (f: HomeFigures | undefined) =>
  f ? t('{year}年计划', { year: f.year }) : undefined;

function ledgerNote(facts: HomeFacts): string | undefined {
  const l = facts.ledger;
  if (!l) return undefined;
  return t('居民 {households} 户 · 预计投资 {investment} 万元', {
    households: formatInteger(l.households),
    investment: formatDecimal(l.investment),
  });
}

export interface Panel {
  title: string;
  value?: number | string;
  suffix?: string;
  note?: string;
}

export interface RoleSection {
  title: string;
  panels: Panel[];
}

export function sectionFor(role: Role, facts: HomeFacts): RoleSection {
  const f = facts.figures;
  const children = f?.children;
  switch (role) {
    case 'county':
      return {
        title: t('本单位工作'),
        panels: [
          {
            title: t('本单位台账'),
            value: facts.ledger?.communities,
            suffix: t('个小区'),
            note: ledgerNote(facts),
          },
          {
            // The year being declared (often next year's), named beneath: not 本年, which the
            // progress panel beside it uses for this year's.
            title: t('申报计划'),
            value: f?.planCommunities ?? undefined,
            suffix: t('个小区'),
            note: yearNote(f),
          },
          {
            title: t('待办'),
            value: f?.own?.toDo,
            suffix: t('项'),
            note: f?.own ? t('申报状态：{state}', { state: t(f.own.stateLabel) }) : undefined,
          },
        ],
      };
    case 'city':
      return {
        title: t('下级上报情况'),
        panels: [
          { title: t('下级单位'), value: facts.childRegions, suffix: t('个') },
          {
            title: t('全市台账'),
            value: facts.ledger?.communities,
            suffix: t('个小区'),
            note: ledgerNote(facts),
          },
          { title: t('已上报'), value: children?.submitted, suffix: t('个'), note: yearNote(f) },
          { title: t('待审核'), value: children?.awaitingReview, suffix: t('项') },
        ],
      };
    case 'province':
      return {
        title: t('全省计划'),
        panels: [
          {
            title: t('全省台账'),
            value: facts.ledger?.communities,
            suffix: t('个小区'),
            note: ledgerNote(facts),
          },
          {
            title: t('全省计划'),
            value: f?.planCommunities ?? undefined,
            suffix: t('个小区'),
            note: yearNote(f),
          },
          { title: t('审核待办'), value: children?.awaitingReview, suffix: t('项') },
          { title: t('截止日期'), value: f?.deadline, note: yearNote(f) },
        ],
      };
    case 'province_ndrc':
    case 'province_finance':
      return {
        title: t('计划会签'),
        panels: [
          { title: t('待会签'), value: f?.signoff?.pending, suffix: t('项'), note: yearNote(f) },
          { title: t('已会签'), value: f?.signoff?.signed, suffix: t('项') },
        ],
      };
    case 'ministry':
      return {
        title: t('各省上报状态'),
        panels: [
          {
            title: t('已上报省级单位'),
            value: children?.submitted,
            suffix: t('个'),
            note: yearNote(f),
          },
          {
            title: t('未上报省级单位'),
            value: children ? children.total - children.submitted : undefined,
            suffix: t('个'),
          },
          { title: t('截止日期'), value: f?.deadline, note: yearNote(f) },
        ],
      };
    case 'ndrc_national':
    case 'mof':
      return {
        title: t('各省计划签收'),
        panels: [
          {
            title: t('已上报省级单位'),
            value: children?.submitted,
            suffix: t('个'),
            note: yearNote(f),
          },
          {
            title: t('已签收'),
            value: f?.receipts?.signed,
            suffix: t('个'),
            note: t('在“各省上报”中查看已上报的省级计划、签收、下载计划表'),
          },
          { title: t('待签收'), value: f?.receipts?.pending, suffix: t('个') },
        ],
      };
    case 'statistics':
      return {
        title: t('进展统计'),
        panels: [
          { title: t('小区开工率'), value: facts.progress?.startRate },
          { title: t('已完工小区'), value: facts.progress?.completed, suffix: t('个') },
        ],
      };
    case 'admin':
      return {
        title: t('系统管理'),
        panels: [{ title: t('下级区划'), value: facts.childRegions, suffix: t('个') }],
      };
    case 'security_admin':
      return {
        title: t('账号与安全'),
        panels: [{ title: t('用户'), value: facts.userTotal, suffix: t('个') }],
      };
    case 'audit_admin':
      return {
        title: t('安全审计'),
        panels: [
          { title: t('审计日志'), note: t('在“审计日志”中按用户、区划、操作、日期查阅和导出') },
        ],
      };
  }
}
