// 十四五: a region's targets for 2021–2025 against what the ledger holds, the reserve pools against
// what remains, and green-community creation against the notice's 25 % (建办城〔2021〕28号).
// The scope is the user's own region by default; users above county level may pick one below.
import { Alert, Card, Flex, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { getFiveYear, type FiveYearView } from '../../api/fiveYear.ts';
import { useResource } from '../../api/useResource.ts';
import { useMe } from '../../app/auth.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { currentLang, dateText, t } from '../../i18n/index.ts';
import { GreenSection } from './GreenSection.tsx';
import { PoolsSection } from './PoolsSection.tsx';
import { ProgressSection } from './ProgressSection.tsx';

type State =
  | { status: 'loading'; data?: FiveYearView }
  | { status: 'ready'; data: FiveYearView }
  | { status: 'error'; message: string; notFound: boolean };

function useFiveYear(scope: string | undefined) {
  // Keep the figures on screen while reloading after a save or for another region, so the page
  // does not jump; a failure shows the error instead of them.
  const view = useResource(['five-year', scope ?? null], (signal) => getFiveYear(scope, signal), {
    keepPrevious: true,
  });
  const state: State = view.error
    ? { status: 'error', message: view.error.message, notFound: view.error.status === 404 }
    : view.loading || !view.data
      ? { status: 'loading', data: view.data }
      : { status: 'ready', data: view.data };
  return { state, reload: view.reload };
}

/** The figures' date as before in Chinese (2026-12-05), in words in English. */
const asOfText = (asOf: string) =>
  currentLang() === 'zh' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : dateText(asOf);

export function FiveYearPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? undefined;
  const { state, reload } = useFiveYear(scope);
  const data = 'data' in state ? state.data : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('十四五城镇老旧小区改造目标与进展（2021—2025年）')}
        extra={
          me.region.level !== 'county' && (
            <Flex gap="small" align="center">
              <span>{t('地区')}</span>
              <RegionTreeSelect
                id="five-year-scope"
                aria-label={t('地区')}
                value={scope ?? me.region.code}
                onChange={(code) =>
                  setParams(code && code !== me.region.code ? { scope: code } : {})
                }
                style={{ width: 260 }}
              />
            </Flex>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(
            '计划：计划年度为该年、纳入实施库的小区；开工、完工：这些小区最新一期进展中已填开工日期、完工日期的（与进展统计同一口径）。十四五完成目标按2000年底前建成的小区计（建办城〔2021〕28号 一）。',
          )}
          {data && t('数据截至 {date}。', { date: asOfText(data.asOf) })}
        </Typography.Paragraph>
      </Card>
      {state.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={state.notFound ? t('该地区不在您的管辖范围内') : state.message}
        />
      )}
      {!data && state.status === 'loading' && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      {data && (
        <Spin spinning={state.status === 'loading'}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ProgressSection view={data} onSaved={reload} />
            <PoolsSection view={data} />
            <GreenSection view={data} onSaved={reload} />
          </Space>
        </Spin>
      )}
    </Space>
  );
}
