// 目标与累计进度: the five-year completion target, each year's start target against the plan and
// what started and completed, and the running sums, as a chart and a table.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { FiveYearView, FiveYearYear } from '../../api/fiveYear.ts';
import { formatInteger } from '../../components/format.ts';
import { Data, t } from '../../i18n/index.ts';
import { Chart } from './Chart.tsx';
import { cumulativeOption } from './chartOptions.ts';
import { TargetFormModal, type TargetEdit } from './TargetFormModal.tsx';

export const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : formatInteger(n);
/** A short header kept on one line: 'Communities' must not break inside the word. */
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

export const pct = (p: number | null): string => (p === null ? '—' : `${p.toFixed(1)}%`);

function columns(
  canEdit: boolean,
  onEdit: (y: FiveYearYear) => void,
): TableColumnsType<FiveYearYear> {
  return [
    { title: t('年度'), dataIndex: 'year', key: 'year', width: 80, fixed: 'left' },
    {
      title: t('新开工目标'),
      children: [
        {
          title: nowrap(t('小区（个）')),
          key: 'tc',
          align: 'right',
          render: (_, y) => num(y.target?.communities),
        },
        {
          title: nowrap(t('户数（户）')),
          key: 'th',
          align: 'right',
          render: (_, y) => num(y.target?.households),
        },
      ],
    },
    {
      title: t('当年计划'),
      children: [
        {
          title: nowrap(t('小区')),
          key: 'pc',
          align: 'right',
          render: (_, y) => num(y.plan.communities),
        },
        {
          title: nowrap(t('户数')),
          key: 'ph',
          align: 'right',
          render: (_, y) => num(y.plan.households),
        },
      ],
    },
    {
      title: t('已开工'),
      children: [
        {
          title: nowrap(t('小区')),
          key: 'sc',
          align: 'right',
          render: (_, y) => num(y.started.communities),
        },
        {
          title: nowrap(t('户数')),
          key: 'sh',
          align: 'right',
          render: (_, y) => num(y.started.households),
        },
        {
          title: t('对目标'),
          key: 'sr',
          align: 'right',
          render: (_, y) => pct(y.startRatePercent),
        },
      ],
    },
    {
      title: t('已完工'),
      children: [
        {
          title: nowrap(t('小区')),
          key: 'cc',
          align: 'right',
          render: (_, y) => num(y.completed.communities),
        },
        {
          title: t('其中2000年底前建成'),
          key: 'cb',
          align: 'right',
          render: (_, y) => num(y.completed.before2000),
        },
      ],
    },
    {
      title: t('累计'),
      children: [
        {
          title: t('目标'),
          key: 'kt',
          align: 'right',
          render: (_, y) => num(y.cumulative.target),
        },
        {
          title: t('开工'),
          key: 'ks',
          align: 'right',
          render: (_, y) => num(y.cumulative.started),
        },
        {
          title: t('完工'),
          key: 'kc',
          align: 'right',
          render: (_, y) => num(y.cumulative.completed),
        },
      ],
    },
    {
      title: t('目标依据'),
      key: 'source',
      ellipsis: { showTitle: false },
      render: (_, y) =>
        y.target ? (
          <Tooltip title={y.target.source ? <Data>{y.target.source}</Data> : t('未填写')}>
            {y.target.source ? <Data>{y.target.source}</Data> : <Tag>{t('未填写')}</Tag>}
          </Tooltip>
        ) : (
          <Tag>{t('未设目标')}</Tag>
        ),
    },
    ...(canEdit
      ? [
          {
            title: t('操作'),
            key: 'edit',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, y: FiveYearYear) => (
              <Button
                id={`five-year-target-${y.year}`}
                type="link"
                size="small"
                onClick={() => onEdit(y)}
              >
                {y.target ? t('修改') : t('设置')}
              </Button>
            ),
          },
        ]
      : []),
  ];
}

export function ProgressSection({ view, onSaved }: { view: FiveYearView; onSaved: () => void }) {
  const [editing, setEditing] = useState<TargetEdit | null>(null);
  const c = view.completion;
  const region = { code: view.scope.code, name: view.scope.name };
  return (
    <Card
      title={t('目标与累计进度')}
      extra={
        view.canEditTargets && (
          <Button
            id="five-year-completion-edit"
            icon={<EditOutlined />}
            onClick={() => setEditing({ kind: 'completion', region, current: c.target })}
          >
            {t('十四五完成目标')}
          </Button>
        )
      }
    >
      {!view.hasTargets && (
        <Tag style={{ marginBottom: 16 }}>
          {t('区县级单位不单独设置十四五目标，下表只列台账中的计划与进展')}
        </Tag>
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic
            title={
              <Tooltip title={c.target?.source && <Data>{c.target.source}</Data>}>
                <span>{t('十四五完成目标（2000年底前建成，个）')}</span>
              </Tooltip>
            }
            value={c.target ? formatInteger(c.target.communities) : t('未设')}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('已完工（2000年底前建成，个）')}
            value={formatInteger(c.completedBefore2000)}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('完成比例')} value={pct(c.percent)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('尚差（个）')} value={num(c.gap)} />
        </Col>
      </Row>
      <Chart
        id="five-year-cumulative-chart"
        label={t('2021—2025年目标与累计进度')}
        describedBy="five-year-years"
        option={cumulativeOption(view)}
      />
      <Table<FiveYearYear>
        id="five-year-years"
        rowKey="year"
        size="small"
        bordered
        pagination={false}
        columns={columns(view.canEditTargets, (y) =>
          setEditing({ kind: 'start', region, year: y.year, current: y.target }),
        )}
        dataSource={view.years}
        scroll={{ x: 1300 }}
        style={{ marginTop: 16 }}
      />
      <Typography.Paragraph id="five-year-plan-basis" type="secondary" style={{ marginTop: 8 }}>
        {t(
          '当年计划取自台账的工作底稿（未冻结），与各年上报、接收的计划版本可能不同；上报的版本见“年度计划”。',
        )}
      </Typography.Paragraph>
      <TargetFormModal
        edit={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onSaved();
        }}
      />
    </Card>
  );
}
