// The county-level units (台账单位: 区, 县, 县级市, 不设区的市, 功能区) the user may file a
// community under, walked down from the user's region, grouped by the unit above them.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { getRegion } from '../../../api/regions.ts';
import type { RegionDetail } from '../../../api/types.ts';

export interface LedgerUnitGroup {
  /** The prefecture (or province) the units lie in. */
  label: string;
  units: { code: string; name: string }[];
}

export type LedgerUnitsState =
  | { status: 'loading' }
  | { status: 'ready'; groups: LedgerUnitGroup[] }
  /** Too wide to list (a country-level user): pick from the region tree instead. */
  | { status: 'tree' }
  | { status: 'error'; message: string };

async function walk(detail: RegionDetail, out: LedgerUnitGroup[]): Promise<void> {
  if (detail.isLedgerUnit) {
    out.push({ label: detail.name, units: [{ code: detail.code, name: detail.name }] });
    return;
  }
  const units = detail.children.filter((c) => c.isLedgerUnit);
  if (units.length) out.push({ label: detail.name, units });
  const below = detail.children.filter((c) => !c.isLedgerUnit && c.hasChildren);
  const details = await Promise.all(below.map((c) => getRegion(c.code)));
  for (const d of details) await walk(d, out);
}

export function useLedgerUnits(rootCode: string, rootLevel: string): LedgerUnitsState {
  const [state, setState] = useState<LedgerUnitsState>({ status: 'loading' });
  useEffect(() => {
    if (rootLevel === 'country') {
      setState({ status: 'tree' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    getRegion(rootCode)
      .then(async (root) => {
        const groups: LedgerUnitGroup[] = [];
        await walk(root, groups);
        if (live) setState({ status: 'ready', groups });
      })
      .catch((e: unknown) => {
        if (live) setState({ status: 'error', message: errorMessage(e) });
      });
    return () => {
      live = false;
    };
  }, [rootCode, rootLevel]);
  return state;
}
