import type { ComponentType } from "react";
import AccountExistsNotice from "./account-exists-notice";
import BackupCodesRegenerated from "./backup-codes-regenerated";
import BindMfaCode from "./bind-mfa-code";
import BindNewIdentifierCode from "./bind-new-identifier-code";
import CodeLockoutNotice from "./code-lockout-notice";
import type { EmailProps } from "./components/props";
import ConnectorTest from "./connector-test";
import EmailChanged from "./email-changed";
import EmailInUseNotice from "./email-in-use-notice";
import ForgotPasswordCode from "./forgot-password-code";
import GenericCode from "./generic-code";
import IdentityLinked from "./identity-linked";
import IdentityUnlinked from "./identity-unlinked";
import LinkIdentityCode from "./link-identity-code";
import type { EmailKind } from "./kinds";
import MfaFactorAdded from "./mfa-factor-added";
import MfaFactorRemoved from "./mfa-factor-removed";
import MfaLockoutNotice from "./mfa-lockout-notice";
import MfaVerificationCode from "./mfa-verification-code";
import NoAccountNotice from "./no-account-notice";
import OrganizationInvitationCode from "./organization-invitation-code";
import OrganizationInvitationNotice from "./organization-invitation-notice";
import PasswordChanged from "./password-changed";
import RegisterCode from "./register-code";
import SignInCode from "./sign-in-code";
import UserPermissionValidationCode from "./user-permission-validation-code";

export {
  EMAIL_KINDS,
  MFA_FACTORS,
  NOTICE_KINDS,
  isMfaFactor,
  isNoticeKind,
  isSecurityNotice,
  SECURITY_NOTICES,
  type EmailKind,
  type MfaFactor,
  type NoticeKind,
} from "./kinds";
export { LOCALES, DEFAULT_LOCALE, copyFor, isLocale, type Locale } from "./i18n";
export { PREVIEW_PROPS, type EmailProps, type ResolvedEmailProps } from "./components/props";
export { ACTION_CLASS } from "./components/actions";
export { maskEmail } from "./components/mask-email";
export { varsFor } from "./components/vars";
export {
  TEMPLATE_VARIABLES,
  VARIABLE,
  defaultTemplateText,
  fillTemplate,
  variableValues,
  variablesFor,
  type TemplateText,
  type TemplateVariable,
} from "./template-text";

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
  LinkIdentity: LinkIdentityCode,
  AccountExistsNotice,
  NoAccountNotice,
  EmailInUseNotice,
  CodeLockoutNotice,
  ConnectorTest,
  PasswordChanged,
  EmailChanged,
  MfaFactorAdded,
  MfaFactorRemoved,
  BackupCodesRegenerated,
  MfaLockoutNotice,
  OrganizationInvitationNotice,
  IdentityLinked,
  IdentityUnlinked,
};
