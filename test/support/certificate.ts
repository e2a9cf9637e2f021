import { generate } from 'selfsigned';

/** A key and a self-signed certificate for 127.0.0.1 and localhost; the certificate is its own CA. */
export interface LocalCertificate {
  readonly key: string;
  readonly cert: string;
}

let made: Promise<LocalCertificate> | undefined;

/** Made once per test process, in memory: nothing is written to disk, nothing is checked in. */
export function localCertificate(): Promise<LocalCertificate> {
  made ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return made;
}
