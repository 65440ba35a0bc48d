// The reviewer's side (the level above): 接收, 退回, 查看差异, and an internal deadline for the unit.
import { CheckOutlined, DiffOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import {
  acceptDeclaration,
  setInternalDeadline,
  type Declaration,
} from '../../../api/declarations.ts';
import { DiffModal } from './DiffModal.tsx';
import { ReturnModal } from './ReturnModal.tsx';
import { DateInput } from '../../../components/DateFields.tsx';
import { Data, t } from '../../../i18n/index.ts';
import { tNode } from '../serverText.tsx';

interface Props {
  d: Declaration;
  onDone: () => Promise<void>;
}

export function ReviewerActions({ d, onDone }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [diffOpen, setDiffOpen] = useState(false);
  const pending = d.can.accept || d.can.return;

  async function accept() {
    setBusy(true);
    try {
      await acceptDeclaration(d.unit.code, d.year);
      void message.success(
        tNode('已接收{unit}的{year}年度计划（第 {n} 版）', {
          unit: <Data>{d.unit.name}</Data>,
          year: d.year,
          n: d.version,
        }),
      );
    } catch (e) {
      void message.error(t(errorMessage(e)));
    } finally {
      setBusy(false);
      await onDone();
    }
  }

  const notPending = pending
    ? undefined
    : t('当前状态为“{state}”，无待审核的上报', { state: t(d.stateLabel) });
  return (
    <Space wrap>
      <Popconfirm
        title={tNode('接收{unit}的上报', { unit: <Data>{d.unit.name}</Data> })}
        description={t('确认接收第 {n} 版？接收后该版本计入本级汇总。', { n: d.version })}
        okText={t('接收')}
        cancelText={t('取消')}
        okButtonProps={{ id: 'declaration-accept-ok' }}
        placement="bottomLeft"
        onConfirm={() => accept()}
        disabled={!pending}
      >
        <Button
          id="declaration-accept"
          type="primary"
          icon={<CheckOutlined />}
          loading={busy}
          disabled={!pending}
          title={notPending}
        >
          {t('接收')}
        </Button>
      </Popconfirm>
      <Button
        id="declaration-return"
        danger
        icon={<RollbackOutlined />}
        disabled={!pending}
        title={notPending}
        onClick={() => setReturning(true)}
      >
        {t('退回')}
      </Button>
      <Button
        id="declaration-diff"
        icon={<DiffOutlined />}
        disabled={d.version < 1}
        title={d.version < 1 ? t('尚无上报的版本') : undefined}
        onClick={() => setDiffOpen(true)}
      >
        {t('查看差异')}
      </Button>
      <ReturnModal d={d} open={returning} onClose={() => setReturning(false)} onDone={onDone} />
      <DiffModal
        unit={d.unit.code}
        year={d.year}
        open={diffOpen}
        onClose={() => setDiffOpen(false)}
      />
    </Space>
  );
}

/** A city or province gives a unit below it an earlier deadline than its own. */
export function InternalDeadline({ d, onDone }: Props) {
  return (
    <DeadlineEditor
      unit={{ code: d.unit.code, name: d.unit.name }}
      year={d.year}
      internal={d.internalDeadline}
      max={d.parentDeadline ?? d.policyDeadline}
      onDone={onDone}
    />
  );
}

interface EditorProps {
  unit: { code: string; name: string };
  year: number;
  /** the unit's internal deadline now, if any */
  internal: string | null;
  /** the reviewer's own deadline: the latest the server accepts */
  max: string;
  onDone: () => Promise<void>;
  /** distinguishes the ids of several editors on one page (the list of units below) */
  idSuffix?: string;
}

/**
 * 设置内部截止日期: a date no later than the reviewer's own deadline, saved; or 取消, and the unit
 * keeps the reviewer's deadline. The server checks the same limit and says so if it is passed.
 */
export function DeadlineEditor({ unit, year, internal, max, onDone, idSuffix = '' }: EditorProps) {
  const { message } = App.useApp();
  const [value, setValue] = useState(internal ?? '');
  const [busy, setBusy] = useState(false);
  const tooLate = value !== '' && value > max;

  async function save(deadline: string | null) {
    setBusy(true);
    try {
      await setInternalDeadline(unit.code, year, deadline);
      const name = <Data>{unit.name}</Data>;
      void message.success(
        deadline
          ? tNode('已将{unit}的内部截止日期设为 {date}', { unit: name, date: deadline })
          : tNode('已取消{unit}的内部截止日期', { unit: name }),
      );
      await onDone();
    } catch (e) {
      void message.error(t(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor={`deadline-date${idSuffix}`}>{t('内部截止日期')}</label>
        <DateInput
          id={`deadline-date${idSuffix}`}
          value={value}
          status={tooLate ? 'error' : undefined}
          onChange={setValue}
        />
        <Button
          id={`deadline-save${idSuffix}`}
          loading={busy}
          disabled={!value || value === internal || tooLate}
          onClick={() => void save(value)}
        >
          {t('保存')}
        </Button>
        {internal && (
          <Button
            id={`deadline-clear${idSuffix}`}
            type="link"
            disabled={busy}
            onClick={() => void save(null)}
          >
            {t('取消内部截止日期')}
          </Button>
        )}
      </Flex>
      <Typography.Text
        id={`deadline-hint${idSuffix}`}
        type={tooLate ? 'danger' : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {tooLate
          ? t('晚于本级截止日期 {date}，不能保存', { date: max })
          : t('不晚于本级截止日期 {date}', { date: max })}
      </Typography.Text>
    </Flex>
  );
}
