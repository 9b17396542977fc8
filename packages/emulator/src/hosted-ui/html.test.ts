import { describe, expect, it } from "vitest";
import { field, h, links, page, raw } from "./html";

const attack = `"><script>alert('x')</script>&`;

describe("hosted-UI markup", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    expect(h`<p title="${attack}">${attack}</p>`.toString()).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });

  it("keeps markup made by h or raw as it is, and renders nothing for false, null and undefined", () => {
    const inner = h`<b>${"a&b"}</b>`;
    expect(
      h`<p>${inner}${raw("<br>")}${false}${null}${undefined}${[h`<i>1</i>`, "<2>"]}${3}</p>`.toString(),
    ).toBe("<p><b>a&amp;b</b><br><i>1</i>&lt;2&gt;3</p>");
  });

  it("escapes what a user typed when a form is shown again", () => {
    const html = field({ name: "username", label: "Username", value: attack }).toString();
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;');
    expect(html).not.toContain("<script>");
    expect(links([{ href: `/x?a=1&b="2"`, text: attack }]).toString()).toContain(
      'href="/x?a=1&amp;b=&quot;2&quot;"',
    );
    expect(page({ title: attack, body: h`` })).not.toContain("<script>");
  });
});
