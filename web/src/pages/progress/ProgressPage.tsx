// 进展统计: a region's progress for a plan year as at a month end — the dashboard, the units below
// ranked by start rate (each a link one level down) or a unit's communities (each a link to its
// ledger page), for a scope with units below who has reported the month, and for the country or a
// province the progress table with its downloads.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Select, Space, Spin } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { statisticsExportUrl } from '../../api/progress.ts';
import { hasAnyRole, useMe } from '../../app/auth.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { CompletenessPanel } from '../progress-reports/CompletenessPanel.tsx';
import { chinaMonth } from '../progress-reports/reportLabels.ts';
import { CommunitiesTable, UnitsTable } from './BreakdownTables.tsx';
import { DashboardPanels } from './DashboardPanels.tsx';
import { ProgressTableCard } from './ProgressTableCard.tsx';
import { BREAKDOWN_TITLES, monthText, spanText, yearText } from './progressFormat.ts';
import { parseProgressSearch, progressLink, progressYears } from './progressSearch.ts';
import { useDashboard } from './useProgress.ts';
import { t } from '../../i18n/index.ts';
import { markData, Place, placeName } from './withData.tsx';

/** Who may download the statistics export (server: canReadLedger). */
const STATISTICS_READERS = ['county', 'city', 'province', 'ministry', 'statistics', 'admin'];

export function ProgressPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const search = parseProgressSearch(params);
  const dashboard = useDashboard(search);
  const data = dashboard.status === 'ready' ? dashboard.data : null;
  const scopeCode = data?.scope.code ?? search.scope ?? me.region.code;
  const linkFor = (code: string) => progressLink(code, search.year, search.month);

  const setSearch = (patch: { scope?: string; year?: number; month?: number | null }) => {
    const next = new URLSearchParams();
    next.set('scope', patch.scope ?? scopeCode);
    next.set('year', String(patch.year ?? search.year));
    const month = patch.month === null ? undefined : (patch.month ?? search.month);
    if (month) next.set('month', String(month));
    setParams(next);
  };

  // The way down from the user's own region to the scope, each step a link.
  const path = data?.scope.path ?? [];
  const own = path.findIndex((p) => p.code === me.region.code);
  const crumbs = path.slice(Math.max(0, own)).map((p, i, shown) => ({
    key: p.code,
    title:
      i === shown.length - 1 ? (
        <Place code={p.code} name={p.name} />
      ) : (
        <Link to={linkFor(p.code)}>
          <Place code={p.code} name={p.name} />
        </Link>
      ),
  }));
  const tableScope =
    data?.scope.level === 'country'
      ? 'all'
      : data?.scope.level === 'province'
        ? data.scope.code
        : undefined;
  // The view's month, as a report period: not one still to come (nobody can have reported it).
  const period = data ? `${data.year}-${String(data.month).padStart(2, '0')}` : '';
  const showsReporting = !!data && data.units.length > 0 && period <= chinaMonth();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('进展统计')} id="progress-page">
        <Flex wrap gap="middle" align="center" justify="space-between">
          <Space wrap>
            <span>{t('地区')}</span>
            <RegionTreeSelect
              id="progress-scope"
              aria-label={t('地区')}
              value={scopeCode}
              onChange={(code) => code && setSearch({ scope: code })}
              style={{ width: 260 }}
            />
            <span>{t('计划年度')}</span>
            <Select
              id="progress-year"
              aria-label={t('计划年度')}
              value={search.year}
              style={{ width: 110 }}
              options={progressYears().map((y) => ({ value: y, label: yearText(y) }))}
              onChange={(year: number) => setSearch({ year, month: null })}
            />
            <span>{t('截至')}</span>
            <Select
              id="progress-month"
              aria-label={t('截至月份')}
              value={data?.month ?? search.month}
              style={{ width: 90 }}
              options={Array.from({ length: 12 }, (_, i) => ({
                value: i + 1,
                label: monthText(i + 1),
              }))}
              onChange={(month: number) => setSearch({ month })}
            />
            {data && hasAnyRole(me, STATISTICS_READERS) && (
              // 建办城〔2021〕28号 五(三)：及时将改造项目清单提供当地统计部门
              <Button
                id="statistics-export"
                icon={<DownloadOutlined />}
                href={statisticsExportUrl(data.scope.code, data.year, data.month)}
                title={t(
                  '改造项目清单（稳定项目编号、所含小区、本年指标及指标说明），提供统计部门',
                )}
              >
                {t('统计局共享（xlsx）')}
              </Button>
            )}
          </Space>
          {crumbs.length > 0 && (
            <nav id="progress-breadcrumb" aria-label={t('当前地区')}>
              <Breadcrumb items={crumbs} />
            </nav>
          )}
        </Flex>
      </Card>
      {dashboard.status === 'error' && (
        <Alert
          type={dashboard.notFound ? 'warning' : 'error'}
          showIcon
          title={dashboard.notFound ? t('无法查看该地区的进展') : t('进展数据加载失败')}
          description={t(dashboard.message)}
        />
      )}
      {dashboard.status === 'loading' && !data && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      {data && (
        <>
          <DashboardPanels data={data} linkFor={linkFor} />
          <Card
            size="small"
            title={markData(
              t(BREAKDOWN_TITLES[data.breakdown], {
                scope: placeName(data.scope.code, data.scope.name),
                span: spanText(data.year, data.month),
              }),
              [data.scope.name],
            )}
          >
            {data.communities ? (
              <CommunitiesTable communities={data.communities} />
            ) : (
              <UnitsTable units={data.units} linkFor={linkFor} />
            )}
          </Card>
          {showsReporting && (
            <CompletenessPanel unit={data.scope.code} year={data.year} period={period} />
          )}
          {tableScope && (
            <ProgressTableCard scope={tableScope} year={data.year} month={data.month} />
          )}
        </>
      )}
    </Space>
  );
}
