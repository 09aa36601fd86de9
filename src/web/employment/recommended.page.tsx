import { Empty, ErrorBlock, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { employmentApi } from './employment.api.ts';
import { JobCard } from './job-card.tsx';
import { useLoad } from './use-employment.ts';

/** 推荐职位: jobs picked for the person's resume (the server's matching seam decides which and why). */
export function RecommendedPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => employmentApi.recommended(20), [i18n.language]);

  if (list.error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={list.error} />;
  }
  return (
    <div className="gy-e-page">
      <p className="gy-e-hint-card">
        {t('employment:recommended.hint')} <Link to="/resume">{t('employment:recommended.editResume')}</Link>
      </p>
      {!list.data ? (
        <Skeleton.Paragraph lineCount={8} animated />
      ) : list.data.length === 0 ? (
        <Empty description={t('employment:recommended.empty')} />
      ) : (
        <ul className="gy-e-list" aria-label={t('employment:recommended.list')}>
          {list.data.map((job) => (
            <li key={job.id}>
              <JobCard job={job} reasons={job.reasons} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
