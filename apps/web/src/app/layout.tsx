import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Acme Notes", template: "%s · Acme Notes" },
  description: "Notes and files behind Amazon Cognito sign-in.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="brand">
            Acme Notes
          </a>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
