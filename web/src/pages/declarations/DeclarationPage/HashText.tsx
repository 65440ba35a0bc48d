// A SHA-256 hash shown short, with a button that copies all 64 digits.
import { Typography } from 'antd';
import { shortHash } from '../declarationLabels.ts';

export function HashText({ hash, id }: { hash: string; id?: string }) {
  return (
    <Typography.Text
      id={id}
      code
      data-hash={hash}
      title={hash}
      copyable={{ text: hash, tooltips: ['复制完整哈希', '已复制'] }}
    >
      {shortHash(hash)}
    </Typography.Text>
  );
}
