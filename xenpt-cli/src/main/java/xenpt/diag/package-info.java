/**
 * Diagnostics: a finding with a severity, a {@code file:line:col} location when it comes from a file, what is wrong
 * and what is expected. Every package reports user mistakes and host problems as these values, collected and
 * reported together, rather than as exceptions; the CLI renders them. Beside them, what every view needs to show
 * text that xenpt did not write: {@link xenpt.diag.ControlChars} (the one escaper), {@link xenpt.diag.Secrets}
 * (masked source lines) and {@link xenpt.diag.LocalFiles} (user files opened only when regular, read with a bound).
 * This package depends on nothing.
 */
package xenpt.diag;
