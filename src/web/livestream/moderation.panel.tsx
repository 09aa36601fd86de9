import {
  DeleteOutlined,
  PushpinOutlined,
  SoundOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  List,
  Popconfirm,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api-client.ts';
import { formatShort } from './live-format.ts';
import { liveApi, type Message, type MessagePage, type Moderation } from './livestream.api.ts';
import type { LiveHandlers } from './use-live-events.ts';

/** Staff's view of a session's service group: answer, pin notices, remove messages, mute or remove people. */
export function ModerationPanel({
  sessionId,
  events,
}: {
  sessionId: string;
  events: RefObject<LiveHandlers>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState<MessagePage | null>(null);
  const [moderation, setModeration] = useState<Moderation | null>(null);
  const [text, setText] = useState('');
  const [posting, setPosting] = useState(false);

  const load = useCallback(() => {
    liveApi
      .messages(sessionId)
      .then(setPage)
      .catch(() => undefined);
    liveApi
      .moderation(sessionId)
      .then(setModeration)
      .catch(() => undefined);
  }, [sessionId]);

  useEffect(() => {
    load();
    events.current = {
      onMessage: (m) =>
        setPage((p) => (p && !p.items.some((x) => x.id === m.id) ? { ...p, items: [m, ...p.items] } : p)),
      onMessageRemoved: () => load(),
      onMessagePinned: () => load(),
    };
    return () => {
      events.current = {};
    };
  }, [load, events]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      load();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    }
  };

  const post = async (pin: boolean) => {
    const value = text.trim();
    if (!value) {
      return;
    }
    setPosting(true);
    try {
      const created = await liveApi.post(sessionId, value);
      if (pin) {
        await liveApi.pinMessage(created.id, true);
      }
      setText('');
      load();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    } finally {
      setPosting(false);
    }
  };

  const actions = (m: Message) => {
    const out = [
      <Button
        key="pin"
        size="small"
        type="text"
        icon={<PushpinOutlined />}
        onClick={() =>
          void act(
            () => liveApi.pinMessage(m.id, !m.pinned),
            m.pinned ? t('livestream:mod.unpinned') : t('livestream:mod.pinnedDone'),
          )
        }
      >
        {m.pinned ? t('livestream:mod.unpinNotice') : t('livestream:mod.pinNotice')}
      </Button>,
    ];
    if (m.status === 'visible') {
      out.push(
        <Popconfirm
          key="remove"
          title={t('livestream:mod.removeConfirm')}
          okText={t('shared:action.confirm')}
          cancelText={t('shared:action.cancel')}
          onConfirm={() => void act(() => liveApi.removeMessage(m.id), t('livestream:mod.removed'))}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />}>
            {t('livestream:mod.remove')}
          </Button>
        </Popconfirm>,
      );
    }
    if (m.author.role === 'member' && m.author.accountId) {
      const accountId = m.author.accountId;
      out.push(
        <Button
          key="mute"
          size="small"
          type="text"
          icon={<SoundOutlined />}
          onClick={() =>
            void act(
              () => liveApi.sanction(sessionId, { accountId, action: 'mute', minutes: 60 }),
              t('livestream:mod.mutedDone', { name: m.author.name }),
            )
          }
        >
          {t('livestream:mod.mute')}
        </Button>,
        <Popconfirm
          key="ban"
          title={t('livestream:mod.banConfirm', { name: m.author.name })}
          okText={t('shared:action.confirm')}
          cancelText={t('shared:action.cancel')}
          onConfirm={() =>
            void act(
              () => liveApi.sanction(sessionId, { accountId, action: 'remove' }),
              t('livestream:mod.bannedDone', { name: m.author.name }),
            )
          }
        >
          <Button size="small" type="text" danger icon={<StopOutlined />}>
            {t('livestream:mod.ban')}
          </Button>
        </Popconfirm>,
      );
    }
    return out;
  };

  const renderMessage = (m: Message) => (
    <List.Item actions={actions(m)}>
      <List.Item.Meta
        title={
          <Space size={6} wrap>
            <Typography.Text strong>{m.author.name}</Typography.Text>
            <Tag color={m.author.role === 'member' ? 'default' : m.author.role === 'staff' ? 'red' : 'blue'}>
              {t(`livestream:chat.role.${m.author.role}`)}
            </Tag>
            {m.pinned && <Tag color="#874d00">{t('livestream:chat.notice')}</Tag>}
            {m.status === 'removed' && <Tag>{t('livestream:mod.removedTag')}</Tag>}
            {(m.reports ?? 0) > 0 && (
              <Badge count={t('livestream:mod.reports', { count: m.reports ?? 0 })} color="#cf1322" />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatShort(m.createdAt, i18n.language)}
            </Typography.Text>
          </Space>
        }
        description={<Typography.Text delete={m.status === 'removed'}>{m.text}</Typography.Text>}
      />
    </List.Item>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card size="small" title={t('livestream:mod.messages')}>
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            <Input.TextArea
              aria-label={t('livestream:mod.reply')}
              placeholder={t('livestream:mod.reply')}
              rows={2}
              maxLength={500}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Flex justify="end" gap={8}>
              <Button disabled={!text.trim()} loading={posting} onClick={() => void post(true)}>
                {t('livestream:mod.postNotice')}
              </Button>
              <Button
                type="primary"
                disabled={!text.trim()}
                loading={posting}
                onClick={() => void post(false)}
              >
                {t('livestream:chat.send')}
              </Button>
            </Flex>
          </Flex>
          <List<Message>
            dataSource={page?.items ?? []}
            loading={!page}
            locale={{ emptyText: <Empty description={t('livestream:chat.empty')} /> }}
            renderItem={renderMessage}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('livestream:mod.reported')}>
            <List<Message>
              dataSource={moderation?.reported ?? []}
              locale={{ emptyText: <Empty description={t('livestream:mod.noReports')} /> }}
              renderItem={renderMessage}
            />
          </Card>
          <Card size="small" title={t('livestream:mod.sanctions')}>
            <List
              dataSource={(moderation?.sanctions ?? []).filter((s) => s.kind !== null)}
              locale={{ emptyText: <Empty description={t('livestream:mod.noSanctions')} /> }}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Button
                      key="restore"
                      size="small"
                      icon={<UndoOutlined />}
                      onClick={() =>
                        void act(
                          () => liveApi.sanction(sessionId, { accountId: s.accountId, action: 'restore' }),
                          t('livestream:mod.restored'),
                        )
                      }
                    >
                      {t('livestream:mod.restore')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      s.kind === 'mute'
                        ? t('livestream:mod.mutedUntil', {
                            time: s.until ? formatShort(s.until, i18n.language) : '—',
                          })
                        : t('livestream:mod.bannedTag')
                    }
                    description={`${s.reason ?? ''} ${formatShort(s.at, i18n.language)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}
