// 查看差异: the communities added, removed and changed between the last two submitted versions,
// with each changed field's old → new value in the form's units.
import { Alert, Empty, Flex, Modal, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import {
  getDeclarationDiff,
  type DeclarationDiff,
  type SnapshotCommunity,
} from '../../../api/declarations.ts';
import { useLoaded } from '../../../api/useResource.ts';
import { FIELD_LABELS, fieldValue } from '../declarationLabels.ts';
import { currentLang, dataCell, Data, t } from '../../../i18n/index.ts';

/** A field's value in the diff: names and codes as recorded are data; coded values in words. */
function FieldValue({ field, value }: { field: keyof SnapshotCommunity; value: unknown }) {
  const text = fieldValue(field, value);
  return field === 'name' ? <Data>{text}</Data> : text;
}

type Changed = DeclarationDiff['changed'][number];

const nameColumn = () => ({
  title: t('小区名称'),
  key: 'name',
  ...dataCell,
  render: (_: unknown, c: { id: number; name: string }) => (
    <Link to={`/ledger/${c.id}`}>{c.name}</Link>
  ),
});

const communityColumns = (): TableColumnsType<SnapshotCommunity> => [
  nameColumn(),
  { title: t('区划代码'), dataIndex: 'regionCode', key: 'regionCode', width: 100 },
  { title: t('建成年份'), dataIndex: 'buildYear', key: 'buildYear', width: 90 },
  { title: t('居民户数'), dataIndex: 'households', key: 'households', width: 90 },
  { title: t('楼栋数'), dataIndex: 'buildings', key: 'buildings', width: 80 },
  {
    title: t(FIELD_LABELS.floorAreaCenti),
    key: 'floorArea',
    render: (_, c) => fieldValue('floorAreaCenti', c.floorAreaCenti),
  },
  {
    title: t(FIELD_LABELS.investmentYuan),
    key: 'investment',
    render: (_, c) => fieldValue('investmentYuan', c.investmentYuan),
  },
];

const changedColumns = (): TableColumnsType<Changed> => [
  { ...nameColumn(), width: 200 },
  {
    title: t('变动'),
    key: 'fields',
    render: (_, c) => (
      <Flex vertical gap={2}>
        {c.fields.map((f) => (
          <span key={f.field} className="diff-field" data-field={f.field}>
            {t(FIELD_LABELS[f.field])}
            {currentLang() === 'zh' ? '：' : ': '}
            <Typography.Text delete type="secondary">
              <FieldValue field={f.field} value={f.old} />
            </Typography.Text>
            {' → '}
            <Typography.Text strong>
              <FieldValue field={f.field} value={f.new} />
            </Typography.Text>
          </span>
        ))}
      </Flex>
    ),
  },
];

function Section<T extends { id: number }>(props: {
  id: string;
  title: string;
  rows: T[];
  columns: TableColumnsType<T>;
}) {
  return (
    <div id={props.id}>
      <Typography.Title level={5}>{props.title}</Typography.Title>
      {props.rows.length ? (
        <Table<T>
          rowKey="id"
          size="small"
          columns={props.columns}
          dataSource={props.rows}
          pagination={props.rows.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 640 }}
        />
      ) : (
        <Typography.Text type="secondary">{t('无')}</Typography.Text>
      )}
    </div>
  );
}

export function DiffModal(props: {
  unit: string;
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const { unit, year, open, onClose } = props;
  // Read each time the modal opens.
  const state = useLoaded(open ? ['declaration', unit, year, 'diff'] : null, (signal) =>
    getDeclarationDiff(unit, year, signal),
  );
  const diff = state.status === 'ready' ? state.data : null;
  return (
    <Modal
      open={open}
      title={
        diff
          ? diff.from
            ? t('第 {from} 版 → 第 {to} 版的差异', { from: diff.from, to: diff.to })
            : t('第 {n} 版（首次上报，全部为新增）', { n: diff.to })
          : t('版本差异')
      }
      width={960}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {state.status === 'loading' && <Spin style={{ display: 'block', margin: 32 }} />}
      {state.status === 'error' && <Alert type="error" showIcon title={t(state.message)} />}
      {diff && (
        <Flex id="declaration-diff-result" vertical gap={16}>
          {!diff.added.length && !diff.removed.length && !diff.changed.length && (
            <Empty description={t('两个版本的小区清单相同')} />
          )}
          <Section
            id="diff-added"
            title={t('新增（{n}）', { n: diff.added.length })}
            rows={diff.added}
            columns={communityColumns()}
          />
          <Section
            id="diff-removed"
            title={t('删除（{n}）', { n: diff.removed.length })}
            rows={diff.removed}
            columns={communityColumns()}
          />
          <Section
            id="diff-changed"
            title={t('变动（{n}）', { n: diff.changed.length })}
            rows={diff.changed}
            columns={changedColumns()}
          />
        </Flex>
      )}
    </Modal>
  );
}
