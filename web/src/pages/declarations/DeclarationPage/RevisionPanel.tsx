// 计划调整 (a revision of an accepted plan): the unit opens it with a reason; while it travels up, the
// accepted version stays in force. The card names the version in force and the revision under way,
// opens the diff against the plan in force, and lists every accepted version of the year.
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import {
  getAcceptedVersions,
  reviseDeclaration,
  type AcceptedVersion,
} from '../../../api/declarationRevisions.ts';
import type { Declaration } from '../../../api/declarations.ts';
import { formatDateTime, formatInteger } from '../../../components/format.ts';
import { usePerson } from '../../../components/people.tsx';
import { RevisionDiffModal } from './RevisionDiffModal.tsx';

/** 调整计划: only the unit itself, only once its plan is accepted. */
export function ReviseButton({ d, onDone }: { d: Declaration; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (d.side !== 'self' || d.state !== 'accepted') return null;

  async function revise() {
    setBusy(true);
    try {
      await reviseDeclaration(d.unit.code, d.year, reason.trim());
      void message.success(`已开始计划调整（第${d.revision + 1}次）`);
      setOpen(false);
      await onDone();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button id="declaration-revise" icon={<EditOutlined />} onClick={() => setOpen(true)}>
        调整计划
      </Button>
      <Modal
        open={open}
        title={`调整${d.year}年度计划（计划调整（第${d.revision + 1}次））`}
        okText="开始调整"
        cancelText="取消"
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
          调整期间，已接收的第 {d.inForce?.version ?? d.version}{' '}
          版仍为现行计划，统计按其计算；调整后的计划须重新上报、审核
          {d.unit.level === 'province' ? '、会签并重新录入省级人民政府同意文件' : ''}
          ，被接收后自接收之日起生效。删除的小区须逐个填写原因。
        </Typography.Paragraph>
        <Input.TextArea
          id="revise-reason"
          rows={3}
          maxLength={2000}
          placeholder="调整理由，如：部分小区不具备改造条件"
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
  const [history, setHistory] = useState<AcceptedVersion[]>([]);
  const key = `${d.state}/${d.version}/${d.revision}`;
  useEffect(() => {
    const ctrl = new AbortController();
    getAcceptedVersions(d.unit.code, d.year, ctrl.signal).then(
      (r) => setHistory(r.items),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [d.unit.code, d.year, key]);
  if (!d.inForce && d.revision === 0) return null;
  const editable = d.side === 'self' && (d.state === 'draft' || d.state === 'returned');

  return (
    <Card
      id="revision-card"
      title={d.revisionLabel ?? '现行计划'}
      extra={
        d.revision > 0 && (
          <Button id="revision-diff" onClick={() => setDiffOpen(true)}>
            查看调整差异
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1}>
          {d.inForce && (
            <Descriptions.Item label="现行计划">
              <span id="in-force" data-version={d.inForce.version}>
                第 {d.inForce.version} 版（{formatInteger(d.inForce.communities)} 个小区），
                {formatDateTime(d.inForce.acceptedAt)} 由 {person(d.inForce.acceptedBy)} 接收
                {d.revision > 0 && d.state !== 'accepted' && '；调整被接收前，统计按此版本'}
              </span>
            </Descriptions.Item>
          )}
          {d.revisionInfo && (
            <Descriptions.Item label="调整理由">
              <span id="revision-reason">
                {d.revisionInfo.reason}（{person(d.revisionInfo.openedBy)}，
                {formatDateTime(d.revisionInfo.openedAt)}）
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
            { title: '版本', key: 'v', render: (_, v) => `第 ${v.version} 版`, width: 80 },
            { title: '调整', key: 'r', render: (_, v) => v.revisionLabel ?? '首次申报' },
            { title: '接收时间', key: 'at', render: (_, v) => formatDateTime(v.acceptedAt) },
            { title: '接收人', key: 'by', render: (_, v) => person(v.acceptedBy) },
            { title: '小区数', key: 'n', render: (_, v) => formatInteger(v.totals.communities) },
            {
              title: '变动及理由',
              key: 'why',
              render: (_, v) =>
                v.changes
                  ? `新增 ${v.changes.added}、删除 ${v.changes.removed}、变动 ${v.changes.changed}；${v.reason ?? ''}`
                  : '—',
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
