import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { sampleJourneyContext } from '@threadline/flows';
import { useValidation } from '../../store/flowValidation';

export type SampleContext = ReturnType<typeof sampleJourneyContext>;

const SampleContextOfFlow = createContext<SampleContext | undefined>(undefined);

/**
 * The sample journey a template preview renders against, built from the open flow (its nodes'
 * results, its variables, its trigger's data) once per graph change rather than once per field.
 */
export function SampleContextProvider({ children }: { children: ReactNode }) {
  const { definition } = useValidation();
  const sample = useMemo(() => (definition === null ? undefined : sampleJourneyContext(definition)), [definition]);
  return <SampleContextOfFlow.Provider value={sample}>{children}</SampleContextOfFlow.Provider>;
}

/** Undefined when the flow does not compile yet; the preview then uses the renderer's own sample. */
export function useSampleContext(): SampleContext | undefined {
  return useContext(SampleContextOfFlow);
}
