// The ledger table: the template's columns, sortable on the server, and the totals row of the
// whole filter (not of the page).
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { Community, LedgerPage, LedgerQuery, SortColumn } from '../../../api/ledgerTypes.ts';
import { formatDecimal, formatInteger, formatWan } from '../../../components/format.ts';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { communityTags } from '../ledgerLabels.ts';

export function CommunityTags({
  community,
  suspected,
}: {
  community: Community;
  suspected?: boolean;
}) {
  const tags = communityTags(community, suspected);
  if (!tags.length) return null;
  return (
    <Flex wrap gap={4}>
      {tags.map((t) => (
        <Tooltip key={t.kind} title={t.detail}>
          <Tag color={t.color} data-tag={t.kind} style={{ marginInlineEnd: 0 }}>
            {t.label}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** A long header over two lines, so the figures' columns stay narrow. */
const twoLines = (first: string, second: string) => (
  <>
    {first}
    <br />
    {second}
  </>
);

type SortOrder = 'ascend' | 'descend' | null;

function sortOrderOf(query: LedgerQuery, column: SortColumn): SortOrder {
  if (query.sort !== column) return null;
  return query.order === 'desc' ? 'descend' : 'ascend';
}

export function ledgerColumns(query: LedgerQuery): TableColumnsType<Community> {
  const sortable = (key: SortColumn) => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf(query, key),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });
  const offset = (query.page - 1) * query.pageSize;
  return [
    {
      title: t('序号'),
      key: 'seq',
      width: 64,
      align: 'right',
      fixed: 'left',
      render: (_v, _c, i) => offset + i + 1,
    },
    {
      title: t('小区名称'),
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      ...sortable('name'),
      render: (_v, c) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/ledger/${c.id}`} data-community-id={c.id}>
            <Data>{c.name}</Data>
          </Link>
          {(c.street || c.address) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Data>{[c.street, c.address].filter(Boolean).join(' ')}</Data>
            </Typography.Text>
          )}
          <CommunityTags community={c} suspected={query.suspected} />
        </Flex>
      ),
    },
    {
      title: t('区县'),
      dataIndex: 'regionName',
      width: 100,
      ...dataCell,
      ...sortable('region_code'),
    },
    {
      title: t('建成年份'),
      dataIndex: 'buildYear',
      width: 92,
      align: 'right',
      ...sortable('build_year'),
    },
    { title: t('类别'), dataIndex: 'areaClassLabel', width: 110, render: (v: string) => t(v) },
    {
      title: t('楼栋数'),
      dataIndex: 'buildings',
      width: 84,
      align: 'right',
      ...sortable('buildings'),
      render: formatInteger,
    },
    {
      title: t('居民户数'),
      dataIndex: 'households',
      width: 96,
      align: 'right',
      ...sortable('households'),
      render: formatInteger,
    },
    {
      title: twoLines(t('住宅建筑面积'), t('（平方米）')),
      dataIndex: 'floorArea',
      width: 130,
      align: 'right',
      ...sortable('floor_area_centi'),
      render: formatDecimal,
    },
    {
      title: twoLines(t('预计投资额'), t('（万元）')),
      dataIndex: 'investment',
      width: 120,
      align: 'right',
      ...sortable('investment_yuan'),
      render: formatWan,
    },
    {
      title: t('计划年度'),
      dataIndex: 'planYear',
      width: 96,
      align: 'right',
      ...sortable('plan_year'),
    },
  ];
}

// antd's summary row passes these on to its <tr> (its props type leaves them out).
const TOTALS_ROW: HTMLAttributes<HTMLTableRowElement> = {
  id: 'ledger-totals',
  style: { background: '#fafafa' },
};

/** The 合计 row under the table: the totals of everything the filter selects. */
export function TotalsRow({ page }: { page: LedgerPage }) {
  const { totals } = page;
  const strong = (text: string, key: string) => (
    <Typography.Text strong data-total={key}>
      {text}
    </Typography.Text>
  );
  return (
    <Table.Summary fixed="bottom">
      <Table.Summary.Row {...TOTALS_ROW}>
        <Table.Summary.Cell index={0} colSpan={5}>
          <Typography.Text strong>{t('合计')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('（当前筛选共 {n} 个小区）', { n: formatInteger(page.total) })}
          </Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={5} align="right">
          {strong(formatInteger(totals.buildings), 'buildings')}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={6} align="right">
          {strong(formatInteger(totals.households), 'households')}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={7} align="right">
          {strong(formatDecimal(totals.floorArea), 'floorArea')}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={8} align="right">
          {strong(formatWan(totals.investment), 'investment')}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={9} />
      </Table.Summary.Row>
    </Table.Summary>
  );
}
