/**
 * A user pool's attribute schema: the standard attributes every pool has, with the constraints
 * DescribeUserPool shows on AWS (`birthdate` is exactly 10 characters, `updated_at` a number from
 * 0), and the checks CreateUserPool and AddCustomAttributes make of a `Schema` entry, with
 * Cognito's messages:
 * - a standard attribute keeps its data type and cannot be developer-only; it may be made
 *   required, immutable, or given other length or value limits;
 * - a custom attribute needs `AttributeDataType` and cannot be required; it is named
 *   `custom:<name>` (`dev:custom:<name>` when developer-only) and must not exist yet;
 * - limits are non-negative integers written as strings; string lengths are at most 2048 and the
 *   minimum is not above the maximum; only the constraints of the attribute's own data type are
 *   kept (a String's `NumberAttributeConstraints` is dropped, a Boolean keeps neither).
 *
 * @module
 */
import type { SchemaAttributeType } from "@aws-sdk/client-cognito-identity-provider";
import { InvalidParameterException } from "../errors";
import { STANDARD_ATTRIBUTES } from "./pools";

export type SchemaAttributeInput = SchemaAttributeType;

const MAX_STRING_LENGTH = 2048;

function standardAttribute(name: (typeof STANDARD_ATTRIBUTES)[number]): SchemaAttributeType {
  const isBool = name === "email_verified" || name === "phone_number_verified";
  const isNum = name === "updated_at";
  const length =
    name === "sub"
      ? { MinLength: "1", MaxLength: "2048" }
      : name === "birthdate"
        ? { MinLength: "10", MaxLength: "10" }
        : { MinLength: "0", MaxLength: "2048" };
  return {
    Name: name,
    AttributeDataType: isBool ? "Boolean" : isNum ? "Number" : "String",
    DeveloperOnlyAttribute: false,
    Mutable: name !== "sub",
    Required: name === "sub",
    ...(isBool
      ? {}
      : isNum
        ? { NumberAttributeConstraints: { MinValue: "0" } }
        : { StringAttributeConstraints: length }),
  };
}

/** A limit as Cognito reads it: a non-negative integer in a string; absent or empty is no limit. */
function limit(value: string | undefined, kind: string, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value))
    throw new InvalidParameterException(`Invalid ${kind} for schema attribute ${name}`);
  return Number(value);
}

/** The constraints an attribute keeps: those of its data type, checked. */
function constraintsOf(
  attr: SchemaAttributeInput,
  type: string,
  name: string,
  fallback: SchemaAttributeType,
): Pick<SchemaAttributeType, "StringAttributeConstraints" | "NumberAttributeConstraints"> {
  if (type === "String") {
    const c = attr.StringAttributeConstraints ?? fallback.StringAttributeConstraints;
    if (!c) return {};
    const min = limit(c.MinLength, "StringAttributeConstraints", name);
    const max = limit(c.MaxLength, "StringAttributeConstraints", name);
    if ((min ?? 0) > MAX_STRING_LENGTH || (max ?? 0) > MAX_STRING_LENGTH) {
      throw new InvalidParameterException(
        `user.${name}: String attributes cannot have a length of more than ${MAX_STRING_LENGTH}`,
      );
    }
    if (min !== undefined && max !== undefined && min > max) {
      throw new InvalidParameterException(`user.${name}: Max length cannot be less than min length.`);
    }
    return { StringAttributeConstraints: { ...c } };
  }
  if (type === "Number") {
    const c = attr.NumberAttributeConstraints ?? fallback.NumberAttributeConstraints;
    if (!c) return {};
    const min = limit(c.MinValue, "NumberAttributeConstraints", name);
    const max = limit(c.MaxValue, "NumberAttributeConstraints", name);
    if (min !== undefined && max !== undefined && min > max) {
      throw new InvalidParameterException(`user.${name}: Max value cannot be less than min value.`);
    }
    return { NumberAttributeConstraints: { ...c } };
  }
  return {};
}

function applyToStandard(std: SchemaAttributeType, attr: SchemaAttributeInput): void {
  const name = std.Name ?? "";
  if (
    (attr.AttributeDataType && attr.AttributeDataType !== std.AttributeDataType) ||
    attr.DeveloperOnlyAttribute
  ) {
    throw new InvalidParameterException(
      `You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${name}`,
    );
  }
  if (attr.Required !== undefined) std.Required = attr.Required || std.Required;
  if (attr.Mutable !== undefined && name !== "sub") std.Mutable = attr.Mutable;
  const type = std.AttributeDataType ?? "String";
  const kept = constraintsOf(attr, type, name, std);
  delete std.StringAttributeConstraints;
  delete std.NumberAttributeConstraints;
  Object.assign(std, kept);
}

/** A custom attribute's schema entry, checked; throws if its name is already in `existing`. */
export function customAttribute(
  attr: SchemaAttributeInput,
  existing: readonly SchemaAttributeType[],
): SchemaAttributeType {
  const type = attr.AttributeDataType;
  if (!type) {
    throw new InvalidParameterException(
      "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.",
    );
  }
  if (attr.Required)
    throw new InvalidParameterException("Required custom attributes are not supported currently.");
  const base = `custom:${attr.Name ?? ""}`;
  const name = attr.DeveloperOnlyAttribute ? `dev:${base}` : base;
  if (existing.some((a) => a.Name === name)) {
    throw new InvalidParameterException(`${base}: Existing attribute already has name ${name}.`);
  }
  return {
    Name: name,
    AttributeDataType: type,
    DeveloperOnlyAttribute: attr.DeveloperOnlyAttribute ?? false,
    Mutable: attr.Mutable ?? true,
    Required: false,
    ...(type === "String" ? { StringAttributeConstraints: {} } : {}),
    ...constraintsOf(attr, type, name, {}),
  };
}

/** The schema a new pool describes back: the standard attributes with the request's changes, then its custom ones. */
export function buildSchema(input: readonly SchemaAttributeInput[] | undefined): SchemaAttributeType[] {
  const schema = STANDARD_ATTRIBUTES.map(standardAttribute);
  for (const attr of input ?? []) {
    const std = schema.find((s) => s.Name === attr.Name);
    if (std) applyToStandard(std, attr);
    else schema.push(customAttribute(attr, schema));
  }
  return schema;
}
