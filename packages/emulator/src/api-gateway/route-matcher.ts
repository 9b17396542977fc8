import type { HttpRouteDefinition } from "./types";

export interface RouteMatch {
  route: HttpRouteDefinition;
  pathParameters: Record<string, string>;
}

interface Compiled {
  route: HttpRouteDefinition;
  method: string;
  pattern: RegExp;
  params: string[];
  /** Higher wins: literal segments beat parameters, which beat a greedy `{proxy+}`. */
  rank: number;
}

/**
 * API Gateway HTTP API route selection: the most specific match wins (literal segments, then
 * path parameters, then greedy `{name+}`), a method beats `ANY`, and `$default` catches the rest.
 */
export class RouteMatcher {
  private readonly compiled: Compiled[];
  private readonly fallback: HttpRouteDefinition | undefined;

  constructor(routes: HttpRouteDefinition[]) {
    this.fallback = routes.find((r) => r.routeKey === "$default");
    this.compiled = routes.filter((r) => r.routeKey !== "$default").map(compile);
  }

  match(method: string, path: string): RouteMatch | undefined {
    let best: { c: Compiled; m: RegExpExecArray } | undefined;
    for (const c of this.compiled) {
      if (c.method !== "ANY" && c.method !== method) continue;
      const m = c.pattern.exec(path);
      if (!m) continue;
      const score = c.rank * 2 + (c.method === "ANY" ? 0 : 1);
      const bestScore = best ? best.c.rank * 2 + (best.c.method === "ANY" ? 0 : 1) : -1;
      if (score > bestScore) best = { c, m };
    }
    if (best) {
      const pathParameters: Record<string, string> = {};
      best.c.params.forEach((name, i) => {
        pathParameters[name] = decodeURIComponent(best.m[i + 1] ?? "");
      });
      return { route: best.c.route, pathParameters };
    }
    return this.fallback ? { route: this.fallback, pathParameters: {} } : undefined;
  }
}

function compile(route: HttpRouteDefinition): Compiled {
  const space = route.routeKey.indexOf(" ");
  const method = route.routeKey.slice(0, space).toUpperCase();
  const path = route.routeKey.slice(space + 1);
  const params: string[] = [];
  let rank = 0;
  const segments = path.split("/").filter(Boolean);
  const source = segments
    .map((segment, index) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy?.[1]) {
        params.push(greedy[1]);
        return "(.+)";
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1]) {
        params.push(param[1]);
        rank += 1 << (2 * (segments.length - index));
        return "([^/]+)";
      }
      rank += 2 << (2 * (segments.length - index));
      return segment.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { route, method, pattern: new RegExp(`^/${source}/?$`), params, rank };
}
