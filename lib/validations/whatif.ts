import { z } from "zod";

// What-if runs of the open pipeline against a strategy draft (forms, actions, the result's links).

export const runWhatIfSchema = z.object({
  versionId: z.uuid("Open the draft first."),
  revision: z.coerce.number().int().min(0),
});

export const cancelWhatIfSchema = z.object({ runId: z.uuid("Choose a what-if run.") });

export const WHATIF_MOVES = ["off", "aligned", "changed", "all"] as const;
export const WHATIF_MOVE_LABEL: Record<(typeof WHATIF_MOVES)[number], string> = {
  off: "Turn off-strategy",
  aligned: "Turn aligned",
  changed: "Score changes",
  all: "Every open deal",
};

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Not a valid filter.").optional());

/** The moved-deals list and its CSV export: which run, which movement, which slice. */
export const whatIfDealsQuerySchema = z.object({
  run: z.uuid("Choose a what-if run."),
  move: z.enum(WHATIF_MOVES).catch("changed"),
  team: optionalId,
  rep: optionalId,
  segment: optionalId,
  product: optionalId,
  // "none" = accounts outside every segment / deals without a product
  noSegment: z.literal("1").optional().catch(undefined),
  rule: z.string().regex(/^[a-z_.]{1,64}$/, "Not a valid rule.").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type WhatIfDealsQuery = z.output<typeof whatIfDealsQuerySchema>;
