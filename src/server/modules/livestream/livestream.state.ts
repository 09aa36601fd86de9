import type { Localized } from '../../platform/i18n/locale.ts';

/**
 * Pure rules of a live session (STYLE.md rule 4): its status machine, the rundown, the
 * order of the job channel and how names show in the service group. No I/O.
 */
export const SESSION_STATUSES = ['scheduled', 'live', 'ended', 'archived'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_STATUS_LABELS: Record<SessionStatus, Localized> = {
  scheduled: { 'zh-CN': '预告', en: 'Scheduled', lo: 'ກຳນົດການ' },
  live: { 'zh-CN': '直播中', en: 'Live', lo: 'ກຳລັງຖ່າຍທອດສົດ' },
  ended: { 'zh-CN': '已结束', en: 'Ended', lo: 'ສິ້ນສຸດແລ້ວ' },
  archived: { 'zh-CN': '已归档', en: 'Archived', lo: 'ເກັບໄວ້ແລ້ວ' },
};

// scheduled → live → ended → archived; a session that never went live may be archived directly.
const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  scheduled: ['live', 'archived'],
  live: ['ended'],
  ended: ['archived'],
  archived: [],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The job channel stays open after the stream: only an archived session closes it. */
export function channelOpen(status: SessionStatus): boolean {
  return status !== 'archived';
}

/** Likes count while live and on the replay. */
export function acceptsLikes(status: SessionStatus): boolean {
  return status === 'live' || status === 'ended';
}

export const SEGMENT_KINDS = ['factory-tour', 'job-intro', 'policy', 'qa', 'other'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const SEGMENT_KIND_LABELS: Record<SegmentKind, Localized> = {
  'factory-tour': { 'zh-CN': '云端探厂', en: 'Factory tour', lo: 'ທ່ຽວຊົມໂຮງງານອອນລາຍ' },
  'job-intro': { 'zh-CN': '岗位介绍', en: 'Job presentation', lo: 'ແນະນຳຕຳແໜ່ງງານ' },
  policy: { 'zh-CN': '政策解读', en: 'Policy briefing', lo: 'ອະທິບາຍນະໂຍບາຍ' },
  qa: { 'zh-CN': '互动问答', en: 'Q&A', lo: 'ຖາມ-ຕອບ' },
  other: { 'zh-CN': '其他', en: 'Other', lo: 'ອື່ນໆ' },
};

/** The segment to go to from the current one; null when there is none in that direction. */
export function stepSegment<T extends { id: string }>(
  segments: readonly T[],
  currentId: string | null,
  move: 'next' | 'previous',
): T | null {
  if (segments.length === 0) {
    return null;
  }
  const index = currentId ? segments.findIndex((s) => s.id === currentId) : -1;
  if (index < 0) {
    return move === 'next' ? segments[0]! : null;
  }
  const target = move === 'next' ? index + 1 : index - 1;
  return segments[target] ?? null;
}

/**
 * The job channel: the session's jobs in their order; for a viewer eligible for the priority
 * zone (e.g. 黔籍), the zone's jobs come first. Every viewer sees which jobs are in the zone.
 */
export function orderChannel<T extends { id: string }>(
  jobs: readonly T[],
  zoneJobIds: ReadonlySet<string>,
  eligible: boolean,
): (T & { priorityZone: boolean })[] {
  const marked = jobs.map((j) => ({ ...j, priorityZone: zoneJobIds.has(j.id) }));
  if (!eligible) {
    return marked;
  }
  return [...marked.filter((j) => j.priorityZone), ...marked.filter((j) => !j.priorityZone)];
}

/** Whether a viewer's home province is one the zone gives priority to (黔籍 ≈ 贵州 ≈ 贵州省). */
export function eligibleForZone(hometown: string | null | undefined, provinces: readonly string[]): boolean {
  if (!hometown) {
    return false;
  }
  const core = (p: string) => p.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/u, '');
  const mine = core(hometown.trim());
  return provinces.some((p) => core(p.trim()) === mine);
}

/** Members show as 王*明 in the service group; staff and HR answer under their display name. */
export function publicName(displayName: string, role: GroupRole): string {
  if (role !== 'member') {
    return displayName;
  }
  const chars = [...displayName.trim()];
  if (chars.length <= 1) {
    return `${chars[0] ?? ''}*`;
  }
  if (chars.length === 2) {
    return `${chars[0]}*`;
  }
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export type GroupRole = 'member' | 'staff' | 'hr';

/** Service-group rate limit: at most `max` messages per window per account (checked against the database). */
export const MESSAGE_RATE = { max: 5, windowSeconds: 10 } as const;

export function withinRate(sentInWindow: number, max: number = MESSAGE_RATE.max): boolean {
  return sentInWindow < max;
}

/** Share of a part in a whole, rounded to a tenth of a percent; 0 for an empty whole. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
