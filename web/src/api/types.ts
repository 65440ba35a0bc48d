// Shapes of the API's responses, as the contract with the server states them.
import type { Role } from '../../../common/roles.ts';

export type RegionLevel = 'country' | 'province' | 'prefecture' | 'county';

export interface RegionRef {
  code: string;
  name: string;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  region: {
    code: string;
    name: string;
    level: RegionLevel;
    kind: string;
    /** From the province down, including the region itself; [全国] for country-level users. */
    path: RegionRef[];
  };
  csrfToken: string;
  /** Not null: the password must be changed before anything else (initial, or past its age). */
  passwordChange: 'PASSWORD_INITIAL' | 'PASSWORD_EXPIRED' | null;
  /** The interface language the user chose, on any browser; null until chosen. */
  lang: 'zh' | 'en' | null;
}

export interface RegionChild {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string;
  isLedgerUnit: boolean;
  hasChildren: boolean;
}

export interface RegionDetail {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string;
  parentCode: string | null;
  /** From the province down, including the region itself; [全国] for 全国 itself. */
  path: RegionRef[];
  isLedgerUnit: boolean;
  children: RegionChild[];
}

export interface RegionSearchItem {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string;
  /** For example 湖北省武汉市江岸区. */
  fullName: string;
}

export interface UserItem {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  region: { code: string; name: string; fullName: string };
  disabled: boolean;
  version: number;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  country: '全国',
  province: '省级',
  prefecture: '地级',
  county: '县级',
};
