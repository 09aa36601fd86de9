import { describe, expect, it } from 'vitest';
import {
  canTransition,
  eligibleForZone,
  orderChannel,
  publicName,
  SESSION_STATUSES,
  stepSegment,
  withinRate,
} from './livestream.state.ts';
import { checkAnswers, normalizeQuestions, tally } from './survey.logic.ts';

describe('live session rules', () => {
  it('allows only scheduled → live → ended → archived (and archiving a session that never ran)', () => {
    const allowed = SESSION_STATUSES.flatMap((from) =>
      SESSION_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['scheduled→live', 'scheduled→archived', 'live→ended', 'ended→archived']);
  });

  it('steps through the rundown', () => {
    const s = [{ id: 'a' }, { id: 'b' }];
    expect(stepSegment(s, null, 'next')?.id).toBe('a');
    expect(stepSegment(s, 'a', 'next')?.id).toBe('b');
    expect(stepSegment(s, 'b', 'next')).toBeNull();
    expect(stepSegment(s, 'a', 'previous')).toBeNull();
  });

  it('puts zone jobs first only for eligible viewers, and recognises 贵州 / 贵州省', () => {
    const jobs = [{ id: '1' }, { id: '2' }, { id: '3' }];
    expect(orderChannel(jobs, new Set(['3']), true).map((j) => j.id)).toEqual(['3', '1', '2']);
    expect(orderChannel(jobs, new Set(['3']), false).map((j) => j.id)).toEqual(['1', '2', '3']);
    expect(eligibleForZone('贵州省', ['贵州'])).toBe(true);
    expect(eligibleForZone('云南省', ['贵州省'])).toBe(false);
    expect(eligibleForZone(null, ['贵州省'])).toBe(false);
  });

  it('masks members’ names but not staff', () => {
    expect(publicName('王小明', 'member')).toBe('王*明');
    expect(publicName('欧阳娜娜', 'member')).toBe('欧**娜');
    expect(publicName('李华', 'member')).toBe('李*');
    expect(publicName('宁波市总工会 陈静', 'staff')).toBe('宁波市总工会 陈静');
    expect(withinRate(4)).toBe(true);
    expect(withinRate(5)).toBe(false);
  });
});

describe('survey logic', () => {
  const questions = normalizeQuestions([
    { kind: 'single', title: '学校', required: true, options: ['甲校', '乙校'] },
    { kind: 'multiple', title: '岗位', required: false, options: ['装配', '质检'] },
    { kind: 'rating', title: '评分', required: true },
  ]);

  it('gives ids and a default 1–5 scale, refuses duplicate options', () => {
    expect(questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(questions[2]!.scale).toEqual({ min: 1, max: 5 });
    expect(() =>
      normalizeQuestions([{ kind: 'single', title: 'x', required: true, options: ['a', 'a'] }]),
    ).toThrow();
  });

  it('checks answers and counts them with a cross-tab', () => {
    expect(() => checkAnswers(questions, { q1: '甲校' })).toThrow();
    const a = checkAnswers(questions, { q1: '甲校', q2: ['装配', '装配'], q3: 4 });
    expect(a).toEqual({ q1: '甲校', q2: ['装配'], q3: 4 });
    const b = checkAnswers(questions, { q1: '乙校', q3: 2 });
    const result = tally({ id: 's', title: 't', questions }, [a, b], 'q1');
    expect(result.questions[2]!.average).toBe(3);
    expect(result.crossTab!.groups.map((g) => g.responses)).toEqual([1, 1]);
  });
});
