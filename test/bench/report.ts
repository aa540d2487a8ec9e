/** The bench's printout: per phase and variant the figures, the ratios, and the goals. */
import { BURST, GOALS, LADDER_RATES, LADDER_STEP_SECONDS, STEADY } from './benchPlan';
import type { BenchResults } from './benchResults';
import { VARIANTS, type Variant } from './benchStack';
import { LADDER_P99_LIMIT_MS, type PhaseResult } from './phases';
import { ms, ratio, textTable } from './textTable';

export function formatReport(results: BenchResults): string {
  return [
    `Threadline speed-to-lead bench — ${results.startedAt}, ${results.machine.cpus} cores, Node ${results.machine.node}, ${results.durationSeconds.toFixed(0)} s`,
    'Latency = missed-call webhook sent over loopback HTTP → sandbox send recorded (ms). interpreter = journeyWorkflow running the',
    'published missed-call-text-back flow; baseline = the same steps as a hand-written workflow, same activities, same process.',
    '',
    `Steady ${STEADY.ratePerSecond} leads/s, ${STEADY.leads} leads (open loop)`,
    phaseTable(results.steady),
    '',
    `Rate ladder, ${LADDER_STEP_SECONDS} s per step; a variant stops at its first step with p99 ≥ ${LADDER_P99_LIMIT_MS} ms or anything lost`,
    ladderTable(results.ladder),
    `Highest rate with p99 < ${LADDER_P99_LIMIT_MS} ms: ${VARIANTS.map((variant) => `${variant} ${sustainedText(results, variant)}`).join(', ')}`,
    '',
    `Burst: ${BURST.leads} leads in one second`,
    burstTable(results.burst),
    '',
    ...breakdownSection(`at ${LADDER_RATES[0]} leads/s (the ladder's first step)`, results.breakdown.light),
    ...breakdownSection(`at ${STEADY.ratePerSecond} leads/s (the steady phase)`, results.breakdown.steady),
    historySection(results),
    '',
    'Goals (interpreter)',
    goalsTable(results),
  ].join('\n');
}

function phaseTable(results: readonly PhaseResult[]): string {
  const rows = results.map((result) => [
    result.variant,
    String(result.leads),
    String(result.sent),
    String(result.lost),
    String(result.httpErrors + result.unrouted),
    ms(result.latencyMs.p50),
    ms(result.latencyMs.p95),
    ms(result.latencyMs.p99),
    ms(result.latencyMs.p999),
    ms(result.latencyMs.max),
    ms(result.httpMs.p50),
    ms(result.schedulerLagMs.max),
    cpuText(result),
  ]);
  const [interpreter, baseline] = [find(results, 'interpreter'), find(results, 'baseline')];
  if (interpreter && baseline) {
    const l = (result: PhaseResult) => result.latencyMs;
    rows.push([
      'ratio i/b', '', '', '', '',
      ratio(l(interpreter).p50, l(baseline).p50),
      ratio(l(interpreter).p95, l(baseline).p95),
      ratio(l(interpreter).p99, l(baseline).p99),
      ratio(l(interpreter).p999, l(baseline).p999),
      ratio(l(interpreter).max, l(baseline).max),
      ratio(interpreter.httpMs.p50, baseline.httpMs.p50),
      '',
      ratio(totalCpu(interpreter), totalCpu(baseline)),
    ]);
  }
  return textTable(['variant', 'leads', 'sent', 'lost', 'errors', 'p50', 'p95', 'p99', 'p99.9', 'max', 'http p50', 'sched lag max', 'cpu ms/lead: node+temporal+ferret'], rows);
}

function ladderTable(ladder: readonly PhaseResult[]): string {
  const rows = LADDER_RATES.flatMap((rate) => {
    const [interpreter, baseline] = [find(ladder, 'interpreter', rate), find(ladder, 'baseline', rate)];
    if (!interpreter && !baseline) return [];
    const cell = (result: PhaseResult | undefined) =>
      result ? `${ms(result.latencyMs.p50)} / ${ms(result.latencyMs.p99)}${lostText(result)}` : 'stopped';
    return [[`${rate}/s`, cell(interpreter), cell(baseline), interpreter && baseline ? ratio(interpreter.latencyMs.p99, baseline.latencyMs.p99) : '']];
  });
  return textTable(['rate', 'interpreter p50 / p99', 'baseline p50 / p99', 'p99 i/b'], rows);
}

function burstTable(burst: readonly PhaseResult[]): string {
  const rows = burst.map((result) => [
    result.variant,
    String(result.leads),
    `${result.sent}${result.lost === 0 ? ' (all)' : ''}`,
    String(result.lost),
    ms(result.drainMs),
    ms(result.latencyMs.p50),
    ms(result.latencyMs.p99),
    ms(result.latencyMs.max),
  ]);
  const [interpreter, baseline] = [find(burst, 'interpreter'), find(burst, 'baseline')];
  if (interpreter && baseline) {
    rows.push(['ratio i/b', '', '', '', ratio(interpreter.drainMs, baseline.drainMs), ratio(interpreter.latencyMs.p50, baseline.latencyMs.p50), ratio(interpreter.latencyMs.p99, baseline.latencyMs.p99), ratio(interpreter.latencyMs.max, baseline.latencyMs.max)]);
  }
  return textTable(['variant', 'leads', 'sent', 'lost', 'drain ms', 'p50', 'p99', 'max'], rows);
}

function breakdownSection(when: string, breakdown: BenchResults['breakdown']['steady']): string[] {
  const { interpreter, baseline } = breakdown;
  const reference = interpreter ?? baseline;
  if (!reference) return [];
  const rows = reference.segments.map((segment, index) => {
    const i = interpreter?.segments[index];
    const b = baseline?.segments[index];
    return [`→ ${segment.label}`, `${ms(i?.p50)} / ${ms(i?.p99)}`, `${ms(b?.p50)} / ${ms(b?.p99)}`];
  });
  rows.push([
    '(beside) journey started → API got signal-with-start answer',
    `${ms(interpreter?.startAcknowledged.p50)} / ${ms(interpreter?.startAcknowledged.p99)}`,
    `${ms(baseline?.startAcknowledged.p50)} / ${ms(baseline?.startAcknowledged.p99)}`,
  ]);
  return [
    `Where the time goes ${when}: ${interpreter?.sampled ?? 0} + ${baseline?.sampled ?? 0} leads sampled; each step from the one above, ms p50 / p99`,
    textTable(['step', 'interpreter', 'baseline'], rows),
    '',
  ];
}

function historySection(results: BenchResults): string {
  const rows = results.completedJourneys.map((journey) => [journey.variant, String(journey.events.length), String(journey.searchAttributeUpserts), journey.workflowId]);
  const [interpreter, baseline] = VARIANTS.map((variant) => results.completedJourneys.find((journey) => journey.variant === variant));
  const same = interpreter && baseline ? interpreter.events.join() === baseline.events.join() : false;
  return [
    'History of one journey driven to completion (missed call → text-back → pricing reply on WhatsApp → answer → end)',
    textTable(['variant', 'events', 'upserts', 'workflow id'], rows),
    interpreter && baseline ? `Same event types in the same order: ${same ? 'yes' : 'NO'}` : 'A variant did not complete: no comparison.',
  ].join('\n');
}

function goalsTable(results: BenchResults): string {
  const steady = find(results.steady, 'interpreter');
  const burst = find(results.burst, 'interpreter');
  const sustained = results.sustainedRate.interpreter;
  const [interpreterJourney, baselineJourney] = VARIANTS.map((variant) => results.completedJourneys.find((journey) => journey.variant === variant));
  const mark = (ok: boolean | undefined) => (ok === undefined ? '?' : ok ? 'met' : 'NOT met');
  const rows = [
    [`p50 < ${GOALS.p50Ms} ms at ${GOALS.atRate} leads/s`, ms(steady?.latencyMs.p50), mark(steady && steady.latencyMs.p50 < GOALS.p50Ms)],
    [`p99 < ${GOALS.p99Ms} ms at ${GOALS.atRate} leads/s`, ms(steady?.latencyMs.p99), mark(steady && steady.latencyMs.p99 < GOALS.p99Ms)],
    [`${GOALS.sustainedRate} leads/s sustained (p99 < ${LADDER_P99_LIMIT_MS} ms, none lost)`, sustainedText(results, 'interpreter'), mark(sustained !== null && sustained >= GOALS.sustainedRate)],
    [
      `burst of ${GOALS.burstLeads} in 1 s: none lost, drained < ${GOALS.burstDrainMs / 1000} s`,
      burst ? `${burst.lost} lost, ${ms(burst.drainMs)} ms` : '—',
      mark(burst && burst.lost === 0 && burst.drainMs !== null && burst.drainMs < GOALS.burstDrainMs),
    ],
    [
      'same history events per journey as hand-written',
      interpreterJourney && baselineJourney ? `${interpreterJourney.events.length} vs ${baselineJourney.events.length}` : '—',
      mark(interpreterJourney && baselineJourney ? interpreterJourney.events.join() === baselineJourney.events.join() : undefined),
    ],
  ];
  return textTable(['goal', 'measured', ''], rows);
}

function sustainedText(results: BenchResults, variant: Variant): string {
  const rate = results.sustainedRate[variant];
  const top = LADDER_RATES[LADDER_RATES.length - 1];
  if (rate === null) return `< ${LADDER_RATES[0]}/s`;
  return rate === top ? `≥ ${rate}/s (top of the ladder)` : `${rate}/s`;
}

function cpuText(result: PhaseResult): string {
  const cpu = result.cpuMsPerLead;
  return `${ms(cpu['bench process'])}+${ms(cpu.temporal)}+${ms(cpu.ferretdb)} = ${ms(totalCpu(result))}`;
}

function totalCpu(result: PhaseResult): number {
  return Object.values(result.cpuMsPerLead).reduce((sum, value) => sum + value, 0);
}

function lostText(result: PhaseResult): string {
  const problems = result.lost + result.httpErrors + result.unrouted;
  return problems === 0 ? '' : ` (${result.lost} lost, ${result.httpErrors + result.unrouted} errors)`;
}

function find(results: readonly PhaseResult[], variant: Variant, rate?: number): PhaseResult | undefined {
  return results.find((result) => result.variant === variant && (rate === undefined || result.ratePerSecond === rate));
}
