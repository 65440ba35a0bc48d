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
import { Data, t } from '../../../i18n/index.ts';
import {
  areaSquareMetres,
  countdownOf,
  investmentWan,
  LEVEL_LABELS,
  REVIEWER_LABELS,
  STATE_COLORS,
} from '../declarationLabels.ts';
import { serverText, type ServerTemplate } from '../serverText.tsx';
import { HASH_EXPLAINED, HashText } from './HashText.tsx';

/** 受上级截止日期限制 (server: domain/deadlines.ts cappedNote), the reviewer's name as data. */
export const DEADLINE_NOTE: ServerTemplate[] = [
  {
    zh: '受上级截止日期限制：按{reviewer}的截止日期 {date}（内部截止日期 {internal} 晚于此日期）',
    data: ['reviewer'],
  },
];

export function StateTag({ d }: { d: Declaration }) {
  return (
    <Tag id="declaration-state" data-state={d.state} color={STATE_COLORS[d.state]}>
      {t(d.stateLabel)}
    </Tag>
  );
}

/** Where the unit's deadline comes from, for the countdown's tooltip. */
function deadlineSource(d: Declaration): string {
  if (d.deadlineNote) return t(d.deadlineNote);
  if (d.internalDeadline)
    return t('上级单位设置的内部截止日期（年度截止日期 {date}）', { date: d.policyDeadline });
  if (d.deadline !== d.policyDeadline)
    return t('上级单位的截止日期（年度截止日期 {date}）', { date: d.policyDeadline });
  return t('年度截止日期');
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
      {internal ? t('内部截止') : t('截止')} {d.deadline} · {c.text}
    </Tag>
  );
}

export function DeclarationTotals({ d }: { d: Declaration }) {
  const s = d.totals;
  const items = [
    { title: t('小区数（个）'), value: formatInteger(s.communities) },
    { title: t('居民户数（户）'), value: formatInteger(s.households) },
    { title: t('楼栋数（栋）'), value: formatInteger(s.buildings) },
    {
      title: t('住宅建筑面积（平方米）'),
      value: formatDecimal(areaSquareMetres(s.floorAreaCenti)),
    },
    { title: t('预计投资额（万元）'), value: formatWan(investmentWan(s.investmentYuan)) },
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
        {t(
          '尚未上报过版本。上报时将冻结当前计划，生成附校验码的版本，此后台账的修改不影响已上报的版本。',
        )}
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
          { key: 'version', label: t('已上报版本'), children: t('第 {n} 版', { n: s.version }) },
          {
            key: 'hash',
            label: (
              <Tooltip title={t(HASH_EXPLAINED)}>
                <span id="hash-explained">
                  {t('校验码')} <QuestionCircleOutlined />
                </span>
              </Tooltip>
            ),
            children: <HashText id="submitted-hash" hash={s.hash} />,
          },
          { key: 'by', label: t('上报人'), children: <Data>{personName(d.people, s.by)}</Data> },
          { key: 'at', label: t('上报时间'), children: formatDateTime(s.at) },
          {
            key: 'unchanged',
            label: t('台账'),
            span: 'filled',
            children: s.unchanged ? (
              <Tag id="submitted-unchanged" data-unchanged="true" color="success">
                {t('自上报后未变动')}
              </Tag>
            ) : (
              <Tag id="submitted-unchanged" data-unchanged="false" color="warning">
                {t('上报后台账已有变动（已上报的版本不受影响；如需报送变动，须退回后重新上报）')}
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
        <Data>{d.unit.name}</Data> · {t('{year}年度改造计划申报', { year: d.year })}
      </Typography.Title>
      <StateTag d={d} />
      <Countdown d={d} />
      {d.deadlineNote && (
        <Typography.Text type="warning" id="declaration-deadline-note">
          {serverText(d.deadlineNote, DEADLINE_NOTE)}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        {t(`${LEVEL_LABELS[d.unit.level]}单位`)} {d.unit.code} ·{' '}
        {t('审核：{reviewer}', { reviewer: t(REVIEWER_LABELS[d.unit.level]) })}
      </Typography.Text>
    </Flex>
  );
}
