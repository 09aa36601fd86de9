import { Button, Card, Dialog, Empty, ErrorBlock, PullToRefresh, Skeleton, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { type ApplicationStatus, employmentApi, type MyApplication, PIPELINE } from './employment.api.ts';
import { STATUS_TAG, salaryText } from './employment-format.ts';
import { useLoad } from './use-employment.ts';

/** The forward steps with the time each was reached; an ended application shows where it stopped. */
function Timeline({ application }: { application: MyApplication }) {
  const { t } = useTranslation();
  const reached = new Map(application.history.map((h) => [h.to, h]));
  const ended: ApplicationStatus | null =
    application.status === 'rejected' || application.status === 'withdrawn' ? application.status : null;
  const steps: ApplicationStatus[] = ended
    ? [...PIPELINE.filter((s) => reached.has(s)), ended]
    : [...PIPELINE];
  return (
    <ol className="gy-e-timeline" aria-label={t('employment:mine.timeline')}>
      {steps.map((s) => {
        const entry = reached.get(s);
        const current = s === application.status;
        return (
          <li
            key={s}
            className={`gy-e-step${entry ? ' is-done' : ''}${current ? ' is-current' : ''}${s === ended ? ' is-ended' : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            <span className="gy-e-dot" aria-hidden />
            <span className="gy-e-step-label">{t(`employment:status.${s}`)}</span>
            {entry && <span className="gy-e-step-at">{dayjs(entry.at).format('MM-DD HH:mm')}</span>}
            {entry?.note && s !== 'submitted' && <span className="gy-e-step-note">{entry.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** 我的投递: each application with its status history, and withdrawal while it is still possible. */
export function MyApplicationsPage() {
  const { t, i18n } = useTranslation();
  const mine = useLoad(() => employmentApi.myApplications(), [i18n.language]);

  const withdraw = async (a: MyApplication) => {
    const ok = await Dialog.confirm({
      'aria-label': t('employment:mine.withdraw'),
      content: t('employment:mine.withdrawConfirm', { title: a.job.title }),
      confirmText: t('employment:mine.withdraw'),
      cancelText: t('shared:action.cancel'),
    });
    if (!ok) {
      return;
    }
    try {
      await employmentApi.withdraw(a.id);
      Toast.show({ icon: 'success', content: t('employment:mine.withdrawn') });
      mine.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof ApiError ? e.message : t('shared:error.unknown') });
    }
  };

  if (mine.error) {
    return <ErrorBlock status="default" title={t('shared:error.loadFailed')} description={mine.error} />;
  }
  if (!mine.data) {
    return (
      <div className="gy-e-page">
        <Skeleton.Paragraph lineCount={8} animated />
      </div>
    );
  }
  if (mine.data.length === 0) {
    return (
      <div className="gy-e-page">
        <Empty description={t('employment:mine.empty')} />
        <div className="gy-e-center">
          <Link to="/jobs" className="gy-e-cta">
            {t('employment:mine.findJobs')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <PullToRefresh onRefresh={async () => mine.reload()}>
      <div className="gy-e-page">
        <ul className="gy-e-list" aria-label={t('employment:mine.list')}>
          {mine.data.map((a) => (
            <li key={a.id}>
              <Card className="gy-e-card">
                <article aria-label={a.job.title}>
                  <div className="gy-e-job-top">
                    <h2 className="gy-e-job-title">
                      <Link to={`/jobs/${a.job.id}`}>{a.job.title}</Link>
                    </h2>
                    <Tag
                      color={STATUS_TAG[a.status]}
                      fill={a.status === 'hired' || a.status === 'onboarded' ? 'solid' : 'outline'}
                    >
                      {t(`employment:status.${a.status}`)}
                    </Tag>
                  </div>
                  <div className="gy-e-job-employer">{a.job.employerName}</div>
                  <div className="gy-e-job-meta">
                    {a.job.city} · {salaryText(a.job.salaryMin, a.job.salaryMax, t, i18n.language)}
                  </div>
                  <Timeline application={a} />
                  {a.canWithdraw && (
                    <div className="gy-e-card-actions">
                      <Button size="small" fill="outline" onClick={() => void withdraw(a)}>
                        {t('employment:mine.withdraw')}
                      </Button>
                    </div>
                  )}
                </article>
              </Card>
            </li>
          ))}
        </ul>
      </div>
    </PullToRefresh>
  );
}
