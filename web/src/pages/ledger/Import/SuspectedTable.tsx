// 疑似重复 found by the check: both places of each pair (a line of the file, or a community already
// in the ledger), and why they look alike. They never block the import; after it, both communities
// carry the suspicion and the ledger's 疑似重复 filter lists them for someone to confirm or dismiss.
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DuplicatePlace, SuspectedDuplicate } from '../../../api/ledgerTypes.ts';
import { Data, t } from '../../../i18n/index.ts';

const LIKENESS: Record<SuspectedDuplicate['likeness'], string> = {
  suffix: '名称仅通用后缀不同',
  near: '名称相近',
  place: '地址相同或位置相近',
};

function Place({ place }: { place: DuplicatePlace }) {
  return (
    <span>
      {place.line !== null ? (
        <Typography.Text strong>{t('第 {line} 行', { line: place.line })}</Typography.Text>
      ) : (
        <Link to={`/ledger/${place.communityId}`}>
          {t('台账编号 {id}', { id: place.communityId ?? '' })}
        </Link>
      )}{' '}
      <Data>{place.name}</Data>
      <Typography.Text type="secondary">
        （<Data>{place.regionName}</Data>）
      </Typography.Text>
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
          { title: t('本文件'), key: 'a', render: (_, p) => <Place place={p.a} /> },
          { title: t('疑似同一小区'), key: 'b', render: (_, p) => <Place place={p.b} /> },
          {
            title: t('原因'),
            key: 'likeness',
            width: 180,
            render: (_, p) => <Tag color="warning">{t(LIKENESS[p.likeness])}</Tag>,
          },
        ]}
      />
      {count > suspected.length && (
        <Typography.Text type="secondary">
          {t('共 {count} 对，此处列出前 {listed} 对。', { count, listed: suspected.length })}
        </Typography.Text>
      )}
    </>
  );
}
