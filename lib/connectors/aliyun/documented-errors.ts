import type { DocumentedError } from "../test-helpers";

/**
 * Aliyun DirectMail SingleSendMail error answers:
 * - DM_CODES: DirectMail's error code table (alibabacloud.com/help/en/direct-mail/
 *   api-dm-2015-11-23-errorcodes, and the SingleSendMail page's "Error codes"): HTTP status, Code, Message.
 * - POP_CODES: the common errors every Alibaba Cloud RPC API answers (signature, AccessKey, time
 *   stamp, flow control, service availability).
 * - The body is the RPC error JSON: `{ RequestId, HostId, Code, Message, Recommend }`.
 */
const DM_CODES = "Aliyun DirectMail error code table";
const POP_CODES = "Alibaba Cloud common (POP) error codes";

const dm = (status: number, Code: string, Message: string) => ({
  status,
  body: { RequestId: "6B3D0F11-2B29-5BAE-A1F6-2D5C1E0E7A10", HostId: "dm.aliyuncs.com", Code, Message, Recommend: `https://api.aliyun.com/troubleshoot?q=${Code}&product=Dm` },
});

export const aliyunDocumentedErrors: DocumentedError[] = [
  { name: "InvalidToAddress", source: DM_CODES, reply: dm(400, "InvalidToAddress", "The specified toAddress is wrongly formed."), expected: { code: "rejected_recipient" } },
  { name: "InvalidToAddress.Spam", source: DM_CODES, reply: dm(400, "InvalidToAddress.Spam", "Sendmail rejected by invalid address."), expected: { code: "rejected_recipient" } },
  { name: "InvalidMailAddress.NotFound", source: DM_CODES, reply: dm(404, "InvalidMailAddress.NotFound", "The specified mailAddress does not exist."), expected: { code: "invalid_config", says: /sender address/ } },
  { name: "InvalidMailAddressStatus.Malformed", source: DM_CODES, reply: dm(400, "InvalidMailAddressStatus.Malformed", "The specified mailAddress status is wrongly formed."), expected: { code: "invalid_config" } },
  { name: "InvalidMailAddressDomain.Malformed", source: DM_CODES, reply: dm(400, "InvalidMailAddressDomain.Malformed", "The specified mailAddress domain does not exist."), expected: { code: "invalid_config" } },
  { name: "InvalidSendMail.Spam", source: DM_CODES, reply: dm(400, "InvalidSendMail.Spam", "Sendmail rejected by spam filter."), expected: { code: "invalid_config" } },
  { name: "InvalidFromAlias.Malformed", source: DM_CODES, reply: dm(400, "InvalidFromAlias.Malformed", "The specified fromAlias is wrongly formed."), expected: { code: "invalid_config" } },
  { name: "InvalidSubject.Malformed", source: DM_CODES, reply: dm(400, "InvalidSubject.Malformed", "The specified subject is wrongly formed."), expected: { code: "provider_error" } },
  { name: "InvalidBody", source: DM_CODES, reply: dm(400, "InvalidBody", "The specified textBody or htmlBody is wrongly formed."), expected: { code: "provider_error" } },
  { name: "InvalidAccessKeyId.NotFound", source: POP_CODES, reply: dm(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."), expected: { code: "auth_failed" } },
  { name: "SignatureDoesNotMatch", source: POP_CODES, reply: dm(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation."), expected: { code: "auth_failed" } },
  { name: "InvalidTimeStamp.Expired", source: POP_CODES, reply: dm(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."), expected: { code: "auth_failed", says: /clock/ } },
  { name: "Throttling.User", source: POP_CODES, reply: dm(400, "Throttling.User", "Request was denied due to user flow control."), expected: { code: "rate_limited" } },
  { name: "ServiceUnavailable", source: POP_CODES, reply: dm(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."), expected: { code: "transient" } },
];
