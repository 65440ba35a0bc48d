// 查看调整差异: the revision against the plan in force, by community (with each one's reason: a
// removed community needs one before the revision is submitted) and by the form's figures.
import {
  Alert,
  Button,
  Descriptions,
  Flex,
  Input,
  Modal,
  Radio,
  Spin,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import {
  getRevisionDiff,
  REVISION_REASON_LABELS,
  saveRevisionReason,
  type RevisionDiff,
  type RevisionReason,
  type RevisionReasonCode,
} from '../../../api/declarationRevisions.ts';
import type { Declaration } from '../../../api/declarations.ts';
import { useResource } from '../../../api/useResource.ts';
import { formatInteger } from '../../../components/format.ts';
import { currentLang, Data, dataCell, t } from '../../../i18n/index.ts';

type Row = { id: number; name: string; reason: RevisionReason | null };

function ReasonEditor(props: { d: Declaration; row: Row; onSaved: () => Promise<void> }) {
  const { d, row } = props;
  const [code, setCode] = useState<RevisionReasonCode | undefined>(row.reason?.code);
  const [text, setText] = useState(row.reason?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    if (!code) return;
    setError(null);
    try {
      await saveRevisionReason(d.unit.code, d.year, row.id, code, text.trim());
      await props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Flex vertical gap={4}>
      <Radio.Group
        id={`reason-code-${row.id}`}
        size="small"
        optionType="button"
        value={code}
        onChange={(e) => setCode(e.target.value as RevisionReasonCode)}
        options={Object.entries(REVISION_REASON_LABELS).map(([value, label]) => ({
          value,
          label: t(label),
        }))}
      />
      <Flex gap={4}>
        <Input
          id={`reason-text-${row.id}`}
          size="small"
          maxLength={1000}
          placeholder={code === 'other' ? t('请写明原因（必填）') : t('补充说明（可选）')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button
          id={`reason-save-${row.id}`}
          size="small"
          disabled={!code}
          onClick={() => void save()}
        >
          {t('保存')}
        </Button>
      </Flex>
      {error && <Typography.Text type="danger">{t(error)}</Typography.Text>}
    </Flex>
  );
}

function reasonText(r: RevisionReason | null) {
  if (!r) return <Typography.Text type="danger">{t('未填写原因')}</Typography.Text>;
  const zh = currentLang() === 'zh';
  return (
    <span className="revision-reason" data-code={r.code}>
      {t(r.label)}
      {r.text && (
        <>
          {zh ? '：' : ': '}
          <Data>{r.text}</Data>
        </>
      )}
      {zh ? '（' : ' ('}
      <Data>{r.unit}</Data>
      {zh ? '）' : ')'}
    </span>
  );
}

export function RevisionDiffModal(props: {
  d: Declaration;
  editable: boolean;
  open: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { d, editable, open, onClose } = props;
  // Read each time the modal opens; after a reason is saved, again in place.
  const revision = useResource(
    open ? ['declaration', d.unit.code, d.year, 'revision-diff'] : null,
    (signal) => getRevisionDiff(d.unit.code, d.year, signal),
  );
  const load = revision.reload;
  const state:
    | { status: 'loading' }
    | { status: 'ready'; diff: RevisionDiff }
    | { status: 'error'; message: string } = revision.error
    ? { status: 'error', message: revision.error.message }
    : revision.data
      ? { status: 'ready', diff: revision.data }
      : { status: 'loading' };

  const reasonColumn = (required: boolean): TableColumnsType<Row>[number] => ({
    title: required ? t('删除原因') : t('调整原因'),
    key: 'reason',
    render: (_, c) =>
      editable ? (
        <Flex vertical gap={4}>
          {(required || c.reason) && reasonText(c.reason)}
          <ReasonEditor d={d} row={c} onSaved={() => load().then(() => undefined)} />
        </Flex>
      ) : required || c.reason ? (
        reasonText(c.reason)
      ) : (
        '—'
      ),
  });
  const columns = (required: boolean): TableColumnsType<Row> => [
    {
      title: t('小区名称'),
      key: 'name',
      width: 200,
      ...dataCell,
      render: (_, c) => <Link to={`/ledger/${c.id}`}>{c.name}</Link>,
    },
    reasonColumn(required),
  ];
  const section = (id: string, title: string, rows: Row[], required: boolean) => (
    <div id={id}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {rows.length ? (
        <Table<Row>
          rowKey="id"
          size="small"
          columns={columns(required)}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10 } : false}
        />
      ) : (
        <Typography.Text type="secondary">{t('无')}</Typography.Text>
      )}
    </div>
  );

  const diff = state.status === 'ready' ? state.diff : null;
  return (
    <Modal
      open={open}
      width={1000}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      title={
        diff
          ? t('{revision}：第 {from} 版（现行）→ {to}', {
              revision: t(diff.revisionLabel ?? ''),
              from: diff.from.version,
              to: diff.to.version
                ? t('第 {n} 版', { n: diff.to.version })
                : t('当前台账（尚未上报）'),
            })
          : t('计划调整差异')
      }
    >
      {state.status === 'loading' && <Spin style={{ display: 'block', margin: 32 }} />}
      {state.status === 'error' && <Alert type="error" showIcon title={t(state.message)} />}
      {diff && (
        <Flex id="revision-diff-result" vertical gap={16}>
          <Descriptions id="revision-totals" size="small" bordered column={2}>
            <Descriptions.Item label={t('小区数')}>
              {formatInteger(diff.totals.before.communities)} →{' '}
              {formatInteger(diff.totals.after.communities)}
            </Descriptions.Item>
            <Descriptions.Item label={t('居民户数')}>
              {formatInteger(diff.totals.before.households)} →{' '}
              {formatInteger(diff.totals.after.households)}
            </Descriptions.Item>
          </Descriptions>
          {section(
            'revision-removed',
            t('删除（{n}）', { n: diff.removed.length }),
            diff.removed,
            true,
          )}
          {section('revision-added', t('新增（{n}）', { n: diff.added.length }), diff.added, false)}
          {section(
            'revision-changed',
            t('变动（{n}）', { n: diff.changed.length }),
            diff.changed,
            false,
          )}
          {diff.table && (
            <div id="revision-table">
              <Typography.Title level={5}>{t('计划表（调整前 → 调整后，合计）')}</Typography.Title>
              <Table
                rowKey={(r) => `${r.unit}|${r.label}`}
                size="small"
                pagination={false}
                dataSource={diff.table.filter((r) => r.changed)}
                columns={[
                  { title: t('地区'), dataIndex: 'unit', key: 'unit', ...dataCell },
                  {
                    title: t('类别'),
                    key: 'label',
                    render: (_: unknown, r: NonNullable<RevisionDiff['table']>[number]) =>
                      t(r.label),
                  },
                  ...(
                    [
                      ['小区数（个）', 2],
                      ['居民户数（户）', 5],
                      ['预计投资额（万元）', 14],
                    ] as const
                  ).map(([title, i]) => ({
                    title: t(title),
                    key: title,
                    render: (_: unknown, r: NonNullable<RevisionDiff['table']>[number]) =>
                      `${r.before?.[i] ?? 0} → ${r.after?.[i] ?? 0}`,
                  })),
                ]}
              />
            </div>
          )}
        </Flex>
      )}
    </Modal>
  );
}
