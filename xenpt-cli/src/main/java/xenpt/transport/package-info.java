/**
 * Talking to hosts: {@link xenpt.transport.HostSession} runs {@link xenpt.transport.Command}s (argument vectors,
 * always shell-quoted) and reads and writes files. {@code transport.ssh} implements it on sshj with verified host
 * keys; it is the only package that imports sshj. Failures are wrapped once here, with host and operation.
 */
package xenpt.transport;
