import { Button, Empty, ErrorBlock, List, Skeleton } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { employmentApi } from './employment.api.ts';
import { useLoad } from './use-employment.ts';

/** In-app messages (an application moved, a posting answered), newest first; opening the page marks them read. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useLoad(() => employmentApi.notifications(), [i18n.language]);
  const unread = list.data?.filter((n) => !n.read).map((n) => n.id) ?? [];
  const unreadKey = unread.join(',');

  // Seen once the list is on screen; the dots stay for this visit so the reader can tell what was new.
  useEffect(() => {
    if (unreadKey) {
      void employmentApi.markRead(unreadKey.split(',')).catch(() => undefined);
    }
  }, [unreadKey]);

  if (list.error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={list.error} />;
  }
  if (!list.data) {
    return (
      <div className="gy-e-page">
        <Skeleton.Paragraph lineCount={6} animated />
      </div>
    );
  }
  if (list.data.length === 0) {
    return <Empty description={t('employment:notice.empty')} />;
  }
  return (
    <div className="gy-e-page">
      <p className="gy-e-count">
        {unread.length > 0
          ? t('employment:notice.unread', { count: unread.length })
          : t('employment:notice.allRead')}
      </p>
      <List mode="card">
        {list.data.map((n) => {
          // Links point into the worker app (e.g. /applications); anything else is shown without one.
          const link = n.link?.startsWith('/') ? n.link : null;
          return (
            <List.Item
              key={n.id}
              prefix={<span className={`gy-e-unread${n.read ? '' : ' is-on'}`} aria-hidden />}
              description={
                <>
                  <span className="gy-e-notice-body">{n.body}</span>
                  <span className="gy-e-notice-at">{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</span>
                </>
              }
              arrowIcon={link !== null}
              {...(link ? { onClick: () => void navigate(link) } : {})}
            >
              {n.read ? n.title : `${n.title} · ${t('employment:notice.new')}`}
            </List.Item>
          );
        })}
      </List>
      <div className="gy-e-center">
        <Button size="small" fill="none" onClick={() => list.reload()}>
          {t('shared:action.refresh')}
        </Button>
      </div>
    </div>
  );
}
