// 小区分布图: a unit's communities in a year's plan as points coloured by status, filtered by
// region, year and status, each a link to its community; the same points as a table below.
import { Alert, Card, Flex, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { getCommunityMap, type CommunityMap, type MapPoint } from '../../api/communityMap.ts';
import { useMe } from '../../app/auth.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { progressYears } from '../progress/progressSearch.ts';
import { MapPlane, Marker } from './MapPlane.tsx';
import { MAP_STATUSES, parseMapSearch, STATUS_STYLE, type MapSearch } from './mapStatus.ts';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; data: CommunityMap }
  | { status: 'error'; message: string };

function useCommunityMap(search: MapSearch): Loaded {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const key = `${search.region ?? ''}|${search.year}|${search.status ?? ''}`;
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    getCommunityMap(search, ctrl.signal).then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) =>
        !ctrl.signal.aborted && setState({ status: 'error', message: errorMessage(e) }),
    );
    return () => ctrl.abort();
    // `search` is a new object each render; the question it asks is `key`.
  }, [key]);
  return state;
}

function Legend() {
  return (
    <Flex wrap gap="middle" align="center" aria-label="图例" role="list">
      {MAP_STATUSES.map((s) => (
        <Flex key={s} gap={4} align="center" role="listitem">
          <svg width={16} height={16} aria-hidden="true">
            <Marker status={s} x={8} y={8} />
          </svg>
          <span>{STATUS_STYLE[s].label}</span>
        </Flex>
      ))}
    </Flex>
  );
}

function Caption({ data }: { data: CommunityMap }) {
  const { tiles } = data;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} id="map-caption">
      点位按小区登记的经纬度（WGS-84）示意其大致位置，不表示行政区域界线，不作地图使用；状态截至{' '}
      {data.asOf}（以最近一次月度进展为准）。
      {tiles ? (
        <span id="map-tile-credit">
          {' '}
          底图：{tiles.attribution}，审图号：{tiles.reviewNo}
        </span>
      ) : (
        ' 未配置底图服务：仅按点位范围等比例投影，无底图。'
      )}
    </Typography.Paragraph>
  );
}

const countText = (c: Record<string, number>) =>
  MAP_STATUSES.map((s) => `${STATUS_STYLE[s].label} ${c[s]}`).join('，');

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
      <Card title="小区分布图" id="community-map-page">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>地区</span>
          <RegionTreeSelect
            id="map-region"
            aria-label="地区"
            value={search.region ?? me.region.code}
            onChange={(code) => set({ region: code })}
            style={{ width: 260 }}
          />
          <span>计划年度</span>
          <Select
            id="map-year"
            aria-label="计划年度"
            value={search.year}
            style={{ width: 110 }}
            options={progressYears().map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(year: number) => set({ year })}
          />
          <span>状态</span>
          <Select
            id="map-status"
            aria-label="状态"
            value={search.status ?? ''}
            style={{ width: 120 }}
            options={[
              { value: '', label: '全部' },
              ...MAP_STATUSES.map((s) => ({ value: s, label: STATUS_STYLE[s].label })),
            ]}
            onChange={(status: string) => set({ status: status || undefined })}
          />
        </Space>
        {loaded.status === 'error' && <Alert type="error" showIcon title={loaded.message} />}
        {loaded.status === 'loading' && <Spin />}
        {data && (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Typography.Text id="map-counts">
              {data.region.name} {data.year}年计划小区：图上 {data.points.length} 个（
              {countText(data.counts)}）；未填经纬度、未上图 {unlocated} 个
              {unlocated ? `（${countText(data.unlocated)}）` : ''}。
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
    <Card title="图上小区列表" id="map-table">
      <Table<MapPoint>
        rowKey="id"
        size="small"
        dataSource={points}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '小区名称',
            dataIndex: 'name',
            render: (name: string, p) => <Link to={`/ledger/${p.id}`}>{name}</Link>,
          },
          { title: '区县', dataIndex: 'regionName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: MapPoint['status']) => STATUS_STYLE[s].label,
          },
          { title: '居民户数', dataIndex: 'households', align: 'right' },
          { title: '经度', dataIndex: 'lng', align: 'right' },
          { title: '纬度', dataIndex: 'lat', align: 'right' },
        ]}
      />
    </Card>
  );
}
