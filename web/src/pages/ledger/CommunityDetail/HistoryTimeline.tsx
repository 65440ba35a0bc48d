// 修改历史: newest first; who, when, and each field's old → new value.
import { Empty, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../../../api/ledgerTypes.ts';
import { t } from '../../../i18n/index.ts';
import { dateTimeText } from '../dateTimeText.ts';
import { ChangeList, describeEntry } from '../changes.tsx';

const COLORS: Record<HistoryEntry['action'], string> = {
  import: 'green',
  create: 'green',
  update: 'blue',
  merge: 'gray',
};

export function HistoryTimeline({ history }: { history: readonly HistoryEntry[] }) {
  if (!history.length) return <Empty description={t('暂无修改记录')} />;
  return (
    <div id="community-history">
      <Timeline
        items={history.map((e) => ({
          key: `${e.version}-${e.at}`,
          color: COLORS[e.action],
          content: (
            <div data-version={e.version} data-action={e.action}>
              <Typography.Text strong>{describeEntry(e)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {dateTimeText(e.at)}
              </Typography.Text>
              <ChangeList changes={e.changes} />
            </div>
          ),
        }))}
      />
    </div>
  );
}
