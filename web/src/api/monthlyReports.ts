// 月报: a unit's monthly report (frozen as at month end, versioned, with its hash), the completeness
// of the units below, reminders, and the province's due day. Shapes: common/api/monthly-reports.ts.
import type {
  Completeness,
  DueDay,
  Reminders,
  ReportHistory,
  ReportPreview,
  ReportVersion,
  SubmittedReport,
} from '../../../common/api/monthly-reports.ts';
import { api } from './client.ts';

export type {
  Completeness,
  CompletenessItem,
  DueDay,
  FrozenCommunity,
  ReportContent,
  ReportHistory,
  ReportPreview,
  ReportSummary,
  ReportUnit,
  ReportVersion,
  SubmittedReport,
} from '../../../common/api/monthly-reports.ts';
export type { ReportStatus } from '../../../common/monthly-reports.ts';

const base = (unit: string, year: number) => `/api/monthly-reports/${unit}/${year}`;

export const getReportHistory = (unit: string, year: number, signal?: AbortSignal) =>
  api.get<ReportHistory>(base(unit, year), { signal });

export const previewReport = (unit: string, year: number, period: string, signal?: AbortSignal) =>
  api.get<ReportPreview>(`${base(unit, year)}/${period}/preview`, { signal });

export const submitReport = (unit: string, year: number, period: string) =>
  api.post<SubmittedReport>(`${base(unit, year)}/${period}`);

export const getReportVersion = (unit: string, year: number, period: string, version: number) =>
  api.get<ReportVersion>(`${base(unit, year)}/${period}/versions/${version}`);

export const getCompleteness = (unit: string, year: number, period: string, signal?: AbortSignal) =>
  api.get<Completeness>(`${base(unit, year)}/${period}/completeness`, { signal });

export const remindLate = (unit: string, year: number, period: string) =>
  api.post<Reminders>(`${base(unit, year)}/${period}/reminders`);

export const getDueDay = (province: string, signal?: AbortSignal) =>
  api.get<DueDay>(`/api/report-due-days/${province}`, { signal });

export const setDueDay = (province: string, dueDay: number) =>
  api.put<DueDay>(`/api/report-due-days/${province}`, { dueDay });
