import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { OrgNode } from './org-tree.ts';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

function toOptions(nodes: readonly OrgNode[], exclude: ReadonlySet<string>): TreeOption[] {
  return nodes
    .filter((n) => !exclude.has(n.org.id))
    .map((n) => ({
      value: n.org.id,
      title: n.org.name,
      ...(n.org.status === 'closed' ? { disabled: true } : {}),
      children: toOptions(n.children, exclude),
    }));
}

export interface OrgSelectProps
  extends Omit<TreeSelectProps<string>, 'treeData' | 'showSearch' | 'treeNodeFilterProp' | 'onChange'> {
  roots: readonly OrgNode[];
  /** Ids that may not be chosen (and are hidden with their subtrees), e.g. a node being moved. */
  exclude?: ReadonlySet<string>;
  value?: string;
  onChange?: (value: string) => void;
}

/** Picks one organisation from the caller's subtree, searchable by name. */
export function OrgSelect({ roots, exclude, ...rest }: OrgSelectProps) {
  const treeData = useMemo(() => toOptions(roots, exclude ?? new Set()), [roots, exclude]);
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      popupMatchSelectWidth={false}
      treeData={treeData}
      {...rest}
    />
  );
}
