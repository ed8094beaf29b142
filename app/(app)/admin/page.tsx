import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listTeams } from "@/lib/teams/teams";
import { listUsers } from "@/lib/users/users";
import { createTeamAction, createUserAction, setPasswordAction, updateTeamAction, updateUserAction } from "./actions";
import { CreateUserForm, EditUserForm, SetPasswordForm, TeamForm } from "./forms";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const actor = await requirePageActor("users:manage");
  const [users, teams] = await Promise.all([listUsers(actor), listTeams(actor)]);
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name }));
  const managers = users.filter((u) => u.active && (u.role === "MANAGER" || u.role === "LEADER"));
  return (
    <>
      <PageHeader
        title="Admin"
        description="People, roles and teams of your organisation. Every change is recorded in the audit log."
        actions={
          <div className="flex gap-4">
            <Link href="/admin/api-tokens" className="text-sm font-medium text-indigo-800 underline underline-offset-4">API tokens</Link>
            <Link href="/admin/webhooks" className="text-sm font-medium text-indigo-800 underline underline-offset-4">Webhooks</Link>
            <Link href="/admin/import" className="text-sm font-medium text-indigo-800 underline underline-offset-4">Import from another CRM</Link>
            <Link href="/admin/audit" className="text-sm font-medium text-indigo-800 underline underline-offset-4">Audit log</Link>
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Add a person">
          <CreateUserForm action={createUserAction} teams={teamOptions} />
        </Card>
        <Card title={`People (${users.length})`}>
          <ul className="divide-y divide-slate-200">
            {users.map((user) => (
              <li key={user.id} className="py-4">
                <p className="mb-2 text-sm">
                  <span className="font-medium">{user.name}</span> <span className="text-slate-600">· {user.email} · {ROLE_LABEL[user.role]}{user.team ? ` · ${user.team.name}` : ""}{user.active ? "" : " · inactive"}</span>
                  {user.hasPassword ? null : <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">No password yet: cannot sign in</span>}
                </p>
                <EditUserForm action={updateUserAction} user={user} teams={teamOptions} />
                {user.id === actor.userId ? null : <SetPasswordForm action={setPasswordAction} user={user} />}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={`Teams (${teams.length})`}>
          {teams.length === 0 ? (
            <EmptyState title="No teams yet">
              <p>A team is a manager and the reps they coach. Create one below, then put reps in it from the people list.</p>
            </EmptyState>
          ) : (
            <ul className="mb-6 divide-y divide-slate-200">
              {teams.map((team) => (
                <li key={team.id} className="py-4">
                  <p className="mb-2 text-sm">
                    <span className="font-medium">{team.name}</span>{" "}
                    <span className="text-slate-600">
                      · {team.members.length === 0 ? "no members yet" : team.members.map((m) => m.name).join(", ")}
                    </span>
                  </p>
                  <TeamForm action={updateTeamAction} managers={managers} team={team} />
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-2 text-sm font-semibold">New team</h3>
          <TeamForm action={createTeamAction} managers={managers} />
        </Card>
      </div>
    </>
  );
}
