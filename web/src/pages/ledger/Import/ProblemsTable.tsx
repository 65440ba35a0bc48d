// The rows of a checked file that are wrong (or only worth a look): line, column, value, problem.
import { Table, Typography } from 'antd';
import type { ImportRowProblem } from '../../../api/ledgerTypes.ts';
import { Data, t } from '../../../i18n/index.ts';
import { columnName, tServer } from '../tData.tsx';

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
          { title: t('行号'), dataIndex: 'line', width: 80, align: 'right' },
          {
            title: t('列'),
            dataIndex: 'column',
            width: 200,
            render: (c: string) => columnName(c),
          },
          {
            title: t('值'),
            dataIndex: 'value',
            width: 200,
            render: (v: string) =>
              v ? (
                <Data>{v}</Data>
              ) : (
                <Typography.Text type="secondary">{t('（空）')}</Typography.Text>
              ),
          },
          {
            title: kind === 'error' ? t('问题') : t('提示'),
            dataIndex: 'message',
            render: (m: string) =>
              kind === 'error' ? (
                <Typography.Text type="danger">{tServer(m)}</Typography.Text>
              ) : (
                tServer(m)
              ),
          },
        ]}
      />
      {count > problems.length && (
        <Typography.Text type="secondary">
          {t('共 {count} 处，此处列出前 {listed} 处。', { count, listed: problems.length })}
        </Typography.Text>
      )}
    </>
  );
}
