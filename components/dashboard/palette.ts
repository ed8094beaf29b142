// Chart colours. Okabe–Ito is safe for the common colour-vision deficiencies; charts still never
// rely on colour alone (shapes, dash patterns, hatching, legends and labels carry the meaning too).
// Contrast against white: blue 5.2:1, vermillion 3.9:1, green 3.4:1, purple 3.1:1 (all ≥ 3:1 for
// graphics); orange, sky and yellow are below 3:1, so they only appear late in multi-series charts,
// each with its own dash pattern.

export const OKABE_ITO = {
  blue: "#0072B2",
  orange: "#E69F00",
  green: "#009E73",
  purple: "#CC79A7",
  sky: "#56B4E9",
  vermillion: "#D55E00",
  yellow: "#F0E442",
  black: "#000000",
} as const;

/** Value on deals without a critical finding. */
export const ALIGNED = OKABE_ITO.blue;
/** Off-strategy / at-risk value. */
export const AT_RISK = OKABE_ITO.vermillion;
/** Counts that are neither good nor bad by themselves (findings per rule). */
export const NEUTRAL = OKABE_ITO.purple;

/** Multi-series order (one per team): strongest contrast first. */
export const SERIES_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.black,
  OKABE_ITO.purple,
  OKABE_ITO.orange,
  OKABE_ITO.sky,
  OKABE_ITO.yellow,
] as const;

/** SVG stroke-dasharray per series, so lines differ without colour. "" is a solid line. */
export const SERIES_DASHES = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 3 3 3 3 3", "1 3", "16 4"] as const;

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length] ?? OKABE_ITO.blue;
export const seriesDash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length] ?? "";

/** Axis and grid colours (Tailwind slate). Tick text is slate-600, 7.6:1 on white. */
export const AXIS = {
  tick: "#475569",
  label: "#334155",
  line: "#64748b",
  grid: "#e2e8f0",
  cursor: "#f1f5f9",
} as const;
