// Step 1: the template, and the file: dropped or chosen, uploaded with a progress bar.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Typography, Upload } from 'antd';
import {
  HISTORY_TEMPLATE_HEADERS,
  HISTORY_TEMPLATE_URL,
  IMPORT_TEMPLATE_URL,
} from '../../../api/ledger.ts';
import type { ImportKind } from '../../../api/ledgerTypes.ts';
import { t } from '../../../i18n/index.ts';
import { tNodes, tServer } from '../tData.tsx';
import type { ImportState } from './useImportJob.ts';

const MAX_BYTES = 64 * 1024 * 1024;

interface Props {
  state: Extract<ImportState, { step: 'choose' | 'uploading' }>;
  kind: ImportKind;
  onFile: (file: File) => void;
}

export function UploadStep({ state, kind, onFile }: Props) {
  const uploading = state.step === 'uploading';
  const { message } = App.useApp();
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('① 下载模板，按模板填写')}>
        {kind === 'projects' ? (
          <Flex gap={16} align="center" wrap>
            <Button id="import-template" href={IMPORT_TEMPLATE_URL} icon={<DownloadOutlined />}>
              {t('下载导入模板（xlsx）')}
            </Button>
            <Typography.Text type="secondary">
              {t(
                '一行一个小区；列的顺序不限，按列名识别，已有的项目清单表格可直接上传。模板第二页“填写说明”列出了每一列的要求。',
              )}
            </Typography.Text>
          </Flex>
        ) : (
          <Flex gap={16} align="center" wrap>
            <Button
              id="import-history-template"
              href={HISTORY_TEMPLATE_URL}
              download="已获中央补助小区历史清单模板.csv"
              icon={<DownloadOutlined />}
            >
              {t('下载历史清单模板（csv）')}
            </Button>
            <Typography.Text type="secondary" id="import-history-help">
              {t(
                '以往年度已纳入中央补助支持改造计划的小区，一行一个，作为历史记录保存，不进入任何年度计划；以后各年度申报时据此检查“不得重复申报”。必填：小区名称、中央补助年度（也认“已纳入中央补助年度”），区划代码或区县；其余列（{columns}）可不填。',
                {
                  columns: HISTORY_TEMPLATE_HEADERS.filter(
                    (h) => !['区划代码', '区县', '小区名称', '中央补助年度'].includes(h),
                  )
                    .map((h) => t(h))
                    .join(t('、')),
                },
              )}
            </Typography.Text>
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('② 上传文件')}>
        <Flex vertical gap={12}>
          <Upload.Dragger
            id="import-upload"
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              const problem = !/\.(xlsx|csv)$/i.test(file.name)
                ? tNodes(t('“{name}”不是 .xlsx 或 .csv 文件'), {}, { name: file.name })
                : file.size > MAX_BYTES
                  ? tNodes(t('“{name}”超过 64 MB'), {}, { name: file.name })
                  : null;
              if (!problem) return true;
              void message.error(problem);
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file }) => onFile(file as File)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('点击选择文件，或将文件拖到此处')}</p>
            <p className="ant-upload-hint">
              {t('支持 .xlsx（读取第一个工作表）和 .csv（UTF-8 或 GB18030），不超过 64 MB。')}
              <br />
              {kind === 'projects'
                ? t('上传后先逐行检查，确认无误后才写入台账。')
                : t('上传后先逐行检查，确认无误后才写入历史清单。')}
            </p>
          </Upload.Dragger>
          {uploading && (
            <div id="import-progress">
              <Typography.Text>
                {state.percent < 100
                  ? tNodes(t('正在上传 {file}…'), {}, { file: state.fileName })
                  : tNodes(t('已上传 {file}，正在逐行检查…'), {}, { file: state.fileName })}
              </Typography.Text>
              <Progress percent={state.percent} status="active" />
            </div>
          )}
          {state.step === 'choose' && state.error && (
            <Alert id="import-upload-error" type="error" showIcon title={tServer(state.error)} />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
