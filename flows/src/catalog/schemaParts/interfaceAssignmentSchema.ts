import { z } from 'zod';
import { addDuplicateNameIssues, assignmentSchemaOf, VARIABLE_NAME_PATTERN } from './assignmentSchema';

/*
 * A subflow's inputs and outputs are read as `trigger.data.<name>` and
 * `nodes.<id>.outputs.<name>`, so their names are identifiers, as the flow's interface declares
 * them. Whether a name is declared is checked by validation, which sees the interface.
 */
const interfaceNameSchema = z
  .string()
  .regex(VARIABLE_NAME_PATTERN, 'use the name the subflow\'s interface declares: letters, digits and "_", e.g. orderNumber');

/** A list of values (Liquid) for a flow's declared inputs or outputs, each name once. */
export const interfaceAssignmentsSchema = z
  .array(assignmentSchemaOf(interfaceNameSchema))
  .superRefine((assignments, ctx) => {
    addDuplicateNameIssues(
      assignments.map((assignment) => assignment.name),
      ctx,
      (index) => [index, 'name'],
    );
  });
