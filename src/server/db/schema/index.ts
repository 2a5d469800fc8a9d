export * from './identity.ts'
export * from './profiles.ts'
export * from './platform.ts'
export * from './letters.ts'
