import { Badge, ErrorBlock, NoticeBar, Popup, SpinLoading, Tabs, Toast } from 'antd-mobile';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { formatNumber } from '../shared/format.ts';
import { HlsPlayer } from './hls-player.tsx';
import { LiveChat } from './live-chat.tsx';
import { formatShort, formatTime } from './live-format.ts';
import { LiveJobCard } from './live-job-card.tsx';
import { type Channel, type JobCard, liveApi, type SessionView, viewerId } from './livestream.api.ts';
import { type LiveHandlers, useLiveEvents } from './use-live-events.ts';

const LIKE_FLUSH_MS = 500;

/** Taps are counted locally and sent at most every 500 ms, up to 100 per request. */
function useLikes(sessionId: string) {
  const pending = useRef(0);
  const [sentByMe, setSentByMe] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      const n = Math.min(pending.current, 100);
      if (n === 0) {
        return;
      }
      pending.current -= n;
      liveApi.like(sessionId, n).catch(() => {
        pending.current += n; // retried with the next batch
      });
    }, LIKE_FLUSH_MS);
    return () => {
      clearInterval(timer);
      if (pending.current > 0) {
        void liveApi.like(sessionId, Math.min(pending.current, 100)).catch(() => undefined);
        pending.current = 0;
      }
    };
  }, [sessionId]);
  return {
    sentByMe,
    tap: () => {
      pending.current += 1;
      setSentByMe((n) => n + 1);
    },
  };
}

function PlayerPoster({
  session,
  segmentTitle,
  status,
}: {
  session: SessionView;
  segmentTitle: string | null;
  status: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div
      className="gy-live-poster"
      role="img"
      aria-label={t('livestream:viewer.posterLabel', { title: session.title })}
    >
      <div className="gy-live-poster-glow" aria-hidden />
      <div className="gy-live-poster-org">{session.organisers.map((o) => o.name).join(' · ')}</div>
      <div className="gy-live-poster-title">{session.title}</div>
      {segmentTitle && (
        <div className="gy-live-poster-segment">
          <span className="gy-live-onair" aria-hidden />
          {t('livestream:viewer.onAir', { title: segmentTitle })}
        </div>
      )}
      {status === 'scheduled' && (
        <div className="gy-live-poster-segment">
          {t('livestream:viewer.startsAt', { time: formatShort(session.scheduledStart, i18n.language) })}
        </div>
      )}
    </div>
  );
}

export function LiveViewerPage({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [channelOpen, setChannelOpen] = useState(false);
  const [applying, setApplying] = useState<string | null>(null);
  const [hearts, setHearts] = useState<{ id: number; x: number }[]>([]);
  const heartId = useRef(0);
  const viewer = useMemo(() => viewerId(), []);
  const chatEvents = useRef<LiveHandlers>({});
  const live = useLiveEvents(sessionId, {
    viewerId: viewer,
    onMessage: (m) => chatEvents.current.onMessage?.(m),
    onMessageRemoved: (id) => chatEvents.current.onMessageRemoved?.(id),
    onMessagePinned: (id, pinned) => chatEvents.current.onMessagePinned?.(id, pinned),
    onStatus: () => loadChannelRef.current(),
  });
  const likes = useLikes(sessionId);
  const opened = useRef(new Set<string>());

  useEffect(() => {
    let cancelled = false;
    setSession(null);
    setError(null);
    liveApi
      .get(sessionId)
      .then((s) => !cancelled && setSession(s))
      .catch(
        (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : t('shared:error.loadFailed')),
      );
    return () => {
      cancelled = true;
    };
  }, [sessionId, t]);

  const loadChannel = useCallback(() => {
    liveApi
      .channel(sessionId)
      .then(setChannel)
      .catch((e: unknown) =>
        Toast.show({ content: e instanceof Error ? e.message : t('shared:error.loadFailed') }),
      );
  }, [sessionId, t]);

  const loadChannelRef = useRef(loadChannel);
  loadChannelRef.current = loadChannel;
  useEffect(() => {
    loadChannel();
  }, [loadChannel]);

  const status = live.status ?? session?.status ?? null;
  const segment = live.status ? live.currentSegment : (session?.currentSegment ?? null);
  const pinned = live.status ? live.pinnedJob : (session?.pinnedJob ?? null);
  const counters = live.counters ?? session?.counters ?? null;
  const announcements = live.status ? live.announcements : (session?.announcements ?? []);
  const applied = new Set(channel?.appliedJobIds ?? []);
  const isOpen = channel?.channelOpen ?? session?.channelOpen ?? false;

  const recordOpen = (jobId: string) => {
    if (opened.current.has(jobId)) {
      return;
    }
    opened.current.add(jobId);
    void liveApi.jobOpen(sessionId, jobId, viewer).catch(() => undefined);
  };

  const apply = async (job: JobCard) => {
    recordOpen(job.id);
    setApplying(job.id);
    try {
      await liveApi.apply(sessionId, job.id);
      setChannel((c) => (c ? { ...c, appliedJobIds: [...c.appliedJobIds, job.id] } : c));
      Toast.show({ icon: 'success', content: t('livestream:job.appliedToast', { title: job.title }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setChannel((c) => (c ? { ...c, appliedJobIds: [...c.appliedJobIds, job.id] } : c));
      }
      Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : t('shared:error.unknown') });
    } finally {
      setApplying(null);
    }
  };

  const tapLike = () => {
    likes.tap();
    const id = ++heartId.current;
    setHearts((h) => [...h.slice(-12), { id, x: Math.round(Math.random() * 40 - 20) }]);
    setTimeout(() => setHearts((h) => h.filter((x) => x.id !== id)), 1400);
  };

  if (error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={error} />;
  }
  if (!session || !status) {
    return (
      <div className="gy-live-loading">
        <SpinLoading color="primary" />
      </div>
    );
  }

  const ended = status === 'ended' || status === 'archived';
  const likeTotal = (counters?.likes ?? session.likes) + (live.counters ? 0 : likes.sentByMe);
  const replay = ended && session.replayUrl;
  const hls =
    !ended && session.stream?.kind === 'hls'
      ? session.stream.url
      : replay && /\.m3u8(\?|$)/.test(session.replayUrl ?? '')
        ? session.replayUrl
        : null;
  const external =
    !ended && session.stream?.kind === 'external'
      ? session.stream.url
      : replay && !hls
        ? session.replayUrl
        : null;
  const badge =
    status === 'live'
      ? t('livestream:status.liveBadge')
      : ended
        ? t('livestream:status.replayBadge')
        : t('livestream:status.scheduledBadge');
  const openSurveys = session.surveys.filter((s) => s.status === 'open');

  return (
    <div className="gy-live-viewer">
      <Link to="/live" className="gy-live-backlink">
        {t('livestream:viewer.allSessions')}
      </Link>
      <section
        className="gy-live-player"
        aria-label={t('livestream:viewer.player')}
        data-testid="live-player"
      >
        {hls ? (
          <HlsPlayer src={hls} label={session.title} />
        ) : (
          <PlayerPoster
            session={session}
            segmentTitle={status === 'live' ? (segment?.title ?? null) : null}
            status={status}
          />
        )}
        <span className={`gy-live-badge gy-live-badge-${status}`}>{badge}</span>
        {counters && (
          <span className="gy-live-watchers">
            {status === 'live'
              ? t('livestream:viewer.watching', { n: formatNumber(counters.concurrent, lang) })
              : t('livestream:viewer.viewed', { n: formatNumber(counters.exposures, lang) })}
          </span>
        )}
        {external && (
          <a className="gy-live-external" href={external} target="_blank" rel="noreferrer">
            {ended ? t('livestream:viewer.watchReplay') : t('livestream:viewer.openStream')}
          </a>
        )}
        <div className="gy-live-hearts" aria-hidden="true">
          {hearts.map((h) => (
            <span key={h.id} className="gy-live-heart" style={{ marginLeft: h.x }}>
              ♥
            </span>
          ))}
        </div>
      </section>

      <div className="gy-live-stats" aria-live="off">
        <div>
          <strong>{formatNumber(counters?.exposures ?? 0, lang)}</strong>
          <span>{t('livestream:counter.exposures')}</span>
        </div>
        <div>
          <strong>{formatNumber(counters?.concurrent ?? 0, lang)}</strong>
          <span>{t('livestream:counter.concurrent')}</span>
        </div>
        <div>
          <strong data-testid="like-count">{formatNumber(likeTotal, lang)}</strong>
          <span>{t('livestream:counter.likes')}</span>
        </div>
        <div>
          <strong>{formatNumber(counters?.applications ?? 0, lang)}</strong>
          <span>{t('livestream:counter.applications')}</span>
        </div>
      </div>

      {ended && (
        <NoticeBar
          color="info"
          wrap
          content={isOpen ? t('livestream:viewer.endedOpen') : t('livestream:viewer.endedClosed')}
        />
      )}

      <section className="gy-live-pinned" aria-label={t('livestream:viewer.pinned')} aria-live="polite">
        {pinned && status === 'live' ? (
          <>
            <div className="gy-live-pinned-label">{t('livestream:viewer.pinnedNow')}</div>
            <LiveJobCard
              job={pinned}
              highlight
              headingLevel={2}
              applied={applied.has(pinned.id)}
              applying={applying === pinned.id}
              channelOpen={isOpen}
              onApply={(job) => void apply(job)}
            />
          </>
        ) : (
          <div className="gy-live-pinned-empty">
            {status === 'live'
              ? t('livestream:viewer.noPin')
              : t('livestream:viewer.browseJobs', { count: session.jobCount })}
          </div>
        )}
      </section>

      <Tabs className="gy-live-tabs">
        <Tabs.Tab title={t('livestream:viewer.tabRoom')} key="room">
          {announcements.length > 0 && (
            <section aria-label={t('livestream:viewer.announcements')} className="gy-live-card">
              <h2 className="gy-live-h2">{t('livestream:viewer.announcements')}</h2>
              {announcements.slice(0, 3).map((a) => (
                <p key={a.id} className="gy-live-announcement">
                  <span className="gy-live-ann-time">{formatTime(a.at, lang)}</span>
                  {a.text}
                </p>
              ))}
            </section>
          )}
          {openSurveys.map((s) => (
            <Link key={s.id} to={`/live?survey=${s.id}&session=${sessionId}`} className="gy-live-survey-link">
              <span>
                <strong>{t('livestream:viewer.survey')}</strong>
                <span>{s.title}</span>
              </span>
              <span aria-hidden>›</span>
            </Link>
          ))}
          <section className="gy-live-card" aria-label={t('livestream:viewer.rundown')}>
            <h2 className="gy-live-h2">{t('livestream:viewer.rundown')}</h2>
            <ol className="gy-live-rundown">
              {session.segments.map((s) => {
                const current = status === 'live' && segment?.id === s.id;
                return (
                  <li key={s.id} className={current ? 'gy-live-rundown-current' : undefined}>
                    <span className="gy-live-kind">{t(`livestream:segmentKind.${s.kind}`)}</span>
                    <span className="gy-live-rundown-title">{s.title}</span>
                    {current && <span className="gy-live-now">{t('livestream:viewer.now')}</span>}
                  </li>
                );
              })}
            </ol>
            {session.description && <p className="gy-live-desc">{session.description}</p>}
          </section>
        </Tabs.Tab>
        <Tabs.Tab title={t('livestream:viewer.tabGroup')} key="group">
          <LiveChat sessionId={sessionId} events={chatEvents} />
        </Tabs.Tab>
      </Tabs>

      <div className="gy-live-fab">
        <button
          type="button"
          className="gy-live-like"
          onClick={tapLike}
          aria-label={t('livestream:viewer.like')}
          disabled={status !== 'live'}
        >
          <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
            <path
              d="M12 21s-7.5-4.6-9.6-9.1C.9 8.6 3 5 6.5 5c2 0 3.5 1.1 4.5 2.6C12 6.1 13.5 5 15.5 5 19 5 21.1 8.6 19.6 11.9 17.5 16.4 12 21 12 21z"
              fill="currentColor"
            />
          </svg>
        </button>
        <Badge content={channel ? String(channel.items.length) : null} color="#874d00">
          <button
            type="button"
            className="gy-live-channel-btn"
            onClick={() => {
              setChannelOpen(true);
              loadChannel();
            }}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <rect
                x="3"
                y="7"
                width="18"
                height="13"
                rx="2.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
              <path
                d="M9 7V5.5A1.5 1.5 0 0 1 10.5 4h3A1.5 1.5 0 0 1 15 5.5V7M3 12.5h18"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
            </svg>
            <span>{t('livestream:viewer.channel')}</span>
          </button>
        </Badge>
      </div>

      <Popup
        visible={channelOpen}
        onMaskClick={() => setChannelOpen(false)}
        onClose={() => setChannelOpen(false)}
        bodyStyle={{
          borderTopLeftRadius: 16,
          borderTopRightRadius: 16,
          maxHeight: '72vh',
          display: 'flex',
          flexDirection: 'column',
        }}
        showCloseButton
        closeOnMaskClick
      >
        <div className="gy-live-sheet" role="dialog" aria-modal="true" aria-labelledby="live-channel-title">
          <h2 id="live-channel-title" className="gy-live-sheet-title">
            {t('livestream:channel.title')}
            <span className="gy-live-sheet-count">
              {t('livestream:channel.count', { count: channel?.items.length ?? 0 })}
            </span>
          </h2>
          {channel?.zone && (
            <p className="gy-live-sheet-zone">
              {channel.eligibleForZone
                ? t('livestream:channel.zoneFirst', { zone: channel.zone.name })
                : t('livestream:channel.zoneInfo', {
                    zone: channel.zone.name,
                    provinces: channel.zone.provinces.join('、'),
                  })}
            </p>
          )}
          {!isOpen && <p className="gy-live-sheet-zone">{t('livestream:channel.closed')}</p>}
          <div className="gy-live-sheet-list">
            {channel === null ? (
              <div className="gy-live-loading">
                <SpinLoading color="primary" />
              </div>
            ) : channel.items.length === 0 ? (
              <ErrorBlock status="empty" title={t('livestream:channel.empty')} description="" />
            ) : (
              channel.items.map((job) => (
                <LiveJobCard
                  key={job.id}
                  job={job}
                  highlight={pinned?.id === job.id && status === 'live'}
                  applied={applied.has(job.id)}
                  applying={applying === job.id}
                  channelOpen={isOpen}
                  onApply={(j) => void apply(j)}
                />
              ))
            )}
          </div>
        </div>
      </Popup>
    </div>
  );
}
