import "server-only";
// RFC 3161 trusted timestamps: a timestamp authority (TIMESTAMP_AUTHORITY_URL) signs a capture's
// SHA-256 with its time, which proves the capture existed then. Only the hash leaves Dossier (the
// WARC holds unique record ids and dates, so nobody can guess it from the page). The token is
// kept (DER, base64) after checking that it is for this hash and this request, and that its
// signature verifies with the certificate it carries; whether that authority is trusted is for
// whoever relies on the proof (docs/storage.md explains how to check one with openssl).
import { createHash, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

const SHA256_OID = "2.16.840.1.101.3.4.2.1";
const TST_INFO_OID = "1.2.840.113549.1.9.16.1.4";

export interface Timestamp {
  /** The TimeStampToken (CMS SignedData), DER, base64. */
  token: string;
  genTime: Date;
  authority: string;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export function timestampRequest(sha256Hex: string, nonce: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(Buffer.from(sha256Hex, "hex")) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}

/** The TSTInfo inside a timestamp token, and the token's SignedData. */
export function readToken(token: Uint8Array): { tstInfo: pkijs.TSTInfo; signedData: pkijs.SignedData } {
  const asn1 = asn1js.fromBER(toArrayBuffer(token));
  if (asn1.offset === -1) throw new Error("The timestamp token is not DER.");
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.encapContentInfo.eContentType !== TST_INFO_OID || !signedData.encapContentInfo.eContent) throw new Error("The token holds no TSTInfo.");
  const inner = asn1js.fromBER(signedData.encapContentInfo.eContent.getValue());
  return { tstInfo: new pkijs.TSTInfo({ schema: inner.result }), signedData };
}

/** Checks that a token is for these bytes (and nonce, when given) and that its signature verifies. */
export async function verifyToken(token: Uint8Array, data: Uint8Array, nonce?: Uint8Array): Promise<Date> {
  const sha256Hex = createHash("sha256").update(data).digest("hex");
  const { tstInfo, signedData } = readToken(token);
  if (tstInfo.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) throw new Error("The token is not for a SHA-256 hash.");
  const imprint = Buffer.from(tstInfo.messageImprint.hashedMessage.getValue()).toString("hex");
  if (imprint !== sha256Hex) throw new Error("The token is for another hash.");
  if (nonce) {
    const got = tstInfo.nonce ? Buffer.from(tstInfo.nonce.valueBlock.valueHexView) : null;
    if (!got || Buffer.compare(stripZeros(got), stripZeros(Buffer.from(nonce))) !== 0) throw new Error("The token answers another request (nonce).");
  }
  const ok = await signedData.verify({ signer: 0, checkChain: false, extendedMode: false, data: toArrayBuffer(data) });
  if (!ok) throw new Error("The token's signature does not verify.");
  return tstInfo.genTime;
}

const stripZeros = (b: Buffer) => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};

/** Timestamps the SHA-256 of `data` (only the hash is sent). */
export async function requestTimestamp(authority: string, data: Uint8Array, deadline: number): Promise<Timestamp> {
  const sha256Hex = createHash("sha256").update(data).digest("hex");
  const nonce = randomBytes(8);
  nonce[0] = nonce[0]! & 0x7f; // a positive INTEGER
  const response = await fetch(authority, {
    method: "POST",
    headers: { "Content-Type": "application/timestamp-query", Accept: "application/timestamp-reply" },
    body: Buffer.from(timestampRequest(sha256Hex, nonce)),
    signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())),
  });
  if (!response.ok) throw new Error(`The timestamp authority answered ${response.status}.`);
  const body = new Uint8Array(await response.arrayBuffer());
  const asn1 = asn1js.fromBER(toArrayBuffer(body));
  if (asn1.offset === -1) throw new Error("The timestamp authority's answer is not a timestamp response.");
  const reply = new pkijs.TimeStampResp({ schema: asn1.result });
  const status = reply.status.status;
  if ((status !== 0 && status !== 1) || !reply.timeStampToken) {
    const text = reply.status.statusStrings?.map((s) => s.valueBlock.value).join(" ");
    throw new Error(`The timestamp authority refused the request (status ${status}${text ? `: ${text}` : ""}).`);
  }
  const token = new Uint8Array(reply.timeStampToken.toSchema().toBER(false));
  const genTime = await verifyToken(token, data, nonce);
  return { token: Buffer.from(token).toString("base64"), genTime, authority };
}
