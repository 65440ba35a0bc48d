/**
 * The keys by which communities of neighbouring units are suspected to be one place (the duplicate
 * scan, duplicates.service.ts): the same address, or positions within about 50 m. Stored with each
 * community (communities.address_key, cell_key) as its address and position are written, so that
 * the scan finds the shared ones in the engine rather than reading every address.
 */
import { charCount, orthographicKey } from './names.ts';

/** Addresses shorter than this, once keyed, are too vague to pair communities by (建设路1号 is). */
const ADDRESS_MIN_CHARS = 6;

/** About 50 m in latitude; two communities in one cell of this grid are neighbours. */
const GRID = 0.0005;

/** The address's orthographic key, or null when it is too short to tell a place. */
export function addressKey(address: string): string | null {
  const key = address && orthographicKey(address);
  return key && charCount(key) >= ADDRESS_MIN_CHARS ? key : null;
}

/** The grid cell of a position as stored (decimal degrees, text), or null without both. */
export function positionCell(lng: string | null, lat: string | null): string | null {
  return lng && lat ? `${Math.floor(Number(lng) / GRID)}:${Math.floor(Number(lat) / GRID)}` : null;
}
