// The province's review of a city's or county's 财政承受能力评估 ("省级人民政府…应对市、县财政承受能力
// 评估结果严格把关"): 通过 or 退回, who reviewed, when, and a remark (required to return it).
import { Form, Input, Radio } from 'antd';
import { reviewAssessment } from '../../../api/fiscal.ts';
import type { FiscalAssessment, ReviewInput } from '../../../api/fiscal.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../../i18n/index.ts';
import { chinaDate } from '../../../../../common/china-time.ts';

type Values = Omit<ReviewInput, 'version'>;
const FIELDS = ['decision', 'reviewer', 'reviewedOn', 'remark'] as const;
/** Today in Beijing, YYYY-MM-DD. */
const today = () => chinaDate(Date.now());

interface Props {
  assessment: FiscalAssessment | null;
  defaultReviewer: string;
  onClose: () => void;
  onSaved: (a: FiscalAssessment) => void;
}

export function ReviewModal({ assessment, defaultReviewer, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);

  async function save(values: Values) {
    if (!assessment) return;
    onSaved(
      await reviewAssessment(assessment.regionCode, assessment.planYear, {
        ...values,
        remark: values.remark ?? '',
        version: assessment.version,
      }),
    );
  }

  return (
    <FormModal<Values>
      form={form}
      open={assessment !== null}
      resetKey={
        assessment && `${assessment.regionCode}/${assessment.planYear}@${assessment.version}`
      }
      initialValues={
        assessment
          ? {
              decision: assessment.review.status === 'returned' ? 'returned' : 'passed',
              reviewer: assessment.review.reviewer ?? defaultReviewer,
              reviewedOn: today(),
              remark: assessment.review.remark,
            }
          : undefined
      }
      title={
        assessment
          ? tNodes('审核：{name} {year}年度财政承受能力评估', {
              name: <Data>{assessment.name}</Data>,
              year: assessment.planYear,
            })
          : ''
      }
      okText={t('保存审核意见')}
      submitId="review-save"
      destroyOnHidden
      fields={FIELDS}
      formProps={{ requiredMark: true }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="decision" label={t('审核结果')} rules={[{ required: true }]}>
        <Radio.Group>
          <Radio id="review-passed" value="passed">
            {t('通过')}
          </Radio>
          <Radio id="review-returned" value="returned">
            {t('退回')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reviewer"
        label={t('审核人')}
        rules={[{ required: true, whitespace: true, message: t('请填写审核人') }]}
      >
        <Input id="review-reviewer" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="reviewedOn"
        label={t('审核日期')}
        rules={[
          { required: true, message: t('请填写审核日期') },
          { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('格式为 YYYY-MM-DD') },
        ]}
      >
        <Input id="review-date" placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item
        name="remark"
        label={t('审核意见')}
        rules={[
          {
            required: decision === 'returned',
            whitespace: true,
            message: t('退回时请填写退回原因'),
          },
        ]}
      >
        <Input.TextArea id="review-remark" rows={3} maxLength={500} translate="no" />
      </Form.Item>
    </FormModal>
  );
}
