// The plan checks of the declaring unit (建办城〔2021〕28号 三(一)、三(四)): blocking ones stop the
// submission; a failing warning needs a written justification, which the reviewer reads.
import { App, Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { saveJustification, type DeclarationCheck } from '../../../api/declarations.ts';
import { NO_PLAN_DATA, type PlanCheckRow } from '../../../api/plans.ts';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { SEVERITY } from '../declarationLabels.ts';
import { serverText, type ServerTemplate } from '../serverText.tsx';

/** The checks' messages and rows' details that carry names (plan-checks.ts, earlier-plans.service). */
export const CHECK_TEXTS: ServerTemplate[] = [
  // A rule in the notice's words, citing the policy's source as recorded (plan-policy.ts).
  { zh: '{head}：{rule}（{year}年度政策，{source}）', data: ['source'] },
  {
    zh: '{name}：计划地方出资 {local}，超过评估可用资金 {available}',
    data: ['name'],
  },
  {
    zh: '{n} 个有小区列入计划的单位尚未录入财政承受能力评估：{names}',
    data: ['names'],
  },
  { zh: '{n} 个单位的评估被省级退回：{names}', data: ['names'] },
  { zh: '{n} 个单位的评估待省级审核：{names}', data: ['names'] },
  { zh: '已纳入{years}年中央补助计划（历史清单：{name}）', data: ['name'] },
  {
    zh: '与已获{years}年中央补助的“{name}”（历史清单）名称相近，疑似重复，请核实并说明',
    data: ['name'],
  },
  { zh: '与已获{years}年中央补助的“{name}”疑似重复', data: ['name'] },
  {
    zh: '已列入{year}年度{unit}计划（第 {version} 版，已接收）（“{name}”），不得重复申报',
    data: ['unit', 'name'],
  },
  {
    zh: '与{year}年度{unit}计划（第 {version} 版，已接收）中的“{name}”名称相近，疑似重复，请核实并说明',
    data: ['unit', 'name'],
  },
];

const needsJustification = (c: DeclarationCheck) => !c.passed && c.severity === 'warning';

const columns = (): TableColumnsType<DeclarationCheck> => [
  {
    title: t('级别'),
    key: 'severity',
    width: 76,
    render: (_, c) => <Tag color={SEVERITY[c.severity].color}>{t(SEVERITY[c.severity].text)}</Tag>,
  },
  { title: t('检查项'), key: 'title', width: 300, render: (_, c) => t(c.title) },
  {
    title: t('结果'),
    key: 'passed',
    width: 86,
    render: (_, c) => (
      <Tag data-check={c.id} data-passed={c.passed} color={c.passed ? 'success' : 'error'}>
        {c.passed ? t('通过') : t('未通过')}
      </Tag>
    ),
  },
  {
    title: t('说明'),
    key: 'message',
    render: (_, c) => (
      <Flex vertical gap={4}>
        <span>{checkMessage(c.message)}</span>
        {c.justification && needsJustification(c) && (
          <Typography.Text type="secondary" id={`justification-${c.id}`}>
            {t('本单位说明：')}
            <Data>{c.justification}</Data>
          </Typography.Text>
        )}
      </Flex>
    ),
  },
];

/** A check's message: several parts joined by '；', each translated, names kept as data. */
function checkMessage(message: string) {
  return message.split('；').map((part, i) => (
    <span key={i}>
      {i > 0 && t('；')}
      {serverText(part, CHECK_TEXTS)}
    </span>
  ));
}

const rowColumns = (): TableColumnsType<PlanCheckRow> => [
  {
    title: t('小区名称'),
    key: 'name',
    ...dataCell,
    render: (_, r) => <Link to={`/ledger/${r.id}`}>{r.name}</Link>,
  },
  { title: t('区划代码'), dataIndex: 'regionCode', key: 'regionCode', width: 110 },
  { title: t('情况'), key: 'detail', render: (_, r) => serverText(r.detail, CHECK_TEXTS) },
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
        {t('此项警告未通过，须写明理由后才能上报（审核单位可见，至少5个字）：')}
      </Typography.Text>
      <Input.TextArea
        id={`justify-${check.id}`}
        // The unit's own words: data (translate="no"), like the saved justification.
        translate="no"
        aria-label={t('{title}的说明', { title: t(check.title) })}
        rows={3}
        maxLength={2000}
        showCount
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('例如：本市2000年后小区集中在相邻片区联动改造，全省统筹后占比不超过上限')}
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
          {t('保存说明')}
        </Button>
        {check.justification ? (
          <Tag color="success">{t('已保存说明')}</Tag>
        ) : (
          <Tag color="warning">{t('尚未填写说明')}</Tag>
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
      void message.success(t('已保存“{title}”的说明', { title: t(check.title) }));
      await onChanged();
    } catch (e) {
      void message.error(t(errorMessage(e)));
    }
  }

  const expandable = (c: DeclarationCheck) =>
    c.rows.length > 0 || (needsJustification(c) && canJustify);

  return (
    <Card
      id="declaration-checks"
      size="small"
      title={t('计划检查')}
      extra={
        // No check passes on missing data: a plan without communities says so.
        checks.length > 0 && checks.every((c) => c.outcome === NO_PLAN_DATA) ? (
          <Tag>{t('本年度尚无计划数据')}</Tag>
        ) : failed.length === 0 ? (
          <Tag color="success">{t('全部通过')}</Tag>
        ) : (
          <Tag color={blocking ? 'error' : 'warning'}>
            {t('{n} 项未通过', { n: failed.length })}
            {blocking ? t('，其中 {n} 项阻断上报', { n: blocking }) : ''}
          </Tag>
        )
      }
    >
      <Table<DeclarationCheck>
        rowKey="id"
        size="small"
        columns={columns()}
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
                  columns={rowColumns()}
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
