// Every field of a community, in the template's words and order.
import { Descriptions, Grid, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { CommunityDetail } from '../../../api/ledgerTypes.ts';
import { formatDecimal, formatInteger, formatWan } from '../../../components/format.ts';
import { Data, t } from '../../../i18n/index.ts';
import { dateTimeText } from '../dateTimeText.ts';
import { bucketLabel } from '../ledgerLabels.ts';

const COLUMNS = { xs: 1, md: 2, xl: 3 };
const FULL_ROW = COLUMNS;
const dash = (text: string) => (text.trim() ? <Data>{text}</Data> : '—');

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
                <Tag>{t(m[1]!)}</Tag>
                <Data>{m[2]}</Data>
              </>
            ) : (
              <Data>{p}</Data>
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
    {
      key: 'region',
      label: t('区县'),
      children: (
        <>
          <Data>{c.regionName}</Data>（{c.regionCode}）
        </>
      ),
    },
    { key: 'street', label: t('街道'), children: dash(c.street) },
    { key: 'address', label: t('详细地址'), children: dash(c.address) },
    {
      key: 'buildYear',
      label: t('建成年份'),
      children: (
        <>
          {t('{year}年', { year: c.buildYear })}{' '}
          <Typography.Text type="secondary">
            （{bucketLabel(c.yearBucket, c.cutoffYear)}）
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'areaClass',
      label: t('类别'),
      children: (
        <>
          {t(c.areaClassLabel)}
          {!c.areaClassEntered && (
            <Typography.Text type="secondary">{t('（未填，按区县类型确定）')}</Typography.Text>
          )}
        </>
      ),
    },
    { key: 'planYear', label: t('计划年度'), children: t('{year}年度', { year: c.planYear }) },
    {
      key: 'buildings',
      label: t('楼栋数'),
      children: t('{n} 栋', { n: formatInteger(c.buildings) }),
    },
    {
      key: 'households',
      label: t('居民户数'),
      children: t('{n} 户', { n: formatInteger(c.households) }),
    },
    {
      key: 'floorArea',
      label: t('住宅建筑面积（平方米）'),
      children: formatDecimal(c.floorArea),
    },
    { key: 'investment', label: t('预计投资额（万元）'), children: formatWan(c.investment) },
    { key: 'ownership', label: t('产权性质'), children: dash(c.ownership) },
    { key: 'housingType', label: t('住房类型'), children: dash(c.housingType) },
    { key: 'exclusion', label: t('是否拟征收或拆除新建'), children: t(c.exclusionLabel) },
    {
      key: 'subsidyYears',
      label: t('已纳入中央补助年度'),
      children: c.subsidyYears.length ? c.subsidyYears.join(t('、')) : '—',
    },
    {
      key: 'location',
      label: t('经纬度'),
      children: c.lng && c.lat ? `${c.lng}, ${c.lat}` : '—',
    },
    {
      key: 'content',
      label: t('改造内容'),
      span: FULL_ROW,
      children: <Content text={c.content} />,
    },
    {
      key: 'notes',
      label: t('备注'),
      span: FULL_ROW,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(c.notes)}</span>,
    },
    {
      key: 'version',
      label: t('版本'),
      span: FULL_ROW,
      children: t('第 {version} 版，最后修改于 {at}', {
        version: c.version,
        at: dateTimeText(c.updatedAt),
      }),
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
