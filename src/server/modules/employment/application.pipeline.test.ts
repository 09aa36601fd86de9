import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  canTransition,
  isFinal,
  nextStatuses,
  placeEffect,
  statusFromLabel,
} from './application.pipeline.ts';
import { canChangeJobStatus, isPubliclyVisible } from './job.lifecycle.ts';

describe('application pipeline', () => {
  it('walks the happy path one step at a time on the employer side', () => {
    const path: ApplicationStatus[] = ['submitted', 'viewed', 'interview', 'hired', 'onboarded'];
    for (let i = 0; i + 1 < path.length; i++) {
      expect(canTransition(path[i]!, path[i + 1]!, 'employer')).toBe(true);
    }
  });

  it('refuses skipped steps, steps backwards and staying put', () => {
    expect(canTransition('submitted', 'interview', 'employer')).toBe(false);
    expect(canTransition('submitted', 'hired', 'employer')).toBe(false);
    expect(canTransition('viewed', 'hired', 'employer')).toBe(false);
    expect(canTransition('interview', 'viewed', 'employer')).toBe(false);
    expect(canTransition('hired', 'interview', 'employer')).toBe(false);
    for (const s of APPLICATION_STATUSES) {
      expect(canTransition(s, s, 'employer')).toBe(false);
      expect(canTransition(s, s, 'applicant')).toBe(false);
    }
  });

  it('lets the employer reject until hired, and only the applicant withdraw', () => {
    for (const s of ['submitted', 'viewed', 'interview'] as const) {
      expect(canTransition(s, 'rejected', 'employer')).toBe(true);
      expect(canTransition(s, 'rejected', 'applicant')).toBe(false);
      expect(canTransition(s, 'withdrawn', 'applicant')).toBe(true);
      expect(canTransition(s, 'withdrawn', 'employer')).toBe(false);
    }
    expect(canTransition('hired', 'rejected', 'employer')).toBe(false);
    expect(canTransition('hired', 'withdrawn', 'applicant')).toBe(true);
    expect(canTransition('onboarded', 'withdrawn', 'applicant')).toBe(false);
  });

  it('has final states with no way out', () => {
    for (const s of ['onboarded', 'rejected', 'withdrawn'] as const) {
      expect(isFinal(s)).toBe(true);
      expect(nextStatuses(s, 'employer')).toEqual([]);
      expect(nextStatuses(s, 'applicant')).toEqual([]);
    }
    expect(nextStatuses('submitted', 'employer')).toEqual(['viewed', 'rejected']);
  });

  it('takes a place on hire and gives it back when a hire withdraws', () => {
    expect(placeEffect('interview', 'hired')).toBe('take');
    expect(placeEffect('hired', 'withdrawn')).toBe('release');
    expect(placeEffect('viewed', 'withdrawn')).toBe('none');
    expect(placeEffect('hired', 'onboarded')).toBe('none');
  });

  it('reads Chinese labels as statuses', () => {
    expect(statusFromLabel('已查看')).toBe('viewed');
    expect(statusFromLabel('邀面试')).toBe('interview');
    expect(statusFromLabel('interview')).toBe('interview');
    expect(statusFromLabel('面试')).toBeUndefined();
  });
});

describe('job lifecycle', () => {
  it('allows draft → open ⇄ paused → closed and nothing out of closed', () => {
    expect(canChangeJobStatus('draft', 'open')).toBe(true);
    expect(canChangeJobStatus('open', 'paused')).toBe(true);
    expect(canChangeJobStatus('paused', 'open')).toBe(true);
    expect(canChangeJobStatus('open', 'closed')).toBe(true);
    expect(canChangeJobStatus('closed', 'open')).toBe(false);
    expect(canChangeJobStatus('open', 'draft')).toBe(false);
  });

  it('shows workers only open postings the union vouches for', () => {
    expect(isPubliclyVisible({ status: 'open', reviewStatus: 'clear' })).toBe(true);
    expect(isPubliclyVisible({ status: 'open', reviewStatus: 'approved' })).toBe(true);
    expect(isPubliclyVisible({ status: 'open', reviewStatus: 'pending' })).toBe(false);
    expect(isPubliclyVisible({ status: 'open', reviewStatus: 'rejected' })).toBe(false);
    expect(isPubliclyVisible({ status: 'paused', reviewStatus: 'clear' })).toBe(false);
  });
});
