// The community form, for 新增 and 编辑 alike. Client checks mirror the server's; the server's
// answers go next to the same fields; a stale save shows what changed meanwhile.
import { SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { FormRule } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { createCommunity, staleSaveOf, updateCommunity } from '../../../api/ledger.ts';
import type { CommunityDetail, StaleSave } from '../../../api/ledgerTypes.ts';
import { applyServerErrors } from '../../../components/serverErrors.ts';
import { currentLang, Data, t, tNodes, tServer } from '../../../i18n/index.ts';
import { AREA_CLASS_LABELS } from '../ledgerLabels.ts';
import { ConflictAlert } from './ConflictAlert.tsx';
import {
  checks,
  editsOf,
  emptyValues,
  FIELD_OF_HEADER,
  FIELDS,
  inputOf,
  LABELS,
  updateOf,
  valuesOf,
} from './communityForm.ts';
import type { CommunityValues } from './communityForm.ts';
import { LedgerUnitSelect } from './LedgerUnitSelect.tsx';
import { PositionFields } from './PositionFields.tsx';

const OWNERSHIPS = ['房改房', '单位自管房', '国有企事业单位', '军队', '公房', '商品房'];
const areaClassOptions = () => [
  { value: '', label: t('不填（按区县类型确定）') },
  ...(['city', 'county_seat'] as const).map((v) => ({ value: v, label: t(AREA_CLASS_LABELS[v]) })),
];

function rule(field: keyof typeof checks): FormRule {
  return {
    validator: (_r, v: string | undefined) => {
      const problem = checks[field]!(v ?? '', new Date());
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

interface Props {
  /** The record being edited; null to add one. */
  base: CommunityDetail | null;
  /** Loads the current version (after a conflict) and hands it back as the new base. */
  onReload?: () => Promise<CommunityDetail | undefined>;
}

export function CommunityForm({ base, onReload }: Props) {
  const [form] = Form.useForm<CommunityValues>();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  // What the user typed is not dropped by a click elsewhere: leaving the form with changes not
  // saved asks first (another page of the app), or lets the browser ask (reload, close).
  const dirty = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void modal
      .confirm({
        title: t('离开此页？'),
        content: t('本页有未保存的修改，离开后将丢失。'),
        okText: t('离开'),
        cancelText: t('留在此页'),
      })
      .then(
        (leave) => (leave ? blocker.proceed() : blocker.reset()),
        () => blocker.reset(),
      );
  }, [blocker, modal]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const [failure, setFailure] = useState<{ title: string; rest: string[] } | null>(null);
  const [conflict, setConflict] = useState<{ message: string; stale: StaleSave } | null>(null);
  const [reloading, setReloading] = useState(false);
  const [unsaved, setUnsaved] = useState<ReturnType<typeof editsOf>>([]);

  // A freshly loaded record (after 重新加载) replaces what the form shows.
  useEffect(() => {
    if (!base) return;
    form.setFieldsValue(valuesOf(base));
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
  }, [base, form]);

  async function submit(values: CommunityValues) {
    setSaving(true);
    setFailure(null);
    setConflict(null);
    try {
      const saved = base
        ? await updateCommunity(base.id, updateOf(values, base))
        : await createCommunity(inputOf(values));
      void message.success(
        base
          ? tNodes(t('已保存“{name}”'), {}, { name: saved.name })
          : tNodes(t('已新增小区“{name}”'), {}, { name: saved.name }),
      );
      dirty.current = false;
      void navigate(`/ledger/${saved.id}`);
    } catch (e) {
      const stale = staleSaveOf(e);
      if (stale) {
        // As the server wrote it: ConflictAlert marks the person in it as data (tServer).
        setConflict({ message: e instanceof ApiError ? e.sent : errorMessage(e), stale });
        return;
      }
      const rest = applyServerErrors(form, e, FIELDS, FIELD_OF_HEADER);
      const allOnFields = e instanceof ApiError && e.code === 'VALIDATION' && rest.length === 0;
      setFailure({
        title: allOnFields ? '保存失败：请按提示修改标红的栏目' : errorMessage(e),
        rest,
      });
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    if (!base || !onReload) return;
    const mine = editsOf(form.getFieldsValue(true) as CommunityValues, valuesOf(base));
    setReloading(true);
    const latest = await onReload();
    setReloading(false);
    if (!latest) return;
    setConflict(null);
    setUnsaved(mine);
  }

  const item = (field: keyof CommunityValues, id: string) => ({
    name: field,
    label: t(LABELS[field]),
    htmlFor: id,
  });

  return (
    <Form<CommunityValues>
      form={form}
      layout="vertical"
      autoComplete="off"
      initialValues={base ? valuesOf(base) : emptyValues(new Date())}
      onFinish={(v) => void submit(v)}
      onValuesChange={() => {
        dirty.current = true;
      }}
      scrollToFirstError
    >
      {(conflict || unsaved.length > 0 || failure) && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {conflict && (
            <ConflictAlert
              message={conflict.message}
              stale={conflict.stale}
              reloading={reloading}
              onReload={() => void reload()}
            />
          )}
          {unsaved.length > 0 && !conflict && (
            <Alert
              id="community-unsaved"
              type="info"
              showIcon
              closable={{ onClose: () => setUnsaved([]) }}
              title={t(
                '已载入最新的第 {version} 版。您刚才填写、尚未保存的内容如下，请核对后重新填写：',
                { version: base?.version ?? '' },
              )}
              description={unsaved.map((u, i) => (
                <span key={u.field}>
                  {i > 0 && t('；')}
                  {t('{field}：', { field: t(LABELS[u.field]) })}
                  {u.value ? <Data>{u.value}</Data> : t('（空）')}
                </span>
              ))}
            />
          )}
          {failure && (
            <Alert
              id="community-error"
              type="error"
              showIcon
              title={tServer(failure.title)}
              description={failure.rest.length ? failure.rest.join(t('；')) : undefined}
            />
          )}
        </Flex>
      )}

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('基本信息')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            {...item('regionCode', 'community-region')}
            rules={[{ required: true, message: t('请选择区县') }]}
          >
            <LedgerUnitSelect id="community-region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item {...item('street', 'community-street')}>
            <Input id="community-street" maxLength={100} placeholder={t('街道办事处或镇')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item {...item('name', 'community-name')} required rules={[rule('name')]}>
            <Input id="community-name" maxLength={100} showCount />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={16}>
          <Form.Item {...item('address', 'community-address')}>
            <Input id="community-address" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item {...item('ownership', 'community-ownership')}>
            <AutoComplete
              id="community-ownership"
              // The ownership is data, typed or picked from the template's usual words.
              options={OWNERSHIPS.map((value) => ({
                value,
                label: <Data>{value}</Data>,
                title: currentLang() === 'zh' ? value : '',
              }))}
              labelRender={({ value }) => <Data>{String(value ?? '')}</Data>}
              placeholder={t('如 房改房、单位自管房')}
              maxLength={60}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('建成年代与规模')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={12} md={8} xl={4}>
          <Form.Item
            {...item('buildYear', 'community-build-year')}
            required
            rules={[rule('buildYear')]}
            tooltip={t('任何建成年份均可登记；能否列入某年度计划，由该年度政策在计划检查中确定')}
          >
            <Input id="community-build-year" inputMode="numeric" maxLength={6} suffix={t('年')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Form.Item {...item('areaClass', 'community-area-class')}>
            <Select id="community-area-class" options={areaClassOptions()} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Form.Item
            {...item('planYear', 'community-plan-year')}
            required
            rules={[rule('planYear')]}
          >
            <Input id="community-plan-year" inputMode="numeric" maxLength={6} suffix={t('年度')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Form.Item
            {...item('buildings', 'community-buildings')}
            required
            rules={[rule('buildings')]}
          >
            <Input id="community-buildings" inputMode="numeric" maxLength={12} suffix={t('栋')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Form.Item
            {...item('households', 'community-households')}
            required
            rules={[rule('households')]}
          >
            <Input id="community-households" inputMode="numeric" maxLength={12} suffix={t('户')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            {...item('floorArea', 'community-floor-area')}
            required
            rules={[rule('floorArea')]}
            extra={t('大于0，最多2位小数')}
          >
            <Input
              id="community-floor-area"
              inputMode="decimal"
              maxLength={20}
              suffix={t('平方米')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            {...item('investment', 'community-investment')}
            required
            rules={[rule('investment')]}
            extra={t('不小于0，最多4位小数')}
          >
            <Input
              id="community-investment"
              inputMode="decimal"
              maxLength={20}
              suffix={t('万元')}
            />
          </Form.Item>
        </Col>
      </Row>

      <PositionFields />

      <Typography.Title level={5}>{t('改造内容与备注')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Form.Item
            {...item('content', 'community-content')}
            extra={t('可分类填写：基础类：…；完善类：…；提升类：…')}
          >
            <Input.TextArea
              id="community-content"
              translate="no"
              rows={4}
              maxLength={2000}
              showCount
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item {...item('notes', 'community-notes')}>
            <Input.TextArea
              id="community-notes"
              translate="no"
              rows={4}
              maxLength={2000}
              showCount
            />
          </Form.Item>
        </Col>
      </Row>

      <Space>
        <Button
          id="community-submit"
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={saving}
        >
          {t('保存')}
        </Button>
        <Button onClick={() => void navigate(base ? `/ledger/${base.id}` : '/ledger')}>
          {t('取消')}
        </Button>
      </Space>
    </Form>
  );
}
