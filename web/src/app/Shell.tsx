import { useMutation, useQuery } from '@apollo/client';
import { Button, Grid, Layout, Menu } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { RefreshTokenDocument, SignedInUserDocument } from '../gql/graphql';
import { ReadOnlyBanner } from '../pages/Billing/ReadOnlyBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './RequireSession';
import { endSession, refreshDelayMs, startSession, tokenExpiry } from './session';

/** The signed-in frame: navigation, language switch, who is signed in, log-out; keeps the token fresh. */
export default function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [refresh] = useMutation(RefreshTokenDocument);
  const { data: signedIn } = useQuery(SignedInUserDocument);

  // Swap the token for a fresh one before it expires; each new token schedules the next swap.
  const token = session?.token;
  useEffect(() => {
    const expiry = token ? tokenExpiry(token) : null;
    if (!expiry) return;
    const timer = window.setTimeout(() => {
      void refresh().then(({ data }) => data && startSession(data.refreshToken));
    }, refreshDelayMs(expiry, new Date()));
    return () => window.clearTimeout(timer);
  }, [token, refresh]);

  const logOut = () => {
    void navigate('/login');
    endSession();
  };

  const section = location.pathname.split('/')[1] || 'board';
  const roles = signedIn?.me?.roles ?? session?.user.roles ?? [];
  const administers = roles.includes('TENANT_ADMIN') || roles.includes('REPORT_READER');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Wraps rather than scrolling sideways on a phone. */}
      <Layout.Header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 12, paddingInline: 12, height: 'auto', minHeight: 64 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[section, location.pathname]}
          style={{ flex: 1, minWidth: 0 }}
          items={[
            { key: 'board', label: <Link to="/">{t('nav.board')}</Link> },
            { key: 'register', label: <Link to="/register">{t('nav.register')}</Link> },
            { key: 'approvals', label: <Link to="/approvals">{t('nav.approvals')}</Link> },
            // Only for those who may use it, which keeps a desk user's header short; the pages still ask the API.
            ...(administers ? [{
              key: 'administration',
              label: t('settings:nav.administration'),
              children: [
                { key: '/reports', label: <Link to="/reports">{t('reports:nav')}</Link> },
                ...(roles.includes('TENANT_ADMIN') ? [{ key: '/settings/policy', label: <Link to="/settings/policy">{t('nav.policy')}</Link> }] : []),
                { key: '/settings/billing', label: <Link to="/settings/billing">{t('settings:nav.billing')}</Link> },
                { key: '/settings/calendar', label: <Link to="/settings/calendar">{t('settings:nav.calendar')}</Link> },
                { key: '/settings/users', label: <Link to="/settings/users">{t('settings:nav.users')}</Link> },
              ],
            }] : []),
          ]}
        />
        <LanguageSwitch />
        <span style={{ color: '#fff', display: screens.md === false ? 'none' : undefined }} data-testid="signed-in-user">
          {signedIn?.me?.email ?? session?.user.email}
        </span>
        <Button size="small" onClick={logOut}>
          {t('logOut')}
        </Button>
      </Layout.Header>
      <ReadOnlyBanner />
      <Layout.Content style={{ padding: 16 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
