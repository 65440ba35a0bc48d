// The progress and consultations imports (POST /api/progress-imports) and the provinces' own
// consent thresholds (/api/consent-thresholds), issue 9 §2–3.
import type { ProgressImportKind, ProgressImportReport } from '../../../common/api/progress.ts';
import type { ConsentThresholds } from '../../../common/api/plan.ts';
import { api, uploadFile } from './client.ts';

export type {
  ImportRowError,
  ProgressImportKind,
  ProgressImportReport,
} from '../../../common/api/progress.ts';
/** The consent thresholds (居民同意比例) of a plan year: the national default and the provinces' own. */
export type { ConsentThresholds, ProvinceThreshold } from '../../../common/api/plan.ts';

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

export const listConsentThresholds = (year: number, signal?: AbortSignal) =>
  api.get<ConsentThresholds>('/api/consent-thresholds', { query: { year }, signal });

export const setConsentThreshold = (province: string, year: number, percent: number) =>
  api.put<undefined>(`/api/consent-thresholds/${province}/${year}`, { percent });

export const clearConsentThreshold = (province: string, year: number) =>
  api.delete<undefined>(`/api/consent-thresholds/${province}/${year}`);
