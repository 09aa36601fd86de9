import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../org/session.context.tsx';
import { type EmploymentReference, employmentApi } from './employment.api.ts';

const referenceCache = new Map<string, Promise<EmploymentReference>>();

/** The employment code lists (industries, tags, status labels) in the UI language, fetched once per language. */
export function useEmploymentReference(): EmploymentReference | null {
  const { i18n } = useTranslation();
  const [reference, setReference] = useState<EmploymentReference | null>(null);
  useEffect(() => {
    const language = i18n.language;
    let pending = referenceCache.get(language);
    if (!pending) {
      pending = employmentApi.reference().catch((e: unknown) => {
        referenceCache.delete(language);
        throw e;
      });
      referenceCache.set(language, pending);
    }
    let cancelled = false;
    pending
      .then((r) => {
        if (!cancelled) {
          setReference(r);
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [i18n.language]);
  return reference;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data in place (after a write that returned the new value). */
  set: (value: T) => void;
}

/** Loads something once (and again on `reload` or when `deps` change), with its error. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load()
      .then((value) => {
        if (!cancelled) {
          setData(value);
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
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, set: setData };
}

/** Whether the signed-in account holds a permission (employment's permissions are not in the org client's list). */
export function useCan(): (permission: string) => boolean {
  const { me } = useSession();
  return useCallback((permission: string) => me?.permissions.includes(permission) ?? false, [me]);
}

/**
 * The employers an HR account acts for, read from the postings it manages (`managedOnly`).
 * Null while looking; empty when the account manages no posting yet.
 */
export function useHrEmployerIds(enabled: boolean): string[] | null {
  const [ids, setIds] = useState<string[] | null>(enabled ? null : []);
  useEffect(() => {
    if (!enabled) {
      setIds([]);
      return;
    }
    let cancelled = false;
    (async () => {
      const found = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < 5 && found.size === 0; page++) {
        const result = await employmentApi.searchJobs(
          { sort: 'newest', managedOnly: 'true' },
          { cursor, limit: 100 },
        );
        for (const job of result.items) {
          found.add(job.employerId);
        }
        if (!result.nextCursor) {
          break;
        }
        cursor = result.nextCursor;
      }
      if (!cancelled) {
        setIds([...found]);
      }
    })().catch(() => {
      if (!cancelled) {
        setIds([]);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return ids;
}
