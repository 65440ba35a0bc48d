// 报送情况: for a month, who below this unit has reported — on time, late, not yet, overdue — with
// the counts, a link to each unit's reports, and 催报 (a notice to the overdue ones) for the level
// above. Self-contained (it loads its own data), so the home dashboard can embed it as it is.
import { BellOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import {
  getCompleteness,
  remindLate,
  type CompletenessItem,
  type ReportStatus,
} from '../../api/monthlyReports.ts';
import { useLoaded } from '../../api/useResource.ts';
import { formatDateTime } from '../../components/format.ts';
import { Data, periodText, t } from '../../i18n/index.ts';
import { markData } from '../progress/withData.tsx';
import { reportsPath, STATUS_COLORS } from './reportLabels.ts';

export interface CompletenessPanelProps {
  /** the unit whose units below are listed: a province's cities, a city's counties, the country's provinces */
  unit: string;
  year: number;
  /** YYYY-MM */
  period: string;
  /** a card title other than the default */
  title?: string;
}

const statusFilters = (): { text: string; value: ReportStatus }[] => [
  { text: t('按时上报'), value: 'on_time' },
  { text: t('逾期上报'), value: 'late' },
  { text: t('尚未上报'), value: 'pending' },
  { text: t('逾期未报'), value: 'overdue' },
];

export function CompletenessPanel({ unit, year, period, title }: CompletenessPanelProps) {
  const { message } = App.useApp();
  // Loading again (the refresh button, a submission) shows the placeholders, not the old counts.
  const load = useLoaded(['monthly-reports', unit, year, period, 'completeness'], (signal) =>
    getCompleteness(unit, year, period, signal),
  );
  const [reminding, setReminding] = useState(false);
  const reload = () => void load.reload();

  async function remind() {
    setReminding(true);
    try {
      const { notified } = await remindLate(unit, year, period);
      if (notified.length)
        void message.success(
          markData(
            t('已向 {units} 发送催报通知', { units: notified.map((n) => n.name).join(t('、')) }),
            notified.map((n) => n.name),
          ),
        );
      else void message.info(t('逾期单位今天已催报过，没有再发送通知'));
    } catch (e) {
      void message.error(t(errorMessage(e)));
    } finally {
      setReminding(false);
    }
  }

  const data = load.status === 'ready' ? load.data : null;
  const counts = data?.counts;
  const columns: TableColumnsType<CompletenessItem> = [
    {
      title: t('单位'),
      key: 'name',
      render: (_, c) => (
        <Link to={reportsPath({ unit: c.code, year, period })}>
          <Data>{c.name}</Data>
        </Link>
      ),
    },
    { title: t('区划代码'), dataIndex: 'code', key: 'code', width: 100 },
    {
      title: t('状态'),
      key: 'status',
      width: 110,
      filters: statusFilters(),
      onFilter: (value, c) => c.status === value,
      render: (_, c) => (
        <Tag data-status={c.status} color={STATUS_COLORS[c.status]}>
          {t(c.statusLabel)}
        </Tag>
      ),
    },
    {
      title: t('版本'),
      key: 'version',
      width: 80,
      render: (_, c) => (c.version ? t('第 {n} 版', { n: c.version }) : '—'),
    },
    {
      title: t('首次上报'),
      key: 'first',
      width: 170,
      render: (_, c) => formatDateTime(c.firstSubmittedAt),
    },
    {
      title: t('最近上报'),
      key: 'last',
      width: 170,
      render: (_, c) => (c.version > 1 ? formatDateTime(c.submittedAt) : '—'),
    },
    { title: t('截止日期'), dataIndex: 'dueDate', key: 'dueDate', width: 110 },
  ];

  return (
    <Card
      id="completeness-panel"
      size="small"
      title={title ?? t('{period}月报报送情况', { period: periodText(period) })}
      extra={
        <Flex gap={8}>
          {data?.canRemind && (
            <Button
              id="completeness-remind"
              size="small"
              icon={<BellOutlined />}
              loading={reminding}
              disabled={!counts?.overdue}
              onClick={() => void remind()}
            >
              {counts?.overdue
                ? t('催报逾期单位（{n}）', { n: counts.overdue })
                : t('催报逾期单位')}
            </Button>
          )}
          <Button size="small" icon={<ReloadOutlined />} onClick={reload} aria-label={t('刷新')} />
        </Flex>
      }
    >
      {load.status === 'error' && <Alert type="warning" showIcon title={t(load.message)} />}
      {load.status !== 'error' && (
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]} id="completeness-counts">
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('应报单位')} value={counts?.total ?? '—'} loading={!data} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={t('已上报')}
                value={counts?.reported ?? '—'}
                loading={!data}
                suffix={counts ? `/ ${counts.total}` : undefined}
              />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('按时上报')} value={counts?.onTime ?? '—'} loading={!data} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('逾期上报')} value={counts?.late ?? '—'} loading={!data} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('尚未上报')} value={counts?.pending ?? '—'} loading={!data} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={t('逾期未报')}
                value={counts?.overdue ?? '—'}
                loading={!data}
                styles={counts?.overdue ? { content: { color: '#cf1322' } } : undefined}
              />
            </Col>
          </Row>
          {data && data.items.length === 0 ? (
            <Empty description={t('本单位没有下级报送单位')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table<CompletenessItem>
              id="completeness-table"
              rowKey="code"
              size="small"
              loading={!data}
              columns={columns}
              dataSource={data?.items ?? []}
              pagination={(data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 760 }}
            />
          )}
          {data && data.withoutPlan.length > 0 && (
            <Typography.Text type="secondary" id="completeness-without-plan">
              {t('本年度计划中没有小区、无需上报：')}
              {markData(
                data.withoutPlan.map((u) => u.name).join(t('、')),
                data.withoutPlan.map((u) => u.name),
              )}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
