/**
 * What an import reports besides errors and warnings (issue 9, §1 and §6):
 *
 * - suspected duplicates (疑似重复): pairs the duplicate scan finds with at least one row of the
 *   file, each with both places. They never refuse the import; once imported, both communities
 *   carry the suspicion (duplicate_pairs, 'suspected') until a user confirms or dismisses it.
 * - code aliases: rows whose 区划代码 is a statistical code of a city without districts (嘉峪关
 *   620201), with the unit they were filed under.
 */
import type {
  CodeAlias,
  DuplicatePlace,
  SuspectedDuplicate,
} from '../../../../../common/api/ledger.ts';
import { nameLikeness } from '../../../domain/ledger/names.ts';
import type { SuspectedPair } from '../duplicates.service.ts';

const LIKENESS_TEXT: Record<SuspectedDuplicate['likeness'], string> = {
  suffix: '名称仅通用后缀不同',
  near: '名称相近',
  place: '地址相同或位置相近',
};

const where = (p: DuplicatePlace) =>
  `${p.line !== null ? `第 ${p.line} 行` : `台账编号 ${p.communityId}`}“${p.name}”（${p.regionName}）`;

/**
 * The scan's pairs that involve a row of this file, each once, the file's row first (the earlier
 * line first when both are rows of the file).
 */
export function suspectedOfImport(
  pairs: SuspectedPair[],
  lineOfNew: ReadonlyMap<number, number>,
  regionName: (code: string) => string,
): SuspectedDuplicate[] {
  const out: SuspectedDuplicate[] = [];
  for (const pair of pairs) {
    const place = (n: SuspectedPair['a']): DuplicatePlace => {
      const line = lineOfNew.get(n.id);
      return {
        line: line ?? null,
        communityId: line === undefined ? n.id : null,
        name: n.name,
        regionCode: n.regionCode,
        regionName: regionName(n.regionCode),
      };
    };
    const [x, y] = [place(pair.a), place(pair.b)];
    if (x.line === null && y.line === null) continue;
    const [a, b] = y.line !== null && (x.line === null || y.line < x.line) ? [y, x] : [x, y];
    const likeness =
      a.regionCode === b.regionCode ? (nameLikeness(a.name, b.name) ?? 'place') : 'place';
    const same = likeness === 'same' ? 'suffix' : likeness;
    out.push({
      likeness: same,
      a,
      b,
      message: `${where(a)}与${where(b)}${LIKENESS_TEXT[same]}，疑似重复：导入后两者均标为疑似重复，请在台账中确认或排除`,
    });
  }
  return out.sort((p, q) => p.a.line! - q.a.line!);
}

/** Collects the rows filed under a city without districts by an alias code, one entry a code. */
export function codeAliasCollector() {
  const byCode = new Map<string, CodeAlias>();
  return {
    add(line: number, code: string, unit: { code: string; name: string }) {
      const seen = byCode.get(code);
      if (seen) seen.rows++;
      else
        byCode.set(code, {
          code,
          unitCode: unit.code,
          unitName: unit.name,
          rows: 1,
          firstLine: line,
          message: '',
        });
    },
    list(): CodeAlias[] {
      return [...byCode.values()].map((a) => ({
        ...a,
        message: `区划代码 ${a.code} 是${a.unitName}（不设区的地级市，代码 ${a.unitCode}）的统计用代码：${a.rows} 行（第 ${a.firstLine} 行起）已登记在${a.unitName}（${a.unitCode}）`,
      }));
    },
  };
}
