// 改造前后照片: thumbnails (click to view) with kind, month, when and where taken, and caption, and
// the form that uploads one (JPEG/PNG/WebP, at most 10 MB; the server checks the file's bytes). On
// a phone the file button offers the camera beside the gallery (no `capture`: that would forbid the
// gallery on Android), and 使用当前位置 takes the phone's position; without
// one the server keeps the photo's own GPS (EXIF).
import {
  AimOutlined,
  CameraOutlined,
  DeleteOutlined,
  EnvironmentOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Image,
  Input,
  Popconfirm,
  Radio,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client.ts';
import {
  deleteAttachment,
  uploadPhoto,
  type Attachment,
  type PhotoKind,
} from '../../../../api/communityProgress.ts';
import { tNodes, tServer } from '../../tData.tsx';
import { applyServerErrors } from '../../../../components/serverErrors.ts';
import { currentPeriod, PHOTO_KIND_LABELS } from './progressLabels.ts';
import { MonthInput } from '../../../../components/DateFields.tsx';
import { Data, periodText, t } from '../../../../i18n/index.ts';

const MAX_BYTES = 10 * 1024 * 1024;

const POSITION_SOURCES = { exif: '照片自带位置', device: '本机定位', manual: '手工填写' } as const;

/** `2026-11-20T09:30:05` → `2026-11-20 09:30` (the camera's own clock, shown as it wrote it) */
const takenLabel = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)}`;

interface Values {
  kind: PhotoKind;
  period: string;
  lng: string;
  lat: string;
  caption: string;
}

interface Props {
  communityId: number;
  photos: Attachment[];
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

function PhotoCard({
  p,
  canEdit,
  onDelete,
}: {
  p: Attachment;
  canEdit: boolean;
  onDelete: () => void;
}) {
  return (
    <Card
      size="small"
      data-photo-id={p.id}
      className="community-photo"
      style={{ width: 190 }}
      cover={
        <Image
          src={p.url}
          alt={p.caption || p.fileName}
          translate="no"
          height={130}
          style={{ objectFit: 'cover' }}
        />
      }
      actions={
        canEdit
          ? [
              <Popconfirm
                key="delete"
                title={t('删除这张照片？')}
                okText={t('删除')}
                onConfirm={onDelete}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />}>
                  {t('删除')}
                </Button>
              </Popconfirm>,
            ]
          : undefined
      }
    >
      <Flex vertical gap={2}>
        <span>
          <Tag color={p.kind === 'before' ? 'default' : 'green'}>
            {t(PHOTO_KIND_LABELS[p.kind as PhotoKind])}
          </Tag>
          {p.period ? periodText(p.period) : ''}
        </span>
        {p.caption && (
          <Typography.Text>
            <Data>{p.caption}</Data>
          </Typography.Text>
        )}
        {p.takenAt && (
          <Typography.Text type="secondary" className="photo-taken">
            <CameraOutlined /> {t('拍摄于 {at}', { at: takenLabel(p.takenAt) })}
          </Typography.Text>
        )}
        {p.lng && p.lat && (
          <Typography.Text type="secondary" className="photo-position">
            <EnvironmentOutlined /> {p.lng}, {p.lat}
            {p.positionSource &&
              t('（{source}）', { source: t(POSITION_SOURCES[p.positionSource]) })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" ellipsis>
          <Data>{p.fileName}</Data>
        </Typography.Text>
      </Flex>
    </Card>
  );
}

export function PhotosPanel({ communityId, photos, canEdit, onChanged }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [source, setSource] = useState<'device' | 'manual'>('manual');
  const [locating, setLocating] = useState(false);

  function locate() {
    if (!('geolocation' in navigator)) {
      void message.error(t('此浏览器不能取得位置，请手工填写经纬度'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        form.setFieldsValue({
          lng: pos.coords.longitude.toFixed(6),
          lat: pos.coords.latitude.toFixed(6),
        });
        setSource('device');
      },
      (err) => {
        setLocating(false);
        void message.error(
          err.code === err.PERMISSION_DENIED
            ? t('未获准使用位置：请在浏览器中允许本站使用位置，或手工填写经纬度')
            : t('暂时取不到位置，请稍后再试或手工填写经纬度'),
        );
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function save(v: Values) {
    if (!file) {
      setFailure(t('请选择照片（JPEG、PNG 或 WebP，不超过 10 MB）'));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await uploadPhoto(
        communityId,
        {
          kind: v.kind,
          period: v.period,
          lng: v.lng.trim(),
          lat: v.lat.trim(),
          positionSource: source,
          caption: v.caption.trim(),
        },
        file,
      );
      void message.success(t('照片已上传'));
      setFile(null);
      form.setFieldsValue({ caption: '', lng: '', lat: '' });
      setSource('manual');
      await onChanged();
    } catch (e) {
      applyServerErrors(form, e, ['kind', 'period', 'lng', 'lat', 'caption']);
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function remove(id: number) {
    try {
      await deleteAttachment(communityId, id);
      void message.success(t('照片已删除'));
      await onChanged();
    } catch (e) {
      void message.error(t(errorMessage(e)));
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: 'photo', name: file.name, size: file.size, status: 'done' }]
    : [];

  return (
    <Flex vertical gap={12}>
      <div id="photo-list">
        {photos.length ? (
          <Image.PreviewGroup>
            <Flex gap={12} wrap>
              {photos.map((p) => (
                <PhotoCard key={p.id} p={p} canEdit={canEdit} onDelete={() => void remove(p.id)} />
              ))}
            </Flex>
          </Image.PreviewGroup>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚无照片')} />
        )}
      </div>
      {canEdit && (
        <Form<Values>
          id="photo-form"
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          initialValues={{ kind: 'before', period: currentPeriod(), lng: '', lat: '', caption: '' }}
          onFinish={(v) => void save(v)}
          onValuesChange={(changed: Partial<Values>) => {
            if ('lng' in changed || 'lat' in changed) setSource('manual');
          }}
        >
          <Form.Item name="kind" label={t('类别')}>
            <Radio.Group
              id="photo-kind"
              optionType="button"
              options={Object.entries(PHOTO_KIND_LABELS).map(([value, label]) => ({
                value,
                label: t(label),
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('月份')} htmlFor="photo-period">
            <MonthInput id="photo-period" />
          </Form.Item>
          <Form.Item name="lng" label={t('经度')} htmlFor="photo-lng">
            <Input
              id="photo-lng"
              placeholder={t('如 {example}', { example: '110.3312' })}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item name="lat" label={t('纬度')} htmlFor="photo-lat">
            <Input
              id="photo-lat"
              placeholder={t('如 {example}', { example: '20.0311' })}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item>
            <Button id="photo-locate" icon={<AimOutlined />} loading={locating} onClick={locate}>
              {t('使用当前位置')}
            </Button>
          </Form.Item>
          <Form.Item name="caption" label={t('说明')} htmlFor="photo-caption">
            <Input id="photo-caption" maxLength={200} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('照片')} required>
            <Upload
              id="photo-file"
              accept="image/jpeg,image/png,image/webp"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                if (f.size > MAX_BYTES) {
                  void message.error(tNodes(t('文件“{name}”超过 10 MB'), {}, { name: f.name }));
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                setFailure(null);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />}>{t('拍照或选择照片')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Button id="photo-save" type="primary" htmlType="submit" loading={saving}>
              {t('上传照片')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && <Alert id="photo-error" type="error" showIcon title={tServer(failure)} />}
    </Flex>
  );
}
