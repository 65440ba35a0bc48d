// The rows of a checked file that are wrong (or only worth a look): line, column, value, problem.
import { Table, Typography } from 'antd';
import type { ImportRowProblem } from '../../../api/ledgerTypes.ts';

interface Props {
  id: string;
  problems: readonly ImportRowProblem[];
  /** The total the server counted, which may exceed the rows it listed. */
  count: number;
  kind: 'error' | 'warning';
}

export function ProblemsTable({ id, problems, count, kind }: Props) {
  return (
    <>
      <Table<ImportRowProblem>
        id={id}
        size="small"
        bordered
        rowKey={(p) => `${p.line}:${p.column}:${p.message}`}
        dataSource={[...problems]}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '行号', dataIndex: 'line', width: 80, align: 'right' },
          { title: '列', dataIndex: 'column', width: 200 },
          {
            title: '值',
            dataIndex: 'value',
            width: 200,
            render: (v: string) =>
              v ? v : <Typography.Text type="secondary">（空）</Typography.Text>,
          },
          {
            title: kind === 'error' ? '问题' : '提示',
            dataIndex: 'message',
            render: (m: string) =>
              kind === 'error' ? <Typography.Text type="danger">{m}</Typography.Text> : m,
          },
        ]}
      />
      {count > problems.length && (
        <Typography.Text type="secondary">
          共 {count} 处，此处列出前 {problems.length} 处。
        </Typography.Text>
      )}
    </>
  );
}
