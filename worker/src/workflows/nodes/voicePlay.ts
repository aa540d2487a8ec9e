import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import type { NodeStep } from '../runNode';
import { skipVoiceNode } from '../voice/callOver';
import { renderSpoken } from '../voice/renderSpoken';
import { play } from '../voice/twiml';
import { callInProgress } from '../voice/voiceCall';

/** Adds a `<Play>` to the turn being built and moves on at once: no Temporal command. */
export function runVoicePlay(node: FlowNodeOf<'voice.play'>, run: JourneyRun): NodeStep {
  const call = callInProgress(run);
  if (!call) return skipVoiceNode(run, node, {});
  call.append(play(renderSpoken(run, node.id, 'url', node.config.url), node.config.loop));
  return 'next';
}
