// English for the text the server composes on the ledger pages (see ../t.ts): labels, import
// checks, refusals — exact, or as patterns whose placeholders capture what their names allow.
export const en: Record<string, string> = {
  // Text the server composes (labels, check results, refusals), exact or as patterns.
  '{a}；{b}': '{a}; {b}',
  '{a}：{b}': '{a}: {b}',
  '{field}：': '{field}: ',
  '（{source}）': ' ({source})',
  分界年份前建成: 'Built before the cut-off year',
  分界年份后建成: 'Built after the cut-off year',
  基础类: 'Basic',
  完善类: 'Improvement',
  提升类: 'Upgrade',
  居民会议: "Residents' meeting",
  入户走访: 'Door-to-door visits',
  线上征询: 'Online consultation',
  书面征询: 'Written consultation',
  改造前: 'Before',
  改造后: 'After',
  照片自带位置: "the photo's own position",
  本机定位: 'device position',
  手工填写: 'entered by hand',
  名称仅通用后缀不同: 'Names differ only in a generic suffix',
  名称相近: 'Similar names',
  地址相同或位置相近: 'Same address or nearby position',
  '一行为一个小区一个报告期。填写“居民同意户数”（可另填“协商日期”，默认报告期最后一天）即记录一次居民协商，同一文件中的开工可据此通过开工检查。':
    'One row per community and reporting period. Filling in "households agreeing" (optionally with "consultation date", by default the period\'s last day) records a resident consultation, which lets starts in the same file pass the start check.',
  '一行为一次协商：协商日期、方式、参与户数、同意户数、是否同意改造方案与长效管理。已在台账中的同一次协商不会重复记录。':
    'One row per consultation: date, method, households consulted, households agreeing, whether the renovation plan and long-term management were agreed. A consultation already in the ledger is not recorded twice.',
  中央补助年度: 'Central subsidy year',
  '改造投资额（万元）': 'Renovation investment (10k yuan)',
  中央补助资金: 'Central subsidy',
  省级资金: 'Provincial funds',
  市县资金: 'City and county funds',
  地方政府专项债券: 'Local government special bonds',
  专业经营单位出资: 'Utility company contribution',
  社会资本: 'Private capital',
  资金来源: 'Funding sources',
  合并并撤销的项目: 'Projects merged and withdrawn',
  重复: 'Duplicate',
  '户均楼栋异常：每栋 {n} 户（常见范围 2–300）':
    'Unusual households per building: {n} per building (usual range 2–300)',
  '户均面积异常：{n} 平方米/户（常见范围 40–160）':
    'Unusual floor area per household: {n} m² per household (usual range 40–160)',
  '户均投资异常：{n} 万元/户（常见范围 0.3–10）':
    'Unusual investment per household: {n} (10k yuan) per household (usual range 0.3–10)',
  '单位面积投资异常：{n} 元/平方米（常见范围 50–1500）':
    'Unusual investment per floor area: {n} yuan/m² (usual range 50–1500)',
  '{year}年底后建成（{built}年），计入“{cutoff}年底后”户数占比':
    'Built after the end of {year} (in {built}); counts toward the share of households "after the end of {cutoff}"',
  '与区划代码不符（{code} 是{unit}）': 'Does not match the region code ({code} is {unit})',
  '名称不唯一（{codes}），请填写区划代码':
    'The name is not unique ({codes}); enter the region code',
  本人辖区内没有这个县级单位: 'There is no such county-level unit in your area',
  区划代码和区县至少填写一项: 'Enter the region code or the county/district, or both',
  '应为1900–{max}之间的4位年份，或不填': 'Must be a 4-digit year from 1900 to {max}, or empty',
  '应为2000–{max}之间的4位年份': 'Must be a 4-digit year from 2000 to {max}',
  '应为2000–{max}之间的4位年份或不填': 'Must be a 4-digit year from 2000 to {max}, or empty',
  '应为“城市(建成区)”或“县城(城关镇)”，或不填':
    'Must be the template\'s "city (built-up area)" or "county seat (town)", or empty',
  '应为不小于1的整数，或不填': 'Must be a whole number of at least 1, or empty',
  '应为大于0的数，最多2位小数，或不填':
    'Must be a number above 0 with at most 2 decimal places, or empty',
  '应为不小于0的数，最多4位小数，或不填':
    'Must be a number of at least 0 with at most 4 decimal places, or empty',
  '拟征收补偿安置或拟拆除新建（含改建、扩建、翻建）的小区不得纳入改造计划（建办城〔2021〕28号 三(一)）':
    'A community to be expropriated with compensation or demolished and rebuilt (including rebuilding, extension or reconstruction) may not enter a renovation plan (Jianbancheng [2021] No. 28, III(1))',
  '{unit}已有同名小区“{name}”（编号 {id}），同一小区只能登记一次':
    '{unit} already has a community named "{name}" (no. {id}); a community may be recorded only once',
  '{unit}已有同名小区“{name}”（编号 {id}）':
    '{unit} already has a community named "{name}" (no. {id})',
  '保存失败：该小区已被{who}修改（您打开的是第 {version} 版，当前为第 {latest} 版）。请查看对方的修改后重新编辑。':
    'Not saved: the community was changed by {who} (you opened version {version}, the current one is version {latest}). Look at their changes and edit again.',
  他人: 'someone else',
  没有查看台账的权限: 'You may not view the ledger',
  没有编辑台账的权限: 'You may not edit the ledger',
  没有导入台账的权限: 'You may not import into the ledger',
  '区划 {code} 不存在': 'Region {code} not found',
  疑似重复记录不存在: 'Suspected duplicate not found',
  导入任务不存在: 'Import job not found',
  协商记录不存在: 'Consultation not found',
  附件不存在: 'Attachment not found',
  附件文件不存在: 'Attachment file not found',
  项目不存在: 'Project not found',
  列名重复: 'Duplicate column name',
  '无法识别的列，已忽略': 'Unknown column, ignored',
  '文件为空：没有表头和数据行': 'The file is empty: no header and no data rows',
  '文件只有表头，没有数据行': 'The file has a header but no data rows',
  '与台账中已有的小区“{name}”（编号 {id}，{year}年度）是同一小区，不得重复登记':
    'Is the same community as "{name}" already in the ledger (no. {id}, plan year {year}); it may not be recorded twice',
  '第 {a} 行“{aname}”与第 {b} 行“{bname}”是同一小区（同一县级单位，{how}），同一小区只能登记一次':
    '"{aname}" in row {a} and "{bname}" in row {b} are the same community (same county-level unit, {how}); a community may be recorded only once',
  名称相同: 'same name',
  名称仅写法不同: 'names written differently',
  '已登记，但不能列入{year}年度计划（该年度计划检查不通过）：{rule}。可转入谋划或储备库，待政策允许的年度申报':
    "Recorded, but it cannot enter the {year} plan (that year's plan check fails): {rule}. It may go to the planning or reserve pool and be declared in a year whose policy allows it",
  '已登记，但已纳入{year}年中央补助支持的改造计划，不得重复申报（建办城〔2021〕28号 三(四)），不能列入年度计划':
    "Recorded, but it was in the centrally subsidised renovation plan of {year} and may not be declared again (Jianbancheng [2021] No. 28, III(4)); it cannot enter a year's plan",
  '历史清单中已有“{name}”（{year}年中央补助，来自 {source}），同一小区同一年度只能登记一次':
    'The history already has "{name}" (central subsidy {year}, from {source}); a community may be recorded once per year',
  此前导入: 'an earlier import',
  '与第 {line} 行是同一小区、同一补助年度，只能登记一次':
    'Same community and subsidy year as row {line}; it may be recorded only once',
  '第 {line} 行“{name}”（{region}）': 'row {line} "{name}" ({region})',
  '台账编号 {id}“{name}”（{region}）': 'ledger no. {id} "{name}" ({region})',
  '{a}与{b}{how}，疑似重复：导入后两者均标为疑似重复，请在台账中确认或排除':
    '{a} and {b}: {how}; suspected duplicates: after the import both are marked as suspected duplicates, please confirm or dismiss them in the ledger',
  '区划代码 {code} 是{unit}（不设区的地级市，代码 {unitCode}）的统计用代码：{rows} 行（第 {first} 行起）已登记在{unit2}（{unitCode2}）':
    'Region code {code} is a statistical code of {unit} (a prefecture-level city without districts, code {unitCode}): {rows} rows (from row {first}) are recorded under {unit2} ({unitCode2})',
  '导入被中断（服务器停止运行），台账未改变，可重新导入':
    'The import was interrupted (the server stopped); the ledger is unchanged and the import can be run again',
  '检查被中断（服务器停止运行），请重新上传文件':
    'The check was interrupted (the server stopped); please upload the file again',
  '上传后 {hours} 小时内未导入，文件已过期删除，台账未改变，请重新上传':
    'Not imported within {hours} hours of the upload; the file has expired and was deleted, the ledger is unchanged. Please upload it again',
  检查中: 'Checking',
  检查通过: 'Check passed',
  有错误: 'Has errors',
  导入中: 'Importing',
  已导入: 'Imported',
  失败: 'Failed',
  已过期: 'Expired',
  已取消: 'Cancelled',
  '您已有 {n} 个待导入的文件（上限 {max} 个）：请先确认导入或取消其中的文件，再上传新文件':
    'You already have {n} files waiting to be imported (at most {max}): confirm or cancel one of them before uploading another',
  '文件上传未完成（请求中断或格式不完整），请重新上传':
    'The upload did not complete (interrupted or malformed); please upload again',
  '待导入的文件共计超过上限 {limit} MB（已有 {used} MB，本文件 {size} MB）：请先确认导入或取消已上传的文件':
    'Files waiting to be imported would exceed the limit of {limit} MB ({used} MB already, this file {size} MB): confirm or cancel uploaded files first',
  检查文件时出错: 'An error occurred while checking the file',
  '文件有错误，不能导入，请修改后重新上传':
    'The file has errors and cannot be imported; correct it and upload it again',
  该文件正在导入: 'This file is being imported',
  '该导入任务当前状态为“{status}”，不能再次导入':
    'This import job is now "{status}" and cannot be imported again',
  '该导入任务当前状态为“{status}”，不能取消':
    'This import job is now "{status}" and cannot be cancelled',
  '导入失败，台账未改变': 'The import failed; the ledger is unchanged',
  '导入失败，未导入任何数据': 'The import failed; nothing was imported',
  '不是 xlsx 或 csv 文件{hint}': 'Not an xlsx or csv file{hint}',
  '不是 xlsx 或 csv 文件': 'Not an xlsx or csv file',
  '（旧版 .xls 或加密的 Excel 文件请另存为不加密的 .xlsx）':
    ' (save an old .xls or encrypted Excel file as an unencrypted .xlsx)',
  '（UTF-16 编码的文本请另存为 UTF-8 的 csv）': ' (save UTF-16 text as a UTF-8 csv)',
  '（这是 PDF 文件）': ' (this is a PDF file)',
  '（这是 PNG 图片）': ' (this is a PNG image)',
  '（这是 JPEG 图片）': ' (this is a JPEG image)',
  '（这是 GIF 图片）': ' (this is a GIF image)',
  '（这是 RAR 压缩包）': ' (this is a RAR archive)',
  '（这是 7z 压缩包）': ' (this is a 7z archive)',
  '（这是 gzip 压缩包）': ' (this is a gzip archive)',
  '（这是 RTF 文档）': ' (this is an RTF document)',
  '文件过大（{size} MB），上限 {limit} MB':
    'The file is too large ({size} MB); the limit is {limit} MB',
  文件不存在: 'The file does not exist',
  没有读取权限: 'No permission to read it',
  这是一个目录: 'This is a directory',
  '无法读取 {format} 文件：{detail}': 'Cannot read the {format} file: {detail}',
  '无法读取文件：{detail}': 'Cannot read the file: {detail}',
  '第 {line} 行有 {n} 列，超过上限 {max} 列':
    'Row {line} has {n} columns, more than the limit of {max}',
  '第 {line} 行第 {column} 列的内容超过 {max} 个字符':
    'Row {line}, column {column} holds more than {max} characters',
  '文件第 {line} 行有无法识别的字符（不是有效的 {name} 文本）':
    'Row {line} of the file has characters that cannot be read (not valid {name} text)',
  '第 {line} 行{where}的引号没有闭合，直到文件末尾':
    'A quote opened in row {line}{where} is not closed before the end of the file',
  '（文本第 {line} 行）': ' (text line {line})',
  '不是 xlsx 文件（压缩包内没有工作簿）': 'Not an xlsx file (the archive holds no workbook)',
  'xlsx 文件里没有工作表': 'The xlsx file has no worksheet',
  '无法读取 xlsx 文件：文件已加密': 'Cannot read the xlsx file: it is encrypted',
  '无法读取 xlsx 文件：不支持的压缩方式（{method}）':
    'Cannot read the xlsx file: unsupported compression ({method})',
  '无法读取 xlsx 文件：{entry} 的压缩数据已损坏':
    'Cannot read the xlsx file: the compressed data of {entry} is damaged',
  '无法读取 xlsx 文件：{entry} 的数据不完整':
    'Cannot read the xlsx file: the data of {entry} is incomplete',
  'xlsx 文件内容过多，读取时超出内存上限 {n} MB':
    'The xlsx file holds too much; reading it exceeded the memory limit of {n} MB',
  '无法读取 xlsx 文件：压缩包已损坏（{what}）':
    'Cannot read the xlsx file: the archive is damaged ({what})',
  '无法读取 xlsx 文件：不支持 ZIP64 格式的压缩包':
    'Cannot read the xlsx file: ZIP64 archives are not supported',
  '文件疑似压缩炸弹（{detail}），已拒绝':
    'The file looks like a zip bomb ({detail}) and was refused',
  找不到目录: 'directory not found',
  目录越界: 'directory out of bounds',
  目录记录无效: 'invalid directory record',
  目录记录越界: 'directory record out of bounds',
  '{entry} 解压后超过所声明的 {n} MB': '{entry} unpacks to more than the declared {n} MB',
  '解压后 {n} MB': '{n} MB unpacked',
  '{entry} 缺少 ZIP64 信息': '{entry} lacks ZIP64 information',
  '{entry} 的位置无效': '{entry} has an invalid position',
  '{entry} 越界': '{entry} is out of bounds',
  '区划代码 或 区县': 'region code or county/district',
  '应为 {words} 之一，或不填': 'Must be one of {words}, or empty',
  '与第 {line} 行是同一小区同一天的同一次协商':
    'Same consultation (same community, same day) as row {line}',
  '与第 {line} 行是同一小区的同一报告期': 'Same community and reporting period as row {line}',
  '{name}（{agreeing}/{households} 户同意）': '{name} ({agreeing}/{households} households agree)',
  '{label}“{value}”不是十进制度数（如 110.3312，至多 8 位小数）':
    '{label} "{value}" is not in decimal degrees (e.g. 110.3312, at most 8 decimal places)',
  '{label} {value} 不在我国范围内（应为{hemisphere} {min} 到 {max} 度之间）':
    '{label} {value} is outside China (it should be {hemisphere} {min} to {max} degrees)',
  '{label} {value} 不在我国范围内（应为{hemisphere} {min} 到 {max} 度之间；经纬度是否填反了？）':
    '{label} {value} is outside China (it should be {hemisphere} {min} to {max} degrees; are longitude and latitude swapped?)',
  东经: 'east',
  北纬: 'north',
  '填写了纬度而未填经度：经度和纬度须同时填写':
    'Latitude without longitude: longitude and latitude go together',
  '填写了经度而未填纬度：经度和纬度须同时填写':
    'Longitude without latitude: longitude and latitude go together',
  '资金来源第 {n} 项金额应为不小于0的数，最多4位小数（万元）':
    'The amount of funding source {n} must be a number of at least 0 with at most 4 decimal places (10k yuan)',
  金额格式不正确: 'Wrong amount',
  同一资金来源只能填写一项: 'Each funding source may be entered once',
  资金来源重复: 'Repeated funding source',
  '保存失败：该项目已被他人修改（您打开的是第 {version} 版，当前为第 {latest} 版），请刷新后重试':
    'Not saved: the project was changed by someone else (you opened version {version}, the current one is version {latest}); refresh and try again',
  '{cutoff}年底后建成小区纳入改造计划的，建成年限不得晚于{latest}年底（{year}年度政策，{source}）':
    'Communities built after the end of {cutoff} may enter a renovation plan only if built by the end of {latest} ({year} policy, {source})',
  '{cutoff}年底后建成小区纳入改造计划的，建成年限不得晚于{latest}年底（{year}年度政策）':
    'Communities built after the end of {cutoff} may enter a renovation plan only if built by the end of {latest} ({year} policy)',
};
