// Right side of the regions page: where the region sits, what it is, and its children.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RegionChild, RegionDetail } from '../../api/types.ts';
import { LEVEL_LABELS } from '../../api/types.ts';
import { withCountry } from '../../components/regionName.ts';

interface Props {
  detail: RegionDetail | null;
  loading: boolean;
  error: string | null;
  /** Codes the user may open (the user's own region and below). */
  canOpen: (code: string) => boolean;
  onOpen: (code: string) => void;
  /** Set when the user may add a functional zone under this region. */
  onAddZone?: () => void;
}

const yesNo = (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>);

export function RegionDetailCard({ detail, loading, error, canOpen, onOpen, onAddZone }: Props) {
  const columns: TableColumnsType<RegionChild> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row.code)}>
          {name}
        </Button>
      ),
    },
    { title: '代码', dataIndex: 'code', width: 110 },
    { title: '类型', dataIndex: 'kind', width: 110 },
    {
      title: '级别',
      dataIndex: 'level',
      width: 80,
      render: (l: RegionChild['level']) => LEVEL_LABELS[l],
    },
    { title: '台账单位', dataIndex: 'isLedgerUnit', width: 90, render: yesNo },
    { title: '有下级', dataIndex: 'hasChildren', width: 80, render: yesNo },
  ];

  const breadcrumb = withCountry(detail?.path ?? []).map((r, i, all) => ({
    key: r.code,
    title:
      i < all.length - 1 && canOpen(r.code) ? (
        <a
          href={`?code=${r.code}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(r.code);
          }}
        >
          {r.name}
        </a>
      ) : (
        r.name
      ),
  }));

  return (
    <Card
      id="region-detail"
      loading={loading && !detail}
      title={detail ? <Breadcrumb items={breadcrumb} /> : '区划详情'}
      extra={
        onAddZone && (
          <Button id="add-zone-button" icon={<PlusOutlined />} onClick={onAddZone}>
            添加功能区
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {detail && (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: '名称', children: detail.name },
              { key: 'code', label: '代码', children: detail.code },
              { key: 'level', label: '级别', children: LEVEL_LABELS[detail.level] },
              { key: 'kind', label: '类型', children: detail.kind },
              { key: 'parent', label: '上级代码', children: detail.parentCode ?? '—' },
              { key: 'ledger', label: '台账单位', children: yesNo(detail.isLedgerUnit) },
            ]}
          />
          <Table<RegionChild>
            id="region-children"
            style={{ marginTop: 16 }}
            size="small"
            rowKey="code"
            loading={loading}
            columns={columns}
            dataSource={detail.children}
            pagination={detail.children.length > 50 ? { pageSize: 50 } : false}
            title={() => `下级区划（${detail.children.length}）`}
            locale={{ emptyText: '无下级区划' }}
          />
        </>
      )}
    </Card>
  );
}
