// 所属项目 and 疑似重复: the projects the community belongs to, and the near-named communities of
// the same county-level unit, each confirmed (确认重复) or dismissed (不是重复) by an editor.
import { Button, Empty, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CommunityDetail, DuplicateStatus } from '../../../api/ledgerTypes.ts';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { POOL_LABELS } from '../ledgerLabels.ts';

export function ProjectsTable({ projects }: { projects: CommunityDetail['projects'] }) {
  return (
    <Table
      id="community-projects"
      size="small"
      rowKey={(p) => String(p.id)}
      pagination={false}
      dataSource={projects}
      locale={{ emptyText: t('尚未纳入项目') }}
      columns={[
        { title: t('项目编号'), dataIndex: 'code', width: 210 },
        { title: t('项目名称'), dataIndex: 'name', ...dataCell },
        { title: t('计划年度'), dataIndex: 'planYear', width: 100 },
        {
          title: t('项目库'),
          dataIndex: 'pool',
          width: 90,
          render: (p: keyof typeof POOL_LABELS) =>
            t('{pool}库', { pool: POOL_LABELS[p] ? t(POOL_LABELS[p]) : p }),
        },
      ]}
    />
  );
}

const STATUS: Record<DuplicateStatus, { label: string; color: string }> = {
  suspected: { label: '待确认', color: 'purple' },
  confirmed: { label: '已确认重复', color: 'red' },
  dismissed: { label: '不是重复', color: 'default' },
};

interface DuplicatesProps {
  duplicates: CommunityDetail['duplicates'];
  canEdit: boolean;
  busyId: number | null;
  onDecide: (otherId: number, status: 'confirmed' | 'dismissed') => void;
}

export function DuplicatesList({ duplicates, canEdit, busyId, onDecide }: DuplicatesProps) {
  if (!duplicates.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有名称相近的小区')} />;
  return (
    <List
      id="community-duplicates"
      dataSource={duplicates}
      renderItem={(d) => (
        <List.Item
          data-duplicate-id={d.id}
          actions={
            canEdit && d.status === 'suspected'
              ? [
                  <Popconfirm
                    key="confirm"
                    title={t('确认这两条是同一个小区？')}
                    description={t('两条记录将标记为同一小区的重复登记。')}
                    okText={t('确认重复')}
                    onConfirm={() => onDecide(d.id, 'confirmed')}
                  >
                    <Button size="small" danger loading={busyId === d.id}>
                      {t('确认重复')}
                    </Button>
                  </Popconfirm>,
                  <Button
                    key="dismiss"
                    size="small"
                    loading={busyId === d.id}
                    onClick={() => onDecide(d.id, 'dismissed')}
                  >
                    {t('不是重复')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space>
                <Link to={`/ledger/${d.id}`}>
                  <Data>{d.name}</Data>
                </Link>
                <Tag color={STATUS[d.status].color}>{t(STATUS[d.status].label)}</Tag>
              </Space>
            }
            description={
              <Typography.Text type="secondary">
                {d.regionCode} · {d.address ? <Data>{d.address}</Data> : t('未填写地址')}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
