// Message templates: `{{name}}` placeholders, filled from the alert's
// figures and its series labels. An unknown placeholder stays as written,
// so a typo shows in the message instead of vanishing.

/** A number for people: integers as-is, others to 3 decimals. */
export function formatValue(v: number | undefined): string {
  if (v === undefined) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Math.round(v * 1000) / 1000);
}

export function renderTemplate(template: string, vars: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g, (whole, key: string) => {
    if (key.startsWith('labels.')) return labels[key.slice(7)] ?? whole;
    return vars[key] ?? labels[key] ?? whole;
  });
}
