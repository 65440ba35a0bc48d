// A stale save: the server's message, what others changed meanwhile (field, old → new, who,
// when), and 重新加载, which loads the current version into the form.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import type { StaleSave } from '../../../api/ledgerTypes.ts';
import { t } from '../../../i18n/index.ts';
import { EntryText } from '../changes.tsx';
import { tServer } from '../tData.tsx';

interface Props {
  message: string;
  stale: StaleSave;
  reloading: boolean;
  onReload: () => void;
}

export function ConflictAlert({ message, stale, reloading, onReload }: Props) {
  return (
    <Alert
      id="community-conflict"
      type="error"
      showIcon
      title={tServer(message)}
      description={
        <Flex vertical gap={8} style={{ marginTop: 4 }}>
          <span>{t('在您打开之后，其他人做了以下修改：')}</span>
          {stale.meanwhile.map((e) => (
            <div key={`${e.version}-${e.at}`} data-version={e.version}>
              <EntryText entry={e} />
            </div>
          ))}
          <span>
            {t('点击“重新加载”载入第 {version} 版；您填写的内容会列出，以便核对后重新填写。', {
              version: stale.currentVersion,
            })}
          </span>
        </Flex>
      }
      action={
        <Button
          id="community-reload"
          icon={<ReloadOutlined />}
          loading={reloading}
          onClick={onReload}
        >
          {t('重新加载')}
        </Button>
      }
    />
  );
}
