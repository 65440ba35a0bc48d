// A community through the year (居民协商与改造进展): consultations with their documents, the consent
// status, monthly records with funds in place, and before/after photos.
import type { FundingSource, ProgressInput } from '../../../common/progress.ts';
import { api } from './client.ts';

// The month's record is described once, in common/, for the server and this client alike.
export type { FundingSource, ProgressInput };

/** 'unrecorded': imported from a progress row, which gives the households agreeing only */
export type ConsultationMethod = 'meeting' | 'door_to_door' | 'online' | 'written' | 'unrecorded';
export type PhotoKind = 'before' | 'after';

export interface Attachment {
  id: number;
  kind: PhotoKind | 'document';
  consultationId: number | null;
  period: string | null;
  lng: string | null;
  lat: string | null;
  /** photos: the camera's local time from the photo's EXIF, `YYYY-MM-DDTHH:MM:SS` */
  takenAt: string | null;
  /** photos: where the position came from */
  positionSource: 'exif' | 'device' | 'manual' | null;
  caption: string;
  fileName: string;
  contentType: string;
  size: number;
  username: string;
  createdAt: string;
  /** view inline; add ?download=1 to download */
  url: string;
}

export interface Consultation {
  id: number;
  heldOn: string;
  method: ConsultationMethod;
  householdsConsulted: number;
  householdsAgreeing: number;
  /** of all households of the community, '81.2%' */
  share: string;
  reachesThreshold: boolean;
  agreedScheme: boolean;
  agreedContribution: boolean;
  agreedAftercare: boolean;
  notes: string;
  /** 'import': from a progress or consultations file (导入) */
  source: 'form' | 'import';
  importId: number | null;
  username: string;
  documents: Attachment[];
}

export interface FundLine {
  source: FundingSource;
  label: string;
  /** 万元, exact */
  amount: string;
}

export interface ProgressRecord {
  period: string;
  startDate: string | null;
  completionDate: string | null;
  /** 万元, exact */
  investmentDone: string;
  pipelinesKm: string;
  elevators: number;
  parking: number;
  chargers: number;
  elderlyCare: number;
  childcare: number;
  housekeeping: number;
  health: number;
  /** 平方米 */
  energyArea: string;
  corrected: boolean;
  funds: FundLine[];
  fundsTotal: string;
  username: string;
  updatedAt: string;
}

export interface CommunityProgress {
  /** Login name → the person as pages show them: unit and display name. */
  people: Record<string, string>;
  households: number;
  consentThreshold: number;
  /** 'province': the province's own figure for the plan year; 'national': the plan year's */
  consentThresholdSource: 'province' | 'national';
  consent: {
    households: number;
    bestAgreeing: number;
    share: string;
    thresholdLabel: string;
    reached: boolean;
  };
  /** Why a start would be refused now, if it would. */
  startBlockedBy: string | null;
  /** Newest first. */
  consultations: Consultation[];
  /** Newest month first. */
  records: ProgressRecord[];
  /** Newest first. */
  photos: Attachment[];
  fundingSources: { source: FundingSource; label: string }[];
}

export interface ConsultationInput {
  heldOn: string;
  method: ConsultationMethod;
  householdsConsulted: number;
  householdsAgreeing: number;
  agreedScheme: boolean;
  agreedContribution: boolean;
  agreedAftercare: boolean;
  notes: string;
}

const base = (id: number) => `/api/communities/${encodeURIComponent(String(id))}`;

export function getCommunityProgress(id: number, signal?: AbortSignal) {
  return api.get<CommunityProgress>(`${base(id)}/progress`, { signal });
}

export function addConsultation(id: number, input: ConsultationInput) {
  return api.post<{ id: number }>(`${base(id)}/consultations`, input);
}

export function uploadConsultationDocument(id: number, consultationId: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<{ id: number }>(
    `${base(id)}/consultations/${encodeURIComponent(String(consultationId))}/documents`,
    form,
  );
}

export function recordProgress(id: number, period: string, input: ProgressInput) {
  return api.put<undefined>(`${base(id)}/progress/${encodeURIComponent(period)}`, input);
}

export function uploadPhoto(
  id: number,
  input: {
    kind: PhotoKind;
    period?: string;
    lng?: string;
    lat?: string;
    positionSource?: 'device' | 'manual';
    caption?: string;
  },
  file: File,
) {
  const form = new FormData();
  // The text fields go first: the server reads them before the file.
  for (const [k, v] of Object.entries(input)) if (v) form.append(k, v);
  form.append('file', file, file.name);
  return api.post<{ id: number }>(`${base(id)}/photos`, form);
}

export function deleteAttachment(id: number, attachmentId: number) {
  return api.delete<undefined>(
    `${base(id)}/attachments/${encodeURIComponent(String(attachmentId))}`,
  );
}
