// 导入月度进展 / 导入居民协商 (issue 9 §3): the template, a file checked row by row (nothing
// stored), then imported all or nothing. A progress row's 居民同意户数 records a consultation
// (source 导入) that counts for the starts of the same file, whatever the rows' order.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../api/client.ts';
import {
  progressTemplateUrl,
  uploadProgressImport,
  type ProgressImportKind,
  type ProgressImportReport,
} from '../../../api/progressImports.ts';
import { t } from '../../../i18n/index.ts';
import { tNodes, tServer } from '../tData.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';

const MAX_BYTES = 64 * 1024 * 1024;

const TEXT: Record<ProgressImportKind, { what: string; hint: string }> = {
  progress: {
    what: '月度进展',
    hint: '一行为一个小区一个报告期。填写“居民同意户数”（可另填“协商日期”，默认报告期最后一天）即记录一次居民协商，同一文件中的开工可据此通过开工检查。',
  },
  consultations: {
    what: '居民协商',
    hint: '一行为一次协商：协商日期、方式、参与户数、同意户数、是否同意改造方案与长效管理。已在台账中的同一次协商不会重复记录。',
  },
};

function summary(r: ProgressImportReport): string {
  if (r.errorCount)
    return t('共 {rows} 行，{n} 处错误，未写入任何数据。请修改后重新上传。', {
      rows: r.rows,
      n: r.errorCount,
    });
  if (r.dryRun) return t('检查通过：共 {rows} 行，可以导入。', { rows: r.rows });
  if (r.kind === 'progress') {
    const vars = {
      rows: r.imported,
      n: r.consultationsRecorded ?? 0,
      known: r.consultationsKnown ?? 0,
    };
    return r.consultationsKnown
      ? t('已导入 {rows} 行；记录居民协商 {n} 次（{known} 行的协商已在台账中）。', vars)
      : t('已导入 {rows} 行；记录居民协商 {n} 次。', vars);
  }
  return r.known
    ? t('已记录居民协商 {n} 次（{known} 次已在台账中，未重复记录）。', {
        n: r.imported,
        known: r.known,
      })
    : t('已记录居民协商 {n} 次。', { n: r.imported });
}

export function ProgressImportPanel({ kind }: { kind: ProgressImportKind }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<false | number>(false);
  const [report, setReport] = useState<ProgressImportReport | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const text = TEXT[kind];

  async function send(f: File, dryRun: boolean) {
    setBusy(0);
    setError(null);
    try {
      setReport(await uploadProgressImport(kind, dryRun, f, (p) => setBusy(p)).promise);
    } catch (e) {
      setError(tServer(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('① 下载模板，按模板填写')}>
        <Flex gap={16} align="center" wrap>
          <Button
            id={`${kind}-import-template`}
            href={progressTemplateUrl(kind)}
            icon={<DownloadOutlined />}
          >
            {t('下载{what}模板（csv）', { what: t(text.what) })}
          </Button>
          <Typography.Text type="secondary">
            {t(text.hint)} {t('模板以外的列不能导入（会指出列名）。')}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={t('② 上传并检查，无误后导入')}>
        <Flex vertical gap={12}>
          <Upload.Dragger
            id={`${kind}-import-upload`}
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={busy !== false}
            beforeUpload={(f) => {
              const problem = !/\.(xlsx|csv)$/i.test(f.name)
                ? tNodes(t('“{name}”不是 .xlsx 或 .csv 文件'), {}, { name: f.name })
                : f.size > MAX_BYTES
                  ? tNodes(t('“{name}”超过 64 MB'), {}, { name: f.name })
                  : null;
              if (!problem) return true;
              setError(problem);
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file: f }) => {
              setFile(f as File);
              setReport(null);
              void send(f as File, true);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {t('点击选择{what}文件，或将文件拖到此处', { what: t(text.what) })}
            </p>
            <p className="ant-upload-hint">
              {t('上传后先逐行检查，不写入台账；检查通过后点击“导入”。')}
            </p>
          </Upload.Dragger>
          {busy !== false && (
            <div id={`${kind}-import-busy`}>
              <Typography.Text>
                {busy < 100
                  ? tNodes(t('正在上传 {file}…'), {}, { file: file?.name ?? '' })
                  : t('正在逐行检查或导入…')}
              </Typography.Text>
              <Progress percent={busy} status="active" />
            </div>
          )}
          {error && <Alert id={`${kind}-import-error`} type="error" showIcon title={error} />}
          {report && (
            <Alert
              id={`${kind}-import-result`}
              type={report.errorCount ? 'error' : 'success'}
              showIcon
              title={summary(report)}
            />
          )}
          {report && report.errorCount > 0 && (
            <ProblemsTable
              id={`${kind}-import-errors`}
              problems={report.errors}
              count={report.errorCount}
              kind="error"
            />
          )}
          {report?.dryRun && !report.errorCount && file && (
            <Button
              id={`${kind}-import-confirm`}
              type="primary"
              disabled={busy !== false}
              onClick={() => void send(file, false)}
            >
              {t('导入 {rows} 行', { rows: report.rows })}
            </Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
