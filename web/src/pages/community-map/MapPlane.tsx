// The points on a plane fitted to their extent (projection.ts), over the deployment's tiles when it
// has a tile service and over nothing otherwise: no boundary is drawn, no external request made
// (docs/adr/0005-community-map.md). Each point is a link to its community with an accessible name.
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { MapPoint, MapTiles } from '../../api/communityMap.ts';
import { currentLang, Data, t } from '../../i18n/index.ts';
import { HiddenText } from '../progress/withData.tsx';
import { STATUS_STYLE } from './mapStatus.ts';
import { fitTo, PLANE, project, tilesFor } from './projection.ts';

const pct = (v: number, of: number) => `${(v / of) * 100}%`;

export function Marker({ status, x, y }: Pick<MapPoint, 'status'> & { x: number; y: number }) {
  const { color, shape } = STATUS_STYLE[status];
  if (shape === 'square')
    return <rect x={x - 6} y={y - 6} width={12} height={12} fill={color} stroke="#fff" />;
  if (shape === 'ring')
    return <circle cx={x} cy={y} r={6} fill="#fff" stroke={color} strokeWidth={3} />;
  return <circle cx={x} cy={y} r={7} fill={color} stroke="#fff" />;
}

export function pointName(p: MapPoint): string {
  return `${p.name}${t('（')}${p.regionName}${t('，')}${t(STATUS_STYLE[p.status].label)}${t('，')}${t('{n} 户', { n: p.households })}${t('）')}`;
}

/** A point's accessible name with its name and district marked as data (for aria-labelledby). */
function PointDescription({ p }: { p: MapPoint }) {
  return (
    <span id={`map-point-${p.id}`}>
      <Data>{p.name}</Data>
      {t('（')}
      <Data>{p.regionName}</Data>
      {t('，')}
      {t(STATUS_STYLE[p.status].label)}
      {t('，')}
      {t('{n} 户', { n: p.households })}
      {t('）')}
    </span>
  );
}

export function MapPlane({ points, tiles }: { points: MapPoint[]; tiles: MapTiles | null }) {
  const navigate = useNavigate();
  const zh = currentLang() === 'zh';
  const fit = fitTo(points);
  let under: ReactNode = null;
  if (fit && tiles)
    under = tiles.urls.flatMap((url, layer) =>
      tilesFor(fit, url).map((t) => (
        <img
          key={`${layer}/${t.key}`}
          src={t.url}
          alt=""
          // The document sends no referrer; a keyed service (天地图's tk) checks the site's origin.
          referrerPolicy="origin"
          style={{
            position: 'absolute',
            left: pct(t.left, PLANE.width),
            top: pct(t.top, PLANE.height),
            width: pct(t.size, PLANE.width),
            height: pct(t.size, PLANE.height),
          }}
        />
      )),
    );
  return (
    <div
      style={{
        position: 'relative',
        overflow: 'hidden',
        aspectRatio: `${PLANE.width} / ${PLANE.height}`,
        maxWidth: PLANE.width,
        background: tiles ? '#f0f0f0' : '#fafafa',
        border: '1px solid #d9d9d9',
        borderRadius: 4,
      }}
    >
      {under}
      <svg
        id="community-map"
        role="group"
        aria-label={t('小区分布图')}
        viewBox={`0 0 ${PLANE.width} ${PLANE.height}`}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}
      >
        {fit &&
          points.map((p) => {
            const { x, y } = project(fit, p.lng, p.lat);
            const href = `/ledger/${p.id}`;
            return (
              <a
                key={p.id}
                href={href}
                // An attribute cannot mark the name inside it as data: in English the name comes
                // from the point's description below, where it is marked.
                {...(zh
                  ? { 'aria-label': pointName(p) }
                  : { 'aria-labelledby': `map-point-${p.id}` })}
                data-status={p.status}
                data-community={p.id}
                onClick={(e) => {
                  e.preventDefault();
                  void navigate(href);
                }}
              >
                <title>{pointName(p)}</title>
                <Marker status={p.status} x={x} y={y} />
              </a>
            );
          })}
      </svg>
      {fit && !zh && (
        <HiddenText>
          {points.map((p) => (
            <PointDescription key={p.id} p={p} />
          ))}
        </HiddenText>
      )}
    </div>
  );
}
