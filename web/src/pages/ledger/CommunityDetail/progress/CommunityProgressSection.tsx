// 居民协商与改造进展 on the community page: the consent status against the plan year's threshold,
// the consultations, the monthly records and the before/after photos.
import { Alert, Card, Divider, Flex, Spin, Typography } from 'antd';
import { useCallback } from 'react';
import { getCommunityProgress, type CommunityProgress } from '../../../../api/communityProgress.ts';
import { useResource } from '../../../../api/useResource.ts';
import { t, tServer } from '../../../../i18n/index.ts';
import { PeopleProvider } from '../../../../components/people.tsx';
import { ConsultationsPanel } from './ConsultationsPanel.tsx';
import { PhotosPanel } from './PhotosPanel.tsx';
import { consentSentence } from './progressLabels.ts';
import { ProgressRecordsPanel } from './ProgressRecordsPanel.tsx';

type State =
  | { status: 'loading' }
  | { status: 'ready'; progress: CommunityProgress }
  | { status: 'error'; message: string };

function useCommunityProgress(id: number) {
  const progress = useResource(['ledger', 'community', id, 'progress'], (signal) =>
    getCommunityProgress(id, signal),
  );
  // After a change the section refreshes in place; a failed refresh shows the error.
  const state: State = progress.error
    ? { status: 'error', message: progress.error.message }
    : progress.data
      ? { status: 'ready', progress: progress.data }
      : { status: 'loading' };
  const { reload: reloadProgress } = progress;
  const reload = useCallback(async () => {
    await reloadProgress();
  }, [reloadProgress]);
  return { state, reload };
}

export function CommunityProgressSection({
  communityId,
  canEdit,
}: {
  communityId: number;
  canEdit: boolean;
}) {
  const { state, reload } = useCommunityProgress(communityId);
  if (state.status === 'loading')
    return (
      <Card title={t('居民协商与改造进展')}>
        <Spin />
      </Card>
    );
  if (state.status === 'error')
    return (
      <Card title={t('居民协商与改造进展')}>
        <Alert type="error" showIcon title={tServer(state.message)} />
      </Card>
    );
  const p = state.progress;
  return (
    <PeopleProvider people={p.people}>
      <Card id="community-progress" title={t('居民协商与改造进展')}>
        <Flex vertical gap={12}>
          <Alert
            id="consent-status"
            type={p.consent.reached ? 'success' : 'warning'}
            showIcon
            title={consentSentence(p.consent)}
            description={
              p.consent.reached && p.startBlockedBy ? tServer(p.startBlockedBy) : undefined
            }
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(
              '未经居民充分协商取得共识的，不得开工改造（建办城〔2021〕28号）。同意比例按小区全部居民户数计，取各次协商中同意户数最多的一次。',
            )}
          </Typography.Paragraph>
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('居民协商')}
          </Divider>
          <ConsultationsPanel
            communityId={communityId}
            households={p.households}
            consultations={p.consultations}
            canEdit={canEdit}
            onChanged={reload}
          />
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('月度进展')}
          </Divider>
          <ProgressRecordsPanel
            communityId={communityId}
            progress={p}
            canEdit={canEdit}
            onChanged={reload}
          />
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('改造前后照片')}
          </Divider>
          <PhotosPanel
            communityId={communityId}
            photos={p.photos}
            canEdit={canEdit}
            onChanged={reload}
          />
        </Flex>
      </Card>
    </PeopleProvider>
  );
}
