/** What an import did with each Studio widget, for the person who runs it. */
export interface StudioImportReport {
  /** Widgets that became Threadline nodes with the same meaning. */
  mapped: string[];
  /** Widgets that became nodes with a close, not identical, meaning; each note says how. */
  approximated: Array<{ widget: string; note: string }>;
  /** Widgets that became placeholder nodes (the original JSON kept): replace them before publishing. */
  unmapped: Array<{ widget: string; type: string }>;
  /** Liquid references, in the original, to widgets the Studio flow does not have. */
  danglingReferences: Array<{ widget: string; field: string; reference: string }>;
}

/** The report as the CLI prints it: one section per kind, empty sections left out. */
export function formatStudioImportReport(report: StudioImportReport): string {
  const lines: string[] = [
    `Mapped: ${report.mapped.length} widget(s)` + (report.mapped.length > 0 ? ` (${report.mapped.join(', ')})` : ''),
  ];
  if (report.approximated.length > 0) {
    lines.push(`Approximated: ${report.approximated.length} note(s)`);
    for (const { widget, note } of report.approximated) lines.push(`  ${widget}: ${note}`);
  }
  if (report.unmapped.length > 0) {
    lines.push(`Unmapped (placeholder nodes; replace them before publishing): ${report.unmapped.length}`);
    for (const { widget, type } of report.unmapped) lines.push(`  ${widget} (${type})`);
  }
  if (report.danglingReferences.length > 0) {
    lines.push(`References that pointed nowhere in the original: ${report.danglingReferences.length}`);
    for (const { widget, field, reference } of report.danglingReferences) {
      lines.push(`  ${widget}.${field}: ${reference}`);
    }
  }
  return lines.join('\n');
}
