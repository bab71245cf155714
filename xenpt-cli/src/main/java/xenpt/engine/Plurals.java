package xenpt.engine;

/**
 * Counted nouns in the sentences of the engine and the command line: "1 change", "3 changes". (The views in render
 * have their own; one helper for both is a later merge.)
 */
public final class Plurals {

    private Plurals() {}

    /** {@code n} and the noun that fits it: {@code count(1, "host", "hosts")} is {@code 1 host}. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
