// 绿色社区创建: per city and year, urban communities (社区) in total, taking part, and meeting the
// requirements, against 建办城〔2021〕28号 二(二): 到2021年底，25%以上的城市社区…达到创建要求.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { FiveYearView, GreenCity } from '../../api/fiveYear.ts';
import { Data, dataCell, t } from '../../i18n/index.ts';
import { Chart } from './Chart.tsx';
import { greenOption } from './chartOptions.ts';
import { GreenFormModal, type GreenEdit } from './GreenFormModal.tsx';
import { num, pct } from './ProgressSection.tsx';
import { formatDateTime } from '../../components/format.ts';

const goalTag = (meets: boolean, urban: number) =>
  urban === 0 ? (
    <Tag>—</Tag>
  ) : meets ? (
    <Tag color="green">{t('达到')}</Tag>
  ) : (
    <Tag color="red">{t('未达到')}</Tag>
  );

function columns(
  goal: number,
  editable: Set<string>,
  onEdit: (c: GreenCity) => void,
): TableColumnsType<GreenCity> {
  return [
    { ...dataCell, title: t('城市'), dataIndex: 'name', key: 'name', width: 140 },
    { title: t('年度'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('城市社区（个）'),
      key: 'u',
      align: 'right',
      render: (_, c) => num(c.urbanCommunities),
    },
    { title: t('参与创建'), key: 'p', align: 'right', render: (_, c) => num(c.participating) },
    {
      title: t('参与占比'),
      key: 'pp',
      align: 'right',
      render: (_, c) => pct(c.participatingPercent),
    },
    { title: t('达到创建要求'), key: 'm', align: 'right', render: (_, c) => num(c.meeting) },
    { title: t('达标占比'), key: 'mp', align: 'right', render: (_, c) => pct(c.meetingPercent) },
    {
      title: t('{goal}%目标', { goal }),
      key: 'g',
      render: (_, c) => goalTag(c.meetsGoal, c.urbanCommunities),
    },
    {
      title: t('依据 / 填报'),
      key: 'source',
      ellipsis: { showTitle: false },
      render: (_, c) => (
        <Tooltip
          title={
            <>
              <Data>{c.updatedBy ?? ''}</Data> {formatDateTime(c.updatedAt)}
            </>
          }
        >
          {c.source ? <Data>{c.source}</Data> : <Tag>{t('未填写')}</Tag>}
        </Tooltip>
      ),
    },
    {
      title: t('操作'),
      key: 'edit',
      width: 80,
      render: (_, c) =>
        editable.has(c.code) && (
          <Button
            type="link"
            size="small"
            id={`five-year-green-${c.code}-${c.year}`}
            onClick={() => onEdit(c)}
          >
            {t('修改')}
          </Button>
        ),
    },
  ];
}

export function GreenSection({ view, onSaved }: { view: FiveYearView; onSaved: () => void }) {
  const g = view.green;
  const [editing, setEditing] = useState<GreenEdit | null>(null);
  const editable = new Set(g.editableCities.map((c) => c.code));
  const first = g.years.find((y) => y.year === g.goal.year);
  return (
    <Card
      title={t('绿色社区创建')}
      extra={
        g.editableCities.length > 0 && (
          <Button
            id="five-year-green-add"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ code: g.editableCities[0]!.code, year: g.goal.year })}
          >
            {t('填报')}
          </Button>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(g.goal.source)}
        description={
          first && first.citiesReporting > 0
            ? t(
                first.meetsGoal
                  ? '{year}年底：已填报 {reporting}/{cities} 个城市，合计城市社区 {urban} 个，达到创建要求 {meeting} 个，占 {pct}（达到目标，按确切数字判断）。'
                  : '{year}年底：已填报 {reporting}/{cities} 个城市，合计城市社区 {urban} 个，达到创建要求 {meeting} 个，占 {pct}（未达到目标，按确切数字判断）。',
                {
                  year: g.goal.year,
                  reporting: first.citiesReporting,
                  cities: g.citiesInScope,
                  urban: num(first.urbanCommunities),
                  meeting: num(first.meeting),
                  pct: pct(first.meetingPercent),
                },
              )
            : t('本地区 {cities} 个城市尚未填报{year}年的绿色社区创建情况。', {
                cities: g.citiesInScope,
                year: g.goal.year,
              })
        }
      />
      {g.cities.length === 0 ? (
        <Empty description={t('尚无绿色社区创建数据')} />
      ) : (
        <>
          <Chart
            id="five-year-green-chart"
            label={t('各市达到绿色社区创建要求的社区占比')}
            describedBy="five-year-green"
            option={greenOption(view)}
          />
          <Table<GreenCity>
            id="five-year-green"
            rowKey={(c) => `${c.code}/${c.year}`}
            size="small"
            bordered
            columns={columns(g.goal.percent, editable, (c) =>
              setEditing({ code: c.code, year: c.year }),
            )}
            dataSource={g.cities}
            pagination={g.cities.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 1100 }}
            style={{ marginTop: 16 }}
            summary={() =>
              new Set(g.cities.map((c) => c.code)).size > 1 && (
                <Table.Summary>
                  {g.years
                    .filter((y) => y.citiesReporting > 0)
                    .map((y) => (
                      <Table.Summary.Row key={y.year}>
                        <Table.Summary.Cell index={0}>
                          {t('合计（{n}市）', { n: y.citiesReporting })}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1}>{y.year}</Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {num(y.urbanCommunities)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {num(y.participating)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {pct(y.participatingPercent)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} align="right">
                          {num(y.meeting)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={6} align="right">
                          {pct(y.meetingPercent)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={7}>
                          {goalTag(y.meetsGoal, y.urbanCommunities)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={8} colSpan={2} />
                      </Table.Summary.Row>
                    ))}
                </Table.Summary>
              )
            }
          />
        </>
      )}
      <GreenFormModal
        edit={editing}
        cities={g.editableCities}
        rows={g.cities}
        years={view.years.map((y) => y.year)}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onSaved();
        }}
      />
    </Card>
  );
}
