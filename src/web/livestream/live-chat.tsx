import { ActionSheet, Button, ErrorBlock, Input, SpinLoading, Toast } from 'antd-mobile';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShort } from './live-format.ts';
import { liveApi, type Message, type MessagePage, REPORT_REASONS } from './livestream.api.ts';
import type { LiveHandlers } from './use-live-events.ts';

/**
 * The session's service group on the phone: staff and HR answer applicants, pinned notices
 * stay on top, anyone signed in may post (the server limits the pace) and report a message.
 */
export function LiveChat({ sessionId, events }: { sessionId: string; events: RefObject<LiveHandlers> }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<MessagePage | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    liveApi
      .messages(sessionId)
      .then(setPage)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : t('shared:error.loadFailed')));
  }, [sessionId, t]);

  useEffect(() => {
    load();
  }, [load]);

  // New messages arrive on the page's one event stream; the page hands them over here.
  useEffect(() => {
    events.current = {
      onMessage: (m) =>
        setPage((p) => (p && !p.items.some((x) => x.id === m.id) ? { ...p, items: [m, ...p.items] } : p)),
      onMessageRemoved: (id) => setPage((p) => (p ? { ...p, items: p.items.filter((m) => m.id !== id) } : p)),
      onMessagePinned: () => load(),
    };
    return () => {
      events.current = {};
    };
  }, [events, load]);

  const send = async () => {
    const value = text.trim();
    if (!value) {
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const created = await liveApi.post(sessionId, value);
      setText('');
      setPage((p) => (p ? { ...p, items: [created, ...p.items.filter((m) => m.id !== created.id)] } : p));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : t('shared:error.unknown'));
    } finally {
      setSending(false);
    }
  };

  const report = (message: Message) => {
    const handler = ActionSheet.show({
      extra: t('livestream:chat.reportTitle'),
      cancelText: t('shared:action.cancel'),
      actions: REPORT_REASONS.map((reason) => ({
        key: reason,
        text: t(`livestream:reportReason.${reason}`),
        onClick: () => {
          handler.close();
          liveApi
            .reportMessage(message.id, reason)
            .then(() => Toast.show({ icon: 'success', content: t('livestream:chat.reported') }))
            .catch((e: unknown) =>
              Toast.show({ content: e instanceof Error ? e.message : t('shared:error.unknown') }),
            );
        },
      })),
    });
  };

  if (!page) {
    return problem ? (
      <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={problem} />
    ) : (
      <div className="gy-live-loading">
        <SpinLoading color="primary" />
      </div>
    );
  }

  const muted = page.me?.muted || page.me?.removed;
  const items = [...page.items].reverse();

  const bubble = (m: Message) => (
    <li key={m.id} className={`gy-live-msg${m.mine ? ' gy-live-msg-mine' : ''}`}>
      <div className="gy-live-msg-head">
        <span className="gy-live-msg-name">{m.author.name}</span>
        {m.author.role !== 'member' && (
          <span className={`gy-live-role gy-live-role-${m.author.role}`}>
            {t(`livestream:chat.role.${m.author.role}`)}
          </span>
        )}
        <span className="gy-live-msg-time">{formatShort(m.createdAt, i18n.language)}</span>
      </div>
      <div className="gy-live-msg-text">{m.text}</div>
      {!m.mine && m.author.role === 'member' && (
        <button type="button" className="gy-live-msg-report" onClick={() => report(m)}>
          {t('livestream:chat.report')}
        </button>
      )}
    </li>
  );

  return (
    <section className="gy-live-chat" aria-label={t('livestream:viewer.tabGroup')}>
      {page.pinned.length > 0 && (
        <div className="gy-live-chat-pinned">
          {page.pinned.map((m) => (
            <p key={m.id}>
              <span className="gy-live-kind">{t('livestream:chat.notice')}</span>
              {m.text}
            </p>
          ))}
        </div>
      )}
      {items.length === 0 ? (
        <p className="gy-live-chat-empty">{t('livestream:chat.empty')}</p>
      ) : (
        <ul className="gy-live-msgs">{items.map(bubble)}</ul>
      )}
      {problem && (
        <p className="gy-live-chat-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="gy-live-chat-input">
        <Input
          aria-label={t('livestream:chat.placeholder')}
          placeholder={muted ? t('livestream:chat.muted') : t('livestream:chat.placeholder')}
          value={text}
          onChange={setText}
          maxLength={500}
          disabled={Boolean(muted)}
          onEnterPress={() => void send()}
        />
        <Button
          color="primary"
          size="small"
          shape="rounded"
          loading={sending}
          disabled={Boolean(muted) || !text.trim()}
          onClick={() => void send()}
        >
          {t('livestream:chat.send')}
        </Button>
      </div>
    </section>
  );
}
