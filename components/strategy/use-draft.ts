"use client";

// The draft editor's state: one entry per section with what the inputs hold, what the server has
// (the baseline), the draft revision that baseline belongs to, and the last save's outcome.
//
// Revisions: the server bumps one revision per draft on every save and refuses a save based on an
// older one. When this browser saves section S from revision a to b, nothing else changed between
// a and b (the server checked), so every other section known at a is still current at b. A section
// that learnt a newer revision through a conflict keeps its own; other sections only move on when
// the server's page data shows them (sync), so a stale section can never overwrite someone's work.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useReducer } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import { SECTION_LABEL, SECTIONS, type Section } from "@/lib/validations/strategy";
import {
  contentFromData, sameForm, stripDataPrefix, toForm, toInput, validateSection,
  type AnyForm, type FieldErrors, type FormOf, type SectionContent,
} from "./form-model";

export type SaveSectionAction = (input: {
  section: Section; versionId: string; revision: number; data: unknown;
}) => Promise<ActionResult<{ revision: number; unchanged: boolean }>>;

export type SectionState<S extends Section = Section> = {
  form: FormOf[S];
  baseline: FormOf[S];
  revision: number;
  pending: boolean;
  message: { ok: boolean; text: string } | null;
  errors: FieldErrors | null;
  /** After a refused save, messages follow the input as the user fixes it. */
  live: boolean;
  conflict: { current: FormOf[S]; revision: number; message: string } | null;
};
type State = { [S in Section]: SectionState<S> };

type Event =
  | { type: "edit"; section: Section; form: AnyForm | ((form: AnyForm) => AnyForm) }
  | { type: "saving"; section: Section }
  | { type: "saved"; section: Section; sent: AnyForm; sentRevision: number; revision: number; unchanged: boolean }
  | { type: "refused"; section: Section; errors: FieldErrors | null; message: string }
  | { type: "conflict"; section: Section; current: AnyForm; revision: number; message: string }
  | { type: "useTheirs"; section: Section }
  | { type: "sync"; content: SectionContent; revision: number };

const isDirty = (s: SectionState) => !sameForm(s.form, s.baseline);

function init({ content, revision }: { content: SectionContent; revision: number }): State {
  const entry = <S extends Section>(section: S): SectionState<S> => {
    const form = toForm(section, content[section]);
    return { form, baseline: form, revision, pending: false, message: null, errors: null, live: false, conflict: null };
  };
  return {
    mission: entry("mission"), valueProposition: entry("valueProposition"), segments: entry("segments"),
    capabilities: entry("capabilities"), guardrails: entry("guardrails"), products: entry("products"), targets: entry("targets"),
  };
}

function update(state: State, section: Section, patch: Partial<SectionState>): State {
  return { ...state, [section]: { ...state[section], ...patch } };
}

function reducer(state: State, event: Event): State {
  switch (event.type) {
    case "edit": {
      const s = state[event.section];
      const form = typeof event.form === "function" ? event.form(s.form) : event.form;
      const errors = s.live ? validateSection(event.section, form as never) : s.errors;
      return update(state, event.section, { form, errors, message: s.message?.ok ? null : s.message });
    }
    case "saving":
      return update(state, event.section, { pending: true, message: null });
    case "saved": {
      const next = { ...state };
      // Sections known at the revision this save started from are still current after it.
      const bumpOthers = !event.unchanged || event.revision === event.sentRevision;
      for (const section of SECTIONS) {
        if (section !== event.section && bumpOthers && state[section].revision === event.sentRevision) {
          next[section] = { ...state[section], revision: event.revision } as never;
        }
      }
      const text = event.unchanged ? "Already saved: nothing had changed." : "Saved.";
      return update(next, event.section, {
        baseline: event.sent, revision: event.revision, pending: false, message: { ok: true, text }, errors: null, live: false, conflict: null,
      });
    }
    case "refused":
      return update(state, event.section, { pending: false, errors: event.errors, live: !!event.errors, message: { ok: false, text: event.message } });
    case "conflict":
      return update(state, event.section, {
        pending: false, errors: null, live: false, message: { ok: false, text: event.message },
        conflict: { current: event.current, revision: event.revision, message: event.message },
      });
    case "useTheirs": {
      const c = state[event.section].conflict;
      if (!c) return state;
      return update(state, event.section, {
        form: c.current, baseline: c.current, revision: c.revision, conflict: null, errors: null, live: false,
        message: { ok: true, text: "Their version is in the form now. Nothing of yours was saved." },
      });
    }
    case "sync": {
      let next = state;
      for (const section of SECTIONS) {
        const s = state[section];
        if (s.pending || s.conflict || isDirty(s) || event.revision < s.revision) continue;
        const form = toForm(section, event.content[section]);
        if (event.revision === s.revision && sameForm(form, s.form)) continue;
        next = update(next, section, { form, baseline: form, revision: event.revision, errors: null, live: false });
      }
      return next;
    }
  }
}

export function useDraft({
  versionId, content, revision, saveAction,
}: { versionId: string; content: SectionContent; revision: number; saveAction: SaveSectionAction }) {
  const [state, dispatch] = useReducer(reducer, { content, revision }, init);
  const router = useRouter();

  // New page data from the server (after any save, an import, or a refresh): clean sections take it.
  useEffect(() => {
    dispatch({ type: "sync", content, revision });
  }, [content, revision]);

  const dirtySections = SECTIONS.filter((s) => isDirty(state[s]));
  const anyDirty = dirtySections.length > 0;
  const dirtyLabels = dirtySections.map((s) => SECTION_LABEL[s]).join(", ");
  useEffect(() => {
    if (!anyDirty) return;
    // Closing the tab or reloading: the browser asks.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    // Following a link inside Keel is a client-side navigation the browser does not guard: ask here.
    const leave = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      if (!window.confirm(`Unsaved changes in ${dirtyLabels} will be lost. Leave this page?`)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", leave, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", leave, true);
    };
  }, [anyDirty, dirtyLabels]);

  const edit = useCallback(
    <S extends Section>(section: S, form: FormOf[S] | ((form: FormOf[S]) => FormOf[S])) =>
      dispatch({ type: "edit", section, form: form as AnyForm | ((form: AnyForm) => AnyForm) }),
    [],
  );

  async function save(section: Section, options: { revision?: number } = {}) {
    const s = state[section];
    const sent = s.form;
    const localErrors = validateSection(section, sent as never);
    if (localErrors) {
      dispatch({ type: "refused", section, errors: localErrors, message: "Not saved: some fields need attention (see the messages under them)." });
      return;
    }
    const sentRevision = options.revision ?? s.revision;
    dispatch({ type: "saving", section });
    let result: Awaited<ReturnType<SaveSectionAction>>;
    try {
      result = await saveAction({ section, versionId, revision: sentRevision, data: toInput(section, sent as never) });
    } catch {
      dispatch({ type: "refused", section, errors: null, message: "Keel could not be reached. Nothing was lost: your edits are still here; try again." });
      return;
    }
    if (result.ok) {
      dispatch({ type: "saved", section, sent, sentRevision, revision: result.data.revision, unchanged: result.data.unchanged });
      return;
    }
    const details = result.details as { section?: Section; revision?: number; current?: unknown } | undefined;
    if (result.code === "CONFLICT" && details?.current !== undefined && typeof details.revision === "number") {
      const current = toForm(section, contentFromData(section, details.current));
      dispatch({ type: "conflict", section, current, revision: details.revision, message: result.message });
      router.refresh(); // the other sections pick up the newer draft where they have no edits of their own
      return;
    }
    const errors = result.fieldErrors ? stripDataPrefix(result.fieldErrors) : null;
    dispatch({
      type: "refused", section, errors,
      message: errors ? "Not saved: some fields need attention (see the messages under them)." : result.message,
    });
  }

  const latestRevision = Math.max(...SECTIONS.map((s) => state[s].revision));
  return { state, edit, save, dispatch, dirtySections, latestRevision };
}
