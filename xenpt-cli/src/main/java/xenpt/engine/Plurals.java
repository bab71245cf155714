package xenpt.engine;

/**
 * Counted nouns in the sentences of the engine and the command line: "1 change", "3 changes". The command line may
 * not import render, so this hands over to {@link xenpt.render.Plural}, the one place that counts.
 */
public final class Plurals {

    private Plurals() {}

    /** {@code n} and the noun that fits it: {@code count(1, "host", "hosts")} is {@code 1 host}. */
    public static String count(long n, String one, String many) {
        return xenpt.render.Plural.of(n, one, many);
    }
}
