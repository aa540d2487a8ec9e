import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import { askCaller, speakingSeconds } from '../voice/askCaller';
import { CALLER_HUNG_UP, skipVoiceNode } from '../voice/callOver';
import { matchMenuOption } from '../voice/matchMenuOption';
import { renderSpoken } from '../voice/renderSpoken';
import { gather, say } from '../voice/twiml';
import { callInProgress } from '../voice/voiceCall';

/** Slack past the node's own timeout before a turn that never came counts as a hangup. */
export const TURN_GRACE_SECONDS = 60;

const NO_ANSWER = { digits: '', speech: '', choice: '' };

/**
 * Reads the menu in a `<Gather>` and takes the option the caller picks by key or by voice
 * (normalised: "Option One." picks key 1). No input or no match plays the menu again, up to
 * `retries` times, then takes `noInput` or `noMatch`. A caller who hangs up takes `noInput`.
 */
export async function runVoiceMenu(node: FlowNodeOf<'voice.menu'>, run: JourneyRun, visit: number): Promise<string | null> {
  const call = callInProgress(run);
  if (!call) return skipVoiceNode(run, node, NO_ANSWER);
  const { config } = node;
  const prompt = renderSpoken(run, node.id, 'prompt', config.prompt);
  const speech = config.input !== 'dtmf';
  const hints = speech ? config.options.flatMap((option) => option.phrases) : [];
  let miss: 'noInput' | 'noMatch' = 'noInput';
  for (let attempt = 0; attempt <= config.retries; attempt += 1) {
    const answer = await askCaller(run, call, {
      nodeId: node.id,
      visit,
      verbs: (action) =>
        gather(
          {
            action,
            input: config.input,
            timeoutSeconds: config.timeoutSeconds,
            // Every option is one key: stop listening at the first.
            numDigits: config.input === 'speech' ? undefined : 1,
            language: config.language,
            hints,
          },
          [say(prompt, { voice: config.voice, language: config.language })],
        ),
      deadlineSeconds: config.timeoutSeconds + speakingSeconds(prompt) + TURN_GRACE_SECONDS + (speech ? TURN_GRACE_SECONDS : 0),
    });
    if ('hungUp' in answer) {
      run.context.nodes[node.id] = { ...NO_ANSWER, reason: CALLER_HUNG_UP };
      return 'noInput';
    }
    const digits = answer.input.digits ?? '';
    const spoken = answer.input.speech ?? '';
    const option = matchMenuOption(config.options, { digits, speech: spoken });
    if (option) {
      run.context.nodes[node.id] = { digits, speech: spoken, choice: option.output, reason: digits !== '' ? `pressed ${digits}` : `said "${spoken}"` };
      return option.output;
    }
    miss = digits === '' && spoken.trim() === '' ? 'noInput' : 'noMatch';
    run.context.nodes[node.id] = { digits, speech: spoken, choice: '', reason: miss === 'noInput' ? 'no input' : 'no option matched' };
  }
  return miss;
}
