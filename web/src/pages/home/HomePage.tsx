// Home: a welcome card with the user's region and roles, then a section per role.
import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import { listCommunities } from '../../api/ledger.ts';
import { getRegion } from '../../api/regions.ts';
import { listUsers } from '../../api/users.ts';
import { hasAnyRole, useMe } from '../../app/auth.tsx';
import { regionPathName } from '../../components/regionName.ts';
import { sectionFor } from './rolePanels.ts';
import type { HomeFacts, Panel } from './rolePanels.ts';

function useHomeFacts(regionCode: string, isAdmin: boolean, seesLedger: boolean): HomeFacts {
  const [facts, setFacts] = useState<HomeFacts>({});
  useEffect(() => {
    const ctrl = new AbortController();
    getRegion(regionCode, ctrl.signal).then(
      (r) => setFacts((f) => ({ ...f, childRegions: r.children.length })),
      () => undefined,
    );
    if (seesLedger) {
      listCommunities({ page: 1, pageSize: 1 }, ctrl.signal).then(
        (p) =>
          setFacts((f) => ({
            ...f,
            ledger: {
              communities: p.total,
              households: p.totals.households,
              investment: p.totals.investment,
            },
          })),
        () => undefined,
      );
    }
    if (isAdmin) {
      listUsers({ page: 1, pageSize: 1 }, ctrl.signal).then(
        (p) => setFacts((f) => ({ ...f, userTotal: p.total })),
        () => undefined,
      );
    }
    return () => ctrl.abort();
  }, [regionCode, isAdmin, seesLedger]);
  return facts;
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

export function HomePage() {
  const me = useMe();
  const facts = useHomeFacts(
    me.region.code,
    me.roles.includes('admin'),
    hasAnyRole(me, ['county', 'city', 'province']),
  );
  const today = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'full' }).format(new Date());

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card id="welcome-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{me.displayName}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'region', label: '所属区划', children: regionPathName(me.region.path) },
            {
              key: 'roles',
              label: '角色',
              children: me.roles.map((r) => (
                <Tag key={r} color="blue">
                  {ROLE_LABELS[r]}
                </Tag>
              )),
            },
            { key: 'date', label: '今天', children: today },
          ]}
        />
      </Card>
      {me.roles.map((role) => {
        const section = sectionFor(role, facts);
        return (
          <Card key={role} title={section.title} extra={ROLE_LABELS[role]} data-role={role}>
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
