import { type SynthOptions, synthStages } from "../../src/synth";

/**
 * What `cdktf synth --hcl` does, in process: cdktf reads `SYNTH_HCL_OUTPUT` when a stack is
 * constructed, so it is set for the duration of the synth only.
 */
export function synthStagesAsHcl(opts: SynthOptions): ReturnType<typeof synthStages> {
  const before = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = "true";
  try {
    return synthStages(opts);
  } finally {
    if (before === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = before;
  }
}
