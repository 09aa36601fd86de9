import { ErrorBlock, SpinLoading } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../shared/format.ts';
import { formatShort } from './live-format.ts';
import { LiveViewerPage } from './live-viewer.page.tsx';
import { liveApi, type SessionSummary } from './livestream.api.ts';
import { SurveyAnswerPage } from './survey-answer.page.tsx';

function StatusIcon({ status }: { status: SessionSummary['status'] }) {
  if (status === 'live') {
    return (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="28"
        height="28"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      >
        <circle cx="12" cy="12" r="2.6" fill="currentColor" />
        <path d="M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4M4.9 4.9a10 10 0 0 0 0 14.2M19.1 4.9a10 10 0 0 1 0 14.2" />
      </svg>
    );
  }
  if (status === 'scheduled') {
    return (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="26"
        height="26"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      >
        <rect x="3.5" y="5" width="17" height="15" rx="2.5" />
        <path d="M3.5 10h17M8 3v4M16 3v4" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26" fill="currentColor">
      <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5z" />
    </svg>
  );
}

function SessionCard({ session }: { session: SessionSummary }) {
  const { t, i18n } = useTranslation();
  const when =
    session.status === 'live'
      ? t('livestream:list.startedAt', {
          time: formatShort(session.startedAt ?? session.scheduledStart, i18n.language),
        })
      : formatShort(session.scheduledStart, i18n.language);
  return (
    <li>
      <Link to={`/live?session=${session.id}`} className={`gy-live-item gy-live-item-${session.status}`}>
        <span className="gy-live-item-cover" aria-hidden>
          <StatusIcon status={session.status} />
        </span>
        <span className="gy-live-item-text">
          <span className={`gy-live-item-status gy-live-item-status-${session.status}`}>
            {session.statusLabel}
          </span>
          <span className="gy-live-item-title">{session.title}</span>
          <span className="gy-live-item-meta">{session.organisers.map((o) => o.name).join(' · ')}</span>
          <span className="gy-live-item-meta">
            {when}
            {session.likes > 0 &&
              ` · ${t('livestream:list.likes', { n: formatNumber(session.likes, i18n.language) })}`}
          </span>
        </span>
      </Link>
    </li>
  );
}

function SessionList() {
  const { t } = useTranslation();
  const [items, setItems] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    liveApi
      .list({}, { limit: 50 })
      .then((p) => setItems(p.items))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('shared:error.loadFailed')));
  }, [t]);

  if (error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={error} />;
  }
  if (!items) {
    return (
      <div className="gy-live-loading">
        <SpinLoading color="primary" />
      </div>
    );
  }
  const groups = [
    { key: 'live', title: t('livestream:list.live'), items: items.filter((s) => s.status === 'live') },
    {
      key: 'scheduled',
      title: t('livestream:list.upcoming'),
      items: items.filter((s) => s.status === 'scheduled'),
    },
    {
      key: 'ended',
      title: t('livestream:list.replays'),
      items: items.filter((s) => s.status === 'ended' || s.status === 'archived'),
    },
  ];
  return (
    <div className="gy-live-list">
      <p className="gy-live-intro">{t('livestream:list.intro')}</p>
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`live-group-${g.key}`} className="gy-live-group">
          <h2 id={`live-group-${g.key}`} className="gy-live-h2">
            {g.title}
          </h2>
          {g.items.length === 0 ? (
            <p className="gy-live-none">{t('livestream:list.none')}</p>
          ) : (
            <ul className="gy-live-items">
              {g.items.map((s) => (
                <SessionCard key={s.id} session={s} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** 直播带岗 in the worker app: the sessions, one session's viewer (`?session=`), a questionnaire (`?survey=`). */
export function LiveHomePage() {
  const [params] = useSearchParams();
  const survey = params.get('survey');
  const session = params.get('session');
  if (survey) {
    return <SurveyAnswerPage surveyId={survey} backTo={session ? `/live?session=${session}` : '/live'} />;
  }
  if (session) {
    return <LiveViewerPage key={session} sessionId={session} />;
  }
  return <SessionList />;
}
