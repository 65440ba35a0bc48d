// 月度进展: the community's record month by month (cumulative as at month end) and the form that
// enters a month — dates, completed investment, outcomes, funds in place by source. A start the
// server refuses (no consultation at the threshold) shows its Chinese reason here.
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, Row, Table, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../api/client.ts';
import {
  recordProgress,
  type CommunityProgress,
  type ProgressRecord,
} from '../../../../api/communityProgress.ts';
import { applyServerErrors } from '../../../../components/serverErrors.ts';
import { formatWan } from '../../../../components/format.ts';
import { usePerson } from '../../../../components/people.tsx';
import {
  COUNT_FIELDS,
  currentPeriod,
  FIELD_OF_HEADER,
  inputOf,
  outcomesText,
  valuesFrom,
  type ProgressValues,
} from './progressLabels.ts';
import { DateInput, MonthInput } from '../../../../components/DateFields.tsx';
import { Data, periodText, t, tServer } from '../../../../i18n/index.ts';
import { halfWidth } from '../../../../../../common/ledger.ts';

// Figures typed in full width (４０．５, as a Chinese input method gives them) are checked as the
// half-width ones they mean; the server reads them so too.
const asTyped = (v: unknown) => (typeof v === 'string' ? halfWidth(v).trim() : v);
const decimal = (digits: number, what: string) => ({
  pattern: new RegExp(`^\\d{1,13}(\\.\\d{1,${digits}})?$`),
  transform: asTyped,
  message: t('{what}应为不小于0的数，最多{digits}位小数', { what, digits }),
});
const integer = () => ({
  pattern: /^\d{1,7}$/,
  transform: asTyped,
  message: t('应为不小于0的整数'),
});
const FORM_FIELDS = [
  'period',
  'startDate',
  'completionDate',
  'investmentDone',
  'pipelinesKm',
  'energyArea',
];

interface Props {
  communityId: number;
  progress: CommunityProgress;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

function FundsCell({ r }: { r: ProgressRecord }) {
  if (!r.funds.length) return <span>—</span>;
  return (
    <Tooltip
      title={r.funds
        .map((f) =>
          t('{source} {amount} 万元', { source: t(f.label), amount: formatWan(f.amount) }),
        )
        .join(t('；'))}
    >
      <span>{formatWan(r.fundsTotal)}</span>
    </Tooltip>
  );
}

export function ProgressRecordsPanel({ communityId, progress, canEdit, onChanged }: Props) {
  const { message } = App.useApp();
  const person = usePerson();
  const [form] = Form.useForm<ProgressValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = progress.records[0];
  // The form starts again from the latest record when a new one is saved, not on every reload.
  const latestKey = latest ? `${latest.period}@${latest.updatedAt}` : '';

  useEffect(() => {
    form.setFieldsValue(valuesFrom(latest, currentPeriod()));
    // `latestKey` stands for `latest`: a reload with the same latest record keeps what is typed.
  }, [form, latestKey]);

  async function save(v: ProgressValues) {
    setSaving(true);
    setFailure(null);
    try {
      await recordProgress(communityId, v.period, inputOf(v));
      void message.success(t('已保存{period}的进展', { period: periodText(v.period) }));
      await onChanged();
    } catch (e) {
      applyServerErrors(form, e, FORM_FIELDS, FIELD_OF_HEADER);
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Table
        id="progress-records"
        size="small"
        rowKey="period"
        pagination={false}
        dataSource={progress.records}
        locale={{ emptyText: t('尚未填报进展') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('报告期'),
            dataIndex: 'period',
            width: 100,
            render: (p: string) => periodText(p),
          },
          {
            title: t('开工日期'),
            dataIndex: 'startDate',
            width: 110,
            render: (d: string | null) => d ?? t('未开工'),
          },
          {
            title: t('完工日期'),
            dataIndex: 'completionDate',
            width: 110,
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('累计完成投资（万元）'),
            dataIndex: 'investmentDone',
            width: 150,
            align: 'right',
            render: (v: string) => formatWan(v),
          },
          {
            title: t('资金到位（万元）'),
            key: 'funds',
            width: 130,
            align: 'right',
            render: (_: unknown, r) => <FundsCell r={r} />,
          },
          { title: t('成效'), key: 'outcomes', render: (_: unknown, r) => outcomesText(r) },
          {
            title: t('填报人'),
            dataIndex: 'username',
            width: 160,
            render: (u: string) => <Data>{person(u)}</Data>,
          },
        ]}
      />
      {canEdit && (
        <Form<ProgressValues>
          id="progress-form"
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          onValuesChange={() => setFailure(null)}
        >
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item
                name="period"
                label={t('报告期（月末）')}
                htmlFor="progress-period"
                rules={[{ required: true, message: t('请选择月份') }]}
              >
                <MonthInput id="progress-period" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="startDate" label={t('开工日期')} htmlFor="progress-start">
                <DateInput id="progress-start" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="completionDate" label={t('完工日期')} htmlFor="progress-completion">
                <DateInput id="progress-completion" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="investmentDone"
                label={t('累计完成投资（万元）')}
                htmlFor="progress-investment"
                rules={[decimal(4, t('累计完成投资'))]}
              >
                <Input id="progress-investment" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="pipelinesKm"
                label={t('改造管线（公里）')}
                htmlFor="progress-pipelines"
                rules={[decimal(3, t('改造管线'))]}
              >
                <Input id="progress-pipelines" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="energyArea"
                label={t('建筑节能改造面积（平方米）')}
                htmlFor="progress-energy"
                rules={[decimal(2, t('建筑节能改造面积'))]}
              >
                <Input id="progress-energy" inputMode="decimal" />
              </Form.Item>
            </Col>
            {COUNT_FIELDS.map(([key, label]) => (
              <Col xs={12} md={6} key={key}>
                <Form.Item
                  name={key}
                  label={t(label)}
                  htmlFor={`progress-${key}`}
                  rules={[integer()]}
                >
                  <Input id={`progress-${key}`} inputMode="numeric" />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            {progress.fundingSources.map((s) => (
              <Col xs={12} md={6} key={s.source}>
                <Form.Item
                  name={['funds', s.source]}
                  label={t('资金到位：{source}（万元）', { source: t(s.label) })}
                  htmlFor={`progress-fund-${s.source}`}
                  rules={[decimal(4, t(s.label))]}
                >
                  <Input id={`progress-fund-${s.source}`} inputMode="decimal" />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Flex gap={16} align="center" wrap>
            <Form.Item name="corrected" valuePropName="checked" noStyle>
              <Checkbox id="progress-corrected">{t('更正以前月份（累计投资可以减少）')}</Checkbox>
            </Form.Item>
            <Button id="progress-save" type="primary" htmlType="submit" loading={saving}>
              {t('保存本月进展')}
            </Button>
          </Flex>
        </Form>
      )}
      {failure && <Alert id="progress-error" type="error" showIcon title={tServer(failure)} />}
    </Flex>
  );
}
