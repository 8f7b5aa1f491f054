// How results look to the user: status-bar text, the output-channel report,
// and the text drawn at line ends for traces. Pure.
import type { ExecResult, Status, TraceLine } from './protocol';

const icons: Record<Status, string> = {
  ok: '$(pass)',
  error: '$(error)',
  blocked: '$(shield)',
  violation: '$(alert)',
  limit: '$(watch)',
};

/** Milliseconds as a short human figure: 0.4 ms, 12 ms, 1.3 s. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The one-word-and-detail reason a run ended the way it did. */
export function reason(r: ExecResult): string {
  switch (r.status) {
    case 'ok':
      return duration(r.usage.wall_ms);
    case 'error':
      return r.exception ? `${r.exception.type}${r.exception.line ? ` line ${r.exception.line}` : ''}` : '';
    case 'blocked': {
      const errs = r.findings.filter((f) => f.severity === 'error');
      const first = errs[0] ?? r.findings[0];
      return first ? `${first.rule}${errs.length > 1 ? ` +${errs.length - 1}` : ''}` : '';
    }
    case 'violation': {
      const v = r.violations[0];
      return v ? `${v.kind}${v.line ? ` line ${v.line}` : ''}` : '';
    }
    case 'limit':
      return r.limit ? r.limit.kind : '';
  }
}

export interface StatusView {
  text: string;
  tooltip: string;
}

/** The status-bar item: idle, running, or the last run's status. */
export function statusView(state: { running: boolean; result?: ExecResult; file?: string }): StatusView {
  if (state.running) return { text: '$(sync~spin) stelp: running', tooltip: 'stelp is executing the program' };
  const r = state.result;
  if (!r) return { text: '$(shield) stelp', tooltip: 'stelp: no run yet. Run "stelp: Execute safely".' };
  const why = reason(r);
  const lines = [`Last run${state.file ? ` of ${state.file}` : ''}: ${r.status}${why ? ` (${why})` : ''}`];
  if (r.feedback) lines.push('', r.feedback);
  lines.push('', 'Click for the full report.');
  return { text: `${icons[r.status]} stelp: ${r.status}${why ? ` ${why}` : ''}`, tooltip: lines.join('\n') };
}

/** The report written to the output channel after a run. */
export function formatResult(r: ExecResult, title: string): string {
  const out: string[] = [];
  const why = reason(r);
  out.push(`── ${title}: ${r.status}${why ? ` (${why})` : ''}`);
  for (const f of r.findings) out.push(`  ${f.severity} ${f.rule}${f.name ? ` ${f.name}` : ''} line ${f.line}: ${f.message}`);
  for (const v of r.violations) out.push(`  violation ${v.kind} line ${v.line}: ${v.detail}`);
  if (r.limit) out.push(`  limit ${r.limit.kind}: ${r.limit.detail}`);
  if (r.exception) out.push(`  exception ${r.exception.type} line ${r.exception.line}: ${r.exception.message}`);
  if (r.stdout) out.push('  stdout:', indent(r.stdout));
  if (r.stderr) out.push('  stderr:', indent(r.stderr));
  const u = r.usage;
  if (r.status !== 'blocked') out.push(`  usage: ${duration(u.wall_ms)}, ${u.steps} steps, ${u.peak_kb} KB peak`);
  if (r.feedback) out.push('  feedback:', indent(r.feedback));
  return out.join('\n');
}

function indent(s: string): string {
  return s
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Shortens s to at most max characters, marking the cut. */
export function truncate(s: string, max: number): string {
  if (max <= 1 || s.length <= max) return s;
  return `${s.slice(0, max - 1)}…`;
}

/**
 * The text drawn after one traced line: its values (`total = 6, i = 2`) and,
 * for a line that ran more than once, how often (`×3`). "" when there is
 * nothing worth showing (a line that ran once and assigned nothing).
 */
export function traceText(t: TraceLine, maxValue = 40): string {
  const parts = Object.entries(t.values ?? {}).map(([k, v]) => `${k} = ${truncate(v, maxValue)}`);
  if (t.count > 1) parts.push(`×${t.count}`);
  return parts.join(', ');
}

export interface LineText {
  /** 0-based line. */
  line: number;
  text: string;
}

/**
 * Trace entries → one text per line, for decorations or virtual text.
 * Entries outside the document (a stale trace after an edit shortened it)
 * are dropped; two entries for one line are joined.
 */
export function traceLines(trace: TraceLine[], lineCount: number, maxValue = 40): LineText[] {
  const byLine = new Map<number, string[]>();
  for (const t of trace) {
    const line = t.line - 1;
    if (line < 0 || line >= lineCount) continue;
    const text = traceText(t, maxValue);
    if (text === '') continue;
    const list = byLine.get(line) ?? [];
    list.push(text);
    byLine.set(line, list);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, texts]) => ({ line, text: texts.join('; ') }));
}
