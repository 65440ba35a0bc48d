// 省级人民政府同意文件 (建办城〔2021〕28号 三(四)：报经省级人民政府同意后上报): its date, 文号 and the
// scanned document, recorded before the province may submit.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { recordApproval, type ProvinceSignoff } from '../../../api/declarations.ts';
import { formatDateTime } from '../../../components/format.ts';

interface Values {
  approvedOn: string;
  documentNo: string;
}

interface Props {
  unit: string;
  year: number;
  approval: ProvinceSignoff['approval'];
  canEdit: boolean;
  onDone: () => Promise<void>;
}

const MAX_BYTES = 20 * 1024 * 1024;

export function RecordedApproval({ approval }: { approval: ProvinceSignoff['approval'] }) {
  if (!approval) return <Alert type="warning" showIcon title="尚未录入省级人民政府同意文件" />;
  return (
    <Descriptions
      id="approval-recorded"
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'date', label: '同意日期', children: approval.approvedOn },
        { key: 'no', label: '文号', children: approval.documentNo },
        {
          key: 'file',
          label: '文件',
          children: (
            <span>
              <PaperClipOutlined /> {approval.fileName}
            </span>
          ),
        },
        {
          key: 'by',
          label: '录入',
          children: `${approval.username} · ${formatDateTime(approval.at)}`,
        },
      ]}
    />
  );
}

export function ApprovalForm({ unit, year, approval, canEdit, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save(values: Values) {
    if (!file) {
      setFailure('请选择省级人民政府同意的文件（PDF 或图片）');
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await recordApproval(unit, year, { ...values, documentNo: values.documentNo.trim(), file });
      void message.success('已录入省级人民政府同意文件');
      setFile(null);
      await onDone();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: 'approval', name: file.name, size: file.size, status: 'done' }]
    : [];

  return (
    <Flex vertical gap={12}>
      <RecordedApproval approval={approval} />
      {canEdit && (
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
            label="同意日期"
            htmlFor="approval-date"
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <Input id="approval-date" type="date" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item
            name="documentNo"
            label="文号"
            htmlFor="approval-docno"
            rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
          >
            <Input id="approval-docno" placeholder="例如：琼府函〔2026〕88号" maxLength={100} />
          </Form.Item>
          <Form.Item label="文件" required>
            <Upload
              id="approval-file"
              accept=".pdf,.jpg,.jpeg,.png,.ofd"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                if (f.size > MAX_BYTES) {
                  void message.error(`“${f.name}”超过 20 MB`);
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button id="approval-save" type="primary" htmlType="submit" loading={saving}>
              {approval ? '重新录入' : '保存'}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && <Alert id="approval-error" type="error" showIcon title={failure} />}
    </Flex>
  );
}
