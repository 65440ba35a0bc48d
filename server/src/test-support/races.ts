/** Assertions of the concurrency tests (issue 10): of N concurrent transitions exactly one wins. */
import { expect } from 'vitest';

export interface Answer {
  status: number;
  message?: string;
}

/** Exactly one answer `ok` (200 unless said otherwise); every other a 409 with a Chinese message. */
export function oneWins(answers: Answer[], ok = 200): void {
  expect(answers.map((a) => a.status).sort()).toEqual(
    [ok, ...Array<number>(answers.length - 1).fill(409)].sort(),
  );
  for (const a of answers.filter((x) => x.status === 409))
    expect(a.message).toMatch(/[\u4e00-\u9fff]/);
}

/** A response of app.inject or of twoServers' request, as an Answer. */
export function answer(
  r: { statusCode: number; json: () => unknown } | { status: number; body: unknown },
): Answer {
  if ('statusCode' in r) {
    const body = r.json() as { error?: { message?: string } };
    return { status: r.statusCode, message: body.error?.message };
  }
  const body = r.body as { error?: { message?: string } };
  return { status: r.status, message: body.error?.message };
}
