// 年度计划: the plan table 《城镇老旧小区改造计划表》 of a province (or, for the ministry, of the
// whole country) as the official form, its checks, and the same table as xlsx, csv or print.
// A city or county sees its own checks; the table itself is the province's (计划表由省级汇总).
// The table is either the live one (工作底稿（未冻结）, from the ledger now) or a frozen version
// (第 N 版, with its 校验码); the national table is built from each province's accepted version
// unless the user chooses otherwise.
import { FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { planTableUrl, type PlanTable } from '../../../api/plans.ts';
import { useMe } from '../../../app/auth.tsx';
import { Data, t, tNodes } from '../../../i18n/index.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { PLAN_TABLE_WIDTH, planColumns } from './planColumns.tsx';
import {
  ALL_PROVINCES,
  formRows,
  parsePlanSearch,
  planAccessOf,
  planYears,
  scopeOf,
  versionChoice,
  type FormRow,
  type PlanSearch,
} from '../planForm.ts';
import { useDeclaringYear, usePlanChecks, usePlanTable, useProvinces } from '../usePlanData.ts';
import './planTable.css';

const VIRTUAL_FROM = 300;

/** Opens on the year being declared (the server's, GET /api/plan-year) unless the address names one. */
export function PlanTablePage() {
  const defaultYear = useDeclaringYear();
  if (defaultYear === undefined) return <Spin />;
  return <PlanTableOfYear defaultYear={defaultYear} />;
}

function PlanTableOfYear({ defaultYear }: { defaultYear: number }) {
  const me = useMe();
  const access = planAccessOf(me);
  const [params, setParams] = useSearchParams();
  const search = parsePlanSearch(params, defaultYear);
  const scope = scopeOf(access, search);
  const { year } = search;
  const provinces = useProvinces(access.kind === 'country');
  const choice = versionChoice(scope, search);
  const table = usePlanTable(scope, year, choice);
  const localChecks = usePlanChecks(access.kind === 'local' ? access.code : undefined, year);

  // Another year or province starts from its default table (live, or accepted for the country).
  const setSearch = (
    patch: Partial<Pick<PlanSearch, 'year' | 'province' | 'version' | 'basis'>>,
  ) => {
    const next: Record<string, string> = { year: String(patch.year ?? year) };
    if (access.kind === 'country') next.province = patch.province ?? scope ?? '';
    if (patch.version) next.version = patch.version;
    if (patch.basis) next.basis = patch.basis;
    setParams(next);
  };

  const data = table.status === 'ready' ? table.data : null;
  const rows = useMemo(() => (data ? formRows(data) : []), [data]);
  const columns = useMemo(() => planColumns(data?.cutoffYear ?? 2000), [data]);
  const national = scope === ALL_PROVINCES;
  const query = scope
    ? new URLSearchParams({
        province: scope,
        year: String(year),
        ...(choice.version ? { version: choice.version } : {}),
        ...(choice.basis ? { basis: choice.basis } : {}),
      }).toString()
    : '';
  const ministry = access.kind === 'country';
  // 国家发展改革委 and 财政部 receive declared plans: the server gives them no working table.
  const receivesOnly = me.roles.some((r) => r === 'ndrc_national' || r === 'mof');
  const versionOptions = [
    { value: '', label: t(receivesOnly ? '最新上报版本' : '工作底稿（未冻结）') },
    { value: 'signed', label: t(ministry ? '已接收的版本' : '已会签的版本') },
    ...(data?.versions ?? []).map((v) => ({
      value: String(v.number),
      label: t('第 {n} 版（{date}上报{flags}）', {
        n: v.number,
        date: v.submittedAt.slice(0, 10),
        flags: (v.signed ? t('，已会签') : '') + (v.inForce ? t('，已接收') : ''),
      }),
    })),
  ];
  if (search.version && !versionOptions.some((o) => o.value === search.version))
    versionOptions.push({ value: search.version, label: t('第 {n} 版', { n: search.version }) });

  const toolbar = (
    <Flex wrap gap="middle" align="center" justify="space-between">
      <Space wrap>
        <span>{t('计划年度')}</span>
        <Select
          id="plan-year"
          aria-label={t('计划年度')}
          value={year}
          style={{ width: 120 }}
          options={planYears().map((y) => ({ value: y, label: t('{year}年', { year: y }) }))}
          onChange={(y: number) => setSearch({ year: y })}
        />
        <span>{t('省(区、市)')}</span>
        {access.kind === 'country' ? (
          <Select
            id="plan-province"
            aria-label={t('省(区、市)')}
            value={scope}
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'name' }}
            options={[
              { value: ALL_PROVINCES, label: t('全国'), name: t('全国') },
              ...provinces.map((p) => ({
                value: p.code,
                label: <Data>{p.name}</Data>,
                name: p.name,
              })),
            ]}
            onChange={(province: string) => setSearch({ province })}
          />
        ) : (
          <Select
            id="plan-province"
            aria-label={t('省(区、市)')}
            value={access.code}
            disabled
            style={{ width: 200 }}
            options={[
              {
                value: access.code,
                label: <Data>{me.region.path[0]?.name ?? access.name}</Data>,
              },
            ]}
          />
        )}
        {scope && national && (
          <>
            <span>{t('口径')}</span>
            <Select
              id="plan-basis"
              aria-label={t('口径')}
              value={search.basis ?? 'accepted'}
              style={{ width: 200 }}
              options={[
                { value: 'accepted', label: t('各省已接收版本') },
                { value: 'submitted', label: t('各省最新上报版本') },
                ...(receivesOnly ? [] : [{ value: 'live', label: t('工作底稿（未冻结）') }]),
              ]}
              onChange={(basis: PlanSearch['basis']) => setSearch({ basis })}
            />
          </>
        )}
        {scope && !national && (
          <>
            <span>{t('版本')}</span>
            <Select
              id="plan-version"
              aria-label={t('版本')}
              value={search.version ?? ''}
              style={{ width: 240 }}
              options={versionOptions}
              onChange={(version: string) => setSearch({ version })}
            />
          </>
        )}
      </Space>
      {scope && (
        <Space wrap>
          <Button
            id="plan-download-xlsx"
            icon={<FileExcelOutlined />}
            href={planTableUrl(scope, year, 'xlsx', choice)}
          >
            {t('下载 xlsx')}
          </Button>
          <Button
            id="plan-download-csv"
            icon={<FileTextOutlined />}
            href={planTableUrl(scope, year, 'csv', choice)}
          >
            {t('下载 csv')}
          </Button>
          <Button
            id="plan-print"
            icon={<PrinterOutlined />}
            href={`/plans/print?${query}`}
            target="_blank"
          >
            {t('打印')}
          </Button>
        </Space>
      )}
    </Flex>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('城镇老旧小区改造计划表')}
        extra={<Link to="/plans/policies">{t('年度政策')}</Link>}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {toolbar}
          {access.kind === 'local' && (
            <Alert
              type="info"
              showIcon
              title={t('计划表由省级汇总')}
              description={tNodes(
                '{name}的小区计入本省计划表，由省级住房和城乡建设部门汇总报送；下方是本地区计划的检查结果。',
                { name: <Data>{access.name}</Data> },
              )}
            />
          )}
          {table.status === 'error' &&
            (table.notFound && !search.version ? (
              <Alert
                type="info"
                showIcon
                title={t('计划表由省级汇总')}
                description={t(table.message)}
              />
            ) : (
              <Alert type="error" showIcon title={t(table.message)} />
            ))}
          {scope && table.status !== 'error' && (
            <div className="plan-form">
              {/* The notice's form keeps its Chinese (data-official-form); its basis is interface. */}
              <Typography.Title
                level={4}
                style={{ textAlign: 'center', margin: 0 }}
                data-official-form
              >
                {data?.title ?? `${year}年城镇老旧小区改造计划表`}
              </Typography.Title>
              <Flex justify="space-between" className="plan-form-meta">
                <span data-official-form>省(区、市)：{data?.scope.name ?? ''}</span>
                {data && <Basis table={data} />}
                <span data-official-form>联系人及电话：{data?.contact ?? ''}</span>
              </Flex>
              <Table<FormRow>
                data-official-form
                id="plan-table"
                rowKey="key"
                size="small"
                bordered
                loading={table.status === 'loading'}
                columns={columns}
                dataSource={rows}
                pagination={false}
                // The national table (~1,500 rows) renders only the rows in view. Both scroll
                // across the form's own width, the unit and 分类 fixed: a 'max-content' width let
                // the sticky header and the body size their columns apart (issue 13 §8).
                {...(rows.length > VIRTUAL_FROM
                  ? { virtual: true, scroll: { x: PLAN_TABLE_WIDTH, y: 640 } }
                  : { scroll: { x: PLAN_TABLE_WIDTH }, sticky: true })}
                rowClassName={(r) =>
                  r.kind === 'province' ? 'plan-province-row' : r.total ? 'plan-total-row' : ''
                }
              />
              {data && (
                <Typography.Paragraph
                  type="secondary"
                  id="plan-note"
                  style={{ marginTop: 8 }}
                  data-official-form
                >
                  注：{data.note}
                </Typography.Paragraph>
              )}
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
          note={
            national
              ? t('全国汇总表不做计划检查，请选择省份查看该省的检查结果')
              : data && data.basis !== 'live'
                ? t('冻结版本的检查已在上报时完成；选择“工作底稿（未冻结）”查看当前台账的检查结果')
                : undefined
          }
        />
      )}
    </Space>
  );
}

/** What the figures are: 工作底稿（未冻结） in red, or the version and its 校验码. */
function Basis({ table }: { table: PlanTable }) {
  if (table.basis === 'live')
    return (
      <span id="plan-basis-label">
        <Tag color="red">{t(table.basisLabel)}</Tag>
        <Typography.Text type="secondary">{t('据台账实时汇总，不是上报的计划')}</Typography.Text>
      </span>
    );
  return (
    <span id="plan-basis-label">
      <Tag color="blue">{t(table.basisLabel)}</Tag>
      {table.version && (
        <Typography.Text type="secondary">
          {t('校验码：')}
          <Typography.Text code copyable id="plan-hash">
            {table.version.hash}
          </Typography.Text>
        </Typography.Text>
      )}
    </span>
  );
}
