// 审计日志 (audit administrator only, 三员分立): who did what, when, from which address, on which
// record; filtered by user, region, action and date, paged, exported as csv. Append-only and
// chained on the server (`gaizao verify` checks the chain).
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { auditCsvUrl, listAudit, type AuditItem, type AuditQuery } from '../../api/audit.ts';
import { useResource } from '../../api/useResource.ts';
import { formatDateTimeSeconds } from '../../components/format.ts';
import { dataCell, t } from '../../i18n/index.ts';
import { actionChoices, actionName, detailText } from './actions.ts';

// The user, the record acted on and the details are as recorded (data); an action is named, with
// its code beside it.
const columns = (): TableColumnsType<AuditItem> => [
  // China time, as every page shows times (the log stores UTC instants; the csv writes +08:00).
  {
    title: t('时间'),
    dataIndex: 'at',
    key: 'at',
    width: 190,
    render: (at: string) => formatDateTimeSeconds(at),
  },
  { ...dataCell, title: t('用户'), dataIndex: 'username', key: 'username', width: 120 },
  { title: t('区划'), dataIndex: 'region', key: 'region', width: 90 },
  {
    title: t('操作'),
    dataIndex: 'action',
    key: 'action',
    width: 200,
    render: (code: string) => {
      const name = actionName(code);
      return name ? (
        <span>
          {name} <Typography.Text type="secondary">{code}</Typography.Text>
        </span>
      ) : (
        code
      );
    },
  },
  { ...dataCell, title: t('对象'), dataIndex: 'target', key: 'target', width: 200 },
  { title: t('地址'), dataIndex: 'ip', key: 'ip', width: 130 },
  {
    ...dataCell,
    title: t('详情'),
    dataIndex: 'detail',
    key: 'detail',
    ellipsis: true,
    render: (detail: string | null) => detailText(detail),
  },
];

interface FilterForm {
  user?: string;
  region?: string;
  action?: string;
  range?: [{ format: (f: string) => string }, { format: (f: string) => string }] | null;
}

export function AuditPage() {
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  // The table keeps the last page on screen while the next one loads.
  const audit = useResource(['audit', query], (signal) => listAudit(query, signal), {
    keepPrevious: true,
  });
  const { data } = audit;
  const error = audit.error?.message;

  const apply = (f: FilterForm) =>
    setQuery({
      page: 1,
      pageSize: query.pageSize,
      ...(f.user ? { user: f.user.trim() } : {}),
      ...(f.region ? { region: f.region.trim() } : {}),
      ...(f.action ? { action: f.action.trim() } : {}),
      ...(f.range
        ? { from: f.range[0].format('YYYY-MM-DD'), to: f.range[1].format('YYYY-MM-DD') }
        : {}),
    });

  return (
    <Card title={t('审计日志')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form<FilterForm> layout="inline" onFinish={apply}>
          <Form.Item name="user" label={t('用户')}>
            <Input allowClear placeholder={t('用户名')} />
          </Form.Item>
          <Form.Item name="region" label={t('区划')}>
            <Input allowClear placeholder={t('6位代码')} />
          </Form.Item>
          <Form.Item name="action" label={t('操作')}>
            <AutoComplete
              allowClear
              placeholder={t('如 auth.login')}
              options={actionChoices()}
              style={{ width: 260 }}
              filterOption={(input, option) =>
                !!option && option.label.toLowerCase().includes(input.trim().toLowerCase())
              }
            />
          </Form.Item>
          <Form.Item name="range" label={t('日期（北京时间）')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询')}
          </Button>
          <Button icon={<DownloadOutlined />} href={auditCsvUrl(query)}>
            {t('导出 csv')}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
        <Table<AuditItem>
          rowKey="id"
          size="small"
          columns={columns()}
          dataSource={data?.items ?? []}
          loading={!data && !error}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showTotal: (total) => t('共 {n} 条', { n: total }),
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
        />
      </Space>
    </Card>
  );
}
