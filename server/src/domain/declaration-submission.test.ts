import { describe, expect, it } from 'vitest';
import { submissionBlockers, type SubmissionFacts } from './declaration-submission.ts';

const clear: SubmissionFacts = {
  pendingChildren: [],
  checks: [],
  justified: new Set(),
  province: null,
};
const readyProvince: NonNullable<SubmissionFacts['province']> = {
  hasApproval: true,
  candidateCurrent: true,
  approvalGap: null,
  missingSignoffs: [],
  hasContact: true,
};
const check = (id: string, severity: string, passed = false) => ({
  id,
  title: `检查${id}`,
  message: `${id} 未通过`,
  passed,
  severity,
});
const first = (f: Partial<SubmissionFacts>) => submissionBlockers({ ...clear, ...f })[0];

describe('what stands in the way of a submission', () => {
  it('nothing, for a unit with its checks passed or explained', () => {
    expect(submissionBlockers(clear)).toEqual([]);
    expect(
      submissionBlockers({
        ...clear,
        checks: [check('a', 'blocking', true), check('b', 'warning')],
        justified: new Set(['b']),
        province: readyProvince,
      }),
    ).toEqual([]);
  });

  it.each([
    [
      {
        pendingChildren: [{ code: '460105', name: '秀英区', communities: 3, stateLabel: '编制中' }],
      },
      'CHILDREN_PENDING',
      '下级单位的年度计划尚未全部接收，不能上报：秀英区（编制中）',
    ],
    [
      { checks: [check('x', 'blocking'), check('y', 'warning')] },
      'CHECKS_BLOCKING',
      '有不能通过的检查，不能上报：检查x',
    ],
    [
      { checks: [check('y', 'warning')] },
      'JUSTIFICATION_REQUIRED',
      '以下警告须填写说明后才能上报：检查y',
    ],
    [
      { province: { ...readyProvince, hasApproval: false } },
      undefined,
      '尚未录入省级人民政府同意的文件（日期、文号、附件）',
    ],
    [
      { province: { ...readyProvince, candidateCurrent: false } },
      undefined,
      '计划在会签后已有变动，请重新生成会签版本并重新会签',
    ],
    [
      { province: { ...readyProvince, approvalGap: '批复的是第 1 版' } },
      undefined,
      '批复的是第 1 版',
    ],
    [
      {
        province: {
          ...readyProvince,
          missingSignoffs: [{ role: 'province_ndrc', label: '省级发展改革部门' }],
        },
      },
      undefined,
      '尚缺会签：省级发展改革部门',
    ],
    [
      { province: { ...readyProvince, hasContact: false } },
      undefined,
      '请填写计划表的联系人及电话后再上报',
    ],
  ] as [Partial<SubmissionFacts>, string | undefined, string][])(
    'the first: %#',
    (facts, subCode, message) => {
      const b = first(facts)!;
      expect(b.message).toBe(message);
      expect(b.subCode).toBe(subCode);
      expect(b.details.length).toBeGreaterThan(0);
    },
  );

  it('in the order a user meets them: units below before checks, checks before the province’s papers', () => {
    const all = submissionBlockers({
      pendingChildren: [{ code: '460100', name: '海口市', communities: 1, stateLabel: '已上报' }],
      checks: [check('x', 'blocking'), check('y', 'warning')],
      justified: new Set(),
      province: { ...readyProvince, hasApproval: false, hasContact: false },
    });
    expect(all.map((b) => b.subCode ?? b.details[0]!.path)).toEqual([
      'CHILDREN_PENDING',
      'CHECKS_BLOCKING',
      'JUSTIFICATION_REQUIRED',
      'approval',
      'contact',
    ]);
  });
});
