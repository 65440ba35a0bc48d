// 省级人民政府同意文件 (建办城〔2021〕28号 三(四)：报经省级人民政府同意后上报): its date, 文号 and the
// scanned document, recorded before the province may submit. It approves the candidate version
// current when recorded; a newer candidate needs it recorded again (issue 11 §2).
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Descriptions, Flex, Form, Input, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { recordApproval, type Approval, type ProvinceSignoff } from '../../../api/declarations.ts';
import { formatDateTime } from '../../../components/format.ts';
import { usePerson } from '../../../components/people.tsx';
import { DateInput } from '../../../components/DateFields.tsx';
import { Data, t } from '../../../i18n/index.ts';

interface Values {
  approvedOn: string;
  documentNo: string;
}

interface Props {
  unit: string;
  year: number;
  province: ProvinceSignoff;
  canEdit: boolean;
  onDone: () => Promise<void>;
}

const MAX_BYTES = 20 * 1024 * 1024;

/** The approval's own facts, and the version it approves. */
function ApprovalFacts({ approval, id }: { approval: Approval; id?: string }) {
  const person = usePerson();
  return (
    <Descriptions
      id={id}
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'date', label: t('同意日期'), children: approval.approvedOn },
        { key: 'no', label: t('文号'), children: <Data>{approval.documentNo}</Data> },
        {
          key: 'covers',
          label: t('所批会签版本'),
          children: approval.covers ? (
            <span data-version={approval.covers.version}>
              {t('第 {n} 版（{hash}…）', {
                n: approval.covers.version,
                hash: approval.covers.hash.slice(0, 12),
              })}
            </span>
          ) : (
            t('未注明')
          ),
        },
        {
          key: 'file',
          label: t('文件'),
          children: (
            <span>
              <PaperClipOutlined /> <Data>{approval.fileName}</Data>
            </span>
          ),
        },
        {
          key: 'by',
          label: t('录入'),
          children: (
            <>
              <Data>{person(approval.username)}</Data> · {formatDateTime(approval.at)}
            </>
          ),
        },
      ]}
    />
  );
}

export function RecordedApproval({ province }: { province: ProvinceSignoff }) {
  const { approval, approvalHistory } = province;
  if (!approval) return <Alert type="warning" showIcon title={t('尚未录入省级人民政府同意文件')} />;
  return (
    <Flex vertical gap={8}>
      <ApprovalFacts approval={approval} id="approval-recorded" />
      {province.approvalNotice && <ApprovalNotice notice={province.approvalNotice} />}
      {approvalHistory.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'history',
              label: t('此前录入的批复（{n} 份，已不再有效）', { n: approvalHistory.length }),
              children: (
                <Flex vertical gap={8}>
                  {approvalHistory.map((a) => (
                    <ApprovalFacts key={a.at} approval={a} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** Loud: the approval in force does not cover the version the departments sign. */
export function ApprovalNotice({ notice, id }: { notice: string; id?: string }) {
  return <Alert id={id} className="approval-notice" type="error" showIcon title={t(notice)} />;
}

export function ApprovalForm({ unit, year, province, canEdit, onDone }: Props) {
  const { approval } = province;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save(values: Values) {
    if (!file) {
      setFailure(t('请选择省级人民政府同意的文件（PDF 或图片）'));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await recordApproval(unit, year, { ...values, documentNo: values.documentNo.trim(), file });
      void message.success(t('已录入省级人民政府同意文件'));
      setFile(null);
      await onDone();
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setSaving(false);
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: 'approval', name: file.name, size: file.size, status: 'done' }]
    : [];

  return (
    <Flex vertical gap={12}>
      <RecordedApproval province={province} />
      {canEdit && !province.candidate && (
        <Alert type="info" showIcon title={t('请先生成会签版本：批复对应一个会签版本')} />
      )}
      {canEdit && province.candidate && (
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{
            approvedOn: approval?.approvedOn ?? '',
            documentNo: approval?.documentNo ?? '',
          }}
          onFinish={(v) => void save(v)}
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="approvedOn"
            label={t('同意日期')}
            htmlFor="approval-date"
            rules={[{ required: true, message: t('请选择日期') }]}
          >
            <DateInput id="approval-date" />
          </Form.Item>
          <Form.Item
            name="documentNo"
            label={t('文号')}
            htmlFor="approval-docno"
            rules={[{ required: true, whitespace: true, message: t('请填写文号') }]}
          >
            <Input
              id="approval-docno"
              placeholder={t('例如：琼府函〔2026〕88号')}
              maxLength={100}
            />
          </Form.Item>
          <Form.Item label={t('文件')} required>
            <Upload
              id="approval-file"
              accept=".pdf,.jpg,.jpeg,.png,.ofd"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                if (f.size > MAX_BYTES) {
                  void message.error(t('“{name}”超过 20 MB', { name: f.name }));
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />}>{t('选择文件')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button id="approval-save" type="primary" htmlType="submit" loading={saving}>
              {approval ? t('录入第 {n} 版的批复', { n: province.candidate.version }) : t('保存')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && <Alert id="approval-error" type="error" showIcon title={failure} />}
    </Flex>
  );
}
