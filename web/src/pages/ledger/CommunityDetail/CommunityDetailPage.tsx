// 小区详情: every field, the plausibility warnings, its projects, suspected duplicates and the
// history of changes; 编辑 opens the form.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { setDuplicateStatus } from '../../../api/ledger.ts';
import { hasAnyRole, useMe } from '../../../app/auth.tsx';
import { LEDGER_EDIT_ROLES } from '../../../app/menu.tsx';
import { Data, t, tMaybe, tServer } from '../../../i18n/index.ts';
import { CommunityTags } from '../LedgerList/ledgerColumns.tsx';
import { communityIdOf, useCommunity } from '../useCommunity.ts';
import { CommunityFields } from './CommunityFields.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { CommunityProgressSection } from './progress/CommunityProgressSection.tsx';
import { DuplicatesList, ProjectsTable } from './RelatedRecords.tsx';

export function CommunityDetailPage() {
  const id = communityIdOf(useParams().id);
  const { state, reload } = useCommunity(id);
  const me = useMe();
  const canEdit = hasAnyRole(me, LEDGER_EDIT_ROLES);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busyId, setBusyId] = useState<number | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
      {t('返回')}
    </Button>
  );
  if (id === undefined) return <Result status="404" title={t('小区不存在')} extra={back} />;
  if (state.status === 'loading')
    return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  if (state.status === 'error')
    return <Result status="warning" title={tServer(state.message)} extra={back} />;
  const c = state.community;

  async function decide(otherId: number, status: 'confirmed' | 'dismissed') {
    setBusyId(otherId);
    try {
      await setDuplicateStatus(c.id, otherId, status);
      void message.success(status === 'confirmed' ? t('已确认为重复') : t('已标记为不是重复'));
      await reload();
    } catch (e) {
      void message.error(tServer(errorMessage(e)));
    } finally {
      setBusyId(null);
    }
  }

  const warnings = c.flags.filter((f) => f.code !== 'after_cutoff');
  const suspected = c.duplicates.some((d) => d.status === 'suspected');

  return (
    <Flex vertical gap={16}>
      <Card
        // A long name (some run past 60 characters) wraps rather than being cut off unmarked.
        styles={{ title: { whiteSpace: 'normal', overflow: 'visible', padding: '12px 0' } }}
        title={
          <Space wrap>
            <span id="community-title">
              <Data>{c.name}</Data>
            </span>
            <CommunityTags community={c} suspected={suspected} />
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => void navigate('/ledger')}>{t('台账列表')}</Button>
            {canEdit && (
              <Button
                id="community-edit"
                type="primary"
                icon={<EditOutlined />}
                onClick={() => void navigate(`/ledger/${c.id}/edit`)}
              >
                {t('编辑')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex vertical gap={16}>
          {warnings.length > 0 && (
            <Alert
              id="community-flags"
              type="warning"
              showIcon
              title={t('数值提示（不影响保存，请核实）')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {warnings.map((f) => (
                    <li key={f.code}>{t(f.message)}</li>
                  ))}
                </ul>
              }
            />
          )}
          {c.yearBucket === 'after' && (
            <Alert
              type="info"
              showIcon
              title={
                tMaybe(c.flags.find((f) => f.code === 'after_cutoff')?.message) ??
                t('{year}年底后建成，计入“{year}年底后”户数占比', { year: c.cutoffYear })
              }
            />
          )}
          <CommunityFields c={c} />
        </Flex>
      </Card>
      <Flex gap={16} wrap align="stretch">
        <Card title={t('所属项目')} style={{ flex: '1 1 480px' }}>
          <ProjectsTable projects={c.projects} />
        </Card>
        <Card title={t('疑似重复')} style={{ flex: '1 1 420px' }}>
          <DuplicatesList
            duplicates={c.duplicates}
            canEdit={canEdit}
            busyId={busyId}
            onDecide={(otherId, status) => void decide(otherId, status)}
          />
        </Card>
      </Flex>
      <CommunityProgressSection communityId={c.id} canEdit={canEdit} />
      <Card
        title={t('修改历史')}
        extra={
          <Typography.Text type="secondary">
            {t('当前为第 {version} 版', { version: c.version })}
          </Typography.Text>
        }
      >
        <HistoryTimeline history={c.history} />
      </Card>
    </Flex>
  );
}
