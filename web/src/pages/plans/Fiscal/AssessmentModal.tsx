// A city's or county's own 财政承受能力评估 for a plan year (建办城〔2021〕28号 三(二)): the local funds
// it plans, the debt indicators it used, its conclusion, and the assessment document's file. Saved
// with the version it was read at (409 if someone changed it meanwhile); a change goes back to the
// province for review.
import { Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { saveAssessment, uploadAssessmentFile } from '../../../api/fiscal.ts';
import type { AssessmentInput, FiscalAssessment } from '../../../api/fiscal.ts';
import { FormModal, isStale } from '../../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../../i18n/index.ts';

type Values = Omit<AssessmentInput, 'version'>;
const FIELDS = [
  'available',
  'document',
  'debtIndicators',
  'debtRatio',
  'debtBalance',
  'conclusion',
  'conclusionNote',
] as const;

interface Props {
  open: boolean;
  unit: { code: string; name: string };
  year: number;
  /** the assessment being changed; null for the unit's first */
  current: FiscalAssessment | null;
  onClose: () => void;
  onSaved: (a: FiscalAssessment) => void;
}

export function AssessmentModal({ open, unit, year, current, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const conclusion = Form.useWatch('conclusion', form);

  async function save(values: Values) {
    let saved = await saveAssessment(unit.code, year, {
      ...values,
      debtRatio: values.debtRatio?.trim() || null,
      debtBalance: values.debtBalance?.trim() || null,
      conclusionNote: values.conclusionNote ?? '',
      version: current?.version ?? null,
    });
    if (file) saved = await uploadAssessmentFile(unit.code, year, saved.version, file);
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      form={form}
      open={open}
      resetKey={current?.version}
      initialValues={
        current
          ? {
              available: current.available,
              document: current.document,
              debtIndicators: current.debtIndicators,
              debtRatio: current.debtRatio,
              debtBalance: current.debtBalance,
              conclusion: current.conclusion,
              conclusionNote: current.conclusionNote,
            }
          : { conclusion: 'within' }
      }
      title={tNodes('{name} {year}年度财政承受能力评估', {
        name: <Data>{unit.name}</Data>,
        year,
      })}
      submitId="fiscal-save"
      width={640}
      destroyOnHidden
      fields={FIELDS}
      failureMessage={(e) =>
        isStale(e) ? `${errorMessage(e)}${t('（关闭后重新打开即为最新内容）')}` : errorMessage(e)
      }
      formProps={{ requiredMark: true }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        name="available"
        label={t('拟安排地方财政资金（万元）')}
        rules={[
          { required: true, message: t('请填写拟安排的地方财政资金') },
          { pattern: /^\d+(\.\d{1,4})?$/, message: t('应为不小于0的数，最多4位小数') },
        ]}
      >
        <Input id="fiscal-available" inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="document"
        label={t('评估文件名称或文号')}
        rules={[{ required: true, whitespace: true, message: t('请填写评估文件名称或文号') }]}
      >
        <Input id="fiscal-document" maxLength={255} />
      </Form.Item>
      <Form.Item
        name="debtIndicators"
        label={t('采用的债务指标')}
        rules={[{ required: true, whitespace: true, message: t('请填写评估采用的债务指标') }]}
        extra={t('如：政府债务率、财政自给率、一般公共预算收入增速')}
      >
        {/* What was typed is data; a textarea holds it as text. */}
        <Input.TextArea id="fiscal-debt-indicators" rows={2} maxLength={1000} translate="no" />
      </Form.Item>
      <Form.Item
        name="debtRatio"
        label={t('债务率（%，可不填）')}
        rules={[{ pattern: /^\d{1,4}(\.\d{1,2})?$/, message: t('应为百分数，如 85.5') }]}
      >
        <Input id="fiscal-debt-ratio" inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="debtBalance"
        label={t('政府债务余额（万元，可不填）')}
        rules={[{ pattern: /^\d+(\.\d{1,4})?$/, message: t('应为不小于0的数，最多4位小数') }]}
      >
        <Input id="fiscal-debt-balance" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="conclusion" label={t('评估结论')} rules={[{ required: true }]}>
        <Radio.Group id="fiscal-conclusion">
          <Radio value="within">{t('在财政承受能力范围内')}</Radio>
          <Radio value="exceeds">{t('超出财政承受能力')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="conclusionNote"
        label={t('结论说明')}
        rules={[
          {
            required: conclusion === 'exceeds',
            whitespace: true,
            message: t('结论为超出承受能力时，请说明'),
          },
        ]}
      >
        <Input.TextArea id="fiscal-conclusion-note" rows={2} maxLength={1000} translate="no" />
      </Form.Item>
      <Form.Item
        label={t('评估文件（PDF、JPEG 或 PNG）')}
        extra={
          current?.file
            ? tNodes('已上传：{name}；重新选择即替换', { name: <Data>{current.file.name}</Data> })
            : t('可在保存时一并上传')
        }
      >
        <input
          id="fiscal-file"
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
    </FormModal>
  );
}
