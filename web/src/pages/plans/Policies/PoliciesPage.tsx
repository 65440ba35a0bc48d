// 年度政策: each plan year's rules (分界年份, 最晚建成年份, 占比上限, 截止日期 …), read by everyone,
// added and edited by the country-level administrator. A new year starts as a copy of the latest
// earlier one (the rules are data: DESIGN.md, "Rules are data"), then opens for editing.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Modal, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { addPlanPolicy, listPlanPolicies } from '../../../api/plans.ts';
import type { PlanPolicy } from '../../../api/plans.ts';
import { useResource } from '../../../api/useResource.ts';
import { useMe } from '../../../app/auth.tsx';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { PolicyFormModal, sharePercent } from './PolicyFormModal.tsx';
import { ProvinceThresholdsCard } from './ProvinceThresholdsCard.tsx';

function usePolicies() {
  const policies = useResource(['plan-policies'], (signal) => listPlanPolicies(signal));
  return {
    items: policies.data ?? [],
    loading: policies.loading,
    error: policies.error?.message ?? null,
    reload: policies.reload,
  };
}

function columns(canEdit: boolean, onEdit: (p: PlanPolicy) => void): TableColumnsType<PlanPolicy> {
  return [
    { title: t('年度'), dataIndex: 'planYear', key: 'planYear', width: 90 },
    { title: t('分界年份'), dataIndex: 'cutoffYear', key: 'cutoffYear', width: 100 },
    {
      title: t('最晚建成年份'),
      dataIndex: 'latestBuildYear',
      key: 'latestBuildYear',
      width: 120,
    },
    {
      title: t('占比上限 %'),
      key: 'share',
      width: 110,
      align: 'right',
      render: (_, p) => sharePercent(p.maxPostCutoffShare).toFixed(2),
    },
    {
      title: t('居民同意 %'),
      key: 'consent',
      width: 110,
      align: 'right',
      render: (_, p) => sharePercent(p.consentThreshold).toFixed(2),
    },
    { title: t('截止日期'), dataIndex: 'deadline', key: 'deadline', width: 120 },
    { ...dataCell, title: t('报送单位'), dataIndex: 'recipients', key: 'recipients' },
    {
      title: t('依据'),
      dataIndex: 'source',
      key: 'source',
      render: (s: string) => (s ? <Data>{s}</Data> : <Tag>{t('未填写')}</Tag>),
    },
    ...(canEdit
      ? [
          {
            title: t('操作'),
            key: 'actions',
            width: 80,
            render: (_: unknown, p: PlanPolicy) => (
              <Button type="link" size="small" onClick={() => onEdit(p)}>
                {t('编辑')}
              </Button>
            ),
          },
        ]
      : []),
  ];
}

export function PoliciesPage() {
  const me = useMe();
  // The server's rule (policies.service.ts): administrators of the whole country.
  const canEdit = me.roles.includes('admin') && me.region.level === 'country';
  const { message } = App.useApp();
  const list = usePolicies();
  const [editing, setEditing] = useState<PlanPolicy | null>(null);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [addForm] = Form.useForm<{ planYear: number }>();

  const nextYear = (list.items[0]?.planYear ?? new Date().getFullYear()) + 1;
  // After a reload the row under edit is the fresh one (new version), so the form restarts from it.
  const current = editing
    ? (list.items.find((p) => p.planYear === editing.planYear) ?? editing)
    : null;

  async function add() {
    const { planYear } = await addForm.validateFields();
    setSaving(true);
    setAddError(null);
    try {
      const created = await addPlanPolicy(planYear);
      void message.success(
        t('已新增{year}年度政策（沿用上一年度），请核对后保存', { year: planYear }),
      );
      setAdding(false);
      list.reload();
      setEditing(created);
    } catch (e) {
      setAddError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card
      title={t('年度政策')}
      extra={
        <Space>
          <Link to="/plans">{t('返回计划表')}</Link>
          {canEdit && (
            <Button
              id="policy-add"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setAddError(null);
                addForm.setFieldsValue({ planYear: nextYear });
                setAdding(true);
              }}
            >
              {t('新增年度')}
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t(
            '每个计划年度的规则是一行数据：分界年份前后的户数占比、最晚建成年份和报送截止日期都取自该年度的政策；某年度没有单独的政策时，沿用最近一个较早年度的政策。',
          )}
        />
        {list.error && <Alert type="error" showIcon title={list.error} />}
        <Table<PlanPolicy>
          id="policies-table"
          rowKey="planYear"
          size="middle"
          loading={list.loading}
          columns={columns(canEdit, setEditing)}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 900 }}
        />
        {/* This year's figure first: the one today's starts are checked against. */}
        <ProvinceThresholdsCard defaultYear={new Date().getFullYear()} />
      </Space>
      <Modal
        title={t('新增年度政策')}
        open={adding}
        okText={t('新增')}
        cancelText={t('取消')}
        okButtonProps={{ id: 'policy-add-submit' }}
        confirmLoading={saving}
        onOk={() => void add().catch(() => undefined)}
        onCancel={() => setAdding(false)}
        forceRender
      >
        <p>{t('新年度以最近一个较早年度的政策为起点，新增后可修改。')}</p>
        {addError && <Alert type="error" showIcon title={addError} style={{ marginBottom: 16 }} />}
        <Form form={addForm} layout="vertical">
          <Form.Item
            label={t('计划年度')}
            name="planYear"
            htmlFor="policy-add-year"
            rules={[{ required: true, message: t('请输入计划年度') }]}
          >
            <InputNumber id="policy-add-year" min={2000} max={2100} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
      <PolicyFormModal
        policy={current}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
        onReload={list.reload}
      />
    </Card>
  );
}
