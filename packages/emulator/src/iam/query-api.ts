/**
 * The part of IAM's query API (form-encoded `POST /` with `Version=2010-05-08`, XML answers) that
 * sets up a role with a managed policy: CreateRole, CreatePolicy, AttachRolePolicy,
 * DetachRolePolicy, DeletePolicy, DeleteRole, GetRole. Other form posts pass to the next handler.
 * Roles land in the same table the identity pools hand credentials out of.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { Services } from "../cognito-idp/services";
import { type ManagedPolicy, managedPoliciesOf, type RoleDetails } from "./managed-policies";
import { MalformedPolicyError, parsePolicy } from "./policy";
import { type IamRole, iamRolesOf } from "./roles";

const VERSION = "2010-05-08";
const NS = `https://iam.amazonaws.com/doc/${VERSION}/`;

class IamError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
  }
}

const Name = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w+=,.@-]+$/);
const Path = z
  .string()
  .regex(/^\/([\x21-\x7e]*\/)?$/)
  .default("/");
const Params = {
  CreateRole: z.object({ RoleName: Name.max(64), AssumeRolePolicyDocument: z.string().min(1), Path }),
  CreatePolicy: z.object({ PolicyName: Name, PolicyDocument: z.string().min(1), Path }),
  AttachRolePolicy: z.object({ RoleName: Name, PolicyArn: z.string().min(20) }),
  DetachRolePolicy: z.object({ RoleName: Name, PolicyArn: z.string().min(20) }),
  DeletePolicy: z.object({ PolicyArn: z.string().min(20) }),
  DeleteRole: z.object({ RoleName: Name }),
  GetRole: z.object({ RoleName: Name }),
};
type Action = keyof typeof Params;

const xmlEscape = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[ch]};`);

const elements = (fields: Record<string, string | number | boolean>) =>
  Object.entries(fields)
    .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
    .join("");

const uniqueId = (prefix: string) => prefix + randomBytes(10).toString("hex").toUpperCase().slice(0, 17);

function roleXml(role: IamRole, details: RoleDetails | undefined): string {
  return `<Role>${elements({
    Path: details?.path ?? role.arn.slice(role.arn.indexOf(":role") + 5, role.arn.lastIndexOf("/") + 1),
    RoleName: role.name,
    ...(details ? { RoleId: details.id, CreateDate: details.createDate } : {}),
    Arn: role.arn,
    ...(details ? { AssumeRolePolicyDocument: encodeURIComponent(details.trustPolicyText) } : {}),
  })}</Role>`;
}

function policyXml(p: ManagedPolicy, attachments: number): string {
  return `<Policy>${elements({
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: "v1",
    AttachmentCount: attachments,
    IsAttachable: true,
    CreateDate: p.createDate,
    UpdateDate: p.createDate,
  })}</Policy>`;
}

function runAction(services: Services, action: Action, form: Record<string, string>): string {
  const roles = iamRolesOf(services.store);
  const policies = managedPoliciesOf(services.store);
  const findRole = (name: string) => {
    const arn = policies.roleArnByName(name);
    const role = arn ? roles.getRole(arn) : undefined;
    if (!role) throw new IamError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
    return role;
  };
  const findPolicy = (arn: string) => {
    const p = policies.get(arn);
    if (!p) throw new IamError("NoSuchEntity", `Policy ${arn} does not exist or is not attachable.`, 404);
    return p;
  };
  const document = (text: string) => {
    try {
      return parsePolicy(text);
    } catch (error) {
      if (error instanceof MalformedPolicyError)
        throw new IamError("MalformedPolicyDocument", error.message, 400);
      throw error;
    }
  };
  const now = new Date(services.clock.now()).toISOString();
  switch (action) {
    case "CreateRole": {
      const p = Params.CreateRole.parse(form);
      if (policies.roleArnByName(p.RoleName)) {
        throw new IamError("EntityAlreadyExists", `Role with name ${p.RoleName} already exists.`, 409);
      }
      const arn = `arn:aws:iam::${services.accountId}:role${p.Path}${p.RoleName}`;
      const trustPolicy = document(p.AssumeRolePolicyDocument);
      const role = roles.putRole({ arn, name: p.RoleName, trustPolicy, policies: [] });
      const details = {
        path: p.Path,
        id: uniqueId("AROA"),
        createDate: now,
        trustPolicyText: p.AssumeRolePolicyDocument,
      };
      policies.putRoleDetails(arn, details);
      return `<CreateRoleResult>${roleXml(role, details)}</CreateRoleResult>`;
    }
    case "GetRole": {
      const role = findRole(Params.GetRole.parse(form).RoleName);
      return `<GetRoleResult>${roleXml(role, policies.roleDetails(role.arn))}</GetRoleResult>`;
    }
    case "CreatePolicy": {
      const p = Params.CreatePolicy.parse(form);
      const arn = `arn:aws:iam::${services.accountId}:policy${p.Path}${p.PolicyName}`;
      if (policies.get(arn)) {
        throw new IamError("EntityAlreadyExists", `A policy called ${p.PolicyName} already exists.`, 409);
      }
      const policy: ManagedPolicy = {
        arn,
        name: p.PolicyName,
        path: p.Path,
        id: uniqueId("ANPA"),
        createDate: now,
        document: document(p.PolicyDocument),
      };
      policies.put(policy);
      return `<CreatePolicyResult>${policyXml(policy, 0)}</CreatePolicyResult>`;
    }
    case "AttachRolePolicy": {
      const p = Params.AttachRolePolicy.parse(form);
      policies.attach(findRole(p.RoleName).arn, findPolicy(p.PolicyArn));
      return "";
    }
    case "DetachRolePolicy": {
      const p = Params.DetachRolePolicy.parse(form);
      if (!policies.detach(findRole(p.RoleName).arn, findPolicy(p.PolicyArn))) {
        throw new IamError("NoSuchEntity", `Policy ${p.PolicyArn} was not found.`, 404);
      }
      return "";
    }
    case "DeletePolicy": {
      const p = Params.DeletePolicy.parse(form);
      findPolicy(p.PolicyArn);
      if (policies.attachments(p.PolicyArn) > 0) {
        throw new IamError("DeleteConflict", "Cannot delete a policy attached to entities.", 409);
      }
      policies.delete(p.PolicyArn);
      return "";
    }
    case "DeleteRole": {
      const role = findRole(Params.DeleteRole.parse(form).RoleName);
      if (policies.attachedTo(role.arn).length > 0) {
        throw new IamError("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409);
      }
      roles.deleteRole(role.arn);
      policies.deleteRoleDetails(role.arn);
      return "";
    }
  }
}

function answer(c: Context, status: number, body: string) {
  return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, status as 200, {
    "content-type": "text/xml",
  });
}

/** Mounts IAM's query API on `POST /` ahead of the JSON services; must come before them. */
export function mountIamQueryApi(app: Hono, services: Services): void {
  app.post("/", async (c, next) => {
    if (!c.req.header("content-type")?.startsWith("application/x-www-form-urlencoded")) return next();
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    if (form.Version !== VERSION || !form.Action) return next();
    const requestId = randomUUID();
    const action = form.Action;
    try {
      if (!(action in Params)) throw new IamError("InvalidAction", `Could not find operation ${action}`, 400);
      const result = runAction(services, action as Action, form);
      const meta = `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`;
      return answer(c, 200, `<${action}Response xmlns="${NS}">${result}${meta}</${action}Response>`);
    } catch (error) {
      const e =
        error instanceof IamError
          ? error
          : error instanceof z.ZodError
            ? new IamError(
                "ValidationError",
                error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
                400,
              )
            : undefined;
      if (!e) throw error;
      return answer(
        c,
        e.status,
        `<ErrorResponse xmlns="${NS}"><Error>${elements({ Type: "Sender", Code: e.code, Message: e.message })}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    }
  });
}
