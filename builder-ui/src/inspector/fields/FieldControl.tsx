import { assertNever, type FieldKind } from '@threadline/flows';
import { ConditionsFieldControl } from './ConditionsFieldControl';
import type { FieldControlProps } from './fieldProps';
import { ListFieldControl } from './ListFieldControl';
import { MultiSelectFieldControl } from './MultiSelectFieldControl';
import { SelectFieldControl } from './SelectFieldControl';
import { TextFieldControl } from './TextFieldControl';

/** The control for one catalog field, chosen by its kind. */
export function FieldControl({ kind, ...props }: FieldControlProps & { kind: FieldKind }) {
  switch (kind) {
    case 'text':
      return <TextFieldControl {...props} multiline={false} />;
    case 'duration':
      return <TextFieldControl {...props} placeholder={props.placeholder ?? '24h'} multiline={false} />;
    case 'textarea':
      return <TextFieldControl {...props} multiline />;
    case 'select':
      return <SelectFieldControl {...props} />;
    case 'multiselect':
      return <MultiSelectFieldControl {...props} />;
    case 'list':
      return <ListFieldControl {...props} />;
    case 'conditions':
      return <ConditionsFieldControl {...props} />;
    default:
      return assertNever(kind, 'field kind');
  }
}
