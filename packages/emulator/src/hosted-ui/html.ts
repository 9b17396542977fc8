/**
 * Server-rendered pages of the hosted UI: plain HTML forms that work without client JavaScript,
 * each input with a `<label>`, errors in a `role="alert"` region, focus on the first field.
 *
 * @module
 */
import { raw as honoRaw, html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** Markup that is already safe: produced by `h` or `raw` (hono's escaped string). */
export type Html = HtmlEscapedString;

export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

/**
 * Tagged template over hono's `html` helper: every interpolation is escaped unless it is `Html`;
 * `false`, `null` and `undefined` render nothing. Pages are synchronous, so an asynchronous value
 * is a programming error.
 */
export function h(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new TypeError("hosted-UI markup cannot hold asynchronous values");
  return out;
}

export const raw = (markup: string): Html => honoRaw(markup);

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f2f3f3;color:#16191f;margin:0}
main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 .25rem}
.client{color:#545b64;margin:0 0 1.5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=email],input[type=password],input[type=tel]{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #879596;border-radius:.25rem;font-size:1rem}
input:focus,button:focus,a:focus{outline:3px solid #0972d3;outline-offset:2px}
button{margin-top:1.25rem;width:100%;padding:.65rem;border:0;border-radius:.25rem;background:#0972d3;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:#0972d3;border:1px solid #0972d3}
.alert{background:#fdf3f1;border:1px solid #d91515;color:#8f0000;padding:.75rem;border-radius:.25rem;margin:1rem 0}
.info{background:#f2f8fd;border:1px solid #0972d3;padding:.75rem;border-radius:.25rem;margin:1rem 0}
.links{margin-top:1.25rem;display:flex;flex-direction:column;gap:.5rem}
.hint{color:#545b64;font-size:.9rem}
.idps{margin:1rem 0;display:flex;flex-direction:column;gap:.5rem}
.idps a{display:block;text-align:center;padding:.6rem;border:1px solid #879596;border-radius:.25rem;color:#16191f;text-decoration:none}
code.secret{word-break:break-all;font-size:1rem}
fieldset{border:0;padding:0;margin:1rem 0 0}
legend{font-weight:600}
`;

export interface PageOptions {
  title: string;
  /** The app client's name, shown under the title. */
  clientName?: string;
  /** An error to announce (rendered in a `role="alert"` region). */
  error?: string;
  /** A notice that is not an error (e.g. "We sent a code"). */
  info?: string;
  body: Html;
}

export function page(options: PageOptions): string {
  return h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<h1>${options.title}</h1>
${options.clientName ? h`<p class="client">for <strong>${options.clientName}</strong></p>` : ""}
${options.error ? h`<div class="alert" role="alert" id="error">${options.error}</div>` : ""}
${options.info ? h`<div class="info" role="status">${options.info}</div>` : ""}
${options.body}
</main>
</body>
</html>`.toString();
}

export interface FieldOptions {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel";
  value?: string;
  autocomplete?: string;
  required?: boolean;
  autofocus?: boolean;
  hint?: string;
  inputmode?: "numeric";
}

/** One labelled input (`id` = `name`), optionally with a hint tied to it by `aria-describedby`. */
export function field(o: FieldOptions): Html {
  const hintId = o.hint ? `${o.name}-hint` : undefined;
  return h`<label for="${o.name}">${o.label}</label>
<input id="${o.name}" name="${o.name}" type="${o.type ?? "text"}"${o.value !== undefined ? h` value="${o.value}"` : ""}${o.autocomplete ? h` autocomplete="${o.autocomplete}"` : ""}${o.required === false ? "" : raw(" required")}${o.autofocus ? raw(" autofocus") : ""}${o.inputmode ? h` inputmode="${o.inputmode}"` : ""}${hintId ? h` aria-describedby="${hintId}"` : ""}>
${o.hint ? h`<p class="hint" id="${hintId}">${o.hint}</p>` : ""}`;
}

/** A POST form to `action` carrying the CSRF token. */
export function form(action: string, csrf: string, content: Html, submitLabel: string): Html {
  return h`<form method="post" action="${action}">
<input type="hidden" name="_csrf" value="${csrf}">
${content}
<button type="submit">${submitLabel}</button>
</form>`;
}

export function links(items: { href: string; text: string }[]): Html {
  if (items.length === 0) return h``;
  return h`<nav class="links" aria-label="Other actions">${items.map((l) => h`<a href="${l.href}">${l.text}</a>`)}</nav>`;
}
