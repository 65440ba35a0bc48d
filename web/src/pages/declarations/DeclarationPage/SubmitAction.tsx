// 上报: the unit freezes its plan as a new version. The server refuses with the reasons — units
// below not yet accepted, blocking checks, warnings without a justification, and for a province the
// missing approval or sign-offs — and each is listed by name, so the user knows what to do next.
// The units below that hold the submission back are shown before the user tries.
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { submitDeclaration, type Declaration } from '../../../api/declarations.ts';
import { currentLang, Data, t } from '../../../i18n/index.ts';
import { declarationPath } from '../declarationLabels.ts';
import { serverText, tNode, type ServerTemplate } from '../serverText.tsx';
import { CHECK_TEXTS } from './ChecksCard.tsx';

/** The refusals whose text names units or communities (declarations.service, revisions.service). */
const REFUSALS: ServerTemplate[] = [
  { zh: '下级单位的年度计划尚未全部接收，不能上报：{names}', data: ['names'] },
  {
    zh: '{name}：{n} 个小区列入计划，申报状态为“{state}”，尚未接收',
    data: ['name'],
  },
  {
    zh: '以下 {n} 个小区从现行计划（第 {version} 版）中删除，须填写删除原因：{names}',
    data: ['names'],
  },
  { zh: '{name}：请选择删除原因', data: ['name'] },
  { zh: '有不能通过的检查，不能上报：{titles}', data: [] },
  { zh: '以下警告须填写说明后才能上报：{titles}', data: [] },
  { zh: '尚缺会签：{names}', data: [] },
  ...CHECK_TEXTS,
];

export interface SubmitFailure {
  message: ReactNode;
  items: { key: string; text: ReactNode }[];
}

/** The server's details in the page's words: a check's title, the approval, a department. */
export function describeRefusal(d: Declaration, e: unknown): SubmitFailure {
  if (!(e instanceof ApiError)) return { message: t(errorMessage(e)), items: [] };
  const items = e.details.map((detail, i) => {
    // From the server's own words, so that the names in them are marked as data.
    const message = serverText(detail.sent ?? detail.message, REFUSALS);
    const item = (template: string, vars: Record<string, ReactNode>) => ({
      key: `${i}-${detail.path}`,
      text: tNode(template, { ...vars, message }),
    });
    const check = d.checks.find((c) => c.id === detail.path);
    if (check)
      return item(
        check.severity === 'blocking' ? '阻断：{title} — {message}' : '警告：{title} — {message}',
        {
          title: t(check.title),
        },
      );
    if (detail.path.startsWith('children.')) return item('下级单位：{message}', {});
    if (detail.path === 'approval') return item('省级人民政府同意文件 — {message}', {});
    if (detail.path === 'signoffs') return item('会签版本 — {message}', {});
    if (detail.path.startsWith('reasons.')) return item('删除原因：{message}', {});
    if (detail.path === 'revision') return item('计划调整 — {message}', {});
    const signoff = d.province?.signoffs.find((s) => `signoffs.${s.role}` === detail.path);
    if (signoff) return item('会签：{label} — {message}', { label: t(signoff.label) });
    if (detail.path) {
      const colon = currentLang() === 'zh' ? '：' : ': ';
      const text = (
        <>
          {detail.path}
          {colon}
          {message}
        </>
      );
      return { key: `${i}-${detail.path}`, text };
    }
    return { key: String(i), text: message };
  });
  return { message: serverText(e.sent, REFUSALS), items };
}

interface Props {
  d: Declaration;
  onDone: () => Promise<void>;
  onFailure: (failure: SubmitFailure | null) => void;
}

export function SubmitButton({ d, onDone, onFailure }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = d.can.submit;
  const waiting = d.unacceptedChildren.length > 0;
  const blockedBy = !open
    ? t('当前状态为“{state}”，不能上报', { state: t(d.stateLabel) })
    : waiting
      ? // The names as data would sit in a tooltip; in English it points to the list, which marks them.
        currentLang() === 'zh'
        ? t('下级单位尚未全部接收：{names}', {
            names: d.unacceptedChildren.map((c) => c.name).join('、'),
          })
        : t('下级单位尚未全部接收（见下方列表）')
      : undefined;

  async function submit() {
    setBusy(true);
    onFailure(null);
    try {
      await submitDeclaration(d.unit.code, d.year);
      void message.success(
        t('已上报{year}年度计划（第 {n} 版）', { year: d.year, n: d.version + 1 }),
      );
      await onDone();
    } catch (e) {
      onFailure(describeRefusal(d, e));
      await onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Popconfirm
      title={t('上报年度计划')}
      description={t(
        '将冻结当前计划为新的版本（附校验码）报送上级，此后台账的修改不影响该版本。确认上报？',
      )}
      okText={t('上报')}
      cancelText={t('取消')}
      okButtonProps={{ id: 'declaration-submit-ok' }}
      placement="bottomLeft"
      onConfirm={() => submit()}
      disabled={!!blockedBy}
    >
      <Button
        id="declaration-submit"
        type="primary"
        icon={<CloudUploadOutlined />}
        loading={busy}
        disabled={!!blockedBy}
        title={blockedBy}
      >
        {d.state === 'returned' ? t('重新上报') : t('上报')}
      </Button>
    </Popconfirm>
  );
}

export function SubmitFailureAlert({ failure }: { failure: SubmitFailure | null }) {
  if (!failure) return null;
  return (
    <Alert
      id="declaration-submit-error"
      type="error"
      showIcon
      title={failure.message}
      description={
        failure.items.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {failure.items.map((i) => (
              <li key={i.key}>{i.text}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

/**
 * Before submitting: the units below with communities in the plan whose declaration has not been
 * accepted, each linking to its page. The server refuses the submission for the same reason.
 */
export function UnacceptedChildrenAlert({ d }: { d: Declaration }) {
  if (!d.can.submit || d.unacceptedChildren.length === 0) return null;
  return (
    <Alert
      id="declaration-children-pending"
      type="warning"
      showIcon
      title={t('以下 {n} 个下级单位有小区列入计划，其申报尚未接收；全部接收后才能上报', {
        n: d.unacceptedChildren.length,
      })}
      description={
        <span>
          {d.unacceptedChildren.map((c, i) => (
            <Fragment key={c.code}>
              {i > 0 && t('、')}
              <Link to={declarationPath(c.code, d.year)} data-code={c.code}>
                <Data>{c.name}</Data>
              </Link>
              {t('（{state}）', { state: t(c.stateLabel) })}
            </Fragment>
          ))}
        </span>
      }
    />
  );
}
