import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { attributePath, StackError } from "./errors";

/** How stack files are found and read (injected by tests to count the reads). */
export interface StackReader {
  /** Every `cdk.tf.json` under `dir` (skipping `node_modules` and dot folders), sorted. */
  findFiles(dir: string): string[];
  readFile(file: string): string;
}

export const fsStackReader: StackReader = {
  findFiles(dir) {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d)) {
        if (entry === "node_modules" || entry.startsWith(".")) continue;
        const full = join(d, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry === "cdk.tf.json") out.push(full);
      }
    };
    walk(dir);
    return out.sort();
  },
  readFile: (file) => readFileSync(file, "utf8"),
};

/** A resource's arguments as written in the JSON. */
export type RawArgs = Record<string, unknown>;
/** `resources[type][name] = arguments`. */
export type RawResources = Record<string, Record<string, RawArgs>>;

/** The parts of one or more `cdk.tf.json` the emulator reads, merged, references not yet resolved. */
export interface StackDocument {
  files: string[];
  resources: RawResources;
  outputs: Record<string, { value: unknown }>;
}

const Args = z.record(z.string(), z.unknown());
const Document = z.looseObject({
  resource: z.record(z.string(), z.record(z.string(), Args)).optional(),
  output: z.record(z.string(), z.looseObject({ value: z.unknown() })).optional(),
});

/**
 * Parses the text of stack files into one document: later files add to (and, for the same
 * address, replace) the resources of earlier ones.
 */
export function parseStackFiles(files: { file: string; text: string }[]): StackDocument {
  const doc: StackDocument = { files: files.map((f) => f.file), resources: {}, outputs: {} };
  for (const { file, text } of files) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new StackError({ file }, `not valid JSON (${(err as Error).message})`, { cause: err });
    }
    const parsed = Document.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StackError(
        { file, attribute: attributePath(issue?.path ?? []) },
        `not a Terraform JSON stack: ${issue?.message ?? "unexpected shape"}`,
      );
    }
    for (const [type, byName] of Object.entries(parsed.data.resource ?? {})) {
      doc.resources[type] = { ...doc.resources[type], ...byName };
    }
    Object.assign(doc.outputs, parsed.data.output ?? {});
  }
  return doc;
}

/** Reads every `cdk.tf.json` under `dir` once, through `reader`. */
export function readStackDocument(dir: string, reader: StackReader = fsStackReader): StackDocument {
  let files: string[];
  try {
    files = reader.findFiles(dir);
  } catch (err) {
    throw new StackError({ file: dir }, `cannot read the stack folder (${(err as Error).message})`, {
      cause: err,
    });
  }
  return parseStackFiles(files.map((file) => ({ file, text: reader.readFile(file) })));
}
