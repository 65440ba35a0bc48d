// The signed-in frame: header, side menu following the user's roles, and the page. On a phone
// (below antd's md, 768 px) the menu opens as a drawer and the page takes the whole width.
import { Drawer, Grid, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { useMe } from './auth.tsx';
import { FullPageSpin } from './guards.tsx';
import { useI18n } from './i18n.tsx';
import { menuFor, menuKeyOf } from './menu.tsx';
import { useFocusableScrollRegions } from './scrollRegions.ts';

export function AppLayout() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  useFocusableScrollRegions(t('a11y.tableScroll'));

  const items = menuFor(me).map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: t(entry.label),
  }));
  const menu = (
    <nav aria-label={t('appShort')}>
      <Menu
        id="app-menu"
        mode="inline"
        selectedKeys={[menuKeyOf(location.pathname)]}
        items={items}
        onClick={({ key }) => {
          setDrawerOpen(false);
          void navigate(key);
        }}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader
        collapsed={phone ? !drawerOpen : collapsed}
        onToggle={() => (phone ? setDrawerOpen((o) => !o) : setCollapsed((c) => !c))}
      />
      <Layout>
        {phone ? (
          <Drawer
            id="app-drawer"
            placement="left"
            size={240}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('appShort')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            id="app-sider"
            width={200}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            trigger={null}
            theme="light"
            style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 8 : 24, minWidth: 0 }}>
          <main>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
