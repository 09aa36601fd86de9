import type { Organisation } from './org.api.ts';

/** An organisation with its children and the members of its whole subtree. */
export interface OrgNode {
  org: Organisation;
  children: OrgNode[];
  /** Active members directly in this organisation and everywhere below it. */
  subtreeMembers: number;
}

/**
 * Builds the tree from the flat list the API returns (parents before children). Any
 * organisation whose parent is not in the list is a root of the caller's scope.
 */
export function buildOrgTree(items: readonly Organisation[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  for (const org of items) {
    byId.set(org.id, { org, children: [], subtreeMembers: org.memberCount });
  }
  const roots: OrgNode[] = [];
  for (const org of items) {
    const node = byId.get(org.id);
    if (!node) {
      continue;
    }
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    if (parent) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const sum = (node: OrgNode): number => {
    node.subtreeMembers = node.org.memberCount + node.children.reduce((acc, child) => acc + sum(child), 0);
    return node.subtreeMembers;
  };
  for (const root of roots) {
    sum(root);
  }
  return roots;
}

export function findNode(roots: readonly OrgNode[], id: string): OrgNode | undefined {
  for (const node of roots) {
    if (node.org.id === id) {
      return node;
    }
    const found = findNode(node.children, id);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** The ids of a node and everything below it (a move may not target any of them). */
export function subtreeIds(node: OrgNode): Set<string> {
  const ids = new Set<string>([node.org.id]);
  for (const child of node.children) {
    for (const id of subtreeIds(child)) {
      ids.add(id);
    }
  }
  return ids;
}

export function countNodes(roots: readonly OrgNode[]): number {
  return roots.reduce((acc, node) => acc + 1 + countNodes(node.children), 0);
}
