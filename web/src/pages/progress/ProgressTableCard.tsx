// The progress table of the spec (全国/全省城镇老旧小区改造进展情况) for the country or a province,
// as the server computes it, with its csv and xlsx downloads.
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Typography, Button, Card, Space, Table } from 'antd';
import { progressTableUrl } from '../../api/progress.ts';
import { formatCell } from '../../components/format.ts';
import { Data, t } from '../../i18n/index.ts';
import { useProgressTable } from './useProgress.ts';
import { markData, serverText } from './withData.tsx';

export function ProgressTableCard({
  scope,
  year,
  month,
}: {
  scope: string;
  year: number;
  month: number;
}) {
  const table = useProgressTable(scope, year, month);
  const data = table.status === 'ready' ? table.data : null;
  // The names the server's title and plan note hold: the scope's and its units'.
  const names = data ? [data.scope.name, ...data.rows.map((r) => String(r[0]))] : [];
  return (
    <Card
      size="small"
      title={data ? serverText(data.title, names) : t('城镇老旧小区改造进展情况')}
      extra={
        <Space>
          <Button
            id="progress-download-xlsx"
            icon={<FileExcelOutlined />}
            href={progressTableUrl(scope, year, month, 'xlsx')}
          >
            {t('下载 xlsx')}
          </Button>
          <Button
            id="progress-download-csv"
            icon={<FileTextOutlined />}
            href={progressTableUrl(scope, year, month, 'csv')}
          >
            {t('下载 csv')}
          </Button>
        </Space>
      }
    >
      {table.status === 'error' ? (
        <Alert type="error" showIcon title={t(table.message)} />
      ) : (
        <Table<{ key: number; cells: (string | number)[] }>
          id="progress-table"
          size="small"
          bordered
          loading={table.status === 'loading'}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={(data?.rows ?? []).map((cells, key) => ({ key, cells }))}
          columns={(data?.header ?? []).map((title, i) => ({
            title: t(title),
            key: String(i),
            align: i === 0 ? 'left' : 'right',
            // The unit's name stays in view while the figures scroll (issue 13 §8).
            fixed: i === 0 ? ('start' as const) : undefined,
            render: (_v, row) =>
              i > 0 ? (
                formatCell(row.cells[i]!)
              ) : row.cells[0] === '合计' ? (
                t('合计')
              ) : (
                <Data>{formatCell(row.cells[0]!)}</Data>
              ),
          }))}
          footer={
            data?.planNote
              ? () => (
                  <Typography.Text id="progress-plan-note" type="secondary">
                    {markData(t(data.planNote), names)}
                  </Typography.Text>
                )
              : undefined
          }
        />
      )}
    </Card>
  );
}
