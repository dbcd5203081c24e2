import type { Copy, Vars } from "./types";

/** The support address when branding has one; the product's support desk otherwise. */
const support = (v: Vars) => (v.support ? `${v.support} ` : `${v.product} のサポート窓口`);

/** Which account at the provider, mid-sentence. */
const theirAccount = (v: Vars) => `${v.provider} のアカウント${v.account ? `「${v.account}」` : ""}`;
const whenAndWhere = (v: Vars) => `日時: ${v.when}。操作元: ${v.device}${v.ip ? `(IP アドレス ${v.ip})` : ""}。`;

const mfaAfter = () =>
  "お心当たりがない場合は、第三者がアカウントにアクセスしている可能性があります。パスワードを再設定し、2段階認証の設定を確認してください。";

export const ja: Copy = {
  lang: "ja",
  fontFamily: "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo, -apple-system, 'Segoe UI', Roboto, sans-serif",
  common: {
    expires: (n) => `このコードの有効期限は${n}分です。`,
    ignore: "お心当たりがない場合は、このメールを無視してください。どなたかが誤ってこのメールアドレスを入力した可能性があります。",
    questions: ["ご不明な点は ", " までお問い合わせください。"],
    sentBy: (sender, to) => `このメールは ${sender} から ${to} 宛てに送信されました。`,
    legal: { terms: "利用規約", privacy: "プライバシーポリシー" },
    orOpen: "ボタンが使えない場合は、次のリンクを開いてください:",
    links: { open: "開く", signIn: "サインイン", resetPassword: "パスワードを再設定", createAccount: "アカウントを作成", accountSecurity: "セキュリティ設定を開く", acceptInvitation: "招待を承諾する", accountConnections: "連携中のアカウントを開く" },
    factors: { email: "メールによる確認コード", totp: "認証アプリ", backup_codes: "バックアップコード" },
    roles: { owner: "オーナー", admin: "管理者", member: "メンバー" },
  },
  purposes: {
    SignIn: {
      subject: (v) => `${v.code} は ${v.product} のサインインコードです`,
      heading: () => "サインインコード",
      intro: (v) => `${v.product} にサインインするには、次のコードを入力してください。`,
    },
    Register: {
      subject: (v) => `${v.code} は ${v.product} のアカウント登録コードです`,
      heading: () => "メールアドレスを確認して、アカウントの作成を完了してください",
      intro: (v) => `次のコードを入力してメールアドレスを確認すると、${v.product} のアカウント作成が完了します。`,
    },
    ForgotPassword: {
      subject: (v) => `${v.code} は ${v.product} のパスワード再設定コードです`,
      heading: () => "パスワードの再設定",
      intro: (v) => `次のコードを入力して、${v.product} アカウントの新しいパスワードを設定してください。`,
      note: () => "新しいパスワードを設定するまでは、現在のパスワードをそのままお使いいただけます。",
    },
    Generic: {
      subject: (v) => `${v.code} は ${v.product} の確認コードです`,
      heading: () => "確認コード",
      intro: (v) => `${v.product} で次のコードを入力して、操作を続けてください。`,
    },
    OrganizationInvitation: {
      subject: (v) => `${v.code} は ${v.product} への招待コードです`,
      heading: (v) => `${v.product} に招待されました`,
      intro: () => "招待を承諾するには、次のコードを入力してください。",
      action: "招待を承諾する",
    },
    UserPermissionValidation: {
      subject: (v) => `${v.code} は ${v.product} の本人確認コードです`,
      heading: () => "ご本人確認のお願い",
      intro: (v) => `${v.product} アカウントの重要な設定を変更するには、ご本人確認が必要です。次のコードを入力してください。`,
    },
    BindNewIdentifier: {
      subject: (v) => `${v.code} は ${v.product} で新しいメールアドレスを確認するためのコードです`,
      heading: () => "新しいメールアドレスの確認",
      intro: (v) => `${v.to} を ${v.product} アカウントのメールアドレスとして使うには、次のコードを入力してください。`,
    },
    MfaVerification: {
      subject: (v) => `${v.code} は ${v.product} の2段階認証コードです`,
      heading: () => "2段階認証コード",
      intro: (v) => `${v.product} へのサインインを完了するには、次のコードを入力してください。`,
      note: () => "サインインしようとしていないのにこのメールが届いた場合は、パスワードが第三者に知られている可能性があります。できるだけ早くパスワードを変更してください。",
    },
    BindMfa: {
      subject: (v) => `${v.code} は ${v.product} の2段階認証を有効にするためのコードです`,
      heading: () => "メールによる2段階認証を有効にする",
      intro: (v) => `次のコードを入力すると、2段階認証が有効になります。以降、${v.product} にサインインする際には、このメールアドレスに届くコードの入力も必要になります。`,
    },
    LinkIdentity: {
      subject: (v) => `${v.code} は ${v.provider} を ${v.product} に連携するためのコードです`,
      heading: (v) => `${v.provider} をアカウントに連携`,
      intro: (v) => `${v.product} アカウントに ${v.provider} でのサインインを連携しようとしています。許可するには次のコードを入力してください。連携後は、その ${v.provider} アカウントであなたのアカウントにサインインできます。`,
      note: () => "お心当たりがない場合は、このメールを無視してください。コードがなければ何も連携されません。",
    },
  },
  notices: {
    AccountExistsNotice: {
      subject: (v) => `${v.product} のアカウントはすでに登録されています`,
      heading: () => "アカウントはすでに登録されています",
      body: [
        (v) => `どなたかがこのメールアドレスで ${v.product} のアカウントを作成しようとしましたが、このアドレスのアカウントはすでに存在します。`,
        () => "ご自身による操作の場合は、サインインするか、パスワードを再設定してください。",
      ],
      after: () => "お心当たりがない場合は、このメールを無視してください。アカウントには何の変更も加えられていません。",
    },
    EmailInUseNotice: {
      subject: (v) => `このメールアドレスは別の ${v.product} アカウントには使えません`,
      heading: () => "このメールアドレスはすでに使われています",
      body: [
        (v) => `どなたかが ${v.product} アカウントのメールアドレスを ${v.to} に変更しようとしましたが、このメールアドレスはすでに別のアカウントで使われているため、使用できません。何も変更されていません。`,
        () => "ご自身による操作の場合は、このメールアドレスでサインインするか、もう一方のアカウントには別のメールアドレスをお使いください。",
      ],
      after: () => "お心当たりがない場合は、このメールを無視してください。アカウントには何の変更も加えられていません。",
    },
    NoAccountNotice: {
      subject: (v) => `このメールアドレスの ${v.product} アカウントはありません`,
      heading: () => "このメールアドレスのアカウントはありません",
      body: [
        (v) => `どなたかが ${v.to} 宛てに ${v.product} のコードをリクエストしましたが、このメールアドレスで登録されたアカウントはありません。`,
        () => "新しくアカウントを作成する場合は、次のボタンから登録できます。",
      ],
      after: () => "お心当たりがない場合は、このメールを無視してください。どなたかが誤ってこのメールアドレスを入力した可能性があります。",
    },
    CodeLockoutNotice: {
      subject: (v) => `${v.product} のコードによるサインインを${v.minutes}分間停止しました`,
      heading: () => "誤ったコードが何度も入力されました",
      body: [
        (v) => `${v.product} アカウントで誤ったコードが何度も入力されたため、コードによるサインインを${v.minutes}分間停止しています。`,
        () => "ご自身による操作の場合は、しばらく待ってからもう一度お試しください。",
        whenAndWhere,
      ],
      after: () => "お心当たりがない場合は、第三者がアカウントへのアクセスを試みている可能性があります。パスワードの変更をご検討ください。",
    },
    ConnectorTest: {
      subject: (v) => `${v.product} のテストメール（${v.provider} 経由）`,
      heading: () => "メールコネクタは正常に動作しています",
      body: [
        (v) => `これは ${v.product} から ${v.provider} 経由で送信されたテストメールです。`,
        () => "このメールが読めていれば、メールコネクタは正しく設定されており、サインインコードもユーザーに届きます。",
      ],
      after: (v) => `${v.product} の管理者がこのアドレス宛てにテストメールを送信したため、このメールが届いています。`,
    },
    PasswordChanged: {
      subject: (v) => `${v.product} のパスワードが変更されました`,
      heading: () => "パスワードが変更されました",
      body: [
        (v) => `${v.product} アカウントのパスワードが変更されました。`,
        () => "安全のため、ほかのすべての端末とブラウザからサインアウトしました。",
        whenAndWhere,
      ],
      after: (v) => `お心当たりがない場合は、今すぐパスワードを再設定し、${support(v)}までご連絡ください。`,
    },
    EmailChanged: {
      subject: (v) => `${v.product} アカウントのメールアドレスが変更されました`,
      heading: () => "メールアドレスが変更されました",
      body: [
        (v) => `${v.product} アカウントのメールアドレスが ${v.newEmail} に変更されました。`,
        () => "今後はこのメールアドレスではサインインできません。アカウントに関するお知らせは、新しいメールアドレスに届きます。",
        whenAndWhere,
      ],
      after: (v) => `お心当たりがない場合は、第三者がアカウントにアクセスしている可能性があります。すぐに ${support(v)}までご連絡ください。`,
    },
    MfaFactorAdded: {
      subject: (v) => `${v.product} アカウントに2段階認証の方法が追加されました`,
      heading: () => "2段階認証の方法が追加されました",
      body: [(v) => `${v.product} アカウントの2段階認証で、${v.factor}が使えるようになりました。`, whenAndWhere],
      after: mfaAfter,
    },
    MfaFactorRemoved: {
      subject: (v) => `${v.product} アカウントから2段階認証の方法が削除されました`,
      heading: () => "2段階認証の方法が削除されました",
      body: [(v) => `${v.product} アカウントの2段階認証で、${v.factor}が使えなくなりました。`, whenAndWhere],
      after: mfaAfter,
    },
    BackupCodesRegenerated: {
      subject: (v) => `${v.product} アカウントのバックアップコードが再発行されました`,
      heading: () => "バックアップコードが再発行されました",
      body: [
        (v) => `${v.product} アカウントの新しいバックアップコードが発行されました。`,
        () => "以前のバックアップコードは使えなくなりました。新しいコードは安全な場所に保管してください。",
        whenAndWhere,
      ],
      after: mfaAfter,
    },
    MfaLockoutNotice: {
      subject: (v) => `${v.product} の2段階認証によるサインインを${v.minutes}分間停止しました`,
      heading: () => "誤った確認コードが何度も入力されました",
      body: [
        (v) => `${v.product} アカウントで2段階認証の確認コードが何度も誤って入力されたため、2段階認証によるサインインを${v.minutes}分間停止しています。`,
        () => "ご自身による操作の場合は、しばらく待ってからもう一度お試しください。",
        whenAndWhere,
      ],
      after: () => "お心当たりがない場合は、パスワードが第三者に知られています。すぐにパスワードを変更してください。",
    },
    OrganizationInvitationNotice: {
      subject: (v) => `${v.inviter} さんから ${v.product} の ${v.organization} への招待が届いています`,
      heading: (v) => `${v.product} の ${v.organization} に参加する`,
      body: [
        (v) => `${v.inviter} さんが、${v.product} の ${v.organization} に${v.role}としてあなたを招待しました。`,
        (v) => `この招待の有効期限は${v.days}日です。リンクは一度だけ、このメールアドレスでのみ使えます。`,
      ],
      after: () => "お心当たりがない場合は、このメールを無視してください。招待を承諾しない限り、何も起こりません。",
    },
    IdentityLinked: {
      subject: (v) => `${v.product} アカウントに ${v.provider} でのサインインが追加されました`,
      heading: (v) => `${v.provider} が連携されました`,
      body: [(v) => `${theirAccount(v)}で、${v.product} アカウントにサインインできるようになりました。`, whenAndWhere],
      after: (v) => `お心当たりがない場合は、アカウントから ${v.provider} の連携を解除し、パスワードを変更して、${support(v)}までご連絡ください。`,
    },
    IdentityUnlinked: {
      subject: (v) => `${v.product} アカウントから ${v.provider} でのサインインが削除されました`,
      heading: (v) => `${v.provider} の連携が解除されました`,
      body: [(v) => `${theirAccount(v)}では、${v.product} アカウントにサインインできなくなりました。`, whenAndWhere],
      after: (v) => `お心当たりがない場合は、第三者がアカウントにアクセスしている可能性があります。パスワードを変更し、連携中のアカウントを確認して、${support(v)}までご連絡ください。`,
    },
  },
};
