// 退回: the reviewer writes why, and may pin a reason on individual communities of the plan; the
// unit sees them highlighted until it submits again.
import { Alert, App, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import {
  listPlanCommunities,
  returnDeclaration,
  type Declaration,
  type PlanCommunityOption,
} from '../../../api/declarations.ts';
import { Data, t } from '../../../i18n/index.ts';
import { tNode } from '../serverText.tsx';

interface Values {
  reason: string;
  communities: number[];
  notes: Record<string, string>;
}

interface Props {
  d: Declaration;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<void>;
}

/** The plan's communities; above 200 the search goes to the server. */
function usePlanCommunities(unit: string, year: number, open: boolean) {
  const [options, setOptions] = useState<PlanCommunityOption[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = useRef(new Map<number, PlanCommunityOption>());

  const load = useCallback(
    async (q?: string, signal?: AbortSignal) => {
      setLoading(true);
      try {
        const page = await listPlanCommunities(unit, year, q, signal);
        for (const c of page.items) known.current.set(c.id, c);
        setOptions(page.items);
        if (!q) setTotal(page.total);
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(t(errorMessage(e)));
      } finally {
        setLoading(false);
      }
    },
    [unit, year],
  );

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    void load(undefined, ctrl.signal);
    return () => ctrl.abort();
  }, [load, open]);

  return { options, total, loading, error, load, known: known.current };
}

export function ReturnModal({ d, open, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const list = usePlanCommunities(d.unit.code, d.year, open);
  const serverSearch = list.total > list.options.length;

  async function confirm(values: Values) {
    setSaving(true);
    setFailure(null);
    try {
      const notes = values.communities.map((id) => ({
        communityId: id,
        reason: (values.notes[String(id)] ?? '').trim(),
      }));
      await returnDeclaration(d.unit.code, d.year, values.reason.trim(), notes);
      void message.success(
        tNode('已退回{unit}的{year}年度计划', { unit: <Data>{d.unit.name}</Data>, year: d.year }),
      );
      form.resetFields();
      onClose();
      await onDone();
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={tNode('退回{unit}{year}年度计划', { unit: <Data>{d.unit.name}</Data>, year: d.year })}
      width={720}
      okText={t('确认退回')}
      cancelText={t('取消')}
      okButtonProps={{ id: 'return-confirm', danger: true, loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ reason: '', communities: [], notes: {} }}
        onFinish={(v) => void confirm(v)}
      >
        <Form.Item
          name="reason"
          label={t('退回理由')}
          htmlFor="return-reason"
          rules={[{ required: true, whitespace: true, min: 2, message: t('请写明退回理由') }]}
        >
          {/* What the reviewer writes is data (translate="no"), shown as written. */}
          <Input.TextArea id="return-reason" translate="no" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="communities"
          label={t('针对具体小区的意见（可选）')}
          htmlFor="return-community-select"
          extra={
            list.total
              ? t('本单位{year}年度计划共 {n} 个小区', { year: d.year, n: list.total }) +
                (serverSearch ? t('，输入名称搜索') : '')
              : undefined
          }
        >
          <Select<number[]>
            id="return-community-select"
            mode="multiple"
            allowClear
            loading={list.loading}
            placeholder={t('选择小区')}
            options={list.options.map((c) => ({ value: c.id, label: c.name }))}
            showSearch={
              serverSearch
                ? { filterOption: false, onSearch: (q) => void list.load(q.trim() || undefined) }
                : { optionFilterProp: 'label' }
            }
            labelRender={({ value, label }) => (
              <Data>{list.known.get(Number(value))?.name ?? label}</Data>
            )}
            // The list holds the plan's communities by name: data, as recorded.
            popupRender={(menu) => <div translate="no">{menu}</div>}
          />
        </Form.Item>
        {/* One reason per chosen community, following the selection. */}
        <Form.Item noStyle shouldUpdate={(a, b) => a.communities !== b.communities}>
          {({ getFieldValue }) => (
            <Flex vertical gap={0}>
              {(getFieldValue('communities') as number[]).map((id) => (
                <Form.Item
                  key={id}
                  name={['notes', String(id)]}
                  label={tNode('小区“{name}”的意见', {
                    name: <Data>{list.known.get(id)?.name ?? id}</Data>,
                  })}
                  htmlFor={`return-note-${id}`}
                  rules={[{ required: true, whitespace: true, message: t('请写明该小区的问题') }]}
                >
                  <Input
                    id={`return-note-${id}`}
                    maxLength={1000}
                    placeholder={t('例如：户数与摸底不符')}
                  />
                </Form.Item>
              ))}
            </Flex>
          )}
        </Form.Item>
        {list.error && <Alert type="error" showIcon title={list.error} />}
        {failure && <Alert id="return-error" type="error" showIcon title={failure} />}
        <Typography.Text type="secondary">
          {tNode('退回后{unit}须修改后重新上报；接收前可随时查看两个版本之间的差异。', {
            unit: <Data>{d.unit.name}</Data>,
          })}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
