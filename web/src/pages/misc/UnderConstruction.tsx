import { ToolOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import type { MessageKey } from '../../app/messages.ts';

/** Placeholder for a screen that is planned but not built yet (台账, 年度计划, 进展统计). */
export function UnderConstruction({ menuKey }: { menuKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <Card title={t(menuKey)}>
      <Result
        icon={<ToolOutlined />}
        title={t('common.building')}
        subTitle={t('common.buildingBody')}
      />
    </Card>
  );
}
