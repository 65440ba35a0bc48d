// 联系人及电话 of the plan table (建办城〔2021〕28号 附件): entered by the province with its
// submission, frozen with the version the departments sign, printed on the form.
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import {
  CONTACT_NAME_MAX,
  CONTACT_PHONE_PATTERN,
  contactErrors,
} from '../../../../../common/contact.ts';
import { errorMessage } from '../../../api/client.ts';
import { saveContact, type ProvinceSignoff } from '../../../api/declarations.ts';
import { Data, t } from '../../../i18n/index.ts';

interface Props {
  unit: string;
  year: number;
  contact: ProvinceSignoff['contact'];
  /** a version frozen for sign-off, which a changed contact makes stale */
  frozen: boolean;
  canEdit: boolean;
  onDone: () => Promise<void>;
}

export function ContactForm({ unit, year, contact, frozen, canEdit, onDone }: Props) {
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save(values: { name: string; phone: string }) {
    const errors = contactErrors(values.name, values.phone);
    if (errors.length) {
      setFailure(errors.map((e) => t(e.message)).join(t('；')));
      return;
    }
    const entered = { name: values.name.trim(), phone: values.phone.trim() };
    setFailure(null);
    if (contact && entered.name === contact.name && entered.phone === contact.phone) {
      void message.info(t('联系人及电话未改动'));
      return;
    }
    // The contact is printed on the form and frozen with the version the departments sign: a
    // change after freezing voids that version, its approval and its sign-offs. Said first.
    if (
      frozen &&
      !(await modal.confirm({
        title: t('修改联系人将使会签版本失效'),
        content: t(
          '联系人及电话印在计划表上，随会签版本一并冻结。保存后须重新生成会签版本、重新录入省级人民政府批复，并由三个部门重新会签。',
        ),
        okText: t('仍要保存'),
        cancelText: t('不保存'),
      }))
    )
      return;
    setSaving(true);
    try {
      await saveContact(unit, year, entered);
      void message.success(
        frozen ? t('已保存联系人及电话；须重新生成会签版本') : t('已保存联系人及电话'),
      );
      await onDone();
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={8} id="contact">
      {contact ? (
        <Typography.Text id="contact-recorded">
          <Data>{contact.name}</Data> {contact.phone}
        </Typography.Text>
      ) : (
        <Alert type="warning" showIcon title={t('尚未填写联系人及电话（上报前必填）')} />
      )}
      {canEdit && (
        <Form<{ name: string; phone: string }>
          layout="inline"
          initialValues={{ name: contact?.name ?? '', phone: contact?.phone ?? '' }}
          onFinish={(v) => void save(v)}
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="name"
            label={t('联系人')}
            htmlFor="contact-name"
            rules={[{ required: true, whitespace: true, message: t('请填写姓名') }]}
          >
            <Input id="contact-name" maxLength={CONTACT_NAME_MAX} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('电话')}
            htmlFor="contact-phone"
            rules={[
              { required: true, message: t('请填写电话') },
              {
                pattern: CONTACT_PHONE_PATTERN,
                message: t('只能含数字、空格、连字符和括号，7–20 个字符'),
              },
            ]}
          >
            <Input id="contact-phone" placeholder="0898-65312345" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item>
            <Button id="contact-save" htmlType="submit" loading={saving}>
              {t('保存')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && <Alert id="contact-error" type="error" showIcon title={failure} />}
    </Flex>
  );
}
