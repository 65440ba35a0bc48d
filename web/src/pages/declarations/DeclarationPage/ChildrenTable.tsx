// The reviewer's inbox: the declarations of the level below, each linking to its page, with its
// plan communities and its deadline; the reviewer (a city for its counties, a province for its
// cities) sets each unit's internal deadline here.
import { CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Popover, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ChildDeclaration } from '../../../api/declarations.ts';
import { formatDateTime, formatInteger } from '../../../components/format.ts';
import { countdownOf, declarationPath, STATE_COLORS } from '../declarationLabels.ts';
import { DeadlineEditor } from './ReviewerActions.tsx';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { serverText, tNode } from '../serverText.tsx';
import { DEADLINE_NOTE } from './DeclarationSummary.tsx';

interface Props {
  items: ChildDeclaration[];
  year: number;
  /** Given when the viewer reviews these units: the latest deadline it may give (its own). */
  deadlines?: { max: string; onDone: () => Promise<void> };
}

function DeadlineCell({ c }: { c: ChildDeclaration }) {
  const done = c.state === 'submitted' || c.state === 'accepted';
  const countdown = countdownOf(c.daysLeft);
  return (
    <span
      className="child-deadline"
      data-deadline={c.deadline}
      data-internal={c.internalDeadline ?? ''}
      data-capped={c.deadlineCapped}
    >
      {c.deadline}{' '}
      {c.deadlineNote ? (
        // Its own internal deadline is later than this unit's, which holds: say so, not 内部.
        <Tooltip title={serverText(c.deadlineNote, DEADLINE_NOTE)}>
          <Tag color="orange" className="child-deadline-capped">
            {t('受上级截止日期限制')}
          </Tag>
        </Tooltip>
      ) : (
        c.internalDeadline && <Tag color="blue">{t('内部')}</Tag>
      )}
      {!done && <Tag color={countdown.color}>{countdown.text}</Tag>}
    </span>
  );
}

export function ChildrenTable({ items, year, deadlines }: Props) {
  const waiting = items.filter((c) => c.state === 'submitted').length;
  const columns: TableColumnsType<ChildDeclaration> = [
    {
      title: t('单位'),
      key: 'name',
      ...dataCell,
      render: (_, c) => <Link to={declarationPath(c.code, year)}>{c.name}</Link>,
    },
    { title: t('区划代码'), dataIndex: 'code', key: 'code', width: 100 },
    {
      title: t('计划小区'),
      key: 'communities',
      width: 90,
      align: 'right',
      render: (_, c) => formatInteger(c.communities),
    },
    {
      title: t('状态'),
      key: 'state',
      width: 100,
      render: (_, c) => (
        <Tag data-state={c.state} color={STATE_COLORS[c.state]}>
          {t(c.stateLabel)}
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
      title: t('上报时间'),
      key: 'submittedAt',
      width: 170,
      render: (_, c) => formatDateTime(c.submittedAt),
    },
    {
      title: t('截止日期'),
      key: 'deadline',
      width: 230,
      render: (_, c) => <DeadlineCell c={c} />,
    },
    {
      title: t('操作'),
      key: 'open',
      width: deadlines ? 190 : 80,
      render: (_, c) => (
        <>
          <Link to={declarationPath(c.code, year)}>
            {c.state === 'submitted' ? t('审核') : t('查看')}
          </Link>
          {deadlines && (
            <Popover
              trigger="click"
              title={tNode('{unit}的内部截止日期', { unit: <Data>{c.name}</Data> })}
              content={
                <DeadlineEditor
                  unit={{ code: c.code, name: c.name }}
                  year={year}
                  internal={c.internalDeadline}
                  max={deadlines.max}
                  onDone={deadlines.onDone}
                  idSuffix={`-${c.code}`}
                />
              }
            >
              <Button
                id={`child-deadline-${c.code}`}
                type="link"
                size="small"
                icon={<CalendarOutlined />}
              >
                {t('截止日期')}
              </Button>
            </Popover>
          )}
        </>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('下级上报情况')}
      extra={waiting ? <Tag color="processing">{t('{n} 个待审核', { n: waiting })}</Tag> : null}
    >
      {deadlines && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('可为下级单位设置早于本级截止日期（{date}）的内部截止日期；未设置的按本级截止日期。', {
            date: deadlines.max,
          })}
        </Typography.Paragraph>
      )}
      <Table<ChildDeclaration>
        id="children-table"
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 960 }}
      />
    </Card>
  );
}
