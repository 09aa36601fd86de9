import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../tests/support/harness.ts';
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

const SCHOOLS = ['贞丰县中等职业学校', '黔西南民族职业技术学院'];

async function surveyFor(cookie: string, orgId: string, sessionId: string) {
  return f.ok<{ id: string; questions: { id: string }[] }>(
    f.post(cookie, '/api/v1/surveys', {
      orgId,
      title: '直播带岗意向调查',
      target: { type: 'live-session', id: sessionId },
      questions: [
        { id: 'school', kind: 'single', title: '你就读的学校', options: SCHOOLS },
        { id: 'interest', kind: 'single', title: '是否有意向到浙江就业', options: ['有意向', '暂不考虑'] },
        {
          id: 'jobs',
          kind: 'multiple',
          title: '感兴趣的岗位',
          options: ['装配', '数控', '质检'],
          required: false,
        },
        { id: 'rating', kind: 'rating', title: '对本场直播的评价', scale: { min: 1, max: 5 } },
        { id: 'advice', kind: 'text', title: '建议', required: false },
      ],
    }),
  );
}

describe('surveys', () => {
  it('takes one answer per person, also under two taps at once', async () => {
    const { staff, org, session } = await f.session({ jobs: 1 });
    const survey = await surveyFor(staff.cookie, org.id, session.id);
    const student = await h.as('member', (await h.factory.org()).id);
    const answer = { answers: { school: SCHOOLS[0], interest: '有意向', rating: 5 } };
    const both = await Promise.all([
      f.post(student.cookie, `/api/v1/surveys/${survey.id}/responses`, answer),
      f.post(student.cookie, `/api/v1/surveys/${survey.id}/responses`, answer),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('survey/already-answered');
    const view = (
      await h.request(student.cookie, { method: 'GET', url: `/api/v1/surveys/${survey.id}` })
    ).json();
    expect(view).toMatchObject({ responses: 1, answered: true });
  });

  it('checks required questions and options, naming the field', async () => {
    const { staff, org, session } = await f.session({ jobs: 1 });
    const survey = await surveyFor(staff.cookie, org.id, session.id);
    const student = await h.as('member', (await h.factory.org()).id);
    const missing = await f.post(student.cookie, `/api/v1/surveys/${survey.id}/responses`, {
      answers: { school: SCHOOLS[0], rating: 4 },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('body.answers.interest');
    const wrong = await f.post(student.cookie, `/api/v1/surveys/${survey.id}/responses`, {
      answers: { school: '不存在的学校', interest: '有意向', rating: 4 },
    });
    expect(wrong.json().field).toBe('body.answers.school');
    const outOfScale = await f.post(student.cookie, `/api/v1/surveys/${survey.id}/responses`, {
      answers: { school: SCHOOLS[0], interest: '有意向', rating: 9 },
    });
    expect(outOfScale.json().field).toBe('body.answers.rating');
  });

  it('counts results per option with a cross-tab by school, exports .xlsx, and feeds the event report', async () => {
    const { staff, org, session, jobs } = await f.session({ jobs: 2 });
    const survey = await surveyFor(staff.cookie, org.id, session.id);
    const plan = [
      [SCHOOLS[0], '有意向', ['装配', '数控'], 5],
      [SCHOOLS[0], '有意向', ['数控'], 4],
      [SCHOOLS[0], '暂不考虑', [], 3],
      [SCHOOLS[1], '有意向', ['质检'], 4],
      [SCHOOLS[1], '暂不考虑', [], 2],
    ] as const;
    for (const [school, interest, picks, rating] of plan) {
      const student = await h.as('member', (await h.factory.org()).id);
      const res = await f.post(student.cookie, `/api/v1/surveys/${survey.id}/responses`, {
        answers: { school, interest, jobs: [...picks], rating, advice: '希望多介绍住宿' },
      });
      expect(res.statusCode).toBe(201);
    }
    const results = (
      await h.request(staff.cookie, { method: 'GET', url: `/api/v1/surveys/${survey.id}/results?by=school` })
    ).json();
    expect(results.responses).toBe(5);
    const interest = results.questions.find((q: { id: string }) => q.id === 'interest');
    expect(interest.counts).toEqual([
      { option: '有意向', count: 3, share: 60 },
      { option: '暂不考虑', count: 2, share: 40 },
    ]);
    expect(results.questions.find((q: { id: string }) => q.id === 'rating').average).toBe(3.6);
    const first = results.crossTab.groups.find((g: { value: string }) => g.value === SCHOOLS[0]);
    expect(first.responses).toBe(3);
    expect(first.questions.find((q: { id: string }) => q.id === 'interest').counts[0]).toMatchObject({
      count: 2,
    });

    const xlsx = await h.request(staff.cookie, { method: 'GET', url: `/api/v1/surveys/${survey.id}/export` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Questions are fixed once answered.
    const locked = await h.request(staff.cookie, {
      method: 'PATCH',
      url: `/api/v1/surveys/${survey.id}`,
      payload: { questions: [{ kind: 'text', title: '新题' }] },
    });
    expect(locked.statusCode).toBe(409);

    // The event report brings the session's figures and its survey together.
    await f.start(staff.cookie, session.id);
    const worker = await h.as('member', (await h.factory.org()).id);
    await f.post(null, `/api/v1/live-sessions/${session.id}/likes`, { count: 12 });
    await f.post(worker.cookie, `/api/v1/live-sessions/${session.id}/applications`, { jobId: jobs[0]!.id });
    await f.ok(f.post(staff.cookie, `/api/v1/live-sessions/${session.id}/end`, {}), 200);
    const report = (
      await h.request(staff.cookie, { method: 'GET', url: `/api/v1/live-sessions/${session.id}/report` })
    ).json();
    expect(report).toMatchObject({ likes: 12, applications: 1, hires: 0, jobs: 2, employers: 1 });
    expect(report.byJob[0]).toMatchObject({ jobId: jobs[0]!.id, applications: 1 });
    expect(report.surveys[0].crossTab.by).toBe('school');
    const file = await h.request(staff.cookie, {
      method: 'GET',
      url: `/api/v1/live-sessions/${session.id}/report/export`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('.xlsx');
  });

  it('counts a hire made through the employment pipeline in the report', async () => {
    const { staff, session, jobs } = await f.session({ jobs: 1 });
    await f.start(staff.cookie, session.id);
    const worker = await h.as('member', (await h.factory.org()).id);
    const applied = await f.ok<{ applicationId: string }>(
      f.post(worker.cookie, `/api/v1/live-sessions/${session.id}/applications`, { jobId: jobs[0]!.id }),
    );
    for (const status of ['viewed', 'interview', 'hired']) {
      const moved = await h.request(staff.cookie, {
        method: 'PATCH',
        url: `/api/v1/applications/${applied.applicationId}`,
        payload: { status },
      });
      expect(moved.statusCode).toBe(200);
    }
    const report = (
      await h.request(staff.cookie, { method: 'GET', url: `/api/v1/live-sessions/${session.id}/report` })
    ).json();
    expect(report.hires).toBe(1);
    expect(report.byEmployer[0]).toMatchObject({ applications: 1, hires: 1 });
  });
});
