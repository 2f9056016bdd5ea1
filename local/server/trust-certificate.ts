import { getCACertificates, setDefaultCACertificates } from 'node:tls';

/**
 * Clients in this thread (the local functions calling the API over HTTPS) trust the certificate as
 * NODE_EXTRA_CA_CERTS would make them: it joins Node's default CA certificates, which fetch and WebSocket read.
 */
export function trustInThisThread(cert: string): void {
  const current = getCACertificates('default');
  if (!current.some((pem) => pem.trim() === cert.trim())) setDefaultCACertificates([...current, cert]);
}
