// 月报: a unit's monthly report (frozen as at month end, versioned, with its hash), the completeness
// of the units below, reminders, and the province's due day. Shapes as
// server/src/modules/reports/monthly-reports.routes.ts states them.
import { api } from './client.ts';

export type ReportStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export interface ReportUnit {
  code: string;
  name: string;
  level: 'country' | 'province' | 'prefecture' | 'county';
}

export interface ReportSummary {
  /** YYYY-MM */
  period: string;
  version: number;
  hash: string;
  submittedBy: string;
  submittedAt: string;
  dueDate: string;
  /** this version came before the due date's end */
  inTime: boolean;
}

export interface FrozenCommunity {
  id: number;
  name: string;
  regionCode: string;
  prefectureCode: string;
  households: number;
  /** the month of the record used (the latest up to the report's month); null: no record */
  recordPeriod: string | null;
  startDate: string | null;
  completionDate: string | null;
  /** 元 */
  investmentDoneYuan: number;
  /** 米 */
  pipelinesM: number;
  elevators: number;
  parking: number;
  chargers: number;
  elderlyCare: number;
  childcare: number;
  housekeeping: number;
  health: number;
  /** 平方米 × 100 */
  energyAreaCenti: number;
  corrected: boolean;
}

export interface ReportContent {
  unit: ReportUnit;
  planYear: number;
  period: string;
  monthEnd: string;
  communities: FrozenCommunity[];
  table: { title: string; header: string[]; rows: (string | number)[][] };
}

export interface ReportPreview {
  unit: ReportUnit;
  year: number;
  period: string;
  dueDate: string;
  canSubmit: boolean;
  /** the month's last day (China time), from which it may be submitted; `open`: it has come */
  opensOn: string;
  open: boolean;
  hash: string;
  latest: (ReportSummary & { unchanged: boolean }) | null;
  content: ReportContent;
}

export interface ReportHistory {
  unit: ReportUnit;
  year: number;
  dueDay: number;
  canSubmit: boolean;
  /** Login name → the person as pages show them: unit and display name. */
  people: Record<string, string>;
  reports: (ReportSummary & { status: ReportStatus; statusLabel: string })[];
}

export interface SubmittedReport {
  version: number;
  hash: string;
  submittedAt: string;
  dueDate: string;
  inTime: boolean;
}

export interface CompletenessItem {
  code: string;
  name: string;
  status: ReportStatus;
  statusLabel: string;
  dueDate: string;
  version: number;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
}

export interface Completeness {
  unit: ReportUnit;
  year: number;
  period: string;
  canRemind: boolean;
  counts: {
    total: number;
    reported: number;
    onTime: number;
    late: number;
    pending: number;
    overdue: number;
  };
  items: CompletenessItem[];
  /** units below with nothing in the year's plan: nothing to report */
  withoutPlan: { code: string; name: string }[];
}

export interface DueDay {
  province: { code: string; name: string };
  dueDay: number;
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  canSet: boolean;
}

const base = (unit: string, year: number) => `/api/monthly-reports/${unit}/${year}`;

export const getReportHistory = (unit: string, year: number, signal?: AbortSignal) =>
  api.get<ReportHistory>(base(unit, year), { signal });

export const previewReport = (unit: string, year: number, period: string, signal?: AbortSignal) =>
  api.get<ReportPreview>(`${base(unit, year)}/${period}/preview`, { signal });

export const submitReport = (unit: string, year: number, period: string) =>
  api.post<SubmittedReport>(`${base(unit, year)}/${period}`);

export const getReportVersion = (unit: string, year: number, period: string, version: number) =>
  api.get<ReportSummary & { integrity?: 'ok' | 'mismatch'; content: ReportContent }>(
    `${base(unit, year)}/${period}/versions/${version}`,
  );

export const getCompleteness = (unit: string, year: number, period: string, signal?: AbortSignal) =>
  api.get<Completeness>(`${base(unit, year)}/${period}/completeness`, { signal });

export const remindLate = (unit: string, year: number, period: string) =>
  api.post<{ notified: { code: string; name: string }[] }>(
    `${base(unit, year)}/${period}/reminders`,
  );

export const getDueDay = (province: string, signal?: AbortSignal) =>
  api.get<DueDay>(`/api/report-due-days/${province}`, { signal });

export const setDueDay = (province: string, dueDay: number) =>
  api.put<DueDay>(`/api/report-due-days/${province}`, { dueDay });
