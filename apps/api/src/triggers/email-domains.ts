import disposable from "disposable-email-domains";

/** The maintained list of disposable email domains, as a set for O(1) lookups. */
const disposableDomains: ReadonlySet<string> = new Set(disposable as string[]);

/** The domain of an email address, lower-cased; undefined when the address has none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
}

/**
 * True when the domain, or a parent domain of it, is disposable or on the extra block list
 * (`mail.mailinator.com` is refused like `mailinator.com`).
 */
export function isBlockedDomain(domain: string, blocked: readonly string[] = []): boolean {
  const extra = new Set(blocked);
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join(".");
    if (disposableDomains.has(candidate) || extra.has(candidate)) return true;
  }
  return false;
}
