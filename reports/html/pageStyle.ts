/** The page's look: system fonts only (nothing to download), quiet tables, the palette's colours. */
export const PAGE_STYLE = `
:root { --ink: #1f2328; --muted: #6a737d; --line: #d8dee4; --bg: #ffffff; --soft: #f6f8fa;
  --holds: #59a14f; --fails: #e15759; --vacuous: #edc948; --found: #4e79a7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1400px; margin: 0 auto; padding: 0 24px 64px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.86em; }
p code, li code { overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; line-height: 1.4; margin: 0; }
h1 { font-size: 1.9em; margin: 0 0 4px; } h2 { font-size: 1.35em; margin: 40px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.15em; margin: 28px 0 4px; } h4 { font-size: 0.95em; margin: 14px 0 6px; }
a { color: #0b62c4; }
header { padding: 24px; margin: 0 -24px 8px; border-bottom: 4px solid var(--holds); background: #f3f9f1; }
header.some-differ { border-bottom-color: var(--fails); background: #fdf1f1; }
header.interrupted { border-bottom-color: var(--vacuous); background: #fffbea; }
header.counterexample { border-bottom-color: #c2185b; background: #fdecef; }
header.sweep { border-bottom-color: var(--found); background: #f2f6fb; }
.detail { margin: 2px 0 0; color: #3d444d; }
.act-on h2 { font-size: 1em; margin: 12px 0 2px; border: 0; padding: 0; } .act-on ul { margin: 0; padding-left: 20px; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: .75em; }
.facts { margin: 2px 0; color: #3d444d; } .overall { font-size: 1.15em; font-weight: 600; margin: 8px 0 0; }
nav { margin: 12px 0 0; font-size: .9em; } nav a { margin-right: 14px; }
.note { color: #3d444d; } .muted { color: var(--muted); } .small { font-size: .8em; }
.ok { color: #2e7d32; } .bad { color: #c62828; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.catalog { font-size: .84em; } table.catalog td.statement { min-width: 230px; } table.catalog td.cx { min-width: 130px; } .hypothesis { color: var(--muted); font-size: .88em; margin-top: 2px; }
table.catalog td.id { min-width: 150px; } table.catalog td.confidence { min-width: 150px; font-size: .9em; }
tr.differs { background: #fff4f4; } tr.vacuous { background: #fffbea; }
.outcome { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: .85em; font-weight: 600; white-space: nowrap; }
.outcome.holds { background: #e6f4e3; color: #25632a; border: 1px solid var(--holds); }
.outcome.expected-failure { background: #e8eef6; color: #24476e; border: 1px solid var(--found); }
.outcome.unexpected-failure, .outcome.missed-failure { background: var(--fails); color: #fff; border: 1px solid #b3261e; }
.outcome.vacuous { background: var(--vacuous); color: #5c4a00; border: 1px dashed #b08f00; }
.outcome.inconclusive { background: #e8e6e3; color: #4a4540; border: 1px dashed #8a817c; } td.heat.inconclusive { background: #e8e6e3; color: #4a4540; }
.filter { margin: 8px 0; font-size: .9em; } .filter input { margin: 0 3px 0 12px; vertical-align: middle; }
main:has(#filter-unexpected:checked) tr.property:not(.differs) { display: none; }
main:has(#filter-expected-failure:checked) tr.property:not(.expected-failure) { display: none; }
main:has(#filter-holds:checked) tr.property:not(.holds) { display: none; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: .85em; font-weight: 600; color: #fff; }
.badge.holds { background: var(--holds); } .badge.fails { background: var(--fails); }
.badge.vacuous { background: var(--vacuous); color: #5c4a00; border: 1px dashed #b08f00; }
.badge.inconclusive { background: #e8e6e3; color: #4a4540; border: 1px dashed #8a817c; }
.variant { display: inline-block; margin-left: 4px; padding: 0 6px; border-radius: 4px; background: #e8eef6; font-size: .8em; }
.match { font-weight: 600; white-space: nowrap; } .match.yes { color: #2e7d32; } .match.no { color: #fff; background: var(--fails); padding: 1px 6px; border-radius: 4px; }
td.verdict { white-space: nowrap; } td.verdict .match { display: inline-block; margin-top: 4px; font-size: .85em; }
ul.must-see { min-width: 200px; margin: 0; padding-left: 0; list-style: none; font-size: .86em; } ul.must-see li.unmet { color: #8a6d00; font-weight: 600; }
.story { border-top: 1px dashed var(--line); padding-top: 4px; }
.violation { background: #fdecef; border-left: 4px solid #c2185b; padding: 6px 10px; margin: 6px 0; }
.replay { font-size: .9em; }
.legend { font-size: .82em; margin: 8px 0; display: grid; gap: 2px; }
.legend b { display: inline-block; width: 112px; } .key { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: baseline; }
.swatch.band { opacity: .6; } .swatch.line { width: 0; height: 12px; border-left: 2px dashed; border-radius: 0; background: none !important; }
.glyph { font-weight: 700; margin-right: 4px; }
svg.timeline .mark.cause { font-weight: 700; fill: #c2185b; } svg.timeline .muted-lbl { fill: #6a737d; font-style: italic; }
.views { margin: 8px 0; } .views > input { margin: 0 3px 0 12px; vertical-align: middle; } .views > input:first-child { margin-left: 0; }
.views > figure.view { display: none; }
.views > input.v0:checked ~ figure.v0, .views > input.v1:checked ~ figure.v1, .views > input.v2:checked ~ figure.v2 { display: block; }
figure.timeline-figure { margin: 8px 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
svg.timeline { display: block; width: 100%; max-width: 1400px; height: auto; font-family: system-ui, sans-serif; }
svg.timeline .lbl { font-size: 11px; fill: #333; } svg.timeline .head { font-weight: 700; fill: #111; }
svg.timeline .tick { font-size: 10px; fill: #666; } svg.timeline .mark { font-size: 11px; fill: #222; }
svg.timeline .broke { font-size: 12px; font-weight: 700; } svg.timeline .crash { font-size: 12px; font-weight: 700; fill: #111; }
.words { display: grid; grid-template-columns: minmax(0, 1fr); gap: 4px; }
pre.steps { max-height: 420px; overflow-y: auto; }
table.coverage td.cov { min-width: 230px; white-space: nowrap; }
.bar { display: inline-block; width: 140px; height: 10px; background: #eceff1; border-radius: 5px; overflow: hidden; vertical-align: middle; margin-right: 8px; }
.bar .fill { height: 100%; } .fill.good { background: var(--holds); } .fill.fair { background: var(--vacuous); } .fill.poor { background: var(--fails); }
ul.never { margin: 4px 0; padding-left: 18px; font-size: .85em; columns: 2; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 12px; }
.chart-card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.chart-card h4 { margin: 2px 0 6px; }
table.sweep { width: auto; } table.sweep th.prop, td.heat { min-width: 150px; }
td.heat { text-align: center; font-weight: 600; color: #fff; } td.heat.holds { background: var(--holds); } td.heat.fails { background: var(--fails); }
td.heat.vacuous { background: var(--vacuous); color: #5c4a00; } td.heat.none { color: var(--muted); }
td.heat a { color: #fff; text-decoration: underline; } td.heat a:focus, td.heat a:hover { outline: 2px solid #111; }
`;
