import { checkAnswer, normalizeSpokenInput } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import { askCaller, speakingSeconds } from '../voice/askCaller';
import { CALLER_HUNG_UP, skipVoiceNode } from '../voice/callOver';
import { renderSpoken } from '../voice/renderSpoken';
import { gather, say } from '../voice/twiml';
import { callInProgress } from '../voice/voiceCall';
import { TURN_GRACE_SECONDS } from './voiceMenu';

/**
 * Asks for digits or speech in a `<Gather>`, checks the answer against the node's validation
 * and saves it as `vars.<saveAs>`. No input or an invalid answer asks again, up to `retries`
 * times, then takes `noInput` or `invalid`. A caller who hangs up takes `noInput`.
 */
export async function runVoiceGather(node: FlowNodeOf<'voice.gather'>, run: JourneyRun, visit: number): Promise<string | null> {
  const call = callInProgress(run);
  if (!call) return skipVoiceNode(run, node, {});
  const { config } = node;
  const prompt = renderSpoken(run, node.id, 'prompt', config.prompt);
  const speech = config.input !== 'dtmf';
  let miss: 'noInput' | 'invalid' = 'noInput';
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
            numDigits: config.digitCount,
            finishOnKey: config.finishOnKey ?? (config.input === 'speech' ? undefined : ''),
            language: config.speechLanguage ?? config.language,
            hints: config.speechHints,
          },
          [say(prompt, { voice: config.voice, language: config.language })],
        ),
      deadlineSeconds: config.timeoutSeconds + speakingSeconds(prompt) + TURN_GRACE_SECONDS + (speech ? TURN_GRACE_SECONDS : 0),
    });
    if ('hungUp' in answer) {
      run.context.nodes[node.id] = { reason: CALLER_HUNG_UP };
      return 'noInput';
    }
    const digits = answer.input.digits ?? '';
    const spoken = answer.input.speech ?? '';
    // Keys as pressed; speech with its number words as digits ("one two three" reads "123").
    const text = digits !== '' ? digits : normalizeSpokenInput(spoken);
    if (text === '') {
      miss = 'noInput';
      run.context.nodes[node.id] = { reason: 'no input' };
      continue;
    }
    const check = config.validation === undefined ? { ok: true as const, value: text } : checkAnswer(config.validation, text);
    if (check.ok) {
      run.context.vars[config.saveAs] = check.value;
      run.context.nodes[node.id] = { digits, speech: spoken, value: check.value };
      return 'captured';
    }
    miss = 'invalid';
    run.context.nodes[node.id] = { digits, speech: spoken, value: text, reason: check.reason };
  }
  return miss;
}
