// 财政承受能力评估 (建办城〔2021〕28号 三(二)): a city or county records its assessment for a plan
// year; the province reviews each (通过 / 退回). The two checks the province's submission waits on
// are shown on top: every unit with communities in the plan has assessed, and every assessment has
// passed the province's review (server: domain/fiscal-checks.ts).
import { Alert, App, Button, Card, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listAssessments, REVIEW_LABELS } from '../../../api/fiscal.ts';
import type { FiscalAssessment } from '../../../api/fiscal.ts';
import { getPlanChecks } from '../../../api/plans.ts';
import { useResource } from '../../../api/useResource.ts';
import { useMe } from '../../../app/auth.tsx';
import { Data, dataCell, t, tNodes } from '../../../i18n/index.ts';
import { planYears } from '../planForm.ts';
import { useDeclaringYear } from '../usePlanData.ts';
import { AssessmentModal } from './AssessmentModal.tsx';
import { ReviewModal } from './ReviewModal.tsx';

const FISCAL_CHECKS = ['fiscal_assessed', 'fiscal_reviewed', 'fiscal_capacity'];

function useFiscal(year: number, checkRegion: string | null) {
  const fiscal = useResource(
    ['fiscal', year, checkRegion],
    async (signal) => {
      const [list, checks] = await Promise.all([
        listAssessments(year, signal),
        checkRegion ? getPlanChecks(checkRegion, year, signal) : null,
      ]);
      return { list, checks: (checks?.checks ?? []).filter((x) => FISCAL_CHECKS.includes(x.id)) };
    },
    // The last year's table stays on screen while another year loads.
    { keepPrevious: true },
  );
  return {
    list: fiscal.data?.list ?? null,
    checks: fiscal.data?.checks ?? [],
    error: fiscal.error?.message ?? null,
    reload: fiscal.reload,
  };
}

/** Opens on the year being declared (GET /api/plan-year) unless the address names one. */
export function FiscalPage() {
  const declaring = useDeclaringYear();
  if (declaring === undefined) return <Spin />;
  return <FiscalOfYear declaring={declaring} />;
}

function FiscalOfYear({ declaring }: { declaring: number }) {
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || declaring;
  const ownUnit =
    (me.region.level === 'prefecture' || me.region.level === 'county') &&
    (me.roles.includes('city') || me.roles.includes('county'));
  const data = useFiscal(year, me.region.level === 'country' ? null : me.region.code);
  const [editing, setEditing] = useState<{
    unit: { code: string; name: string };
    current: FiscalAssessment | null;
  } | null>(null);
  const [reviewing, setReviewing] = useState<FiscalAssessment | null>(null);
  const own = data.list?.items.find((a) => a.regionCode === me.region.code) ?? null;

  const columns: TableColumnsType<FiscalAssessment> = [
    { ...dataCell, title: t('单位'), dataIndex: 'name', key: 'name', width: 120 },
    {
      title: t('拟安排地方财政资金（万元）'),
      dataIndex: 'available',
      key: 'available',
      align: 'right',
      width: 150,
    },
    {
      title: t('债务指标'),
      key: 'debt',
      width: 240,
      render: (_, a) => (
        <>
          <Data>{a.debtIndicators}</Data>
          {a.debtRatio !== null && <div>{t('债务率 {n}%', { n: a.debtRatio })}</div>}
          {a.debtBalance !== null && <div>{t('债务余额 {n} 万元', { n: a.debtBalance })}</div>}
        </>
      ),
    },
    {
      title: t('结论'),
      key: 'conclusion',
      width: 150,
      render: (_, a) => (
        <>
          {a.conclusion === 'within' ? (
            <Tag color="success">{t('在承受能力范围内')}</Tag>
          ) : (
            <Tag color="error">{t('超出承受能力')}</Tag>
          )}
          {a.conclusionNote && (
            <div>
              <Data>{a.conclusionNote}</Data>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('评估文件'),
      key: 'file',
      width: 260,
      render: (_, a) => (
        <>
          <div>
            <Data>{a.document}</Data>
          </div>
          {a.file ? (
            <a
              href={a.file.url}
              target="_blank"
              rel="noreferrer"
              id={`fiscal-file-${a.regionCode}`}
            >
              <Data>{a.file.name}</Data>
            </a>
          ) : (
            <Tag>{t('未上传文件')}</Tag>
          )}
        </>
      ),
    },
    {
      title: t('省级审核'),
      key: 'review',
      width: 200,
      render: (_, a) => (
        <>
          <Tag id={`fiscal-status-${a.regionCode}`} color={REVIEW_LABELS[a.review.status].color}>
            {t(REVIEW_LABELS[a.review.status].text)}
          </Tag>
          {a.review.reviewer && (
            <div>
              <Data>{a.review.reviewer}</Data> · {a.review.reviewedOn}
            </div>
          )}
          {a.review.remark && (
            <div>
              <Data>{a.review.remark}</Data>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('操作'),
      key: 'actions',
      width: 90,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          {a.canEdit && (
            <Button
              id={`fiscal-edit-${a.regionCode}`}
              type="link"
              size="small"
              onClick={() => setEditing({ unit: { code: a.regionCode, name: a.name }, current: a })}
            >
              {t('修改')}
            </Button>
          )}
          {a.canReview && (
            <Button
              id={`fiscal-review-${a.regionCode}`}
              type="link"
              size="small"
              onClick={() => setReviewing(a)}
            >
              {t('审核')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const missing = data.list?.units.filter((u) => !u.assessed) ?? [];
  return (
    <Space id="fiscal-page" direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('财政承受能力评估')}
        extra={<Link to={`/plans?year=${year}`}>{t('年度计划表')}</Link>}
      >
        <Space wrap>
          <span>{t('计划年度')}</span>
          <Select
            id="fiscal-year"
            aria-label={t('计划年度')}
            value={year}
            style={{ width: 120 }}
            options={planYears().map((y) => ({ value: y, label: t('{year}年', { year: y }) }))}
            onChange={(y: number) => setParams({ year: String(y) })}
          />
          {ownUnit && !own && data.list && (
            <Button
              id="fiscal-new"
              type="primary"
              onClick={() =>
                setEditing({ unit: { code: me.region.code, name: me.region.name }, current: null })
              }
            >
              {t('录入本级评估')}
            </Button>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t(
            '市、县提出年度改造计划任务前，应充分评估本地财政承受能力；省级汇总时应对评估结果严格把关（建办城〔2021〕28号）。',
          )}{' '}
          {t('有小区列入计划的市、县均须录入评估并经省级审核通过，省级方可上报。')}
        </Typography.Paragraph>
      </Card>
      {data.error && <Alert type="error" showIcon title={data.error} />}
      {data.checks.length > 0 && (
        <Card size="small" title={t('计划检查（财政承受能力）')}>
          {data.checks.map((c) => (
            <div
              key={c.id}
              id={`fiscal-check-${c.id}`}
              data-passed={String(c.passed)}
              style={{ marginBottom: 4 }}
            >
              {c.passed ? (
                <Tag color="success">{t('通过')}</Tag>
              ) : (
                <Tag color="error">{t('未通过')}</Tag>
              )}
              <strong>{t(c.title)}</strong>
              {t('：')}
              {t(c.message)}
            </div>
          ))}
        </Card>
      )}
      {missing.length > 0 && (
        <Alert
          id="fiscal-missing"
          type="warning"
          showIcon
          title={tNodes('尚未录入评估的单位（有小区列入{year}年计划）：{units}', {
            year,
            units: missing.map((u, i) => (
              <span key={u.code}>
                {i > 0 && t('、')}
                <Data>{u.name}</Data>
                {t('（{n} 个小区）', { n: u.communities })}
              </span>
            )),
          })}
        />
      )}
      <Card size="small" title={t('{year}年度评估', { year })}>
        <Table
          id="fiscal-table"
          rowKey="regionCode"
          size="small"
          loading={!data.list && !data.error}
          columns={columns}
          dataSource={data.list?.items ?? []}
          pagination={false}
          scroll={{ x: 1300 }}
        />
      </Card>
      {editing && (
        <AssessmentModal
          open
          unit={editing.unit}
          year={year}
          current={editing.current}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('评估已保存，待省级审核'));
            data.reload();
          }}
        />
      )}
      <ReviewModal
        assessment={reviewing}
        defaultReviewer={me.displayName}
        onClose={() => setReviewing(null)}
        onSaved={(a) => {
          setReviewing(null);
          void message.success(
            tNodes('已审核：{name} {status}', {
              name: <Data>{a.name}</Data>,
              status: t(REVIEW_LABELS[a.review.status].text),
            }),
          );
          data.reload();
        }}
      />
    </Space>
  );
}
