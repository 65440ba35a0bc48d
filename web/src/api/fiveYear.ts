// 十四五: the five-year view of a region (targets, plan, starts, completions, pools, green
// communities) and the writes that set its targets and green-community figures.
import type {
  CompletionTargetInput,
  FiveYearView,
  GreenInput as GreenBody,
  StartTargetInput as StartTargetBody,
} from '../../../common/api/five-year.ts';
import { api } from './client.ts';

export type {
  CompletionTargetInput,
  FiveYearView,
  FiveYearYear,
  GreenCity,
  GreenInput as GreenBody,
  PoolKey,
  PoolRow,
  StartTargetInput as StartTargetBody,
} from '../../../common/api/five-year.ts';

export const getFiveYear = (scope: string | undefined, signal?: AbortSignal) =>
  api.get<FiveYearView>('/api/five-year', { query: { scope }, signal });

export const putStartTarget = (code: string, year: number, body: StartTargetBody) =>
  api.put<{ version: number }>(`/api/five-year/targets/${encodeURIComponent(code)}/${year}`, body);

export const putCompletionTarget = (code: string, body: CompletionTargetInput) =>
  api.put<{ version: number }>(
    `/api/five-year/completion-targets/${encodeURIComponent(code)}`,
    body,
  );

export const putGreen = (code: string, year: number, body: GreenBody) =>
  api.put<{ version: number }>(
    `/api/five-year/green-communities/${encodeURIComponent(code)}/${year}`,
    body,
  );
