// The ledger's words: labels of the coded values, shared by the list, detail and form screens.
import type { Community, YearBucket } from '../../api/ledgerTypes.ts';
export { AREA_CLASS_LABELS, BUCKET_LABELS, POOL_LABELS } from '../../../../common/ledger.ts';
import { t } from '../../i18n/index.ts';

/** '2000年底后建成', with the cut-off of the community's plan-year policy. */
export const bucketLabel = (bucket: YearBucket, cutoffYear: number): string =>
  bucket === 'before'
    ? t('{year}年底前建成', { year: cutoffYear })
    : t('{year}年底后建成', { year: cutoffYear });

export type TagKind = 'afterCutoff' | 'implausible' | 'suspected' | 'excluded' | 'subsidised';

export interface CommunityTag {
  kind: TagKind;
  label: string;
  color: string;
  /** What the tag stands for, as a tooltip. */
  detail: string;
}

/**
 * The tags of a row: 2000年底后 (the cut-off of its plan year's policy), 异常值 (any plausibility flag but the year), 拟征收/拆除,
 * 已获补助, and 疑似重复 where the caller knows it (the list knows only under the 疑似重复 filter).
 */
export function communityTags(c: Community, suspected = false): CommunityTag[] {
  const tags: CommunityTag[] = [];
  const after = c.flags.filter((f) => f.code === 'after_cutoff');
  const odd = c.flags.filter((f) => f.code !== 'after_cutoff');
  if (after.length || c.yearBucket === 'after')
    tags.push({
      kind: 'afterCutoff',
      label: t('{year}年底后', { year: c.cutoffYear }),
      color: 'orange',
      detail: after.map((f) => t(f.message)).join(t('；')) || bucketLabel('after', c.cutoffYear),
    });
  if (odd.length)
    tags.push({
      kind: 'implausible',
      label: t('异常值'),
      color: 'red',
      detail: odd.map((f) => t(f.message)).join(t('；')),
    });
  if (suspected)
    tags.push({
      kind: 'suspected',
      label: t('疑似重复'),
      color: 'purple',
      detail: t('与同一区县的另一小区名称相近，请在详情页确认'),
    });
  if (c.exclusion !== 'none')
    tags.push({
      kind: 'excluded',
      label: t('拟征收/拆除'),
      color: 'magenta',
      detail: t('是否拟征收或拆除新建：{label}，不得纳入改造计划', { label: t(c.exclusionLabel) }),
    });
  if (c.subsidyYears.length)
    tags.push({
      kind: 'subsidised',
      label: t('已获补助'),
      color: 'default',
      detail: t('已纳入 {years} 年中央补助计划，不得重复申报', {
        years: c.subsidyYears.join(t('、')),
      }),
    });
  return tags;
}
