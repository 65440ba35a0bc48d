// The map's plane: Web Mercator (EPSG:3857, the projection of 天地图's "_w" layers and of most tile
// services), fitted to the points' extent with a margin, so that without tiles the points keep
// their relative places and with tiles they land where the tiles put their places. Pure.

/** The drawing's size in viewBox units (the SVG scales it to the page's width). */
export const PLANE = { width: 800, height: 500 } as const;
const MARGIN = 40;
/** The smallest extent shown, in degrees of longitude (about 2 km): one point is not a whole screen. */
const MIN_SPAN_DEG = 0.02;
const TILE_PX = 256;
const MAX_ZOOM = 18;

/** A position as a fraction of the Mercator world (0–1 from west and from north). */
export function toWorld(lng: number, lat: number): { x: number; y: number } {
  const s = Math.sin((lat * Math.PI) / 180);
  return { x: (lng + 180) / 360, y: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI) };
}

export interface Fit {
  /** the world's west and north edges of the plane */
  x0: number;
  y0: number;
  /** plane units per world unit */
  scale: number;
}

/** The fit that shows every position inside the plane's margins (null without any). */
export function fitTo(positions: readonly { lng: number; lat: number }[]): Fit | null {
  if (!positions.length) return null;
  const world = positions.map((p) => toWorld(p.lng, p.lat));
  const xs = world.map((w) => w.x);
  const ys = world.map((w) => w.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const minSpan = MIN_SPAN_DEG / 360;
  const spanX = Math.max(maxX - minX, minSpan);
  const spanY = Math.max(maxY - minY, minSpan);
  const scale = Math.min((PLANE.width - 2 * MARGIN) / spanX, (PLANE.height - 2 * MARGIN) / spanY);
  return {
    x0: (minX + maxX) / 2 - PLANE.width / 2 / scale,
    y0: (minY + maxY) / 2 - PLANE.height / 2 / scale,
    scale,
  };
}

/** Where a position falls on the plane. */
export function project(fit: Fit, lng: number, lat: number): { x: number; y: number } {
  const w = toWorld(lng, lat);
  return { x: (w.x - fit.x0) * fit.scale, y: (w.y - fit.y0) * fit.scale };
}

export interface Tile {
  key: string;
  url: string;
  /** place and size on the plane */
  left: number;
  top: number;
  size: number;
}

/**
 * The tiles that cover the plane, at the zoom whose tiles come nearest their natural size, with
 * {z}, {x} and {y} of the template filled in (XYZ rows from the north, as 天地图's TILEROW).
 */
export function tilesFor(fit: Fit, template: string): Tile[] {
  const zoom = Math.max(0, Math.min(MAX_ZOOM, Math.round(Math.log2(fit.scale / TILE_PX))));
  const n = 2 ** zoom;
  const size = fit.scale / n;
  const first = (v: number) => Math.max(0, Math.floor(v * n));
  const last = (v: number) => Math.min(n - 1, Math.floor(v * n));
  const tiles: Tile[] = [];
  for (let ty = first(fit.y0); ty <= last(fit.y0 + PLANE.height / fit.scale); ty++)
    for (let tx = first(fit.x0); tx <= last(fit.x0 + PLANE.width / fit.scale); tx++)
      tiles.push({
        key: `${zoom}/${tx}/${ty}`,
        url: template
          .replaceAll('{z}', String(zoom))
          .replaceAll('{x}', String(tx))
          .replaceAll('{y}', String(ty)),
        left: (tx / n - fit.x0) * fit.scale,
        top: (ty / n - fit.y0) * fit.scale,
        size,
      });
  return tiles;
}
