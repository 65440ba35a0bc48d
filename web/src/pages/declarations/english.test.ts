/**
 * The declarations pages' English beyond the literal t() calls catalogs.test.ts reads: the labels
 * kept as constants, and the text the server composes (states, plan checks, approval notices),
 * each found in a catalog as an entry or a pattern, with no Chinese left but the data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  approvalGap,
  PROGRESS_LABELS,
  REVISION_REASON_LABELS as SERVER_REASONS,
  revisionLabel,
  STATE_LABELS,
} from '../../../../server/src/domain/declaration.ts';
import { fiscalChecks } from '../../../../server/src/domain/fiscal-checks.ts';
import { NO_PLAN_DATA, planChecks } from '../../../../server/src/domain/plan-checks.ts';
import { RECIPIENT_LABELS, SIGNOFF_LABELS } from '../../../../common/declaration.ts';
import { REVISION_REASON_LABELS } from '../../api/declarationRevisions.ts';
import { CATALOG } from '../../i18n/catalogs/index.ts';
import { english } from '../../i18n/t.ts';
import {
  FIELD_LABELS,
  LEVEL_LABELS,
  REVIEWER_LABELS,
  SEVERITY,
  eventLabel,
} from './declarationLabels.ts';
import { HASH_EXPLAINED } from './DeclarationPage/HashText.tsx';

const CJK = /[\u4e00-\u9fff]/;

/** The texts among `texts` the catalogs cannot put into English (data named in `data` aside). */
function untranslated(texts: string[], data: string[] = []): string[] {
  return texts.filter((text) => {
    const en = english(text, CATALOG);
    if (en === undefined) return true;
    return CJK.test(data.reduce((s, d) => s.split(d).join(''), en));
  });
}

/** This area's sources, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const row = (name: string) => ({ id: 1, name, regionCode: '460106', detail: '' });

describe('declarations in English', () => {
  it('has the labels the pages keep as constants', () => {
    const labels = [
      ...Object.values(SEVERITY).map((s) => s.text),
      ...Object.values(LEVEL_LABELS).map((l) => `${l}单位`),
      ...Object.values(REVIEWER_LABELS),
      ...Object.values(FIELD_LABELS),
      ...Object.values(REVISION_REASON_LABELS),
      HASH_EXPLAINED,
      '住建部签收',
      '发改委签收',
      '财政部签收',
    ];
    expect(untranslated(labels)).toEqual([]);
    const events = ['submit', 'return', 'accept', 'justify', 'freeze', 'approval', 'deadline'];
    const signoffs = ['province', 'province_ndrc', 'province_finance'].map((r) => `signoff.${r}`);
    const receipts = ['ministry', 'ndrc_national', 'mof'].map((r) => `receipt.${r}`);
    for (const e of [...events, 'revise', ...signoffs, ...receipts])
      expect(CATALOG[eventLabel(e)], e).toBeDefined();
  });

  it('has the templates the pages fill with nodes or match server text against', () => {
    // tNode('…'), the refusal items' item('…'), ternaries inside t(…), and ServerTemplate zh: '…'.
    const literal = /(?:\b(?:tNode|item)\(\s*|zh: |(?:\?|\s:) )'((?:[^'\\\n]|\\.)*)'/g;
    const keys = sources(import.meta.dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)]
        .map((m) => m[1]!)
        .filter((k) => CJK.test(k) && !k.includes('${')),
    );
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((k) => CATALOG[k] === undefined)).toEqual([]);
  });

  it('has the states, progress, departments and revisions the server names', () => {
    const texts = [
      ...Object.values(STATE_LABELS),
      ...Object.values(PROGRESS_LABELS),
      ...Object.values(SERVER_REASONS),
      ...Object.values(SIGNOFF_LABELS),
      ...Object.values(RECIPIENT_LABELS),
      revisionLabel(2)!,
      approvalGap(null, null)!,
      approvalGap({ version: 1, hash: 'a' }, { version: 2, hash: 'b' })!,
      approvalGap(null, { version: 2, hash: 'b' })!,
    ];
    expect(untranslated(texts)).toEqual([]);
  });

  it('translates every plan check, failing or passing, its unit names and source aside', () => {
    const policy = {
      planYear: 2027,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffShare: 0.15,
      consentThreshold: 0.67,
      deadline: '2027-03-31',
      source: '建办城〔2021〕28号',
    };
    const failing = planChecks({
      policy,
      level: 'county',
      households: { total: 100, postCutoff: 40 },
      postCutoffRows: [row('甲小区')],
      tooLateRows: [row('乙小区')],
      excludedRows: [row('丙小区')],
      subsidisedRows: [row('丁小区')],
      likelySubsidisedRows: [row('戊小区')],
      declaredRows: [row('己小区')],
      likelyDeclaredRows: [row('庚小区')],
      fiscal: [{ regionCode: '460106', name: '龙华区', localYuan: 2e8, availableYuan: 1e8 }],
    });
    const passing = planChecks({
      policy: { ...policy, source: undefined },
      level: 'province',
      households: { total: 100, postCutoff: 10 },
      postCutoffRows: [],
      tooLateRows: [],
      excludedRows: [],
      subsidisedRows: [],
      likelySubsidisedRows: [],
      declaredRows: [],
      likelyDeclaredRows: [],
      fiscal: [],
    });
    const fiscal = [
      ...fiscalChecks({
        level: 'province',
        units: [{ code: '460106', name: '龙华区', communities: 3 }],
        assessments: [
          { regionCode: '460105', name: '秀英区', reviewStatus: 'returned' },
          { regionCode: '460107', name: '琼山区', reviewStatus: 'pending' },
        ],
      }),
      ...fiscalChecks({ level: 'county', units: [], assessments: [] }),
    ];
    const texts = [...failing, ...passing, ...fiscal].flatMap((c) => [
      c.title,
      ...c.message.split('；'),
    ]);
    expect(
      untranslated([...texts, NO_PLAN_DATA], ['龙华区', '秀英区', '琼山区', policy.source]),
    ).toEqual([]);
  });
});
