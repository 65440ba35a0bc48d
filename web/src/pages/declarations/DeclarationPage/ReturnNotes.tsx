// The reviewer's return: the overall reason and the reasons pinned to communities, shown
// highlighted until the unit submits again (the server clears the notes on resubmission).
import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { Declaration } from '../../../api/declarations.ts';
import { formatDateTime } from '../../../components/format.ts';
import { personName } from '../../../components/people.tsx';
import { Data, t } from '../../../i18n/index.ts';

export function ReturnNotes({ d }: { d: Declaration }) {
  const lastReturn = d.events.find((e) => e.action === 'return');
  if (d.state !== 'returned' && d.returnNotes.length === 0) return null;
  return (
    <Alert
      id="return-notes"
      type="warning"
      showIcon
      title={
        <span>
          {t('上级退回意见')}
          {lastReturn && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 13 }}>
              <Data>{personName(d.people, lastReturn.username)}</Data> ·{' '}
              {formatDateTime(lastReturn.at)}
            </Typography.Text>
          )}
        </span>
      }
      description={
        <Flex vertical gap={4}>
          {lastReturn?.reason && (
            <div id="return-overall">
              {t('退回理由：')}
              <Data>{lastReturn.reason}</Data>
            </div>
          )}
          {d.returnNotes.map((n) => (
            <div key={n.communityId} className="return-note" data-community={n.communityId}>
              {t('上级退回意见：小区')}
              <Link to={`/ledger/${n.communityId}`} style={{ marginInline: 4 }}>
                <Data>{n.name}</Data>
              </Link>
              — <Data>{n.reason}</Data>
            </div>
          ))}
          {d.side === 'self' && (
            <Typography.Text type="secondary">
              {t(
                '请按意见修改台账后重新上报；重新上报后这些意见不再显示，审核单位可查看两版之间的差异。',
              )}
            </Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
