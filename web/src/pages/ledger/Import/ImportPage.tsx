// 导入: the project list (or 已获中央补助的历史清单) — ① template and upload → ② the check's
// findings → ③ the import's progress — and beside it the monthly progress and the consultations.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Steps, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportKind } from '../../../api/ledgerTypes.ts';
import { t } from '../../../i18n/index.ts';
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
  const [kind, setKind] = useState<ImportKind>('projects');
  const choosing = state.step === 'choose';

  return (
    <Card
      title={t('导入')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/ledger')}>
          {t('返回台账')}
        </Button>
      }
    >
      <Tabs
        id="import-tabs"
        items={[
          {
            key: 'projects',
            label: t('项目清单'),
            children: (
              <Flex vertical gap={24}>
                <Segmented<ImportKind>
                  id="import-kind"
                  value={kind}
                  disabled={!choosing}
                  onChange={setKind}
                  options={[
                    { value: 'projects', label: t('项目清单（列入台账）') },
                    {
                      value: 'subsidised-history',
                      label: t('已获中央补助的历史清单（2019–2021年等）'),
                    },
                  ]}
                />
                <Steps
                  current={STEP_INDEX[state.step]}
                  status={stepStatus(state)}
                  items={[
                    { title: t('上传文件'), content: t('下载模板，填好后上传') },
                    { title: t('检查'), content: t('逐行检查，不写入台账') },
                    { title: t('导入'), content: t('确认后写入台账') },
                  ]}
                />
                {(state.step === 'choose' || state.step === 'uploading') && (
                  <UploadStep state={state} kind={kind} onFile={(file) => upload(file, kind)} />
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
            label: t('月度进展'),
            children: <ProgressImportPanel kind="progress" />,
          },
          {
            key: 'consultations',
            label: t('居民协商'),
            children: <ProgressImportPanel kind="consultations" />,
          },
        ]}
      />
    </Card>
  );
}
