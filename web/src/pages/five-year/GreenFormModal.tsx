// 填报绿色社区创建情况: a city's figures at the end of a year. Picking a city and year that already
// have figures loads them (and their version, so a change made meanwhile answers 409).
import { App, Form, Input, Select } from 'antd';
import { putGreen, type GreenCity } from '../../api/fiveYear.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../i18n/index.ts';
import { CountInput } from './formParts.tsx';

export interface GreenEdit {
  code: string;
  year: number;
}

interface Values {
  code: string;
  year: number;
  urbanCommunities: number;
  participating: number;
  meeting: number;
  source?: string;
}

const FIELDS = ['urbanCommunities', 'participating', 'meeting', 'source'] as const;

interface Props {
  edit: GreenEdit | null;
  cities: { code: string; name: string }[];
  rows: GreenCity[];
  years: number[];
  onClose: () => void;
  onSaved: () => void;
}

/** A count no larger than another field's: 参与 ≤ 总数, 达标 ≤ 参与. */
const atMost =
  (other: keyof Values, message: string) =>
  ({ getFieldValue }: { getFieldValue: (n: keyof Values) => unknown }) => ({
    validator: (_: unknown, v: number | null | undefined) => {
      const bound = getFieldValue(other) as number | null | undefined;
      return v === null || v === undefined || bound === null || bound === undefined || v <= bound
        ? Promise.resolve()
        : Promise.reject(new Error(t(message)));
    },
  });

export function GreenFormModal({ edit, cities, rows, years, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const find = (code: string | undefined, year: number | undefined) =>
    rows.find((r) => r.code === code && r.year === year);

  /** The city's figures at the end of the year, as saved so far (none: empty fields). */
  const valuesOf = (code: string, year: number) => {
    const row = find(code, year);
    return {
      code,
      year,
      urbanCommunities: row?.urbanCommunities,
      participating: row?.participating,
      meeting: row?.meeting,
      source: row?.source ?? '',
    };
  };

  async function submit(v: Values) {
    await putGreen(v.code, v.year, {
      urbanCommunities: v.urbanCommunities,
      participating: v.participating,
      meeting: v.meeting,
      source: v.source?.trim() ?? '',
      version: find(v.code, v.year)?.version,
    });
    const name = cities.find((c) => c.code === v.code)?.name ?? v.code;
    void message.success(
      tNodes('已保存{city}{year}年绿色社区创建情况', { city: <Data>{name}</Data>, year: v.year }),
    );
    onSaved();
  }

  return (
    <FormModal<Values>
      form={form}
      open={edit !== null}
      resetKey={edit && `${edit.code}/${edit.year}`}
      initialValues={edit ? valuesOf(edit.code, edit.year) : undefined}
      title={t('填报绿色社区创建情况')}
      submitId="five-year-green-submit"
      width={520}
      fields={FIELDS}
      formProps={{
        autoComplete: 'off',
        onValuesChange: (changed: Partial<Values>, all: Values) => {
          if ('code' in changed || 'year' in changed)
            form.setFieldsValue(valuesOf(all.code, all.year));
        },
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label={t('城市')}
        name="code"
        htmlFor="five-year-green-city"
        rules={[{ required: true, message: t('请选择城市') }]}
      >
        <Select
          id="five-year-green-city"
          showSearch={{ optionFilterProp: 'name' }}
          options={cities.map((c) => ({
            value: c.code,
            label: <Data>{c.name}</Data>,
            name: c.name,
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('年度（年末数）')}
        name="year"
        htmlFor="five-year-green-year"
        rules={[{ required: true, message: t('请选择年度') }]}
      >
        <Select
          id="five-year-green-year"
          options={years.map((y) => ({ value: y, label: t('{year}年', { year: y }) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('城市社区总数（个）')}
        name="urbanCommunities"
        htmlFor="five-year-green-urban"
        rules={[{ required: true, message: t('请输入城市社区总数') }]}
      >
        <CountInput id="five-year-green-urban" />
      </Form.Item>
      <Form.Item
        label={t('参与绿色社区创建的社区数（个）')}
        name="participating"
        htmlFor="five-year-green-participating"
        dependencies={['urbanCommunities']}
        rules={[
          { required: true, message: t('请输入参与创建的社区数') },
          atMost('urbanCommunities', '参与创建的社区数不能超过城市社区总数'),
        ]}
      >
        <CountInput id="five-year-green-participating" />
      </Form.Item>
      <Form.Item
        label={t('达到创建要求的社区数（个）')}
        name="meeting"
        htmlFor="five-year-green-meeting"
        dependencies={['participating']}
        rules={[
          { required: true, message: t('请输入达到创建要求的社区数') },
          atMost('participating', '达到创建要求的社区数不能超过参与创建的社区数'),
        ]}
      >
        <CountInput id="five-year-green-meeting" />
      </Form.Item>
      <Form.Item label={t('依据')} name="source" htmlFor="five-year-green-source">
        <Input id="five-year-green-source" maxLength={500} placeholder={t('如 市住建局年度报送')} />
      </Form.Item>
    </FormModal>
  );
}
