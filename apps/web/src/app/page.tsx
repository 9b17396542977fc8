import { env } from "~/env";
import { apiStatus } from "~/server/api-status";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const api = await apiStatus(env.API_URL);
  return (
    <>
      <h1>Acme Notes</h1>
      <p>Your notes and files, behind Amazon Cognito sign-in with MFA.</p>
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
