// Region picker: a tree below the user's own region (or `rootCode`), loaded as it is opened;
// typing searches GET /api/regions?q= by name, code or pinyin initials and lists the matches.
import { Spin, TreeSelect } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { getRegion } from '../api/regions.ts';
import { useMe } from '../app/auth.tsx';
import { regionPathName, withCountry } from './regionName.ts';
import { useRegionSearch } from './useRegionSearch.ts';
import { useRegionTree } from './useRegionTree.ts';
import { Data, t } from '../i18n/index.ts';

export interface RegionTreeSelectProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Root of the tree; the signed-in user's region by default. */
  rootCode?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

interface Option {
  value: string;
  /** A region's name: data, as recorded. */
  title: ReactNode;
  isLeaf: boolean;
  children?: Option[];
}

export function RegionTreeSelect(props: RegionTreeSelectProps) {
  const me = useMe();
  const { value, onChange, rootCode = me.region.code } = props;
  const region = useRegionTree(rootCode);
  const { load } = region;
  const [search, setSearch] = useState('');
  const found = useRegionSearch(search);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [expanded, setExpanded] = useState<string[]>([rootCode]);
  const searching = search.trim() !== '';

  // The value may come from outside or from a search match not yet in the loaded tree: name it,
  // and open the tree down to it, so the list shows it in place when opened again.
  useEffect(() => {
    if (!value) return;
    let live = true;
    getRegion(value).then(
      (d) => {
        if (!live) return;
        setLabels((l) => ({ ...l, [value]: regionPathName(d.path, '') }));
        const codes = withCountry(d.path).map((r) => r.code);
        const ancestors = codes.slice(codes.indexOf(rootCode), -1);
        if (!codes.includes(rootCode) || ancestors.length === 0) return;
        void Promise.all(ancestors.map((c) => load(c)));
        setExpanded((keys) => [...new Set([...keys, ...ancestors])]);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [value, rootCode, load]);

  const treeData = useMemo<Option[]>(() => {
    if (searching) {
      return found.items.map((r) => ({
        value: r.code,
        title: <Data>{`${r.fullName}（${r.code}）`}</Data>,
        isLeaf: true,
      }));
    }
    return region.build<Option>((node, children) => ({
      value: node.code,
      title: <Data>{node.name}</Data>,
      isLeaf: !node.hasChildren,
      children,
    }));
  }, [searching, found.items, region]);

  const label = value ? (labels[value] ?? region.fullNameOf(value) ?? value) : undefined;
  const notFound = found.loading ? (
    <Spin size="small" />
  ) : found.error ? (
    t(found.error)
  ) : (
    t('无匹配区划')
  );

  return (
    <TreeSelect<{ value: string; label: ReactNode } | null, Option>
      id={props.id}
      aria-label={props['aria-label']}
      style={{ minWidth: 240, ...props.style }}
      placeholder={props.placeholder ?? t('选择区划，可输入名称、代码或拼音首字母')}
      allowClear={props.allowClear}
      disabled={props.disabled}
      labelInValue
      value={value && label ? { value, label: <Data>{label}</Data> } : null}
      onChange={(v) => onChange?.(v?.value)}
      onSelect={(_v, option) => {
        // Name a search match at once, before its details arrive.
        const item = searching ? found.items.find((r) => r.code === option.value) : undefined;
        if (item) setLabels((l) => ({ ...l, [item.code]: item.fullName }));
      }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      // Back to the tree once closed, not while open: the list would hunt for the picked match.
      onOpenChange={(open) => !open && setSearch('')}
      treeData={treeData}
      loadData={searching ? undefined : (node) => load(String(node.value))}
      treeExpandedKeys={searching ? undefined : expanded}
      onTreeExpand={(keys) => !searching && setExpanded(keys.map(String))}
      notFoundContent={searching ? notFound : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320 } } }}
    />
  );
}
