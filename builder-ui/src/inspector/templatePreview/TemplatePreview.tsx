import { previewTemplate } from '@threadline/flows';
import { useSampleContext } from './SampleContextProvider';

/**
 * What a Liquid template says for the sample journey, or why it cannot be rendered, right under
 * the field, so an admin sees "Hi Ada" (or the Liquid error) while typing.
 */
export function TemplatePreview({ template, testId }: { template: string; testId: string }) {
  const sample = useSampleContext();
  if (template.trim() === '') return null;
  const preview = previewTemplate(template, sample);
  return preview.ok ? (
    <div className="template-preview" data-testid={testId}>
      <span className="template-preview-label">Preview</span>
      <span className="template-preview-text">{preview.text === '' ? '(empty)' : preview.text}</span>
    </div>
  ) : (
    <div className="template-preview is-error" data-testid={testId} role="alert">
      <span className="template-preview-label">Preview</span>
      <span className="template-preview-text">{preview.message}</span>
    </div>
  );
}
