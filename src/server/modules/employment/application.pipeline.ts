import type { Localized } from '../../platform/i18n/locale.ts';

/**
 * The application pipeline as a pure state machine (STYLE.md rule 4):
 * 已投递 → 已查看 → 邀面试 → 已录用 → 已入职, or 不合适 (employer) / 已撤回 (worker) on the way.
 * No step may be skipped and none taken back; 已入职, 不合适 and 已撤回 are final.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'viewed',
  'interview',
  'hired',
  'onboarded',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who takes a step: the employer side (HR, union staff) or the applicant. */
export type PipelineActor = 'employer' | 'applicant';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, Localized> = {
  submitted: { 'zh-CN': '已投递', en: 'Submitted', lo: 'ສົ່ງແລ້ວ' },
  viewed: { 'zh-CN': '已查看', en: 'Viewed', lo: 'ເບິ່ງແລ້ວ' },
  interview: { 'zh-CN': '邀面试', en: 'Invited to interview', lo: 'ເຊີນສຳພາດ' },
  hired: { 'zh-CN': '已录用', en: 'Hired', lo: 'ຮັບເຂົ້າເຮັດວຽກ' },
  onboarded: { 'zh-CN': '已入职', en: 'Started work', lo: 'ເລີ່ມວຽກແລ້ວ' },
  rejected: { 'zh-CN': '不合适', en: 'Not a fit', lo: 'ບໍ່ເໝາະສົມ' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn', lo: 'ຖອນຄືນແລ້ວ' },
};

/** Chinese labels accepted as input too, so a client may send `已查看` as well as `viewed`. */
export function statusFromLabel(value: string): ApplicationStatus | undefined {
  if ((APPLICATION_STATUSES as readonly string[]).includes(value)) {
    return value as ApplicationStatus;
  }
  return APPLICATION_STATUSES.find((s) => APPLICATION_STATUS_LABELS[s]['zh-CN'] === value);
}

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationStatus, PipelineActor>>> = {
  submitted: { viewed: 'employer', rejected: 'employer', withdrawn: 'applicant' },
  viewed: { interview: 'employer', rejected: 'employer', withdrawn: 'applicant' },
  interview: { hired: 'employer', rejected: 'employer', withdrawn: 'applicant' },
  // A hired worker may still decline before starting; the place is given back.
  hired: { onboarded: 'employer', withdrawn: 'applicant' },
  onboarded: {},
  rejected: {},
  withdrawn: {},
};

export function nextStatuses(from: ApplicationStatus, actor: PipelineActor): ApplicationStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [ApplicationStatus, PipelineActor][])
    .filter(([, who]) => who === actor)
    .map(([to]) => to);
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus, actor: PipelineActor): boolean {
  return TRANSITIONS[from][to] === actor;
}

export function isFinal(status: ApplicationStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** What a transition does to the job's places: take one on hire, give one back when a hire is withdrawn. */
export function placeEffect(from: ApplicationStatus, to: ApplicationStatus): 'take' | 'release' | 'none' {
  if (to === 'hired') {
    return 'take';
  }
  if (from === 'hired' && to === 'withdrawn') {
    return 'release';
  }
  return 'none';
}

/** Statuses counted as a hire in figures (the place is taken). */
export function countsAsHire(status: ApplicationStatus): boolean {
  return status === 'hired' || status === 'onboarded';
}
