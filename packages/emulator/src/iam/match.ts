/** Wildcards, condition-key lookup and policy variables, as IAM treats them. */

/** Condition keys and their values; a list for multi-valued keys (`cognito-identity.amazonaws.com:amr`). */
export type ConditionContext = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Marks the next character as literal inside a pattern. */
const ESCAPE = "\u0000";

const regexCache = new Map<string, RegExp>();
const SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/**
 * `*` = any run of characters (including none), `?` = one character; everything else literal,
 * including a `*`/`?` that `substituteVariables` marked as coming from a variable's value.
 */
export function wildcardToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const cacheKey = `${caseInsensitive ? "i" : "s"}:${pattern}`;
  let re = regexCache.get(cacheKey);
  if (!re) {
    const parts: string[] = [];
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i] as string;
      if (ch === ESCAPE) {
        parts.push((pattern[i + 1] ?? "").replace(SPECIAL, "\\$&"));
        i++;
      } else if (ch === "*") parts.push("[\\s\\S]*");
      else if (ch === "?") parts.push("[\\s\\S]");
      else parts.push(ch.replace(SPECIAL, "\\$&"));
    }
    re = new RegExp(`^${parts.join("")}$`, caseInsensitive ? "i" : "");
    if (regexCache.size > 4096) regexCache.clear();
    regexCache.set(cacheKey, re);
  }
  return re;
}

/** Condition key names are case-insensitive; their values are not. */
export function lookupKey(context: ConditionContext, key: string): readonly string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? [value] : value;
  }
  return undefined;
}

const VARIABLE = /\$\{([^}]+)\}/g;

/**
 * Replaces `${key}` with the request's value of that key. `${*}`, `${?}` and `${$}` stand for the
 * literal characters. When `escapeWildcards` is set (Resource and `*Like` values) a substituted
 * value's own `*`/`?` stay literal, so an identity ID can never widen a pattern. Returns undefined
 * when a variable's key is absent or multi-valued: the element then matches nothing.
 */
export function substituteVariables(
  template: string,
  context: ConditionContext,
  escapeWildcards: boolean,
): string | undefined {
  let missing = false;
  const out = template.replace(VARIABLE, (_whole, name: string) => {
    if (name === "*" || name === "?" || name === "$") return escapeWildcards ? `${ESCAPE}${name}` : name;
    const values = lookupKey(context, name.trim());
    if (values?.length !== 1) {
      missing = true;
      return "";
    }
    const value = values?.[0] ?? "";
    return escapeWildcards ? value.replace(/[*?]/g, (c) => `${ESCAPE}${c}`) : value;
  });
  return missing ? undefined : out;
}
