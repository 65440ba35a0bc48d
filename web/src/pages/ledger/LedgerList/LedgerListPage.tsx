// 台账: the communities of the user's subtree, filtered, searched, sorted and paged on the server,
// with the totals of the whole filter, export of the same selection, and the way to add or import.
import {
  FileExcelOutlined,
  FileTextOutlined,
  PlusOutlined,
  ScanOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Space, Table } from 'antd';
import { useState } from 'react';
import type { TableProps } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { exportUrl, scanDuplicates } from '../../../api/ledger.ts';
import { invalidate } from '../../../api/useResource.ts';
import type { Community, LedgerFilter, LedgerQuery } from '../../../api/ledgerTypes.ts';
import { hasAnyRole, useMe } from '../../../app/auth.tsx';
import { LEDGER_EDIT_ROLES } from '../../../app/menu.tsx';
import { formatInteger } from '../../../components/format.ts';
import { t } from '../../../i18n/index.ts';
import { LedgerFilterBar } from './LedgerFilterBar.tsx';
import { ledgerColumns, TotalsRow } from './ledgerColumns.tsx';
import {
  filterOf,
  hasFilter,
  PAGE_SIZES,
  parseLedgerQuery,
  SORT_COLUMNS,
  toSearchParams,
} from './ledgerSearchParams.ts';
import { useLedgerList } from './useLedgerList.ts';

export function LedgerListPage() {
  const me = useMe();
  const canEdit = hasAnyRole(me, LEDGER_EDIT_ROLES);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = parseLedgerQuery(params);
  const filter = filterOf(query);
  const list = useLedgerList(query);
  const { message } = App.useApp();
  const [scanning, setScanning] = useState(false);

  const setQuery = (next: LedgerQuery) => setParams(toSearchParams(next));
  const setFilter = (patch: Partial<LedgerFilter>) => setQuery({ ...query, ...patch, page: 1 });

  // The subtree scanned again (its prefecture-level units whole), then its suspected pairs listed.
  const scan = async () => {
    setScanning(true);
    try {
      const found = await scanDuplicates();
      void message.success(
        t('已排查 {prefectures} 个地级单位：待确认的疑似重复 {pairs} 对', {
          prefectures: formatInteger(found.prefectures),
          pairs: formatInteger(found.suspected),
        }),
      );
      if (found.suspected && !filter.suspected) setFilter({ suspected: true });
      else void invalidate(['ledger']);
    } catch (e) {
      void message.error(t(errorMessage(e)));
    } finally {
      setScanning(false);
    }
  };

  const onTableChange: TableProps<Community>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'paginate') {
      setQuery({ ...query, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
      return;
    }
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = SORT_COLUMNS.find((c) => c === s?.columnKey);
    setQuery({
      ...query,
      sort: s?.order ? sort : undefined,
      order: s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined,
      page: 1,
    });
  };

  const actions = (
    <Space wrap>
      {canEdit && (
        <Button
          id="ledger-new"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/ledger/new')}
        >
          {t('新增小区')}
        </Button>
      )}
      {canEdit && (
        <Button
          id="ledger-import"
          icon={<UploadOutlined />}
          onClick={() => void navigate('/ledger/import')}
        >
          {t('导入')}
        </Button>
      )}
      {canEdit && (
        <Button
          id="ledger-scan-duplicates"
          icon={<ScanOutlined />}
          loading={scanning}
          onClick={() => void scan()}
          title={t(
            '按名称（同一县级单位）、地址和位置（同一地级单位的相邻单位）重新排查辖区的疑似重复，记录新发现的',
          )}
        >
          {t('排查疑似重复')}
        </Button>
      )}
      <Button
        id="ledger-export-xlsx"
        icon={<FileExcelOutlined />}
        href={exportUrl('xlsx', filter)}
        title={t('按当前筛选导出 Excel（导入模板的列）')}
      >
        {t('导出 xlsx')}
      </Button>
      <Button
        id="ledger-export-csv"
        icon={<FileTextOutlined />}
        href={exportUrl('csv', filter)}
        title={t('按当前筛选导出 CSV（导入模板的列）')}
      >
        {t('导出 csv')}
      </Button>
    </Space>
  );

  const empty = hasFilter(query) ? (
    <Empty description={t('没有符合筛选条件的小区')} />
  ) : (
    <Empty
      description={
        canEdit ? t('台账中还没有小区：可下载模板填好后导入，或逐个新增') : t('台账中还没有小区')
      }
    >
      {canEdit && (
        <Button type="primary" onClick={() => void navigate('/ledger/import')}>
          {t('导入项目清单')}
        </Button>
      )}
    </Empty>
  );

  return (
    <Card title={t('台账')} extra={actions}>
      <Flex vertical gap={16}>
        <LedgerFilterBar
          filter={filter}
          onChange={setFilter}
          onReset={() => setQuery({ page: 1, pageSize: query.pageSize })}
          canReset={hasFilter(query)}
        />
        {list.error && <Alert type="error" showIcon title={t(list.error)} />}
        <Table<Community>
          id="ledger-table"
          rowKey={(c) => String(c.id)}
          size="middle"
          bordered
          loading={list.loading}
          columns={ledgerColumns(query)}
          dataSource={list.data.items}
          scroll={{ x: 1100 }}
          // Like frozen panes: the header stays on top and the 合计 row at the bottom of the window.
          sticky
          locale={{ emptyText: empty }}
          summary={() => (list.data.total > 0 ? <TotalsRow page={list.data} /> : undefined)}
          onChange={onTableChange}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data.total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total) => t('共 {n} 个小区', { n: formatInteger(total) }),
          }}
        />
      </Flex>
    </Card>
  );
}
