// 疑似重复 found by the check: both places of each pair (a line of the file, or a community already
// in the ledger), and why they look alike. They never block the import; after it, both communities
// carry the suspicion and the ledger's 疑似重复 filter lists them for someone to confirm or dismiss.
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DuplicatePlace, SuspectedDuplicate } from '../../../api/ledgerTypes.ts';

const LIKENESS: Record<SuspectedDuplicate['likeness'], string> = {
  suffix: '名称仅通用后缀不同',
  near: '名称相近',
  place: '地址相同或位置相近',
};

function Place({ place }: { place: DuplicatePlace }) {
  return (
    <span>
      {place.line !== null ? (
        <Typography.Text strong>第 {place.line} 行</Typography.Text>
      ) : (
        <Link to={`/ledger/${place.communityId}`}>台账编号 {place.communityId}</Link>
      )}{' '}
      {place.name}
      <Typography.Text type="secondary">（{place.regionName}）</Typography.Text>
    </span>
  );
}

interface Props {
  suspected: readonly SuspectedDuplicate[];
  /** The total the server counted, which may exceed the pairs it listed. */
  count: number;
}

export function SuspectedTable({ suspected, count }: Props) {
  return (
    <>
      <Table<SuspectedDuplicate>
        id="import-suspected"
        size="small"
        bordered
        rowKey={(p) => `${p.a.line}:${p.b.line ?? ''}:${p.b.communityId ?? ''}`}
        dataSource={[...suspected]}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '本文件', key: 'a', render: (_, p) => <Place place={p.a} /> },
          { title: '疑似同一小区', key: 'b', render: (_, p) => <Place place={p.b} /> },
          {
            title: '原因',
            key: 'likeness',
            width: 180,
            render: (_, p) => <Tag color="warning">{LIKENESS[p.likeness]}</Tag>,
          },
        ]}
      />
      {count > suspected.length && (
        <Typography.Text type="secondary">
          共 {count} 对，此处列出前 {suspected.length} 对。
        </Typography.Text>
      )}
    </>
  );
}
