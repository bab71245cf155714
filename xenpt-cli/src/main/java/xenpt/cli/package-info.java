/**
 * The command line: one thin picocli class per command, the shared options, the exit-code convention and
 * {@link xenpt.cli.Main}, which takes its output streams so tests run commands in-process. A command checks its
 * options, makes one call into {@code engine} (load → observe → plan → apply) and prints what it gets back through
 * {@link xenpt.render.Views}; it holds no workflow of its own beyond wiring, messages about its options, and exit
 * codes. Nothing else depends on this package.
 */
package xenpt.cli;
