// 经纬度 on the community form: optional, both or neither, WGS-84 decimal degrees inside China
// (common/coordinates.ts, the server's own check); they place the community on 小区分布图.
import { Col, Form, Input, Row, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { t } from '../../../i18n/index.ts';
import { LABELS, positionCheck, type CommunityValues } from './communityForm.ts';

function pairRule(field: 'lng' | 'lat') {
  return (form: Pick<FormInstance, 'getFieldsValue'>) => ({
    validator: () => {
      const problem = positionCheck(field, form.getFieldsValue() as CommunityValues);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  });
}

export function PositionFields() {
  const field = (name: 'lng' | 'lat', id: string, placeholder: string, other: 'lng' | 'lat') => (
    <Form.Item
      name={name}
      label={t(LABELS[name])}
      htmlFor={id}
      dependencies={[other]}
      rules={[pairRule(name)]}
    >
      <Input
        id={id}
        inputMode="decimal"
        maxLength={20}
        placeholder={placeholder}
        suffix={t('度')}
      />
    </Form.Item>
  );
  return (
    <>
      <Typography.Title level={5}>{t('位置')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '选填，用于小区分布图：十进制度数，WGS-84 坐标（GPS、手机定位、天地图所用），经度和纬度须同时填写；高德、百度等地图上取的坐标有偏移，请勿直接填入。',
        )}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} md={8} xl={6}>
          {field('lng', 'community-lng', t('如 {example}', { example: '110.3312' }), 'lat')}
        </Col>
        <Col xs={12} md={8} xl={6}>
          {field('lat', 'community-lat', t('如 {example}', { example: '20.0311' }), 'lng')}
        </Col>
      </Row>
    </>
  );
}
