// A data value shown as it was recorded — a region, community, unit or person's name, a free
// text — in any interface language. `translate="no"` tells browser translators to leave it, and
// tells the English walk (test/browser/english.test.ts) that Chinese here is data, not interface.
import type { HTMLAttributes, ReactNode } from 'react';

export function Data({ children }: { children: ReactNode }) {
  return <span translate="no">{children}</span>;
}

/** For antd Table columns whose cells are data: `{ ...dataCell, dataIndex: 'name' }`. */
export const dataCell = {
  onCell: () => ({ translate: 'no' }) as HTMLAttributes<HTMLTableCellElement>,
};
