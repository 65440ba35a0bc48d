// 上报: the unit freezes its plan as a new version. The server refuses with the reasons — units
// below not yet accepted, blocking checks, warnings without a justification, and for a province the
// missing approval or sign-offs — and each is listed by name, so the user knows what to do next.
// The units below that hold the submission back are shown before the user tries.
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm } from 'antd';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { submitDeclaration, type Declaration } from '../../../api/declarations.ts';
import { declarationPath } from '../declarationLabels.ts';

export interface SubmitFailure {
  message: string;
  items: string[];
}

/** The server's details in the page's words: a check's title, the approval, a department. */
export function describeRefusal(d: Declaration, e: unknown): SubmitFailure {
  if (!(e instanceof ApiError)) return { message: errorMessage(e), items: [] };
  const items = e.details.map((detail) => {
    const check = d.checks.find((c) => c.id === detail.path);
    if (check) {
      const what = check.severity === 'blocking' ? '阻断' : '警告';
      return `${what}：${check.title} — ${detail.message}`;
    }
    if (detail.path.startsWith('children.')) return `下级单位：${detail.message}`;
    if (detail.path === 'approval') return `省级人民政府同意文件 — ${detail.message}`;
    if (detail.path === 'signoffs') return `会签版本 — ${detail.message}`;
    if (detail.path.startsWith('reasons.')) return `删除原因：${detail.message}`;
    if (detail.path === 'revision') return `计划调整 — ${detail.message}`;
    const signoff = d.province?.signoffs.find((s) => `signoffs.${s.role}` === detail.path);
    if (signoff) return `会签：${signoff.label} — ${detail.message}`;
    return detail.path ? `${detail.path}：${detail.message}` : detail.message;
  });
  return { message: e.message, items };
}

interface Props {
  d: Declaration;
  onDone: () => Promise<void>;
  onFailure: (failure: SubmitFailure | null) => void;
}

export function SubmitButton({ d, onDone, onFailure }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = d.state === 'draft' || d.state === 'returned';
  const waiting = d.unacceptedChildren.length > 0;
  const blockedBy = !open
    ? `当前状态为“${d.stateLabel}”，不能上报`
    : waiting
      ? `下级单位尚未全部接收：${d.unacceptedChildren.map((c) => c.name).join('、')}`
      : undefined;

  async function submit() {
    setBusy(true);
    onFailure(null);
    try {
      await submitDeclaration(d.unit.code, d.year);
      void message.success(`已上报${d.year}年度计划（第 ${d.version + 1} 版）`);
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
      title="上报年度计划"
      description="将冻结当前计划为新的版本（附校验码）报送上级，此后台账的修改不影响该版本。确认上报？"
      okText="上报"
      cancelText="取消"
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
        {d.state === 'returned' ? '重新上报' : '上报'}
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
              <li key={i}>{i}</li>
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
  const open = d.state === 'draft' || d.state === 'returned';
  if (d.side !== 'self' || !open || d.unacceptedChildren.length === 0) return null;
  return (
    <Alert
      id="declaration-children-pending"
      type="warning"
      showIcon
      title={`以下 ${d.unacceptedChildren.length} 个下级单位有小区列入计划，其申报尚未接收；全部接收后才能上报`}
      description={
        <span>
          {d.unacceptedChildren.map((c, i) => (
            <Fragment key={c.code}>
              {i > 0 && '、'}
              <Link to={declarationPath(c.code, d.year)} data-code={c.code}>
                {c.name}
              </Link>
              （{c.stateLabel}）
            </Fragment>
          ))}
        </span>
      }
    />
  );
}
