import { z } from 'zod';

/*
 * The Studio flow definition as Studio exports it and its REST API (v2) returns it. Only the
 * envelope is checked strictly: widget properties differ per widget type and Studio has added
 * fields over the years, so each mapper reads the properties it knows and keeps the rest in
 * the report (or, for a placeholder, in `original`).
 */

const studioConditionSchema = z.looseObject({
  friendly_name: z.string().optional(),
  arguments: z.array(z.string()).optional(),
  type: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

export type StudioCondition = z.infer<typeof studioConditionSchema>;

const studioTransitionSchema = z.looseObject({
  event: z.string().min(1),
  /* Studio writes "no next" as a missing field, and some exports as "" or null. */
  next: z.string().nullable().optional(),
  conditions: z.array(studioConditionSchema).optional(),
});

export type StudioTransition = z.infer<typeof studioTransitionSchema>;

const studioOffsetSchema = z.looseObject({ x: z.number(), y: z.number() });

export const studioStateSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  transitions: z.array(studioTransitionSchema).default([]),
  properties: z
    .looseObject({ offset: studioOffsetSchema.optional() })
    .default({}),
});

export type StudioState = z.infer<typeof studioStateSchema>;

export const studioFlowSchema = z.looseObject({
  description: z.string().optional(),
  states: z.array(studioStateSchema).min(1, 'a Studio flow has at least its Trigger widget'),
  initial_state: z.string().optional(),
  flags: z
    .looseObject({
      allow_concurrent_calls: z.boolean().optional(),
      allow_concurrent_calls_multiple_flows: z.boolean().optional(),
    })
    .optional(),
});

export type StudioFlow = z.infer<typeof studioFlowSchema>;
