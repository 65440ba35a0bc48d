// The signed-in user. Loads GET /api/me once, signs in and out, and turns any 401 from the API
// into "signed out" (RequireAuth then sends the user to the login page).
import { App } from 'antd';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { fetchMe, login, logout, saveLang } from '../api/auth.ts';
import { currentLang } from '../i18n/lang.ts';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from './i18n.tsx';

export type AuthState =
  | { status: 'loading' }
  /** `loggedOut`: signed out on purpose, so the next login starts at home, not where they were. */
  | {
      status: 'ready';
      user: Me | null;
      loggedOut?: boolean;
      /** Why the server ended the session (idle or past its lifetime), for the login page. */
      endedBecause?: string;
    }
  | { status: 'error'; message: string };

interface Auth {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * The user whose chosen language this page has taken. A change of language remounts the app and
 * loads the user again; that answer may still carry the old choice, so it is taken once.
 */
let langTakenFor: number | null = null;

/** The interface language for every page: the user's own choice, which follows the account. */
export async function chooseLang(
  setLang: (lang: 'zh' | 'en') => void,
  lang: 'zh' | 'en',
  signedIn: boolean,
): Promise<void> {
  setLang(lang);
  if (signedIn) await saveLang(lang).catch(() => undefined);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const signedIn = useRef(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t, setLang } = useI18n();

  const setUser = useCallback(
    (user: Me | null, loggedOut = false, endedBecause?: string) => {
      signedIn.current = user !== null;
      setState({ status: 'ready', user, loggedOut, endedBecause });
      if (!user) langTakenFor = null;
      else if (langTakenFor !== user.id) {
        langTakenFor = user.id;
        // A choice made on the login page, before the account had one, becomes the account's.
        if (user.lang === null && currentLang() !== 'zh')
          void saveLang(currentLang()).catch(() => undefined);
        else if (user.lang && user.lang !== currentLang()) setLang(user.lang);
      }
    },
    [setLang],
  );

  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setUser(await fetchMe());
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setUser(null, false, endedBecause(e));
      else setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [setUser]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    setUnauthorizedHandler((error) => {
      setCsrfToken(null);
      const why = endedBecause(error);
      if (!signedIn.current) {
        // Requests in flight answer in any order: one sent after the first refusal cleared the
        // cookie only hears "not signed in", and may be handled before the one that says why.
        if (why)
          setState((s) =>
            s.status === 'ready' && !s.user && !s.loggedOut && !s.endedBecause
              ? { ...s, endedBecause: why }
              : s,
          );
        return;
      }
      void message.warning({ content: why ?? t('layout.sessionExpired'), key: 'session-expired' });
      setUser(null, false, why);
    });
    return () => setUnauthorizedHandler(null);
  }, [message, t, setUser]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const user = await login(username, password);
      sessionStorage.removeItem(ENDED_KEY);
      setUser(user);
      return user;
    },
    [setUser],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session may already be gone; the user is signed out here either way.
    }
    sessionStorage.removeItem(ENDED_KEY);
    setUser(null, true);
    void navigate('/login', { replace: true });
  }, [navigate, setUser]);

  const value = useMemo<Auth>(
    () => ({ state, signIn, signOut, reload }),
    [state, signIn, signOut, reload],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The server's words when it ended a session that had idled or outlived its lifetime. */
function sessionEndMessage(e: ApiError): string | undefined {
  const reason = e.extra.reason;
  return reason === 'SESSION_IDLE' || reason === 'SESSION_EXPIRED' ? e.message : undefined;
}

/**
 * Why the session ended, kept for this tab until the next sign-in: the first refused request
 * clears the cookie, so a request after it (or the next page load) only hears "not signed in".
 */
const ENDED_KEY = 'gaizao-session-ended';

function endedBecause(e: ApiError): string | undefined {
  const why = sessionEndMessage(e);
  if (why) sessionStorage.setItem(ENDED_KEY, why);
  return why ?? sessionStorage.getItem(ENDED_KEY) ?? undefined;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'ready' || !state.user) throw new Error('useMe without a signed-in user');
  return state.user;
}

export function hasAnyRole(user: Me, roles: readonly string[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}
