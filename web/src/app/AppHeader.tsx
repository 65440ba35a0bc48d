// The header: system name, the user's region, name and roles, language switch and logout.
import {
  EnvironmentOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import { ROLE_LABELS } from '../../../common/roles.ts';
import { regionPathName } from '../components/regionName.ts';
import { NotificationBell } from '../pages/declarations/NotificationBell.tsx';
import * as i18n from '../i18n/index.ts';
import { chooseLang, useAuth, useMe } from './auth.tsx';
import { useI18n } from './i18n.tsx';
import { HEADER_BG } from './theme.ts';

interface Props {
  collapsed: boolean;
  onToggle: () => void;
}

const light = { color: '#fff' };

export function AppHeader({ collapsed, onToggle }: Props) {
  const me = useMe();
  const { signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  // Below xl the header keeps the short name only, so region, user and buttons stay on one line.
  // On a phone (below md) the header keeps icons, the region's own name and the bell.
  const screens = Grid.useBreakpoint();
  const wide = screens.xl === true;
  const phone = screens.md === false;
  const regionPath = regionPathName(me.region.path);

  return (
    <Layout.Header
      style={{
        background: HEADER_BG,
        paddingInline: phone ? 8 : 16,
        display: 'flex',
        alignItems: 'center',
      }}
    >
      <Button
        type="text"
        aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggle}
        style={light}
      />
      <Typography.Title
        level={4}
        ellipsis={{ tooltip: t('appName') }}
        style={{
          ...light,
          margin: phone ? '0 8px 0 4px' : '0 24px 0 8px',
          flex: '0 1 auto',
          minWidth: 0,
        }}
      >
        {t('appShort')}
        {wide && ` · ${t('appName')}`}
      </Typography.Title>
      <Flex
        align="center"
        gap={phone ? 4 : 16}
        style={{ marginInlineStart: 'auto', flex: phone ? '0 1 auto' : 'none', minWidth: 0 }}
      >
        <Tooltip title={`${t('layout.region')}${lang === 'zh' ? '：' : ': '}${regionPath}`}>
          <span
            id="current-region"
            translate="no"
            style={{ ...light, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            <EnvironmentOutlined />{' '}
            {phone ? (me.region.path.at(-1)?.name ?? regionPath) : regionPath}
          </span>
        </Tooltip>
        <Space size={4} style={{ ...light, display: phone ? 'none' : undefined }}>
          <UserOutlined />
          <span id="current-user" translate="no">
            {me.displayName}
          </span>
          <span id="current-roles" aria-label={t('layout.roles')}>
            {me.roles.map((r) => (
              <Tag key={r} color="gold" variant="filled" style={{ marginInline: 2 }}>
                {i18n.t(ROLE_LABELS[r])}
              </Tag>
            ))}
          </span>
        </Space>
        <NotificationBell />
        <Button
          id="lang-switch"
          size="small"
          ghost
          icon={<TranslationOutlined />}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          aria-label={t('layout.language')}
          onClick={() => void chooseLang(setLang, lang === 'zh' ? 'en' : 'zh', true)}
        >
          {!phone && t('layout.language')}
        </Button>
        <Button
          id="logout-button"
          size="small"
          ghost
          icon={<LogoutOutlined />}
          aria-label={t('layout.logout')}
          onClick={() => void signOut()}
        >
          {!phone && t('layout.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
