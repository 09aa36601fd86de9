import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabel } from '../org/role-label.ts';
import { useMe, useSession } from '../org/session.context.tsx';
import type { ConsoleRoute } from '../shared/module-registry.ts';
import { LanguageMenu } from './language-menu.tsx';

function activeKey(pathname: string, routes: readonly ConsoleRoute[]): string {
  const first = pathname.replace(/^\/+/, '').split('/')[0] ?? '';
  return routes.some((r) => r.path === first) ? first : '';
}

/** The console frame: navigation from the routes the account may open, the account menu, the language. */
export function ConsoleLayout({ routes }: { routes: readonly ConsoleRoute[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const current = activeKey(location.pathname, routes);
  const currentRoute = routes.find((r) => r.path === current);
  const roleNames = [...new Set(me.roles.map((r) => roleLabel(r.role)))].join(
    t('console:header.listSeparator'),
  );

  const signOut = async () => {
    void navigate('/');
    await logout();
    void message.success(t('console:header.loggedOut'));
  };

  return (
    // The dark base shows under the sticky sider when the page is taller than the window.
    <Layout hasSider style={{ minHeight: '100vh', background: '#0f2340' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={224}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to="/" className="gy-brand" aria-label={t('shared:product.console')}>
          <span className="gy-logo" aria-hidden>
            工
          </span>
          {!collapsed && (
            <span className="gy-brand-text">
              <span className="gy-brand-name">{t('shared:product.name')}</span>
              <span className="gy-brand-sub">{t('shared:product.console')}</span>
            </span>
          )}
        </Link>
        <nav aria-label={t('console:header.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[current]}
            items={routes.map((r) => ({
              key: r.path,
              icon: r.icon,
              label: <Link to={`/${r.path}`}>{t(r.labelKey)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout style={{ background: '#f3f5f9' }}>
        <Layout.Header className="gy-header">
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('console:header.expand') : t('console:header.collapse')}
              onClick={() => setCollapsed((c) => !c)}
            />
            <Typography.Title level={1} className="gy-page-title" ellipsis>
              {currentRoute ? t(currentRoute.labelKey) : ''}
            </Typography.Title>
          </Flex>
          <Flex align="center" gap={8}>
            <LanguageMenu />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'who',
                    type: 'group',
                    label: (
                      <Flex vertical style={{ maxWidth: 280, whiteSpace: 'normal' }}>
                        <span>
                          {t('console:header.account')}：{me.username}
                        </span>
                        {roleNames && (
                          <span>
                            {t('console:header.roles')}：{roleNames}
                          </span>
                        )}
                      </Flex>
                    ),
                  },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('shared:action.logout'), danger: true },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') {
                    void signOut();
                  }
                },
              }}
            >
              <Button
                type="text"
                className="gy-user"
                aria-label={`${me.displayName} · ${me.organisation?.name ?? ''}`}
              >
                <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d5bd8' }} />
                <span className="gy-user-text">
                  <span className="gy-user-name">{me.displayName}</span>
                  {me.organisation && <span className="gy-user-org">{me.organisation.name}</span>}
                </span>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="gy-content">
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 80 }}>
                <Spin size="large" />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="gy-footer">{t('console:login.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
