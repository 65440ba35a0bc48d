// 年度计划: the plan table 《城镇老旧小区改造计划表》 of a province (or, for the ministry, of the
// whole country) as the official form, its checks, and the same table as xlsx, csv or print.
// A city or county sees its own checks; the table itself is the province's (计划表由省级汇总).
import { FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { planTableUrl } from '../../../api/plans.ts';
import { useMe } from '../../../app/auth.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { PLAN_TABLE_WIDTH, planColumns } from './planColumns.tsx';
import {
  ALL_PROVINCES,
  formRows,
  parsePlanSearch,
  planAccessOf,
  planYears,
  scopeOf,
  type FormRow,
} from '../planForm.ts';
import { usePlanChecks, usePlanTable, useProvinces } from '../usePlanData.ts';
import './planTable.css';

const VIRTUAL_FROM = 300;

export function PlanTablePage() {
  const me = useMe();
  const access = planAccessOf(me);
  const [params, setParams] = useSearchParams();
  const search = parsePlanSearch(params);
  const scope = scopeOf(access, search);
  const { year } = search;
  const provinces = useProvinces(access.kind === 'country');
  const table = usePlanTable(scope, year);
  const localChecks = usePlanChecks(access.kind === 'local' ? access.code : undefined, year);

  const setSearch = (patch: { year?: number; province?: string }) => {
    const next = { year: String(patch.year ?? year), province: patch.province ?? scope ?? '' };
    setParams(access.kind === 'country' ? next : { year: next.year });
  };

  const data = table.status === 'ready' ? table.data : null;
  const rows = useMemo(() => (data ? formRows(data) : []), [data]);
  const columns = useMemo(() => planColumns(data?.cutoffYear ?? 2000), [data]);
  const national = scope === ALL_PROVINCES;
  const query = scope ? `province=${encodeURIComponent(scope)}&year=${year}` : '';

  const toolbar = (
    <Flex wrap gap="middle" align="center" justify="space-between">
      <Space wrap>
        <span>计划年度</span>
        <Select
          id="plan-year"
          aria-label="计划年度"
          value={year}
          style={{ width: 120 }}
          options={planYears().map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(y: number) => setSearch({ year: y })}
        />
        <span>省(区、市)</span>
        {access.kind === 'country' ? (
          <Select
            id="plan-province"
            aria-label="省(区、市)"
            value={scope}
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: ALL_PROVINCES, label: '全国' },
              ...provinces.map((p) => ({ value: p.code, label: p.name })),
            ]}
            onChange={(province: string) => setSearch({ province })}
          />
        ) : (
          <Select
            id="plan-province"
            aria-label="省(区、市)"
            value={access.code}
            disabled
            style={{ width: 200 }}
            options={[{ value: access.code, label: me.region.path[0]?.name ?? access.name }]}
          />
        )}
      </Space>
      {scope && (
        <Space wrap>
          <Button
            id="plan-download-xlsx"
            icon={<FileExcelOutlined />}
            href={planTableUrl(scope, year, 'xlsx')}
          >
            下载 xlsx
          </Button>
          <Button
            id="plan-download-csv"
            icon={<FileTextOutlined />}
            href={planTableUrl(scope, year, 'csv')}
          >
            下载 csv
          </Button>
          <Button
            id="plan-print"
            icon={<PrinterOutlined />}
            href={`/plans/print?${query}`}
            target="_blank"
          >
            打印
          </Button>
        </Space>
      )}
    </Flex>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="城镇老旧小区改造计划表" extra={<Link to="/plans/policies">年度政策</Link>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {toolbar}
          {access.kind === 'local' && (
            <Alert
              type="info"
              showIcon
              title="计划表由省级汇总"
              description={`${access.name}的小区计入本省计划表，由省级住房和城乡建设部门汇总报送；下方是本地区计划的检查结果。`}
            />
          )}
          {table.status === 'error' &&
            (table.notFound ? (
              <Alert type="info" showIcon title="计划表由省级汇总" description={table.message} />
            ) : (
              <Alert type="error" showIcon title={table.message} />
            ))}
          {scope && table.status !== 'error' && (
            <div className="plan-form">
              <Typography.Title level={4} style={{ textAlign: 'center', margin: 0 }}>
                {data?.title ?? `${year}年城镇老旧小区改造计划表`}
              </Typography.Title>
              <Flex justify="space-between" className="plan-form-meta">
                <span>省(区、市)：{data?.scope.name ?? ''}</span>
                <span>联系人及电话：{data?.contact ?? ''}</span>
              </Flex>
              <Table<FormRow>
                id="plan-table"
                rowKey="key"
                size="small"
                bordered
                loading={table.status === 'loading'}
                columns={columns}
                dataSource={rows}
                pagination={false}
                // The national table (~1,500 rows) renders only the rows in view.
                {...(rows.length > VIRTUAL_FROM
                  ? { virtual: true, scroll: { x: PLAN_TABLE_WIDTH, y: 640 } }
                  : { scroll: { x: 'max-content' }, sticky: true })}
                rowClassName={(r) =>
                  r.kind === 'province' ? 'plan-province-row' : r.total ? 'plan-total-row' : ''
                }
              />
            </div>
          )}
        </Space>
      </Card>
      {access.kind === 'local' ? (
        <ChecksPanel
          scopeName={access.name}
          checks={localChecks.status === 'ready' ? localChecks.data.checks : null}
          loading={localChecks.status === 'loading'}
          error={localChecks.status === 'error' ? localChecks.message : null}
        />
      ) : (
        <ChecksPanel
          scopeName={data && !national ? data.scope.name : undefined}
          checks={data?.checks ?? null}
          loading={table.status === 'loading'}
          note={national ? '全国汇总表不做计划检查，请选择省份查看该省的检查结果' : undefined}
        />
      )}
    </Space>
  );
}
