// 区划: browse the region tree below the user's own region; the selected region (?code=) shows
// on the right with its children. Administrators add functional zones under prefecture units.
import { Col, Row } from 'antd';
import type { Key } from 'react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { withCountry } from '../../components/regionName.ts';
import { useRegionTree } from '../../components/useRegionTree.ts';
import { AddZoneModal } from './AddZoneModal.tsx';
import { RegionDetailCard } from './RegionDetailCard.tsx';
import { RegionTreePanel } from './RegionTreePanel.tsx';
import { useRegionDetail } from './useRegionDetail.ts';

export function RegionsPage() {
  const me = useMe();
  const rootCode = me.region.code;
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? rootCode;
  const region = useRegionTree(rootCode);
  const { detail, loading, error, reload } = useRegionDetail(code);
  const [expanded, setExpanded] = useState<Key[]>([rootCode]);
  const [addingZone, setAddingZone] = useState(false);
  const { load } = region;

  // Where the selected region lies, from 全国 down; the user's own region is the tree's root.
  const trail = detail?.code === code ? withCountry(detail.path).map((r) => r.code) : [];
  const rootIndex = trail.indexOf(rootCode);

  // Open the tree down to the selected region, wherever it was picked (search, table, link).
  const toOpenKey = rootIndex >= 0 ? trail.slice(rootIndex, -1).join(',') : '';
  useEffect(() => {
    if (!toOpenKey) return;
    const codes = toOpenKey.split(',');
    void Promise.all(codes.map((c) => load(c)));
    setExpanded((keys) => [...new Set([...keys, ...codes])]);
  }, [toOpenKey, load]);

  const select = (next: string) => setParams(next === rootCode ? {} : { code: next });
  // Ancestors above the user's own region are shown but not opened (they are out of scope).
  const mayOpen = (c: string) => rootIndex >= 0 && trail.indexOf(c) >= rootIndex;

  const canAddZone = me.roles.includes('admin') && detail?.level === 'prefecture';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xl={7}>
        <RegionTreePanel
          region={region}
          selected={code}
          expanded={expanded}
          onExpand={setExpanded}
          onSelect={select}
        />
      </Col>
      <Col xs={24} lg={16} xl={17}>
        <RegionDetailCard
          detail={detail}
          loading={loading}
          error={error}
          canOpen={mayOpen}
          onOpen={select}
          onAddZone={canAddZone ? () => setAddingZone(true) : undefined}
        />
      </Col>
      {detail && canAddZone && (
        <AddZoneModal
          parent={detail}
          open={addingZone}
          onClose={() => setAddingZone(false)}
          onCreated={() => {
            setAddingZone(false);
            reload();
            setExpanded((keys) => [...new Set([...keys, detail.code])]);
            void load(detail.code, true);
          }}
        />
      )}
    </Row>
  );
}
