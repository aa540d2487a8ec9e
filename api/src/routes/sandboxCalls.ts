import { randomUUID } from 'node:crypto';
import { findSandboxCall, listSandboxCalls, type SandboxCall } from '@threadline/worker/channels';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { ApiError } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { answerIncomingCall } from '../voice/answerIncomingCall';
import { endCall, takeCallerTurn } from '../voice/callerTurn';
import { nextActionUrl, transcribeCallbackUrl } from '../voice/nextActionUrl';
import { takeTranscription, transcriptionQuerySchema } from '../voice/transcription';
import { answerOutboundCall, endOutboundCall, outboundQuerySchema, type OutboundQuery } from '../voice/outboundCall';
import { turnQuerySchema, turnRequestOf } from '../voice/turnParams';
import { voiceDepsOf } from './voice';

const callSidSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1-64 letters, digits, "_" or "-"');

const startBody = z.object({
  from: z.string().min(1, 'the caller\'s number is missing'),
  to: z.string().min(1).optional(),
  /** Give the CallSid of an earlier call to simulate Twilio retrying its webhook. */
  callSid: callSidSchema.optional(),
});

const inputBody = z.object({
  digits: z.string().max(64).optional(),
  speech: z.string().max(2000).optional(),
  recordingUrl: z.string().max(2000).optional(),
  recordingDuration: z.number().int().min(0).optional(),
  /** DialCallStatus (completed, busy, no-answer, failed…) or, for a queue, QueueResult (bridged, hangup…). */
  dialStatus: z.string().max(64).optional(),
  dialDuration: z.number().int().min(0).optional(),
});

const callParams = z.object({ callSid: callSidSchema });

/** The provider's transcript of the call's last recording: its text, or a failed transcription. */
const transcriptionBody = z.union([
  z.object({ text: z.string().max(10_000), status: z.literal('completed').default('completed') }),
  z.object({ status: z.literal('failed') }),
]);

const placedQuery = z.object({ to: z.string().min(1).optional() });

/** Twilio's AnsweredBy values (providers-reference §3.4); absent: detection was off. */
const answerBody = z.object({
  answeredBy: z.enum(['human', 'machine_start', 'machine_end_beep', 'machine_end_silence', 'machine_end_other', 'fax', 'unknown']).optional(),
});

/** How a placed call ends: unanswered (no-answer, busy, failed, canceled) or, once answered, completed. */
const endBody = z.object({ status: z.enum(['no-answer', 'busy', 'failed', 'canceled', 'completed']) });

/**
 * Sandbox calls: a simulated caller rings, presses keys, speaks and hangs up without Twilio.
 * Each endpoint is the Twilio webhook's own function (answerIncomingCall, takeCallerTurn,
 * endCall) with JSON in and the TwiML out, plus `next`: the action URL the caller's input goes
 * to, which the sandbox remembers per call so the client need not parse TwiML.
 */
export const sandboxCallsRoutes: FastifyPluginAsync = async (app) => {
  const voice = voiceDepsOf(app);
  const nextByCall = new Map<string, string>();
  // The transcribeCallback of each call's last recording: the transcript comes after the call.
  const transcriptionByCall = new Map<string, string>();
  const remember = (callSid: string, twiml: string): string | null => {
    const transcription = transcribeCallbackUrl(twiml);
    if (transcription !== null) transcriptionByCall.set(callSid, transcription);
    const next = nextActionUrl(twiml);
    if (next === null) nextByCall.delete(callSid);
    else nextByCall.set(callSid, next);
    return next;
  };

  app.post('/', async (request) => {
    const body = parseRequest(startBody, request.body, 'body');
    const callSid = body.callSid ?? `CA${randomUUID().replace(/-/g, '')}`;
    const answered = await answerIncomingCall({ ...voice, logger: request.log }, { provider: 'sandbox', callSid, from: body.from, to: body.to, at: new Date() });
    return { callSid, journeyId: answered.journeyId, contactId: answered.contactId, duplicate: answered.duplicate, twiml: answered.twiml, next: remember(callSid, answered.twiml) };
  });

  app.post('/:callSid/input', async (request) => {
    const { callSid } = parseRequest(callParams, request.params, 'params');
    const body = parseRequest(inputBody, request.body, 'body');
    const next = nextByCall.get(callSid);
    if (next === undefined) throw new ApiError(409, 'no-turn-waiting', `call ${callSid} is not waiting for the caller (it ended, or this API did not answer it)`);
    const url = new URL(next, 'http://sandbox');
    const query = parseRequest(turnQuerySchema, Object.fromEntries(url.searchParams), 'query');
    const twiml = await takeCallerTurn(
      { ...voice, logger: request.log },
      {
        journeyId: query.journey,
        request: turnRequestOf(query, {
          CallSid: callSid,
          Digits: body.digits,
          SpeechResult: body.speech,
          RecordingUrl: body.recordingUrl,
          RecordingDuration: body.recordingDuration,
          DialCallStatus: body.dialStatus,
          DialCallDuration: body.dialDuration,
        }),
      },
    );
    return { callSid, twiml, next: remember(callSid, twiml) };
  });

  // The provider's transcript of the call's last recording, as Twilio posts it minutes later.
  app.post('/:callSid/transcription', async (request) => {
    const { callSid } = parseRequest(callParams, request.params, 'params');
    const body = parseRequest(transcriptionBody, request.body, 'body');
    const callback = transcriptionByCall.get(callSid);
    if (callback === undefined) throw new ApiError(409, 'no-transcript-asked', `call ${callSid} made no recording that asked for a transcript (or this API did not answer it)`);
    const query = parseRequest(transcriptionQuerySchema, Object.fromEntries(new URL(callback, 'http://sandbox').searchParams), 'query');
    const taken = await takeTranscription({ ...voice, logger: request.log }, 'sandbox', query, {
      CallSid: callSid,
      TranscriptionSid: `TR${randomUUID().replace(/-/g, '')}`,
      TranscriptionStatus: body.status,
      TranscriptionText: body.status === 'completed' ? body.text : '',
    });
    return { callSid, nodeId: query.node, ...taken };
  });

  // Calls the journeys placed (call.outbound) through the sandbox provider: listed, then
  // answered (as Twilio requests the call's Url) or ended (as its status callback says).
  app.get('/placed', async (request) => {
    const { to } = parseRequest(placedQuery, request.query, 'query');
    return { calls: await listSandboxCalls(app.store, { to }) };
  });

  app.post('/:callSid/answer', async (request) => {
    const { callSid } = parseRequest(callParams, request.params, 'params');
    const { answeredBy } = parseRequest(answerBody, request.body ?? {}, 'body');
    const placed = await placedCall(callSid);
    const query = queryOf(placed.answerPath);
    const twiml = await answerOutboundCall({ ...voice, logger: request.log }, query, { callSid, answeredBy });
    return { callSid, journeyId: query.journey, twiml, next: remember(callSid, twiml) };
  });

  app.post('/:callSid/end', async (request) => {
    const { callSid } = parseRequest(callParams, request.params, 'params');
    const { status } = parseRequest(endBody, request.body, 'body');
    const placed = await placedCall(callSid);
    nextByCall.delete(callSid);
    const taken = await endOutboundCall({ ...voice, logger: request.log }, queryOf(placed.statusCallbackPath), { callSid, status });
    return { callSid, status, taken };
  });

  async function placedCall(callSid: string): Promise<SandboxCall> {
    const placed = await findSandboxCall(app.store, callSid);
    if (placed === null) throw new ApiError(404, 'call-not-placed', `no journey placed call ${callSid} through the sandbox`);
    return placed;
  }

  app.post('/:callSid/hangup', async (request) => {
    const { callSid } = parseRequest(callParams, request.params, 'params');
    nextByCall.delete(callSid);
    const journeys = await endCall({ ...voice, logger: request.log }, { provider: 'sandbox', callSid, status: 'completed' });
    return { callSid, journeys };
  });
};

/** The journey, node and visit a placed call's webhook path names. */
function queryOf(path: string): OutboundQuery {
  return parseRequest(outboundQuerySchema, Object.fromEntries(new URL(path, 'http://sandbox').searchParams), 'query');
}
