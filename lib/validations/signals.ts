import { z } from "zod";

// Leadership's corrections and answers on market-signal themes (forms and server actions).

const id = z.uuid("Choose a theme.");
const blank = (v: unknown) => (v === "" ? null : v);

export const renameThemeSchema = z.object({
  themeId: id,
  name: z.string().trim().min(1, "Give the theme a name.").max(120, "Use at most 120 characters."),
});

export const mergeThemeSchema = z.object({
  sourceId: id,
  targetId: z.uuid("Choose the theme to merge into."),
});

export const splitRequestSchema = z.object({ requestId: z.uuid("Choose a request.") });

export const THEME_STATUSES = ["planned", "declined", "available"] as const;
export const THEME_STATUS_LABEL: Record<"open" | (typeof THEME_STATUSES)[number], string> = {
  open: "Not answered",
  planned: "Planned",
  declined: "Declined",
  available: "Already available",
};

export const themeAnswerSchema = z
  .object({
    themeId: id,
    status: z.enum(THEME_STATUSES, { error: "Choose planned, declined or already available." }),
    answer: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
    // Planned: link a capability of the strategy, or name a new roadmap capability for the draft.
    // A form sends "" for an untouched select or date: that is "none", not a malformed value.
    capabilityKey: z.preprocess(blank, z.uuid("Choose a capability from the list.").nullish()).transform((v) => v ?? null),
    capabilityName: z.string().trim().max(120, "Use at most 120 characters.").nullish().transform((v) => v || null),
    expectedDate: z.preprocess(blank, z.iso.date("Use a date like 2027-06-30.").nullish()).transform((v) => v ?? null),
  })
  .superRefine((a, ctx) => {
    if (a.status === "declined" && !a.answer) ctx.addIssue({ code: "custom", path: ["answer"], message: "Say why: the reps will pass it on to their customers." });
    if (a.status === "planned" && !a.capabilityKey) {
      if (!a.capabilityName) ctx.addIssue({ code: "custom", path: ["capabilityName"], message: "Name the roadmap capability, or link an existing one." });
      if (!a.expectedDate) ctx.addIssue({ code: "custom", path: ["expectedDate"], message: "A roadmap capability needs an expected date." });
    }
  });
export type ThemeAnswer = z.output<typeof themeAnswerSchema>;

export const SIGNAL_RANKS = ["revenue", "accounts"] as const;
