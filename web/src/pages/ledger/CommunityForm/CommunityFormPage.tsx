// /ledger/new and /ledger/:id/edit: one form, loaded with the record when editing.
import { Button, Card, Result, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { communityIdOf, useCommunity } from '../useCommunity.ts';
import { CommunityForm } from './CommunityForm.tsx';

export function NewCommunityPage() {
  return (
    <Card title="新增小区">
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
        title={state.status === 'error' ? state.message : '小区不存在'}
        extra={<Button onClick={() => void navigate('/ledger')}>返回台账</Button>}
      />
    );
  if (state.status === 'loading')
    return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  const c = state.community;
  return (
    <Card
      title={`编辑小区：${c.name}`}
      extra={
        <Typography.Text type="secondary">
          {c.regionName} · 第 {c.version} 版
        </Typography.Text>
      }
    >
      <CommunityForm key={c.id} base={c} onReload={reload} />
    </Card>
  );
}
