"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { useFormAction, type FormAction as Action } from "@/components/ui/use-form-action";

type Option = { id: string; name: string };
const ROLE_OPTIONS = [
  ["REP", "Rep"],
  ["MANAGER", "Manager"],
  ["LEADER", "Leadership"],
  ["ADMIN", "Admin"],
] as const;

export function CreateUserForm({ action, teams }: { action: Action; teams: Option[] }) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, ref);
  return (
    <form ref={ref} onSubmit={f.onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <TextField label="Name" name="name" id="new-user-name" autoComplete="off" errors={f.errors?.name} />
      <TextField label="E-mail" name="email" id="new-user-email" type="email" autoComplete="off" errors={f.errors?.email} />
      <SelectField label="Role" name="role" id="new-user-role" defaultValue="REP" errors={f.errors?.role}>
        {ROLE_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </SelectField>
      <SelectField label="Team" name="teamId" id="new-user-team" defaultValue="" errors={f.errors?.teamId}>
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name}</option>
        ))}
      </SelectField>
      <TextField label="First password" name="password" id="new-user-password" type="password" autoComplete="new-password" hint="At least 10 characters; they can change it after signing in." errors={f.errors?.password} />
      <div className="flex flex-col justify-end gap-2 sm:col-span-2">
        <FormMessage result={f.message} />
        <div>
          <Button type="submit" disabled={f.pending}>{f.pending ? "Creating…" : "Create user"}</Button>
        </div>
      </div>
    </form>
  );
}

/**
 * An admin sets someone's password: the first one of a person imported from another CRM (open by
 * default, since they cannot sign in yet), or a new one for someone who forgot theirs.
 */
export function SetPasswordForm({ action, user }: { action: Action; user: { id: string; name: string; hasPassword: boolean } }) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, ref);
  return (
    <details className="mt-3 text-sm" open={!user.hasPassword}>
      <summary className="cursor-pointer font-medium text-indigo-800">{user.hasPassword ? "Set a new password" : "Set a first password"}</summary>
      <form ref={ref} onSubmit={f.onSubmit} noValidate className="mt-2 grid max-w-sm gap-3" aria-label={`Set a password for ${user.name}`}>
        <input type="hidden" name="userId" value={user.id} />
        <TextField label="New password" name="password" id={`user-${user.id}-password`} type="password" autoComplete="new-password" hint="At least 10 characters. Tell them yourself; Keel sends no e-mail. Their sessions end." errors={f.errors?.password} />
        <div>
          <Button type="submit" variant="secondary" disabled={f.pending}>{f.pending ? "Setting…" : "Set password"}</Button>
        </div>
        <FormMessage result={f.message} />
      </form>
    </details>
  );
}

export function EditUserForm({
  action,
  user,
  teams,
}: {
  action: Action;
  user: { id: string; name: string; role: string; teamId: string | null; active: boolean };
  teams: Option[];
}) {
  const f = useFormAction(action);
  const id = (field: string) => `user-${user.id}-${field}`;
  return (
    <form onSubmit={f.onSubmit} noValidate className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto_auto]" aria-label={`Edit ${user.name}`}>
      <input type="hidden" name="userId" value={user.id} />
      <SelectField label="Role" name="role" id={id("role")} defaultValue={user.role} errors={f.errors?.role}>
        {ROLE_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </SelectField>
      <SelectField label="Team" name="teamId" id={id("team")} defaultValue={user.teamId ?? ""} errors={f.errors?.teamId}>
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name}</option>
        ))}
      </SelectField>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="active" value="true" defaultChecked={user.active} className="size-4" />
        Active
      </label>
      <Button type="submit" variant="secondary" disabled={f.pending}>{f.pending ? "Saving…" : "Save"}</Button>
      <div className="sm:col-span-4">
        <FormMessage result={f.message} />
      </div>
    </form>
  );
}

export function TeamForm({
  action,
  managers,
  team,
}: {
  action: Action;
  managers: Option[];
  team?: { id: string; name: string; managerId: string | null };
}) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, team ? undefined : ref);
  const prefix = team ? `team-${team.id}` : "new-team";
  return (
    <form ref={ref} onSubmit={f.onSubmit} noValidate className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]" aria-label={team ? `Edit team ${team.name}` : "New team"}>
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <TextField label="Team name" name="name" id={`${prefix}-name`} defaultValue={team?.name} errors={f.errors?.name} />
      <SelectField label="Manager" name="managerId" id={`${prefix}-manager`} defaultValue={team?.managerId ?? ""} errors={f.errors?.managerId}>
        <option value="">No manager yet</option>
        {managers.map((m) => (
          <option key={m.id} value={m.id}>{m.name}</option>
        ))}
      </SelectField>
      <Button type="submit" variant={team ? "secondary" : "primary"} disabled={f.pending}>
        {f.pending ? "Saving…" : team ? "Save" : "Create team"}
      </Button>
      <div className="sm:col-span-3">
        <FormMessage result={f.message} />
      </div>
    </form>
  );
}
