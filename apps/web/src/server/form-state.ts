/** What an account form's server action answers: an error to show, or a confirmation. */
export interface FormState {
  error?: string;
  message?: string;
}
