// The notice's plan checks (建办城〔2021〕28号 二(四)) for the province, city or county shown:
// each passed or not, with the communities that cause it, each linking to its ledger record.
import { Alert, Card, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
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

const columns: TableColumnsType<PlanCheck> = [
  {
    title: '级别',
    key: 'severity',
    width: 80,
    render: (_, c) => <Tag color={SEVERITY[c.severity].color}>{SEVERITY[c.severity].text}</Tag>,
  },
  { title: '检查项', dataIndex: 'title', key: 'title', width: 280 },
  {
    title: '结果',
    key: 'passed',
    width: 90,
    render: (_, c) =>
      c.passed ? (
        <Tag color="success">通过</Tag>
      ) : c.outcome === NO_PLAN_DATA ? (
        <Tag>无数据</Tag>
      ) : (
        <Tag color="error">未通过</Tag>
      ),
  },
  { title: '说明', dataIndex: 'message', key: 'message' },
];

const rowColumns: TableColumnsType<PlanCheckRow> = [
  {
    title: '小区名称',
    key: 'name',
    render: (_, r) => <Link to={`/ledger/${r.id}`}>{r.name}</Link>,
  },
  { title: '区划代码', dataIndex: 'regionCode', key: 'regionCode', width: 120 },
  { title: '情况', dataIndex: 'detail', key: 'detail' },
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
      title={scopeName ? `计划检查 · ${scopeName}` : '计划检查'}
      extra={
        checks && checks.length > 0 ? (
          noData ? (
            <Tag id="plan-checks-no-data">本年度尚无计划数据</Tag>
          ) : failed === 0 ? (
            <Tag color="success">全部通过</Tag>
          ) : (
            <Tag color="error">{failed} 项未通过</Tag>
          )
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {note ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={note} />
      ) : (
        <Table<PlanCheck>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={checks ?? []}
          pagination={false}
          rowClassName={(c) => (c.passed ? '' : 'plan-check-failed')}
          expandable={{
            rowExpandable: (c) => c.rows.length > 0,
            expandedRowRender: (c) => (
              <Table<PlanCheckRow>
                rowKey="id"
                size="small"
                columns={rowColumns}
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
