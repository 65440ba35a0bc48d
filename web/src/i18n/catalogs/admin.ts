// English for the five-year page and the administration pages (see ../t.ts): targets and green
// communities, regions, users and roles, the audit log, and what the server answers there.
export const en: Record<string, string> = {
  // Five-year targets (/five-year)
  '十四五城镇老旧小区改造目标与进展（2021—2025年）':
    '14th Five-Year Plan: old residential community renovation targets and progress (2021–2025)',
  '计划：计划年度为该年、纳入实施库的小区；开工、完工：这些小区最新一期进展中已填开工日期、完工日期的（与进展统计同一口径）。十四五完成目标按2000年底前建成的小区计（建办城〔2021〕28号 一）。':
    'Planned: communities in the implementation pool with that plan year; started, completed: those of them whose latest progress report has a start or completion date (as in the progress statistics). The five-year completion target counts communities built by the end of 2000 (Jianbancheng [2021] No. 28, I).',
  '数据截至 {date}。': ' Figures as of {date}.',
  该地区不在您的管辖范围内: 'This region is outside your jurisdiction',
  目标与累计进度: 'Targets and cumulative progress',
  十四五完成目标: 'Five-year completion target',
  '区县级单位不单独设置十四五目标，下表只列台账中的计划与进展':
    'County-level units set no five-year targets of their own; the table lists only the plans and progress in the ledger',
  '十四五完成目标（2000年底前建成，个）':
    'Five-year completion target (built by end of 2000, communities)',
  未设: 'Not set',
  '已完工（2000年底前建成，个）': 'Completed (built by end of 2000, communities)',
  完成比例: 'Share completed',
  '尚差（个）': 'Still to go (communities)',
  '2021—2025年目标与累计进度': 'Targets and cumulative progress, 2021–2025',
  '当年计划取自台账的工作底稿（未冻结），与各年上报、接收的计划版本可能不同；上报的版本见“年度计划”。':
    'The year\'s plan comes from the ledger\'s working draft (not frozen) and may differ from the plan versions submitted and accepted each year; the submitted versions are under "Annual plan".',
  新开工目标: 'Start target',
  '小区（个）': 'Communities',
  '户数（户）': 'Households',
  当年计划: 'Planned that year',
  户数: 'Households',
  对目标: 'Of target',
  其中2000年底前建成: 'Of which built by end of 2000',
  累计: 'Cumulative',
  目标: 'Target',
  开工: 'Started',
  完工: 'Completed',
  目标依据: 'Source of the target',
  未设目标: 'No target',
  设置目标: 'Set a target',
  '{region}{year}年新开工改造目标': '{region}: renovation start target for {year}',
  '{region}十四五期末完成改造目标':
    '{region}: renovation completion target for the end of the five-year period',
  '已保存{what}': 'Saved: {what}',
  '到2025年底完成改造的小区数（2000年底前建成，个）':
    'Communities renovated by the end of 2025 (built by end of 2000)',
  '新开工改造小区数（个）': 'Communities to start renovation',
  请输入小区数: 'Enter the number of communities',
  '新开工改造户数（户，可不填）': 'Households to start renovation (optional)',
  '户数不能少于小区数：每个小区至少有1户':
    'Households cannot be fewer than communities: every community has at least 1 household',
  '如 建办城〔2021〕28号、本省十四五改造规划':
    "E.g. Jianbancheng [2021] No. 28, the province's five-year renovation plan",
  项目储备与剩余任务: 'Project pools and remaining work',
  '项目（个）': 'Projects',
  '未开工小区（个）': 'Communities not started',
  '十四五时期（{first}—{last}年）已结束：没有剩余年度的开工目标，下面只对照完成目标的缺口。':
    'The five-year period ({first}–{last}) is over: no start targets remain, so below is only the gap to the completion target.',
  '剩余年度 {years}：待开工 {n} 个（各年目标减去已开工，当年计入），项目库中未开工小区可覆盖 {pct}。':
    "Remaining years {years}: {n} communities still to start (each year's target less those started, this year included); the communities not yet started in the pools cover {pct}.",
  '本地区未设十四五完成目标；项目库中2000年底前建成、尚未开工的小区 {n} 个。':
    'No five-year completion target is set here; the pools hold {n} communities built by end of 2000 and not yet started.',
  '十四五完成目标尚差 {gap} 个；项目库中2000年底前建成、尚未开工的小区 {n} 个，可覆盖 {pct}。':
    '{gap} communities short of the five-year completion target; the pools hold {n} communities built by end of 2000 and not yet started, covering {pct}.',
  剩余年度: 'Remaining year',
  待开工: 'Still to start',
  缺口: 'Gap',
  年度目标: 'Annual target',
  当年开工: 'Started that year',
  累计目标: 'Cumulative target',
  累计开工: 'Cumulative starts',
  '累计完工（2000年底前建成）': 'Cumulative completions (built by end of 2000)',
  '十四五完成目标 {n}': 'Five-year completion target {n}',
  '项目储备（未开工）': 'Project pools (not started)',
  剩余年度待开工: 'Still to start in remaining years',
  十四五完成目标缺口: 'Gap to the five-year completion target',
  '达标占比（%）': 'Share meeting the requirements (%)',
  '目标 {percent}%（{year}年底）': 'Goal {percent}% (end of {year})',
  绿色社区创建: 'Green community creation',
  填报: 'Report',
  '建办城〔2021〕28号 二(二)：到2021年底，25%以上的城市社区参与绿色社区创建行动并达到创建要求':
    'Jianbancheng [2021] No. 28, II(2): by the end of 2021, over 25% of urban communities take part in the green community campaign and meet its requirements',
  '{year}年底：已填报 {reporting}/{cities} 个城市，合计城市社区 {urban} 个，达到创建要求 {meeting} 个，占 {pct}（达到目标，按确切数字判断）。':
    'End of {year}: {reporting}/{cities} cities reported, {urban} urban communities in all, {meeting} meeting the requirements, {pct} (goal met, judged on exact figures).',
  '{year}年底：已填报 {reporting}/{cities} 个城市，合计城市社区 {urban} 个，达到创建要求 {meeting} 个，占 {pct}（未达到目标，按确切数字判断）。':
    'End of {year}: {reporting}/{cities} cities reported, {urban} urban communities in all, {meeting} meeting the requirements, {pct} (goal not met, judged on exact figures).',
  '本地区 {cities} 个城市尚未填报{year}年的绿色社区创建情况。':
    'None of the {cities} cities here has reported green community creation for {year} yet.',
  尚无绿色社区创建数据: 'No green community data yet',
  各市达到绿色社区创建要求的社区占比:
    'Share of communities meeting the green community requirements, by city',
  '合计（{n}市）': 'Total ({n} cities)',
  达到: 'Met',
  未达到: 'Not met',
  '城市社区（个）': 'Urban communities',
  参与创建: 'Taking part',
  参与占比: 'Share taking part',
  达到创建要求: 'Meeting requirements',
  达标占比: 'Share meeting',
  '{goal}%目标': '{goal}% goal',
  '依据 / 填报': 'Source / reported by',
  '已保存{city}{year}年绿色社区创建情况': 'Saved the green community figures of {city} for {year}',
  填报绿色社区创建情况: 'Report green community creation',
  请选择城市: 'Choose a city',
  '年度（年末数）': 'Year (figures at year end)',
  请选择年度: 'Choose a year',
  '城市社区总数（个）': 'Urban communities in all',
  请输入城市社区总数: 'Enter the number of urban communities',
  '参与绿色社区创建的社区数（个）': 'Communities taking part in green community creation',
  请输入参与创建的社区数: 'Enter the number of communities taking part',
  '达到创建要求的社区数（个）': 'Communities meeting the requirements',
  请输入达到创建要求的社区数: 'Enter the number of communities meeting the requirements',
  参与创建的社区数不能超过城市社区总数:
    'Communities taking part cannot exceed urban communities in all',
  达到创建要求的社区数不能超过参与创建的社区数:
    'Communities meeting the requirements cannot exceed those taking part',
  '如 市住建局年度报送': "E.g. the city housing bureau's annual report",
  // Regions (/regions)
  区划树: 'Region tree',
  搜索区划: 'Search regions',
  '搜索区划：名称、代码或拼音首字母': 'Search regions: name, code or pinyin initials',
  区划详情: 'Region details',
  添加功能区: 'Add functional zone',
  上级代码: 'Parent code',
  台账单位: 'Ledger unit',
  有下级: 'Has children',
  '下级区划（{n}）': 'Subdivisions ({n})',
  无下级区划: 'No subdivisions',
  功能区: 'Functional zone',
  '已添加功能区：{name}': 'Functional zone added: {name}',
  '在 {name} 下添加功能区': 'Add a functional zone under {name}',
  功能区名称: 'Functional zone name',
  '如：经济技术开发区、高新技术产业开发区、新区':
    'E.g. economic and technological development zone, high-tech industrial development zone, new area',
  请输入功能区名称: "Enter the functional zone's name",
  名称不超过50个字: 'At most 50 characters',
  省: 'Province',
  自治区: 'Autonomous region',
  直辖市: 'Municipality',
  兵团: 'Production and Construction Corps',
  地级市: 'Prefecture-level city',
  自治州: 'Autonomous prefecture',
  盟: 'League',
  师: 'Division',
  市辖区: 'District',
  县级市: 'County-level city',
  县: 'County',
  自治县: 'Autonomous county',
  旗: 'Banner',
  自治旗: 'Autonomous banner',
  林区: 'Forestry district',
  特区: 'Special district',
  // Users (/users) and roles (common/roles.ts)
  用户管理: 'Users',
  新建用户: 'New user',
  搜索用户: 'Search users',
  '按用户名、姓名搜索': 'Search by username or name',
  '共 {n} 个用户': '{n} users',
  用户名: 'Username',
  姓名: 'Name',
  已停用: 'Disabled',
  正常: 'Active',
  最近登录: 'Last login',
  重置密码: 'Reset password',
  '启用用户 {user}？': 'Enable user {user}?',
  '停用用户 {user}？': 'Disable user {user}?',
  '停用后该用户将无法登录。': 'A disabled user cannot sign in.',
  启用: 'Enable',
  停用: 'Disable',
  '已启用 {user}': 'Enabled {user}',
  '已停用 {user}': 'Disabled {user}',
  '已保存用户 {user}': 'User {user} saved',
  '已创建用户 {user}': 'User {user} created',
  '编辑用户：{user}': 'Edit user: {user}',
  创建: 'Create',
  请输入用户名: 'Enter a username',
  请输入姓名: 'Enter the name',
  初始密码: 'Initial password',
  请输入初始密码: 'Enter an initial password',
  请选择至少一个角色: 'Choose at least one role',
  '可选择多个角色，可输入名称筛选': 'Choose one or more roles; type to filter',
  请选择所属区划: 'Choose the region',
  '已重置 {user} 的密码': 'Password of {user} reset',
  '重置密码：{user}': 'Reset password: {user}',
  重置: 'Reset',
  '至少10位，须包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名，不能是常见密码':
    'At least 10 characters, from at least three of upper case, lower case, digits and symbols; must not contain the username or be a common password',
  '用户名为3–32位字母、数字、下划线、点或连字符':
    'A username is 3–32 letters, digits, underscores, dots or hyphens',
  // Audit log (/audit)
  对象: 'Target',
  地址: 'Address',
  详情: 'Details',
  '6位代码': '6-digit code',
  '如 auth.login': 'E.g. auth.login',
  日期: 'Date',
  '日期（北京时间）': 'Date (Beijing time)',
  '共 {n} 条': '{n} entries',
  // What the server answers on these pages (refusals, problems)
  '{name}的财政承受能力评估已被他人修改，请刷新后重试':
    "{name}'s fiscal capacity assessment was changed by someone else; refresh and try again",
  '{year}年度政策已被他人修改，请刷新后重试':
    'The policy for {year} was changed by someone else; refresh and try again',
  只有全国系统管理员可以设置年度政策:
    'Only the national system administrator can set annual policies',
  '只有安全管理员可以管理用户（三员分立：系统管理员与审计管理员不管理账号）':
    'Only the security administrator manages users (separation of duties: the system and audit administrators do not manage accounts)',
  只有审计管理员可以查看审计日志: 'Only the audit administrator can view the audit log',
  只有本省或全国系统管理员可以设置本省的居民同意比例:
    "Only the province's or the national system administrator can set the province's residents' consent share",
  只有系统管理员可以添加功能区: 'Only a system administrator can add functional zones',
  没有填报绿色社区创建情况的权限: 'You may not report green community creation',
  没有查看十四五目标与进展的权限: 'You may not view the five-year targets and progress',
  没有查看财政承受能力评估的权限: 'You may not view fiscal capacity assessments',
  没有设置十四五目标的权限: 'You may not set five-year targets',
  '财政承受能力评估由省级审核，不能审核本级的评估':
    'Fiscal capacity assessments are reviewed by the province; you cannot review your own',
  '{name}的绿色社区创建情况由本市或本省住房和城乡建设部门填报':
    "{name}'s green community figures are reported by its city or provincial housing department",
  '财政承受能力评估由{name}本级录入': 'The fiscal capacity assessment is entered by {name} itself',
  '{year}年度政策不存在': 'There is no policy for {year}',
  不能停用自己的账号: 'You cannot disable your own account',
  '全国汇总表由各省的版本组成，不能指定版本号；请选择口径（basis）':
    "The national summary is made of the provinces' versions and takes no version number; choose a basis",
  '功能区只能添加在地级单位（市、州、盟）之下':
    'A functional zone can only be added under a prefecture-level unit (city, prefecture, league)',
  '十四五目标由全国、省级和地级单位设置，区县级单位不单独设置':
    'Five-year targets are set nationally and by provinces and prefectures, not by county-level units',
  '居民同意比例应大于 0 且不超过 100%':
    "The residents' consent share must be above 0 and at most 100%",
  最晚建成年份不能早于分界年份: 'The latest build year cannot be before the cut-off year',
  '绿色社区创建情况按地级单位（市、州、盟）填报':
    'Green community figures are reported by prefecture-level units (city, prefecture, league)',
  请选择要上传的评估文件: 'Choose the assessment document to upload',
  '请先录入{name}{year}年度的财政承受能力评估，再上传评估文件':
    'Enter the fiscal capacity assessment of {name} for {year} before uploading its document',
  '财政承受能力评估有误：{details}': 'The fiscal capacity assessment has errors: {details}',
  '{label}应为不小于0的整数': '{label} must be a whole number of at least 0',
  '{label}不能超过 {max}': '{label} cannot exceed {max}',
  城市社区总数: 'Urban communities in all',
  参与创建的社区数: 'Communities taking part',
  达到创建要求的社区数: 'Communities meeting the requirements',
  新开工改造小区数: 'Communities to start renovation',
  新开工改造户数: 'Households to start renovation',
  完成改造小区数: 'Communities renovated',
  '参与创建的社区数（{a}）不能超过城市社区总数（{b}）':
    'Communities taking part ({a}) cannot exceed urban communities in all ({b})',
  '达到创建要求的社区数（{a}）不能超过参与创建的社区数（{b}）':
    'Communities meeting the requirements ({a}) cannot exceed those taking part ({b})',
  '户数（{h}）不能少于小区数（{c}）：每个小区至少有1户':
    'Households ({h}) cannot be fewer than communities ({c}): every community has at least 1 household',
  '年度应在{first}—{last}年之间（十四五时期），收到 {year}':
    'The year must be within {first}–{last} (the 14th Five-Year Plan period); got {year}',
  '{name}{year}年度计划第 {version} 版不存在':
    'Version {version} of the {year} plan of {name} does not exist',
  '{name}{year}年度计划尚无经三个部门会签的上报版本':
    'The {year} plan of {name} has no submitted version co-signed by the three departments yet',
  '{name}{year}年度计划尚无已接收的版本': 'The {year} plan of {name} has no accepted version yet',
  '{name}{year}年度计划尚未上报': 'The {year} plan of {name} has not been submitted yet',
};
