// English for the declaration pages, continued (see ../t.ts): reviewing, units below, diffs,
// revisions, sign-offs and receipts, the ministries' overview, notices and the server's refusals.
export const en: Record<string, string> = {
  // Reviewing
  '已接收{unit}的{year}年度计划（第 {n} 版）': "Accepted {unit}'s {year} plan (version {n})",
  '当前状态为“{state}”，无待审核的上报': 'The status is "{state}": nothing is waiting for review',
  '接收{unit}的上报': "Accept {unit}'s submission",
  '确认接收第 {n} 版？接收后该版本计入本级汇总。':
    "Accept version {n}? Once accepted, it counts in this level's totals.",
  尚无上报的版本: 'No version submitted yet',
  查看差异: 'View changes',
  '已将{unit}的内部截止日期设为 {date}': "Set {unit}'s internal deadline to {date}",
  '已取消{unit}的内部截止日期': "Removed {unit}'s internal deadline",
  内部截止日期: 'Internal deadline',
  取消内部截止日期: 'Remove the internal deadline',
  '晚于本级截止日期 {date}，不能保存': "Later than this level's deadline {date}: cannot be saved",
  '不晚于本级截止日期 {date}': "No later than this level's deadline {date}",
  '已退回{unit}的{year}年度计划': "Returned {unit}'s {year} plan",
  '退回{unit}{year}年度计划': "Return {unit}'s {year} plan",
  确认退回: 'Return',
  退回理由: 'Reason for return',
  请写明退回理由: 'Please give the reason for the return',
  '针对具体小区的意见（可选）': 'Notes on particular communities (optional)',
  '本单位{year}年度计划共 {n} 个小区': "This unit's {year} plan has {n} communities",
  '，输入名称搜索': '; type a name to search',
  选择小区: 'Choose communities',
  '小区“{name}”的意见': 'Note on "{name}"',
  请写明该小区的问题: "Please describe this community's problem",
  '例如：户数与摸底不符': 'e.g. the households do not match the survey',
  '退回后{unit}须修改后重新上报；接收前可随时查看两个版本之间的差异。':
    'Once returned, {unit} must correct and submit again; before accepting you can view the changes between the two versions at any time.',
  上级退回意见: 'Returned by the level above',
  '退回理由：': 'Reason for return: ',
  '上级退回意见：小区': 'Note from the level above: community',
  '请按意见修改台账后重新上报；重新上报后这些意见不再显示，审核单位可查看两版之间的差异。':
    'Correct the ledger as noted and submit again; once resubmitted these notes are no longer shown, and the reviewer can view the changes between the two versions.',

  // Units below
  受上级截止日期限制: 'Capped by the deadline above',
  内部: 'Internal',
  计划小区: 'Plan communities',
  '{unit}的内部截止日期': "{unit}'s internal deadline",
  '{n} 个待审核': '{n} awaiting review',
  '可为下级单位设置早于本级截止日期（{date}）的内部截止日期；未设置的按本级截止日期。':
    "You may give a unit below an internal deadline earlier than this level's ({date}); without one, this level's deadline applies.",

  // Diffs
  变动: 'Changed',
  '变动（{n}）': 'Changed ({n})',
  '新增（{n}）': 'Added ({n})',
  '删除（{n}）': 'Removed ({n})',
  '第 {from} 版 → 第 {to} 版的差异': 'Changes from version {from} to version {to}',
  '第 {n} 版（首次上报，全部为新增）': 'Version {n} (first submission: all added)',
  版本差异: 'Changes between versions',
  两个版本的小区清单相同: 'The two versions list the same communities',
  '上报的小区（第 {n} 版）': 'Communities submitted (version {n})',

  // Revisions
  不具备改造条件: 'Not fit for renovation',
  居民改造意愿变化: "Residents' wishes changed",
  并入其他项目: 'Merged into another project',
  其他: 'Other',
  '请写明原因（必填）': 'Give the reason (required)',
  '补充说明（可选）': 'Further explanation (optional)',
  未填写原因: 'No reason given',
  删除原因: 'Reason for removal',
  调整原因: 'Reason for change',
  '{revision}：第 {from} 版（现行）→ {to}': '{revision}: version {from} (in force) → {to}',
  '当前台账（尚未上报）': 'Current ledger (not submitted yet)',
  计划调整差异: 'Changes of the plan revision',
  '计划表（调整前 → 调整后，合计）': 'Plan table (before → after, totals)',
  // The plan table's row labels (server/src/domain/plan-table.ts), in the revision's comparison.
  '全市小计:': 'City subtotal:',
  '1. 城市(建成区)': '1. City (built-up area)',
  '2. 县城(城关镇)': '2. County seat (town)',
  '全省(区、市)合计:': 'Provincial total:',
  '全国合计:': 'National total:',
  '已开始计划调整（第{n}次）': 'Started plan revision {n}',
  调整计划: 'Revise the plan',
  '调整{year}年度计划（计划调整（第{n}次））': 'Revise the {year} plan (plan revision {n})',
  开始调整: 'Start the revision',
  '调整期间，已接收的第 {n} 版仍为现行计划，统计按其计算；调整后的计划须重新上报、审核，被接收后自接收之日起生效。删除的小区须逐个填写原因。':
    'During the revision, the accepted version {n} remains the plan in force and the figures follow it; the revised plan must be submitted and reviewed again, and takes effect on the day it is accepted. Each removed community needs a reason.',
  '调整期间，已接收的第 {n} 版仍为现行计划，统计按其计算；调整后的计划须重新上报、审核、会签并重新录入省级人民政府同意文件，被接收后自接收之日起生效。删除的小区须逐个填写原因。':
    "During the revision, the accepted version {n} remains the plan in force and the figures follow it; the revised plan must be submitted, reviewed and signed off again, with the provincial government's approval recorded again, and takes effect on the day it is accepted. Each removed community needs a reason.",
  '调整理由，如：部分小区不具备改造条件':
    'Reason for the revision, e.g. some communities are not fit for renovation',
  查看调整差异: 'View the revision changes',
  现行计划: 'Plan in force',
  '第 {n} 版（{count} 个小区），': 'Version {n} ({count} communities), ',
  '{at} 由 {person} 接收': 'accepted {at} by {person}',
  '；调整被接收前，统计按此版本':
    '; until the revision is accepted, the figures follow this version',
  调整理由: 'Reason for the revision',
  '{reason}（{person}，{at}）': '{reason} ({person}, {at})',
  调整: 'Revision',
  首次申报: 'First declaration',
  接收时间: 'Accepted at',
  接收人: 'Accepted by',
  变动及理由: 'Changes and reason',
  '新增 {added}、删除 {removed}、变动 {changed}；':
    '{added} added, {removed} removed, {changed} changed; ',

  // Sign-offs, approval, contact, receipts
  会签与审批: 'Sign-offs and approval',
  联系人及电话: 'Contact and phone',
  会签版本: 'Sign-off version',
  '第 {version} 版，由 {person} 于 {at} 生成，校验码':
    'Version {version}, frozen by {person} at {at}, checksum',
  尚未生成会签版本: 'No sign-off version yet',
  '生成会签版本后计划已有变动：须重新生成会签版本，并由三个部门重新会签。':
    'The plan has changed since the sign-off version was frozen: freeze a new sign-off version and have the three departments sign it again.',
  省级人民政府同意文件: "Provincial government's approval",
  '{year}年城镇老旧小区改造计划表（会签版本）':
    'Old residential community renovation plan table {year} (sign-off version)',
  已确认会签: 'Signed off',
  确认会签: 'Confirm sign-off',
  '以{dept}名义确认校验码为 {hash}… 的版本':
    'Confirm the version with checksum {hash}… on behalf of: {dept}',
  会签部门: 'Signing department',
  签于旧版本: 'Signed an earlier version',
  未会签: 'Not signed',
  会签人: 'Signed by',
  所签版本校验码: 'Checksum signed',
  '已生成会签版本，校验码 {hash}…': 'Sign-off version frozen, checksum {hash}…',
  '已会签版本 {hash}…': 'Signed off version {hash}…',
  '数据校验失败：会签版本的内容与其校验码不符':
    "Integrity check failed: the sign-off version's content does not match its checksum",
  '会签版本第 {n} 版，校验码 {hash}…': 'Sign-off version {n}, checksum {hash}…',
  同意日期: 'Date of approval',
  文号: 'Document number',
  所批版本: 'Version approved',
  所批会签版本: 'Sign-off version approved',
  '第 {n} 版（{hash}…）': 'Version {n} ({hash}…)',
  录入: 'Recorded',
  尚未录入省级人民政府同意文件: "The provincial government's approval is not recorded yet",
  '此前录入的批复（{n} 份，已不再有效）': 'Approvals recorded before ({n}, no longer valid)',
  '请选择省级人民政府同意的文件（PDF 或图片）':
    "Choose the provincial government's approval document (PDF or image)",
  已录入省级人民政府同意文件: "Recorded the provincial government's approval",
  '请先生成会签版本：批复对应一个会签版本':
    'Freeze a sign-off version first: an approval applies to one sign-off version',
  请填写文号: 'Please enter the document number',
  '例如：琼府函〔2026〕88号': 'e.g. the number on the approval letter',
  '“{name}”超过 20 MB': '"{name}" is larger than 20 MB',
  选择文件: 'Choose file',
  '录入第 {n} 版的批复': 'Record the approval of version {n}',
  '尚未生成会签版本，省政府批复须对应一个会签版本':
    "No sign-off version yet: the provincial government's approval must apply to one",
  '省政府批复对应第 {n} 版，当前第 {m} 版未经批复，须重新录入批复':
    "The provincial government's approval applies to version {n}; the current version {m} is not approved: record the approval again",
  '省政府批复未注明所批版本，当前第 {m} 版未经批复，须重新录入批复':
    "The provincial government's approval does not state the version; the current version {m} is not approved: record the approval again",
  '已保存联系人及电话；须重新生成会签版本':
    'Contact and phone saved; the sign-off version must be frozen again',
  已保存联系人及电话: 'Contact and phone saved',
  修改联系人将使会签版本失效: 'Changing the contact voids the sign-off version',
  '联系人及电话印在计划表上，随会签版本一并冻结。保存后须重新生成会签版本、重新录入省级人民政府批复，并由三个部门重新会签。':
    "The contact and phone are printed on the plan table and frozen with the sign-off version. Once saved, the version must be frozen again, the provincial government's approval recorded again, and the three departments must sign again.",
  仍要保存: 'Save anyway',
  不保存: "Don't save",
  联系人及电话未改动: 'Contact and phone unchanged',
  '尚未填写联系人及电话（上报前必填）': 'No contact and phone yet (required before submitting)',
  联系人: 'Contact',
  请填写姓名: 'Please enter a name',
  电话: 'Phone',
  请填写电话: 'Please enter a phone number',
  '只能含数字、空格、连字符和括号，7–20 个字符':
    'Digits, spaces, hyphens and brackets only, 7–20 characters',
  '联系人：请填写姓名': 'Contact: please enter a name',
  '联系人：不超过 {n} 个字': 'Contact: at most {n} characters',
  '联系电话：请填写': 'Phone: please enter a number',
  '联系电话“{phone}”格式不正确：只能含数字、空格、连字符和括号，7–20 个字符':
    'Phone "{phone}" is not valid: digits, spaces, hyphens and brackets only, 7–20 characters',
  '已签收第 {n} 版': 'Signed for version {n}',
  '报送部委签收（第 {n} 版）': "Ministries' receipt (version {n})",
  未签收: 'Not received',
  签收人: 'Signed for by',
  '下载计划表（第 {n} 版，xlsx）': 'Download the plan table (version {n}, xlsx)',
  '签收第 {n} 版': 'Sign for version {n}',
  '{dept}已于 {at} 由 {person} 签收': '{dept}: signed for at {at} by {person}',

  // The ministries' overview
  '省（区、市）': 'Province',
  上报情况: 'Submission',
  申报状态: 'Declaration status',
  住建部签收: 'MOHURD receipt',
  发改委签收: 'NDRC receipt',
  财政部签收: 'MOF receipt',
  计划表: 'Plan table',
  '各省{year}年度改造计划上报情况': "Provinces' {year} renovation plan submissions",
  '报送截止日期：{date}': 'Submission deadline: {date}',

  // Notifications (the bell)
  通知: 'Notifications',
  '通知（{n} 条未读）': 'Notifications ({n} unread)',
  暂无通知: 'No notifications',
  '{unit}已上报{year}年度计划（第 {version} 版）':
    '{unit} submitted its {year} plan (version {version})',
  '{unit}{year}年度计划被退回：{reason}': "{unit}'s {year} plan was returned: {reason}",
  '{unit}{year}年度计划（第 {version} 版，{revision}）已被接收':
    "{unit}'s {year} plan (version {version}, {revision}) was accepted",
  '{unit}{year}年度计划（第 {version} 版）已被接收':
    "{unit}'s {year} plan (version {version}) was accepted",
  '{unit}开始{revision}{year}年度计划（第 {version} 版仍为现行计划）：{reason}':
    '{unit} started {revision} of its {year} plan (version {version} stays in force): {reason}',
  '年度报送截止日期已调整：{year}年度计划须于{date}前上报（原为 {before}）':
    "The year's submission deadline changed: the {year} plan is due by {date} (was {before})",
  '{unit}的截止日期已调整：{year}年度计划须于{date}前上报（原为 {before}）':
    "{unit}'s deadline changed: the {year} plan is due by {date} (was {before})",
  '{reviewer}：{year}年度计划须于{date}前上报': '{reviewer}: the {year} plan is due by {date}',
  '{year}年度计划距截止日期（{date}）还有 {n} 天':
    'The {year} plan is due in {n} days (deadline {date})',

  // The server's refusals (declarations, revisions, sign-offs, receipts, deadlines)
  只能由上级单位退回或接收: 'Only the level above can return or accept',
  只能由本单位上报或调整计划: 'Only the unit itself can submit or revise its plan',
  '当前状态为“{state}”，不能{action}': 'The status is "{state}": cannot {action}',
  '没有上报{region}年度计划的权限': "No permission to submit {region}'s annual plan",
  '没有退回{region}年度计划的权限': "No permission to return {region}'s annual plan",
  '没有接收{region}年度计划的权限': "No permission to accept {region}'s annual plan",
  '没有调整计划{region}年度计划的权限': "No permission to revise {region}'s annual plan",
  '下级单位的年度计划尚未全部接收，不能上报：{names}':
    'Not all the plans of the units below are accepted; cannot submit: {names}',
  '{name}：{n} 个小区列入计划，申报状态为“{state}”，尚未接收':
    '{name}: {n} communities in the plan, declaration "{state}", not accepted yet',
  '有不能通过的检查，不能上报：{titles}': 'Blocking checks failed; cannot submit: {titles}',
  '以下警告须填写说明后才能上报：{titles}':
    'These warnings need a justification before submitting: {titles}',
  请填写说明: 'Please write a justification',
  '尚未录入省级人民政府同意的文件（日期、文号、附件）':
    "The provincial government's approval is not recorded (date, document number, file)",
  '计划在会签后已有变动，请重新生成会签版本并重新会签':
    'The plan has changed since the sign-off; freeze a new sign-off version and sign off again',
  会签版本已过期: 'The sign-off version is out of date',
  批复未覆盖当前会签版本: 'The approval does not cover the current sign-off version',
  '尚缺会签：{names}': 'Sign-offs missing: {names}',
  请填写计划表的联系人及电话后再上报: "Enter the plan table's contact and phone before submitting",
  '联系人及电话：必填': 'Contact and phone: required',
  日期格式不正确: 'The date is not valid',
  只有上级单位可以设置内部截止日期: 'Only the level above can set an internal deadline',
  '省级单位的截止日期为年度政策规定的报送截止日期，不设内部截止日期':
    "A province's deadline is the submission deadline of the year's policy; it has no internal deadline",
  请在年度政策中修改报送截止日期: "Change the submission deadline in the year's policy",
  '内部截止日期 {date} 晚于{reviewer}自身的截止日期 {parent}':
    "The internal deadline {date} is later than {reviewer}'s own deadline {parent}",
  '不能晚于 {date}': 'No later than {date}',
  '只有住房和城乡建设部、国家发展改革委、财政部可以签收省级计划':
    "Only MOHURD, NDRC and the Ministry of Finance can sign for a province's plan",
  只有省级计划报部委签收: 'Only provincial plans go to the ministries for receipt',
  '{plan}年度计划当前为“{state}”，没有待签收的上报版本':
    'The annual plan {plan} is "{state}": no submitted version awaits receipt',
  '第 {version} 版已被第 {n} 版取代，请签收最新上报的版本':
    'Version {version} was replaced by version {n}; sign for the latest submitted version',
  只有本单位可以填写联系人及电话: 'Only the unit itself can enter the contact and phone',
  联系人及电话由省级单位随计划上报时填写:
    'The contact and phone are entered by the province with its submission',
  '计划{state}，不能修改联系人及电话':
    'The plan is "{state}": the contact and phone cannot be changed',
  单位代码应为6位数字: 'The unit code should be 6 digits',
  请写明调整理由: 'Please give the reason for the revision',
  '原因应为 not_feasible、residents_changed、merged 或 other 之一':
    'The reason should be one of not_feasible, residents_changed, merged or other',
  校验码应为64位十六进制: 'The checksum should be 64 hexadecimal digits',
  请附上批准文件: 'Please attach the approval document',
  '原因为“其他”时请写明具体原因': 'With the reason "Other", please describe it',
  只有本单位可以填写调整原因: 'Only the unit itself can give reasons for the revision',
  '只有计划调整中（未上报）的计划可以填写调整原因':
    'Reasons can be given only while a revision is in progress (not submitted)',
  '调整后的计划与现行计划（第 {n} 版）相同，没有可上报的调整':
    'The revised plan is the same as the plan in force (version {n}): nothing to submit',
  计划未变动: 'The plan has not changed',
  '以下 {n} 个小区从现行计划（第 {version} 版）中删除，须填写删除原因：{names}':
    'These {n} communities are removed from the plan in force (version {version}) and need a reason: {names}',
  '{name}：请选择删除原因': '{name}: please choose a reason for the removal',
  '{revision}须重新录入省级人民政府同意的文件（现有文件录入于计划调整之前）':
    "{revision} needs the provincial government's approval recorded again (the one on file predates the revision)",
  须重新录入: 'Must be recorded again',
  只有本单位可以进行此操作: 'Only the unit itself can do this',
  说明至少5个字: 'The justification needs at least 5 characters',
  只有省级计划需要会签: 'Only provincial plans need sign-offs',
  '只有省级住建、发展改革、财政部门可以会签':
    'Only the provincial housing, development and reform, and finance departments can sign off',
  '{dept}已于 {at} 由 {user} 会签此版本，无需重复会签':
    'The {dept} signed this version at {at} ({user}); no need to sign again',
  '该会签版本已被更新的版本取代，请查看最新版本后再会签':
    'This sign-off version was replaced by a newer one; read the latest version before signing',
  '您确认的版本（{a}…）与当前会签版本（{b}…）不一致':
    'The version you confirmed ({a}…) is not the current sign-off version ({b}…)',
  '请先生成会签版本：省级人民政府批复须对应一个会签版本':
    "Freeze a sign-off version first: the provincial government's approval must apply to one",
  '批准日期格式应为 YYYY-MM-DD': 'The date of approval should be YYYY-MM-DD',
  只有省级计划需要录入省级人民政府批准文件:
    "Only provincial plans need the provincial government's approval",
  '只有部委（住房和城乡建设部、国家发展改革委、财政部）用户可以查看各省上报情况':
    "Only the ministries' users (MOHURD, NDRC, Ministry of Finance) can see the provinces' submissions",
  已上报的版本不存在: 'No submitted version',
  '第 {n} 版不存在': 'Version {n} does not exist',
  计划调整不存在: 'No plan revision',
  已上报的计划调整不存在: 'No submitted plan revision',
  '申报单位 {code} 不存在': 'Declaring unit {code} does not exist',
  '已上报的申报单位 {code} 不存在': 'No declaring unit {code} has submitted',
  会签版本不存在: 'No sign-off version',
};
