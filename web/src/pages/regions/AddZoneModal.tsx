// 添加功能区: an administrator adds a functional zone (开发区, 高新区, 新区 …) under a
// prefecture-level unit; it then reports like a county-level unit (DESIGN.md, "Regions").
import { App, Form, Input } from 'antd';
import { createFunctionalZone } from '../../api/regions.ts';
import type { RegionChild, RegionDetail } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../i18n/index.ts';

interface Props {
  parent: RegionDetail;
  open: boolean;
  onClose: () => void;
  onCreated: (zone: RegionChild) => void;
}

export function AddZoneModal({ parent, open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<{ name: string }>();
  const { message } = App.useApp();

  async function submit({ name }: { name: string }) {
    const zone = await createFunctionalZone(parent.code, name.trim());
    void message.success(tNodes('已添加功能区：{name}', { name: <Data>{zone.name}</Data> }));
    onCreated(zone);
  }

  return (
    <FormModal<{ name: string }>
      form={form}
      open={open}
      title={tNodes('在 {name} 下添加功能区', { name: <Data>{parent.name}</Data> })}
      okText={t('添加')}
      failureField="name"
      submitOnEnter
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label={t('功能区名称')}
        name="name"
        htmlFor="zone-name"
        extra={t('如：经济技术开发区、高新技术产业开发区、新区')}
        rules={[
          { required: true, whitespace: true, message: t('请输入功能区名称') },
          { max: 50, message: t('名称不超过50个字') },
        ]}
      >
        <Input id="zone-name" autoFocus maxLength={50} />
      </Form.Item>
    </FormModal>
  );
}
