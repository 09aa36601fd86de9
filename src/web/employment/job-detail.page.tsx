import { ActionSheet, Button, Card, Dialog, ErrorBlock, List, Skeleton, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../shared/api-client.ts';
import { employmentApi, REPORT_REASONS } from './employment.api.ts';
import { STATUS_TAG, salaryText, splitPreferred } from './employment-format.ts';
import { useLoad } from './use-employment.ts';

/** A posting as a worker sees it, with 一键投递 and a way to report it to the union. */
export function JobDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const job = useLoad(() => employmentApi.job(id), [id, i18n.language]);
  const mine = useLoad(() => employmentApi.myApplications(), [id]);
  const [busy, setBusy] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const application = mine.data?.find((a) => a.job.id === id);

  if (job.error) {
    return <ErrorBlock status="empty" title={t('employment:detail.notFound')} description={job.error} />;
  }
  const j = job.data;
  if (!j) {
    return (
      <div className="gy-e-page">
        <Skeleton.Title animated />
        <Skeleton.Paragraph lineCount={6} animated />
      </div>
    );
  }

  const certificates = splitPreferred(j.certificates);
  const languages = splitPreferred(j.languages);
  const full = j.placesLeft <= 0 || j.status !== 'open';

  const apply = async () => {
    const ok = await Dialog.confirm({
      'aria-label': t('employment:detail.applyConfirmTitle'),
      title: t('employment:detail.applyConfirmTitle'),
      content: t('employment:detail.applyConfirm', { title: j.title, employer: j.employerName }),
      confirmText: t('employment:detail.applyNow'),
      cancelText: t('shared:action.cancel'),
    });
    if (!ok) {
      return;
    }
    setBusy(true);
    try {
      await employmentApi.apply(j.id);
      Toast.show({ icon: 'success', content: t('employment:detail.applied') });
      mine.reload();
    } catch (e) {
      await Dialog.alert({
        'aria-label': t('employment:detail.applyConfirmTitle'),
        content: e instanceof ApiError ? e.message : t('shared:error.unknown'),
        confirmText: t('shared:action.ok'),
      });
    } finally {
      setBusy(false);
    }
  };

  const report = async (reason: (typeof REPORT_REASONS)[number]) => {
    setReportOpen(false);
    try {
      await employmentApi.report(j.id, reason);
      Toast.show({ icon: 'success', content: t('employment:detail.reported') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof ApiError ? e.message : t('shared:error.unknown') });
    }
  };

  return (
    <div className="gy-e-page gy-e-detail">
      <Card className="gy-e-card">
        <h2 className="gy-e-detail-title">{j.title}</h2>
        <p className="gy-e-detail-salary">{salaryText(j.salaryMin, j.salaryMax, t, i18n.language)}</p>
        <div className="gy-e-tags">
          {j.priorityOrigins.map((p) => (
            <Tag key={p} color="#9e0f16" fill="solid">
              {t('employment:job.priorityBadge', { origin: p })}
            </Tag>
          ))}
          {j.zones.map((z) => (
            <Tag key={z.id} color="#9e0f16" fill="outline">
              {z.name}
            </Tag>
          ))}
          {j.tags.map((tag) => (
            <Tag key={tag} color="default">
              {tag}
            </Tag>
          ))}
        </div>
        <dl className="gy-e-facts">
          <div>
            <dt>{t('employment:detail.placesLeft')}</dt>
            <dd>
              <strong className={j.placesLeft > 0 ? 'gy-e-places' : ''}>{j.placesLeft}</strong> /{' '}
              {j.headcount}
            </dd>
          </div>
          <div>
            <dt>{t('employment:detail.place')}</dt>
            <dd>{[j.city, j.district].filter(Boolean).join(' · ')}</dd>
          </div>
          <div>
            <dt>{t('employment:detail.education')}</dt>
            <dd>{j.education ?? t('employment:detail.any')}</dd>
          </div>
          <div>
            <dt>{t('employment:detail.years')}</dt>
            <dd>
              {j.minYears
                ? t('employment:detail.yearsValue', { count: j.minYears })
                : t('employment:detail.noExperience')}
            </dd>
          </div>
          {j.shift && (
            <div>
              <dt>{t('employment:detail.shift')}</dt>
              <dd>{j.shift}</dd>
            </div>
          )}
        </dl>
      </Card>

      {application && (
        <Card className="gy-e-card gy-e-mine">
          <span>{t('employment:detail.yourApplication')}</span>
          <Tag color={STATUS_TAG[application.status]}>{t(`employment:status.${application.status}`)}</Tag>
          <Link to="/applications">{t('employment:detail.seeApplications')}</Link>
        </Card>
      )}

      <List header={t('employment:detail.employer')} mode="card">
        <List.Item
          description={
            j.employerVerified
              ? t('employment:detail.employerVerified')
              : t('employment:detail.employerUnverified')
          }
        >
          {j.employerName}
        </List.Item>
      </List>

      <Card
        className="gy-e-card"
        title={<h3 className="gy-e-card-title">{t('employment:detail.description')}</h3>}
      >
        <p className="gy-e-text">{j.description || t('employment:detail.noDescription')}</p>
      </Card>

      <Card
        className="gy-e-card"
        title={<h3 className="gy-e-card-title">{t('employment:detail.requirements')}</h3>}
      >
        <dl className="gy-e-req">
          {j.skills.length > 0 && (
            <>
              <dt>{t('employment:detail.skills')}</dt>
              <dd>{j.skills.join(t('employment:list.separator'))}</dd>
            </>
          )}
          {certificates.required.length > 0 && (
            <>
              <dt>{t('employment:detail.certificatesRequired')}</dt>
              <dd>{certificates.required.join(t('employment:list.separator'))}</dd>
            </>
          )}
          {certificates.preferred.length > 0 && (
            <>
              <dt>{t('employment:detail.certificatesPreferred')}</dt>
              <dd>{certificates.preferred.join(t('employment:list.separator'))}</dd>
            </>
          )}
          {languages.required.length + languages.preferred.length > 0 && (
            <>
              <dt>{t('employment:detail.languages')}</dt>
              <dd>
                {[
                  ...languages.required,
                  ...languages.preferred.map((l) => t('employment:detail.preferred', { item: l })),
                ].join(t('employment:list.separator'))}
              </dd>
            </>
          )}
          {j.priorityOrigins.length > 0 && (
            <>
              <dt>{t('employment:detail.priority')}</dt>
              <dd>
                {t('employment:detail.priorityText', {
                  origins: j.priorityOrigins.join(t('employment:list.separator')),
                })}
              </dd>
            </>
          )}
        </dl>
      </Card>

      <div className="gy-e-report">
        <button type="button" className="gy-e-linkbutton" onClick={() => setReportOpen(true)}>
          {t('employment:detail.report')}
        </button>
        <span>{t('employment:detail.reportHint')}</span>
      </div>

      <div className="gy-e-applybar">
        {application ? (
          <Button
            block
            color="primary"
            fill="outline"
            size="large"
            onClick={() => void navigate('/applications')}
          >
            {t('employment:detail.alreadyApplied')}
          </Button>
        ) : (
          <Button
            block
            color="primary"
            size="large"
            loading={busy}
            disabled={full}
            onClick={() => void apply()}
          >
            {full ? t('employment:detail.full') : t('employment:detail.apply')}
          </Button>
        )}
      </div>

      <ActionSheet
        visible={reportOpen}
        onClose={() => setReportOpen(false)}
        extra={t('employment:detail.reportTitle')}
        cancelText={t('shared:action.cancel')}
        actions={REPORT_REASONS.map((reason) => ({
          key: reason,
          text: t(`employment:reportReason.${reason}`),
          onClick: () => void report(reason),
        }))}
      />
    </div>
  );
}
