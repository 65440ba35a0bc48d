// Field changes as the history and a conflict show them: 居民户数：60 → 61, who, when.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Data, t, tNodes } from '../../i18n/index.ts';
import type { FieldChange, HistoryEntry } from '../../api/ledgerTypes.ts';
import { formatDateTime } from '../../components/format.ts';
import { isSystem } from '../../components/people.tsx';

/** A stored value as text: as the server gave it (exact decimals stay exact), （空） for nothing. */
export function changeValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return t('（空）');
  if (Array.isArray(v)) return v.length ? v.map(changeValue).join(t('、')) : t('（空）');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as string | number | boolean);
}

/** 由 系统 导入 / 海口市龙华区住房和城乡建设局 修改（第 3 版）: the person as the server names them. */
export function describeEntry(e: HistoryEntry): ReactNode {
  const person = e.person ?? e.username;
  const vars = {
    who: person && !isSystem(person) ? <Data>{person}</Data> : t('系统'),
    version: e.version,
  };
  switch (e.action) {
    case 'import':
      return tNodes(t('由 {who} 导入'), vars);
    case 'create':
      return tNodes(t('{who} 新增'), vars);
    case 'update':
      return tNodes(t('{who} 修改（第 {version} 版）'), vars);
    case 'merge':
      return tNodes(t('{who} 合并重复记录（第 {version} 版）'), vars);
  }
}

/** A recorded value is data; only （空） is interface text. */
function ChangeValue({ v }: { v: unknown }) {
  const text = changeValue(v);
  return text === t('（空）') ? <>{text}</> : <Data>{text}</Data>;
}

export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  if (!changes.length) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
      {changes.map((c) => (
        <li key={c.field} data-field={c.field}>
          <Typography.Text type="secondary">
            {t('{field}：', { field: t(c.field) })}
          </Typography.Text>
          <Typography.Text delete>
            <ChangeValue v={c.old} />
          </Typography.Text>
          <Typography.Text type="secondary"> → </Typography.Text>
          <Typography.Text strong>
            <ChangeValue v={c.new} />
          </Typography.Text>
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
