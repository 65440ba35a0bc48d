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
        <Tooltip title={c.deadlineNote}>
          <Tag color="orange" className="child-deadline-capped">
            受上级截止日期限制
          </Tag>
        </Tooltip>
      ) : (
        c.internalDeadline && <Tag color="blue">内部</Tag>
      )}
      {!done && <Tag color={countdown.color}>{countdown.text}</Tag>}
    </span>
  );
}

export function ChildrenTable({ items, year, deadlines }: Props) {
  const waiting = items.filter((c) => c.state === 'submitted').length;
  const columns: TableColumnsType<ChildDeclaration> = [
    {
      title: '单位',
      key: 'name',
      render: (_, c) => <Link to={declarationPath(c.code, year)}>{c.name}</Link>,
    },
    { title: '区划代码', dataIndex: 'code', key: 'code', width: 100 },
    {
      title: '计划小区',
      key: 'communities',
      width: 90,
      align: 'right',
      render: (_, c) => formatInteger(c.communities),
    },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_, c) => (
        <Tag data-state={c.state} color={STATE_COLORS[c.state]}>
          {c.stateLabel}
        </Tag>
      ),
    },
    {
      title: '版本',
      key: 'version',
      width: 80,
      render: (_, c) => (c.version ? `第 ${c.version} 版` : '—'),
    },
    {
      title: '上报时间',
      key: 'submittedAt',
      width: 170,
      render: (_, c) => formatDateTime(c.submittedAt),
    },
    {
      title: '截止日期',
      key: 'deadline',
      width: 230,
      render: (_, c) => <DeadlineCell c={c} />,
    },
    {
      title: '操作',
      key: 'open',
      width: deadlines ? 190 : 80,
      render: (_, c) => (
        <>
          <Link to={declarationPath(c.code, year)}>
            {c.state === 'submitted' ? '审核' : '查看'}
          </Link>
          {deadlines && (
            <Popover
              trigger="click"
              title={`${c.name}的内部截止日期`}
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
                截止日期
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
      title="下级上报情况"
      extra={waiting ? <Tag color="processing">{waiting} 个待审核</Tag> : null}
    >
      {deadlines && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          可为下级单位设置早于本级截止日期（{deadlines.max}
          ）的内部截止日期；未设置的按本级截止日期。
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
