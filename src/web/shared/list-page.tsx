import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tooltip,
  Typography,
} from 'antd';
import { Children, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ListQuery<F> {
  filters: F;
  cursor: string | undefined;
  limit: number;
}

export interface ListResult<T> {
  items: T[];
  nextCursor: string | null;
  total?: number | undefined;
}

export interface ListContext<T, F> {
  reload: () => void;
  filters: F;
  selectedRows: T[];
  clearSelection: () => void;
  /** Replace one row in place (e.g. after an edit or an unmask), without refetching. */
  updateRow: (row: T) => void;
}

export interface ListPageProps<T, F extends object> {
  title: ReactNode;
  description?: ReactNode;
  rowKey: (row: T) => string;
  columns: TableColumnsType<T>;
  /** `Form.Item`s whose names are keys of F; rendered as a search form above the table. */
  search?: ReactNode;
  initialFilters?: F;
  fetchPage: (query: ListQuery<F>) => Promise<ListResult<T>>;
  toolbar?: (ctx: ListContext<T, F>) => ReactNode;
  /** Enables row selection; shown above the table while rows are selected. */
  bulkActions?: (ctx: ListContext<T, F>) => ReactNode;
  rowActions?: (row: T, ctx: ListContext<T, F>) => ReactNode;
  rowActionsWidth?: number;
  /** Shown between the toolbar and the table (notes, warnings). */
  notice?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  pageSizes?: readonly number[];
  /** Change to make the list fetch again from the first page. */
  reloadSignal?: unknown;
}

function compact<F extends object>(values: F): F {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value === 'string' && value.trim() === '') {
      continue;
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as F;
}

/**
 * The list page every module uses ("ProTable"-like): a search form, a toolbar, bulk
 * actions over selected rows, row actions, and cursor paging (previous/next, page size).
 */
export function ListPage<T, F extends object>(props: ListPageProps<T, F>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<F>();
  const pageSizes = props.pageSizes ?? [20, 50, 100];
  const [filters, setFilters] = useState<F>(() => compact(props.initialFilters ?? ({} as F)));
  const [limit, setLimit] = useState<number>(pageSizes[0] ?? 20);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageIndex, setPageIndex] = useState(0);
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selectedKeys, setSelectedKeys] = useState<string[]>([]);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(props.fetchPage);
  fetchRef.current = props.fetchPage;

  const cursor = cursors[pageIndex];

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the explicit reload trigger
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    fetchRef
      .current({ filters, cursor, limit })
      .then((result) => {
        if (cancelled) {
          return;
        }
        setRows(result.items);
        setTotal(result.total);
        setHasNext(result.nextCursor !== null);
        setCursors((prev) => {
          const next = prev.slice(0, pageIndex + 1);
          next[pageIndex + 1] = result.nextCursor ?? undefined;
          return next;
        });
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setRows([]);
          setError(e instanceof Error ? e.message : t('shared:error.loadFailed'));
        }
      })
      .finally(() => {
        if (!cancelled) {
          setLoading(false);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [filters, cursor, limit, pageIndex, tick]);

  const restart = useCallback(() => {
    setCursors([undefined]);
    setPageIndex(0);
    setSelectedKeys([]);
    setTick((n) => n + 1);
  }, []);

  const firstSignal = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the signal's changes matter
  useEffect(() => {
    if (firstSignal.current) {
      firstSignal.current = false;
      return;
    }
    restart();
  }, [props.reloadSignal]);

  const selectedRows = useMemo(
    () => rows.filter((row) => selectedKeys.includes(props.rowKey(row))),
    [rows, selectedKeys, props.rowKey],
  );

  const ctx: ListContext<T, F> = {
    reload: () => setTick((n) => n + 1),
    filters,
    selectedRows,
    clearSelection: () => setSelectedKeys([]),
    updateRow: (row) => setRows((prev) => prev.map((r) => (props.rowKey(r) === props.rowKey(row) ? row : r))),
  };

  const columns: TableColumnsType<T> = props.rowActions
    ? [
        ...props.columns,
        {
          key: '__actions',
          title: t('shared:list.actions'),
          width: props.rowActionsWidth ?? 160,
          render: (_value: unknown, row: T) => (
            <div style={{ whiteSpace: 'nowrap' }}>{props.rowActions?.(row, ctx)}</div>
          ),
        },
      ]
    : props.columns;

  const submit = (values: F) => {
    setFilters(compact(values));
    restart();
  };

  const searchItems = Children.toArray(props.search);

  return (
    <Flex vertical gap={16}>
      {searchItems.length > 0 && (
        <Card size="small" styles={{ body: { paddingBlock: 16 } }}>
          <Form<F>
            form={form}
            layout="inline"
            {...(props.initialFilters ? { initialValues: props.initialFilters } : {})}
            onFinish={submit}
            aria-label={t('shared:list.filters')}
            style={{ rowGap: 12 }}
          >
            <Row gutter={[16, 12]} style={{ width: '100%' }}>
              {searchItems.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the search fields are static
                <Col key={index} xs={24} sm={12} lg={8} xxl={6}>
                  {item}
                </Col>
              ))}
              <Col flex="auto">
                <Flex justify="end" gap={8}>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      submit(form.getFieldsValue());
                    }}
                  >
                    {t('shared:action.reset')}
                  </Button>
                  <Button type="primary" htmlType="submit">
                    {t('shared:action.search')}
                  </Button>
                </Flex>
              </Col>
            </Row>
          </Form>
        </Card>
      )}
      <Card
        title={
          <Flex vertical gap={2} style={{ paddingBlock: 12 }}>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
              {props.title}
            </Typography.Title>
            {props.description && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', whiteSpace: 'normal' }}>
                {props.description}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          <Space wrap>
            {props.toolbar?.(ctx)}
            <Tooltip title={t('shared:action.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('shared:action.refresh')}
                onClick={() => ctx.reload()}
              />
            </Tooltip>
          </Space>
        }
      >
        <Flex vertical gap={12}>
          {props.notice}
          {error && (
            <Alert
              type="error"
              showIcon
              title={t('shared:error.loadFailed')}
              description={error}
              action={
                <Button size="small" onClick={() => ctx.reload()}>
                  {t('shared:action.retry')}
                </Button>
              }
            />
          )}
          {props.bulkActions && selectedKeys.length > 0 && (
            <Alert
              type="info"
              title={
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <Space>
                    <span>{t('shared:list.selected', { count: selectedKeys.length })}</span>
                    <Button type="link" size="small" onClick={() => setSelectedKeys([])}>
                      {t('shared:list.clearSelection')}
                    </Button>
                  </Space>
                  <Space wrap>{props.bulkActions(ctx)}</Space>
                </Flex>
              }
            />
          )}
          {/* The wrapper scrolls wide tables. rc-table's own horizontal scroll adds an aria-hidden
              measuring row that repeats the header, select-all checkbox included (an axe failure). */}
          <div style={{ overflowX: 'auto' }}>
            <Table<T>
              rowKey={props.rowKey}
              columns={columns}
              dataSource={rows}
              loading={loading}
              pagination={false}
              size="middle"
              locale={{
                // antd draws a plain-text empty cell in the disabled grey (contrast below 4.5:1).
                emptyText: <span style={{ color: '#595959' }}>{t('shared:list.empty')}</span>,
              }}
              {...(props.expandable ? { expandable: props.expandable } : {})}
              {...(props.bulkActions
                ? {
                    rowSelection: {
                      selectedRowKeys: selectedKeys,
                      onChange: (keys) => setSelectedKeys(keys.map(String)),
                    },
                  }
                : {})}
            />
          </div>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {total !== undefined && `${t('shared:list.total', { total })} · `}
              {t('shared:list.page', { page: pageIndex + 1 })}
            </Typography.Text>
            <Space>
              <Select
                aria-label={t('shared:list.pageSize', { size: limit })}
                value={limit}
                style={{ width: 130 }}
                options={pageSizes.map((size) => ({
                  value: size,
                  label: t('shared:list.pageSize', { size }),
                }))}
                onChange={(size: number) => {
                  setLimit(size);
                  restart();
                }}
              />
              <Button
                icon={<LeftOutlined />}
                disabled={pageIndex === 0 || loading}
                onClick={() => {
                  setSelectedKeys([]);
                  setPageIndex((i) => Math.max(0, i - 1));
                }}
              >
                {t('shared:action.previous')}
              </Button>
              <Button
                disabled={!hasNext || loading}
                onClick={() => {
                  setSelectedKeys([]);
                  setPageIndex((i) => i + 1);
                }}
              >
                {t('shared:action.next')}
                <RightOutlined />
              </Button>
            </Space>
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
