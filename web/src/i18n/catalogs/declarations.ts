// English for the declaration pages (see ../t.ts): states, events, the page, submitting and the
// checks. Reviewing, sign-offs, the ministries' overview and notices: declarations-review.ts.
export const en: Record<string, string> = {
  // Shared words
  重试: 'Retry',
  无: 'None',
  部门: 'Department',
  '（{state}）': ' ({state})',
  '校验码：按版本内容计算出的“数字指纹”，内容有任何改动，校验码就会不同。':
    "Checksum: a digital fingerprint computed from the version's content; any change to the content gives a different checksum.",
  复制完整校验码: 'Copy the full checksum',
  已复制: 'Copied',
  小区数: 'Communities',
  编号: 'No.',
  '楼栋数（栋）': 'Buildings',
  '{amount}万元': '{amount} (10k yuan)',

  // States, progress and levels (server/src/domain/declaration.ts)
  编制中: 'In preparation',
  已退回: 'Returned',
  已接收: 'Accepted',
  计划调整中: 'Revision in progress',
  '计划调整（第{n}次）': 'Plan revision {n}',
  未开始: 'Not started',
  县级单位: 'County-level unit',
  市级单位: 'City-level unit',
  省级单位: 'Provincial unit',
  '住房和城乡建设部、国家发展改革委、财政部':
    'Ministry of Housing and Urban-Rural Development, National Development and Reform Commission, Ministry of Finance',
  省级住房和城乡建设部门: 'Provincial housing and urban-rural development department',
  省级发展改革部门: 'Provincial development and reform department',
  省级财政部门: 'Provincial finance department',
  住建部: 'MOHURD',
  发改委: 'NDRC',

  // Events (申报记录)
  申报记录: 'Declaration record',
  暂无记录: 'No records yet',
  接收: 'Accept',
  填写警告说明: 'Justified a warning',
  生成会签版本: 'Freeze a sign-off version',
  录入省级人民政府同意文件: "Recorded the provincial government's approval",
  设置内部截止日期: 'Set an internal deadline',
  开始计划调整: 'Started a plan revision',
  '会签：省级住房和城乡建设部门':
    'Sign-off: provincial housing and urban-rural development department',
  '会签：省级发展改革部门': 'Sign-off: provincial development and reform department',
  '会签：省级财政部门': 'Sign-off: provincial finance department',
  '签收：住房和城乡建设部': 'Receipt: Ministry of Housing and Urban-Rural Development',
  '签收：国家发展改革委': 'Receipt: National Development and Reform Commission',
  '签收：财政部': 'Receipt: Ministry of Finance',
  '{change}（原为 {before}）': '{change} (was {before})',
  '内部截止日期设为 {date}': 'Internal deadline set to {date}',
  '取消内部截止日期，按年度截止日期 {date}':
    "Internal deadline removed; the year's deadline {date} applies",
  '取消内部截止日期，按{reviewer}的截止日期 {date}':
    "Internal deadline removed; {reviewer}'s deadline {date} applies",
  '取消内部截止日期，按{reviewer}的截止日期 {date}（原为 {before}）':
    "Internal deadline removed; {reviewer}'s deadline {date} applies (was {before})",
  '{date} {documentNo}（批准第 {version} 版）': '{date} {documentNo} (approves version {version})',
  '{dept}签收第 {n} 版': '{dept} signed for version {n}',

  // The declaration page
  申报单位或年度不正确: 'The declaring unit or year is not valid',
  返回计划申报: 'Back to plan declaration',
  '仅供查看：申报由本单位上报，由上级单位审核。':
    'View only: a unit submits its own declaration, and the level above reviews it.',
  '{year}年度改造计划申报': '{year} renovation plan declaration',
  '审核：{reviewer}': 'Reviewed by: {reviewer}',
  '上级单位设置的内部截止日期（年度截止日期 {date}）':
    "Internal deadline set by the level above (the year's deadline: {date})",
  '上级单位的截止日期（年度截止日期 {date}）':
    "The level above's deadline (the year's deadline: {date})",
  年度截止日期: "The year's deadline",
  内部截止: 'Internal deadline',
  截止: 'Deadline',
  '逾期 {n} 天': '{n} days overdue',
  今天截止: 'Due today',
  '剩余 {n} 天': '{n} days left',
  '受上级截止日期限制：按{reviewer}的截止日期 {date}（内部截止日期 {internal} 晚于此日期）':
    "Capped by the deadline above: {reviewer}'s deadline {date} applies (the internal deadline {internal} is later)",
  '尚未上报过版本。上报时将冻结当前计划，生成附校验码的版本，此后台账的修改不影响已上报的版本。':
    'No version submitted yet. Submitting freezes the current plan as a version with a checksum; later changes to the ledger do not affect a submitted version.',
  已上报版本: 'Submitted version',
  自上报后未变动: 'Unchanged since submission',
  '上报后台账已有变动（已上报的版本不受影响；如需报送变动，须退回后重新上报）':
    'The ledger has changed since submission (the submitted version is not affected; to report the changes, the declaration must be returned and submitted again)',

  // Submitting
  上报年度计划: 'Submit the annual plan',
  '将冻结当前计划为新的版本（附校验码）报送上级，此后台账的修改不影响该版本。确认上报？':
    'The current plan will be frozen as a new version (with a checksum) and sent to the level above; later changes to the ledger do not affect it. Submit?',
  重新上报: 'Submit again',
  '已上报{year}年度计划（第 {n} 版）': 'Submitted the {year} plan (version {n})',
  '当前状态为“{state}”，不能上报': 'The status is "{state}": it cannot be submitted',
  '下级单位尚未全部接收：{names}': 'Not all units below have been accepted yet: {names}',
  '下级单位尚未全部接收（见下方列表）':
    'Not all units below have been accepted yet (see the list below)',
  '以下 {n} 个下级单位有小区列入计划，其申报尚未接收；全部接收后才能上报':
    'The following {n} units below have communities in the plan and their declarations are not accepted yet; the plan can be submitted once all are accepted',
  '阻断：{title} — {message}': 'Blocking: {title} — {message}',
  '警告：{title} — {message}': 'Warning: {title} — {message}',
  '下级单位：{message}': 'Unit below: {message}',
  '省级人民政府同意文件 — {message}': "Provincial government's approval — {message}",
  '会签版本 — {message}': 'Sign-off version — {message}',
  '删除原因：{message}': 'Reason for removal: {message}',
  '计划调整 — {message}': 'Plan revision — {message}',
  '会签：{label} — {message}': 'Sign-off: {label} — {message}',

  // Checks
  '，其中 {n} 项阻断上报': ', {n} of them blocking submission',
  '本单位说明：': "This unit's justification: ",
  '此项警告未通过，须写明理由后才能上报（审核单位可见，至少5个字）：':
    'This warning failed: write a justification before submitting (the reviewer sees it; at least 5 characters):',
  '{title}的说明': 'Justification for {title}',
  '例如：本市2000年后小区集中在相邻片区联动改造，全省统筹后占比不超过上限':
    "e.g. the city's post-2000 communities are renovated together with the neighbouring areas; across the province the share stays within the limit",
  保存说明: 'Save justification',
  已保存说明: 'Justification saved',
  尚未填写说明: 'No justification yet',
  '已保存“{title}”的说明': 'Saved the justification for "{title}"',

  // Check titles and messages (server/src/domain/plan-checks.ts, fiscal-checks.ts, plan-policy.ts)
  '{cutoff}年底后建成小区户数占比不超过{max}':
    'Households in communities built after {cutoff} are no more than {max}',
  '{cutoff}年底后建成小区 {n} 户，占计划总户数 {total} 户的 {share}（上限 {max}）':
    "Communities built after {cutoff} have {n} households, {share} of the plan's {total} (limit {max})",
  '{head}：{rule}（{year}年度政策，{source}）': '{head}: {rule} ({year} policy, {source})',
  // In full as well: t() matches placeholders lazily, so a shorter pattern would split it wrong.
  '{cutoff}年底后建成小区 {n} 户，占计划总户数 {total} 户的 {share}（上限 {max}）：{after}年底后建成小区在{year}年计划中占比不得超过{pct}%（按居民户数计）（{policyYear}年度政策，{source}）':
    "Communities built after {cutoff} have {n} households, {share} of the plan's {total} (limit {max}): communities built after {after} may be no more than {pct}% of the {year} plan (by households) ({policyYear} policy, {source})",
  '{cutoff}年底后建成小区 {n} 户，占计划总户数 {total} 户的 {share}（上限 {max}）：{after}年底后建成小区在{year}年计划中占比不得超过{pct}%（按居民户数计）（{policyYear}年度政策）':
    "Communities built after {cutoff} have {n} households, {share} of the plan's {total} (limit {max}): communities built after {after} may be no more than {pct}% of the {year} plan (by households) ({policyYear} policy)",
  '{head}：{rule}（{year}年度政策）': '{head}: {rule} ({year} policy)',
  '{cutoff}年底后建成小区在{year}年计划中占比不得超过{pct}%（按居民户数计）':
    'communities built after {cutoff} may be no more than {pct}% of the {year} plan (by households)',
  '{cutoff}年底后建成小区纳入改造计划的，建成年限不得晚于{latest}年底':
    'a community built after {cutoff} may enter the plan only if built by the end of {latest}',
  '不得纳入{year}年以后建成的小区': 'No community built after {year}',
  '{n} 个小区建成于{year}年以后': '{n} communities built after {year}',
  '不得纳入拟征收补偿安置或拆除新建（含改建、扩建、翻建）的小区':
    'No community to be expropriated, or demolished and rebuilt (including rebuilding, extension or reconstruction)',
  '{n} 个小区已标记拟征收或拆除新建':
    '{n} communities are marked to be expropriated or demolished and rebuilt',
  已纳入中央补助支持改造计划的项目不得重复申报:
    'Projects already in a centrally subsidised renovation plan may not be declared again',
  '{n} 个小区已纳入过中央补助计划': '{n} communities were in a centrally subsidised plan before',
  '{n} 个小区与已获中央补助的小区疑似重复，请核实':
    '{n} communities look like duplicates of centrally subsidised ones; please verify',
  '已列入以往年度计划（已接收）的小区不得重复申报':
    "Communities in an earlier year's accepted plan may not be declared again",
  '{n} 个小区已列入以往年度计划': "{n} communities are in an earlier year's plan",
  '{n} 个小区与以往年度计划中的小区名称相近，疑似重复，请核实并说明':
    "{n} communities have names close to ones in earlier years' plans and may be duplicates; please verify and explain",
  地方财政出资不超过财政承受能力评估: 'Local funding within the assessed fiscal capacity',
  '{name}：计划地方出资 {local}，超过评估可用资金 {available}':
    '{name}: planned local funding {local} exceeds the assessed available funds {available}',
  '{n} 个市、县已录入评估，均未超出': '{n} cities and counties have assessments, none exceeded',
  尚未录入财政承受能力评估: 'No fiscal capacity assessment entered yet',
  '列入计划的市、县均已评估财政承受能力':
    'Every city and county in the plan has assessed its fiscal capacity',
  计划中没有小区: 'No community in the plan',
  '{n} 个有小区列入计划的单位尚未录入财政承受能力评估：{names}':
    '{n} units with communities in the plan have not entered a fiscal capacity assessment: {names}',
  '{n} 个有小区列入计划的单位均已录入评估':
    'All {n} units with communities in the plan have entered an assessment',
  财政承受能力评估均已经省级审核通过:
    'Every fiscal capacity assessment has passed provincial review',
  '{n} 个单位的评估被省级退回：{names}':
    "{n} units' assessments were returned by the province: {names}",
  '{n} 个单位的评估待省级审核：{names}': "{n} units' assessments await provincial review: {names}",
  '{n} 个单位的评估均已审核通过': "All {n} units' assessments have passed review",
  尚无评估: 'No assessment yet',
  '已纳入{years}年中央补助计划（历史清单：{name}）':
    'In the {years} centrally subsidised plan (history list: {name})',
  '与已获{years}年中央补助的“{name}”（历史清单）名称相近，疑似重复，请核实并说明':
    'Name close to "{name}" (history list), centrally subsidised in {years}; may be a duplicate, please verify and explain',
  '与已获{years}年中央补助的“{name}”疑似重复':
    'May duplicate "{name}", centrally subsidised in {years}',
  '已列入{year}年度{unit}计划（第 {version} 版，已接收）（“{name}”），不得重复申报':
    'In the {year} plan of {unit} (version {version}, accepted) ("{name}"); may not be declared again',
  '与{year}年度{unit}计划（第 {version} 版，已接收）中的“{name}”名称相近，疑似重复，请核实并说明':
    'Name close to "{name}" in the {year} plan of {unit} (version {version}, accepted); may be a duplicate, please verify and explain',
};
