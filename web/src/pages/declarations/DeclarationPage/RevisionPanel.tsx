// 计划调整 (a revision of an accepted plan): the unit opens it with a reason; while it travels up, the
// accepted version stays in force. The card names the version in force and the revision under way,
// opens the diff against the plan in force, and lists every accepted version of the year.
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import {
  getAcceptedVersions,
  reviseDeclaration,
  type AcceptedVersion,
} from '../../../api/declarationRevisions.ts';
import type { Declaration } from '../../../api/declarations.ts';
import { useResource } from '../../../api/useResource.ts';
import { formatDateTime, formatInteger } from '../../../components/format.ts';
import { usePerson } from '../../../components/people.tsx';
import { Data, dataCell, t } from '../../../i18n/index.ts';
import { tNode } from '../serverText.tsx';
import { RevisionDiffModal } from './RevisionDiffModal.tsx';

/** 调整计划: only the unit itself, only once its plan is accepted. */
export function ReviseButton({ d, onDone }: { d: Declaration; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!d.can.revise) return null;

  async function revise() {
    setBusy(true);
    try {
      await reviseDeclaration(d.unit.code, d.year, reason.trim());
      void message.success(t('已开始计划调整（第{n}次）', { n: d.revision + 1 }));
      setOpen(false);
      await onDone();
    } catch (e) {
      void message.error(t(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button id="declaration-revise" icon={<EditOutlined />} onClick={() => setOpen(true)}>
        {t('调整计划')}
      </Button>
      <Modal
        open={open}
        title={t('调整{year}年度计划（计划调整（第{n}次））', { year: d.year, n: d.revision + 1 })}
        okText={t('开始调整')}
        cancelText={t('取消')}
        okButtonProps={{
          id: 'revise-confirm',
          disabled: reason.trim().length < 2,
          loading: busy,
        }}
        onOk={() => void revise()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(
            d.unit.level === 'province'
              ? '调整期间，已接收的第 {n} 版仍为现行计划，统计按其计算；调整后的计划须重新上报、审核、会签并重新录入省级人民政府同意文件，被接收后自接收之日起生效。删除的小区须逐个填写原因。'
              : '调整期间，已接收的第 {n} 版仍为现行计划，统计按其计算；调整后的计划须重新上报、审核，被接收后自接收之日起生效。删除的小区须逐个填写原因。',
            { n: d.inForce?.version ?? d.version },
          )}
        </Typography.Paragraph>
        <Input.TextArea
          id="revise-reason"
          translate="no"
          rows={3}
          maxLength={2000}
          placeholder={t('调整理由，如：部分小区不具备改造条件')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** The plan in force, the revision under way, the diff, and the accepted versions of the year. */
export function RevisionCard({ d, onDone }: { d: Declaration; onDone: () => Promise<void> }) {
  const person = usePerson();
  const [diffOpen, setDiffOpen] = useState(false);
  // Read again whenever the declaration moves on; the list stays until the new one arrives, and
  // a failure leaves it as it was.
  const history =
    useResource(
      ['declaration', d.unit.code, d.year, 'accepted', d.state, d.version, d.revision],
      async (signal) => (await getAcceptedVersions(d.unit.code, d.year, signal)).items,
      { keepPrevious: true },
    ).data ?? [];
  if (!d.inForce && d.revision === 0) return null;
  const editable = d.can.edit;

  return (
    <Card
      id="revision-card"
      title={t(d.revisionLabel ?? '现行计划')}
      extra={
        d.revision > 0 && (
          <Button id="revision-diff" onClick={() => setDiffOpen(true)}>
            {t('查看调整差异')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1}>
          {d.inForce && (
            <Descriptions.Item label={t('现行计划')}>
              <span id="in-force" data-version={d.inForce.version}>
                {t('第 {n} 版（{count} 个小区），', {
                  n: d.inForce.version,
                  count: formatInteger(d.inForce.communities),
                })}
                {tNode('{at} 由 {person} 接收', {
                  at: formatDateTime(d.inForce.acceptedAt),
                  person: <Data>{person(d.inForce.acceptedBy)}</Data>,
                })}
                {d.revision > 0 && d.state !== 'accepted' && t('；调整被接收前，统计按此版本')}
              </span>
            </Descriptions.Item>
          )}
          {d.revisionInfo && (
            <Descriptions.Item label={t('调整理由')}>
              <span id="revision-reason">
                {tNode('{reason}（{person}，{at}）', {
                  reason: <Data>{d.revisionInfo.reason}</Data>,
                  person: <Data>{person(d.revisionInfo.openedBy)}</Data>,
                  at: formatDateTime(d.revisionInfo.openedAt),
                })}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Table<AcceptedVersion>
          id="acceptance-history"
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={history}
          columns={[
            {
              title: t('版本'),
              key: 'v',
              render: (_, v) => t('第 {n} 版', { n: v.version }),
              width: 80,
            },
            { title: t('调整'), key: 'r', render: (_, v) => t(v.revisionLabel ?? '首次申报') },
            { title: t('接收时间'), key: 'at', render: (_, v) => formatDateTime(v.acceptedAt) },
            {
              title: t('接收人'),
              key: 'by',
              ...dataCell,
              render: (_, v) => person(v.acceptedBy),
            },
            {
              title: t('小区数'),
              key: 'n',
              render: (_, v) => formatInteger(v.totals.communities),
            },
            {
              title: t('变动及理由'),
              key: 'why',
              render: (_, v) =>
                v.changes ? (
                  <>
                    {t('新增 {added}、删除 {removed}、变动 {changed}；', v.changes)}
                    <Data>{v.reason ?? ''}</Data>
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Flex>
      <RevisionDiffModal
        d={d}
        editable={editable}
        open={diffOpen}
        onClose={() => setDiffOpen(false)}
        onChanged={onDone}
      />
    </Card>
  );
}
