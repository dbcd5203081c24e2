import type { ComponentType } from "react";
import AccountExistsNotice from "./account-exists-notice";
import BindMfaCode from "./bind-mfa-code";
import BindNewIdentifierCode from "./bind-new-identifier-code";
import CodeLockoutNotice from "./code-lockout-notice";
import type { EmailProps } from "./components/props";
import ForgotPasswordCode from "./forgot-password-code";
import GenericCode from "./generic-code";
import type { EmailKind } from "./kinds";
import MfaVerificationCode from "./mfa-verification-code";
import NoAccountNotice from "./no-account-notice";
import OrganizationInvitationCode from "./organization-invitation-code";
import RegisterCode from "./register-code";
import SignInCode from "./sign-in-code";
import UserPermissionValidationCode from "./user-permission-validation-code";

export { EMAIL_KINDS, NOTICE_KINDS, isNoticeKind, type EmailKind, type NoticeKind } from "./kinds";
export { LOCALES, DEFAULT_LOCALE, copyFor, isLocale, type Locale } from "./i18n";
export { PREVIEW_PROPS, type EmailProps, type ResolvedEmailProps } from "./components/props";
export { ACTION_CLASS } from "./components/actions";

/** The template for each kind of email. */
export const TEMPLATES: Record<EmailKind, ComponentType<EmailProps>> = {
  SignIn: SignInCode,
  Register: RegisterCode,
  ForgotPassword: ForgotPasswordCode,
  Generic: GenericCode,
  OrganizationInvitation: OrganizationInvitationCode,
  UserPermissionValidation: UserPermissionValidationCode,
  BindNewIdentifier: BindNewIdentifierCode,
  MfaVerification: MfaVerificationCode,
  BindMfa: BindMfaCode,
  AccountExistsNotice,
  NoAccountNotice,
  CodeLockoutNotice,
};
