/**
 * Residents' consent (建办城〔2021〕28号 二(一): 未经居民充分协商取得共识的，不得开工改造) as a
 * community page shows it, and the project-level rule: a project starts only when every one of its
 * communities has a consultation at or above the threshold. Pure.
 */
import { consentReached, rate } from './progress.ts';

export interface ConsentStatus {
  households: number;
  bestAgreeing: number;
  /** '81.2%': exact, one decimal, half up */
  share: string;
  /** '2/3' for the default 66.67 %, otherwise the percentage */
  thresholdLabel: string;
  reached: boolean;
}

/** A threshold in basis points as people say it: 6667 → '2/3', 7500 → '3/4', 8000 → '80%'. */
export function thresholdLabel(thresholdBp: number): string {
  const fractions: Record<number, string> = { 5000: '1/2', 6667: '2/3', 7500: '3/4' };
  return fractions[thresholdBp] ?? `${thresholdBp / 100}%`;
}

export function consentStatus(
  households: number,
  bestAgreeing: number,
  threshold: number,
): ConsentStatus {
  return {
    households,
    bestAgreeing,
    share: rate(bestAgreeing, households),
    thresholdLabel: thresholdLabel(Math.round(threshold * 10_000)),
    reached: consentReached({ households, bestAgreeing, threshold }),
  };
}

export interface MemberConsent {
  name: string;
  households: number;
  bestAgreeing: number;
}

/** The communities of a project still short of the threshold, so that none of it may start. */
export function projectStartProblem(
  project: string,
  members: MemberConsent[],
  threshold: number,
): string | undefined {
  const short = members.filter(
    (m) => !consentReached({ households: m.households, bestAgreeing: m.bestAgreeing, threshold }),
  );
  if (!short.length) return undefined;
  const list = short.map((m) => `${m.name}（${m.bestAgreeing}/${m.households} 户同意）`).join('、');
  return `项目“${project}”的小区须全部经居民协商达到 ${thresholdLabel(Math.round(threshold * 10_000))} 同意后方可开工，尚未达到：${list}`;
}
