// The ministry's view of the provinces: a square per province-level unit at its approximate place,
// coloured by the start rate by communities, each a link to that province's units. A chart of
// reporting units, not a map: no boundaries are drawn (docs/adr/0004-progress-map.md).
import { Flex, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { DashboardUnit } from '../../api/progress.ts';
import {
  NO_PLAN_COLOR,
  PROVINCE_TILES,
  RATE_BANDS,
  rateColor,
  textColorFor,
  TILE_COLUMNS,
  TILE_ROWS,
} from './provinceTiles.ts';
import { Data, t } from '../../i18n/index.ts';
import { formatRate } from './progressFormat.ts';

export interface ProvinceTileMapProps {
  units: readonly DashboardUnit[];
  /** Where a tile leads: the progress page of that province. */
  linkFor: (code: string) => string;
}

export function ProvinceTileMap({ units, linkFor }: ProvinceTileMapProps) {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (
    <div>
      <div
        id="province-tile-map"
        role="group"
        aria-label={t('各省级单位开工率（按小区数）；每个链接为省级单位简称和开工率')}
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${TILE_COLUMNS}, minmax(52px, 1fr))`,
          gridTemplateRows: `repeat(${TILE_ROWS}, 52px)`,
          gap: 4,
          maxWidth: 560,
        }}
      >
        {PROVINCE_TILES.map((tile) => {
          const u = byCode.get(tile.code);
          const rate = u?.startRateByCommunities ?? null;
          const rateText = formatRate(rate);
          // The tile holds the province's short name and its rate only: data, as recorded.
          return (
            <Tooltip
              key={tile.code}
              title={
                u ? (
                  <>
                    <Data>{u.name}</Data>
                    {t('：计划 {plan} 个小区，已开工 {started} 个，开工率 {rate}', {
                      plan: u.planCommunities,
                      started: u.startedCommunities,
                      rate: rateText,
                    })}
                  </>
                ) : (
                  <Data>{tile.short}</Data>
                )
              }
            >
              <Link
                to={linkFor(tile.code)}
                translate="no"
                aria-label={`${tile.short} ${rateText}`}
                data-province={tile.short}
                data-code={tile.code}
                style={{
                  gridColumn: tile.col + 1,
                  gridRow: tile.row + 1,
                  background: rateColor(rate),
                  color: textColorFor(rate),
                  borderRadius: 4,
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: 'center',
                  justifyContent: 'center',
                  fontSize: 12,
                  lineHeight: 1.3,
                  textDecoration: 'none',
                }}
              >
                <strong>{tile.short}</strong>
                <span>{rateText}</span>
              </Link>
            </Tooltip>
          );
        })}
      </div>
      <Flex wrap gap="small" align="center" style={{ marginTop: 8 }} aria-label={t('图例')}>
        {[...RATE_BANDS, { from: -1, label: '无计划', color: NO_PLAN_COLOR }].map((b) => (
          <Flex key={b.label} gap={4} align="center">
            <span
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                borderRadius: 2,
                background: b.color,
                border: '1px solid #d9d9d9',
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(b.label)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('方块示意各省级填报单位的大致方位，不表示行政区域界线；点击方块查看该省各市。')}
      </Typography.Text>
    </div>
  );
}
