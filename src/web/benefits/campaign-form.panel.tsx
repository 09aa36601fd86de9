import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../org/org-select.tsx';
import { useOrganisations } from '../org/use-org-data.ts';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules, requiredRule } from '../shared/validators.ts';
import {
  type Campaign,
  type CampaignInput,
  campaignApi,
  MERCHANT_CATEGORIES,
  type MerchantCategory,
  merchantApi,
} from './benefits.api.ts';

/**
 * Field names are the server's (`faceValueFen`, `claimStartsAt`, `eligibility.orgIds` …) so its
 * problem+json lands on the right field; the inputs show yuan and pickers and convert.
 */
interface Values {
  orgId: string;
  name: string;
  description?: string;
  faceValueFen: number;
  thresholdFen: number;
  totalCount: number;
  perMemberLimit: number;
  claimStartsAt: string;
  claimEndsAt: string;
  validFrom: string;
  validUntil: string;
  eligibilityOrgIds: string[];
  eligibilityTags: string[];
  minMembershipYears: number;
  acceptCategories: MerchantCategory[];
  acceptMerchantIds: string[];
  reversalWindowMinutes: number;
}

const yuanProps = {
  getValueProps: (v: number | undefined) => ({ value: v === undefined || v === null ? v : v / 100 }),
  normalize: (v: number | null) => (v === null || v === undefined ? v : Math.round(v * 100)),
};

/** A required date-and-time field kept as the server's ISO instant, to the minute. */
function InstantItem({
  name,
  label,
  tooltip,
}: {
  name: 'claimStartsAt' | 'claimEndsAt' | 'validFrom' | 'validUntil';
  label: string;
  tooltip?: string;
}) {
  return (
    <Col span={12}>
      <Form.Item
        name={name}
        label={label}
        {...(tooltip ? { tooltip } : {})}
        rules={[requiredRule()]}
        getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
        normalize={(v: Dayjs | null) => (v ? v.second(0).millisecond(0).format() : undefined)}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}

function toInput(v: Values): CampaignInput {
  return {
    orgId: v.orgId,
    name: v.name,
    ...(v.description ? { description: v.description } : {}),
    faceValueFen: v.faceValueFen,
    thresholdFen: v.thresholdFen ?? 0,
    totalCount: v.totalCount,
    perMemberLimit: v.perMemberLimit,
    claimStartsAt: v.claimStartsAt,
    claimEndsAt: v.claimEndsAt,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    eligibility: {
      orgIds: v.eligibilityOrgIds ?? [],
      tagsAny: v.eligibilityTags ?? [],
      tagsAll: [],
      minMembershipYears: v.minMembershipYears ?? 0,
    },
    acceptCategories: v.acceptCategories ?? [],
    acceptMerchantIds: v.acceptMerchantIds ?? [],
    reversalWindowMinutes: v.reversalWindowMinutes ?? 1440,
  };
}

function fromCampaign(c: Campaign): Partial<Values> {
  return {
    orgId: c.orgId,
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    faceValueFen: c.faceValueFen,
    thresholdFen: c.thresholdFen,
    totalCount: c.totalCount,
    perMemberLimit: c.perMemberLimit,
    claimStartsAt: c.claimStartsAt,
    claimEndsAt: c.claimEndsAt,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    eligibilityOrgIds: c.eligibility.orgIds,
    eligibilityTags: c.eligibility.tagsAny,
    minMembershipYears: c.eligibility.minMembershipYears,
    acceptCategories: c.acceptCategories,
    acceptMerchantIds: c.acceptMerchantIds,
    reversalWindowMinutes: c.reversalWindowMinutes,
  };
}

function defaults(orgId: string | undefined): Partial<Values> {
  const start = dayjs().add(1, 'day').hour(10).minute(0).second(0).millisecond(0);
  return {
    ...(orgId ? { orgId } : {}),
    thresholdFen: 0,
    perMemberLimit: 1,
    claimStartsAt: start.format(),
    claimEndsAt: start.add(7, 'day').format(),
    validFrom: start.format(),
    validUntil: start.add(60, 'day').endOf('day').second(0).format(),
    eligibilityOrgIds: [],
    eligibilityTags: [],
    minMembershipYears: 0,
    acceptCategories: [],
    acceptMerchantIds: [],
    reversalWindowMinutes: 1440,
  };
}

/** Create (or edit a draft / returned) voucher campaign. */
export function CampaignFormPanel({
  open,
  campaign,
  onClose,
  onSaved,
}: {
  open: boolean;
  campaign: Campaign | null;
  onClose: () => void;
  onSaved: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [merchants, setMerchants] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!open) {
      return;
    }
    merchantApi
      .list({ limit: 100 })
      .then((page) => setMerchants(page.items.map((m) => ({ value: m.id, label: m.name }))))
      .catch(() => setMerchants([]));
  }, [open]);

  const orgOptions = orgs.items.map((o) => ({ value: o.id, label: o.name }));
  const initial = campaign ? fromCampaign(campaign) : defaults(orgs.items[0]?.id);

  return (
    <FormPanel<Values>
      open={open}
      title={campaign ? t('benefits:campaign.editTitle') : t('benefits:campaign.createTitle')}
      onClose={onClose}
      width={720}
      initialValues={initial}
      submitText={campaign ? t('shared:action.save') : t('benefits:campaign.createSubmit')}
      onSubmit={async (values) => {
        const input = toInput(values);
        const saved = campaign
          ? await campaignApi.update(campaign.id, input)
          : await campaignApi.create(input);
        onSaved(saved);
      }}
    >
      <Form.Item name="orgId" label={t('benefits:campaign.fundingOrg')} rules={[requiredRule()]}>
        <OrgSelect roots={orgs.roots} disabled={campaign !== null} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('benefits:campaign.name')}
        rules={plainTextRules({ max: 80, min: 2, required: true })}
      >
        <Input placeholder={t('benefits:campaign.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('benefits:campaign.description')}
        rules={plainTextRules({ max: 2000 })}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('benefits:campaign.sectionBudget')}
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="faceValueFen"
            label={t('benefits:campaign.faceValue')}
            rules={[requiredRule()]}
            {...yuanProps}
          >
            <InputNumber min={0.01} step={1} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="thresholdFen"
            label={t('benefits:campaign.threshold')}
            tooltip={t('benefits:campaign.thresholdHelp')}
            {...yuanProps}
          >
            <InputNumber min={0} step={10} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="totalCount" label={t('benefits:campaign.totalCount')} rules={[requiredRule()]}>
            <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="perMemberLimit"
            label={t('benefits:campaign.perMemberLimit')}
            rules={[requiredRule()]}
          >
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="reversalWindowMinutes"
            label={t('benefits:campaign.reversalWindow')}
            tooltip={t('benefits:campaign.reversalHelp')}
          >
            <InputNumber min={0} max={43_200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item noStyle shouldUpdate>
            {(form) => {
              const face = form.getFieldValue('faceValueFen') as number | undefined;
              const count = form.getFieldValue('totalCount') as number | undefined;
              const budget = face && count ? (face * count) / 100 : 0;
              return (
                <Form.Item label={t('benefits:campaign.budget')}>
                  <Input
                    value={`¥${budget.toLocaleString()}`}
                    readOnly
                    aria-label={t('benefits:campaign.budget')}
                  />
                </Form.Item>
              );
            }}
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('benefits:campaign.sectionTime')}
      </Divider>
      <Row gutter={16}>
        <InstantItem
          name="claimStartsAt"
          label={t('benefits:campaign.claimStartsAt')}
          tooltip={t('benefits:campaign.claimStartsHelp')}
        />
        <InstantItem name="claimEndsAt" label={t('benefits:campaign.claimEndsAt')} />
        <InstantItem name="validFrom" label={t('benefits:campaign.validFrom')} />
        <InstantItem name="validUntil" label={t('benefits:campaign.validUntil')} />
      </Row>
      <Divider titlePlacement="start" plain>
        {t('benefits:campaign.sectionWho')}
      </Divider>
      <Form.Item
        name="eligibilityOrgIds"
        label={t('benefits:campaign.eligibleOrgs')}
        extra={t('benefits:campaign.eligibleOrgsHelp')}
      >
        <Select mode="multiple" options={orgOptions} optionFilterProp="label" allowClear />
      </Form.Item>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item
            name="eligibilityTags"
            label={t('benefits:campaign.tags')}
            extra={t('benefits:campaign.tagsHelp')}
          >
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="minMembershipYears" label={t('benefits:campaign.minYears')}>
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="acceptCategories"
        label={t('benefits:campaign.acceptCategories')}
        extra={t('benefits:campaign.acceptHelp')}
      >
        <Select
          mode="multiple"
          allowClear
          options={MERCHANT_CATEGORIES.map((c) => ({ value: c, label: t(`benefits:category.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="acceptMerchantIds" label={t('benefits:campaign.acceptMerchants')}>
        <Select mode="multiple" allowClear options={merchants} optionFilterProp="label" />
      </Form.Item>
    </FormPanel>
  );
}
