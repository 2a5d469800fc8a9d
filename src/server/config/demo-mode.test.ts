import { describe, expect, it } from 'vitest'
import { decideDemoMode, isLoopbackHost } from './demo-mode.ts'
import { EnvError, parseEnv } from './env.ts'

const local = { appOrigin: 'http://localhost:3000', host: '127.0.0.1', allowPublic: false }
const school = { appOrigin: 'https://preceptor.example.edu', host: '127.0.0.1', allowPublic: false }

describe('demo mode is never reached by accident', () => {
  it('knows the loopback names and addresses', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['0.0.0.0', '10.0.0.5', 'preceptor.example.edu', 'localhost.example.edu', '128.0.0.1', '']) expect(isLoopbackHost(host)).toBe(false)
  })

  it('is on by default for a fresh clone on this machine', () => {
    expect(decideDemoMode({ ...local, demoMode: undefined })).toEqual({ demoMode: true })
    expect(parseEnv({}).DEMO_MODE).toBe(true)
  })

  it('is off by default when the app has a public origin or listens on every interface', () => {
    expect(decideDemoMode({ ...school, demoMode: undefined })).toEqual({ demoMode: false })
    expect(decideDemoMode({ ...local, host: '0.0.0.0', demoMode: undefined })).toEqual({ demoMode: false })
    expect(parseEnv({ APP_ORIGIN: 'https://preceptor.example.edu' }).DEMO_MODE).toBe(false)
  })

  it('refuses DEMO_MODE=true on a public address, naming the setting and the way out', () => {
    const decision = decideDemoMode({ ...school, demoMode: true })
    expect(decision).toEqual({ refused: expect.stringContaining('APP_ORIGIN https://preceptor.example.edu') })
    expect(() => parseEnv({ DEMO_MODE: 'true', APP_ORIGIN: 'https://preceptor.example.edu' })).toThrow(EnvError)
    expect(() => parseEnv({ DEMO_MODE: 'true', APP_ORIGIN: 'https://preceptor.example.edu' })).toThrow(/DEMO_MODE_ALLOW_PUBLIC=true/)
    expect(() => parseEnv({ DEMO_MODE: 'true', HOST: '0.0.0.0' })).toThrow(/HOST 0\.0\.0\.0/)
  })

  it('allows a public demo server only when DEMO_MODE_ALLOW_PUBLIC says so', () => {
    expect(decideDemoMode({ ...school, allowPublic: true, demoMode: true })).toEqual({ demoMode: true })
    expect(parseEnv({ DEMO_MODE: 'true', DEMO_MODE_ALLOW_PUBLIC: 'true', APP_ORIGIN: 'https://demo.example.edu' }).DEMO_MODE).toBe(true)
  })

  it('DEMO_MODE=false always wins', () => {
    expect(decideDemoMode({ ...local, demoMode: false })).toEqual({ demoMode: false })
    expect(decideDemoMode({ ...school, allowPublic: true, demoMode: false })).toEqual({ demoMode: false })
  })
})
