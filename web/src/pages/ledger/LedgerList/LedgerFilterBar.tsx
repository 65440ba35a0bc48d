// The list's filters: region, plan year, pool, build-year bucket, 类别, exclusion and suspected
// duplicates, and a search over names and addresses. Every change goes to the address.
import { ClearOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { LedgerFilter } from '../../../api/ledgerTypes.ts';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect.tsx';
import { t } from '../../../i18n/index.ts';
import { AREA_CLASS_LABELS, BUCKET_LABELS, POOL_LABELS } from '../ledgerLabels.ts';

interface Props {
  filter: LedgerFilter;
  onChange: (patch: Partial<LedgerFilter>) => void;
  onReset: () => void;
  canReset: boolean;
}

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: t(labels[value]) }));

function yearOptions(current: number | undefined) {
  const last = new Date().getFullYear() + 1;
  const years = new Set<number>();
  for (let y = last; y >= 2019; y -= 1) years.add(y);
  if (current) years.add(current);
  return [...years]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: t('{year}年度', { year: y }) }));
}

export function LedgerFilterBar({ filter, onChange, onReset, canReset }: Props) {
  // The search box holds what is typed until 搜索 or Enter; a reset or a link empties it.
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

  return (
    <Flex wrap gap={8} align="center" role="search" aria-label={t('筛选台账')}>
      <Input.Search
        id="ledger-search"
        aria-label={t('按小区名称或地址搜索')}
        placeholder={t('小区名称或地址')}
        allowClear
        enterButton={t('搜索')}
        maxLength={50}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 280 }}
      />
      <RegionTreeSelect
        id="ledger-filter-region"
        aria-label={t('区划')}
        placeholder={t('区划（全部）')}
        allowClear
        value={filter.region}
        onChange={(region) => onChange({ region })}
        style={{ width: 220 }}
      />
      <Select<number>
        id="ledger-filter-year"
        aria-label={t('计划年度')}
        placeholder={t('计划年度')}
        allowClear
        value={filter.planYear}
        options={yearOptions(filter.planYear)}
        onChange={(planYear) => onChange({ planYear })}
        style={{ width: 120 }}
      />
      <Select
        id="ledger-filter-pool"
        aria-label={t('项目库')}
        placeholder={t('项目库')}
        allowClear
        value={filter.pool}
        options={(Object.keys(POOL_LABELS) as (keyof typeof POOL_LABELS)[]).map((value) => ({
          value,
          label: t('{pool}库', { pool: t(POOL_LABELS[value]) }),
        }))}
        onChange={(pool) => onChange({ pool })}
        style={{ width: 110 }}
      />
      <Select
        id="ledger-filter-bucket"
        aria-label={t('建成年代')}
        placeholder={t('建成年代')}
        allowClear
        value={filter.bucket}
        options={options(BUCKET_LABELS)}
        onChange={(bucket) => onChange({ bucket })}
        style={{ width: 150 }}
      />
      <Select
        id="ledger-filter-area-class"
        aria-label={t('类别')}
        placeholder={t('类别')}
        allowClear
        value={filter.areaClass}
        options={options(AREA_CLASS_LABELS)}
        onChange={(areaClass) => onChange({ areaClass })}
        style={{ width: 140 }}
      />
      <Select<'true' | 'false'>
        id="ledger-filter-excluded"
        aria-label={t('拟征收或拆除新建')}
        placeholder={t('拟征收/拆除')}
        allowClear
        value={filter.excluded === undefined ? undefined : filter.excluded ? 'true' : 'false'}
        options={[
          { value: 'true', label: t('拟征收/拆除：是') },
          { value: 'false', label: t('拟征收/拆除：否') },
        ]}
        onChange={(v) => onChange({ excluded: v === undefined ? undefined : v === 'true' })}
        style={{ width: 150 }}
      />
      <Checkbox
        id="ledger-filter-suspected"
        checked={filter.suspected === true}
        onChange={(e) => onChange({ suspected: e.target.checked || undefined })}
      >
        {t('只看疑似重复')}
      </Checkbox>
      <Button
        id="ledger-filter-reset"
        icon={<ClearOutlined />}
        disabled={!canReset}
        onClick={onReset}
      >
        {t('清空筛选')}
      </Button>
    </Flex>
  );
}
