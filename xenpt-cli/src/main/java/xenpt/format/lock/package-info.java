/**
 * The host lock {@code /var/lock/xenpt.lock} and its owner file: the paths, and the owner record with its one reader
 * and writer. Taking, checking and releasing the lock over SSH is {@code apply}'s.
 */
package xenpt.format.lock;
