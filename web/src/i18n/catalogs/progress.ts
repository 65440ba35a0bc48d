// English for the progress pages (see ../t.ts). Key: the Chinese exactly as the page or the server
// writes it, placeholders as {name}; value: the English.
export const en: Record<string, string> = {
  // Punctuation and units the pages put between their words and data.
  '，': ', ',
  '。': '.',
  '（': ' (',
  '）': ')',
  部: 'units',
  公里: 'km',
  '{amount} 万元': '{amount} (10k yuan)',

  // The progress page: filters, breakdown, downloads.
  进展统计: 'Progress statistics',
  截至: 'As at',
  截至月份: 'As at month',
  当前地区: 'Current region',
  '改造项目清单（稳定项目编号、所含小区、本年指标及指标说明），提供统计部门':
    "List of renovation projects (stable project numbers, communities included, this year's indicators and their notes), for the statistics bureau",
  '统计局共享（xlsx）': 'For the statistics bureau (xlsx)',
  无法查看该地区的进展: 'The progress of this region cannot be viewed',
  进展数据加载失败: 'The progress data could not be loaded',
  '{scope}各省（区、市）（{span}）':
    '{scope}: provinces, autonomous regions and municipalities ({span})',
  '{scope}各市（地、州、盟）（{span}）': '{scope}: cities, prefectures and leagues ({span})',
  '{scope}各县（市、区）（{span}）':
    '{scope}: counties, county-level cities and districts ({span})',
  '{scope}各小区（{span}）': '{scope}: communities ({span})',
  '各省（区、市）开工率排名':
    'Start rate ranking of provinces, autonomous regions and municipalities',
  '各市（地、州、盟）开工率排名': 'Start rate ranking of cities, prefectures and leagues',
  '各县（市、区）开工率排名': 'Start rate ranking of counties, county-level cities and districts',
  各小区开工率排名: 'Start rate ranking of communities',
  名次: 'Rank',
  计划改造小区数: 'Communities planned',
  计划改造户数: 'Households planned',
  新开工小区数: 'Communities started',
  新开工户数: 'Households started',
  按小区数开工率: 'Start rate by communities',
  按户数开工率: 'Start rate by households',
  完工小区数: 'Communities completed',
  '增设养老托育设施（个）': 'Elderly care and childcare facilities added',
  最近报告期: 'Latest report period',
  未报告: 'Not reported',
  城镇老旧小区改造进展情况: 'Progress of old urban residential community renovation',

  // The dashboard: cards, charts, outcomes.
  计划改造小区: 'Communities planned',
  新开工小区: 'Communities started',
  完工小区: 'Communities completed',
  '开工率（按小区数）': 'Start rate (by communities)',
  '开工率（按户数）': 'Start rate (by households)',
  按小区数: 'By communities',
  本年度没有列入计划的小区: "No communities in this year's plan",
  '各省级单位开工率（{when}）': 'Start rate of the provincial units ({when})',
  '累计完成投资（{when}，万元）': 'Investment completed to date ({when}, 10k yuan)',
  逐月累计完成投资: 'Investment completed to date, month by month',
  该年度尚无进展报告: 'No progress reported for this year yet',
  '改造成效（截至{when}）': 'Outcomes (as at {when})',
  加装电梯: 'Elevators installed',
  增设停车位: 'Parking spaces added',
  增设充电桩: 'Charging points added',
  养老服务设施: 'Elderly care facilities',
  托育设施: 'Childcare facilities',
  家政服务设施: 'Home service facilities',
  卫生防疫设施: 'Health and epidemic prevention facilities',
  建筑节能改造: 'Energy-saving retrofits',

  // The ministry's province tiles.
  '各省级单位开工率（按小区数）；每个链接为省级单位简称和开工率':
    "Start rate of the provincial units (by communities); each link is a provincial unit's short name and its start rate",
  '：计划 {plan} 个小区，已开工 {started} 个，开工率 {rate}':
    ': {plan} communities planned, {started} started, start rate {rate}',
  图例: 'Legend',
  '低于 50%': 'Below 50%',
  '100% 及以上': '100% and above',
  无计划: 'No plan',
  '方块示意各省级填报单位的大致方位，不表示行政区域界线；点击方块查看该省各市。':
    "The squares show the approximate position of each provincial reporting unit, not administrative boundaries; click a square to see that province's cities.",

  // What the server says on the progress page: plan basis, table, refusals.
  计划数为本省上报版本: 'Planned figures are the version the province submitted',
  '计划数为台账工作底稿（未冻结）': 'Planned figures are the ledger working draft (not frozen)',
  计划数为各省上报版本: 'Planned figures are the versions the provinces submitted',
  尚无计划: 'No plan yet',
  '计划数：{declared} 个省份为上报版本，{live} 个省份为台账工作底稿（未冻结）':
    'Planned figures: the submitted version for {declared} provinces, the ledger working draft (not frozen) for {live}',
  '{scope}城镇老旧小区改造进展情况（{year}年{month}月）':
    '{scope}: progress of old urban residential community renovation ({year}-{month})',
  '计划数：{note}。': 'Planned figures: {note}.',
  '{name}按{year}年{month}月末现行的已接收计划第 {version} 版（计划调整（第{revision}次），{date} 接收）':
    '{name}: version {version} of the plan accepted and in force at the end of {year}-{month} (plan adjustment no. {revision}, accepted {date})',
  '{name}按{year}年{month}月末现行的已接收计划第 {version} 版（{date} 接收）':
    '{name}: version {version} of the plan accepted and in force at the end of {year}-{month} (accepted {date})',
  '{name}按最近上报的第 {version} 版（{year}年{month}月末尚无已接收版本）':
    '{name}: version {version}, the latest submitted (no accepted version at the end of {year}-{month})',
  '{name}按当前台账（{year}年{month}月末尚未上报，未冻结）':
    '{name}: the current ledger (not yet submitted at the end of {year}-{month}, not frozen)',
  '计划数：{accepted} 个省按{year}年{month}月末现行的已接收版本，{submitted} 个省按最近上报版本，{live} 个省按当前台账（尚未上报）。':
    'Planned figures: {accepted} provinces by the accepted version in force at the end of {year}-{month}, {submitted} by the latest submitted version, {live} by the current ledger (not yet submitted).',
  没有查看进展统计的权限: 'You may not view progress statistics',
  '地区 {code} 不存在': 'Region {code} does not exist',
  '地区应为2位或6位代码，或 all': 'The region must be a 2- or 6-digit code, or all',

  // 月报: the monthly reports page.
  月报上报与报送情况: 'Monthly reports: submission and reporting status',
  '每月按月末情况上报本单位月报（冻结为附校验码的版本），上级查看下级报送情况。':
    "Each month, submit your unit's report as at the month end (frozen as a version with a checksum); the level above sees who below has reported.",
  返回本单位: 'Back to my unit',
  '下级单位{period}月报报送情况': 'Monthly reports of the units below for {period}',
  '{period}月报报送情况': 'Monthly reports for {period}: reporting status',
  逾期上报: 'Submitted late',
  尚未上报: 'Not yet submitted',
  逾期未报: 'Overdue',
  '已向 {units} 发送催报通知': 'Reminder sent to {units}',
  '逾期单位今天已催报过，没有再发送通知':
    'The overdue units were already reminded today; no further notice sent',
  首次上报: 'First submitted',
  最近上报: 'Last submitted',
  截止日期: 'Due date',
  '催报逾期单位（{n}）': 'Remind overdue units ({n})',
  催报逾期单位: 'Remind overdue units',
  刷新: 'Refresh',
  应报单位: 'Units to report',
  本单位没有下级报送单位: 'This unit has no reporting units below it',
  '本年度计划中没有小区、无需上报：': "No communities in this year's plan, no report needed: ",
  '已设定：各单位应于次月 {day} 日前上报月报':
    'Set: units submit their monthly report by day {day} of the following month',
  月报截止日: 'Monthly report due day',
  '{province}月报截止日': '{province}: monthly report due day',
  各单位应于次月: "Units submit the previous month's report by day",
  '日（含）前上报上月月报': '(inclusive) of the following month',
  '尚未设定，按默认次月 5 日': 'Not set yet; the default is day 5 of the following month',
  '于 {time} 设定': 'set it at {time}',
  进展记录月份: 'Progress record month',
  未填报: 'Not filled in',
  '养老/托育设施（个）': 'Elderly care / childcare facilities',
  '各小区截至 {date} 的进展（{n} 个小区）':
    'Progress of each community as at {date} ({n} communities)',
  '{period}月报 第 {n} 版（已冻结）': 'Monthly report for {period}, version {n} (frozen)',
  '于 {time} 上报，校验码': 'submitted it at {time}; checksum',
  报送状态: 'Reporting status',
  '{year}年度月报上报记录（截止日：次月 {day} 日）':
    ': monthly reports submitted for plan year {year} (due: day {day} of the following month)',
  '{year}年度月报上报记录': 'Monthly reports submitted for plan year {year}',
  本计划年度尚未上报月报: 'No monthly report submitted for this plan year yet',
  '已上报{period}月报（第 {n} 版）': 'Monthly report for {period} submitted (version {n})',
  '已上报{period}月报（第 {n} 版），已过截止日期':
    'Monthly report for {period} submitted (version {n}), after the due date',
  '本单位{period}月报': "My unit's monthly report for {period}",
  '月报由{unit}本级住建部门上报':
    'The monthly report is submitted by the housing department of {unit} itself',
  '内容与已上报的第 {n} 版相同，无需重新上报':
    'The content is the same as version {n} already submitted; no need to submit again',
  '{period}月报（{year}年度计划）': ': monthly report for {period} (plan year {year})',
  '{date}起可上报': 'Can be submitted from {date}',
  '上报{period}月报': 'Submit the monthly report for {period}',
  '将把下方内容冻结为新的版本（附校验码）报送上级，此后进展的修改不影响该版本。确认上报？':
    'The content below will be frozen as a new version (with a checksum) and sent to the level above; later changes to progress do not affect it. Submit?',
  '重新上报（第 {n} 版）': 'Submit again (version {n})',
  上报月报: 'Submit monthly report',
  '{period}（截至月末）': '{period} (as at month end)',
  按时: 'On time',
  与当前内容一致: 'Same as the current content',
  此后内容有变动: 'Changed since',
  当前内容校验码: 'Checksum of the current content',
  '仅供查看：{why}。': 'View only: {why}.',
  '{period}月报反映截至月末的情况，自{date}（北京时间）起方可上报；下方为目前的内容预览。':
    'The monthly report for {period} shows the state at the month end and can be submitted from {date} (Beijing time); below is a preview of the content so far.',

  // What the server says on the monthly reports page.
  '{unit}城镇老旧小区改造进展情况（{year}年度计划，截至{y}年{m}月末）':
    '{unit}: progress of old urban residential community renovation (plan year {year}, as at the end of {y}-{m})',
  没有查看月报的权限: 'You may not view monthly reports',
  '单位 {code} 不存在': 'Unit {code} does not exist',
  '省级单位 {code} 不存在': 'Provincial unit {code} does not exist',
  '报告期 {period} 尚未到来，不能上报未来月份':
    'Report period {period} has not come yet; a future month cannot be submitted',
  '报告期 {period} 早于计划年度（{year}年1月），不能上报':
    'Report period {period} is before the plan year (January {year}) and cannot be submitted',
  '报告期 {period} 尚未结束：月报自{date}（报告期最后一天，北京时间）起方可上报':
    'Report period {period} has not ended: the report can be submitted from {date} (its last day, Beijing time)',
  '该月报正由他人同时上报，本次未保存，请刷新后查看最新版本':
    'Someone else is submitting this report at the same time; nothing was saved. Refresh to see the latest version',
  '只能由{unit}本级住建部门上报本单位月报':
    'Only the housing department of {unit} itself can submit its monthly report',
  '只能由{unit}本级部门催报下级单位':
    'Only the department of {unit} itself can remind the units below',
  '只能由{province}住建部门设置月报截止日':
    'Only the housing department of {province} can set the monthly report due day',
  '截止日应在 1 至 28 日之间': 'The due day must be between 1 and 28',
  单位代码应为6位区划代码: 'The unit code must be a 6-digit division code',
  '{unit}已上报{period}月报（{year}年度计划，第 {version} 版）':
    '{unit} submitted its monthly report for {period} (plan year {year}, version {version})',

  // The import of monthly progress and consultations (server/src/modules/progress): the row errors.
  '与第 {n} 行是同一小区的同一报告期': 'Same community and report period as row {n}',
  '与第 {n} 行是同一小区同一天的同一次协商': 'Same consultation (community and day) as row {n}',
  '应为 {methods} 之一，或不填': 'Must be one of {methods}, or empty',
  没有导入的权限: 'You may not import',

  // The progress module's answers on a community's page (consultations, records, photos).
  '应为不小于0的数，最多{digits}位小数':
    'Must be a number not below 0, with at most {digits} decimals',

  // 小区分布图: the community map.
  小区分布图: 'Community map',
  全部: 'All',
  计划: 'Planned',
  '{year}年计划小区：图上 {n} 个（{counts}）；未填经纬度、未上图 {m} 个（{unlocatedCounts}）':
    'Communities in the {year} plan: {n} on the map ({counts}); {m} without coordinates, not on the map ({unlocatedCounts})',
  '{year}年计划小区：图上 {n} 个（{counts}）；未填经纬度、未上图 {m} 个':
    'Communities in the {year} plan: {n} on the map ({counts}); {m} without coordinates, not on the map',
  '点位按小区登记的经纬度（WGS-84）示意其大致位置，不表示行政区域界线，不作地图使用；状态截至 {date}（以最近一次月度进展为准）。':
    "Points show each community's approximate position from its recorded coordinates (WGS-84); they do not show administrative boundaries and are not a map. Status as at {date} (by the latest monthly progress).",
  '底图：': 'Base map: ',
  '，审图号：': ', map approval no.: ',
  '未配置底图服务：仅按点位范围等比例投影，无底图。':
    'No base map service configured: the points are projected to scale over their extent, without a base map.',
  图上小区列表: 'Communities on the map',
};
