import { assertNever, type FieldKind } from '@threadline/flows';
import { AssignmentsFieldControl } from './AssignmentsFieldControl';
import { BooleanFieldControl } from './BooleanFieldControl';
import { BranchesFieldControl } from './BranchesFieldControl';
import { ConditionsFieldControl } from './ConditionsFieldControl';
import type { FieldControlProps } from './fieldProps';
import { IntentsFieldControl } from './IntentsFieldControl';
import { JsonFieldControl } from './JsonFieldControl';
import { ListFieldControl } from './ListFieldControl';
import { MenuOptionsFieldControl } from './MenuOptionsFieldControl';
import { MultiSelectFieldControl } from './MultiSelectFieldControl';
import { NumberFieldControl } from './NumberFieldControl';
import { ScheduleFieldControl } from './ScheduleFieldControl';
import { SelectFieldControl } from './SelectFieldControl';
import { TextFieldControl } from './TextFieldControl';
import { ValidationFieldControl } from './ValidationFieldControl';

/** The control for one catalog field, chosen by its kind. */
export function FieldControl({ kind, ...props }: FieldControlProps & { kind: FieldKind }) {
  switch (kind) {
    case 'text':
      return <TextFieldControl {...props} multiline={false} />;
    case 'duration':
      return <TextFieldControl {...props} placeholder={props.placeholder ?? '24h'} multiline={false} />;
    case 'textarea':
      return <TextFieldControl {...props} multiline />;
    case 'number':
      return <NumberFieldControl {...props} />;
    case 'boolean':
      return <BooleanFieldControl {...props} />;
    case 'select':
      return <SelectFieldControl {...props} />;
    case 'multiselect':
      return <MultiSelectFieldControl {...props} />;
    case 'list':
      return <ListFieldControl {...props} />;
    case 'conditions':
      return <ConditionsFieldControl {...props} />;
    case 'assignments':
      return <AssignmentsFieldControl {...props} />;
    case 'menuOptions':
      return <MenuOptionsFieldControl {...props} />;
    case 'intents':
      return <IntentsFieldControl {...props} />;
    case 'branches':
      return <BranchesFieldControl {...props} />;
    case 'schedule':
      return <ScheduleFieldControl {...props} />;
    case 'validation':
      return <ValidationFieldControl {...props} />;
    case 'json':
      return <JsonFieldControl {...props} />;
    default:
      return assertNever(kind, 'field kind');
  }
}
