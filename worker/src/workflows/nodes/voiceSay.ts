import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import type { NodeStep } from '../runNode';
import { skipVoiceNode } from '../voice/callOver';
import { renderSpoken } from '../voice/renderSpoken';
import { say } from '../voice/twiml';
import { callInProgress } from '../voice/voiceCall';

/** Adds a `<Say>` to the turn being built and moves on at once: no Temporal command. */
export function runVoiceSay(node: FlowNodeOf<'voice.say'>, run: JourneyRun): NodeStep {
  const call = callInProgress(run);
  if (!call) return skipVoiceNode(run, node, {});
  const { voice, language, loop } = node.config;
  call.append(say(renderSpoken(run, node.id, 'text', node.config.text), { voice, language, loop }));
  return 'next';
}
