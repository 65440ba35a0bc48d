// /declarations/:unit/:year — a unit's declaration of a year's plan (建办城〔2021〕28号 三(四)：
// 自下而上研究提出计划任务). The unit itself prepares and submits (side 'self'); the level above
// accepts or returns it (side 'above'); a province also collects the government's approval and the
// three departments' sign-offs before it submits to the ministries.
import { Button, Card, Divider, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Declaration } from '../../../api/declarations.ts';
import { useMe } from '../../../app/auth.tsx';
import { t } from '../../../i18n/index.ts';
import { ApprovalNotice } from './ApprovalForm.tsx';
import { ChecksCard } from './ChecksCard.tsx';
import { ChildrenTable } from './ChildrenTable.tsx';
import { DeclarationHeading, DeclarationTotals, SubmittedVersion } from './DeclarationSummary.tsx';
import { PeopleProvider } from '../../../components/people.tsx';
import { EventsTimeline } from './EventsTimeline.tsx';
import { SubmittedCommunities } from './SubmittedCommunities.tsx';
import { ReceiptsCard } from './ReceiptsCard.tsx';
import { ReturnNotes } from './ReturnNotes.tsx';
import { ReviseButton, RevisionCard } from './RevisionPanel.tsx';
import { InternalDeadline, ReviewerActions } from './ReviewerActions.tsx';
import { signerRoleOf, SignoffPanel } from './SignoffPanel.tsx';
import {
  SubmitButton,
  SubmitFailureAlert,
  UnacceptedChildrenAlert,
  type SubmitFailure,
} from './SubmitAction.tsx';
import { useDeclaration } from './useDeclaration.ts';

const validUnit = (s: string | undefined): s is string => !!s && /^\d{6}$/.test(s);
const validYear = (s: string | undefined) => !!s && /^\d{4}$/.test(s);

export function DeclarationPage() {
  const { unit, year } = useParams();
  const navigate = useNavigate();
  if (!validUnit(unit) || !validYear(year))
    return (
      <Result
        status="404"
        title={t('申报单位或年度不正确')}
        extra={<Button onClick={() => void navigate('/declarations')}>{t('返回计划申报')}</Button>}
      />
    );
  return <DeclarationScreen key={`${unit}/${year}`} unit={unit} year={Number(year)} />;
}

function DeclarationScreen({ unit, year }: { unit: string; year: number }) {
  const { state, reload } = useDeclaration(unit, year);
  const navigate = useNavigate();
  if (state.status === 'loading')
    return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  if (state.status === 'error')
    return (
      <Result
        status="warning"
        title={t(state.message)}
        extra={
          <Flex gap={8} justify="center">
            <Button onClick={() => void reload()}>{t('重试')}</Button>
            <Button onClick={() => void navigate('/declarations')}>{t('返回计划申报')}</Button>
          </Flex>
        }
      />
    );
  return <DeclarationBody d={state.declaration} reload={reload} />;
}

function DeclarationBody({ d, reload }: { d: Declaration; reload: () => Promise<void> }) {
  const me = useMe();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const editable = d.can.edit;
  // A city or province reviewing the unit below may set that unit an earlier deadline.
  const setsDeadline = d.side === 'above' && d.unit.level !== 'province';
  const signer = signerRoleOf(me, d.unit.code) !== null;

  return (
    <PeopleProvider people={d.people}>
      <Flex id="declaration-page" vertical gap={16} data-unit={d.unit.code} data-year={d.year}>
        <Card>
          <Flex vertical gap={16}>
            <DeclarationHeading d={d} />
            <Flex gap={12} align="center" wrap>
              {d.side === 'self' && <SubmitButton d={d} onDone={reload} onFailure={setFailure} />}
              <ReviseButton d={d} onDone={reload} />
              {d.side === 'above' && <ReviewerActions d={d} onDone={reload} />}
              {d.side === null && !signer && (
                <Typography.Text type="secondary">
                  {t('仅供查看：申报由本单位上报，由上级单位审核。')}
                </Typography.Text>
              )}
              {setsDeadline && <InternalDeadline d={d} onDone={reload} />}
            </Flex>
            {d.province?.approvalNotice && (
              <ApprovalNotice id="approval-notice" notice={d.province.approvalNotice} />
            )}
            <UnacceptedChildrenAlert d={d} />
            <SubmitFailureAlert failure={failure} />
            <Divider style={{ margin: 0 }} />
            <DeclarationTotals d={d} />
            <SubmittedVersion d={d} />
          </Flex>
        </Card>
        {d.province && <ReceiptsCard d={d} province={d.province} me={me} onDone={reload} />}
        <ReturnNotes d={d} />
        <SubmittedCommunities d={d} />
        <RevisionCard d={d} onDone={reload} />
        {d.province && <SignoffPanel d={d} province={d.province} me={me} onDone={reload} />}
        {(d.checks.length > 0 || d.side !== null) && (
          <ChecksCard
            unit={d.unit.code}
            year={d.year}
            checks={d.checks}
            canJustify={editable}
            onChanged={reload}
          />
        )}
        {/* Empty for 国家发展改革委 and 财政部, who see the province's submitted plan only. */}
        {d.unit.level !== 'county' && d.children.length > 0 && (
          <ChildrenTable
            items={d.children}
            year={d.year}
            // The unit's own staff review the units below it and may give them earlier deadlines.
            deadlines={d.side === 'self' ? { max: d.deadline, onDone: reload } : undefined}
          />
        )}
        <EventsTimeline
          events={d.events}
          checkTitles={new Map(d.checks.map((c) => [c.id, c.title]))}
        />
      </Flex>
    </PeopleProvider>
  );
}
