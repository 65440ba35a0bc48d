/**
 * The named steps of a project-list import between reading a row and writing it (issue 12 §3:
 * read → check → dedupe → write): what the header lacks, what the file repeats, and the warnings a
 * good row carries. Pure: each takes a row's facts and returns what to report.
 */
import type { CommunityDraft, RowError } from '../../../domain/ledger/rows.ts';
import { plausibilityFlags } from '../../../domain/ledger/plausibility.ts';
import type { HeaderMatch } from '../../../domain/ledger/template.ts';
import {
  buildYearRuleText,
  buildYearStanding,
  type PlanPolicy,
} from '../../../domain/plan-policy.ts';

/** The header's problems: missing and repeated columns refuse the file; unknown ones are ignored. */
export function headerFindings(
  header: HeaderMatch,
  line: number,
): { errors: RowError[]; warnings: RowError[]; usable: boolean } {
  return {
    errors: [
      ...header.missing.map((h) => ({ line, column: h, value: '', message: '缺少必填列' })),
      ...header.duplicated.map((h) => ({ line, column: h, value: h, message: '列名重复' })),
    ],
    warnings: header.unknown.map((h) => ({
      line,
      column: h,
      value: h,
      message: '无法识别的列，已忽略',
    })),
    usable: !header.missing.length && !header.duplicated.length,
  };
}

/**
 * One community, one record (the ledger's unique key), in any plan year of the file: remembers
 * each row's unit and name key, and names the earlier row a later one repeats.
 */
export class FileDuplicates {
  private readonly first = new Map<string, { line: number; name: string }>();

  /** The error for `draft` at `line` if the file had it already; otherwise it is remembered. */
  repeat(line: number, draft: CommunityDraft, key: string): RowError | null {
    const fileKey = `${draft.regionCode}|${key}`;
    const earlier = this.first.get(fileKey);
    if (earlier === undefined) {
      this.first.set(fileKey, { line, name: draft.name });
      return null;
    }
    const how = earlier.name === draft.name ? '名称相同' : '名称仅写法不同';
    return {
      line,
      column: '小区名称',
      value: draft.name,
      message: `第 ${earlier.line} 行“${earlier.name}”与第 ${line} 行“${draft.name}”是同一小区（同一县级单位，${how}），同一小区只能登记一次`,
    };
  }
}

/**
 * The warnings a stored row carries, under the rules of its plan year: implausible figures, a
 * build year the year's plan cannot take, a central subsidy already received. The value is the
 * figure the warning is about, as the row gave it (the preview's 值 column).
 */
export function rowWarnings(line: number, draft: CommunityDraft, policy: PlanPolicy): RowError[] {
  const out: RowError[] = plausibilityFlags(draft, policy.cutoffYear).map((f) => ({
    line,
    column: f.code === 'after_cutoff' ? '建成年份' : '居民户数',
    value: String(f.code === 'after_cutoff' ? draft.buildYear : draft.households),
    message: f.message,
  }));
  if (buildYearStanding(policy, draft.buildYear) === 'too_late')
    out.push({
      line,
      column: '建成年份',
      value: String(draft.buildYear),
      message: `已登记，但不能列入${draft.planYear}年度计划（该年度计划检查不通过）：${buildYearRuleText(policy)}。可转入谋划或储备库，待政策允许的年度申报`,
    });
  for (const y of draft.subsidyYears)
    out.push({
      line,
      column: '已纳入中央补助年度',
      value: String(y),
      message: `已登记，但已纳入${y}年中央补助支持的改造计划，不得重复申报（建办城〔2021〕28号 三(四)），不能列入年度计划`,
    });
  return out;
}
