/**
 * `simulate --compare`'s terminal output: the figures side by side, one column per healing
 * policy, then the apps down over time, every policy on one time axis (asciichart: it draws
 * several series on one set of axes with box-drawing characters, a dependency-free package).
 * With colours, the series are overlaid and told apart by colour; without (NO_COLOR, a pipe),
 * overlaid lines could not be told apart, so each policy gets its own strip on the same scale.
 */
import asciichart from 'asciichart';
import { type PolicyComparison, changeWindow, sameCurveAs } from '../properties/policyComparison.ts';
import { worstPerSlice } from '../properties/appsOverTime.ts';
import { clockTime, duration } from './clock.ts';
import { COMPARISON_FIGURES } from './policyComparisonFigures.ts';
import { textTable } from './textTable.ts';

const CHART_COLUMNS = 64;
const SERIES_COLOURS = [asciichart.blue, asciichart.red, asciichart.green, asciichart.magenta, asciichart.yellow, asciichart.cyan];
const COLOUR_NAMES = ['blue', 'red', 'green', 'magenta', 'yellow', 'cyan'];

export function policyComparisonText(comparison: PolicyComparison, colours: boolean): string {
  const policies = comparison.runs.map((r) => r.policy);
  const lines = [`${comparison.scenario} — the same ${comparison.faults} faults under ${policies.join(', ')}`, ''];
  lines.push(
    textTable(
      ['', ...policies],
      COMPARISON_FIGURES.map(([label, value]) => [label, ...comparison.runs.map((r) => value(r.figures))]),
      { rightAligned: policies.map((_, i) => i + 1) },
    ),
  );
  const { fromS, toS } = changeWindow(comparison);
  const series = comparison.runs.map((run) => worstPerSlice(run.apps, fromS, toS, CHART_COLUMNS).map((p) => p.down));
  const most = Math.max(1, ...series.flat());
  const axis = `${' '.repeat(11)}${clockTime(fromS)}${' '.repeat(Math.max(1, CHART_COLUMNS - clockTime(fromS).length - clockTime(toS).length))}${clockTime(toS)}`;
  lines.push('', `Apps down over time (of ${comparison.apps}; each column the worst moment of ${duration(Math.round((toS - fromS) / CHART_COLUMNS))})`);
  const chartOptions = { height: Math.min(8, most), min: 0, max: most, format: (x: number) => x.toFixed(0).padStart(8) };
  if (colours) {
    lines.push(asciichart.plot(series, { ...chartOptions, colors: series.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) }), axis);
    lines.push(`  ${policies.map((p, i) => `${SERIES_COLOURS[i % SERIES_COLOURS.length]}━━${asciichart.reset} ${p} (${COLOUR_NAMES[i % COLOUR_NAMES.length]})`).join('   ')}`);
  } else {
    for (const [i, policy] of policies.entries()) lines.push(`  ${policy}`, asciichart.plot(series[i]!, { ...chartOptions, height: Math.min(4, most) }));
    lines.push(axis);
  }
  // An overlaid line hides another with the same curve; say so rather than let it look missing.
  for (const [policy, earlier] of sameCurveAs(comparison)) lines.push(`  ${policy}: the same curve as ${earlier}`);
  return lines.join('\n');
}
