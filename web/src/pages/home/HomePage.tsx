// Home: a welcome card with the user's region and roles, this year's progress of the region
// (live dashboard panels; the ministry's province tiles), for the city, province and ministry who
// reported last month and who is late, then a section per role.
import { Alert, Card, Col, Descriptions, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import { getHomeFigures } from '../../api/home.ts';
import { listCommunities } from '../../api/ledger.ts';
import type { Dashboard } from '../../api/progress.ts';
import { getRegion } from '../../api/regions.ts';
import { listUsers } from '../../api/users.ts';
import { useResource } from '../../api/useResource.ts';
import { hasAnyRole, useMe } from '../../app/auth.tsx';
import { LEDGER_ROLES } from '../../app/menu.tsx';
import { regionPathName } from '../../components/regionName.ts';
import { CompletenessPanel } from '../progress-reports/CompletenessPanel.tsx';
import { defaultPeriod } from '../progress-reports/reportLabels.ts';
import { Data, currentLang, periodText, t, tNodes } from '../../i18n/index.ts';
import { DashboardPanels } from '../progress/DashboardPanels.tsx';
import { formatRate, spanText } from '../progress/progressFormat.ts';
import { progressLink } from '../progress/progressSearch.ts';
import { useDashboard, type Loaded } from '../progress/useProgress.ts';
import { sectionFor } from './rolePanels.ts';
import type { HomeFacts, Panel } from './rolePanels.ts';

/** The facts the role panels show; one that cannot be read is left out (the panel shows —). */
function useHomeFacts(regionCode: string, managesUsers: boolean, seesLedger: boolean): HomeFacts {
  const one = { page: 1, pageSize: 1 };
  // The plan's figures, for the year being declared and within the user's region.
  const figures = useResource(['home', 'figures'], (signal) => getHomeFigures(signal)).data;
  const region = useResource(['regions', regionCode], (signal) => getRegion(regionCode, signal));
  const ledger = useResource(seesLedger ? ['ledger', 'list', one] : null, (signal) =>
    listCommunities(one, signal),
  ).data;
  const users = useResource(managesUsers ? ['users', 'list', one] : null, (signal) =>
    listUsers(one, signal),
  ).data;
  return {
    ...(figures && { figures }),
    ...(region.data && { childRegions: region.data.children.length }),
    ...(ledger && {
      ledger: {
        communities: ledger.total,
        households: ledger.totals.households,
        investment: ledger.totals.investment,
      },
    }),
    ...(users && { userTotal: users.total }),
  };
}

function PanelCard({ panel }: { panel: Panel }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={panel.title}
        value={panel.value ?? '—'}
        suffix={panel.value === undefined ? undefined : panel.suffix}
      />
      {panel.note && <Typography.Text type="secondary">{panel.note}</Typography.Text>}
    </Card>
  );
}

/** This year's progress of the user's region, live (issue 5): for every role that reads the ledger. */
function ProgressSection({ year, dashboard }: { year: number; dashboard: Loaded<Dashboard> }) {
  const title = t('本年进展（{year}年）', { year });
  if (dashboard.status === 'error')
    return <Alert type="warning" showIcon title={title} description={dashboard.message} />;
  if (dashboard.status !== 'ready')
    return (
      <Card title={title}>
        <Spin />
      </Card>
    );
  const d = dashboard.data;
  return (
    <Card
      id="home-progress"
      title={
        <>
          {tNodes('本年进展（{scope}，{span}）', {
            scope: <Data>{d.scope.name}</Data>,
            span: spanText(d.year, d.month),
          })}
        </>
      }
      extra={<Link to={progressLink(d.scope.code, d.year)}>{t('进展统计')}</Link>}
    >
      <DashboardPanels data={d} linkFor={(code) => progressLink(code, d.year, d.month)} />
    </Card>
  );
}

/** The roles that chase the units below them for their monthly reports (server: canRemind). */
const CHASING_ROLES = ['city', 'province', 'ministry'] as const;

/** 报送情况 of the month being reported (the last complete one), in its own year's plan. */
function ReportingSection({ unit }: { unit: string }) {
  const period = defaultPeriod();
  return (
    <CompletenessPanel
      unit={unit}
      year={Number(period.slice(0, 4))}
      period={period}
      title={t('下级单位{period}月报报送情况', { period: periodText(period) })}
    />
  );
}

export function HomePage() {
  const me = useMe();
  const seesProgress = hasAnyRole(me, LEDGER_ROLES);
  const year = new Date().getFullYear();
  const progress = useDashboard({ year }, seesProgress);
  const facts = {
    ...useHomeFacts(
      me.region.code,
      me.roles.includes('security_admin'),
      hasAnyRole(me, ['county', 'city', 'province']),
    ),
    ...(progress.status === 'ready' && {
      progress: {
        startRate: formatRate(progress.data.totals.startRateByCommunities),
        completed: progress.data.totals.completedCommunities,
      },
    }),
  };
  const today = new Intl.DateTimeFormat(currentLang() === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'full',
  }).format(new Date());

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card id="welcome-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('您好，')}
          <Data>{me.displayName}</Data>
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'region',
              label: t('所属区划'),
              children: <Data>{regionPathName(me.region.path)}</Data>,
            },
            {
              key: 'roles',
              label: t('角色'),
              children: me.roles.map((r) => (
                <Tag key={r} color="blue">
                  {t(ROLE_LABELS[r])}
                </Tag>
              )),
            },
            { key: 'date', label: t('今天'), children: today },
          ]}
        />
      </Card>
      {seesProgress && <ProgressSection year={year} dashboard={progress} />}
      {hasAnyRole(me, CHASING_ROLES) && me.region.level !== 'county' && (
        <ReportingSection unit={me.region.code} />
      )}
      {me.roles.map((role) => {
        const section = sectionFor(role, facts);
        return (
          <Card key={role} title={section.title} extra={t(ROLE_LABELS[role])} data-role={role}>
            <Row gutter={[16, 16]}>
              {section.panels.map((panel) => (
                <Col key={panel.title} xs={24} sm={12} lg={8}>
                  <PanelCard panel={panel} />
                </Col>
              ))}
            </Row>
          </Card>
        );
      })}
    </Space>
  );
}
