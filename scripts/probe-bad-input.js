#!/usr/bin/env node
/**
 * Sends hostile input to every route of a running server, signed in as each demo role and
 * signed out, and reports every 5xx. The routes and their schemas come from the server's own
 * /api/openapi.json, so a new route is probed the day it is added.
 *
 * Each request is a plausible body built from the route's schema with one field replaced by a
 * bad value: NUL, a lone surrogate, a 1 MB string, a control character or line break, a date in
 * year 9999. Query and path parameters get the same treatment. Needs a server with the demo
 * accounts (DEMO_MODE) and a throwaway database: the probe creates and changes rows.
 *
 *   node scripts/probe-bad-input.js [base-url]      (default http://localhost:3000)
 *
 * A refusal the server sends before reading a large body (403 to a role the route does not let
 * in) resets the connection, so the client sees no status: those are counted as `noAnswer`,
 * apart from 5xx, and the megabyte then goes to the next role.
 *
 * Prints one line per 5xx and a JSON summary; exits 1 when any 5xx was seen.
 */

const BASE = (process.argv[2] ?? process.env.PROBE_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const PASSWORD = 'preceptor-demo'
/** PROBE_ONLY='1 MB' runs only the probes whose label holds those words. */
const ONLY = process.env.PROBE_ONLY ?? ''
const ROLES = ['student', 'mentor', 'advisor', 'admin', 'near-peer']
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'
// Routes that would end the probe's own sessions.
const SKIP = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-in'])

const BAD_TEXT = {
  nul: 'probe\u0000text',
  'lone surrogate': 'probe\ud800text',
  'lone low surrogate': '\udc00',
  'line break': 'Probe\r\nBcc: someone@example.org',
  'control character': 'probe\u0007\u001b[31mtext',
  'url in a name': 'Visit https://evil.example',
}
const MEGABYTE = 'x'.repeat(1024 * 1024)

async function call(method, path, { cookie, body, rawBody, contentType } = {}) {
  const headers = { origin: BASE }
  if (cookie) headers.cookie = cookie
  let payload
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  } else if (rawBody !== undefined) {
    headers['content-type'] = contentType
    payload = rawBody
  }
  try {
    const response = await fetch(`${BASE}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(60_000) })
    const text = await response.text()
    return { status: response.status, text, headers: response.headers }
  } catch (error) {
    return { status: 0, text: `${error} (${error.cause?.code ?? error.cause?.message ?? 'no cause'})`, headers: new Headers() }
  }
}

/** Text for a URL: percent-encoded UTF-8, and a lone surrogate as the bytes a careless client would send. */
function urlText(value) {
  return Array.from(value, (ch) => {
    const code = ch.codePointAt(0)
    if (code >= 0xd800 && code <= 0xdfff)
      return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase()
    return encodeURIComponent(ch)
  }).join('')
}

async function signIn(role) {
  const response = await call('POST', '/api/auth/sign-in', { body: { email: `${role}@demo.example.edu`, password: PASSWORD } })
  const cookie = response.headers.get('set-cookie')?.match(/preceptor_session=[^;]*/)?.[0]
  if (!cookie) throw new Error(`could not sign in as ${role}: ${response.status} ${response.text.slice(0, 200)}`)
  return cookie
}

/** A value the schema accepts, as far as a schema can say. */
function sample(schema, name = '', depth = 0) {
  if (!schema || depth > 6) return 'probe'
  if (schema.enum) return schema.enum[0]
  if (schema.const !== undefined) return schema.const
  if (schema.default !== undefined) return schema.default
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) return sample(variants.find((v) => v.type !== 'null') ?? variants[0], name, depth + 1)
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return UNKNOWN_ID
      if (schema.format === 'email') return 'probe@example.org'
      if (schema.format === 'date-time') return '2027-01-15T15:00:00Z'
      if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2027-01-15'
      if (/password/i.test(name)) return 'a long enough probe password'
      return 'probe'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 100)
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1)
    case 'boolean':
      return true
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => sample(schema.items, name, depth + 1)) : [sample(schema.items, name, depth + 1)]
    case 'object': {
      const out = {}
      for (const [key, child] of Object.entries(schema.properties ?? {})) out[key] = sample(child, key, depth + 1)
      return out
    }
    default:
      return 'probe'
  }
}

function isDateField(schema) {
  const variants = [schema, ...(schema?.anyOf ?? [])]
  if (variants.some((s) => s?.format === 'date-time')) return '9999-12-31T23:00:00Z'
  if (variants.some((s) => s?.pattern?.includes('\\d{4}-\\d{2}-\\d{2}'))) return '9999-12-31'
  return null
}

function isStringField(schema) {
  return [schema, ...(schema?.anyOf ?? [])].some((s) => s?.type === 'string' || (Array.isArray(s?.type) && s.type.includes('string')))
}

/** Resolves `$ref`s into components, once. */
function resolver(doc) {
  const resolve = (schema, seen = new Set()) => {
    if (!schema || typeof schema !== 'object') return schema
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()
      if (seen.has(name)) return {}
      return resolve(doc.components?.schemas?.[name], new Set([...seen, name]))
    }
    const out = Array.isArray(schema) ? [] : {}
    for (const [key, value] of Object.entries(schema)) out[key] = typeof value === 'object' ? resolve(value, seen) : value
    return out
  }
  return resolve
}

/** Every probe for one operation: [label, path, options]. */
function probesFor(path, operation, resolve) {
  const probes = []
  const parameters = (operation.parameters ?? []).map(resolve)
  const fill = (override = {}) => path.replace(/\{([^}]+)\}/g, (_, name) => urlText(override[name] ?? UNKNOWN_ID))
  const query = (pairs) => {
    const search = Object.entries(pairs)
      .map(([name, value]) => `${urlText(name)}=${urlText(value)}`)
      .join('&')
    return search ? `?${search}` : ''
  }
  const content = operation.requestBody?.content ?? {}
  const jsonSchema = content['application/json'] ? resolve(content['application/json'].schema) : null
  const base = jsonSchema ? sample(jsonSchema) : undefined
  const bodyOptions = (body) => (jsonSchema ? { body } : content['text/csv'] ? { rawBody: 'id,name\nP1,Probe\n', contentType: 'text/csv' } : {})

  for (const parameter of parameters) {
    for (const [label, value] of Object.entries({ ...BAD_TEXT, '10k string': 'x'.repeat(10_000), 'year 9999': '9999-12-31T23:00:00Z' })) {
      if (parameter.in === 'path') probes.push([`path ${parameter.name}: ${label}`, fill({ [parameter.name]: value }), bodyOptions(base)])
      if (parameter.in === 'query') probes.push([`query ${parameter.name}: ${label}`, fill() + query({ [parameter.name]: value }), bodyOptions(base)])
    }
  }
  if (jsonSchema && typeof base === 'object' && base !== null && !Array.isArray(base)) {
    probes.push(['plausible body', fill(), { body: base }])
    for (const [field, schema] of Object.entries(jsonSchema.properties ?? {})) {
      const date = isDateField(schema)
      if (date) probes.push([`body ${field}: year 9999`, fill(), { body: { ...base, [field]: date } }])
      if (!isStringField(schema)) continue
      for (const [label, value] of Object.entries(BAD_TEXT)) probes.push([`body ${field}: ${label}`, fill(), { body: { ...base, [field]: value } }])
      probes.push([`body ${field}: 1 MB string`, fill(), { body: { ...base, [field]: MEGABYTE } }])
    }
    probes.push(['body: NUL in a key', fill(), { body: { ...base, 'key\u0000': 'x' } }])
  }
  if (content['text/csv']) {
    for (const [label, value] of Object.entries(BAD_TEXT)) {
      probes.push([
        `csv cell: ${label}`,
        fill(),
        { rawBody: `id,name,specialty,track,state,positions,setting\nP1,"${value}",internal-medicine,categorical,OH,4,academic\n`, contentType: 'text/csv' },
      ])
    }
  }
  if (probes.length === 0) probes.push(['no input', fill(), bodyOptions(base)])
  return probes
}

async function main() {
  const doc = JSON.parse((await call('GET', '/api/openapi.json')).text)
  const resolve = resolver(doc)
  const sessions = [['signed out', null]]
  for (const role of ROLES) sessions.push([role, await signIn(role)])

  let requests = 0
  let retried = 0
  const failures = []
  const statuses = {}
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [method.toUpperCase(), path, operation]),
  )
  for (const [method, path, operation] of operations) {
    if (SKIP.has(`${method} ${path}`)) continue
    for (const [label, target, options] of probesFor(path, operation, resolve)) {
      if (ONLY && !label.includes(ONLY)) continue
      const big = label.includes('1 MB')
      for (const [who, cookie] of sessions) {
        let response = await call(method, target, { ...options, cookie })
        // A refusal sent before the body was read can reset the connection under a large body;
        // that is the client's socket, not the server's answer: ask once more.
        if (response.status === 0) {
          response = await call(method, target, { ...options, cookie })
          retried++
        }
        requests++
        statuses[response.status] = (statuses[response.status] ?? 0) + 1
        if (response.status >= 500 || response.status === 0) {
          failures.push({ who, method, path, probe: label, status: response.status })
          console.log(`${response.status} ${who.padEnd(10)} ${method} ${path} — ${label}: ${response.text.slice(0, 160)}`)
        }
        // A megabyte is sent to the first caller the route lets in, not to every role. (A refusal
        // sent before a large body is read closes the connection: no status, the next role tries.)
        if (big && response.status !== 0 && response.status !== 401 && response.status !== 403) break
      }
    }
  }
  console.log(
    JSON.stringify(
      {
        base: BASE,
        operations: operations.length,
        requests,
        retried,
        fiveHundreds: failures.filter((f) => f.status >= 500).length,
        noAnswer: failures.filter((f) => f.status === 0).length,
        statuses,
      },
      null,
      2,
    ),
  )
  process.exitCode = failures.length > 0 ? 1 : 0
}

main().catch((error) => {
  console.error(`probe-bad-input: ${error.message}`)
  process.exitCode = 2
})
