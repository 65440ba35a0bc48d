// A lazily loaded region tree below one root: GET /api/regions/:code for each opened node.
// Shared by RegionTreeSelect and the regions page, each holding its own copy.
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRegion } from '../api/regions.ts';
import type { RegionDetail, RegionLevel, RegionRef } from '../api/types.ts';
import { regionPathName } from './regionName.ts';

export interface RegionNodeInfo {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string;
  isLedgerUnit: boolean;
  hasChildren: boolean;
}

interface TreeData {
  rootPath: RegionRef[];
  nodes: Record<string, RegionNodeInfo>;
  /** Child codes of every node whose children are loaded. */
  children: Record<string, string[]>;
  parents: Record<string, string>;
}

const EMPTY: TreeData = { rootPath: [], nodes: {}, children: {}, parents: {} };

function merge(tree: TreeData, detail: RegionDetail, isRoot: boolean): TreeData {
  const nodes = { ...tree.nodes };
  const parents = { ...tree.parents };
  nodes[detail.code] = { ...detail, hasChildren: detail.children.length > 0 };
  for (const child of detail.children) {
    nodes[child.code] = child;
    parents[child.code] = detail.code;
  }
  return {
    rootPath: isRoot ? detail.path : tree.rootPath,
    nodes,
    parents,
    children: { ...tree.children, [detail.code]: detail.children.map((c) => c.code) },
  };
}

export function useRegionTree(rootCode: string) {
  const [tree, setTree] = useState<TreeData>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const loaded = useRef(new Set<string>());
  // Bumped when the root changes, so a late answer for the old root is dropped.
  const generation = useRef(0);

  const load = useCallback(
    async (code: string, force = false) => {
      if (!force && loaded.current.has(code)) return;
      loaded.current.add(code);
      const gen = generation.current;
      try {
        const detail = await getRegion(code);
        if (gen === generation.current) setTree((t) => merge(t, detail, code === rootCode));
      } catch (e) {
        loaded.current.delete(code);
        if (gen === generation.current) setError(e);
      }
    },
    [rootCode],
  );

  useEffect(() => {
    generation.current += 1;
    loaded.current = new Set();
    setTree(EMPTY);
    setError(null);
    void load(rootCode);
  }, [rootCode, load]);

  /** A node's full name, such as 湖北省武汉市江岸区, when it lies in the loaded tree. */
  const fullNameOf = useCallback(
    (code: string): string | undefined => {
      const chain: RegionRef[] = [];
      for (let c: string | undefined = code; c && c !== rootCode; c = tree.parents[c]) {
        const node = tree.nodes[c];
        if (!node) return undefined;
        chain.unshift(node);
      }
      return regionPathName([...tree.rootPath, ...chain], '') || undefined;
    },
    [tree, rootCode],
  );

  /** Builds nested tree data for an antd Tree or TreeSelect from the loaded nodes. */
  const build = useCallback(
    <T>(make: (node: RegionNodeInfo, children: T[] | undefined) => T): T[] => {
      const walk = (code: string): T | undefined => {
        const node = tree.nodes[code];
        if (!node) return undefined;
        const kids = tree.children[code]?.map(walk).filter((k): k is T => k !== undefined);
        return make(node, kids);
      };
      const root = walk(rootCode);
      return root === undefined ? [] : [root];
    },
    [tree, rootCode],
  );

  return { rootCode, tree, error, load, fullNameOf, build };
}
