// A community's month-end record as entered (各月进展): the body of
// PUT /api/communities/:id/progress/:period, read by the server (progress.service.ts, for the API
// and imports alike) and sent by the web form (web/src/api/communityProgress.ts). Figures are
// cumulative to the month end; decimals travel as text, as in the import template, so that
// 万元 and 公里 arrive exact.

/** 资金来源: the stored text values of a project's and a month's funds. */
export type FundingSource =
  'central' | 'provincial' | 'local' | 'bonds' | 'residents' | 'utilities' | 'social';

/** 资金到位 from one source. */
export interface FundInput {
  source: FundingSource;
  /** 万元, up to 4 decimals */
  amount: string;
}

export interface ProgressInput {
  startDate?: string;
  completionDate?: string;
  /** 万元 */
  investmentDone?: string;
  pipelinesKm?: string;
  elevators?: number;
  parking?: number;
  chargers?: number;
  elderlyCare?: number;
  childcare?: number;
  housekeeping?: number;
  health?: number;
  /** 平方米 */
  energyArea?: string;
  corrected?: boolean;
  /** 资金到位 by source, entered on the community page; omitted: left as it was; empty: cleared. */
  funds?: FundInput[];
}
