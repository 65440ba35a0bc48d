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
        { key: 'date', label: '同意日期', children: approval.approvedOn },
        { key: 'no', label: '文号', children: approval.documentNo },
        {
          key: 'covers',
          label: '所批版本',
          children: approval.covers ? (
            <span data-version={approval.covers.version}>
              第 {approval.covers.version} 版（{approval.covers.hash.slice(0, 12)}…）
            </span>
          ) : (
            '未注明'
          ),
        },
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
          children: `${person(approval.username)} · ${formatDateTime(approval.at)}`,
        },
      ]}
    />
  );
}

export function RecordedApproval({ province }: { province: ProvinceSignoff }) {
  const { approval, approvalHistory } = province;
  if (!approval) return <Alert type="warning" showIcon title="尚未录入省级人民政府同意文件" />;
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
              label: `此前录入的批复（${approvalHistory.length} 份，已不再有效）`,
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
  return <Alert id={id} className="approval-notice" type="error" showIcon title={notice} />;
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
      <RecordedApproval province={province} />
      {canEdit && !province.candidate && (
        <Alert type="info" showIcon title="请先生成会签版本：批复对应一个会签版本" />
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
            label="同意日期"
            htmlFor="approval-date"
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DateInput id="approval-date" />
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
              {approval ? `录入第 ${province.candidate.version} 版的批复` : '保存'}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && <Alert id="approval-error" type="error" showIcon title={failure} />}
    </Flex>
  );
}
