// 会签与审批 (建办城〔2021〕28号 三(四)；附件落款：省级住房和城乡建设部门、发展改革部门、财政部门盖章):
// the government's approval, the frozen version the three departments sign, and each department's
// confirmation of the exact hash it saw. A row is green only when it signed the current candidate.
import { AuditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../../common/roles.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  freezeForSignoff,
  signOff,
  type Declaration,
  type ProvinceSignoff,
  type Signoff,
  type SignoffRole,
} from '../../../api/declarations.ts';
import type { Me } from '../../../api/types.ts';
import { formatDateTime } from '../../../components/format.ts';
import { usePerson } from '../../../components/people.tsx';
import { ApprovalForm } from './ApprovalForm.tsx';
import { ContactForm } from './ContactForm.tsx';
import { HashText } from './HashText.tsx';
import { PlanTablePreview } from './PlanTablePreview.tsx';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { tNode } from '../serverText.tsx';

/** The department a user signs for, in the server's order (signoff.service.ts). */
export function signerRoleOf(me: Me, unitCode: string): SignoffRole | null {
  if (me.region.code !== unitCode) return null;
  const order: SignoffRole[] = ['province_ndrc', 'province_finance', 'province'];
  return order.find((r) => me.roles.includes(r as Role)) ?? null;
}

function signoffColumns(
  candidateHash: string | null,
  person: (username: string | null) => string,
): TableColumnsType<Signoff> {
  return [
    { title: t('会签部门'), key: 'label', width: 200, render: (_, s) => t(s.label) },
    {
      title: t('状态'),
      key: 'status',
      width: 130,
      render: (_, s) =>
        s.hash && s.hash === candidateHash ? (
          <Tag color="success" data-signed="current">
            {t('已会签')}
          </Tag>
        ) : s.hash ? (
          <Tag color="warning" data-signed="stale">
            {t('签于旧版本')}
          </Tag>
        ) : (
          <Tag data-signed="none">{t('未会签')}</Tag>
        ),
    },
    {
      title: t('会签人'),
      key: 'username',
      width: 120,
      ...dataCell,
      render: (_, s) => person(s.username),
    },
    {
      title: t('所签版本校验码'),
      key: 'hash',
      render: (_, s) => (s.hash ? <HashText hash={s.hash} /> : '—'),
    },
    { title: t('时间'), key: 'at', width: 180, render: (_, s) => formatDateTime(s.at) },
  ];
}

interface Props {
  d: Declaration;
  province: ProvinceSignoff;
  me: Me;
  onDone: () => Promise<void>;
}

export function SignoffPanel({ d, province, me, onDone }: Props) {
  const { message } = App.useApp();
  const person = usePerson();
  const [busy, setBusy] = useState<'freeze' | 'sign' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const self = d.side === 'self';
  const editable = d.can.edit;
  const candidate = province.candidate;
  const myRole = signerRoleOf(me, d.unit.code);
  const mine = province.signoffs.find((s) => s.role === myRole);
  const signedCurrent = !!candidate && mine?.hash === candidate.hash;

  async function freeze() {
    setBusy('freeze');
    setFailure(null);
    try {
      const { hash } = await freezeForSignoff(d.unit.code, d.year);
      void message.success(t('已生成会签版本，校验码 {hash}…', { hash: hash.slice(0, 12) }));
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setBusy(null);
      await onDone();
    }
  }

  async function sign() {
    if (!candidate) return;
    setBusy('sign');
    setFailure(null);
    try {
      // The hash on screen is the one confirmed: if the candidate moved on, the server refuses.
      await signOff(candidate.id, candidate.hash);
      void message.success(t('已会签版本 {hash}…', { hash: candidate.hash.slice(0, 12) }));
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setBusy(null);
      await onDone();
    }
  }

  return (
    <Card
      id="signoff-panel"
      size="small"
      title={
        <span>
          <AuditOutlined /> {t('会签与审批')}
        </span>
      }
    >
      <Flex vertical gap={16}>
        <section>
          <Typography.Title level={5}>{t('联系人及电话')}</Typography.Title>
          <ContactForm
            unit={d.unit.code}
            year={d.year}
            contact={province.contact}
            frozen={!!candidate}
            canEdit={editable}
            onDone={onDone}
          />
        </section>
        <section>
          <Typography.Title level={5}>{t('会签版本')}</Typography.Title>
          <Flex vertical gap={8}>
            <Flex gap={12} align="center" wrap>
              {candidate ? (
                <span id="candidate">
                  <Typography.Text>
                    {tNode('第 {version} 版，由 {person} 于 {at} 生成，校验码', {
                      version: <span id="candidate-version">{candidate.version}</span>,
                      person: <Data>{person(candidate.createdBy)}</Data>,
                      at: formatDateTime(candidate.createdAt),
                    })}{' '}
                  </Typography.Text>
                  <HashText id="candidate-hash" hash={candidate.hash} />
                </span>
              ) : (
                <Typography.Text type="secondary">{t('尚未生成会签版本')}</Typography.Text>
              )}
              {self && (
                <Button
                  id="freeze"
                  icon={<LockOutlined />}
                  loading={busy === 'freeze'}
                  disabled={!editable}
                  onClick={() => void freeze()}
                >
                  {t('生成会签版本')}
                </Button>
              )}
            </Flex>
            {candidate && !candidate.current && (
              <Alert
                id="candidate-stale"
                type="warning"
                showIcon
                title={t('生成会签版本后计划已有变动：须重新生成会签版本，并由三个部门重新会签。')}
              />
            )}
          </Flex>
        </section>
        <section>
          <Typography.Title level={5}>{t('省级人民政府同意文件')}</Typography.Title>
          <ApprovalForm
            unit={d.unit.code}
            year={d.year}
            province={province}
            canEdit={editable}
            onDone={onDone}
          />
        </section>
        <Table<Signoff>
          id="signoff-rows"
          rowKey="role"
          size="small"
          columns={signoffColumns(candidate?.hash ?? null, person)}
          dataSource={province.signoffs}
          pagination={false}
          scroll={{ x: 760 }}
        />
        {myRole && candidate && (
          <Flex vertical gap={8}>
            <Collapse
              size="small"
              defaultActiveKey={myRole === 'province' ? [] : ['table']}
              items={[
                {
                  key: 'table',
                  label: t('{year}年城镇老旧小区改造计划表（会签版本）', { year: d.year }),
                  children: <PlanTablePreview province={d.unit.code} year={d.year} />,
                },
              ]}
            />
            <Flex gap={12} align="center" wrap>
              <Button
                id="signoff-confirm"
                type="primary"
                loading={busy === 'sign'}
                // A version the plan has moved on from cannot be submitted: no use signing it.
                disabled={signedCurrent || !candidate.current}
                onClick={() => void sign()}
              >
                {signedCurrent ? t('已确认会签') : t('确认会签')}
              </Button>
              <Typography.Text type="secondary">
                {t('以{dept}名义确认校验码为 {hash}… 的版本', {
                  dept: t(mine?.label ?? ''),
                  hash: candidate.hash.slice(0, 12),
                })}
              </Typography.Text>
            </Flex>
          </Flex>
        )}
        {failure && <Alert id="signoff-error" type="error" showIcon title={failure} />}
      </Flex>
    </Card>
  );
}
