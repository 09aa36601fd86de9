import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { format, type Locale, type Localized } from '../../platform/i18n/locale.ts';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from './application.pipeline.ts';
import * as repo from './employment.repository.ts';

/** In-app notices. Stored as a kind and parameters, rendered in the reader's language. */
const TEMPLATES: Record<string, { title: Localized; body: Localized }> = {
  'application-status': {
    title: { 'zh-CN': '投递进度更新', en: 'Application update', lo: 'ອັບເດດໃບສະໝັກ' },
    body: {
      'zh-CN': '您投递的「{job}」（{employer}）：{status}',
      en: 'Your application for “{job}” ({employer}): {status}',
      lo: 'ໃບສະໝັກຂອງທ່ານສຳລັບ “{job}” ({employer}): {status}',
    },
  },
};

export function renderNotification(kind: string, params: Record<string, string | number>, locale: Locale) {
  const template = TEMPLATES[kind];
  if (!template) {
    return { title: kind, body: '' };
  }
  const values = { ...params };
  const status = params.status;
  if (typeof status === 'string' && status in APPLICATION_STATUS_LABELS) {
    values.status = APPLICATION_STATUS_LABELS[status as ApplicationStatus][locale];
  }
  return { title: template.title[locale], body: format(template.body[locale], values) };
}

export async function notify(
  executor: Executor,
  accountId: string,
  kind: keyof typeof TEMPLATES,
  params: Record<string, string | number>,
  link: string | null,
  now: Date,
): Promise<void> {
  await repo.insertNotification(executor, { accountId, kind, params, link, createdAt: now });
}

export function createNotificationService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(accountId: string, locale: Locale, unreadOnly: boolean) {
      const rows = await repo.notificationsOf(db, accountId, unreadOnly, 100);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        ...renderNotification(r.kind, r.params, locale),
        link: r.link,
        read: r.readAt !== null,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    async markRead(accountId: string, ids: string[] | null): Promise<void> {
      await repo.markNotificationRead(db, accountId, ids, clock.now());
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
