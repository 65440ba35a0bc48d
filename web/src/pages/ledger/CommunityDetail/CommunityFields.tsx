// Every field of a community, in the template's words and order.
import { Descriptions, Grid, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { CommunityDetail } from '../../../api/ledgerTypes.ts';
import {
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatWan,
} from '../../../components/format.ts';
import { bucketLabel } from '../ledgerLabels.ts';

const COLUMNS = { xs: 1, md: 2, xl: 3 };
const FULL_ROW = COLUMNS;
const dash = (text: string) => text.trim() || '—';

/** 改造内容 with its categories (基础类：… ；完善类：…) one to a line. */
function Content({ text }: { text: string }) {
  const parts = text.split(/[；;]\s*(?=(?:基础类|完善类|提升类)[：:])/).filter((p) => p.trim());
  if (!parts.length) return <>—</>;
  return (
    <>
      {parts.map((p) => {
        const m = /^(基础类|完善类|提升类)[：:](.*)$/s.exec(p.trim());
        return (
          <div key={p}>
            {m ? (
              <>
                <Tag>{m[1]}</Tag>
                {m[2]}
              </>
            ) : (
              p
            )}
          </div>
        );
      })}
    </>
  );
}

export function CommunityFields({ c }: { c: CommunityDetail }) {
  const phone = Grid.useBreakpoint().md === false;
  const items: DescriptionsProps['items'] = [
    { key: 'region', label: '区县', children: `${c.regionName}（${c.regionCode}）` },
    { key: 'street', label: '街道', children: dash(c.street) },
    { key: 'address', label: '详细地址', children: dash(c.address) },
    {
      key: 'buildYear',
      label: '建成年份',
      children: (
        <>
          {c.buildYear}年{' '}
          <Typography.Text type="secondary">
            （{bucketLabel(c.yearBucket, c.cutoffYear)}）
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'areaClass',
      label: '类别',
      children: (
        <>
          {c.areaClassLabel}
          {!c.areaClassEntered && (
            <Typography.Text type="secondary">（未填，按区县类型确定）</Typography.Text>
          )}
        </>
      ),
    },
    { key: 'planYear', label: '计划年度', children: `${c.planYear}年度` },
    { key: 'buildings', label: '楼栋数', children: `${formatInteger(c.buildings)} 栋` },
    { key: 'households', label: '居民户数', children: `${formatInteger(c.households)} 户` },
    {
      key: 'floorArea',
      label: '住宅建筑面积（平方米）',
      children: formatDecimal(c.floorArea),
    },
    { key: 'investment', label: '预计投资额（万元）', children: formatWan(c.investment) },
    { key: 'ownership', label: '产权性质', children: dash(c.ownership) },
    { key: 'housingType', label: '住房类型', children: dash(c.housingType) },
    { key: 'exclusion', label: '是否拟征收或拆除新建', children: c.exclusionLabel },
    {
      key: 'subsidyYears',
      label: '已纳入中央补助年度',
      children: c.subsidyYears.length ? c.subsidyYears.join('、') : '—',
    },
    {
      key: 'location',
      label: '经纬度',
      children: c.lng && c.lat ? `${c.lng}, ${c.lat}` : '—',
    },
    { key: 'content', label: '改造内容', span: FULL_ROW, children: <Content text={c.content} /> },
    {
      key: 'notes',
      label: '备注',
      span: FULL_ROW,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(c.notes)}</span>,
    },
    {
      key: 'version',
      label: '版本',
      span: FULL_ROW,
      children: `第 ${c.version} 版，最后修改于 ${formatDateTime(c.updatedAt)}`,
    },
  ];
  return (
    <Descriptions
      id="community-fields"
      bordered
      size="small"
      column={COLUMNS}
      styles={{ label: { width: phone ? 96 : 168 } }}
      items={items}
    />
  );
}
