import type { Localized } from '../../platform/i18n/locale.ts';

/** A posting's own status: draft → open ⇄ paused → closed. Pure. */
export const JOB_STATUSES = ['draft', 'open', 'paused', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_STATUS_LABELS: Record<JobStatus, Localized> = {
  draft: { 'zh-CN': '草稿', en: 'Draft', lo: 'ຮ່າງ' },
  open: { 'zh-CN': '招聘中', en: 'Open', lo: 'ເປີດຮັບ' },
  paused: { 'zh-CN': '暂停', en: 'Paused', lo: 'ຢຸດຊົ່ວຄາວ' },
  closed: { 'zh-CN': '已结束', en: 'Closed', lo: 'ປິດແລ້ວ' },
};

const JOB_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  draft: ['open', 'closed'],
  open: ['paused', 'closed'],
  paused: ['open', 'closed'],
  // A posting closed because every place was filled opens again if a hire is withdrawn (see the service).
  closed: [],
};

export function canChangeJobStatus(from: JobStatus, to: JobStatus): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

export const REVIEW_STATUSES = ['clear', 'pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Shown to workers: open, vouched for by the union (no flag, or a flag cleared by staff), with places left. */
export function isPubliclyVisible(job: { status: string; reviewStatus: string }): boolean {
  return job.status === 'open' && (job.reviewStatus === 'clear' || job.reviewStatus === 'approved');
}
