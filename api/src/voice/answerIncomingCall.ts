import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { journeyWorkflowId, VOICE_TURN_UPDATE, type InboundEvent, type JourneyInput, type VoiceTurnRequest, type VoiceTurnResponse } from '@threadline/worker/contract';
import { journeyStartOptions } from '@threadline/worker/start';
import { appendTimelineEvent, contactSnapshot, InvalidAddressError, normalizeAddress, readContactProfile, registerJourneys, resolveContact, type Identity } from '@threadline/worker/store';
import { SORRY_TWIML } from './politeTwiml';
import type { VoiceDeps } from './voiceDeps';

/** An incoming call as the provider reported it (Twilio's Voice URL request, or the sandbox). */
export interface IncomingCall {
  /** `twilio` or `sandbox`: the first half of the timeline event's id. */
  provider: string;
  callSid: string;
  from: string;
  to?: string | undefined;
  at: Date;
}

export interface AnsweredCall {
  twiml: VoiceTurnResponse;
  /** The journey that took the call; null when none did (the caller heard SORRY_TWIML). */
  journeyId: string | null;
  contactId: string | null;
  /** True when this was a retry of a webhook already answered: no second journey started. */
  duplicate: boolean;
}

/** Readable update ids: they name the call and the turn, and make a retried webhook the same update. */
export function startUpdateId(callSid: string): string {
  return `voice turn 0: answer · ${callSid}`;
}

/**
 * The first turn of an inbound call: resolve the caller as a contact, write the call on their
 * timeline (keyed `<provider>:<CallSid>`, so a retry is recognised), and update-with-start the
 * journey of the flow whose inbound-call trigger takes it. The update's result is the TwiML of
 * the first turn. A retry of the same call sends the same update (same id) to the journey that
 * has it, which Temporal answers with the first result: it never starts a second journey.
 */
export async function answerIncomingCall(deps: VoiceDeps, call: IncomingCall): Promise<AnsweredCall> {
  const nobody = { twiml: SORRY_TWIML, journeyId: null, contactId: null, duplicate: false };
  const identity = callerIdentity(call.from);
  if (identity === null) {
    deps.logger.info({ callSid: call.callSid }, 'a call from a withheld or invalid number: no journey can take it');
    return nobody;
  }
  const flow = await deps.callFlows.match(call.to);
  if (flow === null) {
    deps.logger.warn({ callSid: call.callSid, to: call.to }, 'no published flow takes calls to this number');
    return nobody;
  }
  const { contactId } = await resolveContact(deps.store, identity);
  const journeyId = journeyWorkflowId(flow.flowId, contactId);
  const eventId = `${call.provider}:${call.callSid}`;
  const event: InboundEvent = { eventId, kind: 'call', channel: 'voice', from: identity.value, ...(call.to === undefined ? {} : { to: call.to }), at: call.at.toISOString() };

  // exec(): a promise, read by two (a mongoose query awaited twice would run twice, or throw).
  const contactRead = deps.store.contacts.findById(contactId).lean().exec();
  const [{ inserted }, contactDoc] = await Promise.all([
    appendTimelineEvent(deps.store, {
      _id: eventId,
      contactId,
      at: call.at,
      channel: 'voice',
      direction: 'inbound',
      kind: 'call',
      body: null,
      from: identity.value,
      to: call.to ?? null,
      provider: call.provider,
      providerMessageId: call.callSid,
      status: 'in-progress',
    }),
    contactRead,
    // Registered as the contact's journey, so a text they send during the call reaches it.
    registerJourneys(deps.store, contactId, [journeyId], contactRead),
  ]);

  const request: VoiceTurnRequest = { kind: 'start', callSid: call.callSid };
  const updateId = startUpdateId(call.callSid);
  const logger = deps.logger.child({ callSid: call.callSid, contactId, journeyId });
  try {
    // A retry of a call already handed to its journey asks that journey again (it may have
    // ended since: then the caller hears SORRY_TWIML, and no second journey starts). One that
    // came while the first attempt was still on its way, or after it failed half-way, does
    // the same update-with-start: the same update id makes both one update.
    const delivered = !inserted && (await deps.store.timeline.findById(eventId, { deliveredAt: 1 }).lean())?.deliveredAt;
    if (delivered) {
      const twiml = await deps.temporal.workflow.getHandle(journeyId).executeUpdate<VoiceTurnResponse, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { updateId, args: [request] });
      logger.info('retry of an answered call: same first turn');
      return { twiml, journeyId, contactId, duplicate: true };
    }
    const input: JourneyInput = {
      flowId: flow.flowId,
      flowVersion: flow.flowVersion,
      contactId,
      definition: flow.definition,
      triggerNodeId: flow.triggerNode.id,
      trigger: event,
      ...(contactDoc ? { contact: contactSnapshot(readContactProfile(contactDoc)) } : {}),
    };
    const { workflowId, ...options } = journeyStartOptions(input, deps.journeys.taskQueue);
    const startWorkflowOperation = new WithStartWorkflowOperation(deps.journeys.workflowType, {
      workflowId,
      ...options,
      // A journey of this flow already running for the contact gets the update: its validator
      // turns a call it is not on away, and the caller hears SORRY_TWIML below.
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const twiml = await deps.temporal.workflow.executeUpdateWithStart<Workflow, VoiceTurnResponse, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, {
      updateId,
      args: [request],
      startWorkflowOperation,
    });
    await deps.store.timeline.updateOne({ _id: eventId }, { $set: { deliveredAt: new Date() } });
    logger.info({ flowId: flow.flowId }, 'call answered by a journey');
    return { twiml, journeyId, contactId, duplicate: !inserted };
  } catch (error) {
    logger.error({ err: error }, 'no journey could answer the call');
    return { ...nobody, contactId };
  }
}

function callerIdentity(from: string): Identity | null {
  try {
    return normalizeAddress('voice', from);
  } catch (error) {
    if (error instanceof InvalidAddressError) return null;
    throw error;
  }
}
