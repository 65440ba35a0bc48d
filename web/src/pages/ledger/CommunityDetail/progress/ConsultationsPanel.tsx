// 居民协商: the consultations on record (date, method, households, what was agreed, documents) and
// the form that adds one, its documents uploaded right after it is saved.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client.ts';
import {
  addConsultation,
  uploadConsultationDocument,
  type Consultation,
  type ConsultationInput,
  type ConsultationMethod,
} from '../../../../api/communityProgress.ts';
import { usePerson } from '../../../../components/people.tsx';
import { Data, t, tNodes, tServer } from '../../../../i18n/index.ts';
import { METHOD_LABELS } from './progressLabels.ts';
import { DateInput } from '../../../../components/DateFields.tsx';

const MAX_BYTES = 10 * 1024 * 1024;
const today = () => new Date().toISOString().slice(0, 10);

interface Values {
  heldOn: string;
  /** the form offers every method but 'unrecorded', which only imports give */
  method: ConsultationInput['method'];
  householdsConsulted: string;
  householdsAgreeing: string;
  agreed: ('scheme' | 'contribution' | 'aftercare')[];
  notes: string;
}

/** Uploads files one by one; the first refusal stops and is returned with the file's name. */
async function uploadAll(communityId: number, consultationId: number, files: File[]) {
  for (const f of files) {
    try {
      await uploadConsultationDocument(communityId, consultationId, f);
    } catch (e) {
      return t(errorMessage(e));
    }
  }
  return null;
}

function DocumentLinks({ c }: { c: Consultation }) {
  if (!c.documents.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical>
      {c.documents.map((d) => (
        <a key={d.id} href={d.url} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> <Data>{d.fileName}</Data>
        </a>
      ))}
    </Flex>
  );
}

interface Props {
  communityId: number;
  households: number;
  consultations: Consultation[];
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

export function ConsultationsPanel({
  communityId,
  households,
  consultations,
  canEdit,
  onChanged,
}: Props) {
  const { message } = App.useApp();
  const person = usePerson();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save(v: Values) {
    setSaving(true);
    setFailure(null);
    try {
      const { id } = await addConsultation(communityId, {
        heldOn: v.heldOn,
        method: v.method,
        householdsConsulted: Number(v.householdsConsulted),
        householdsAgreeing: Number(v.householdsAgreeing),
        agreedScheme: v.agreed.includes('scheme'),
        agreedContribution: v.agreed.includes('contribution'),
        agreedAftercare: v.agreed.includes('aftercare'),
        notes: v.notes.trim(),
      });
      const refused = await uploadAll(communityId, id, files);
      if (refused)
        setFailure(t('协商记录已保存，但材料未能全部上传：{reason}', { reason: refused }));
      else void message.success(t('已记录居民协商'));
      form.resetFields();
      setFiles([]);
      await onChanged();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function addDocuments(consultationId: number, chosen: File[]) {
    const refused = await uploadAll(communityId, consultationId, chosen);
    if (refused) void message.error(refused);
    else void message.success(t('已上传协商材料'));
    await onChanged();
  }

  const count = (max: number, what: string) => ({
    validator: (_r: unknown, v: string | undefined) =>
      !v || (/^\d{1,7}$/.test(v) && Number(v) <= max)
        ? Promise.resolve()
        : Promise.reject(new Error(t('{what}应为不超过 {max} 的整数', { what, max }))),
  });
  const fileList: UploadFile[] = files.map((f, i) => ({
    uid: String(i),
    name: f.name,
    size: f.size,
    status: 'done',
  }));

  return (
    <Flex vertical gap={12}>
      <Table
        id="consultations"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={consultations}
        locale={{ emptyText: t('尚无居民协商记录') }}
        columns={[
          { title: t('协商日期'), dataIndex: 'heldOn', width: 110 },
          {
            title: t('方式'),
            dataIndex: 'method',
            width: 90,
            render: (m: ConsultationMethod) => t(METHOD_LABELS[m]),
          },
          { title: t('参与户数'), dataIndex: 'householdsConsulted', width: 90 },
          { title: t('同意户数'), dataIndex: 'householdsAgreeing', width: 90 },
          {
            title: t('同意比例'),
            dataIndex: 'share',
            width: 110,
            render: (s: string, c) => (
              <Tag color={c.reachesThreshold ? 'green' : 'orange'}>{s}</Tag>
            ),
          },
          {
            title: t('议定内容'),
            key: 'agreed',
            render: (_: unknown, c) => (
              <Space size={4} wrap>
                {c.agreedScheme && <Tag>{t('改造方案')}</Tag>}
                {c.agreedContribution && <Tag>{t('居民出资')}</Tag>}
                {c.agreedAftercare && <Tag>{t('后续管护')}</Tag>}
                {c.notes && (
                  <Typography.Text type="secondary">
                    <Data>{c.notes}</Data>
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('协商材料'),
            key: 'documents',
            render: (_: unknown, c) => (
              <Flex vertical gap={4}>
                <DocumentLinks c={c} />
                {canEdit && (
                  <Upload
                    accept=".pdf,.jpg,.jpeg,.png"
                    multiple
                    showUploadList={false}
                    beforeUpload={(_f, list) => {
                      if (_f === list[0]) void addDocuments(c.id, list);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />}>
                      {t('上传材料')}
                    </Button>
                  </Upload>
                )}
              </Flex>
            ),
          },
          {
            title: t('记录人'),
            dataIndex: 'username',
            width: 160,
            render: (u: string, c) =>
              c.source === 'import' ? (
                <Tag>
                  {t('导入')} · <Data>{person(u)}</Data>
                </Tag>
              ) : (
                <Data>{person(u)}</Data>
              ),
          },
        ]}
      />
      {canEdit && (
        <Form<Values>
          id="consultation-form"
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          initialValues={{
            heldOn: today(),
            method: 'meeting',
            householdsConsulted: '',
            householdsAgreeing: '',
            agreed: [],
            notes: '',
          }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="heldOn"
            label={t('协商日期')}
            htmlFor="consultation-date"
            rules={[{ required: true, message: t('请选择日期') }]}
          >
            <DateInput id="consultation-date" max={today()} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="method" label={t('方式')} rules={[{ required: true }]}>
            <Radio.Group
              id="consultation-method"
              optionType="button"
              options={Object.entries(METHOD_LABELS)
                .filter(([value]) => value !== 'unrecorded')
                .map(([value, label]) => ({ value, label: t(label) }))}
            />
          </Form.Item>
          <Form.Item
            name="householdsConsulted"
            label={t('参与户数')}
            htmlFor="consultation-consulted"
            rules={[{ required: true, message: t('必填') }, count(households, t('参与户数'))]}
          >
            <Input id="consultation-consulted" inputMode="numeric" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            name="householdsAgreeing"
            label={t('同意户数')}
            htmlFor="consultation-agreeing"
            dependencies={['householdsConsulted']}
            rules={[
              { required: true, message: t('必填') },
              ({ getFieldValue }) =>
                count(Number(getFieldValue('householdsConsulted')) || households, t('同意户数')),
            ]}
          >
            <Input id="consultation-agreeing" inputMode="numeric" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="agreed" label={t('议定内容')}>
            <Checkbox.Group
              options={[
                { value: 'scheme', label: t('改造方案') },
                { value: 'contribution', label: t('居民出资') },
                { value: 'aftercare', label: t('后续管护') },
              ]}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('说明')} htmlFor="consultation-notes">
            <Input id="consultation-notes" maxLength={2000} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={t('协商材料')}>
            <Upload
              id="consultation-file"
              accept=".pdf,.jpg,.jpeg,.png"
              multiple
              fileList={fileList}
              beforeUpload={(f) => {
                if (f.size > MAX_BYTES) {
                  void message.error(tNodes(t('文件“{name}”超过 10 MB'), {}, { name: f.name }));
                  return Upload.LIST_IGNORE;
                }
                setFiles((fs) => [...fs, f]);
                return false;
              }}
              onRemove={(u) => setFiles((fs) => fs.filter((_, i) => String(i) !== u.uid))}
            >
              <Button icon={<UploadOutlined />}>{t('选择文件（PDF/图片）')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button id="consultation-save" type="primary" htmlType="submit" loading={saving}>
              {t('记录协商')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && <Alert id="consultation-error" type="error" showIcon title={tServer(failure)} />}
    </Flex>
  );
}
