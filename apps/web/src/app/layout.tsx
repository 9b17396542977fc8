import type { Metadata } from "next";
import type { ReactNode } from "react";
import { auth } from "~/server/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Acme Notes", template: "%s · Acme Notes" },
  description: "Notes and files behind Amazon Cognito sign-in.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth().catch(() => null);
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="brand">
            Acme Notes
          </a>
          <nav aria-label="Main">
            {session ? (
              <>
                <a href="/dashboard">Dashboard</a>
                <a href="/files">Files</a>
                <a href="/account">Account</a>
                <a href="/admin">Admin</a>
                <span className="who" data-testid="signed-in-as">
                  {session.user.email ?? session.user.name}
                </span>
                <form method="post" action="/signout">
                  <button type="submit">Sign out</button>
                </form>
              </>
            ) : (
              <a href="/signin">Sign in</a>
            )}
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
