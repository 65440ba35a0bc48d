// 导入: the project list (① template and upload → ② the check's findings → ③ the import's
// progress), and beside it the monthly progress and the residents' consultations.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Steps, Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { PreviewStep } from './PreviewStep.tsx';
import { ProgressImportPanel } from './ProgressImportPanel.tsx';
import { ProgressStep } from './ProgressStep.tsx';
import { UploadStep } from './UploadStep.tsx';
import { useImportJob } from './useImportJob.ts';
import type { ImportState } from './useImportJob.ts';

function stepStatus(state: ImportState): 'error' | 'finish' | undefined {
  if (state.step === 'checked' && state.job.report?.errorCount) return 'error';
  if (state.step === 'finished') return state.job.status === 'imported' ? 'finish' : 'error';
  return undefined;
}

const STEP_INDEX = { choose: 0, uploading: 0, checked: 1, importing: 2, finished: 2 } as const;

export function ImportPage() {
  const navigate = useNavigate();
  const { state, upload, confirm, rerun, reset } = useImportJob();

  return (
    <Card
      title="导入"
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/ledger')}>
          返回台账
        </Button>
      }
    >
      <Tabs
        id="import-kind"
        items={[
          {
            key: 'projects',
            label: '项目清单',
            children: (
              <Flex vertical gap={24}>
                <Steps
                  current={STEP_INDEX[state.step]}
                  status={stepStatus(state)}
                  items={[
                    { title: '上传文件', content: '下载模板，填好后上传' },
                    { title: '检查', content: '逐行检查，不写入台账' },
                    { title: '导入', content: '确认后写入台账' },
                  ]}
                />
                {(state.step === 'choose' || state.step === 'uploading') && (
                  <UploadStep state={state} onFile={upload} />
                )}
                {state.step === 'checked' && (
                  <PreviewStep
                    job={state.job}
                    confirming={state.confirming}
                    error={state.error}
                    onConfirm={() => void confirm()}
                    onRestart={reset}
                  />
                )}
                {(state.step === 'importing' || state.step === 'finished') && (
                  <ProgressStep
                    job={state.job}
                    finished={state.step === 'finished'}
                    rows={state.step === 'importing' ? state.rows : (state.job.report?.rows ?? 0)}
                    error={state.step === 'importing' ? state.error : undefined}
                    onRestart={reset}
                    onRerun={() => void rerun()}
                  />
                )}
              </Flex>
            ),
          },
          {
            key: 'progress',
            label: '月度进展',
            children: <ProgressImportPanel kind="progress" />,
          },
          {
            key: 'consultations',
            label: '居民协商',
            children: <ProgressImportPanel kind="consultations" />,
          },
        ]}
      />
    </Card>
  );
}
