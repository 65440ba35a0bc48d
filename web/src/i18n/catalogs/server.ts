// English for text the server sends in its answers that is not tied to one area: generic
// refusals and validation messages (server/src/http.ts, errors.ts, auth). Area-specific server
// text (check results, status labels) lives in that area's catalog.
export const en: Record<string, string> = {
  '不支持的请求内容类型，请使用 application/json': 'Unsupported content type; use application/json',
  '请求内容类型（Content-Type）格式有误': 'Malformed Content-Type',
  请求内容过大: 'The request is too large',
  请求内容为空: 'The request is empty',
  '请求内容不是有效的 JSON': 'The request is not valid JSON',
  '请求内容的长度与 Content-Length 不符': 'The request’s length does not match its Content-Length',
  '请求地址格式有误（含无效的百分号编码）': 'Malformed address (invalid percent-encoding)',
  请求地址格式有误: 'Malformed address',
  '请以 multipart/form-data 提交': 'Send it as multipart/form-data',
  上传表单的部分过多: 'The upload form has too many parts',
  一次只能上传一个文件: 'Upload one file at a time',
  上传表单的字段过多: 'The upload form has too many fields',
  上传的文件过大: 'The file is too large',
  '上传表单的字段名不允许（__proto__ 等）':
    'A field name of the upload form is not allowed (__proto__ …)',
  '上传表单中声明为 JSON 的字段不是有效的 JSON':
    'A field of the upload form declared JSON is not valid JSON',
  '上传在完成前中断，请重新上传': 'The upload was interrupted; upload again',
  格式不正确: 'Malformed',
  '数据已被他人同时修改，本次操作未保存，请刷新后重试':
    'Someone else changed this meanwhile; nothing was saved. Reload and try again',
  '请求格式有误（{code}）': 'Malformed request ({code})',
  '上传内容不是完整的 multipart/form-data（缺少分隔符 boundary 或内容被截断），请重新上传':
    'The upload is not complete multipart/form-data (no boundary, or cut short); upload again',
  '服务器内部错误，请稍后重试': 'Internal server error; please try again later',
  请求头过大: 'Request headers too large',
  '请求超时，请重试': 'The request timed out; try again',
  'HTTP 请求格式有误，无法解析': 'Malformed HTTP request',
  '{what}不存在': '{what} not found',
  资源: 'Resource',
  没有执行此操作的权限: 'You are not allowed to do this',
  请先登录: 'Please sign in',
  '请求缺少有效的安全令牌（CSRF），请刷新页面后重试':
    'The request lacks a valid security token (CSRF); reload the page and try again',
  首次登录须先修改管理员设置的初始密码:
    'At first sign-in, change the initial password an administrator set',
  '密码已超过 {days} 天未修改，请先修改密码':
    'The password has not been changed for over {days} days; change it first',
  拒绝来自其他站点的登录请求: 'Sign-in requests from other sites are refused',
  '登录失败次数过多，请 {seconds} 秒后再试': 'Too many failed sign-ins; try again in {seconds} s',
  '该账号已停用，请联系管理员': 'This account is disabled; contact an administrator',
  用户名或密码错误: 'Wrong username or password',
  当前密码不正确: 'The current password is wrong',
  新密码不能与当前密码相同: 'The new password must differ from the current one',
  '会话已超时（长时间未操作），请重新登录':
    'Your session timed out (idle too long); please sign in again',
  '会话已超过最长使用时间，请重新登录':
    'Your session reached its maximum length; please sign in again',
  '登录已失效，请重新登录': 'You are no longer signed in; please sign in again',
  '界面语言只能是 zh（中文）或 en（英文）':
    'The interface language is zh (Chinese) or en (English)',
  '该单元格所在列没有表头，内容无法对应到任何字段，整行未导入；请删去该内容或补上表头（常见原因：某个单元格中多了逗号或多了一格，使整行错位）':
    'This cell is under no header, so what it holds cannot be matched to any field; the row was not imported. Delete it or add the header (usually a stray comma or cell has shifted the row)',
  '{column}列（无表头）': 'column {column} (no header)',
  '上月（{period}）已记开工（{date}），本月不能为空；如为更正，请标明更正（表单中勾选“更正以前月份”，导入文件的“更正”列填“是”）':
    'The month before ({period}) records a start ({date}); this month cannot leave it empty; if this is a correction, mark it so (tick “Correction of an earlier month” in the form; in a file, put yes in the Correction column)',
  '上月（{period}）已记完工（{date}），本月不能为空；如为更正，请标明更正（表单中勾选“更正以前月份”，导入文件的“更正”列填“是”）':
    'The month before ({period}) records a completion ({date}); this month cannot leave it empty; if this is a correction, mark it so (tick “Correction of an earlier month” in the form; in a file, put yes in the Correction column)',
  '少于上月（{period}）的累计数（{amount}）；如为更正，请标明更正（表单中勾选“更正以前月份”，导入文件的“更正”列填“是”）':
    'Less than the total to the month before ({period}: {amount}); if this is a correction, mark it so (tick “Correction of an earlier month” in the form; in a file, put yes in the Correction column)',
  '生成会签版本后计划已有变动（小区数据或计划表联系人），此版本已不能上报：请待省级住房和城乡建设部门重新生成会签版本后再会签':
    "The plan has changed since this sign-off version was frozen (its communities or the form's contact), so it can no longer be submitted: wait for the provincial housing department to freeze a new version, then sign that",
  '{field}：含有空字符（U+0000），请删去后重试':
    '{field}: contains a null character (U+0000); remove it and try again',
  '提交的内容含有无法保存的字符（如空字符 U+0000），请删去后重试':
    'What was sent contains a character that cannot be stored (such as U+0000); remove it and try again',
  '协商日期“{date}”不是有效的日期，应为 YYYY-MM-DD':
    'The consultation date “{date}” is not a valid date; write it as YYYY-MM-DD',
  '无法读取 xlsx 文件：{part} 在中途截断（缺少结尾），文件已损坏；请用 Excel 或 WPS 打开后重新保存再上传':
    'Cannot read the xlsx file: {part} stops part-way (its end is missing), so the file is damaged; open it in Excel or WPS, save it again and upload that',
};
