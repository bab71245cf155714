/**
 * The desired state as kept in git (SPEC §7): reading the desired-state files of {@code -f PATH} at a git ref
 * without touching the working tree, and the HEAD commit of an unmodified working tree. The only package that
 * imports jgit; it hands {@link xenpt.desired.SourceFile}s to the ordinary loader, so a file read from git is
 * checked exactly like one read from disk.
 */
package xenpt.desired.git;
