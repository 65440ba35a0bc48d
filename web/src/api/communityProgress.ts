// A community through the year (居民协商与改造进展): consultations with their documents, the consent
// status, monthly records with funds in place, and before/after photos.
// The shapes are the routes' own schemas (common/api/progress.ts), for the server and this client alike.
import type {
  CommunityProgress,
  ConsultationInput,
  CreatedId,
  PhotoKind,
  ProgressInput,
} from '../../../common/api/progress.ts';
import { api } from './client.ts';

export type {
  Attachment,
  CommunityProgress,
  Consultation,
  ConsultationInput,
  ConsultationMethod,
  FundLine,
  PhotoKind,
  ProgressInput,
  ProgressRecord,
} from '../../../common/api/progress.ts';
export type { FundingSource } from '../../../common/progress.ts';

const base = (id: number) => `/api/communities/${encodeURIComponent(String(id))}`;

export function getCommunityProgress(id: number, signal?: AbortSignal) {
  return api.get<CommunityProgress>(`${base(id)}/progress`, { signal });
}

export function addConsultation(id: number, input: ConsultationInput) {
  return api.post<CreatedId>(`${base(id)}/consultations`, input);
}

export function uploadConsultationDocument(id: number, consultationId: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<CreatedId>(
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
  return api.post<CreatedId>(`${base(id)}/photos`, form);
}

export function deleteAttachment(id: number, attachmentId: number) {
  return api.delete<undefined>(
    `${base(id)}/attachments/${encodeURIComponent(String(attachmentId))}`,
  );
}
