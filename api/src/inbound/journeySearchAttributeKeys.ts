import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { JourneySearchAttributeName } from '@threadline/worker/contract';

/**
 * Typed keys for the journey search attributes of worker/contract. The contract names each
 * attribute and its type; these keys let the client set them with type-checked values.
 */
export const journeyKeys = {
  FlowId: defineSearchAttributeKey('FlowId', SearchAttributeType.KEYWORD),
  FlowVersion: defineSearchAttributeKey('FlowVersion', SearchAttributeType.INT),
  ContactId: defineSearchAttributeKey('ContactId', SearchAttributeType.KEYWORD),
  CurrentNode: defineSearchAttributeKey('CurrentNode', SearchAttributeType.KEYWORD),
  Channels: defineSearchAttributeKey('Channels', SearchAttributeType.KEYWORD_LIST),
  JourneyStatus: defineSearchAttributeKey('JourneyStatus', SearchAttributeType.KEYWORD),
} satisfies Record<JourneySearchAttributeName, unknown>;
