// 上报月报: what the unit's month looks like now — the table and the communities that would be
// frozen, with the hash they would carry — and the button that freezes it as the next version.
// Once submitted a version never changes; a later edit shows here as "changed since version N".
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Spin, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { previewReport, submitReport } from '../../api/monthlyReports.ts';
import { useLoaded } from '../../api/useResource.ts';
import { formatDateTime } from '../../components/format.ts';
import { HashText } from '../declarations/DeclarationPage/HashText.tsx';
import { FrozenContent } from './FrozenContent.tsx';
import { Data, dateText, periodText, t } from '../../i18n/index.ts';
import { markData } from '../progress/withData.tsx';
import { chinaDate } from '../../../../common/china-time.ts';

/** Today in Beijing time (YYYY-MM-DD), which the due dates are in. */
const today = () => chinaDate(Date.now());

interface Props {
  unit: string;
  year: number;
  period: string;
  onSubmitted: () => void;
}

export function SubmitCard({ unit, year, period, onSubmitted }: Props) {
  const { message } = App.useApp();
  // Loaded again after a submission (invalidate, ReportsPage), showing the spinner meanwhile.
  const load = useLoaded(['monthly-reports', unit, year, period, 'preview'], (signal) =>
    previewReport(unit, year, period, signal),
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      const r = await submitReport(unit, year, period);
      void message.success(
        r.inTime
          ? t('已上报{period}月报（第 {n} 版）', { period: periodText(period), n: r.version })
          : t('已上报{period}月报（第 {n} 版），已过截止日期', {
              period: periodText(period),
              n: r.version,
            }),
      );
      onSubmitted();
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  if (load.status === 'loading' || load.status === 'idle')
    return (
      <Card size="small" title={t('本单位{period}月报', { period: periodText(period) })}>
        <Spin style={{ display: 'block', margin: 24 }} />
      </Card>
    );
  if (load.status === 'error')
    return (
      <Card size="small" title={t('本单位{period}月报', { period: periodText(period) })}>
        <Alert type="warning" showIcon title={t(load.message)} />
      </Card>
    );

  const p = load.data;
  const latest = p.latest;
  const blocked = !p.canSubmit || latest?.unchanged === true;
  const why = !p.canSubmit
    ? t('月报由{unit}本级住建部门上报', { unit: p.unit.name })
    : latest?.unchanged
      ? t('内容与已上报的第 {n} 版相同，无需重新上报', { n: latest.version })
      : undefined;

  return (
    <Card
      id="report-submit-card"
      size="small"
      title={
        <>
          <Data>{p.unit.name}</Data>
          {t('{period}月报（{year}年度计划）', { period: periodText(period), year })}
        </>
      }
      extra={
        p.canSubmit && !p.open ? (
          // Before the month's last day there is no button: the report is of the month as at its end.
          <Tag id="report-opens" color="default">
            {t('{date}起可上报', { date: dateText(p.opensOn) })}
          </Tag>
        ) : (
          <Popconfirm
            title={t('上报{period}月报', { period: periodText(period) })}
            description={t(
              '将把下方内容冻结为新的版本（附校验码）报送上级，此后进展的修改不影响该版本。确认上报？',
            )}
            okText={t('上报')}
            cancelText={t('取消')}
            okButtonProps={{ id: 'report-submit-ok' }}
            placement="bottomRight"
            onConfirm={() => submit()}
            disabled={blocked}
          >
            <Button
              id="report-submit"
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              disabled={blocked}
              title={why}
            >
              {latest ? t('重新上报（第 {n} 版）', { n: latest.version + 1 }) : t('上报月报')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Flex vertical gap={12}>
        {failure && <Alert id="report-submit-error" type="error" showIcon title={failure} />}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('报告期')}>
            {t('{period}（截至月末）', { period: periodText(period) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('截止日期')}>{p.dueDate}</Descriptions.Item>
          <Descriptions.Item label={t('已上报')}>
            {latest ? (
              <Flex gap={6} wrap>
                <span id="report-latest-version">{t('第 {n} 版', { n: latest.version })}</span>
                <span>{formatDateTime(latest.submittedAt)}</span>
                <Tag color={latest.inTime ? 'success' : 'warning'}>
                  {latest.inTime ? t('按时') : t('逾期')}
                </Tag>
                {latest.unchanged ? (
                  <Tag color="blue">{t('与当前内容一致')}</Tag>
                ) : (
                  <Tag color="orange">{t('此后内容有变动')}</Tag>
                )}
              </Flex>
            ) : p.dueDate < today() ? (
              <Tag color="error" id="report-overdue">
                {t('逾期未报')}
              </Tag>
            ) : (
              <Tag>{t('尚未上报')}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('当前内容校验码')}>
            <HashText hash={p.hash} id="report-preview-hash" />
          </Descriptions.Item>
        </Descriptions>
        {why && !p.canSubmit && (
          <Alert
            type="info"
            showIcon
            title={markData(t('仅供查看：{why}。', { why }), [p.unit.name])}
          />
        )}
        {p.canSubmit && !p.open && (
          <Alert
            id="report-not-open"
            type="info"
            showIcon
            title={t(
              '{period}月报反映截至月末的情况，自{date}（北京时间）起方可上报；下方为目前的内容预览。',
              { period: periodText(period), date: dateText(p.opensOn) },
            )}
          />
        )}
        <FrozenContent content={p.content} unitName={p.unit.name} />
      </Flex>
    </Card>
  );
}
