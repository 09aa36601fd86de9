import { DatePicker, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormPanel } from '../shared/form-panel.tsx';
import {
  mobileRules,
  nationalIdRules,
  plainTextRules,
  requiredRule,
  tagRules,
} from '../shared/validators.ts';
import {
  GENDERS,
  type Gender,
  MEMBER_STATUSES,
  type Member,
  type MemberStatus,
  memberApi,
} from './org.api.ts';
import { OrgSelect } from './org-select.tsx';
import type { OrgNode } from './org-tree.ts';
import { useReference } from './use-org-data.ts';

interface MemberFormValues {
  orgId: string;
  name: string;
  gender?: Gender;
  ethnicity: string;
  phone?: string;
  nationalId?: string;
  trade?: string;
  /** A dayjs value from the date picker. */
  joinDate?: { format: (template: string) => string };
  status: MemberStatus;
  tags?: string[];
}

export interface MemberFormPanelProps {
  open: boolean;
  /** The member to edit, or null to register a new one. */
  member: Member | null;
  roots: readonly OrgNode[];
  defaultOrgId?: string | undefined;
  onClose: () => void;
  onSaved: (member: Member, created: boolean) => void;
}

/** Registers or edits a member; the rules mirror the server's schema (MemberInputSchema). */
export function MemberFormPanel(props: MemberFormPanelProps) {
  const { t } = useTranslation();
  const reference = useReference();
  const { member } = props;
  const editing = member !== null;

  const initialValues = useMemo<Partial<MemberFormValues>>(
    () =>
      member
        ? {
            orgId: member.orgId,
            name: member.name,
            ethnicity: member.ethnicity,
            trade: member.trade ?? '',
            status: member.status,
            tags: member.tags,
          }
        : {
            status: 'active',
            ethnicity: '汉族',
            tags: [],
            ...(props.defaultOrgId ? { orgId: props.defaultOrgId } : {}),
          },
    [member, props.defaultOrgId],
  );

  const submit = async (values: MemberFormValues) => {
    const trade = values.trade?.trim() ?? '';
    const tags = (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean);
    if (member) {
      const phone = values.phone?.trim();
      const saved = await memberApi.update(member.id, {
        orgId: values.orgId,
        name: values.name.trim(),
        ethnicity: values.ethnicity,
        trade: trade === '' ? null : trade,
        status: values.status,
        tags,
        ...(phone ? { phone } : {}),
      });
      props.onSaved(saved, false);
      return;
    }
    const saved = await memberApi.create({
      orgId: values.orgId,
      name: values.name.trim(),
      ethnicity: values.ethnicity,
      phone: values.phone?.trim() ?? '',
      nationalId: values.nationalId?.trim() ?? '',
      joinDate: values.joinDate?.format('YYYY-MM-DD') ?? '',
      status: values.status,
      tags,
      ...(values.gender ? { gender: values.gender } : {}),
      ...(trade ? { trade } : {}),
    });
    props.onSaved(saved, true);
  };

  return (
    <FormPanel<MemberFormValues>
      open={props.open}
      title={member ? t('org:member.editTitle', { name: member.name }) : t('org:member.create')}
      initialValues={initialValues}
      onClose={props.onClose}
      onSubmit={submit}
      width={600}
    >
      <Form.Item name="orgId" label={t('org:member.org')} rules={[requiredRule()]}>
        <OrgSelect roots={props.roots} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('org:member.name')}
        rules={plainTextRules({ max: 40, min: 2, required: true })}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="nationalId"
          label={t('org:member.nationalId')}
          rules={nationalIdRules()}
          normalize={(v: string) => v.toUpperCase()}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      )}
      {!editing && (
        <Form.Item name="gender" label={t('org:member.gender')} extra={t('org:member.genderAuto')}>
          <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`org:gender.${g}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="ethnicity" label={t('org:member.ethnicity')} rules={[requiredRule()]}>
        <Select
          showSearch
          loading={!reference}
          options={(reference?.ethnicGroups ?? ['汉族']).map((e) => ({ value: e, label: e }))}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('org:member.phone')}
        rules={mobileRules(!editing)}
        {...(editing ? { extra: t('org:member.phoneKeep') } : {})}
      >
        <Input
          maxLength={11}
          inputMode="numeric"
          autoComplete="off"
          placeholder={editing ? member.phone : ''}
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
      <Form.Item name="trade" label={t('org:member.trade')} rules={plainTextRules({ max: 40 })}>
        <Input maxLength={40} placeholder={t('org:member.tradePlaceholder')} />
      </Form.Item>
      {!editing && (
        <Form.Item name="joinDate" label={t('org:member.joinDate')} rules={[requiredRule()]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.valueOf() > Date.now()} />
        </Form.Item>
      )}
      <Form.Item name="status" label={t('org:member.status')} rules={[requiredRule()]}>
        <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`org:memberStatus.${s}`) }))} />
      </Form.Item>
      <Form.Item name="tags" label={t('org:member.tags')} rules={tagRules(20, 20)}>
        <Select
          mode="tags"
          placeholder={t('org:member.tagsPlaceholder')}
          tokenSeparators={[',', '，', ' ']}
        />
      </Form.Item>
    </FormPanel>
  );
}
