// What a value-proposition position means for scoring, in words a leader reads while dragging the
// slider. It mirrors the weights in lib/scoring (discounts weigh more towards "sell it for more",
// custom work more towards "make it for less").
export function describePosition(position: number): { label: string; discounts: string; customWork: string } {
  const label =
    position <= -60 ? "Make it for less (cost leadership)"
    : position < -20 ? "Leaning towards make it for less"
    : position <= 20 ? "Balanced"
    : position < 60 ? "Leaning towards sell it for more"
    : "Sell it for more (differentiation)";
  const discounts =
    position >= 30 ? "discounts above policy count as critical: they erode the premium"
    : position > -30 ? "discounts above policy are a warning, critical when far above"
    : "discounts above policy are a warning; price is how we win";
  const customWork =
    position <= -30 ? "custom work and bespoke service are critical: they break the cost structure"
    : position < 30 ? "custom work and bespoke service are a warning"
    : "custom work is tolerated (a small warning): bespoke service is part of selling for more";
  return { label, discounts, customWork };
}

export function formatPosition(position: number): string {
  return position > 0 ? `+${position}` : position < 0 ? `−${Math.abs(position)}` : "0";
}
