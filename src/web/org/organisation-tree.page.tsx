import {
  ApartmentOutlined,
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormPanel } from '../shared/form-panel.tsx';
import { plainTextRules, requiredRule } from '../shared/validators.ts';
import { ORG_KINDS, type OrgKind, organisationApi } from './org.api.ts';
import { OrgSelect } from './org-select.tsx';
import { findNode, type OrgNode, subtreeIds } from './org-tree.ts';
import { useSession } from './session.context.tsx';
import { useOrganisations } from './use-org-data.ts';

type Dialog = 'add' | 'rename' | 'move' | null;

function matches(node: OrgNode, q: string): boolean {
  return node.org.name.includes(q) || node.children.some((c) => matches(c, q));
}

/** The organisation tree of the caller's subtree, with add, rename, move and close. */
export function OrganisationTreePage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useSession();
  const [showClosed, setShowClosed] = useState(false);
  const orgs = useOrganisations({ includeClosed: showClosed });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const writable = can('org:write');

  // Start with the top of the scope selected and its first two levels open.
  useEffect(() => {
    const root = orgs.roots[0];
    if (root && selectedId === null) {
      setSelectedId(root.org.id);
      setExpanded([...orgs.roots.map((r) => r.org.id), ...root.children.map((c) => c.org.id)]);
    }
  }, [orgs.roots, selectedId]);

  const selected = selectedId ? findNode(orgs.roots, selectedId) : undefined;
  const parent = selected?.org.parentId ? orgs.byId.get(selected.org.parentId) : undefined;

  const treeData = useMemo(() => {
    const q = query.trim();
    const build = (nodes: readonly OrgNode[]): TreeDataNode[] =>
      nodes
        .filter((n) => !q || matches(n, q))
        .map((n) => ({
          key: n.org.id,
          title: (
            <Flex gap={8} align="center" wrap={false}>
              <span style={n.org.status === 'closed' ? { textDecoration: 'line-through', opacity: 0.6 } : {}}>
                {n.org.name}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('org:tree.memberCount', { count: n.subtreeMembers })}
              </Typography.Text>
            </Flex>
          ),
          children: build(n.children),
        }));
    return build(orgs.roots);
  }, [orgs.roots, query, t]);

  const confirmClose = () => {
    if (!selected) {
      return;
    }
    const { name } = selected.org;
    modal.confirm({
      title: t('org:tree.closeTitle', { name }),
      content: t('org:tree.closeContent'),
      okText: t('org:tree.close'),
      okButtonProps: { danger: true },
      cancelText: t('shared:action.cancel'),
      onOk: async () => {
        try {
          await organisationApi.close(selected.org.id);
          void message.success(t('org:tree.closedDone', { name }));
          setSelectedId(selected.org.parentId);
          orgs.reload();
        } catch (e) {
          void message.error(e instanceof Error ? e.message : t('shared:error.unknown'));
        }
      },
    });
  };

  const moveExclude = useMemo(() => (selected ? subtreeIds(selected) : new Set<string>()), [selected]);

  let detail: ReactNode;
  if (orgs.loading && orgs.items.length === 0) {
    detail = <Skeleton active />;
  } else if (!selected) {
    detail = <Empty description={t('org:tree.selectHint')} />;
  } else {
    const o = selected.org;
    const closed = o.status === 'closed';
    detail = (
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Space orientation="vertical" size={4}>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
              {o.name}
            </Typography.Title>
            <Space size={4} wrap>
              <Tag color="blue">{t(`org:kind.${o.kind}`)}</Tag>
              <Badge
                status={closed ? 'default' : 'success'}
                text={closed ? t('org:tree.closed') : t('org:tree.active')}
              />
            </Space>
          </Space>
          <Button icon={<TeamOutlined />} onClick={() => navigate(`/members?orgId=${o.id}`)}>
            {t('org:tree.viewMembers')}
          </Button>
        </Flex>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'parent', label: t('org:tree.parent'), children: parent?.name ?? '—' },
            {
              key: 'depth',
              label: t('org:tree.depth'),
              children: t('org:tree.depthValue', { depth: o.depth + 1 }),
            },
            { key: 'division', label: t('org:tree.division'), children: o.divisionCode ?? '—' },
            { key: 'children', label: t('org:tree.children'), children: selected.children.length },
            { key: 'direct', label: t('org:tree.directMembers'), children: o.memberCount },
            { key: 'subtree', label: t('org:tree.subtreeMembers'), children: selected.subtreeMembers },
          ]}
        />
        {writable && !closed && (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')}>
              {t('org:tree.addChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t('org:tree.rename')}
            </Button>
            {o.parentId && orgs.byId.has(o.parentId) && (
              <Button icon={<DragOutlined />} onClick={() => setDialog('move')}>
                {t('org:tree.move')}
              </Button>
            )}
            {o.parentId && orgs.byId.has(o.parentId) && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmClose}>
                {t('org:tree.close')}
              </Button>
            )}
          </Space>
        )}
      </Flex>
    );
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11} xxl={9}>
        <Card
          title={
            <Space>
              <ApartmentOutlined />
              {t('org:menu.organisations')}
            </Space>
          }
          extra={
            <Space>
              <Typography.Text type="secondary" id="show-closed-label">
                {t('org:tree.showClosed')}
              </Typography.Text>
              <Switch
                size="small"
                checked={showClosed}
                onChange={setShowClosed}
                aria-labelledby="show-closed-label"
              />
            </Space>
          }
          styles={{ body: { paddingTop: 12 } }}
        >
          <Flex vertical gap={12}>
            <Input.Search
              allowClear
              placeholder={t('org:tree.search')}
              aria-label={t('org:tree.search')}
              onSearch={(v) => setQuery(v)}
              onChange={(e) => setQuery(e.target.value)}
            />
            {orgs.error && <Alert type="error" showIcon title={orgs.error} />}
            {orgs.loading && orgs.items.length === 0 ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : (
              <Tree
                blockNode
                showLine
                treeData={treeData}
                selectedKeys={selectedId ? [selectedId] : []}
                {...(query.trim() ? {} : { expandedKeys: expanded })}
                {...(query.trim() ? { defaultExpandAll: true } : {})}
                onExpand={(keys) => setExpanded(keys.map(String))}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) {
                    setSelectedId(String(key));
                  }
                }}
              />
            )}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={13} xxl={15}>
        <Card title={t('org:tree.detail')}>{detail}</Card>
      </Col>

      {selected && (
        <>
          <FormPanel<{ name: string; kind: OrgKind; divisionCode?: string }>
            variant="modal"
            open={dialog === 'add'}
            title={`${t('org:tree.addChild')} · ${selected.org.name}`}
            onClose={() => setDialog(null)}
            submitText={t('shared:action.create')}
            onSubmit={async (values) => {
              const created = await organisationApi.create({
                parentId: selected.org.id,
                name: values.name.trim(),
                kind: values.kind,
                ...(values.divisionCode ? { divisionCode: values.divisionCode } : {}),
              });
              void message.success(t('org:tree.created', { name: created.name }));
              setExpanded((keys) => [...new Set([...keys, selected.org.id])]);
              setSelectedId(created.id);
              orgs.reload();
            }}
          >
            <Form.Item
              name="name"
              label={t('org:tree.name')}
              rules={plainTextRules({ max: 80, min: 2, required: true })}
            >
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="kind" label={t('org:tree.kind')} rules={[requiredRule()]}>
              <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`org:kind.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="divisionCode"
              label={t('org:tree.division')}
              extra={t('org:tree.divisionHint')}
              rules={[{ pattern: /^\d{6}$|^\d{9}$|^\d{12}$/, message: t('org:tree.divisionInvalid') }]}
            >
              <Input inputMode="numeric" maxLength={12} />
            </Form.Item>
          </FormPanel>

          <FormPanel<{ name: string }>
            variant="modal"
            open={dialog === 'rename'}
            title={`${t('org:tree.rename')} · ${selected.org.name}`}
            initialValues={{ name: selected.org.name }}
            onClose={() => setDialog(null)}
            onSubmit={async (values) => {
              await organisationApi.rename(selected.org.id, values.name.trim());
              void message.success(t('org:tree.renamed'));
              orgs.reload();
            }}
          >
            <Form.Item
              name="name"
              label={t('org:tree.newName')}
              rules={plainTextRules({ max: 80, min: 2, required: true })}
            >
              <Input maxLength={80} />
            </Form.Item>
          </FormPanel>

          <FormPanel<{ parentId: string }>
            variant="modal"
            open={dialog === 'move'}
            title={`${t('org:tree.move')} · ${selected.org.name}`}
            onClose={() => setDialog(null)}
            onSubmit={async (values) => {
              await organisationApi.move(selected.org.id, values.parentId);
              void message.success(t('org:tree.moved'));
              setExpanded((keys) => [...new Set([...keys, values.parentId])]);
              orgs.reload();
            }}
          >
            <Alert type="info" showIcon title={t('org:tree.moveHint')} style={{ marginBottom: 16 }} />
            <Form.Item name="parentId" label={t('org:tree.newParent')} rules={[requiredRule()]}>
              <OrgSelect roots={orgs.roots} exclude={moveExclude} />
            </Form.Item>
          </FormPanel>
        </>
      )}
    </Row>
  );
}
