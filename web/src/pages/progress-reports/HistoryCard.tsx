// 上报记录: every version a unit submitted for the plan year, newest first, each with its hash and
// whether it came in time; any version opens exactly as it was frozen.
import { IntegrityAlert, type Integrity } from '../../components/IntegrityAlert.tsx';
import { Alert, Button, Card, Modal, Spin, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  getReportHistory,
  getReportVersion,
  type ReportContent,
  type ReportHistory,
  type ReportSummary,
} from '../../api/monthlyReports.ts';
import { useResource } from '../../api/useResource.ts';
import { formatDateTime } from '../../components/format.ts';
import { HashText } from '../declarations/DeclarationPage/HashText.tsx';
import { FrozenContent } from './FrozenContent.tsx';
import { STATUS_COLORS } from './reportLabels.ts';
import { Data, periodText, t } from '../../i18n/index.ts';
import { personName } from '../../components/people.tsx';

type Entry = ReportHistory['reports'][number];

function VersionModal({
  unit,
  unitName,
  year,
  entry,
  onClose,
}: {
  unit: string;
  unitName?: string;
  year: number;
  entry: Entry | null;
  onClose: () => void;
}) {
  const loaded = useResource(
    entry ? ['monthly-reports', unit, year, entry.period, 'version', entry.version] : null,
    // getReportVersion takes no signal (api/monthlyReports.ts): an old entry's answer is dropped.
    async () => {
      const { content, integrity, ...summary } = await getReportVersion(
        unit,
        year,
        entry!.period,
        entry!.version,
      );
      return { content, summary, integrity };
    },
  );
  const state:
    | { content: ReportContent; summary: ReportSummary; integrity?: Integrity }
    | { error: string }
    | null = loaded.error ? { error: loaded.error.message } : (loaded.data ?? null);
  return (
    <Modal
      open={entry !== null}
      onCancel={onClose}
      footer={null}
      width={1100}
      title={
        entry &&
        t('{period}月报 第 {n} 版（已冻结）', {
          period: periodText(entry.period),
          n: entry.version,
        })
      }
      destroyOnHidden
    >
      {!state && <Spin style={{ display: 'block', margin: 24 }} />}
      {state && 'error' in state && <Alert type="warning" showIcon title={t(state.error)} />}
      {state && 'content' in state && (
        <>
          <IntegrityAlert integrity={state.integrity} />
          <p>
            <Data>{state.summary.submittedBy}</Data>{' '}
            {t('于 {time} 上报，校验码', { time: formatDateTime(state.summary.submittedAt) })}{' '}
            <HashText hash={state.summary.hash} />
          </p>
          <FrozenContent content={state.content} unitName={unitName} />
        </>
      )}
    </Modal>
  );
}

export function HistoryCard({ unit, year }: { unit: string; year: number }) {
  // Loaded again after a submission (invalidate, ReportsPage), the table loading meanwhile.
  const loaded = useResource(['monthly-reports', unit, year, 'history'], (signal) =>
    getReportHistory(unit, year, signal),
  );
  const history: ReportHistory | { error: string } | null = loaded.loading
    ? null
    : loaded.error
      ? { error: loaded.error.message }
      : (loaded.data ?? null);
  const [open, setOpen] = useState<Entry | null>(null);

  const people = history && 'people' in history ? history.people : {};
  const columns: TableColumnsType<Entry> = [
    { title: t('报告期'), key: 'period', width: 110, render: (_, r) => periodText(r.period) },
    {
      title: t('版本'),
      key: 'version',
      width: 80,
      render: (_, r) => t('第 {n} 版', { n: r.version }),
    },
    {
      title: t('上报人'),
      key: 'by',
      width: 200,
      render: (_, r) => <Data>{personName(people, r.submittedBy)}</Data>,
    },
    {
      title: t('上报时间'),
      key: 'at',
      width: 170,
      render: (_, r) => formatDateTime(r.submittedAt),
    },
    { title: t('截止日期'), dataIndex: 'dueDate', key: 'due', width: 110 },
    {
      title: t('报送状态'),
      key: 'status',
      width: 110,
      render: (_, r) => (
        <Tag data-status={r.status} color={STATUS_COLORS[r.status]}>
          {t(r.statusLabel)}
        </Tag>
      ),
    },
    { title: t('校验码'), key: 'hash', width: 180, render: (_, r) => <HashText hash={r.hash} /> },
    {
      title: t('操作'),
      key: 'open',
      width: 80,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpen(r)}>
          {t('查看')}
        </Button>
      ),
    },
  ];

  const title =
    history && 'unit' in history ? (
      <>
        <Data>{history.unit.name}</Data>
        {t('{year}年度月报上报记录（截止日：次月 {day} 日）', { year, day: history.dueDay })}
      </>
    ) : (
      t('{year}年度月报上报记录', { year })
    );
  return (
    <Card id="report-history" size="small" title={title}>
      {history && 'error' in history ? (
        <Alert type="warning" showIcon title={t(history.error)} />
      ) : (
        <Table<Entry>
          rowKey={(r) => `${r.period}/${r.version}`}
          size="small"
          loading={!history}
          columns={columns}
          dataSource={history?.reports ?? []}
          pagination={(history?.reports.length ?? 0) > 12 ? { pageSize: 12 } : false}
          locale={{ emptyText: t('本计划年度尚未上报月报') }}
          scroll={{ x: 950 }}
        />
      )}
      <VersionModal
        unit={unit}
        unitName={history && 'unit' in history ? history.unit.name : undefined}
        year={year}
        entry={open}
        onClose={() => setOpen(null)}
      />
    </Card>
  );
}
