/** The ledger's own record: corrections and retractions of earlier events. */
import { z } from 'zod';
import { UuidSchema } from '../ids.js';
import { text } from './fact-fields.js';

/** Replaces fields of an earlier event's data; applies from its recorded time on. */
export const EventCorrectedSchema = z.object({
  type: z.literal('EventCorrected'),
  data: z.object({
    /** Id of the event corrected. */
    eventId: UuidSchema,
    /** New values by dotted path into the event's data: `{ "shares": 10500 }`. */
    set: z.record(z.string().min(1), z.json()),
    reason: text,
  }),
});

/** Withdraws an earlier event: from its recorded time on, it is as if never recorded. */
export const EventRetractedSchema = z.object({
  type: z.literal('EventRetracted'),
  data: z.object({ eventId: UuidSchema, reason: text }),
});
