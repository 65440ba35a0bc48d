// Dates and months entered through antd's DatePicker in the app's locale (zh_CN: 请选择日期, 一月…),
// never the browser's native date input, which speaks the browser's language ("mm/dd/yyyy",
// "December 2026") whatever the app's (issue 13 §9). Values stay ISO text ('2026-12-06',
// '2026-12'), as the forms and the API have them; a month shows as the pages write it (2026年12月)
// and may be typed either way.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import { currentLang } from '../i18n/index.ts';

interface Props {
  id?: string;
  /** ISO text, or empty for none */
  value?: string;
  onChange?: (value: string) => void;
  /** the last day (or month) that may be picked, ISO */
  max?: string;
  status?: 'error' | 'warning';
  disabled?: boolean;
  style?: CSSProperties;
}

const DAY = 'YYYY-MM-DD';
const MONTH = 'YYYY-MM';

function toDayjs(value: string | undefined): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

/** A day, 'YYYY-MM-DD'. */
export function DateInput({ id, value, onChange, max, status, disabled, style }: Props) {
  return (
    <DatePicker
      id={id}
      value={toDayjs(value)}
      format={DAY}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(DAY) : '')}
      disabledDate={max ? (d) => d.format(DAY) > max : undefined}
      status={status}
      disabled={disabled}
      style={{ width: 170, ...style }}
    />
  );
}

/** A month, 'YYYY-MM', shown as 2026年12月. */
export function MonthInput({ id, value, onChange, max, status, disabled, style }: Props) {
  return (
    <DatePicker
      id={id}
      picker="month"
      value={toDayjs(value)}
      format={[currentLang() === 'zh' ? 'YYYY年M月' : 'MMM YYYY', MONTH]}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(MONTH) : '')}
      disabledDate={max ? (d) => d.format(MONTH) > max : undefined}
      status={status}
      disabled={disabled}
      style={{ width: 150, ...style }}
    />
  );
}
