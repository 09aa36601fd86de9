import { Dialog, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe, useSession } from '../org/session.context.tsx';
import { visibleTiles } from './worker.tiles.ts';
import { WorkerLanguageSwitch } from './worker-language.tsx';

function greetingKey(hour: number): 'morning' | 'noon' | 'afternoon' | 'evening' {
  if (hour < 11) {
    return 'morning';
  }
  if (hour < 13) {
    return 'noon';
  }
  if (hour < 18) {
    return 'afternoon';
  }
  return 'evening';
}

/** 工友之家: a greeting, the services that exist, and settings. */
export function WorkerHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const tiles = visibleTiles({ isMember: me.member !== null, permissions: me.permissions });
  const name = me.member?.name ?? me.displayName;
  const org = me.member?.orgName ?? me.organisation?.name;

  return (
    <main className="gy-w-page">
      <header className="gy-w-hero">
        <div className="gy-w-hero-top">
          <span className="gy-w-brand">
            <span className="gy-w-mark" aria-hidden>
              工
            </span>
            {t('shared:product.worker')}
          </span>
          <WorkerLanguageSwitch tone="light" />
        </div>
        <h1 className="gy-w-greeting">
          {t('worker:greeting.name', {
            greeting: t(`worker:greeting.${greetingKey(new Date().getHours())}`),
            name,
          })}
        </h1>
        {org && <p className="gy-w-org">{org}</p>}
        <p className="gy-w-slogan">{t('worker:home.slogan')}</p>
      </header>

      <section className="gy-w-section" aria-labelledby="services-title">
        <h2 id="services-title" className="gy-w-section-title">
          {t('worker:home.services')}
        </h2>
        <ul className="gy-w-tiles">
          {tiles.map((tile) => (
            <li key={tile.key}>
              <Link to={tile.path} className="gy-w-tile">
                <span className="gy-w-tile-icon" style={{ background: tile.color }} aria-hidden>
                  {tile.icon}
                </span>
                <span className="gy-w-tile-text">
                  <span className="gy-w-tile-label">{t(tile.labelKey)}</span>
                  <span className="gy-w-tile-hint">{t(tile.hintKey)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="gy-w-soon">{t('worker:home.moreSoon')}</p>
      </section>

      <section className="gy-w-section" aria-label={t('worker:settings.title')}>
        <List header={t('worker:settings.title')} mode="card">
          <List.Item extra={<WorkerLanguageSwitch tone="dark" />} arrowIcon={false}>
            {t('worker:settings.language')}
          </List.Item>
          <List.Item
            arrowIcon={false}
            onClick={async () => {
              const ok = await Dialog.confirm({
                content: t('worker:settings.logoutConfirm'),
                confirmText: t('shared:action.confirm'),
                cancelText: t('shared:action.cancel'),
              });
              if (ok) {
                await logout();
              }
            }}
          >
            <span className="gy-w-logout">{t('worker:settings.logout')}</span>
          </List.Item>
        </List>
      </section>
    </main>
  );
}
