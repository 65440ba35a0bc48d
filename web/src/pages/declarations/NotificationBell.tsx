// The header's bell: the unit's declaration notices (returned, accepted, submitted by a unit below,
// an internal deadline, due within seven days), newest first, each linking to its declaration.
// What was already seen is remembered in this browser only (the server keeps no read marks).
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { getNotifications } from '../../api/declarations.ts';
import { useResource } from '../../api/useResource.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDateTime } from '../../components/format.ts';
import { t } from '../../i18n/index.ts';
import { appLink, defaultDeclarationYear } from './declarationLabels.ts';
import { serverText, type ServerTemplate } from './serverText.tsx';

/** The notices the server writes (declarations.service, revisions.service, deadlines, due dates). */
const NOTICES: ServerTemplate[] = [
  { zh: '{unit}已上报{year}年度计划（第 {version} 版）', data: ['unit'] },
  { zh: '{unit}{year}年度计划被退回：{reason}', data: ['unit', 'reason'] },
  { zh: '{unit}{year}年度计划（第 {version} 版，{revision}）已被接收', data: ['unit'] },
  { zh: '{unit}{year}年度计划（第 {version} 版）已被接收', data: ['unit'] },
  {
    zh: '{unit}开始{revision}{year}年度计划（第 {version} 版仍为现行计划）：{reason}',
    data: ['unit', 'reason'],
  },
  { zh: '年度报送截止日期已调整：{year}年度计划须于{date}前上报（原为 {before}）', data: [] },
  {
    zh: '{unit}的截止日期已调整：{year}年度计划须于{date}前上报（原为 {before}）',
    data: ['unit'],
  },
  { zh: '{reviewer}：{year}年度计划须于{date}前上报', data: ['reviewer'] },
];

/** Per user: several people may share one office computer. */
const seenKey = (username: string) => `gaizao.notifications.seen.${username}`;

function lastSeen(username: string): string {
  try {
    return localStorage.getItem(seenKey(username)) ?? '';
  } catch {
    return '';
  }
}

function markSeen(username: string, at: string): void {
  try {
    localStorage.setItem(seenKey(username), at);
  } catch {
    // Private browsing may refuse storage; the badge then counts again next time.
  }
}

const light = { color: '#fff' };

export function NotificationBell() {
  const year = defaultDeclarationYear();
  const { pathname } = useLocation();
  const { username } = useMe();
  const [seen, setSeen] = useState(() => lastSeen(username));
  const [open, setOpen] = useState(false);

  // Fetched again on every page change, so a notice appears once the user moves on; the last list
  // stays meanwhile, and when a fetch fails.
  const items =
    useResource(['notifications', year, pathname], (signal) => getNotifications(year, signal), {
      keepPrevious: true,
    }).data ?? [];

  const unseen = items.filter((n) => n.kind === 'due' || n.at > seen).length;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next && items[0]) {
      const newest = items.reduce((a, n) => (n.at > a ? n.at : a), seen);
      markSeen(username, newest);
      setSeen(newest);
    }
  }

  const content = items.length ? (
    <Flex
      id="notification-list"
      vertical
      gap={10}
      style={{ width: 360, maxHeight: 420, overflow: 'auto' }}
    >
      {items.map((n, i) => (
        <Flex key={`${i}-${n.at}`} vertical gap={2} className="notification" data-kind={n.kind}>
          <Link to={appLink(n.link ?? '')} onClick={() => setOpen(false)}>
            {serverText(n.message, NOTICES)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(n.at)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无通知')} />
  );

  return (
    <Popover
      title={t('通知')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={onOpenChange}
      content={content}
    >
      <Badge count={unseen} size="small" offset={[-4, 4]}>
        <Button
          id="notification-bell"
          type="text"
          aria-label={unseen ? t('通知（{n} 条未读）', { n: unseen }) : t('通知')}
          icon={<BellOutlined />}
          style={light}
        />
      </Badge>
    </Popover>
  );
}
