/**
 * The command line: one thin picocli class per command, the shared options, the exit-code convention and
 * {@link xenpt.cli.Main}, which takes its output streams so tests run commands in-process. Commands load, observe,
 * plan and render by calling the other packages; they hold no logic of their own beyond wiring and exit codes.
 */
package xenpt.cli;
