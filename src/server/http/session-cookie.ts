import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

export const SESSION_COOKIE = 'preceptor_session'

export function readSessionSecret(c: Context): string | null {
  const value = getCookie(c, SESSION_COOKIE)
  return value && value.length <= 100 ? value : null
}

/** httpOnly so scripts never see it; SameSite=Lax so other sites' forms do not carry it. */
export function writeSessionCookie(c: Context, secret: string, expiresAt: Date, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: expiresAt })
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
}
