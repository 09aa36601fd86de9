import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, setUnauthorisedHandler } from '../shared/api-client.ts';
import { authApi, type Me, type Permission } from './org.api.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  me: Me | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  /** True when the signed-in account holds the permission somewhere in its scope. */
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await authApi.me();
      setState({ status: 'signed-in', me });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setState({ status: 'anonymous', expired: false });
      } else {
        throw e;
      }
    }
  }, []);

  useEffect(() => {
    // A 401 on any later call means the session ended (idle timeout, password change elsewhere).
    setUnauthorisedHandler(() =>
      setState((prev) => (prev.status === 'signed-in' ? { status: 'anonymous', expired: true } : prev)),
    );
    refresh().catch(() => setState({ status: 'anonymous', expired: false }));
    return () => setUnauthorisedHandler(undefined);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    await authApi.login(username, password);
    const me = await authApi.me();
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const value = useMemo<Session>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    const permissions = new Set(me?.permissions ?? []);
    return { state, me, login, logout, refresh, can: (p) => permissions.has(p) };
  }, [state, login, logout, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession() outside <SessionProvider>');
  }
  return session;
}

/** The signed-in account; only for pages rendered behind the sign-in gate. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) {
    throw new Error('useMe() before sign-in');
  }
  return me;
}
