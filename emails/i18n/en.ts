import type { Copy, Vars } from "./types";

const minutes = (n: number) => `${n} minute${n === 1 ? "" : "s"}`;

/** The support address when branding has one; the product's support otherwise. */
const contactSupport = (v: Vars) => (v.support ? `contact support at ${v.support}` : `contact ${v.product} support`);

/** Which account at the provider, as the start of a sentence. */
const theirAccount = (v: Vars) => (v.account ? `The ${v.provider} account ${v.account}` : `A ${v.provider} account`);
const whenAndWhere = (v: Vars) => `When: ${v.when}. From: ${v.device}${v.ip ? `, IP address ${v.ip}` : ""}.`;

const mfaAfter = () =>
  "If you didn't make this change, someone else may have access to your account. Reset your password and check your two-step verification methods.";

export const en: Copy = {
  lang: "en",
  fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  common: {
    expires: (n) => `This code expires in ${minutes(n)}.`,
    ignore: "Didn't ask for this? You can ignore this email; someone may have typed your address by mistake.",
    questions: ["Questions? Write to ", "."],
    sentBy: (sender, to) => `${sender} sent this email to ${to}.`,
    legal: { terms: "Terms of service", privacy: "Privacy policy" },
    orOpen: "Or open this link:",
    links: { open: "Open", signIn: "Sign in", resetPassword: "Reset your password", createAccount: "Create an account", accountSecurity: "Open security settings", acceptInvitation: "Accept invitation", accountConnections: "Open connected accounts" },
    factors: { email: "email codes", totp: "an authenticator app", backup_codes: "backup codes" },
    roles: { owner: "an owner", admin: "an admin", member: "a member" },
  },
  purposes: {
    SignIn: {
      subject: (v) => `${v.code} is your ${v.product} sign-in code`,
      heading: () => "Your sign-in code",
      intro: (v) => `Enter this code to sign in to ${v.product}.`,
    },
    Register: {
      subject: (v) => `${v.code} is your ${v.product} sign-up code`,
      heading: () => "Confirm your email to finish creating your account",
      intro: (v) => `Enter this code to confirm this address and finish creating your ${v.product} account.`,
    },
    ForgotPassword: {
      subject: (v) => `${v.code} is your ${v.product} password reset code`,
      heading: () => "Reset your password",
      intro: (v) => `Enter this code to choose a new password for your ${v.product} account.`,
      note: () => "Your current password keeps working until you set a new one.",
    },
    Generic: {
      subject: (v) => `${v.code} is your ${v.product} verification code`,
      heading: () => "Your verification code",
      intro: (v) => `Enter this code in ${v.product} to continue.`,
    },
    OrganizationInvitation: {
      subject: (v) => `${v.code} is your ${v.product} invitation code`,
      heading: (v) => `You've been invited to join ${v.product}`,
      intro: () => "Enter this code to accept the invitation.",
      action: "Accept the invitation",
    },
    UserPermissionValidation: {
      subject: (v) => `${v.code} is your ${v.product} confirmation code`,
      heading: () => "Confirm it's you",
      intro: (v) => `You're about to make a sensitive change to your ${v.product} account. Enter this code to confirm it's you.`,
    },
    BindNewIdentifier: {
      subject: (v) => `${v.code} is the code to confirm your new ${v.product} email address`,
      heading: () => "Confirm your new email address",
      intro: (v) => `Enter this code to start using ${v.to} with your ${v.product} account.`,
    },
    MfaVerification: {
      subject: (v) => `${v.code} is your ${v.product} two-step verification code`,
      heading: () => "Your two-step verification code",
      intro: (v) => `Enter this code to finish signing in to ${v.product}.`,
      note: () => "If you aren't signing in right now, someone may know your password. Change it as soon as you can.",
    },
    BindMfa: {
      subject: (v) => `${v.code} is your code to turn on ${v.product} two-step verification`,
      heading: () => "Turn on email two-step verification",
      intro: (v) => `Enter this code to turn on two-step verification. From then on, signing in to ${v.product} will also ask for a code sent to this address.`,
    },
    LinkIdentity: {
      subject: (v) => `${v.code} is your code to connect ${v.provider} to ${v.product}`,
      heading: (v) => `Connect ${v.provider} to your account`,
      intro: (v) => `Someone is connecting a ${v.provider} sign-in to your ${v.product} account. Enter this code to allow it; from then on, that ${v.provider} account can sign in to yours.`,
      note: () => "If this wasn't you, ignore this email: nothing is connected without the code.",
    },
  },
  notices: {
    AccountExistsNotice: {
      subject: (v) => `You already have an account with ${v.product}`,
      heading: () => "You already have an account",
      body: [
        (v) => `Someone tried to create an account with ${v.product} using this address, but you already have one.`,
        () => "If that was you, sign in or reset your password.",
      ],
      after: () => "If it wasn't you, you can ignore this email; nothing about your account has changed.",
    },
    EmailInUseNotice: {
      subject: (v) => `This address can't be added to another ${v.product} account`,
      heading: () => "This address is already in use",
      body: [
        (v) => `Someone asked to change the email address of a ${v.product} account to ${v.to}. This address already belongs to an account, so it can't be used for another one, and nothing was changed.`,
        () => "If that was you, sign in with this address, or choose a different address for the other account.",
      ],
      after: () => "If it wasn't you, you can ignore this email; nothing about your account has changed.",
    },
    NoAccountNotice: {
      subject: (v) => `There's no ${v.product} account for this address`,
      heading: () => "There's no account for this address",
      body: [
        (v) => `Someone asked ${v.product} for a code for ${v.to}, but there is no account with this address.`,
        () => "If you'd like one, you can create an account.",
      ],
      after: () => "If it wasn't you, you can ignore this email; someone may have typed your address by mistake.",
    },
    CodeLockoutNotice: {
      subject: (v) => `Code sign-in to ${v.product} is paused for ${minutes(v.minutes)}`,
      heading: () => "Too many wrong codes",
      body: [
        (v) => `Too many wrong codes were entered for your ${v.product} account, so code sign-in is paused for ${minutes(v.minutes)}.`,
        () => "If that was you, wait a little and try again.",
        whenAndWhere,
      ],
      after: () => "If it wasn't you, someone may be trying to get into your account. Consider changing your password.",
    },
    ConnectorTest: {
      subject: (v) => `Test email from ${v.product} via ${v.provider}`,
      heading: () => "Your email connector works",
      body: [
        (v) => `This is a test email from ${v.product}, sent through ${v.provider}.`,
        () => "If you can read this, the email connector is set up correctly and sign-in codes will reach your users.",
      ],
      after: (v) => `You received this because an administrator of ${v.product} sent a test to this address.`,
    },
    PasswordChanged: {
      subject: (v) => `Your ${v.product} password was changed`,
      heading: () => "Your password was changed",
      body: [
        (v) => `The password for your ${v.product} account was changed.`,
        () => "To keep your account safe, you've been signed out on all other devices and browsers.",
        whenAndWhere,
      ],
      after: (v) => `If this wasn't you, reset your password now and ${contactSupport(v)}.`,
    },
    EmailChanged: {
      subject: (v) => `Your ${v.product} email address was changed`,
      heading: () => "Your email address was changed",
      body: [
        (v) => `The email address for your ${v.product} account was changed to ${v.newEmail}.`,
        () => "You can no longer sign in with this address, and emails about your account will now go to the new one.",
        whenAndWhere,
      ],
      after: (v) => `If you didn't make this change, ${contactSupport(v)} right away: someone else may have access to your account.`,
    },
    MfaFactorAdded: {
      subject: (v) => `A two-step verification method was added to your ${v.product} account`,
      heading: () => "Two-step verification method added",
      body: [(v) => `Your ${v.product} account can now use ${v.factor} for two-step verification.`, whenAndWhere],
      after: mfaAfter,
    },
    MfaFactorRemoved: {
      subject: (v) => `A two-step verification method was removed from your ${v.product} account`,
      heading: () => "Two-step verification method removed",
      body: [(v) => `Your ${v.product} account can no longer use ${v.factor} for two-step verification.`, whenAndWhere],
      after: mfaAfter,
    },
    BackupCodesRegenerated: {
      subject: (v) => `New backup codes were generated for your ${v.product} account`,
      heading: () => "New backup codes generated",
      body: [
        (v) => `New backup codes were generated for your ${v.product} account.`,
        () => "Your old backup codes no longer work. Keep the new ones somewhere safe.",
        whenAndWhere,
      ],
      after: mfaAfter,
    },
    MfaLockoutNotice: {
      subject: (v) => `Two-step sign-in to ${v.product} is paused for ${minutes(v.minutes)}`,
      heading: () => "Too many wrong verification codes",
      body: [
        (v) =>
          `Too many wrong two-step verification codes were entered for your ${v.product} account, so two-step sign-in is paused for ${minutes(v.minutes)}.`,
        () => "If that was you, wait a little and try again.",
        whenAndWhere,
      ],
      after: () => "If it wasn't you, someone else knows your password. Change it right away.",
    },
    OrganizationInvitationNotice: {
      subject: (v) => `${v.inviter} invited you to join ${v.organization} on ${v.product}`,
      heading: (v) => `Join ${v.organization} on ${v.product}`,
      body: [
        (v) => `${v.inviter} invited you to join ${v.organization} on ${v.product} as ${v.role}.`,
        (v) => `This invitation expires in ${v.days} day${v.days === 1 ? "" : "s"}. The link works once, and only for this email address.`,
      ],
      after: () => "If you weren't expecting this invitation, you can ignore this email; nothing happens unless you accept it.",
    },
    IdentityLinked: {
      subject: (v) => `${v.provider} sign-in was connected to your ${v.product} account`,
      heading: (v) => `${v.provider} connected`,
      body: [(v) => `${theirAccount(v)} can now sign in to your ${v.product} account.`, whenAndWhere],
      after: (v) => `If this wasn't you, disconnect ${v.provider} from your account, change your password, and ${contactSupport(v)}.`,
    },
    IdentityUnlinked: {
      subject: (v) => `${v.provider} sign-in was disconnected from your ${v.product} account`,
      heading: (v) => `${v.provider} disconnected`,
      body: [(v) => `${theirAccount(v)} can no longer sign in to your ${v.product} account.`, whenAndWhere],
      after: (v) => `If this wasn't you, someone else may have access to your account. Change your password, check your connected accounts, and ${contactSupport(v)}.`,
    },
  },
};
