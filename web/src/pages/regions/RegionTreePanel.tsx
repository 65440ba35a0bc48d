// Left side of the regions page: a search box to jump anywhere in scope, and the browsable tree.
import { Alert, Card, Space, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Key } from 'react';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../api/client.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import type { useRegionTree } from '../../components/useRegionTree.ts';
import { Data, t } from '../../i18n/index.ts';

interface Props {
  region: ReturnType<typeof useRegionTree>;
  selected: string;
  expanded: Key[];
  onExpand: (keys: Key[]) => void;
  onSelect: (code: string) => void;
}

export function RegionTreePanel({ region, selected, expanded, onExpand, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Bring the selected node into view once it is in the tree (picked by search, for instance).
  const shown = region.tree.nodes[selected] !== undefined;
  useEffect(() => {
    if (!shown) return;
    const frame = requestAnimationFrame(() =>
      box.current
        ?.querySelector('.ant-tree-treenode-selected')
        ?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [selected, shown, expanded]);

  const treeData = region.build<TreeDataNode>((node, children) => ({
    key: node.code,
    isLeaf: !node.hasChildren,
    children,
    title: (
      <span>
        <Data>{node.name}</Data>
        {node.kind === '功能区' && (
          <Tag color="purple" variant="filled" style={{ marginInlineStart: 6 }}>
            {t('功能区')}
          </Tag>
        )}
      </span>
    ),
  }));

  return (
    <Card title={t('区划树')} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <RegionTreeSelect
          id="region-search"
          aria-label={t('搜索区划')}
          placeholder={t('搜索区划：名称、代码或拼音首字母')}
          style={{ width: '100%' }}
          value={undefined}
          onChange={(code) => code && onSelect(code)}
        />
        {region.error !== null && (
          <Alert type="error" showIcon title={errorMessage(region.error)} />
        )}
        {/* Not virtual: levels are short, and a plain list lets the browser scroll to a node. */}
        <div id="region-tree" ref={box} style={{ maxHeight: 600, overflow: 'auto' }}>
          {/* Mount the tree once its root is there: rc-tree drops unknown expanded keys on mount. */}
          {treeData.length === 0 ? (
            <Spin size="small" />
          ) : (
            <Tree
              aria-label={t('区划树')}
              blockNode
              showLine
              treeData={treeData}
              loadData={(node) => region.load(String(node.key))}
              expandedKeys={expanded}
              onExpand={(keys) => onExpand(keys)}
              selectedKeys={[selected]}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) onSelect(String(key));
              }}
            />
          )}
        </div>
      </Space>
    </Card>
  );
}
