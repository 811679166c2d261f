//! The embedded style sheet: every mark in the drawing carries a class, and this sheet
//! gives each class its look, so the drawing can be restyled by replacing one `<style>`.
//! Everything is black on white; colour (only in the `--trace` overlay) always comes with
//! its own dash pattern, so every distinction survives greyscale printing.

use super::text::FONT_FAMILY;

/// The style sheet, the same for every drawing.
pub fn style_sheet() -> String {
    format!(
        "\
svg {{ background: #fff; }}
text {{ font-family: {FONT_FAMILY}; fill: #111; }}
.title {{ font-size: 18px; font-weight: bold; }}
.subtitle {{ font-size: 11px; fill: #333; }}
.generation {{ font-size: 14px; font-weight: bold; text-anchor: middle; dominant-baseline: central; }}
.sym-bg {{ fill: #fff; stroke: none; }}
.sym {{ fill: none; stroke: #111; stroke-width: 2; stroke-linejoin: miter; }}
.sym-small {{ fill: #111; stroke: #111; stroke-width: 2; }}
.mark-halo {{ fill: none; stroke: #fff; stroke-width: 4; stroke-linecap: square; }}
.mark {{ fill: none; stroke: #111; stroke-width: 2; stroke-linecap: square; }}
.fill-solid {{ fill: #111; stroke: none; }}
.fill-hatch {{ fill: url(#pattern-hatch); stroke: none; }}
.fill-dots {{ fill: url(#pattern-dots); stroke: none; }}
.connector {{ fill: none; stroke: #111; stroke-width: 2; }}
.age-plate {{ fill: #fff; stroke: none; }}
.age {{ font-size: 12px; font-weight: bold; text-anchor: middle; dominant-baseline: central; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }}
.year {{ font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }}
.year-born {{ text-anchor: end; }}
.year-died {{ text-anchor: start; }}
.label {{ text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }}
.name {{ font-size: 12px; font-weight: bold; }}
.detail {{ font-size: 11px; fill: #222; }}
.badge rect {{ fill: #fff; stroke: #111; stroke-width: 1; }}
.badge text {{ font-size: 9px; font-weight: bold; text-anchor: middle; dominant-baseline: central; }}
.skill-letter {{ font-size: 9px; font-weight: bold; text-anchor: end; dominant-baseline: central; }}
.skill-cell {{ fill: #fff; stroke: #111; stroke-width: 1; }}
.skill-unknown {{ stroke: #888; }}
.skill-fill {{ fill: #111; stroke: none; }}
.skill-q {{ font-size: 8px; text-anchor: middle; dominant-baseline: central; fill: #444; }}
.skill-traced {{ fill: none; stroke: #111; stroke-width: 1; }}
.line {{ fill: none; stroke: #111; stroke-width: 2; }}
.partner-cohabiting {{ stroke-dasharray: 8 5; }}
.partner-engaged {{ stroke-dasharray: 1 5; stroke-linecap: round; }}
.partner-dating {{ stroke-dasharray: 14 5; }}
.partner-affair {{ stroke-dasharray: 10 4 2 4; }}
.partner-unknown {{ stroke-dasharray: 2 3 8 3; }}
.slash {{ fill: none; stroke: #111; stroke-width: 2; }}
.child-adopted {{ stroke-dasharray: 8 5; }}
.child-foster {{ stroke-dasharray: 1 5; stroke-linecap: round; }}
.child-birth {{ stroke-width: 1; }}
.child-step {{ stroke-dasharray: 4 3; }}
.bracket {{ fill: none; stroke: #111; stroke-width: 2; }}
.twin-bar {{ fill: none; stroke: #111; stroke-width: 2; }}
.twin-q {{ font-size: 11px; text-anchor: middle; }}
.couple-date {{ font-size: 11px; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }}
.couple-date-short {{ font-size: 9px; }}
.rel-line {{ fill: none; stroke: #333; stroke-width: 1.5; stroke-linejoin: miter; }}
.rel-dotted {{ stroke-dasharray: 1 4; stroke-linecap: round; stroke-width: 2; }}
.rel-dashed {{ stroke-dasharray: 7 4; }}
.rel-heavy {{ stroke-width: 2.5; }}
.rel-head {{ fill: #333; stroke: #333; stroke-width: 1.5; stroke-linejoin: miter; }}
.rel-head-open {{ fill: #fff; }}
.rel-ring {{ fill: #fff; stroke: #333; stroke-width: 1.5; }}
.trace {{ fill: none; stroke-width: 5; stroke-linejoin: round; }}
.trace-passed {{ stroke: #1a7a3a; }}
.trace-not-passed {{ stroke: #c0392b; stroke-dasharray: 10 5; }}
.trace-gained {{ stroke: #1f5fa8; stroke-dasharray: 12 4 3 4; }}
.trace-absent {{ stroke: #777; stroke-dasharray: 1 6; stroke-linecap: round; }}
.trace-unknown {{ stroke: #bbb; stroke-width: 2; stroke-dasharray: 3 4; }}
.trace-chain {{ fill: none; stroke: #f2c94c; stroke-width: 16; stroke-opacity: 0.55; stroke-linejoin: round; stroke-linecap: round; }}
.trace-chain-halo {{ fill: #f2c94c; fill-opacity: 0.55; stroke: none; }}
.breaker rect {{ fill: #fff; stroke: #1f5fa8; stroke-width: 2; }}
.breaker text {{ font-size: 9px; font-weight: bold; text-anchor: middle; dominant-baseline: central; fill: #1f5fa8; }}
.legend-frame {{ fill: #fff; stroke: #999; stroke-width: 1; }}
.legend-heading {{ font-size: 13px; font-weight: bold; }}
.legend-text {{ font-size: 11px; dominant-baseline: central; }}
.note-text {{ font-size: 11px; }}
.legend-small {{ font-size: 9px; }}
.legend-skills {{ font-size: 11px; text-anchor: middle; }}
"
    )
}
