// The five measures of the plan table and a declaration's totals, exact: counts, 0.01 m², 元.
// The server sums them (server/src/domain/measures.ts); the declaration routes send them
// (common/api/declarations.ts totals, checked against this).

export interface Measures {
  communities: number;
  households: number;
  buildings: number;
  /** 平方米 × 100 */
  floorAreaCenti: number;
  /** 元 */
  investmentYuan: number;
}
