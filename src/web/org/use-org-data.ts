import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Organisation, organisationApi, type Reference, referenceApi } from './org.api.ts';
import { buildOrgTree, type OrgNode } from './org-tree.ts';

export interface OrganisationsState {
  items: Organisation[];
  roots: OrgNode[];
  byId: Map<string, Organisation>;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** The caller's organisation subtree, flat and as a tree. */
export function useOrganisations(options: { includeClosed?: boolean } = {}): OrganisationsState {
  const [items, setItems] = useState<Organisation[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const includeClosed = options.includeClosed ?? false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the explicit reload trigger
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    organisationApi
      .list({ includeClosed })
      .then((list) => {
        if (!cancelled) {
          setItems(list);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setError(e instanceof Error ? e.message : String(e));
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
  }, [includeClosed, tick]);

  const roots = useMemo(() => buildOrgTree(items), [items]);
  const byId = useMemo(() => new Map(items.map((o) => [o.id, o])), [items]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, roots, byId, loading, error, reload };
}

let referenceCache: Promise<Reference> | undefined;

/** Code lists for forms (ethnic groups…), fetched once per page load. */
export function useReference(): Reference | null {
  const [reference, setReference] = useState<Reference | null>(null);
  useEffect(() => {
    referenceCache ??= referenceApi.get().catch((e: unknown) => {
      referenceCache = undefined;
      throw e;
    });
    let cancelled = false;
    referenceCache
      .then((r) => {
        if (!cancelled) {
          setReference(r);
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return reference;
}
