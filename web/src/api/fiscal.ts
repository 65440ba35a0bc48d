// 财政承受能力评估: a city's or county's assessment for a plan year and the province's review
// (server: modules/fiscal; types from the routes' schemas, common/api/fiscal.ts).
import type {
  AssessmentInput,
  FiscalAssessment,
  FiscalList,
  ReviewInput,
  ReviewStatus,
} from '../../../common/api/fiscal.ts';
import { api, uploadFile } from './client.ts';

export type {
  AssessmentInput,
  Conclusion,
  FiscalAssessment,
  FiscalList,
  ReviewInput,
  ReviewStatus,
} from '../../../common/api/fiscal.ts';

export const REVIEW_LABELS: Record<ReviewStatus, { text: string; color: string }> = {
  pending: { text: '待审核', color: 'processing' },
  passed: { text: '通过', color: 'success' },
  returned: { text: '退回', color: 'error' },
};

const base = (region: string, year: number) =>
  `/api/fiscal-assessments/${encodeURIComponent(region)}/${encodeURIComponent(String(year))}`;

export function listAssessments(year: number, signal?: AbortSignal): Promise<FiscalList> {
  return api.get<FiscalList>('/api/fiscal-assessments', { query: { year }, signal });
}

export function saveAssessment(
  region: string,
  year: number,
  input: AssessmentInput,
): Promise<FiscalAssessment> {
  return api.put<FiscalAssessment>(base(region, year), input);
}

export function reviewAssessment(
  region: string,
  year: number,
  input: ReviewInput,
): Promise<FiscalAssessment> {
  return api.put<FiscalAssessment>(`${base(region, year)}/review`, input);
}

export function uploadAssessmentFile(region: string, year: number, version: number, file: File) {
  return uploadFile<FiscalAssessment>(
    `${base(region, year)}/file?version=${version}`,
    file,
    file.name,
  ).promise;
}
