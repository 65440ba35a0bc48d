// 月报截止日: the day of the following month by which the province's units report. The province's
// housing department sets it; everyone else in the province sees it.
import { Alert, App, Button, Card, Flex, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { MAX_DUE_DAY } from '../../../../common/monthly-reports.ts';
import { getDueDay, setDueDay, type DueDay } from '../../api/monthlyReports.ts';
import { useResource } from '../../api/useResource.ts';
import { formatDateTime } from '../../components/format.ts';
import { Data, t } from '../../i18n/index.ts';
import { markData } from '../progress/withData.tsx';

export function DueDayCard({ province, onChanged }: { province: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const loaded = useResource(['monthly-reports', 'due-day', province], (signal) =>
    getDueDay(province, signal),
  );
  const due: DueDay | { error: string } | null = loaded.error
    ? { error: loaded.error.message }
    : (loaded.data ?? null);
  const [value, setValue] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const loadedDay = loaded.data?.dueDay;
  // The input starts from the day read, and follows it when it is read again.
  useEffect(() => {
    if (loadedDay !== undefined) setValue(loadedDay);
  }, [loadedDay]);

  async function save() {
    if (value === null) return;
    setBusy(true);
    try {
      // The page reloads this card with the rest of the month's reports (onChanged).
      const d = await setDueDay(province, value);
      void message.success(t('已设定：各单位应于次月 {day} 日前上报月报', { day: d.dueDay }));
      onChanged();
    } catch (e) {
      void message.error(t(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  if (!due) return null;
  if ('error' in due)
    return (
      <Card size="small" title={t('月报截止日')}>
        <Alert type="warning" showIcon title={t(due.error)} />
      </Card>
    );
  return (
    <Card
      id="due-day-card"
      size="small"
      title={markData(t('{province}月报截止日', { province: due.province.name }), [
        due.province.name,
      ])}
    >
      <Flex gap={12} align="center" wrap>
        <span>{t('各单位应于次月')}</span>
        <InputNumber
          id="due-day-input"
          min={1}
          max={MAX_DUE_DAY}
          precision={0}
          value={value}
          onChange={(v) => setValue(v)}
          disabled={!due.canSet}
          style={{ width: 80 }}
        />
        <span>{t('日（含）前上报上月月报')}</span>
        {due.canSet && (
          <Button
            id="due-day-save"
            type="primary"
            loading={busy}
            disabled={value === null || value === due.dueDay}
            onClick={() => void save()}
          >
            {t('保存')}
          </Button>
        )}
        <Typography.Text type="secondary">
          {due.isDefault ? (
            t('尚未设定，按默认次月 5 日')
          ) : (
            <>
              <Data>{due.updatedBy ?? ''}</Data>{' '}
              {t('于 {time} 设定', { time: formatDateTime(due.updatedAt) })}
            </>
          )}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
