import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.ts'

describe('parseEnv', () => {
  it('applies the defaults: embedded database in ./data, demo mode, port 3000', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO_MODE: true, appOrigin: 'http://localhost:3000' })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('treats empty strings as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '  ', SMTP_URL: '' })
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.SMTP_URL).toBeUndefined()
  })

  it('reads the overrides', () => {
    const env = parseEnv({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/preceptor',
      DATA_DIR: '/srv/p',
      DEMO_MODE: 'false',
      APP_ORIGIN: 'https://preceptor.example.edu',
    })
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u:p@db:5432/preceptor',
      DATA_DIR: '/srv/p',
      DEMO_MODE: false,
      appOrigin: 'https://preceptor.example.edu',
    })
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DEMO_MODE', 'maybe'],
    ['SMTP_URL', 'mail.example.edu'],
    ['APP_ORIGIN', 'https://preceptor.example.edu/'],
    ['TRUST_PROXY', 'proxy.example.edu'],
    ['TRUST_PROXY', '10.0.0.0/33'],
  ])('stops start-up on a wrong %s, naming it', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError)
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}:`))
  })

  it('reads TRUST_PROXY as a list of addresses and ranges; unset, no proxy is trusted', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual([])
    expect(parseEnv({ TRUST_PROXY: '127.0.0.1, ::1,10.0.0.0/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '::1', '10.0.0.0/8'])
  })
})
