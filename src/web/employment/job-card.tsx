import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Job } from './employment.api.ts';
import { salaryText } from './employment-format.ts';

/** One posting in a worker's list: title and pay first, then the employer, place and perks. */
export function JobCard({ job, reasons }: { job: Job; reasons?: readonly string[] | undefined }) {
  const { t, i18n } = useTranslation();
  const place = [job.city, job.district].filter(Boolean).join(' · ');
  return (
    <Link to={`/jobs/${job.id}`} className="gy-e-job">
      <div className="gy-e-job-top">
        <h3 className="gy-e-job-title">{job.title}</h3>
        <span className="gy-e-salary">{salaryText(job.salaryMin, job.salaryMax, t, i18n.language)}</span>
      </div>
      <div className="gy-e-job-employer">
        {job.employerName}
        {job.employerVerified && <span className="gy-e-verified">{t('employment:job.verified')}</span>}
      </div>
      <div className="gy-e-job-meta">
        {place}
        {job.education && ` · ${job.education}`}
        {' · '}
        {t('employment:job.placesLeft', { count: job.placesLeft })}
      </div>
      {(job.priorityOrigins.length > 0 || job.tags.length > 0 || job.featured) && (
        <div className="gy-e-tags">
          {job.featured && (
            <Tag color="#c8161d" fill="solid">
              {t('employment:job.featured')}
            </Tag>
          )}
          {job.priorityOrigins.map((p) => (
            <Tag key={p} color="#9e0f16" fill="outline">
              {t('employment:job.priorityBadge', { origin: p })}
            </Tag>
          ))}
          {job.tags.slice(0, 4).map((tag) => (
            <Tag key={tag} color="default">
              {tag}
            </Tag>
          ))}
        </div>
      )}
      {reasons && reasons.length > 0 && (
        <div className="gy-e-reasons">
          {reasons.map((r) => (
            <span key={r}>✓ {r}</span>
          ))}
        </div>
      )}
    </Link>
  );
}
