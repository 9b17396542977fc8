/**
 * What is wrong with a synthesized stack, said where it is: the file, the resource
 * (`aws_cognito_user_pool.users`) and the attribute (`password_policy.minimum_length`).
 *
 * @module
 */

export interface StackErrorLocation {
  /** The `cdk.tf.json` the problem is in (set when the resource is not enough to find it). */
  file?: string;
  /** The resource's address, `type.name`, or `output.<name>`. */
  resource?: string;
  /** The attribute inside it, as a path (`jwt_configuration.issuer`, `schema[0].name`). */
  attribute?: string;
}

/** Bad or unsupported input in the stack JSON. The message names where it is. */
export class StackError extends Error {
  override name = "StackError";
  readonly file?: string;
  readonly resource?: string;
  readonly attribute?: string;
  /** The problem alone, without the location. */
  readonly problem: string;

  constructor(location: StackErrorLocation, problem: string, options?: ErrorOptions) {
    const where = [location.resource ?? location.file, location.attribute].filter(Boolean).join(": ");
    super(where ? `${where}: ${problem}` : problem, options);
    this.problem = problem;
    if (location.file !== undefined) this.file = location.file;
    if (location.resource !== undefined) this.resource = location.resource;
    if (location.attribute !== undefined) this.attribute = location.attribute;
  }
}

/** `a.b[0].c` from a path of keys and indices. */
export function attributePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
