// A real RFC 3161 timestamp authority, started by the test on localhost: its own key and
// self-signed certificate (extended key usage: time stamping), answering timestamp queries with
// tokens signed by pkijs. `mode` makes it misbehave, to check that Dossier refuses bad tokens.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export interface FakeTsa {
  url: string;
  requests: number;
  mode: "ok" | "wrong-hash" | "refuse";
  certificate: pkijs.Certificate;
  close: () => Promise<void>;
}

const ab = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

export async function startFakeTsa(): Promise<FakeTsa> {
  const crypto = pkijs.getCrypto(true);
  const keys = (await crypto.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: 1 });
  const name = new pkijs.AttributeTypeAndValue({ type: "2.5.4.3", value: new asn1js.Utf8String({ value: "Dossier test TSA" }) });
  certificate.issuer.typesAndValues.push(name);
  certificate.subject.typesAndValues.push(name);
  certificate.notBefore.value = new Date(Date.now() - 86_400_000);
  certificate.notAfter.value = new Date(Date.now() + 86_400_000 * 365);
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: ["1.3.6.1.5.5.7.3.8"] });
  certificate.extensions = [new pkijs.Extension({ extnID: "2.5.29.37", critical: true, extnValue: eku.toSchema().toBER(false), parsedValue: eku })];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(keys.privateKey, "SHA-256");

  let serial = 1;
  const tsa: FakeTsa = { url: "", requests: 0, mode: "ok", certificate, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      tsa.requests++;
      const query = new pkijs.TimeStampReq({ schema: asn1js.fromBER(ab(new Uint8Array(Buffer.concat(chunks)))).result });
      res.setHeader("Content-Type", "application/timestamp-reply");
      if (tsa.mode === "refuse") {
        const refusal = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2, statusStrings: [new asn1js.Utf8String({ value: "badRequest" })] }) });
        return res.end(Buffer.from(refusal.toSchema().toBER(false)));
      }
      const imprint =
        tsa.mode === "wrong-hash"
          ? new pkijs.MessageImprint({ hashAlgorithm: query.messageImprint.hashAlgorithm, hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(7).buffer }) })
          : query.messageImprint;
      const tstInfo = new pkijs.TSTInfo({
        version: 1,
        policy: "1.3.6.1.4.1.99999.1",
        messageImprint: imprint,
        serialNumber: new asn1js.Integer({ value: serial++ }),
        genTime: new Date(),
        nonce: query.nonce,
      });
      const signed = new pkijs.SignedData({
        version: 3,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: "1.2.840.113549.1.9.16.1.4", eContent: new asn1js.OctetString({ valueHex: tstInfo.toSchema().toBER(false) }) }),
        signerInfos: [new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }) })],
        certificates: [certificate],
      });
      await signed.sign(keys.privateKey, 0, "SHA-256");
      const reply = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: 0 }),
        timeStampToken: new pkijs.ContentInfo({ contentType: "1.2.840.113549.1.7.2", content: signed.toSchema(true) }),
      });
      res.end(Buffer.from(reply.toSchema().toBER(false)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  tsa.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return tsa;
}
