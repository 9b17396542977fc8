/** A minimal browser for driving the hosted UI from tests: a cookie jar, manual redirects, form fields. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.request(url, { method: "GET" });
  }

  async post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects within the emulator origin; stops at (and returns) a redirect elsewhere. */
  async follow(
    url: string,
    stopAt: (location: string) => boolean,
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.get(current);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current).toString();
      if (stopAt(next)) return { response, url: next };
      current = next;
    }
    throw new Error("too many redirects");
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  clearCookies(): void {
    this.cookies.clear();
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/** The value of a hidden/text input in a page's HTML. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return tag ? /value="([^"]*)"/.exec(tag)?.[1] : undefined;
}

/** The `action` of the page's first POST form, resolved against the page URL. */
export function formAction(html: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error("page has no POST form");
  return new URL(action.replace(/&amp;/g, "&"), pageUrl).toString();
}

/** Submits the page's first form with its CSRF token and these fields. */
export async function submit(
  browser: Browser,
  page: { html: string; url: string },
  fields: Record<string, string>,
): Promise<Response> {
  const csrf = inputValue(page.html, "_csrf");
  if (!csrf) throw new Error("form has no _csrf field");
  return browser.post(formAction(page.html, page.url), { _csrf: csrf, ...fields });
}

/** Authorize → login form → the redirect to `redirectUri`, returning that URL (with `code`, `state` or `error`). */
export async function signInThroughForm(
  browser: Browser,
  domainUrl: string,
  params: Record<string, string>,
  credentials: { username: string; password: string },
): Promise<URL> {
  const redirectUri = params.redirect_uri ?? "";
  const authorizeUrl = `${domainUrl}/oauth2/authorize?${new URLSearchParams(params).toString()}`;
  const login = await browser.follow(authorizeUrl, (u) => u.startsWith(redirectUri));
  if (login.url.startsWith(redirectUri)) return new URL(login.url);
  const res = await submit(browser, { html: await login.response.text(), url: login.url }, credentials);
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`sign-in did not redirect (${res.status})`);
  return new URL(location);
}
