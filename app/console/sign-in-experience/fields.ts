import { otpLimitsSchema, signInExperienceSchema, type InvitationLimits, type OtpLimits, type SignInExperience } from "@/lib/settings/schema";
import type { FieldErrors } from "@/lib/errors/failure";

/**
 * The sign-in experience form: which settings it shows, their bounds (read
 * from the settings schema, so the form cannot drift from what is allowed),
 * and the parse from FormData back to a settings patch. The specs are plain
 * data: the page hands them to the client form.
 */

export type ToggleSpec = { name: string; label: string; help: string };
type Option<V extends string = string> = { value: V; label: string; help: string };
export type ChoiceSpec = { name: string; legend: string; options: readonly Option[] };
export type NumberSpec = { name: string; label: string; unit: string; min: number; max: number; default: number };
export type FormValues = Record<string, string>;

type Toggle = ToggleSpec & { read: (s: SignInExperience) => boolean };

const TOGGLES: readonly Toggle[] = [
  {
    name: "signUpEmailPassword",
    label: "Sign-up with email and password",
    help: "New accounts confirm their address with a verification code first.",
    read: (s) => s.signUp.emailPassword,
  },
  { name: "signInPassword", label: "Sign-in with password", help: "Email and password on the sign-in page.", read: (s) => s.signIn.password },
  { name: "signInEmailCode", label: "Sign-in with an email code", help: "“Email me a code”: a 6-digit code instead of the password.", read: (s) => s.signIn.emailCode },
  { name: "forgotPasswordEmailCode", label: "Password reset by email", help: "“Forgot password?”: a code by email, then a new password.", read: (s) => s.forgotPassword.emailCode },
  {
    name: "mfaRequired",
    label: "Require two-step verification for everyone",
    help: "Accounts without a second factor are sent to set one up right after signing in, and can't remove their last one.",
    read: (s) => s.mfa.required,
  },
  {
    name: "notifyIdentityChanges",
    label: "Email users when a social sign-in is connected or disconnected",
    help: "A security notice naming the provider, the account at it, when, and from which browser and IP.",
    read: (s) => s.notifications.identityChanges,
  },
];

type SignUpMode = SignInExperience["signUp"]["mode"];

/** "Sign-up: open / by invitation only" (signUp.mode), a choice of two rather than a toggle, so both answers are named. */
const SIGN_UP_MODE: ChoiceSpec & { options: readonly Option<SignUpMode>[] } = {
  name: "signUpMode",
  legend: "Sign-up: open / by invitation only",
  options: [
    { value: "open", label: "Open", help: "Anyone can create an account on the sign-up page." },
    {
      value: "invitation",
      label: "By invitation only",
      help: "The sign-up page creates no accounts; people join through an organization's invitation email.",
    },
  ],
};

const isSignUpMode = (value: string | undefined): value is SignUpMode => SIGN_UP_MODE.options.some((option) => option.value === value);

type NumberField =
  | { name: string; label: string; unit: string; group: "password"; key: "minLength" | "maxFailuresPer15Minutes" }
  | { name: string; label: string; unit: string; group: "otp"; key: keyof OtpLimits }
  | { name: string; label: string; unit: string; group: "invitations"; key: keyof InvitationLimits };

const PASSWORD_FIELDS: readonly NumberField[] = [
  { name: "passwordMinLength", label: "Minimum password length", unit: "characters", group: "password", key: "minLength" },
  { name: "passwordMaxFailures", label: "Wrong passwords per address per 15 minutes", unit: "tries", group: "password", key: "maxFailuresPer15Minutes" },
];

const CODE_FIELDS: readonly NumberField[] = [
  { name: "otpTtlSeconds", label: "Code lifetime", unit: "seconds", group: "otp", key: "ttlSeconds" },
  { name: "otpMaxAttempts", label: "Tries per code", unit: "tries", group: "otp", key: "maxAttempts" },
  { name: "otpResendCooldownSeconds", label: "Wait before another code can be sent", unit: "seconds", group: "otp", key: "resendCooldownSeconds" },
  { name: "otpMaxSendsPerAddressPerHour", label: "Codes per address per hour", unit: "codes", group: "otp", key: "maxSendsPerAddressPerHour" },
  { name: "otpLockAfterFailedVerifies", label: "Lock code sign-in after this many wrong codes in a row", unit: "codes", group: "otp", key: "lockAfterFailedVerifies" },
  { name: "otpLockMinutes", label: "Lock duration", unit: "minutes", group: "otp", key: "lockMinutes" },
];

const INVITATION_FIELDS: readonly NumberField[] = [
  { name: "invitationExpiryDays", label: "Invitation links stay valid for", unit: "days", group: "invitations", key: "expiryDays" },
  { name: "invitationMaxEmailsPerOrgPerDay", label: "Invitation emails per organization per day", unit: "emails", group: "invitations", key: "maxEmailsPerOrgPerDay" },
  { name: "invitationMaxPendingPerOrg", label: "Pending invitations per organization", unit: "invitations", group: "invitations", key: "maxPendingPerOrg" },
];

const NUMBER_FIELDS = [...PASSWORD_FIELDS, ...CODE_FIELDS, ...INVITATION_FIELDS];

const passwordShape = signInExperienceSchema.shape.password.unwrap().shape;
const invitationShape = signInExperienceSchema.shape.invitations.unwrap().shape;

/** The field's number schema (its default unwrapped): min, max and default come from there. */
function numberSchema(field: NumberField) {
  switch (field.group) {
    case "password":
      return passwordShape[field.key];
    case "otp":
      return otpLimitsSchema.shape[field.key];
    case "invitations":
      return invitationShape[field.key];
  }
}

function toSpec(field: NumberField): NumberSpec {
  const schema = numberSchema(field);
  const inner = schema.unwrap();
  return {
    name: field.name,
    label: field.label,
    unit: field.unit,
    min: inner.minValue ?? 0,
    max: inner.maxValue ?? Number.MAX_SAFE_INTEGER,
    default: schema.parse(undefined),
  };
}

export const toggleSpecs = (): ToggleSpec[] => TOGGLES.map(({ name, label, help }) => ({ name, label, help }));
export const signUpModeSpec = (): ChoiceSpec => SIGN_UP_MODE;
export const passwordSpecs = (): NumberSpec[] => PASSWORD_FIELDS.map(toSpec);
export const codeSpecs = (): NumberSpec[] => CODE_FIELDS.map(toSpec);
export const invitationSpecs = (): NumberSpec[] => INVITATION_FIELDS.map(toSpec);

function readNumber(s: SignInExperience, field: NumberField): number {
  switch (field.group) {
    case "password":
      return s.password[field.key];
    case "otp":
      return s.otp[field.key];
    case "invitations":
      return s.invitations[field.key];
  }
}

/** The form's values for saved settings: "on" or "" for toggles, digits for numbers. */
export function formValues(s: SignInExperience): FormValues {
  const values: FormValues = {};
  for (const toggle of TOGGLES) values[toggle.name] = toggle.read(s) ? "on" : "";
  values[SIGN_UP_MODE.name] = s.signUp.mode;
  for (const field of NUMBER_FIELDS) values[field.name] = String(readNumber(s, field));
  return values;
}

export const ONE_SIGN_IN_METHOD = "At least one sign-in method must stay on: password sign-in or email-code sign-in.";

/** Every field the form posts, for the action's input schema. */
export const FORM_FIELD_NAMES: readonly string[] = [...TOGGLES, SIGN_UP_MODE, ...NUMBER_FIELDS].map((field) => field.name);

export type ParsedForm =
  | { ok: true; patch: Pick<SignInExperience, "signUp" | "signIn" | "forgotPassword" | "password" | "otp" | "invitations" | "mfa" | "notifications">; values: FormValues }
  | { ok: false; formError: string; fieldErrors: FieldErrors; values: FormValues };

/**
 * The form's fields → a settings patch. Numbers outside the schema's bounds
 * get a field error naming the bounds; the limits the form does not show
 * (per-IP caps) keep their saved values.
 */
export function parseSignInExperienceForm(form: Readonly<Record<string, string | undefined>>, current: SignInExperience): ParsedForm {
  const values: FormValues = {};
  const on = (name: string) => {
    values[name] = form[name] === "on" ? "on" : "";
    return values[name] === "on";
  };
  const fieldErrors: FieldErrors = {};
  const password = { ...current.password };
  const otp = { ...current.otp };
  const invitations = { ...current.invitations };
  for (const field of NUMBER_FIELDS) {
    const spec = toSpec(field);
    const raw = (form[field.name] ?? "").trim();
    values[field.name] = raw;
    const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
      fieldErrors[field.name] = [`Enter a whole number from ${spec.min} to ${spec.max} (${spec.unit}).`];
    } else if (field.group === "password") password[field.key] = value;
    else if (field.group === "otp") otp[field.key] = value;
    else invitations[field.key] = value;
  }
  const mode = form[SIGN_UP_MODE.name];
  values[SIGN_UP_MODE.name] = mode ?? "";
  if (!isSignUpMode(mode)) fieldErrors[SIGN_UP_MODE.name] = ["Choose open or by invitation only."];
  const patch = {
    signUp: { emailPassword: on("signUpEmailPassword"), mode: isSignUpMode(mode) ? mode : current.signUp.mode },
    signIn: { password: on("signInPassword"), emailCode: on("signInEmailCode") },
    forgotPassword: { emailCode: on("forgotPasswordEmailCode") },
    password,
    otp,
    invitations,
    mfa: { ...current.mfa, required: on("mfaRequired") },
    notifications: { ...current.notifications, identityChanges: on("notifyIdentityChanges") },
  };
  // With both off nobody could sign in, the admin who saved it included.
  if (!patch.signIn.password && !patch.signIn.emailCode) return { ok: false, formError: ONE_SIGN_IN_METHOD, fieldErrors, values };
  if (Object.keys(fieldErrors).length > 0) return { ok: false, formError: "Nothing was saved: check the highlighted fields.", fieldErrors, values };
  return { ok: true, patch, values };
}
