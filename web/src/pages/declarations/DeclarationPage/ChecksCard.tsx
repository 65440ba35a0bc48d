// The plan checks of the declaring unit (建办城〔2021〕28号 三(一)、三(四)): blocking ones stop the
// submission; a failing warning needs a written justification, which the reviewer reads.
import { App, Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { saveJustification, type DeclarationCheck } from '../../../api/declarations.ts';
import { NO_PLAN_DATA, type PlanCheckRow } from '../../../api/plans.ts';
import { SEVERITY } from '../declarationLabels.ts';

const needsJustification = (c: DeclarationCheck) => !c.passed && c.severity === 'warning';

const columns: TableColumnsType<DeclarationCheck> = [
  {
    title: '级别',
    key: 'severity',
    width: 76,
    render: (_, c) => <Tag color={SEVERITY[c.severity].color}>{SEVERITY[c.severity].text}</Tag>,
  },
  { title: '检查项', dataIndex: 'title', key: 'title', width: 300 },
  {
    title: '结果',
    key: 'passed',
    width: 86,
    render: (_, c) => (
      <Tag data-check={c.id} data-passed={c.passed} color={c.passed ? 'success' : 'error'}>
        {c.passed ? '通过' : '未通过'}
      </Tag>
    ),
  },
  {
    title: '说明',
    key: 'message',
    render: (_, c) => (
      <Flex vertical gap={4}>
        <span>{c.message}</span>
        {c.justification && needsJustification(c) && (
          <Typography.Text type="secondary" id={`justification-${c.id}`}>
            本单位说明：{c.justification}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
];

const rowColumns: TableColumnsType<PlanCheckRow> = [
  {
    title: '小区名称',
    key: 'name',
    render: (_, r) => <Link to={`/ledger/${r.id}`}>{r.name}</Link>,
  },
  { title: '区划代码', dataIndex: 'regionCode', key: 'regionCode', width: 110 },
  { title: '情况', dataIndex: 'detail', key: 'detail' },
];

function JustificationEditor(props: {
  check: DeclarationCheck;
  onSave: (text: string) => Promise<void>;
}) {
  const { check, onSave } = props;
  const [text, setText] = useState(check.justification ?? '');
  const [saving, setSaving] = useState(false);
  const tooShort = text.trim().length < 5;
  return (
    <Flex vertical gap={8} style={{ maxWidth: 720 }}>
      <Typography.Text strong>
        此项警告未通过，须写明理由后才能上报（审核单位可见，至少5个字）：
      </Typography.Text>
      <Input.TextArea
        id={`justify-${check.id}`}
        aria-label={`${check.title}的说明`}
        rows={3}
        maxLength={2000}
        showCount
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="例如：本市2000年后小区集中在相邻片区联动改造，全省统筹后占比不超过上限"
      />
      <Flex gap={12} align="center">
        <Button
          id={`justify-save-${check.id}`}
          type="primary"
          loading={saving}
          disabled={tooShort || text.trim() === (check.justification ?? '')}
          onClick={() => {
            setSaving(true);
            void onSave(text.trim()).finally(() => setSaving(false));
          }}
        >
          保存说明
        </Button>
        {check.justification ? (
          <Tag color="success">已保存说明</Tag>
        ) : (
          <Tag color="warning">尚未填写说明</Tag>
        )}
      </Flex>
    </Flex>
  );
}

interface Props {
  unit: string;
  year: number;
  checks: DeclarationCheck[];
  canJustify: boolean;
  onChanged: () => Promise<void>;
}

export function ChecksCard({ unit, year, checks, canJustify, onChanged }: Props) {
  const { message } = App.useApp();
  const failed = checks.filter((c) => !c.passed);
  const blocking = failed.filter((c) => c.severity === 'blocking').length;

  async function save(check: DeclarationCheck, text: string) {
    try {
      await saveJustification(unit, year, check.id, text);
      void message.success(`已保存“${check.title}”的说明`);
      await onChanged();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }

  const expandable = (c: DeclarationCheck) =>
    c.rows.length > 0 || (needsJustification(c) && canJustify);

  return (
    <Card
      id="declaration-checks"
      size="small"
      title="计划检查"
      extra={
        // No check passes on missing data: a plan without communities says so.
        checks.length > 0 && checks.every((c) => c.outcome === NO_PLAN_DATA) ? (
          <Tag>本年度尚无计划数据</Tag>
        ) : failed.length === 0 ? (
          <Tag color="success">全部通过</Tag>
        ) : (
          <Tag color={blocking ? 'error' : 'warning'}>
            {failed.length} 项未通过{blocking ? `，其中 ${blocking} 项阻断上报` : ''}
          </Tag>
        )
      }
    >
      <Table<DeclarationCheck>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={checks}
        pagination={false}
        scroll={{ x: 720 }}
        expandable={{
          rowExpandable: expandable,
          defaultExpandedRowKeys: checks.filter((c) => !c.passed && expandable(c)).map((c) => c.id),
          expandedRowRender: (c) => (
            <Flex vertical gap={12}>
              {needsJustification(c) && canJustify && (
                <JustificationEditor
                  key={c.justification ?? ''}
                  check={c}
                  onSave={(text) => save(c, text)}
                />
              )}
              {c.rows.length > 0 && (
                <Table<PlanCheckRow>
                  rowKey="id"
                  size="small"
                  columns={rowColumns}
                  dataSource={c.rows}
                  pagination={c.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
                />
              )}
            </Flex>
          ),
        }}
      />
    </Card>
  );
}
