import { Card, Ellipsis, List, Result, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { maskNationalId, maskPhone } from '../shared/format.ts';
import { useMe } from './session.context.tsx';

/** The worker's own member record: who they are in the union, with the ID number masked. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const member = me.member;

  if (!member) {
    return <Result status="info" title={t('org:profile.title')} description={t('org:profile.notMember')} />;
  }

  return (
    <Space direction="vertical" block style={{ '--gap': '12px' }}>
      <Card className="gy-w-profile-card">
        <div className="gy-profile-head">
          <div className="gy-avatar" aria-hidden>
            {member.name.slice(-2)}
          </div>
          <div>
            <h2 className="gy-profile-name">{member.name}</h2>
            <div className="gy-profile-sub">{member.trade ?? t('org:profile.noTrade')}</div>
            <div className="gy-profile-sub">{t('org:profile.memberSince', { date: member.joinDate })}</div>
          </div>
        </div>
      </Card>
      <List header={t('org:profile.membership')} mode="card">
        <List.Item extra={<Ellipsis content={member.orgName} direction="end" rows={2} />}>
          {t('org:profile.org')}
        </List.Item>
        <List.Item extra={member.trade ?? t('org:profile.noTrade')}>{t('org:profile.trade')}</List.Item>
        <List.Item
          extra={
            member.tags.length === 0 ? (
              t('org:profile.noTags')
            ) : (
              <Space wrap style={{ '--gap': '4px' }}>
                {member.tags.map((tag) => (
                  <Tag key={tag} color="primary" fill="outline">
                    {tag}
                  </Tag>
                ))}
              </Space>
            )
          }
        >
          {t('org:profile.tags')}
        </List.Item>
        <List.Item extra={t(`org:memberStatus.${member.status}`)}>{t('org:profile.status')}</List.Item>
      </List>
      <List header={t('org:profile.privacy')} mode="card">
        <List.Item extra={<span className="gy-mono">{maskNationalId(member.nationalId)}</span>}>
          {t('org:profile.nationalId')}
        </List.Item>
        <List.Item extra={<span className="gy-mono">{maskPhone(member.phone)}</span>}>
          {t('org:profile.phone')}
        </List.Item>
        <List.Item extra={t(`org:gender.${member.gender}`)}>{t('org:profile.gender')}</List.Item>
        <List.Item extra={member.ethnicity}>{t('org:profile.ethnicity')}</List.Item>
        {member.birthDate && <List.Item extra={member.birthDate}>{t('org:profile.birthDate')}</List.Item>}
      </List>
    </Space>
  );
}
