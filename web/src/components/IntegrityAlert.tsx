// 数据校验失败: a frozen version whose stored content no longer matches its hash (the server
// recomputes it on every read). Shown loudly, in red; sign-off, acceptance and export are refused.
import { Alert } from 'antd';
import { t } from '../i18n/index.ts';

export type Integrity = 'ok' | 'mismatch';

export function IntegrityAlert({ integrity }: { integrity?: Integrity }) {
  if (integrity !== 'mismatch') return null;
  return (
    <Alert
      className="integrity-mismatch"
      type="error"
      showIcon
      title={t('数据校验失败')}
      description={t(
        '此版本的内容与其冻结时的校验码不符，可能已在数据库中被修改。不能据此会签、接收或导出，请联系系统管理员核查（已记入审计日志）。',
      )}
      style={{ marginBottom: 12 }}
    />
  );
}
