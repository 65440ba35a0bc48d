// 签收: a province's submitted plan goes to three national departments (建办城〔2021〕28号 三(四)
// 「分别报住房和城乡建设部、国家发展改革委、财政部」). Each signs for the version it received, and can
// download the form of that version; only 住房和城乡建设部 returns or accepts (ReviewerActions).
import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../../common/roles.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  signedFormUrl,
  signForReceipt,
  type Declaration,
  type ProvinceSignoff,
  type Receipt,
} from '../../../api/declarations.ts';
import type { Me } from '../../../api/types.ts';
import { RECIPIENT_ROLES } from '../../../app/menu.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { personName } from '../../../components/people.tsx';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { tNode } from '../serverText.tsx';

interface Props {
  d: Declaration;
  province: ProvinceSignoff;
  me: Me;
  onDone: () => Promise<void>;
}

export function ReceiptsCard({ d, province, me, onDone }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submitted = d.submitted;
  if (!submitted) return null;
  const receivable = d.state === 'submitted' || d.state === 'accepted';
  const myRole =
    me.region.level === 'country'
      ? RECIPIENT_ROLES.find((r) => me.roles.includes(r as Role))
      : undefined;
  const mine = province.receipts.find((r) => r.role === myRole);

  async function sign() {
    if (!submitted) return;
    setBusy(true);
    setFailure(null);
    try {
      const { receipt } = await signForReceipt(d.unit.code, d.year, submitted.version);
      void message.success(t('已签收第 {n} 版', { n: receipt.version ?? '' }));
    } catch (e) {
      setFailure(t(errorMessage(e)));
    } finally {
      setBusy(false);
      await onDone();
    }
  }

  return (
    <Card
      id="receipts"
      size="small"
      title={t('报送部委签收（第 {n} 版）', { n: submitted.version })}
    >
      <Flex vertical gap={12}>
        <Table<Receipt>
          id="receipt-rows"
          rowKey="role"
          size="small"
          pagination={false}
          dataSource={province.receipts}
          columns={[
            { title: t('部门'), key: 'label', width: 120, render: (_, r) => t(r.label) },
            {
              title: t('状态'),
              key: 'status',
              width: 100,
              render: (_, r) =>
                r.at ? (
                  <Tag color="success" data-received="yes">
                    {t('已签收')}
                  </Tag>
                ) : (
                  <Tag data-received="no">{t('未签收')}</Tag>
                ),
            },
            {
              title: t('签收人'),
              key: 'username',
              ...dataCell,
              render: (_, r) => personName(d.people, r.username),
            },
            { title: t('时间'), key: 'at', render: (_, r) => formatDateTime(r.at) },
          ]}
        />
        <Flex gap={12} align="center" wrap>
          <Button
            id="signed-form"
            icon={<DownloadOutlined />}
            href={signedFormUrl(d.unit.code, d.year, submitted.version)}
          >
            {t('下载计划表（第 {n} 版，xlsx）', { n: submitted.version })}
          </Button>
          {myRole && receivable && (
            <Button
              id="receipt-confirm"
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={busy}
              disabled={!!mine?.at}
              onClick={() => void sign()}
            >
              {mine?.at ? t('已签收') : t('签收第 {n} 版', { n: submitted.version })}
            </Button>
          )}
          {myRole && mine?.at && (
            <Typography.Text type="secondary" id="receipt-mine">
              {tNode('{dept}已于 {at} 由 {person} 签收', {
                dept: t(mine.label),
                at: formatDateTime(mine.at),
                person: <Data>{personName(d.people, mine.username)}</Data>,
              })}
            </Typography.Text>
          )}
        </Flex>
        {failure && <Alert id="receipt-error" type="error" showIcon title={failure} />}
      </Flex>
    </Card>
  );
}
