/**
 * The three provincial departments whose sign-off (会签) a province's plan needs before it goes to
 * the ministries (建办城〔2021〕28号: 省级住房和城乡建设、发展改革、财政部门), shared by the declaration
 * view, the submission check and the sign-off service.
 */
export const SIGNOFF_ROLES = ['province', 'province_ndrc', 'province_finance'] as const;

export const SIGNOFF_LABELS = {
  province: '省级住房和城乡建设部门',
  province_ndrc: '省级发展改革部门',
  province_finance: '省级财政部门',
} as const;

/**
 * The three national departments a province's plan goes to (建办城〔2021〕28号 三(四)「分别报住房和城乡
 * 建设部、国家发展改革委、财政部」), each of which signs for its receipt (签收); only the first returns
 * or accepts it (REVIEWER_ROLE in domain/declaration.ts).
 */
export const RECIPIENT_ROLES = ['ministry', 'ndrc_national', 'mof'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RECIPIENT_LABELS = {
  ministry: '住建部',
  ndrc_national: '发改委',
  mof: '财政部',
} as const satisfies Record<RecipientRole, string>;
