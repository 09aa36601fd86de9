import { Button, Tag } from 'antd-mobile';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JobCard } from './livestream.api.ts';

export function salaryText(job: Pick<JobCard, 'salaryMin' | 'salaryMax'>, t: TFunction) {
  if (job.salaryMin && job.salaryMax) {
    return t('livestream:job.salaryRange', { min: job.salaryMin, max: job.salaryMax });
  }
  if (job.salaryMin || job.salaryMax) {
    return t('livestream:job.salaryFrom', { value: job.salaryMin ?? job.salaryMax });
  }
  return t('livestream:job.salaryTalk');
}

/** One job of the channel: what a viewer needs to decide, and the one-tap apply. */
export function LiveJobCard(props: {
  job: JobCard;
  applied: boolean;
  applying: boolean;
  channelOpen: boolean;
  onApply: (job: JobCard) => void;
  highlight?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { job } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={`gy-live-job${props.highlight ? ' gy-live-job-pinned' : ''}`} aria-label={job.title}>
      <div className="gy-live-job-main">
        <Heading className="gy-live-job-title">
          {job.title}
          {job.priorityZone && (
            <Tag color="#874d00" fill="solid" className="gy-live-zone-tag">
              {t('livestream:job.zone')}
            </Tag>
          )}
        </Heading>
        <div className="gy-live-job-salary">{salaryText(job, t)}</div>
        <div className="gy-live-job-meta">
          {job.employerName} · {[job.city, job.district].filter(Boolean).join('')}
        </div>
        <div className="gy-live-job-tags">
          {job.tags.slice(0, 4).map((tag) => (
            <span key={tag} className="gy-live-chip">
              {tag}
            </span>
          ))}
          <span className="gy-live-places">
            {t('livestream:job.places', { left: job.placesLeft, total: job.headcount })}
          </span>
        </div>
      </div>
      <Button
        size="small"
        color="primary"
        shape="rounded"
        fill={props.applied ? 'outline' : 'solid'}
        disabled={props.applied || !props.channelOpen || job.placesLeft <= 0}
        loading={props.applying}
        onClick={() => props.onApply(job)}
        aria-label={
          props.applied
            ? t('livestream:job.appliedFor', { title: job.title })
            : t('livestream:job.applyFor', { title: job.title })
        }
      >
        {props.applied ? t('livestream:job.applied') : t('livestream:job.apply')}
      </Button>
    </article>
  );
}
