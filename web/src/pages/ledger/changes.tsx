// Field changes as the history and a conflict show them: 居民户数：60 → 61, who, when.
import { Typography } from 'antd';
import type { FieldChange, HistoryEntry } from '../../api/ledgerTypes.ts';
import { formatDateTime } from '../../components/format.ts';

/** A stored value as text: as the server gave it (exact decimals stay exact), （空） for nothing. */
export function changeValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.length ? v.map(changeValue).join('、') : '（空）';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as string | number | boolean);
}

/** 由 系统 导入 / 海口市龙华区住房和城乡建设局 修改（第 3 版）: the person as the server names them. */
export function describeEntry(e: HistoryEntry): string {
  const who = e.person ?? e.username ?? '系统';
  switch (e.action) {
    case 'import':
      return `由 ${who} 导入`;
    case 'create':
      return `${who} 新增`;
    case 'update':
      return `${who} 修改（第 ${e.version} 版）`;
    case 'merge':
      return `${who} 合并重复记录（第 ${e.version} 版）`;
  }
}

export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  if (!changes.length) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
      {changes.map((c) => (
        <li key={c.field} data-field={c.field}>
          <Typography.Text type="secondary">{c.field}：</Typography.Text>
          <Typography.Text delete>{changeValue(c.old)}</Typography.Text>
          <Typography.Text type="secondary"> → </Typography.Text>
          <Typography.Text strong>{changeValue(c.new)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** One entry: when, who did what, and the fields. */
export function EntryText({ entry }: { entry: HistoryEntry }) {
  return (
    <>
      <Typography.Text>{describeEntry(entry)}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {formatDateTime(entry.at)}
      </Typography.Text>
      <ChangeList changes={entry.changes} />
    </>
  );
}
