// 区县: a searchable list of the county-level units the user may file under (one for a county
// user); for a country-level user, the region tree (the server then checks the level).
import { Select } from 'antd';
import { useEffect } from 'react';
import { useMe } from '../../../app/auth.tsx';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect.tsx';
import { currentLang, Data, t } from '../../../i18n/index.ts';
import { useLedgerUnits } from './useLedgerUnits.ts';

interface Props {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}

export function LedgerUnitSelect({ id, value, onChange }: Props) {
  const me = useMe();
  const units = useLedgerUnits(me.region.code, me.region.level);
  // A user with a single unit (a county bureau) files under it without choosing.
  const only =
    units.status === 'ready' && units.groups.length === 1 && units.groups[0]!.units.length === 1
      ? units.groups[0]!.units[0]!.code
      : undefined;
  useEffect(() => {
    if (only && !value) onChange?.(only);
  }, [only, value, onChange]);

  if (units.status === 'tree')
    return (
      <RegionTreeSelect
        id={id}
        value={value}
        onChange={onChange}
        placeholder={t('选择县级单位')}
        style={{ width: '100%' }}
      />
    );

  const english = currentLang() === 'en';
  const options =
    units.status === 'ready'
      ? units.groups.map((g) => ({
          label: <Data>{g.label}</Data>,
          title: english ? '' : g.label,
          // Unit names are data: the label stays text for the search, shown marked as data (in
          // English no title repeats it unmarked).
          options: g.units.map((u) => {
            const label = `${u.name}（${u.code}）`;
            return { value: u.code, label, title: english ? '' : label };
          }),
        }))
      : [];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={units.status === 'loading'}
      status={units.status === 'error' ? 'error' : undefined}
      placeholder={
        units.status === 'error' ? t(units.message) : t('选择县级单位，可输入名称或代码')
      }
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={t('没有匹配的县级单位')}
      labelRender={({ label }) => <Data>{label}</Data>}
      optionRender={(o) => <Data>{o.label}</Data>}
    />
  );
}
