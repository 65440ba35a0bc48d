// The vocabulary of a year's plan declaration (建办城〔2021〕28号 六) both sides use: its states,
// the reasons a revision gives, a province's standing against the deadline, and the departments
// that sign a province's plan and receive it. The state machine itself is the server's
// (server/src/domain/declaration.ts).

export const DECLARATION_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];

export const STATE_LABELS: Record<DeclarationState, string> = {
  draft: '编制中',
  submitted: '已上报',
  returned: '已退回',
  accepted: '已接收',
};

/** A declaring unit's level. */
export const UNIT_LEVELS = ['county', 'city', 'province'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Why a revision removes (or adds, changes) a community: a fixed list, plus free text. */
export const REVISION_REASONS = ['not_feasible', 'residents_changed', 'merged', 'other'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];
export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  not_feasible: '不具备改造条件',
  residents_changed: '居民改造意愿变化',
  merged: '并入其他项目',
  other: '其他',
};

/** What the ministry sees for each province against the deadline. */
export const PROVINCE_PROGRESS = [
  'not_started',
  'in_progress',
  'submitted_on_time',
  'late',
  'returned',
  'revising',
] as const;
export type ProvinceProgress = (typeof PROVINCE_PROGRESS)[number];
export const PROGRESS_LABELS: Record<ProvinceProgress, string> = {
  not_started: '未开始',
  in_progress: '编制中',
  submitted_on_time: '按时上报',
  late: '逾期',
  returned: '已退回',
  revising: '计划调整中',
};

/**
 * The three provincial departments whose sign-off (会签) a province's plan needs before it goes to
 * the ministries (建办城〔2021〕28号: 省级住房和城乡建设、发展改革、财政部门).
 */
export const SIGNOFF_ROLES = ['province', 'province_ndrc', 'province_finance'] as const;
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

export const SIGNOFF_LABELS = {
  province: '省级住房和城乡建设部门',
  province_ndrc: '省级发展改革部门',
  province_finance: '省级财政部门',
} as const satisfies Record<SignoffRole, string>;

/**
 * The three national departments a province's plan goes to (建办城〔2021〕28号 三(四)「分别报住房和城乡
 * 建设部、国家发展改革委、财政部」), each of which signs for its receipt (签收); only the first returns
 * or accepts it (REVIEWER_ROLE in server/src/domain/declaration.ts).
 */
export const RECIPIENT_ROLES = ['ministry', 'ndrc_national', 'mof'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RECIPIENT_LABELS = {
  ministry: '住建部',
  ndrc_national: '发改委',
  mof: '财政部',
} as const satisfies Record<RecipientRole, string>;
