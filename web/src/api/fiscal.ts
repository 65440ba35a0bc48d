// 财政承受能力评估: a city's or county's assessment for a plan year and the province's review
// (server: modules/fiscal).
import { api, uploadFile } from './client.ts';

export type ReviewStatus = 'pending' | 'passed' | 'returned';
export type Conclusion = 'within' | 'exceeds';

export interface FiscalAssessment {
  regionCode: string;
  name: string;
  level: string;
  planYear: number;
  version: number;
  /** 万元, 4 decimals */
  available: string;
  document: string;
  debtIndicators: string;
  debtRatio: string | null;
  debtBalance: string | null;
  conclusion: Conclusion;
  conclusionNote: string;
  file: { name: string; contentType: string; size: number; url: string } | null;
  review: {
    status: ReviewStatus;
    reviewer: string | null;
    reviewedOn: string | null;
    remark: string;
    reviewedBy: string | null;
    reviewedAt: string | null;
  };
  updatedBy: string | null;
  updatedAt: string;
  canEdit: boolean;
  canReview: boolean;
}

export interface FiscalList {
  items: FiscalAssessment[];
  /** the units with communities in the plan, and whether each has an assessment */
  units: { code: string; name: string; communities: number; assessed: boolean }[];
}

export interface AssessmentInput {
  version: number | null;
  available: string;
  document: string;
  debtIndicators: string;
  debtRatio: string | null;
  debtBalance: string | null;
  conclusion: Conclusion;
  conclusionNote: string;
}

export interface ReviewInput {
  version: number;
  decision: 'passed' | 'returned';
  reviewer: string;
  reviewedOn: string;
  remark: string;
}

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
