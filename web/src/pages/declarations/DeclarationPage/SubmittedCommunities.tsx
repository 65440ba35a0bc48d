// The communities of the version under review, as submitted (issue 13 §12): the reviewer reads the
// list itself, not only the totals, before accepting or returning; the diff shows what changed.
import { Alert, Card, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  getSubmittedVersion,
  type Declaration,
  type SnapshotCommunity,
} from '../../../api/declarations.ts';
import { useResource } from '../../../api/useResource.ts';
import { formatInteger } from '../../../components/format.ts';
import { dataCell, t } from '../../../i18n/index.ts';

const columns = (): TableColumnsType<SnapshotCommunity> => [
  { title: t('小区名称'), dataIndex: 'name', key: 'name', ...dataCell },
  {
    title: t('建成年份'),
    dataIndex: 'buildYear',
    key: 'buildYear',
    width: 90,
    align: 'end',
  },
  {
    title: t('楼栋数（栋）'),
    key: 'buildings',
    width: 110,
    align: 'end',
    render: (_, c) => formatInteger(c.buildings),
  },
  {
    title: t('居民户数（户）'),
    key: 'households',
    width: 120,
    align: 'end',
    render: (_, c) => formatInteger(c.households),
  },
];

type State =
  | { status: 'loading' }
  | { status: 'ready'; communities: SnapshotCommunity[] }
  | { status: 'failed'; message: string };

/** Shown to the reviewer (the level above) once a version has been submitted. */
export function SubmittedCommunities({ d }: { d: Declaration }) {
  const version = d.side === 'above' ? d.submitted?.version : undefined;
  const submitted = useResource(
    version ? ['declaration', d.unit.code, d.year, 'submitted', version] : null,
    (signal) => getSubmittedVersion(d.unit.code, d.year, version!, signal),
  );
  const state: State = submitted.error
    ? { status: 'failed', message: submitted.error.message }
    : submitted.data
      ? { status: 'ready', communities: submitted.data.content.communities }
      : { status: 'loading' };
  if (!version) return null;
  return (
    <Card
      id="submitted-communities"
      size="small"
      title={t('上报的小区（第 {n} 版）', { n: version })}
    >
      {state.status === 'failed' ? (
        <Alert type="error" showIcon title={t(state.message)} />
      ) : (
        <Table<SnapshotCommunity>
          rowKey="id"
          size="small"
          loading={state.status === 'loading'}
          columns={columns()}
          dataSource={state.status === 'ready' ? state.communities : []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
    </Card>
  );
}
