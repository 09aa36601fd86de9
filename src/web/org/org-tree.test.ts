import { describe, expect, it } from 'vitest';
import type { Organisation } from './org.api.ts';
import { buildOrgTree, countNodes, findNode, subtreeIds } from './org-tree.ts';

function org(id: string, parentId: string | null, memberCount: number): Organisation {
  return {
    id,
    parentId,
    name: id,
    kind: 'county',
    divisionCode: null,
    depth: 0,
    path: `/${id}/`,
    status: 'active',
    childCount: 0,
    memberCount,
  };
}

describe('buildOrgTree', () => {
  const items = [org('city', 'province', 1), org('a', 'city', 2), org('b', 'city', 0), org('a1', 'a', 5)];

  it('roots the tree at organisations whose parent is outside the list', () => {
    const roots = buildOrgTree(items);
    expect(roots.map((n) => n.org.id)).toEqual(['city']);
    expect(roots[0]?.children.map((n) => n.org.id)).toEqual(['a', 'b']);
    expect(countNodes(roots)).toBe(4);
  });

  it('sums members over each subtree', () => {
    const roots = buildOrgTree(items);
    expect(roots[0]?.subtreeMembers).toBe(8);
    expect(findNode(roots, 'a')?.subtreeMembers).toBe(7);
    expect(findNode(roots, 'b')?.subtreeMembers).toBe(0);
  });

  it('lists a subtree for move targets to exclude', () => {
    const roots = buildOrgTree(items);
    const a = findNode(roots, 'a');
    expect(a && [...subtreeIds(a)].sort()).toEqual(['a', 'a1']);
  });
});
