import type { Hono } from "hono";
import { z } from "zod";
import type { OutboxMessage, Store } from "../store/store";

const Query = z.object({ to: z.string().min(1).optional() });

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

function toJson(m: OutboxMessage) {
  return {
    id: m.id,
    createdAt: new Date(m.createdAt).toISOString(),
    userPoolId: m.poolId,
    medium: m.medium,
    to: m.recipient,
    subject: m.subject,
    body: m.body,
    kind: m.kind,
  };
}

/** Every email and SMS the pools would have sent, newest first: `/_outbox` (HTML) and `/_outbox.json`. */
export function mountOutbox(app: Hono, store: Store): void {
  app.get("/_outbox.json", (c) => {
    const q = Query.safeParse(c.req.query());
    if (!q.success) return c.json({ message: "Invalid query" }, 400);
    return c.json({ messages: store.outbox.list(q.data.to).map(toJson) });
  });
  app.get("/_outbox", (c) => {
    const q = Query.safeParse(c.req.query());
    const to = q.success ? q.data.to : undefined;
    const rows = store.outbox
      .list(to)
      .map(
        (m) => `<article>
  <h2>${escapeHtml(m.subject ?? (m.medium === "SMS" ? "SMS" : "(no subject)"))}</h2>
  <p><strong>${m.medium}</strong> to <strong>${escapeHtml(m.recipient)}</strong>, ${escapeHtml(new Date(m.createdAt).toISOString())} (${escapeHtml(m.kind)})</p>
  <pre>${escapeHtml(m.body)}</pre>
</article>`,
      )
      .join("\n");
    return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Emulator outbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style>
</head><body><main><h1>Outbox${to ? ` for ${escapeHtml(to)}` : ""}</h1>
<form method="get"><label for="to">Recipient</label> <input id="to" name="to" value="${escapeHtml(to ?? "")}"> <button type="submit">Filter</button></form>
${rows || "<p>No messages yet.</p>"}
</main></body></html>`);
  });
}
