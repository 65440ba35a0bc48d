// 小区分布图: a unit's communities in a year's plan as points coloured by status, filtered by
// region, year and status, each a link to its community; the same points as a table below.
import { Alert, Card, Flex, Select, Space, Spin, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { getCommunityMap, type CommunityMap, type MapPoint } from '../../api/communityMap.ts';
import { useResource } from '../../api/useResource.ts';
import { useMe } from '../../app/auth.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { progressYears } from '../progress/progressSearch.ts';
import { Data, dataCell, t } from '../../i18n/index.ts';
import { yearText } from '../progress/progressFormat.ts';
import { Place } from '../progress/withData.tsx';
import { MapPlane, Marker } from './MapPlane.tsx';
import { MAP_STATUSES, parseMapSearch, STATUS_STYLE, type MapSearch } from './mapStatus.ts';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; data: CommunityMap }
  | { status: 'error'; message: string };

function useCommunityMap(search: MapSearch): Loaded {
  const map = useResource(
    ['community-map', search.region ?? null, search.year, search.status ?? null],
    (signal) => getCommunityMap(search, signal),
  );
  if (map.error) return { status: 'error', message: map.error.message };
  return map.data ? { status: 'ready', data: map.data } : { status: 'loading' };
}

function Legend() {
  return (
    <Flex wrap gap="middle" align="center" aria-label={t('图例')} role="list">
      {MAP_STATUSES.map((s) => (
        <Flex key={s} gap={4} align="center" role="listitem">
          <svg width={16} height={16} aria-hidden="true">
            <Marker status={s} x={8} y={8} />
          </svg>
          <span>{t(STATUS_STYLE[s].label)}</span>
        </Flex>
      ))}
    </Flex>
  );
}

function Caption({ data }: { data: CommunityMap }) {
  const { tiles } = data;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} id="map-caption">
      {t(
        '点位按小区登记的经纬度（WGS-84）示意其大致位置，不表示行政区域界线，不作地图使用；状态截至 {date}（以最近一次月度进展为准）。',
        { date: data.asOf },
      )}
      {tiles ? (
        <span id="map-tile-credit">
          {' '}
          {t('底图：')}
          <Data>{tiles.attribution}</Data>
          {t('，审图号：')}
          <Data>{tiles.reviewNo}</Data>
        </span>
      ) : (
        ` ${t('未配置底图服务：仅按点位范围等比例投影，无底图。')}`
      )}
    </Typography.Paragraph>
  );
}

const countText = (c: Record<string, number>) =>
  MAP_STATUSES.map((s) => `${t(STATUS_STYLE[s].label)} ${c[s]}`).join(t('，'));

export function CommunityMapPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const search = parseMapSearch(params);
  const loaded = useCommunityMap(search);
  const data = loaded.status === 'ready' ? loaded.data : null;
  const set = (patch: Partial<Record<keyof MapSearch, string | number | undefined>>) => {
    const next = { region: search.region, year: search.year, status: search.status, ...patch };
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') q.set(k, String(v));
    setParams(q);
  };
  const unlocated = data ? MAP_STATUSES.reduce((n, s) => n + data.unlocated[s], 0) : 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('小区分布图')} id="community-map-page">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('地区')}</span>
          <RegionTreeSelect
            id="map-region"
            aria-label={t('地区')}
            value={search.region ?? me.region.code}
            onChange={(code) => set({ region: code })}
            style={{ width: 260 }}
          />
          <span>{t('计划年度')}</span>
          <Select
            id="map-year"
            aria-label={t('计划年度')}
            value={search.year}
            style={{ width: 110 }}
            options={progressYears().map((y) => ({ value: y, label: yearText(y) }))}
            onChange={(year: number) => set({ year })}
          />
          <span>{t('状态')}</span>
          <Select
            id="map-status"
            aria-label={t('状态')}
            value={search.status ?? ''}
            style={{ width: 120 }}
            options={[
              { value: '', label: t('全部') },
              ...MAP_STATUSES.map((s) => ({ value: s, label: t(STATUS_STYLE[s].label) })),
            ]}
            onChange={(status: string) => set({ status: status || undefined })}
          />
        </Space>
        {loaded.status === 'error' && <Alert type="error" showIcon title={t(loaded.message)} />}
        {loaded.status === 'loading' && <Spin />}
        {data && (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Typography.Text id="map-counts">
              <Place code={data.region.code} name={data.region.name} />{' '}
              {unlocated
                ? t(
                    '{year}年计划小区：图上 {n} 个（{counts}）；未填经纬度、未上图 {m} 个（{unlocatedCounts}）',
                    {
                      year: data.year,
                      n: data.points.length,
                      counts: countText(data.counts),
                      m: unlocated,
                      unlocatedCounts: countText(data.unlocated),
                    },
                  )
                : t('{year}年计划小区：图上 {n} 个（{counts}）；未填经纬度、未上图 {m} 个', {
                    year: data.year,
                    n: data.points.length,
                    counts: countText(data.counts),
                    m: unlocated,
                  })}
              {t('。')}
            </Typography.Text>
            <MapPlane points={data.points} tiles={data.tiles} />
            <Legend />
            <Caption data={data} />
          </Space>
        )}
      </Card>
      {data && <PointsTable points={data.points} />}
    </Space>
  );
}

/** The same points as a table: the map's text alternative. */
function PointsTable({ points }: { points: MapPoint[] }) {
  return (
    <Card title={t('图上小区列表')} id="map-table">
      <Table<MapPoint>
        rowKey="id"
        size="small"
        dataSource={points}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('小区名称'),
            dataIndex: 'name',
            ...dataCell,
            render: (name: string, p) => <Link to={`/ledger/${p.id}`}>{name}</Link>,
          },
          { title: t('区县'), dataIndex: 'regionName', ...dataCell },
          {
            title: t('状态'),
            dataIndex: 'status',
            render: (s: MapPoint['status']) => t(STATUS_STYLE[s].label),
          },
          { title: t('居民户数'), dataIndex: 'households', align: 'right' },
          { title: t('经度'), dataIndex: 'lng', align: 'right' },
          { title: t('纬度'), dataIndex: 'lat', align: 'right' },
        ]}
      />
    </Card>
  );
}
