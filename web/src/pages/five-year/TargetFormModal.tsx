// 设置目标: a year's start target (communities, optionally households) or the five-year completion
// target, with where it comes from. PUT with the version the user saw, so a change made meanwhile
// answers 409; a 400 puts its details next to the fields.
import { App, Form, Input } from 'antd';
import { putCompletionTarget, putStartTarget } from '../../api/fiveYear.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../i18n/index.ts';
import { CountInput } from './formParts.tsx';

interface Current {
  communities: number;
  households?: number | null;
  source: string;
  version: number;
}

export type TargetEdit =
  | { kind: 'start'; region: { code: string; name: string }; year: number; current: Current | null }
  | { kind: 'completion'; region: { code: string; name: string }; current: Current | null };

interface Values {
  communities: number;
  households?: number | null;
  source?: string;
}

const FIELDS = ['communities', 'households', 'source'] as const;

interface Props {
  /** what is being edited; null: closed */
  edit: TargetEdit | null;
  onClose: () => void;
  onSaved: () => void;
}

export function TargetFormModal({ edit, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  const region = edit && <Data>{edit.region.name}</Data>;
  const title = !edit
    ? t('设置目标')
    : edit.kind === 'start'
      ? tNodes('{region}{year}年新开工改造目标', { region, year: edit.year })
      : tNodes('{region}十四五期末完成改造目标', { region });

  async function submit(v: Values) {
    if (!edit) return;
    const version = edit.current?.version;
    if (edit.kind === 'start')
      await putStartTarget(edit.region.code, edit.year, {
        communities: v.communities,
        households: v.households ?? null,
        source: v.source?.trim() ?? '',
        version,
      });
    else
      await putCompletionTarget(edit.region.code, {
        communities: v.communities,
        source: v.source?.trim() ?? '',
        version,
      });
    void message.success(tNodes('已保存{what}', { what: title }));
    onSaved();
  }

  return (
    <FormModal<Values>
      form={form}
      open={edit !== null}
      resetKey={
        edit &&
        `${edit.kind}/${edit.kind === 'start' ? edit.year : ''}@${edit.current?.version ?? 0}`
      }
      initialValues={{
        communities: edit?.current?.communities,
        households: edit?.current?.households ?? null,
        source: edit?.current?.source ?? '',
      }}
      title={title}
      submitId="five-year-target-submit"
      width={520}
      fields={FIELDS}
      formProps={{ autoComplete: 'off' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label={
          edit?.kind === 'completion'
            ? t('到2025年底完成改造的小区数（2000年底前建成，个）')
            : t('新开工改造小区数（个）')
        }
        name="communities"
        htmlFor="five-year-target-communities"
        rules={[{ required: true, message: t('请输入小区数') }]}
      >
        <CountInput id="five-year-target-communities" />
      </Form.Item>
      {edit?.kind === 'start' && (
        <Form.Item
          label={t('新开工改造户数（户，可不填）')}
          name="households"
          htmlFor="five-year-target-households"
          dependencies={['communities']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, h: number | null | undefined) =>
                h === null ||
                h === undefined ||
                h >= ((getFieldValue('communities') as number | undefined) ?? 0)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('户数不能少于小区数：每个小区至少有1户'))),
            }),
          ]}
        >
          <CountInput id="five-year-target-households" max={1_000_000_000} />
        </Form.Item>
      )}
      <Form.Item label={t('依据')} name="source" htmlFor="five-year-target-source">
        <Input
          id="five-year-target-source"
          maxLength={500}
          placeholder={t('如 建办城〔2021〕28号、本省十四五改造规划')}
        />
      </Form.Item>
    </FormModal>
  );
}
