// 各省上报: the national overview of every province's declaration against its deadline, with the
// three national departments' receipts. Shapes as server/src/modules/declarations/signoff.service.ts
// presents them.
import { api } from './client.ts';
import type { DeclarationState, Receipt } from './declarations.ts';

export type ProvinceProgress =
  'not_started' | 'in_progress' | 'submitted_on_time' | 'late' | 'returned' | 'revising';

export interface OverviewItem {
  code: string;
  name: string;
  state: DeclarationState | null;
  stateLabel: string;
  progress: ProvinceProgress;
  progressLabel: string;
  version: number;
  submittedAt: string | null;
  /** The province's deadline: the plan year's. */
  deadline: string;
  daysLeft: number;
  /** 住建部, 发改委, 财政部: who has signed for the latest submitted version. */
  receipts: Pick<Receipt, 'role' | 'label' | 'username' | 'at'>[];
}

/** The ministry's overview: the provinces, and the ministry's own deadline to receive them. */
export interface Overview {
  /** The plan year's deadline (the viewer's own). */
  deadline: string;
  daysLeft: number;
  items: OverviewItem[];
}

export function getOverview(year: number, signal?: AbortSignal) {
  return api.get<Overview>('/api/declarations-overview', { query: { year }, signal });
}
