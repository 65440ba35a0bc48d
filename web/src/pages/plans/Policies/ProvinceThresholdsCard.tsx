// 各省居民同意比例: the plan year's national figure (two thirds unless the year's policy says
// otherwise) and each province's own, which holds from its year until the province sets another.
// A province's staff set their own; the national administrator any province's (issue 9 §2).
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../api/client.ts';
import {
  clearConsentThreshold,
  listConsentThresholds,
  setConsentThreshold,
  type ProvinceThreshold,
} from '../../../api/progressImports.ts';
import { useResource } from '../../../api/useResource.ts';
import { useMe } from '../../../app/auth.tsx';
import { Data, dataCell, t, tNodes } from '../../../i18n/index.ts';
import { useProvinces } from '../usePlanData.ts';

export function ProvinceThresholdsCard({ defaultYear }: { defaultYear: number }) {
  const me = useMe();
  const { message } = App.useApp();
  const national = me.roles.includes('admin') && me.region.level === 'country';
  const ownProvince = me.region.level === 'province' ? me.region.code : null;
  const canEdit =
    national ||
    (ownProvince !== null && (me.roles.includes('province') || me.roles.includes('admin')));
  const [year, setYearState] = useState(defaultYear);
  const thresholds = useResource(
    ['consent-thresholds', year],
    (signal) => listConsentThresholds(year, signal),
    // The year's figures stay on screen while another year loads.
    { keepPrevious: true },
  );
  const data = thresholds.data ?? null;
  // A failed change shows until the year changes or the list is read again.
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? thresholds.error?.message ?? null;
  const setYear = (y: number) => {
    setActionError(null);
    setYearState(y);
  };
  const reload = () => {
    setActionError(null);
    void thresholds.reload();
  };
  const allProvinces = useProvinces(national);
  const provinces: { value: string; label: ReactNode; name: string }[] = national
    ? allProvinces.map((c) => ({ value: c.code, label: <Data>{c.name}</Data>, name: c.name }))
    : ownProvince
      ? [{ value: ownProvince, label: <Data>{me.region.name}</Data>, name: me.region.name }]
      : [];
  const [form] = Form.useForm<{ province: string; percent: number }>();

  async function save() {
    const v = await form.validateFields();
    try {
      await setConsentThreshold(v.province, year, v.percent);
      void message.success(
        t('已设置{year}年度起的居民同意比例：{percent}%', { year, percent: v.percent }),
      );
      reload();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  async function clear(p: ProvinceThreshold) {
    try {
      await clearConsentThreshold(p.provinceCode, p.fromYear);
      void message.success(
        tNodes('已取消{province}{year}年度的居民同意比例', {
          province: <Data>{p.provinceName}</Data>,
          year: p.fromYear,
        }),
      );
      reload();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  }

  return (
    <Card
      id="province-thresholds"
      size="small"
      title={t('各省居民同意比例（开工前须同意的户数比例）')}
      extra={
        <Space>
          {t('计划年度')}
          <InputNumber
            id="threshold-year"
            aria-label={t('计划年度')}
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t(
            '{year}年度全国默认：{value}。省份自定的比例自设定年度起适用，直至该省另行设定；开工检查和提示均使用小区所在省份的比例。',
            {
              year,
              value: data
                ? t(data.nationalLabel) +
                  t('（{percent}%）', { percent: (data.national * 100).toFixed(2) })
                : '…',
            },
          )}
        />
        {error && <Alert type="error" showIcon title={error} />}
        <Table<ProvinceThreshold>
          id="province-thresholds-table"
          rowKey="provinceCode"
          size="small"
          pagination={false}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('各省均使用全国默认比例') }}
          columns={[
            { ...dataCell, title: t('省份'), dataIndex: 'provinceName', key: 'name' },
            {
              title: t('居民同意 %'),
              key: 'threshold',
              align: 'right',
              render: (_, p) =>
                (p.threshold * 100).toFixed(2) + t('（{label}）', { label: t(p.label) }),
            },
            { title: t('起始年度'), dataIndex: 'fromYear', key: 'fromYear' },
            { ...dataCell, title: t('设置人'), dataIndex: 'updatedBy', key: 'updatedBy' },
            ...(canEdit
              ? [
                  {
                    title: t('操作'),
                    key: 'actions',
                    render: (_: unknown, p: ProvinceThreshold) =>
                      (national || p.provinceCode === ownProvince) && (
                        <Popconfirm
                          title={tNodes('取消{province}{year}年度的比例？', {
                            province: <Data>{p.provinceName}</Data>,
                            year: p.fromYear,
                          })}
                          okText={t('确定')}
                          cancelText={t('取消')}
                          onConfirm={() => void clear(p)}
                        >
                          <Button type="link" size="small">
                            {t('取消')}
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {canEdit && (
          <Form
            form={form}
            layout="inline"
            initialValues={{ province: ownProvince ?? undefined, percent: 66.67 }}
            onFinish={() => void save().catch(() => undefined)}
          >
            <Form.Item
              label={t('省份')}
              name="province"
              rules={[{ required: true, message: t('请选择省份') }]}
            >
              <Select
                id="threshold-province"
                aria-label={t('省份')}
                style={{ width: 180 }}
                options={provinces}
                showSearch={{ optionFilterProp: 'name' }}
                disabled={!national}
              />
            </Form.Item>
            <Form.Item
              label={t('居民同意 %')}
              name="percent"
              rules={[{ required: true, message: t('请输入比例') }]}
            >
              <InputNumber
                id="threshold-percent"
                aria-label={t('居民同意 %')}
                min={0.01}
                max={100}
                precision={2}
              />
            </Form.Item>
            <Button id="threshold-save" type="primary" htmlType="submit">
              {t('设为{year}年度起的比例', { year })}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
