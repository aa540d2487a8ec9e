import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { notFound } from '../errors/apiError';

/** The journey's latest run as Temporal describes it; a 404 when no workflow has this id. */
export async function describeJourney(temporal: Client, workflowId: string): Promise<WorkflowExecutionDescription> {
  try {
    return await temporal.workflow.getHandle(workflowId).describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound('journey', workflowId);
    throw error;
  }
}
