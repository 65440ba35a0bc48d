// Session endpoints. Each response that carries a CSRF token hands it to the client.
import { api, setCsrfToken } from './client.ts';
import type { Lang, LoginAnswer } from '../../../common/api/auth.ts';
import type { Me } from './types.ts';

export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/me', { skipAuthRedirect: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function login(username: string, password: string): Promise<Me> {
  const { user } = await api.post<LoginAnswer>(
    '/api/auth/login',
    { username, password },
    { skipAuthRedirect: true },
  );
  setCsrfToken(user.csrfToken);
  return user;
}

export async function logout(): Promise<void> {
  try {
    await api.post<undefined>('/api/auth/logout', undefined, { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

/** The user's own new password; the session stays, the user's other sessions end. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post<undefined>('/api/me/password', { currentPassword, newPassword });
}

/** The user's interface language, kept with the account so it follows them to any browser. */
export async function saveLang(lang: Lang): Promise<void> {
  await api.put<undefined>('/api/me/lang', { lang });
}
