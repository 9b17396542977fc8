import type { AdminUser } from "@repo/api-contract";
import type { Metadata } from "next";
import { callApi } from "~/server/api-client";
import { requireSession, withSession } from "~/server/auth";
import { ForbiddenError } from "~/server/errors";

export const metadata: Metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

/** Users of the pool, for group `admins`. The API decides who may see them; a 403 is shown kindly. */
export default async function AdminPage() {
  const session = await requireSession("/admin");
  let users: AdminUser[] | undefined;
  try {
    users = (await withSession(session.user.id, () => callApi(session.user.id, "list-users", {}))).users;
  } catch (err) {
    if (!(err instanceof ForbiddenError)) throw err;
  }
  if (!users) {
    return (
      <>
        <h1>Administration</h1>
        <p role="alert" className="notice">
          This page is for administrators. Your account is not in the admins group; ask an administrator if
          you need access.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Administration</h1>
      <table>
        <caption>Users</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Enabled</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username}>
              <td>{u.username}</td>
              <td>{u.email ?? "—"}</td>
              <td>{u.status}</td>
              <td>{u.enabled ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
