// The notice's plan checks (建办城〔2021〕28号 二(四)) for the province, city or county shown:
// each passed or not, with the communities that cause it, each linking to its ledger record.
import { Alert, Card, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { Data, t } from '../../../i18n/index.ts';
import {
  NO_PLAN_DATA,
  type CheckSeverity,
  type PlanCheck,
  type PlanCheckRow,
} from '../../../api/plans.ts';

const SEVERITY: Record<CheckSeverity, { text: string; color: string }> = {
  blocking: { text: '阻断', color: 'red' },
  warning: { text: '警告', color: 'orange' },
  info: { text: '提示', color: 'blue' },
};

const columns = (): TableColumnsType<PlanCheck> => [
  {
    title: t('级别'),
    key: 'severity',
    width: 80,
    render: (_, c) => <Tag color={SEVERITY[c.severity].color}>{t(SEVERITY[c.severity].text)}</Tag>,
  },
  { title: t('检查项'), key: 'title', width: 280, render: (_, c) => t(c.title) },
  {
    title: t('结果'),
    key: 'passed',
    width: 90,
    render: (_, c) =>
      c.passed ? (
        <Tag color="success">{t('通过')}</Tag>
      ) : c.outcome === NO_PLAN_DATA ? (
        <Tag>{t('无数据')}</Tag>
      ) : (
        <Tag color="error">{t('未通过')}</Tag>
      ),
  },
  { title: t('说明'), key: 'message', render: (_, c) => t(c.message) },
];

const rowColumns = (): TableColumnsType<PlanCheckRow> => [
  {
    title: t('小区名称'),
    key: 'name',
    render: (_, r) => (
      <Link to={`/ledger/${r.id}`}>
        <Data>{r.name}</Data>
      </Link>
    ),
  },
  { title: t('区划代码'), dataIndex: 'regionCode', key: 'regionCode', width: 120 },
  { title: t('情况'), key: 'detail', render: (_, r) => t(r.detail) },
];

interface Props {
  checks: PlanCheck[] | null;
  scopeName?: string;
  loading?: boolean;
  error?: string | null;
  /** Why there are no checks to show (the national table). */
  note?: string;
}

export function ChecksPanel({ checks, scopeName, loading, error, note }: Props) {
  const failed = checks?.filter((c) => !c.passed).length ?? 0;
  // No check passes on missing data: a plan without communities says so, not 全部通过.
  const noData = !!checks?.length && checks.every((c) => c.outcome === NO_PLAN_DATA);
  return (
    <Card
      id="plan-checks"
      size="small"
      title={
        scopeName ? (
          <>
            {t('计划检查')} · <Data>{scopeName}</Data>
          </>
        ) : (
          t('计划检查')
        )
      }
      extra={
        checks && checks.length > 0 ? (
          noData ? (
            <Tag id="plan-checks-no-data">{t('本年度尚无计划数据')}</Tag>
          ) : failed === 0 ? (
            <Tag color="success">{t('全部通过')}</Tag>
          ) : (
            <Tag color="error">{t('{n} 项未通过', { n: failed })}</Tag>
          )
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={t(error)} style={{ marginBottom: 12 }} />}
      {note ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={note} />
      ) : (
        <Table<PlanCheck>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns()}
          dataSource={checks ?? []}
          pagination={false}
          rowClassName={(c) => (c.passed ? '' : 'plan-check-failed')}
          expandable={{
            rowExpandable: (c) => c.rows.length > 0,
            expandedRowRender: (c) => (
              <Table<PlanCheckRow>
                rowKey="id"
                size="small"
                columns={rowColumns()}
                dataSource={c.rows}
                pagination={c.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
              />
            ),
          }}
        />
      )}
    </Card>
  );
}
