export { buildAdvisor, insertAdvisor } from './advisor.ts'
export { buildMentor, insertMentor } from './mentor.ts'
export {
  buildAdmin,
  buildPerson,
  insertAdmin,
  insertBuiltPerson,
  insertPerson,
  type BuiltPerson,
  type InsertedPerson,
  type PersonFactoryInput,
  type PersonOverrides,
} from './person.ts'
export { createRandom, defaultRandom, FACTORY_NOW, FACTORY_SEED, type Random } from './random.ts'
export { buildStudent, insertStudent } from './student.ts'
