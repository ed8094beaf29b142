"use client";

import { useCallback, type ReactNode } from "react";
import { SECTION_LABEL, SECTIONS, type Section } from "@/lib/validations/strategy";
import { CapabilitiesFields, CAPABILITY_FIELDS } from "./capabilities-section";
import { ConflictView } from "./conflict-view";
import type { CapabilityRow, FieldErrors, SectionContent } from "./form-model";
import { GUARDRAIL_FIELDS, GuardrailsFields, PRODUCT_FIELDS, ProductsFields, TARGET_FIELDS, TargetsFields, type ScopeOptions } from "./list-sections";
import { MISSION_FIELDS, MissionFields, VALUE_FIELDS, ValuePropositionFields } from "./mission-value-sections";
import { errorLinksFor, SectionCard } from "./section-card";
import { SEGMENT_FIELDS, SegmentsFields } from "./segments-section";
import { useDraft, type SaveSectionAction } from "./use-draft";

const DESCRIPTION: Record<Section, ReactNode> = {
  mission: "Who we are, why we are here, why it matters. All three are needed before publishing.",
  valueProposition: "Where we compete, from “make it for less” to “sell it for more”. It sets how heavily discounts and custom work weigh in scoring.",
  segments: "Who we sell to and who we avoid. Segments must not overlap, so every account falls in at most one.",
  capabilities: "What the product really does. Aliases let Keel match a rep's free-text promise to a capability.",
  guardrails: "What we do not do. A promise that matches a guardrail is critical.",
  products: "List prices and the most discount a rep may give without approval.",
  targets: "Targets per period, for the company, a team or a rep.",
};

/**
 * The draft, one card per section, each saved on its own. Renders the publish and file panels
 * given by the caller beside the sections, with what they need to know (dirty sections, revision).
 */
export function DraftEditor({
  versionId, revision, content, scopes, saveAction, aside, after,
}: {
  versionId: string;
  revision: number;
  content: SectionContent;
  scopes: ScopeOptions;
  saveAction: SaveSectionAction;
  aside: (info: { dirtySections: Section[]; latestRevision: number; showMissionErrors: (errors: FieldErrors, message: string) => void }) => ReactNode;
  /** Below the sections (the strategy file panel). */
  after?: ReactNode;
}) {
  const { state, edit, save, dispatch, dirtySections, latestRevision } = useDraft({ versionId, content, revision, saveAction });
  const names = Object.fromEntries([...scopes.teams, ...scopes.reps].map((o) => [o.id, o.name]));

  const onCapabilityRow = useCallback(
    (key: string, patch: Partial<CapabilityRow>) => edit("capabilities", (rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    [edit],
  );
  const onCapabilities = useCallback((update: (rows: CapabilityRow[]) => CapabilityRow[]) => edit("capabilities", update), [edit]);

  const card = <S extends Section>(section: S, fields: Record<string, string>, body: ReactNode) => {
    const s = state[section];
    const isList = section !== "mission" && section !== "valueProposition";
    const links = errorLinksFor(section, s.errors, {
      rows: isList ? (s.form as { key: string; name?: string }[]) : undefined,
      fieldLabel: fields,
      rowNoun: section === "targets" ? "Target" : "Row",
    });
    return (
      <SectionCard
        key={section}
        section={section}
        state={s}
        description={DESCRIPTION[section]}
        errorLinks={links}
        conflictView={s.conflict ? <ConflictView section={section} theirs={s.conflict.current} loaded={s.baseline} names={names} /> : null}
        onSave={() => void save(section)}
        onSaveMine={() => void save(section, { revision: s.conflict?.revision })}
        onUseTheirs={() => dispatch({ type: "useTheirs", section })}
      >
        {body}
      </SectionCard>
    );
  };

  const showMissionErrors = (errors: FieldErrors, message: string) => dispatch({ type: "refused", section: "mission", errors, message });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        {card("mission", MISSION_FIELDS, <MissionFields form={state.mission.form} errors={state.mission.errors} onChange={(f) => edit("mission", f)} />)}
        {card("valueProposition", VALUE_FIELDS, (
          <ValuePropositionFields form={state.valueProposition.form} errors={state.valueProposition.errors} onChange={(f) => edit("valueProposition", f)} />
        ))}
        {card("segments", SEGMENT_FIELDS, <SegmentsFields rows={state.segments.form} errors={state.segments.errors} onChange={(f) => edit("segments", f)} />)}
        {card("capabilities", CAPABILITY_FIELDS, (
          <CapabilitiesFields rows={state.capabilities.form} errors={state.capabilities.errors} onChange={onCapabilities} onRow={onCapabilityRow} />
        ))}
        {card("guardrails", GUARDRAIL_FIELDS, <GuardrailsFields rows={state.guardrails.form} errors={state.guardrails.errors} onChange={(f) => edit("guardrails", f)} />)}
        {card("products", PRODUCT_FIELDS, <ProductsFields rows={state.products.form} errors={state.products.errors} onChange={(f) => edit("products", f)} />)}
        {card("targets", TARGET_FIELDS, <TargetsFields rows={state.targets.form} errors={state.targets.errors} onChange={(f) => edit("targets", f)} scopes={scopes} />)}
        {after}
      </div>
      <aside className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto" aria-label="Draft sections and publishing">
        <nav aria-label="Sections of the draft" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Sections</h2>
          <ul className="space-y-1 text-sm">
            {SECTIONS.map((section) => (
              <li key={section} className="flex items-center justify-between gap-2">
                <a href={`#section-${section}`} className="text-indigo-800 underline-offset-4 hover:underline">{SECTION_LABEL[section]}</a>
                {dirtySections.includes(section) ? <span className="text-xs font-medium text-amber-800">unsaved</span> : null}
              </li>
            ))}
          </ul>
        </nav>
        {aside({ dirtySections, latestRevision, showMissionErrors })}
      </aside>
    </div>
  );
}
