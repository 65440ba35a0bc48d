// 申报记录: who did what when, newest first, with reasons and the hashes of frozen versions.
import { Card, Empty, Timeline, Typography } from 'antd';
import type { DeclarationEvent } from '../../../api/declarations.ts';
import { formatDateTime } from '../../../components/format.ts';
import { usePerson } from '../../../components/people.tsx';
import { currentLang, Data, t } from '../../../i18n/index.ts';
import { eventColor, eventLabel } from '../declarationLabels.ts';
import { serverText, type ServerTemplate } from '../serverText.tsx';
import { HashText } from './HashText.tsx';

/** The reasons the server writes itself (deadlines, receipts, approvals); data parts kept. */
const REASONS: ServerTemplate[] = [
  { zh: '取消内部截止日期，按{reviewer}的截止日期 {date}（原为 {before}）', data: ['reviewer'] },
  { zh: '取消内部截止日期，按{reviewer}的截止日期 {date}', data: ['reviewer'] },
  { zh: '{change}（原为 {before}）', data: [] },
  { zh: '{date} {documentNo}（批准第 {version} 版）', data: ['documentNo'] },
];

/** An event's reason: a justification names its check; what people wrote is data. */
function Reason({ e, checkTitles }: { e: DeclarationEvent; checkTitles: Props['checkTitles'] }) {
  const reason = e.reason ?? '';
  if (e.action === 'justify') {
    const m = /^([a-z_]+)：([\s\S]*)$/.exec(reason);
    const title = m && checkTitles.get(m[1]!);
    if (m && title)
      return (
        <>
          {t(title)}
          {currentLang() === 'zh' ? '：' : ': '}
          <Data>{m[2]}</Data>
        </>
      );
    return <Data>{reason}</Data>;
  }
  if (['submit', 'return', 'accept', 'revise'].includes(e.action)) return <Data>{reason}</Data>;
  return <>{serverText(reason, REASONS)}</>;
}

interface Props {
  events: DeclarationEvent[];
  /** Check titles by id: a justification's reason starts with the check's id. */
  checkTitles: ReadonlyMap<string, string>;
}

export function EventsTimeline({ events, checkTitles }: Props) {
  const person = usePerson();
  return (
    <Card id="declaration-events" size="small" title={t('申报记录')}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无记录')} />
      ) : (
        <Timeline
          items={events.map((e, i) => ({
            key: `${i}-${e.at}`,
            color: eventColor(e.action),
            content: (
              <div data-action={e.action}>
                <Typography.Text strong>{eventLabel(e.action)}</Typography.Text>
                <Typography.Text style={{ marginInlineStart: 8 }}>
                  <Data>{person(e.username)}</Data>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
                {e.reason && (
                  <div>
                    <Reason e={e} checkTitles={checkTitles} />
                  </div>
                )}
                {e.hash && (
                  <div>
                    <Typography.Text type="secondary">{t('校验码')} </Typography.Text>
                    <HashText hash={e.hash} />
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
