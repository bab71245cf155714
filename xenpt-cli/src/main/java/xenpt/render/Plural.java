package xenpt.render;

/**
 * The one place where xenpt's output counts things: {@code 1 change}, {@code 3 changes}, {@code 1 host needs},
 * {@code 2 hosts need}. Every count sentence of every view goes through it, so that none says "1 hosts".
 */
public final class Plural {

    private Plural() {}

    /** {@code n} and the noun, with an {@code s} unless {@code n} is 1: {@code 1 error}, {@code 0 errors}. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and {@code one} when {@code n} is 1, else {@code many}: {@code 1 VM needs}, {@code 2 VMs need}. */
    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
