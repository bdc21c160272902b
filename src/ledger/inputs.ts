/** The parsers and schemas of what a person or a program types (dates, CUSIPs, ids), for the shells. */
export {
  IsoDateSchema,
  parseInstant,
  parseIsoDate,
  parseIssuerRef,
  PersonIdSchema,
  UuidSchema,
} from '../domain/index.js';
