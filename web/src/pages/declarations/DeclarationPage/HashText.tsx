// A 校验码 (the SHA-256 of a frozen version's content) shown short, with a button that copies all
// 64 digits; hovering says what it is.
import { Typography } from 'antd';
import { shortHash } from '../declarationLabels.ts';
import { t } from '../../../i18n/index.ts';

/** One line for a reader who has never met a hash. */
export const HASH_EXPLAINED =
  '校验码：按版本内容计算出的“数字指纹”，内容有任何改动，校验码就会不同。';

export function HashText({ hash, id }: { hash: string; id?: string }) {
  return (
    <Typography.Text
      id={id}
      code
      data-hash={hash}
      title={`${t(HASH_EXPLAINED)}\n${hash}`}
      copyable={{ text: hash, tooltips: [t('复制完整校验码'), t('已复制')] }}
    >
      {shortHash(hash)}
    </Typography.Text>
  );
}
