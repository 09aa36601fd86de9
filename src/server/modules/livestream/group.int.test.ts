import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../../tests/support/harness.ts';
import { liveFactory } from './livestream.fixtures.ts';

let h: Harness;
let f: ReturnType<typeof liveFactory>;
beforeAll(async () => {
  h = await createHarness();
  f = liveFactory(h);
});
afterAll(async () => {
  await h?.close();
});

const messages = (id: string) => `/api/v1/live-sessions/${id}/messages`;

async function memberNamed(displayName: string) {
  const org = await h.factory.org();
  const username = `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const accountId = await h.app.modules.org.accounts.create(h.ctx, {
    username,
    displayName,
    password: TEST_PASSWORD,
    grants: [{ role: 'member', orgId: org.id }],
  });
  return { cookie: await h.login(username), accountId };
}

describe('service group', () => {
  it('lets applicants ask and staff answer; members show with a masked name', async () => {
    const { staff, session } = await f.session({ jobs: 1 });
    const asker = await memberNamed('王小明');
    const asked = await f.ok<{ id: string; author: { role: string; name: string } }>(
      f.post(asker.cookie, messages(session.id), { text: '请问宿舍是几人间？' }),
    );
    expect(asked.author.role).toBe('member');
    h.clock.advance(1000);
    const answered = await f.ok<{ author: { role: string }; replyTo: string }>(
      f.post(staff.cookie, messages(session.id), { text: '4人间，有空调和独立卫浴。', replyTo: asked.id }),
    );
    expect(answered).toMatchObject({ author: { role: 'staff' }, replyTo: asked.id });
    const page = (await h.request(null, { method: 'GET', url: messages(session.id) })).json();
    expect(page.items.map((m: { text: string }) => m.text)).toEqual([
      '4人间，有空调和独立卫浴。',
      '请问宿舍是几人间？',
    ]);
    expect(page.items[1].author.accountId).toBeNull();
    expect(page.items[1].author.name).toBe('王*明');
  });

  it('limits a member to 5 messages per 10 seconds, counted in the database', async () => {
    const { session } = await f.session({ jobs: 1 });
    const member = await h.as('member', (await h.factory.org()).id);
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        f.post(member.cookie, messages(session.id), { text: `第${i + 1}条` }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(2);
    const limited = results.find((r) => r.statusCode === 429)!;
    expect(limited.json().code).toBe('live/message-rate-limited');
    h.clock.advance(11_000);
    expect((await f.post(member.cookie, messages(session.id), { text: '过了十秒' })).statusCode).toBe(201);
  });

  it('lets staff mute, remove from the group and restore, remove and pin messages; members report once', async () => {
    const { staff, session } = await f.session({ jobs: 1 });
    const troll = await h.as('member', (await h.factory.org()).id);
    const reporter = await h.as('member', (await h.factory.org()).id);
    const spam = await f.ok<{ id: string }>(
      f.post(troll.cookie, messages(session.id), { text: '加微信赚大钱' }),
    );

    expect(
      (await f.post(reporter.cookie, `/api/v1/live-messages/${spam.id}/reports`, { reason: 'fraud' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await f.post(reporter.cookie, `/api/v1/live-messages/${spam.id}/reports`, { reason: 'spam' }))
        .statusCode,
    ).toBe(409);
    const queue = (
      await h.request(staff.cookie, { method: 'GET', url: `/api/v1/live-sessions/${session.id}/moderation` })
    ).json();
    expect(queue.reported.map((m: { id: string; reports: number }) => [m.id, m.reports])).toEqual([
      [spam.id, 1],
    ]);
    expect(queue.reported[0].author.accountId).toBe(troll.accountId);

    // Members cannot moderate.
    expect((await f.post(reporter.cookie, `/api/v1/live-messages/${spam.id}/remove`, {})).statusCode).toBe(
      403,
    );
    const removed = await f.ok<{ status: string }>(
      f.post(staff.cookie, `/api/v1/live-messages/${spam.id}/remove`, {}),
      200,
    );
    expect(removed.status).toBe('removed');
    const visible = (await h.request(null, { method: 'GET', url: messages(session.id) })).json();
    expect(visible.items.map((m: { id: string }) => m.id)).not.toContain(spam.id);

    const muted = await f.ok<{ kind: string; until: string }>(
      f.post(staff.cookie, `/api/v1/live-sessions/${session.id}/sanctions`, {
        accountId: troll.accountId,
        action: 'mute',
        minutes: 30,
      }),
      200,
    );
    expect(muted.kind).toBe('mute');
    const blocked = await f.post(troll.cookie, messages(session.id), { text: '我又来了' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('live/muted');
    h.clock.advance(31 * 60_000);
    expect((await f.post(troll.cookie, messages(session.id), { text: '禁言结束' })).statusCode).toBe(201);

    await f.ok(
      f.post(staff.cookie, `/api/v1/live-sessions/${session.id}/sanctions`, {
        accountId: troll.accountId,
        action: 'remove',
      }),
      200,
    );
    expect((await h.request(troll.cookie, { method: 'GET', url: messages(session.id) })).statusCode).toBe(
      403,
    );
    expect((await f.post(troll.cookie, messages(session.id), { text: '？' })).json().code).toBe(
      'live/removed-from-group',
    );
    await f.ok(
      f.post(staff.cookie, `/api/v1/live-sessions/${session.id}/sanctions`, {
        accountId: troll.accountId,
        action: 'restore',
      }),
      200,
    );
    expect((await f.post(troll.cookie, messages(session.id), { text: '我会遵守群规' })).statusCode).toBe(201);

    const notice = await f.ok<{ id: string }>(
      f.post(staff.cookie, messages(session.id), { text: '群公告：岗位通道长期开放' }),
    );
    await f.ok(f.post(staff.cookie, `/api/v1/live-messages/${notice.id}/pin`, { pinned: true }), 200);
    const page = (await h.request(null, { method: 'GET', url: messages(session.id) })).json();
    expect(page.pinned.map((m: { id: string }) => m.id)).toEqual([notice.id]);
  });

  it('keeps moderation to staff of the session’s organisers', async () => {
    const { session } = await f.session({ jobs: 1 });
    const member = await h.as('member', (await h.factory.org()).id);
    const msg = await f.ok<{ id: string }>(f.post(member.cookie, messages(session.id), { text: '你好' }));
    const otherStaff = await h.as('union_staff', (await h.factory.org()).id);
    expect((await f.post(otherStaff.cookie, `/api/v1/live-messages/${msg.id}/remove`, {})).statusCode).toBe(
      404,
    );
  });
});
