/**
 * Typed keys of the search attributes the workflow upserts (contract.ts lists all of them).
 * Plain `{ name, type }` objects, which is all `defineSearchAttributeKey` returns, so the
 * workflow bundle evaluates nothing beyond `@temporalio/workflow`.
 */
import type { defineSearchAttributeKey } from '@temporalio/common';

type SearchAttributeKey<T extends 'KEYWORD' | 'KEYWORD_LIST'> = ReturnType<typeof defineSearchAttributeKey<T>>;

export const currentNodeKey: SearchAttributeKey<'KEYWORD'> = { name: 'CurrentNode', type: 'KEYWORD' };
export const journeyStatusKey: SearchAttributeKey<'KEYWORD'> = { name: 'JourneyStatus', type: 'KEYWORD' };
export const channelsKey: SearchAttributeKey<'KEYWORD_LIST'> = { name: 'Channels', type: 'KEYWORD_LIST' };
