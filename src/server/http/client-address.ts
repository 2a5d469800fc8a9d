import { BlockList, isIP } from 'node:net'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

/**
 * The address a request came from, for the per-address sign-in limit and the audit log.
 *
 * `X-Forwarded-For` is a header anyone can send, so it is believed only when the connection
 * itself comes from a proxy the operator named in `TRUST_PROXY`. Then the header is read from
 * the right (each proxy appends the address it saw), skipping the trusted proxies; the first
 * address left is the client. Whatever a client wrote further left is never used.
 */

export type TrustedProxies = { has(address: string): boolean }

/** True for `203.0.113.7`, `::1`, `10.0.0.0/8`, `fd00::/8`: the entries `TRUST_PROXY` accepts. */
export function isProxyEntry(entry: string): boolean {
  const [address, bits, extra] = entry.split('/')
  if (!address || extra !== undefined) return false
  const family = isIP(address)
  if (family === 0) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/')
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return { has: (address) => isIP(address) !== 0 && list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4') }
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped?.[1] ?? address
}

export function clientAddress(socketAddress: string | null, forwardedFor: string | undefined, trusted: TrustedProxies | null): string | null {
  const socket = socketAddress ? plain(socketAddress) : null
  if (!socket || !trusted || !forwardedFor || !trusted.has(socket)) return socket
  const hops = forwardedFor
    .split(',')
    .map((hop) => plain(hop.trim()))
    .reverse()
  for (const hop of hops) {
    if (isIP(hop) === 0) return socket // a hop that is not an address: the chain cannot be read
    if (!trusted.has(hop)) return hop
  }
  return socket
}

function socketAddressOf(env: unknown): string | null {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? null
}

/** Sets `clientIp` once per request; `requestMeta` hands it to services. */
export function resolveClientAddress(trusted: TrustedProxies | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', clientAddress(socketAddressOf(c.env), c.req.header('x-forwarded-for'), trusted))
    await next()
  }
}
