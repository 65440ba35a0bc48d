// 编辑年度政策: the rules of one plan year (建办城〔2021〕28号 二(四) for 2022). PUT with the row's
// version, so a change made meanwhile answers 409; a 400 puts its details next to the fields.
import { App, Button, Form, Input, InputNumber } from 'antd';
import { updatePlanPolicy } from '../../../api/plans.ts';
import type { PlanPolicy } from '../../../api/plans.ts';
import { DateInput } from '../../../components/DateFields.tsx';
import { FormModal, isStale } from '../../../components/FormModal.tsx';
import { t } from '../../../i18n/index.ts';

interface Values {
  cutoffYear: number;
  latestBuildYear: number;
  maxPostCutoffSharePercent: number;
  consentThresholdPercent: number;
  /** YYYY-MM-DD, from the browser's date input */
  deadline: string;
  recipients: string;
  source: string;
}

const FIELDS = [
  'cutoffYear',
  'latestBuildYear',
  'maxPostCutoffSharePercent',
  'consentThresholdPercent',
  'deadline',
  'recipients',
  'source',
] as const;

/** 0.15 → 15, without 15.000000000000002 (the share is stored in basis points). */
export const sharePercent = (share: number): number => Math.round(share * 10_000) / 100;

interface Props {
  /** The policy to edit; null: closed. */
  policy: PlanPolicy | null;
  onClose: () => void;
  onSaved: () => void;
  /** Reloads the list after a 409, which hands the modal the row's current version. */
  onReload: () => void;
}

export function PolicyFormModal({ policy, onClose, onSaved, onReload }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit(v: Values) {
    if (!policy) return;
    await updatePlanPolicy(policy.planYear, policy.version, {
      ...v,
      recipients: v.recipients.trim(),
      source: v.source.trim(),
    });
    void message.success(t('已保存{year}年度政策', { year: policy.planYear }));
    onSaved();
  }

  return (
    <FormModal<Values>
      form={form}
      open={policy !== null}
      // Restart when another policy (or a newer version of it) comes in, not on every reload.
      resetKey={policy && `${policy.planYear}@${policy.version}`}
      initialValues={
        policy
          ? {
              cutoffYear: policy.cutoffYear,
              latestBuildYear: policy.latestBuildYear,
              maxPostCutoffSharePercent: sharePercent(policy.maxPostCutoffShare),
              consentThresholdPercent: sharePercent(policy.consentThreshold),
              deadline: policy.deadline,
              recipients: policy.recipients,
              source: policy.source,
            }
          : undefined
      }
      title={policy ? t('编辑{year}年度政策', { year: policy.planYear }) : t('编辑年度政策')}
      submitId="policy-form-submit"
      width={560}
      fields={FIELDS}
      failureAction={(e) =>
        isStale(e) && (
          <Button id="policy-form-reload" size="small" onClick={onReload}>
            {t('重新载入')}
          </Button>
        )
      }
      formProps={{ autoComplete: 'off' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label={t('分界年份')}
        name="cutoffYear"
        htmlFor="policy-cutoff-year"
        extra={t('该年年底前建成的小区计入“年底前”，之后的计入“年底后”')}
        rules={[{ required: true, message: t('请输入分界年份') }]}
      >
        <InputNumber id="policy-cutoff-year" min={1949} max={2100} precision={0} />
      </Form.Item>
      <Form.Item
        label={t('最晚建成年份')}
        name="latestBuildYear"
        htmlFor="policy-latest-build-year"
        dependencies={['cutoffYear']}
        rules={[
          { required: true, message: t('请输入最晚建成年份') },
          ({ getFieldValue }) => ({
            validator: (_, v: number | null) =>
              v === null || v === undefined || v >= (getFieldValue('cutoffYear') as number)
                ? Promise.resolve()
                : Promise.reject(new Error(t('不能早于分界年份'))),
          }),
        ]}
      >
        <InputNumber id="policy-latest-build-year" min={1949} max={2100} precision={0} />
      </Form.Item>
      <Form.Item
        label={t('年底后建成小区占比上限（按居民户数计）')}
        name="maxPostCutoffSharePercent"
        htmlFor="policy-share"
        rules={[{ required: true, message: t('请输入占比上限') }]}
      >
        <InputNumber id="policy-share" min={0} max={100} precision={2} suffix="%" />
      </Form.Item>
      <Form.Item
        label={t('开工前居民同意比例（按户数计）')}
        name="consentThresholdPercent"
        htmlFor="policy-consent"
        extra={t('未经居民充分协商取得共识的，不得开工改造；默认三分之二，各地可按本地规定调整')}
        rules={[{ required: true, message: t('请输入居民同意比例') }]}
      >
        <InputNumber id="policy-consent" min={0.01} max={100} precision={2} suffix="%" />
      </Form.Item>
      <Form.Item
        label={t('报送截止日期')}
        name="deadline"
        htmlFor="policy-deadline"
        rules={[
          { required: true, message: t('请选择截止日期') },
          { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('日期格式应为 YYYY-MM-DD') },
        ]}
      >
        <DateInput id="policy-deadline" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item
        label={t('报送单位')}
        name="recipients"
        htmlFor="policy-recipients"
        rules={[{ required: true, whitespace: true, message: t('请输入报送单位') }]}
      >
        <Input id="policy-recipients" maxLength={200} />
      </Form.Item>
      <Form.Item label={t('依据')} name="source" htmlFor="policy-source">
        <Input id="policy-source" maxLength={200} placeholder={t('如 建办城〔2021〕28号')} />
      </Form.Item>
    </FormModal>
  );
}
