// 申报记录: who did what when, newest first, with reasons and the hashes of frozen versions.
import { Card, Empty, Timeline, Typography } from 'antd';
import type { DeclarationEvent } from '../../../api/declarations.ts';
import { formatDateTime } from '../../../components/format.ts';
import { usePerson } from '../../../components/people.tsx';
import { eventColor, eventLabel, eventReason } from '../declarationLabels.ts';
import { HashText } from './HashText.tsx';

interface Props {
  events: DeclarationEvent[];
  /** Check titles by id: a justification's reason starts with the check's id. */
  checkTitles: ReadonlyMap<string, string>;
}

export function EventsTimeline({ events, checkTitles }: Props) {
  const person = usePerson();
  return (
    <Card id="declaration-events" size="small" title="申报记录">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : (
        <Timeline
          items={events.map((e, i) => ({
            key: `${i}-${e.at}`,
            color: eventColor(e.action),
            content: (
              <div data-action={e.action}>
                <Typography.Text strong>{eventLabel(e.action)}</Typography.Text>
                <Typography.Text style={{ marginInlineStart: 8 }}>
                  {person(e.username)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
                {e.reason && <div>{eventReason(e, checkTitles)}</div>}
                {e.hash && (
                  <div>
                    <Typography.Text type="secondary">校验码 </Typography.Text>
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
