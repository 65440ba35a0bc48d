// /declarations/overview?year= — 各省上报: for the ministries, every province's declaration against
// the deadline (建办城〔2021〕28号 三(四)：于截止日期前分别报住房和城乡建设部、国家发展改革委、财政部),
// each linking to its page, with the province's plan table as xlsx.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useResource } from '../../../api/useResource.ts';
import {
  getOverview,
  type Overview,
  type OverviewItem,
  type ProvinceProgress,
} from '../../../api/declarationsOverview.ts';
import { planTableUrl } from '../../../api/plans.ts';
import { formatDateTime } from '../../../components/format.ts';
import { useDeclaringYear } from '../../plans/usePlanData.ts';
import { dataCell, t } from '../../../i18n/index.ts';
import { declarationPath, PROGRESS_COLORS } from '../declarationLabels.ts';

/** In the order the server lists them (RECIPIENT_ROLES in signoff-roles.ts). */
const RECEIPT_COLUMNS = [
  { role: 'ministry', title: '住建部签收' },
  { role: 'ndrc_national', title: '发改委签收' },
  { role: 'mof', title: '财政部签收' },
] as const;

const PROGRESS_ORDER: ProvinceProgress[] = [
  'submitted_on_time',
  'late',
  'returned',
  'revising',
  'in_progress',
  'not_started',
];

function yearOf(param: string | null, declaring: number): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : declaring;
}

function columns(
  year: number,
  counts: { progress: ProvinceProgress; label: string }[],
): TableColumnsType<OverviewItem> {
  return [
    {
      title: t('省（区、市）'),
      key: 'name',
      ...dataCell,
      render: (_, p) => <Link to={declarationPath(p.code, year)}>{p.name}</Link>,
    },
    {
      title: t('上报情况'),
      key: 'progress',
      width: 120,
      filters: counts.map((c) => ({ text: t(c.label), value: c.progress })),
      onFilter: (value, p) => p.progress === value,
      render: (_, p) => (
        <Tag data-progress={p.progress} color={PROGRESS_COLORS[p.progress]}>
          {t(p.progressLabel)}
        </Tag>
      ),
    },
    { title: t('申报状态'), key: 'state', width: 100, render: (_, p) => t(p.stateLabel) },
    {
      title: t('版本'),
      key: 'version',
      width: 80,
      render: (_, p) => (p.version ? t('第 {n} 版', { n: p.version }) : '—'),
    },
    {
      title: t('上报时间'),
      key: 'submittedAt',
      width: 180,
      render: (_, p) => formatDateTime(p.submittedAt),
    },
    { title: t('截止日期'), dataIndex: 'deadline', key: 'deadline', width: 120 },
    // 签收: who of the three national departments has received the latest submitted version.
    ...RECEIPT_COLUMNS.map((c, i) => ({
      title: t(c.title),
      key: `receipt-${c.role}`,
      width: 150,
      render: (_: unknown, p: OverviewItem) => {
        const r = p.receipts[i];
        return r?.at ? (
          <span className="overview-receipt" data-role={c.role} data-received="yes">
            {formatDateTime(r.at)}
          </span>
        ) : (
          <Typography.Text type="secondary" className="overview-receipt" data-role={c.role}>
            {p.version ? t('未签收') : '—'}
          </Typography.Text>
        );
      },
    })),
    {
      title: t('计划表'),
      key: 'xlsx',
      width: 120,
      // The latest submitted version as it was frozen (with its 校验码); before any, the working
      // table, which says 工作底稿（未冻结） on the form.
      render: (_, p) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={planTableUrl(p.code, year, 'xlsx', p.version ? { version: String(p.version) } : {})}
          className="overview-xlsx"
          data-code={p.code}
          title={p.version ? t('第 {n} 版', { n: p.version }) : t('工作底稿（未冻结）')}
        >
          {p.version ? t('第 {n} 版', { n: p.version }) : 'xlsx'}
        </Button>
      ),
    },
  ];
}

/** Opens on the year being declared (GET /api/plan-year) unless the address names one. */
export function OverviewPage() {
  const declaring = useDeclaringYear();
  if (declaring === undefined) return <Spin />;
  return <OverviewOfYear declaring={declaring} />;
}

function OverviewOfYear({ declaring }: { declaring: number }) {
  const [params, setParams] = useSearchParams();
  const year = yearOf(params.get('year'), declaring);
  const loaded = useResource(['declarations', 'overview', year], (signal) =>
    getOverview(year, signal),
  );
  const state:
    | { status: 'loading' }
    | { status: 'ready'; overview: Overview }
    | { status: 'error'; message: string } = loaded.error
    ? { status: 'error', message: t(loaded.error.message) }
    : loaded.data
      ? { status: 'ready', overview: loaded.data }
      : { status: 'loading' };

  const overview = state.status === 'ready' ? state.overview : undefined;
  const items = useMemo(() => overview?.items ?? [], [overview]);
  const counts = useMemo(() => {
    const c = new Map<ProvinceProgress, { label: string; n: number }>();
    for (const i of items)
      c.set(i.progress, { label: i.progressLabel, n: (c.get(i.progress)?.n ?? 0) + 1 });
    return PROGRESS_ORDER.flatMap((p) => {
      const v = c.get(p);
      return v ? [{ progress: p, ...v }] : [];
    });
  }, [items]);
  const years = Array.from({ length: 7 }, (_, i) => declaring - 5 + i);

  return (
    <Card
      title={t('各省{year}年度改造计划上报情况', { year })}
      extra={
        <Flex gap={8} align="center">
          <label htmlFor="overview-year">{t('计划年度')}</label>
          <Select
            id="overview-year"
            value={year}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('{year}年', { year: y }) }))}
            onChange={(y) => setParams({ year: String(y) })}
          />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={8} wrap id="overview-counts">
          {counts.map((c) => (
            <Tag key={c.progress} color={PROGRESS_COLORS[c.progress]}>
              {t(c.label)} {c.n}
            </Tag>
          ))}
          {/* The ministries' own date (the plan year's); each province's is in its row. */}
          {overview && (
            <Typography.Text
              type="secondary"
              id="overview-deadline"
              data-deadline={overview.deadline}
            >
              {t('报送截止日期：{date}', { date: overview.deadline })}
            </Typography.Text>
          )}
        </Flex>
        {state.status === 'error' && <Alert type="error" showIcon title={state.message} />}
        <Table<OverviewItem>
          id="overview-table"
          rowKey="code"
          size="middle"
          loading={state.status === 'loading'}
          columns={columns(year, counts)}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1350 }}
        />
      </Flex>
    </Card>
  );
}
