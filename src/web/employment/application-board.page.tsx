import {
  ArrowLeftOutlined,
  DownOutlined,
  EditOutlined,
  HolderOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import {
  DndContext,
  type DragEndEvent,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules } from '../shared/validators.ts';
import { type Application, type ApplicationStatus, employmentApi, PIPELINE } from './employment.api.ts';
import { salaryText } from './employment-format.ts';
import { JOB_STATUS_BADGE } from './job-manage.page.tsx';
import { useLoad } from './use-employment.ts';

/** The board's columns: the forward pipeline, then one for applications that ended (not a fit / withdrawn). */
type Column = ApplicationStatus | 'ended';
const COLUMNS: readonly Column[] = [...PIPELINE, 'ended'];
const columnOf = (s: ApplicationStatus): Column => (s === 'rejected' || s === 'withdrawn' ? 'ended' : s);
/** Dropping on the ended column means 不合适 (an applicant withdraws on their own side). */
const targetOf = (c: Column): ApplicationStatus => (c === 'ended' ? 'rejected' : c);

/** The short name used in 黔籍优先 and the like. */
const PROVINCE_SHORT: Record<string, string> = {
  贵州: '黔',
  云南: '滇',
  四川: '川',
  重庆: '渝',
  广西: '桂',
  湖南: '湘',
  湖北: '鄂',
  江西: '赣',
  安徽: '皖',
  河南: '豫',
  甘肃: '甘',
};

function provinceKey(name: string | null): string | null {
  if (!name) {
    return null;
  }
  return Object.keys(PROVINCE_SHORT).find((k) => name.startsWith(k)) ?? null;
}

function PriorityTag({ hometown }: { hometown: string | null }) {
  const { t } = useTranslation();
  const key = provinceKey(hometown);
  const short = key ? PROVINCE_SHORT[key] : undefined;
  return (
    <Tag color="magenta" style={{ marginInlineEnd: 0 }}>
      {short ? t('employment:board.priorityShort', { short }) : t('employment:board.priority')}
    </Tag>
  );
}

function ApplicantCard(props: {
  app: Application;
  onMove: (app: Application, to: ApplicationStatus) => void;
  onNote: (app: Application) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { app } = props;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: app.id,
    disabled: app.nextStatuses.length === 0 || props.busy,
  });
  const a = app.applicant;
  const style = transform
    ? {
        transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`,
        zIndex: 20,
        position: 'relative' as const,
      }
    : undefined;
  return (
    <article
      ref={setNodeRef}
      style={style}
      className={`gy-board-card${isDragging ? ' is-dragging' : ''}${app.priority ? ' is-priority' : ''}`}
      aria-label={a.name}
    >
      <Flex justify="space-between" align="start" gap={4}>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Space size={6} wrap>
            <Typography.Text strong>{a.name}</Typography.Text>
            {app.priority && <PriorityTag hometown={a.hometownProvince} />}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              a.hometownProvince,
              a.school,
              a.education,
              a.years === null ? null : t('employment:board.years', { count: a.years }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
        {app.nextStatuses.length > 0 && (
          <button
            type="button"
            className="gy-board-handle"
            aria-label={t('employment:board.dragHandle', { name: a.name })}
            {...attributes}
            {...listeners}
          >
            <HolderOutlined />
          </button>
        )}
      </Flex>
      {a.skills.length > 0 && (
        <div className="gy-board-skills">
          {a.skills.slice(0, 3).map((s) => (
            <Tag key={s} style={{ marginInlineEnd: 4 }}>
              {s}
            </Tag>
          ))}
        </div>
      )}
      {columnOf(app.status) === 'ended' && (
        <Tag color={app.status === 'withdrawn' ? 'default' : 'red'}>
          {t(`employment:status.${app.status}`)}
        </Tag>
      )}
      {app.employerNote && (
        <Typography.Paragraph className="gy-board-note" ellipsis={{ rows: 2 }}>
          {app.employerNote}
        </Typography.Paragraph>
      )}
      <Flex justify="space-between" align="center" className="gy-board-foot">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(app.createdAt).format('MM-DD HH:mm')}
        </Typography.Text>
        <Space size={0}>
          <Tooltip title={t('employment:board.note')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('employment:board.noteFor', { name: a.name })}
              onClick={() => props.onNote(app)}
            />
          </Tooltip>
          {app.nextStatuses.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: app.nextStatuses.map((s) => ({
                  key: s,
                  label: t(`employment:status.${s}`),
                  danger: s === 'rejected',
                })),
                onClick: ({ key }) => props.onMove(app, key as ApplicationStatus),
              }}
            >
              <Button
                size="small"
                loading={props.busy}
                aria-label={t('employment:board.moveFor', { name: a.name })}
              >
                {t('employment:board.move')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      </Flex>
    </article>
  );
}

function BoardColumn(props: {
  column: Column;
  apps: Application[];
  dragging: Application | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: props.column });
  const allowed = props.dragging ? props.dragging.nextStatuses.includes(targetOf(props.column)) : false;
  const state = props.dragging ? (allowed ? ' is-allowed' : ' is-blocked') : '';
  const titleId = `gy-board-col-${props.column}`;
  return (
    <section
      ref={setNodeRef}
      className={`gy-board-col${state}${isOver ? ' is-over' : ''}`}
      aria-labelledby={titleId}
    >
      <header className="gy-board-col-head">
        <h2 id={titleId} className="gy-board-col-title">
          {props.column === 'ended' ? t('employment:board.ended') : t(`employment:status.${props.column}`)}
        </h2>
        <Badge count={props.apps.length} showZero color={props.apps.length ? '#1d5bd8' : '#8c8c8c'} />
      </header>
      <div className="gy-board-col-body">
        {props.apps.length === 0 ? (
          <p className="gy-board-empty">{t('employment:board.emptyColumn')}</p>
        ) : (
          props.children
        )}
      </div>
    </section>
  );
}

/** The applications of one posting as a board: priority applicants first, moved one allowed step at a time. */
export function ApplicationBoardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const job = useLoad(() => employmentApi.job(id), [id]);
  const board = useLoad(() => employmentApi.board(id), [id, i18n.language]);
  const suggested = useLoad(() => employmentApi.suggested(id, 8), [id]);
  const [dragging, setDragging] = useState<Application | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [noting, setNoting] = useState<Application | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const byColumn = useMemo(() => {
    const map = new Map<Column, Application[]>(COLUMNS.map((c) => [c, []]));
    for (const app of board.data ?? []) {
      map.get(columnOf(app.status))?.push(app);
    }
    return map;
  }, [board.data]);

  const replace = (updated: Application) => {
    board.set((board.data ?? []).map((a) => (a.id === updated.id ? updated : a)));
  };

  const move = async (app: Application, to: ApplicationStatus) => {
    setBusyId(app.id);
    try {
      const updated = await employmentApi.move(app.id, to);
      replace(updated);
      void message.success(
        t('employment:board.moved', { name: app.applicant.name, status: t(`employment:status.${to}`) }),
      );
      if (to === 'hired') {
        job.reload();
      }
    } catch (e) {
      // The server is the judge of every move: a skipped or backward step comes back as 409 with its reason.
      void message.error(e instanceof ApiError ? e.message : t('shared:error.unknown'));
    } finally {
      setBusyId(null);
    }
  };

  const onDragStart = (event: DragStartEvent) => {
    setDragging(board.data?.find((a) => a.id === event.active.id) ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    const app = dragging;
    setDragging(null);
    const over = event.over?.id as Column | undefined;
    if (!app || !over || over === columnOf(app.status)) {
      return;
    }
    void move(app, targetOf(over));
  };

  const columnName = (c: Column) =>
    c === 'ended' ? t('employment:board.ended') : t(`employment:status.${c}`);
  const nameOf = (activeId: string | number) =>
    board.data?.find((a) => a.id === activeId)?.applicant.name ?? '';

  const j = job.data;
  const priorityCount = board.data?.filter((a) => a.priority).length ?? 0;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Flex vertical gap={4}>
            <Link to="/jobs" className="gy-link">
              <ArrowLeftOutlined /> {t('employment:board.backToJobs')}
            </Link>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {j ? t('employment:board.title', { title: j.title }) : <Skeleton.Input active size="small" />}
            </Typography.Title>
            {j && (
              <Typography.Text type="secondary">
                {j.employerName} · {[j.city, j.district].filter(Boolean).join(' ')} ·{' '}
                {salaryText(j.salaryMin, j.salaryMax, t, i18n.language)}
              </Typography.Text>
            )}
          </Flex>
          {j && (
            <Descriptions
              size="small"
              column={4}
              items={[
                {
                  key: 'status',
                  label: t('employment:job.status'),
                  children: (
                    <Badge status={JOB_STATUS_BADGE[j.status]} text={t(`employment:jobStatus.${j.status}`)} />
                  ),
                },
                {
                  key: 'places',
                  label: t('employment:detail.placesLeft'),
                  children: `${j.placesLeft} / ${j.headcount}`,
                },
                {
                  key: 'apps',
                  label: t('employment:board.applications'),
                  children: board.data?.length ?? '—',
                },
                { key: 'priority', label: t('employment:board.priorityCount'), children: priorityCount },
              ]}
            />
          )}
        </Flex>
      </Card>
      <Alert type="info" showIcon title={t('employment:board.help')} />
      {board.error && <Alert type="error" showIcon title={board.error} />}
      {board.loading && !board.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <DndContext
          sensors={sensors}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
          accessibility={{
            screenReaderInstructions: { draggable: t('employment:board.dragInstructions') },
            announcements: {
              onDragStart: ({ active }) => t('employment:board.announceStart', { name: nameOf(active.id) }),
              onDragOver: ({ active, over }) =>
                over
                  ? t('employment:board.announceOver', {
                      name: nameOf(active.id),
                      column: columnName(over.id as Column),
                    })
                  : undefined,
              onDragEnd: ({ active, over }) =>
                over
                  ? t('employment:board.announceOver', {
                      name: nameOf(active.id),
                      column: columnName(over.id as Column),
                    })
                  : t('employment:board.announceCancel', { name: nameOf(active.id) }),
              onDragCancel: ({ active }) => t('employment:board.announceCancel', { name: nameOf(active.id) }),
            },
          }}
        >
          <div className="gy-board">
            {COLUMNS.map((c) => {
              const apps = byColumn.get(c) ?? [];
              return (
                <BoardColumn key={c} column={c} apps={apps} dragging={dragging}>
                  {apps.map((app) => (
                    <ApplicantCard
                      key={app.id}
                      app={app}
                      busy={busyId === app.id}
                      onMove={(a, to) => void move(a, to)}
                      onNote={setNoting}
                    />
                  ))}
                </BoardColumn>
              );
            })}
          </div>
        </DndContext>
      )}

      <Card
        title={t('employment:board.suggested')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('shared:action.refresh')}
            onClick={() => suggested.reload()}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('employment:board.suggestedHelp')}</Typography.Paragraph>
        {suggested.error ? (
          <Alert type="error" showIcon title={suggested.error} />
        ) : !suggested.data ? (
          <Skeleton active />
        ) : suggested.data.length === 0 ? (
          <Empty description={t('employment:board.noSuggested')} />
        ) : (
          <List
            grid={{ gutter: 12, xs: 1, md: 2, xl: 4 }}
            dataSource={suggested.data}
            renderItem={(c) => (
              <List.Item>
                <Card size="small">
                  <Space size={6} wrap>
                    <Typography.Text strong>{c.profile.name}</Typography.Text>
                    {c.priority && <PriorityTag hometown={c.profile.hometownProvince} />}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[c.profile.hometownProvince, c.profile.school, c.profile.education, c.profile.city]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </div>
                  <ul className="gy-board-reasons">
                    {c.reasons.slice(0, 3).map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </Card>
              </List.Item>
            )}
          />
        )}
      </Card>

      <FormPanel<{ note: string }>
        open={noting !== null}
        variant="modal"
        title={t('employment:board.noteTitle', { name: noting?.applicant.name ?? '' })}
        initialValues={{ note: noting?.employerNote ?? '' }}
        onClose={() => setNoting(null)}
        onSubmit={async (values) => {
          if (noting) {
            replace(await employmentApi.setNote(noting.id, values.note.trim()));
            void message.success(t('shared:feedback.saved'));
          }
        }}
      >
        <Form.Item
          name="note"
          label={t('employment:board.note')}
          extra={t('employment:board.noteHelp')}
          rules={plainTextRules({ max: 500, min: 0 })}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </FormPanel>
    </Flex>
  );
}
