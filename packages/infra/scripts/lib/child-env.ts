/** This process's environment plus `extra`, for a child process (tests spawn the cdktf app and node). */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
