// Right side of the regions page: where the region sits, what it is, and its children.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RegionChild, RegionDetail } from '../../api/types.ts';
import { LEVEL_LABELS } from '../../api/types.ts';
import { withCountry } from '../../components/regionName.ts';
import { Data, t } from '../../i18n/index.ts';

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

const yesNo = (v: boolean) => (v ? <Tag color="green">{t('是')}</Tag> : <Tag>{t('否')}</Tag>);

export function RegionDetailCard({ detail, loading, error, canOpen, onOpen, onAddZone }: Props) {
  const columns: TableColumnsType<RegionChild> = [
    {
      title: t('名称'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row.code)}>
          <Data>{name}</Data>
        </Button>
      ),
    },
    { title: t('代码'), dataIndex: 'code', width: 110 },
    { title: t('类型'), dataIndex: 'kind', width: 110, render: (k: string) => t(k) },
    {
      title: t('级别'),
      dataIndex: 'level',
      width: 80,
      render: (l: RegionChild['level']) => t(LEVEL_LABELS[l]),
    },
    { title: t('台账单位'), dataIndex: 'isLedgerUnit', width: 90, render: yesNo },
    { title: t('有下级'), dataIndex: 'hasChildren', width: 80, render: yesNo },
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
          <Data>{r.name}</Data>
        </a>
      ) : (
        <Data>{r.name}</Data>
      ),
  }));

  return (
    <Card
      id="region-detail"
      loading={loading && !detail}
      title={detail ? <Breadcrumb items={breadcrumb} /> : t('区划详情')}
      extra={
        onAddZone && (
          <Button id="add-zone-button" icon={<PlusOutlined />} onClick={onAddZone}>
            {t('添加功能区')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={t(error)} style={{ marginBottom: 16 }} />}
      {detail && (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: t('名称'), children: <Data>{detail.name}</Data> },
              { key: 'code', label: t('代码'), children: detail.code },
              { key: 'level', label: t('级别'), children: t(LEVEL_LABELS[detail.level]) },
              { key: 'kind', label: t('类型'), children: t(detail.kind) },
              { key: 'parent', label: t('上级代码'), children: detail.parentCode ?? '—' },
              { key: 'ledger', label: t('台账单位'), children: yesNo(detail.isLedgerUnit) },
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
            title={() => t('下级区划（{n}）', { n: detail.children.length })}
            locale={{ emptyText: t('无下级区划') }}
          />
        </>
      )}
    </Card>
  );
}
