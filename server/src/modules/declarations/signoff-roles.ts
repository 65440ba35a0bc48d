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
