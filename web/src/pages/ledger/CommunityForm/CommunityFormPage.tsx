// /ledger/new and /ledger/:id/edit: one form, loaded with the record when editing.
import { Button, Card, Result, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { Data, t } from '../../../i18n/index.ts';
import { tNodes, tServer } from '../tData.tsx';
import { communityIdOf, useCommunity } from '../useCommunity.ts';
import { CommunityForm } from './CommunityForm.tsx';

export function NewCommunityPage() {
  return (
    <Card title={t('新增小区')}>
      <CommunityForm base={null} />
    </Card>
  );
}

export function EditCommunityPage() {
  const id = communityIdOf(useParams().id);
  const { state, reload } = useCommunity(id);
  const navigate = useNavigate();

  if (id === undefined || state.status === 'error')
    return (
      <Result
        status="warning"
        title={state.status === 'error' ? tServer(state.message) : t('小区不存在')}
        extra={<Button onClick={() => void navigate('/ledger')}>{t('返回台账')}</Button>}
      />
    );
  if (state.status === 'loading')
    return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  const c = state.community;
  return (
    <Card
      title={tNodes(t('编辑小区：{name}'), {}, { name: c.name })}
      extra={
        <Typography.Text type="secondary">
          <Data>{c.regionName}</Data> · {t('第 {version} 版', { version: c.version })}
        </Typography.Text>
      }
    >
      <CommunityForm key={c.id} base={c} onReload={reload} />
    </Card>
  );
}
