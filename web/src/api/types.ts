// Shapes of the API's responses shared by several screens, as the server's route schemas state
// them (common/api/).
export type { Me } from '../../../common/api/auth.ts';
export type {
  RegionChild,
  RegionDetail,
  RegionRef,
  RegionSearchItem,
} from '../../../common/api/regions.ts';
export type { UserItem } from '../../../common/api/users.ts';
export { LEVEL_LABELS, type RegionLevel } from '../../../common/regions.ts';

export interface Page<T> {
  items: T[];
  total: number;
}
