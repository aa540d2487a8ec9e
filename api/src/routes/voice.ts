import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { parseRequest } from '../errors/parseRequest';
import { answerIncomingCall } from '../voice/answerIncomingCall';
import { CallTriggerIndex } from '../voice/callTriggerIndex';
import { endCall, FINAL_CALL_STATUSES, takeCallerTurn } from '../voice/callerTurn';
import { answerOutboundCall, endOutboundCall, outboundAnswerFormSchema, outboundQuerySchema, outboundStatusFormSchema } from '../voice/outboundCall';
import { EMPTY_TWIML } from '../voice/politeTwiml';
import { turnFormSchema, turnQuerySchema, turnRequestOf } from '../voice/turnParams';
import { takeTranscription, transcriptionFormSchema, transcriptionQuerySchema } from '../voice/transcription';
import { isValidTwilioSignature } from '../voice/twilioSignature';
import type { VoiceDeps } from '../voice/voiceDeps';

export interface VoiceWebhookOptions {
  /** The account's auth token: requests must carry its `X-Twilio-Signature`. Unset: not checked (sandbox, local). */
  twilioAuthToken?: string | undefined;
  /**
   * The URL Twilio reaches this server by (`https://voice.example.com`): signatures are over the
   * URL Twilio requested, which a proxy hides. Unset: the request's own protocol and host.
   */
  publicUrl?: string | undefined;
}

const incomingSchema = z.object({
  CallSid: z.string().min(1),
  From: z.string().default(''),
  To: z.string().optional(),
});

const statusSchema = z.object({
  CallSid: z.string().min(1),
  CallStatus: z.string().min(1),
});

/**
 * Twilio Voice webhooks, form-encoded, answered with TwiML (providers-reference §3):
 * `POST /` is the number's Voice URL (an incoming call: the first turn), `POST /turn` the action
 * URL of every Gather, Record, Dial and Enqueue (a caller turn), `POST /status` the status
 * callback (a final CallStatus ends the call's journey part), `POST /transcription` a
 * recording's transcribeCallback.
 */
export const voiceWebhookRoutes: FastifyPluginAsync<VoiceWebhookOptions> = async (app, options) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
  });
  const voice = voiceDepsOf(app);

  app.addHook('preHandler', async (request, reply) => {
    if (options.twilioAuthToken === undefined || options.twilioAuthToken === '') return;
    const url = `${options.publicUrl ?? `${request.protocol}://${request.host}`}${request.url}`;
    const signature = request.headers['x-twilio-signature'];
    if (!isValidTwilioSignature(options.twilioAuthToken, typeof signature === 'string' ? signature : undefined, url, formOf(request))) {
      request.log.warn({ url }, 'a Twilio webhook with a bad signature');
      return reply.code(403).type('text/plain').send('invalid X-Twilio-Signature');
    }
  });

  app.post('/', async (request, reply) => {
    const form = parseRequest(incomingSchema, request.body, 'body');
    const answered = await answerIncomingCall(
      { ...voice, logger: request.log },
      { provider: 'twilio', callSid: form.CallSid, from: form.From, to: form.To, at: new Date() },
    );
    return twiml(reply, answered.twiml);
  });

  app.post('/turn', async (request, reply) => {
    const query = parseRequest(turnQuerySchema, request.query, 'query');
    const form = parseRequest(turnFormSchema, request.body, 'body');
    return twiml(reply, await takeCallerTurn({ ...voice, logger: request.log }, { journeyId: query.journey, request: turnRequestOf(query, form) }));
  });

  app.post('/status', async (request, reply) => {
    const form = parseRequest(statusSchema, request.body, 'body');
    if (FINAL_CALL_STATUSES.has(form.CallStatus)) {
      await endCall({ ...voice, logger: request.log }, { provider: 'twilio', callSid: form.CallSid, status: form.CallStatus });
    }
    return twiml(reply, EMPTY_TWIML);
  });

  app.post('/transcription', async (request, reply) => {
    const query = parseRequest(transcriptionQuerySchema, request.query, 'query');
    const form = parseRequest(transcriptionFormSchema, request.body, 'body');
    await takeTranscription({ ...voice, logger: request.log }, 'twilio', query, form);
    return twiml(reply, EMPTY_TWIML);
  });

  // A call a journey placed (call.outbound, voice/outboundCall.ts): its Url once answered, with
  // AnsweredBy (detection is synchronous, so no AsyncAmdStatusCallback), and its status callback.
  app.post('/outbound', async (request, reply) => {
    const query = parseRequest(outboundQuerySchema, request.query, 'query');
    const form = parseRequest(outboundAnswerFormSchema, request.body, 'body');
    return twiml(reply, await answerOutboundCall({ ...voice, logger: request.log }, query, { callSid: form.CallSid, answeredBy: form.AnsweredBy }));
  });

  app.post('/outbound/status', async (request, reply) => {
    const query = parseRequest(outboundQuerySchema, request.query, 'query');
    const form = parseRequest(outboundStatusFormSchema, request.body, 'body');
    await endOutboundCall({ ...voice, logger: request.log }, query, { callSid: form.CallSid, status: form.CallStatus });
    return twiml(reply, EMPTY_TWIML);
  });
};

/** The shared dependencies of the voice routes, with a call-trigger index of their own. */
export function voiceDepsOf(app: Parameters<FastifyPluginAsync>[0]): Omit<VoiceDeps, 'logger'> {
  return {
    store: app.store,
    temporal: app.temporal,
    journeys: app.journeyRouting,
    callFlows: new CallTriggerIndex(app.store, app.log),
  };
}

function formOf(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function twiml(reply: FastifyReply, document: string): FastifyReply {
  return reply.type('text/xml; charset=utf-8').send(document);
}
