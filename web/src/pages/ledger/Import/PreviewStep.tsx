// Step 2: what the check found. Errors block the import (nothing is stored until the file is
// clean); 疑似重复 (suspected duplicates, with both places), code notes and other warnings are listed
// apart and do not.
import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Space, Typography } from 'antd';
import type { ImportJob } from '../../../api/ledgerTypes.ts';
import { formatInteger } from '../../../components/format.ts';
import { Data, t } from '../../../i18n/index.ts';
import { tServer } from '../tData.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { SuspectedTable } from './SuspectedTable.tsx';

interface Props {
  job: ImportJob;
  confirming: boolean;
  error?: string;
  onConfirm: () => void;
  onRestart: () => void;
}

export function PreviewStep({ job, confirming, error, onConfirm, onRestart }: Props) {
  const report = job.report;
  const errors = report?.errorCount ?? 0;
  const warnings = report?.warningCount ?? 0;
  // A job checked before these existed has neither.
  const suspected = report?.suspectedCount ?? 0;
  const aliases = report?.codeAliases ?? [];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        id="import-summary"
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'file', label: t('文件'), children: <Data>{job.fileName}</Data> },
          { key: 'rows', label: t('数据行数'), children: formatInteger(report?.rows ?? 0) },
          {
            key: 'errors',
            label: t('错误'),
            children: (
              <Typography.Text type={errors ? 'danger' : 'success'}>
                {t('{n} 处', { n: errors })}
              </Typography.Text>
            ),
          },
          {
            key: 'suspected',
            label: t('疑似重复'),
            children: (
              <Typography.Text type={suspected ? 'warning' : undefined}>
                {t('{n} 对', { n: suspected })}
              </Typography.Text>
            ),
          },
          { key: 'warnings', label: t('提示'), children: t('{n} 处', { n: warnings }) },
        ]}
      />
      {errors > 0 ? (
        <Alert
          id="import-invalid"
          type="error"
          showIcon
          title={t('文件有 {n} 处错误，未导入任何数据，请修改后重新上传', { n: errors })}
          description={t('下表列出每一处错误：行号为文件中的行号（表头为第 1 行）。')}
        />
      ) : (
        <Alert
          id="import-valid"
          type="success"
          showIcon
          title={t('检查通过：共 {n} 个小区可以导入', { n: formatInteger(report?.rows ?? 0) })}
          description={t('确认导入后才会写入台账；导入要么全部成功，要么一条也不写入。')}
        />
      )}
      {aliases.length > 0 && (
        <Alert
          id="import-code-aliases"
          type="info"
          showIcon
          title={t('按不设区的地级市登记的区划代码')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {aliases.map((a) => (
                <li key={a.code}>{tServer(a.message)}</li>
              ))}
            </ul>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={tServer(error)} />}
      <Space>
        <Button
          id="import-confirm"
          type="primary"
          icon={<CheckCircleOutlined />}
          disabled={errors > 0 || !report?.rows}
          loading={confirming}
          onClick={onConfirm}
        >
          {t('确认导入')}
        </Button>
        <Button id="import-restart" icon={<ReloadOutlined />} onClick={onRestart}>
          {t('重新上传')}
        </Button>
      </Space>
      {errors > 0 && report && (
        <section aria-label={t('错误')}>
          <Typography.Title level={5}>{t('错误（{n} 处）', { n: errors })}</Typography.Title>
          <ProblemsTable id="import-errors" problems={report.errors} count={errors} kind="error" />
        </section>
      )}
      {suspected > 0 && report && (
        <section aria-label={t('疑似重复')}>
          <Typography.Title level={5}>
            {t('疑似重复（{n} 对，不影响导入）', { n: suspected })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t(
              '同一县级单位内名称仅通用后缀不同（如“家属院”与“小区”）或相近的小区，常是不同的小区。导入后两者都标为疑似重复，请在台账中按“疑似重复”筛选，逐一确认为同一小区或排除。',
            )}
          </Typography.Paragraph>
          <SuspectedTable suspected={report.suspected} count={suspected} />
        </section>
      )}
      {warnings > 0 && report && (
        <section aria-label={t('提示')}>
          <Typography.Title level={5}>
            {t('提示（{n} 处，不影响导入）', { n: warnings })}
          </Typography.Title>
          <ProblemsTable
            id="import-warnings"
            problems={report.warnings}
            count={warnings}
            kind="warning"
          />
        </section>
      )}
    </Flex>
  );
}
