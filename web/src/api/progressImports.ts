// The progress and consultations imports (POST /api/progress-imports) and the provinces' own
// consent thresholds (/api/consent-thresholds), issue 9 §2–3.
import type { ProgressImportKind, ProgressImportReport } from '../../../common/api/progress.ts';
import { api, uploadFile } from './client.ts';

export type {
  ImportRowError,
  ProgressImportKind,
  ProgressImportReport,
} from '../../../common/api/progress.ts';

export function uploadProgressImport(
  kind: ProgressImportKind,
  dryRun: boolean,
  file: File,
  onProgress?: (percent: number) => void,
) {
  return uploadFile<ProgressImportReport>(
    `/api/progress-imports?kind=${kind}&dryRun=${dryRun}`,
    file,
    file.name,
    onProgress,
  );
}

export const progressTemplateUrl = (kind: ProgressImportKind) =>
  `/api/progress-imports/template.csv?kind=${kind}`;

export interface ProvinceThreshold {
  provinceCode: string;
  provinceName: string;
  /** a ratio: 0.75 is three quarters */
  threshold: number;
  label: string;
  /** the plan year from which it holds */
  fromYear: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ConsentThresholds {
  planYear: number;
  national: number;
  nationalLabel: string;
  items: ProvinceThreshold[];
}

export const listConsentThresholds = (year: number, signal?: AbortSignal) =>
  api.get<ConsentThresholds>('/api/consent-thresholds', { query: { year }, signal });

export const setConsentThreshold = (province: string, year: number, percent: number) =>
  api.put<undefined>(`/api/consent-thresholds/${province}/${year}`, { percent });

export const clearConsentThreshold = (province: string, year: number) =>
  api.delete<undefined>(`/api/consent-thresholds/${province}/${year}`);
