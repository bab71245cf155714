/**
 * The SSH implementation of {@link xenpt.transport.HostSession} on sshj, the only package that imports sshj: one
 * connection per host, one session channel per command (several at once), one reused SFTP subsystem for files,
 * host keys checked against a pinned fingerprint or an OpenSSH known_hosts file, users authenticated by key file,
 * ssh-agent (a minimal agent client of its own over the agent's Unix socket) or password. Every sshj failure leaves this
 * package as a {@link xenpt.transport.TransportException} naming the host and the operation.
 */
package xenpt.transport.ssh;
