/** Control, groups (Rule 13d-5) and joint filing (Rule 13d-1(k)(1)). */
import { z } from 'zod';
import { PersonIdSchema } from '../ids.js';
import { fact } from './fact-fields.js';

/** A person controls an entity: the entity's holdings are deemed the person's, with shared power. */
export const ControlEstablishedSchema = z.object({
  type: z.literal('ControlEstablished'),
  data: z.object({ ...fact, controllerId: PersonIdSchema, entityId: PersonIdSchema, relationship: z.string() }),
});

export const ControlEndedSchema = z.object({
  type: z.literal('ControlEnded'),
  data: z.object({ ...fact, controllerId: PersonIdSchema, entityId: PersonIdSchema }),
});

/** Rule 13d-5: persons agreeing to act together. */
export const GroupFormedSchema = z.object({
  type: z.literal('GroupFormed'),
  data: z.object({ ...fact, groupId: PersonIdSchema, memberIds: z.array(PersonIdSchema).min(1) }),
});

export const GroupMemberJoinedSchema = z.object({
  type: z.literal('GroupMemberJoined'),
  data: z.object({ ...fact, groupId: PersonIdSchema, personId: PersonIdSchema }),
});

export const GroupMemberLeftSchema = z.object({
  type: z.literal('GroupMemberLeft'),
  data: z.object({ ...fact, groupId: PersonIdSchema, personId: PersonIdSchema }),
});

/** Rule 13d-1(k)(1): the reporting persons agree to file jointly. */
export const JointFilingAgreementSignedSchema = z.object({
  type: z.literal('JointFilingAgreementSigned'),
  data: z.object({ ...fact, partyIds: z.array(PersonIdSchema).min(2) }),
});
