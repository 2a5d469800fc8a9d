import { describe, expect, it } from 'vitest'
import { clientAddress, trustedProxies } from './client-address.ts'

describe('clientAddress', () => {
  const proxies = trustedProxies(['127.0.0.1', '10.0.0.0/8', '::1'])

  it.each([
    ['no trusted proxies: the socket, whatever the header says', '198.51.100.1', '203.0.113.9', null, '198.51.100.1'],
    ['an untrusted socket: the header is ignored', '198.51.100.1', '203.0.113.9', proxies, '198.51.100.1'],
    ['a trusted proxy: the address it appended', '127.0.0.1', '203.0.113.9', proxies, '203.0.113.9'],
    ['a chain: the rightmost address no trusted proxy added', '::ffff:127.0.0.1', '1.2.3.4, 203.0.113.9, 10.2.3.4', proxies, '203.0.113.9'],
    ['a header that is not an address: the socket', '127.0.0.1', 'unknown', proxies, '127.0.0.1'],
    ['only proxies in the chain: the socket', '::1', '10.0.0.5', proxies, '::1'],
  ])('%s', (_label, socket, header, trusted, expected) => {
    expect(clientAddress(socket, header, trusted)).toBe(expected)
  })
})
