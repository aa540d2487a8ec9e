import { z } from 'zod';

/** Flow ids appear in workflow ids and URLs, so they are lower-case slugs. */
export const FLOW_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Node ids appear in paths like `nodes.<id>.reply.text`, so they start with a letter. */
export const NODE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export const flowIdSchema = z
  .string()
  .regex(FLOW_ID_PATTERN, 'use 1-63 lower-case letters, digits or "-", starting with a letter or digit');

export const nodeIdSchema = z
  .string()
  .regex(NODE_ID_PATTERN, 'use 1-64 letters, digits, "_" or "-", starting with a letter');
