import { env } from "~/env";
import { apiStatus } from "~/server/api-status";
import { auth } from "~/server/auth";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [api, session] = await Promise.all([apiStatus(env.API_URL), auth().catch(() => null)]);
  return (
    <>
      <h1>Acme Notes</h1>
      <p>Your notes and files, behind Amazon Cognito sign-in with MFA.</p>
      <p>
        {session ? (
          <a href="/dashboard">Go to your dashboard</a>
        ) : (
          <a href="/signin">Sign in or create an account</a>
        )}
      </p>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Service status</h2>
        <p>
          API:{" "}
          <span className="status" data-state={api.state} data-testid="api-status">
            {api.state === "up" ? "up" : "down"}
          </span>{" "}
          <span>{api.detail}</span>
        </p>
      </section>
    </>
  );
}
