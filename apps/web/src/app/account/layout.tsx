import type { ReactNode } from "react";

const sections = [
  { href: "/account", label: "Profile" },
  { href: "/account/contact", label: "Email and phone" },
  { href: "/account/password", label: "Password" },
  { href: "/account/security", label: "Two-step verification" },
  { href: "/account/security-activity", label: "Security activity" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/delete", label: "Delete account" },
];

/** The account pages share a section menu; each page checks the session itself. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <nav aria-label="Account" className="account-nav">
        {sections.map((s) => (
          <a key={s.href} href={s.href}>
            {s.label}
          </a>
        ))}
      </nav>
      {children}
    </>
  );
}
