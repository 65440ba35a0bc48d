// Step 3: the import running on the server (rows done of the rows checked), then its outcome.
import { Button, Flex, Progress, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ImportJob } from '../../../api/ledgerTypes.ts';
import { formatInteger } from '../../../components/format.ts';
import { Data, t } from '../../../i18n/index.ts';
import { tNodes, tServer } from '../tData.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';

interface Props {
  job: ImportJob;
  finished: boolean;
  /** The row total from the preview, for the progress bar. */
  rows: number;
  error?: string;
  onRestart: () => void;
  /** Runs an interrupted import again. */
  onRerun: () => void;
}

/** Seconds since the step appeared, ticking while `running`. */
function useElapsed(running: boolean): number {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.floor((now - start) / 1000);
}

export function ProgressStep({ job, finished, rows, error, onRestart, onRerun }: Props) {
  const elapsed = useElapsed(!finished);
  const again = (
    <Button key="again" onClick={onRestart}>
      {t('继续导入其他文件')}
    </Button>
  );

  if (!finished) {
    const percent = rows ? Math.min(100, Math.floor((job.rowsDone / rows) * 100)) : 0;
    return (
      <Flex id="import-running" vertical gap={8} style={{ maxWidth: 640, margin: '24px auto' }}>
        <Typography.Text>
          {tNodes(t('正在导入 {file}……'), {}, { file: job.fileName })}
        </Typography.Text>
        <Progress
          percent={percent}
          status="active"
          format={() =>
            t('{done} / {rows} 行', {
              done: formatInteger(job.rowsDone),
              rows: formatInteger(rows),
            })
          }
        />
        <Typography.Text type="secondary">
          {t('已用时 {n} 秒。导入在服务器上进行，离开本页不影响导入。', { n: elapsed })}
        </Typography.Text>
        {error && (
          <Typography.Text type="warning">
            {tNodes(t('{error}（正在重试）'), { error: tServer(error) })}
          </Typography.Text>
        )}
      </Flex>
    );
  }

  if (job.status === 'imported')
    return (
      <div id="import-done">
        <Result
          status="success"
          title={t('已导入 {n} 个小区', { n: formatInteger(job.report?.imported ?? job.rowsDone) })}
          subTitle={
            job.report?.suspectedCount
              ? tNodes(
                  t('文件：{file}。其中 {n} 对疑似重复已在台账中标注，请确认或排除。'),
                  { n: job.report.suspectedCount },
                  { file: job.fileName },
                )
              : tNodes(t('文件：{file}'), {}, { file: job.fileName })
          }
          extra={[
            <Link key="list" to="/ledger">
              <Button type="primary">{t('查看台账')}</Button>
            </Link>,
            ...(job.report?.suspectedCount
              ? [
                  <Link key="suspected" id="import-done-suspected" to="/ledger?suspected=true">
                    <Button>{t('查看疑似重复')}</Button>
                  </Link>,
                ]
              : []),
            again,
          ]}
        />
      </div>
    );

  if (job.status === 'interrupted')
    return (
      <div id="import-interrupted">
        <Result
          status="warning"
          title={t('已中断')}
          subTitle={
            <>
              <Data>{job.fileName}</Data>
              {t('：')}
              {tServer(job.error ?? '导入被中断（服务器停止运行），台账未改变，可重新导入')}
            </>
          }
          extra={[
            <Button key="rerun" id="import-rerun" type="primary" onClick={onRerun}>
              {t('重新导入')}
            </Button>,
            again,
          ]}
        />
      </div>
    );

  const report = job.report;
  return (
    <div id="import-failed">
      <Result
        status="error"
        title={
          report?.errorCount
            ? t('导入时发现 {n} 处错误，未导入任何数据', { n: report.errorCount })
            : tServer(job.error ?? '导入失败，未导入任何数据')
        }
        subTitle={
          report?.errorCount ? t('可能有人在检查之后登记了同名小区。请修改后重新上传。') : undefined
        }
        extra={[again]}
      >
        {report && report.errorCount > 0 && (
          <ProblemsTable
            id="import-errors"
            problems={report.errors}
            count={report.errorCount}
            kind="error"
          />
        )}
      </Result>
    </div>
  );
}
