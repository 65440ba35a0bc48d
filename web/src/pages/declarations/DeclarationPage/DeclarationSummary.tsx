// The head of a declaration: state, countdown to the deadline, the plan's totals, and the latest
// submitted version with its hash and whether the ledger has changed since.
import { IntegrityAlert } from '../../../components/IntegrityAlert.tsx';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Col, Descriptions, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { Declaration } from '../../../api/declarations.ts';
import {
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatWan,
} from '../../../components/format.ts';
import { personName } from '../../../components/people.tsx';
import {
  areaSquareMetres,
  countdownOf,
  investmentWan,
  LEVEL_LABELS,
  REVIEWER_LABELS,
  STATE_COLORS,
} from '../declarationLabels.ts';
import { HASH_EXPLAINED, HashText } from './HashText.tsx';

export function StateTag({ d }: { d: Declaration }) {
  return (
    <Tag id="declaration-state" data-state={d.state} color={STATE_COLORS[d.state]}>
      {d.stateLabel}
    </Tag>
  );
}

/** Where the unit's deadline comes from, for the countdown's tooltip. */
function deadlineSource(d: Declaration): string {
  if (d.deadlineNote) return d.deadlineNote;
  if (d.internalDeadline) return `上级单位设置的内部截止日期（年度截止日期 ${d.policyDeadline}）`;
  if (d.deadline !== d.policyDeadline)
    return `上级单位的截止日期（年度截止日期 ${d.policyDeadline}）`;
  return '年度截止日期';
}

export function Countdown({ d }: { d: Declaration }) {
  const c = countdownOf(d.daysLeft);
  // 内部截止 only while the unit's own internal deadline is the one that holds.
  const internal = d.internalDeadline !== null && !d.deadlineCapped;
  // Once submitted or accepted the deadline is met (or missed) for good: no alarm colours.
  const done = d.state === 'submitted' || d.state === 'accepted';
  return (
    <Tag
      id="declaration-countdown"
      data-days-left={d.daysLeft}
      data-deadline={d.deadline}
      color={done ? 'default' : c.color}
      style={{ fontSize: 14, paddingBlock: 2 }}
      title={deadlineSource(d)}
    >
      {internal ? '内部截止' : '截止'} {d.deadline} · {c.text}
    </Tag>
  );
}

export function DeclarationTotals({ d }: { d: Declaration }) {
  const t = d.totals;
  const items = [
    { title: '小区数（个）', value: formatInteger(t.communities) },
    { title: '居民户数（户）', value: formatInteger(t.households) },
    { title: '楼栋数（栋）', value: formatInteger(t.buildings) },
    { title: '住宅建筑面积（平方米）', value: formatDecimal(areaSquareMetres(t.floorAreaCenti)) },
    { title: '预计投资额（万元）', value: formatWan(investmentWan(t.investmentYuan)) },
  ];
  return (
    <Row id="declaration-totals" gutter={[16, 16]}>
      {items.map((i) => (
        <Col key={i.title} xs={12} md={8} xl={4}>
          <Statistic title={i.title} value={i.value} />
        </Col>
      ))}
    </Row>
  );
}

export function SubmittedVersion({ d }: { d: Declaration }) {
  const s = d.submitted;
  if (!s)
    return (
      <Typography.Text id="declaration-submitted" type="secondary">
        尚未上报过版本。上报时将冻结当前计划，生成附校验码的版本，此后台账的修改不影响已上报的版本。
      </Typography.Text>
    );
  return (
    <>
      <IntegrityAlert integrity={s.integrity} />
      <Descriptions
        id="declaration-submitted"
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'version', label: '已上报版本', children: `第 ${s.version} 版` },
          {
            key: 'hash',
            label: (
              <Tooltip title={HASH_EXPLAINED}>
                <span id="hash-explained">
                  校验码 <QuestionCircleOutlined />
                </span>
              </Tooltip>
            ),
            children: <HashText id="submitted-hash" hash={s.hash} />,
          },
          { key: 'by', label: '上报人', children: personName(d.people, s.by) },
          { key: 'at', label: '上报时间', children: formatDateTime(s.at) },
          {
            key: 'unchanged',
            label: '台账',
            span: 'filled',
            children: s.unchanged ? (
              <Tag id="submitted-unchanged" data-unchanged="true" color="success">
                自上报后未变动
              </Tag>
            ) : (
              <Tag id="submitted-unchanged" data-unchanged="false" color="warning">
                上报后台账已有变动（已上报的版本不受影响；如需报送变动，须退回后重新上报）
              </Tag>
            ),
          },
        ]}
      />
    </>
  );
}

export function DeclarationHeading({ d }: { d: Declaration }) {
  return (
    <Flex align="center" gap={12} wrap>
      <Typography.Title level={4} style={{ margin: 0 }} id="declaration-title">
        {d.unit.name} · {d.year}年度改造计划申报
      </Typography.Title>
      <StateTag d={d} />
      <Countdown d={d} />
      {d.deadlineNote && (
        <Typography.Text type="warning" id="declaration-deadline-note">
          {d.deadlineNote}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        {LEVEL_LABELS[d.unit.level]}单位 {d.unit.code} · 审核：{REVIEWER_LABELS[d.unit.level]}
      </Typography.Text>
    </Flex>
  );
}
