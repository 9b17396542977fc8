import type { z } from "zod";
import { ListUsersQuery, ListUsersResponse } from "./admin-users";
import { DashboardQuery, DashboardResponse } from "./dashboard";
import { NoContent } from "./errors";
import { MeResponse } from "./me";
import { CreateNoteRequest, ListNotesQuery, Note, NotePath, NotesPage } from "./notes";
import { ServiceHealthResponse } from "./service-health";

/**
 * One route of the HTTP API as a client sees it: method and path (API Gateway's syntax), the
 * schemas of its path parameters, query and JSON body, and of the body of each success status.
 * Every other status answers an `ApiErrorBody`.
 */
export interface EndpointDefinition {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: `/${string}`;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: { readonly [status: number]: z.ZodType };
}

/**
 * Every route of the API, by the name of its handler (`apps/api/src/handlers/<name>.ts`, the
 * `handler` of `apps/api/src/routes.ts`, which also holds each route's scopes and groups).
 */
export const endpoints = {
  "get-me": { method: "GET", path: "/me", responses: { 200: MeResponse } },
  "delete-me": { method: "DELETE", path: "/me", responses: { 204: NoContent } },
  "get-dashboard": {
    method: "GET",
    path: "/dashboard",
    query: DashboardQuery,
    responses: { 200: DashboardResponse },
  },
  "list-notes": { method: "GET", path: "/notes", query: ListNotesQuery, responses: { 200: NotesPage } },
  "create-note": { method: "POST", path: "/notes", body: CreateNoteRequest, responses: { 201: Note } },
  "get-note": { method: "GET", path: "/notes/{noteId}", params: NotePath, responses: { 200: Note } },
  "delete-note": {
    method: "DELETE",
    path: "/notes/{noteId}",
    params: NotePath,
    responses: { 204: NoContent },
  },
  "list-users": {
    method: "GET",
    path: "/admin/users",
    query: ListUsersQuery,
    responses: { 200: ListUsersResponse },
  },
  "get-service-health": {
    method: "GET",
    path: "/service/health",
    // 503 when a check fails: the same body, saying which.
    responses: { 200: ServiceHealthResponse, 503: ServiceHealthResponse },
  },
} as const satisfies Record<string, EndpointDefinition>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** The success statuses of an endpoint. */
export type StatusOf<N extends EndpointName> = keyof Endpoints[N]["responses"] & number;

type SchemaAt<T, K extends PropertyKey> = T extends { readonly [P in K]: infer S extends z.ZodType }
  ? S
  : never;

/** The body an endpoint answers with this status, as parsed. */
export type ResponseBody<N extends EndpointName, S extends StatusOf<N> = StatusOf<N>> = z.output<
  SchemaAt<Endpoints[N]["responses"], S>
>;

/** What the handler may hand to the schema of this status (before defaults and trimming). */
export type ResponseInput<N extends EndpointName, S extends StatusOf<N>> = z.input<
  SchemaAt<Endpoints[N]["responses"], S>
>;

type Part<E, K extends "params" | "query" | "body", Optional extends boolean> = E extends {
  readonly [P in K]: infer S extends z.ZodType;
}
  ? Optional extends true
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What a client passes to call an endpoint: its path parameters and body; the query may be left out. */
export type RequestInput<N extends EndpointName> = Part<Endpoints[N], "params", false> &
  Part<Endpoints[N], "query", true> &
  Part<Endpoints[N], "body", false>;

/** The request parts a handler reads, as its schemas parse them. */
export type ParsedQuery<N extends EndpointName> = z.output<SchemaAt<Endpoints[N], "query">>;
export type ParsedParams<N extends EndpointName> = z.output<SchemaAt<Endpoints[N], "params">>;
export type ParsedBody<N extends EndpointName> = z.output<SchemaAt<Endpoints[N], "body">>;
