// The province's 《城镇老旧小区改造计划表》 as the departments read it before they sign: the rows of
// the sign-off version as frozen, with its 校验码, so what they read is what their sign-off names
// (the full view with printing lives under 年度计划).
import { Alert, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { getCandidate } from '../../../api/declarations.ts';
import type { FrozenPlanRow } from '../../../api/plans.ts';
import { useResource } from '../../../api/useResource.ts';
import { t } from '../../../i18n/index.ts';
import { bucketLabels, MEASURES } from '../../../../../common/plan-table.ts';

function columnsFor(cutoffYear: number): TableColumnsType<FrozenPlanRow> {
  const buckets = bucketLabels(cutoffYear);
  return [
    { title: '地级以上城市', dataIndex: 'unit', key: 'unit', width: 110, fixed: 'start' },
    { title: '分类', dataIndex: 'label', key: 'label', width: 140, fixed: 'start' },
    ...MEASURES.map(({ name, unit }, mi) => ({
      title: `${name}（${unit}）`,
      key: name,
      children: buckets.map((b, bi) => ({
        title: b,
        key: `${mi}-${bi}`,
        align: 'end' as const,
        width: 96,
        render: (_: unknown, r: FrozenPlanRow) => String(r.values[mi * 3 + bi] ?? ''),
      })),
    })),
  ];
}

export function PlanTablePreview({ province, year }: { province: string; year: number }) {
  const candidate = useResource(['declaration', province, year, 'candidate'], (signal) =>
    getCandidate(province, year, signal),
  );
  const c = candidate.data;
  const state:
    | { status: 'loading' }
    | { status: 'ready'; rows: FrozenPlanRow[]; cutoffYear: number; version: number; hash: string }
    | { status: 'error'; message: string } = candidate.error
    ? { status: 'error', message: t(candidate.error.message) }
    : !c
      ? { status: 'loading' }
      : c.integrity === 'mismatch'
        ? { status: 'error', message: t('数据校验失败：会签版本的内容与其校验码不符') }
        : {
            status: 'ready',
            rows: c.content.table ?? [],
            cutoffYear: c.cutoffYear,
            version: c.version,
            hash: c.hash,
          };

  if (state.status === 'error') return <Alert type="error" showIcon title={state.message} />;
  return (
    <Flex vertical gap={8}>
      {state.status === 'ready' && (
        <Typography.Text id="signoff-plan-version" type="secondary" data-hash={state.hash}>
          {t('会签版本第 {n} 版，校验码 {hash}…', {
            n: state.version,
            hash: state.hash.slice(0, 16),
          })}
        </Typography.Text>
      )}
      {/* The notice's own form, with its Chinese headers in every language. */}
      <div data-official-form>
        <Table<FrozenPlanRow>
          id="signoff-plan-table"
          rowKey={(r) => `${r.unit}-${r.label}`}
          size="small"
          bordered
          loading={state.status === 'loading'}
          columns={columnsFor(state.status === 'ready' ? state.cutoffYear : 2000)}
          dataSource={state.status === 'ready' ? state.rows : []}
          pagination={false}
          scroll={{ x: 1700, y: 420 }}
        />
      </div>
    </Flex>
  );
}
