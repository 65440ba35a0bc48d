// Step 2: what the check found. Errors block the import (nothing is stored until the file is
// clean); 疑似重复 (suspected duplicates, with both places), code notes and other warnings are listed
// apart and do not.
import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Space, Typography } from 'antd';
import type { ImportJob } from '../../../api/ledgerTypes.ts';
import { formatInteger } from '../../../components/format.ts';
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
          { key: 'file', label: '文件', children: job.fileName },
          { key: 'rows', label: '数据行数', children: formatInteger(report?.rows ?? 0) },
          {
            key: 'errors',
            label: '错误',
            children: (
              <Typography.Text type={errors ? 'danger' : 'success'}>{errors} 处</Typography.Text>
            ),
          },
          {
            key: 'suspected',
            label: '疑似重复',
            children: (
              <Typography.Text type={suspected ? 'warning' : undefined}>
                {suspected} 对
              </Typography.Text>
            ),
          },
          { key: 'warnings', label: '提示', children: `${warnings} 处` },
        ]}
      />
      {errors > 0 ? (
        <Alert
          id="import-invalid"
          type="error"
          showIcon
          title={`文件有 ${errors} 处错误，未导入任何数据，请修改后重新上传`}
          description="下表列出每一处错误：行号为文件中的行号（表头为第 1 行）。"
        />
      ) : (
        <Alert
          id="import-valid"
          type="success"
          showIcon
          title={`检查通过：共 ${formatInteger(report?.rows ?? 0)} 个小区可以导入`}
          description="确认导入后才会写入台账；导入要么全部成功，要么一条也不写入。"
        />
      )}
      {aliases.length > 0 && (
        <Alert
          id="import-code-aliases"
          type="info"
          showIcon
          title="按不设区的地级市登记的区划代码"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {aliases.map((a) => (
                <li key={a.code}>{a.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Space>
        <Button
          id="import-confirm"
          type="primary"
          icon={<CheckCircleOutlined />}
          disabled={errors > 0 || !report?.rows}
          loading={confirming}
          onClick={onConfirm}
        >
          确认导入
        </Button>
        <Button id="import-restart" icon={<ReloadOutlined />} onClick={onRestart}>
          重新上传
        </Button>
      </Space>
      {errors > 0 && report && (
        <section aria-label="错误">
          <Typography.Title level={5}>错误（{errors} 处）</Typography.Title>
          <ProblemsTable id="import-errors" problems={report.errors} count={errors} kind="error" />
        </section>
      )}
      {suspected > 0 && report && (
        <section aria-label="疑似重复">
          <Typography.Title level={5}>疑似重复（{suspected} 对，不影响导入）</Typography.Title>
          <Typography.Paragraph type="secondary">
            同一县级单位内名称仅通用后缀不同（如“家属院”与“小区”）或相近的小区，常是不同的小区。导入后两者都标为疑似重复，请在台账中按“疑似重复”筛选，逐一确认为同一小区或排除。
          </Typography.Paragraph>
          <SuspectedTable suspected={report.suspected} count={suspected} />
        </section>
      )}
      {warnings > 0 && report && (
        <section aria-label="提示">
          <Typography.Title level={5}>提示（{warnings} 处，不影响导入）</Typography.Title>
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
