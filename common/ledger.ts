// The ledger's (台账) coded values and their words, used by the server (schemas, presenters,
// exports, the import's checks) and by the web (filters, tags, the community form), so that each
// value list and each label is written once. No zod here: the web imports it at run time.

/**
 * A number as typed with a Chinese input method in full-width mode (１９９０, ８０．５, ４６０１０６) read
 * as the half-width digits it means: full-width ASCII (U+FF01–FF5E) becomes ASCII, the ideographic
 * space a space. For the numeric fields only: a name keeps its full-width brackets as typed.
 */
/** A character halfWidth changes: full-width ASCII or the ideographic space. */
export const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export const halfWidth = (text: string): string =>
  // Looked for first: imports pass every figure through here, and few are full width.
  FULL_WIDTH.test(text)
    ? text
        .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\u3000/g, ' ')
    : text;

/** 实施/谋划/储备: the pool a project is kept in. */
export const POOLS = ['implement', 'planning', 'reserve'] as const;
export type Pool = (typeof POOLS)[number];
export const POOL_LABELS: Record<Pool, string> = {
  implement: '实施',
  planning: '谋划',
  reserve: '储备',
};

/** Built up to the cut-off of the community's plan-year policy, or after it. */
export const YEAR_BUCKETS = ['before', 'after'] as const;
export type YearBucket = (typeof YEAR_BUCKETS)[number];
/** The buckets by the cut-off of the community's plan-year policy (the filter's words). */
export const BUCKET_LABELS: Record<YearBucket, string> = {
  before: '分界年份前建成',
  after: '分界年份后建成',
};

/** 1. 城市(建成区) / 2. 县城(城关镇): the two rows of each unit on the plan form. */
export const AREA_CLASSES = ['city', 'county_seat'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];
export const AREA_CLASS_LABELS: Record<AreaClass, string> = {
  city: '城市(建成区)',
  county_seat: '县城(城关镇)',
};

/** 是否拟征收或拆除新建: a community to be expropriated or rebuilt may not be renovated. */
export const EXCLUSIONS = ['none', 'unspecified', 'expropriation', 'demolition'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];
export const EXCLUSION_TEXT: Record<Exclusion, string> = {
  none: '否',
  unspecified: '是',
  expropriation: '拟征收',
  demolition: '拆除新建',
};

/** The columns the ledger list may be sorted by (stored column names). */
export const SORTABLE = [
  'name',
  'region_code',
  'build_year',
  'households',
  'buildings',
  'floor_area_centi',
  'investment_yuan',
  'plan_year',
  'updated_at',
] as const;
export type SortColumn = (typeof SORTABLE)[number];

/** What a change-log entry records. */
export const CHANGE_ACTIONS = ['import', 'create', 'update', 'merge'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** A pair of suspected duplicates, until a user confirms or dismisses it. */
export const DUPLICATE_STATUSES = ['suspected', 'dismissed', 'confirmed'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

/** A project list, or a list of communities already centrally subsidised (history, issue 9 §4). */
export const IMPORT_KINDS = ['projects', 'subsidised-history'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** An import job's states (migration 0015); 'interrupted' is 已中断, and can be run again. */
export const IMPORT_STATUSES = [
  'checking',
  'checked',
  'invalid',
  'importing',
  'imported',
  'failed',
  'interrupted',
  'expired',
  'cancelled',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * The project-list template's column headers (docs/templates/project-list.md), by column: the
 * server names a field by its header in its answers, and the form puts each answer on its field.
 */
export const COLUMN_HEADERS = {
  seq: '序号',
  regionCode: '区划代码',
  regionName: '区县',
  street: '街道',
  name: '小区名称',
  address: '详细地址',
  buildYear: '建成年份',
  areaClass: '类别',
  buildings: '楼栋数',
  households: '居民户数',
  floorArea: '住宅建筑面积（平方米）',
  investment: '预计投资额（万元）',
  planYear: '计划年度',
  content: '改造内容',
  ownership: '产权性质',
  exclusion: '是否拟征收或拆除新建',
  subsidyYear: '已纳入中央补助年度',
} as const;
