package xenpt.observed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import xenpt.transport.Command;

/**
 * A batch of reads as one fixed POSIX {@code sh} script sent as one exec (docs/observation-commands.md): a fixed
 * read of {@link Reads#FIXED} becomes a section of its own in the script text; a read with a uuid matches one of
 * the {@link Reads#TEMPLATES} and becomes a request line on stdin ({@code <kind> <uuid>}) that a
 * {@code while read} loop answers with the template's fixed words, the uuid only ever expanded inside double quotes.
 * The script's text therefore depends only on which fixed reads are asked and on the templates, never on a value.
 *
 * <p>An observation runs as one {@link #conversation} on one channel: round 1's fixed sections, then a marker, then the
 * request loop, whose requests (round 2, decided from round 1's answers) xenpt writes only once it has read the
 * marker on both streams; it then closes stdin, which ends the loop.
 *
 * <p>The first stdin line is a per-run secret (a nonce from xenpt's {@code SecureRandom}); after each section the
 * script prints {@code \n<nonce> <exit status>} on stdout and {@code \n<nonce>} on stderr. No host output can
 * forge a section boundary: the nonce is chosen after the host's data was written, is never on a command line (only
 * the shell's builtins {@code read} and {@code echo} see it), and every command's stdin is {@code /dev/null}.
 */
final class ReadScript {

    /** A round-2 read: fixed words with one {@value #SLOT} in one word, requested as {@code <kind> <uuid>}. */
    record Template(String kind, List<String> words) {
        Template {
            words = List.copyOf(words);
            if (!kind.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("bad template kind: " + kind);
            if (words.stream().filter(w -> w.contains(SLOT)).count() != 1) {
                throw new IllegalArgumentException("a template has exactly one " + SLOT + ": " + words);
            }
        }

        static Template of(String kind, String... words) {
            return new Template(kind, List.of(words));
        }

        /** The command for one uuid (validated). */
        Command command(String uuid) {
            if (!UUID.matcher(uuid).matches()) throw new IllegalArgumentException("not a uuid: " + uuid);
            return new Command(words.stream().map(w -> w.replace(SLOT, uuid)).toList());
        }

        /** The uuid of {@code c} when it is this template's command for a valid uuid. */
        Optional<String> match(Command c) {
            if (c.argv().size() != words.size() || !c.stdin().isEmpty()) return Optional.empty();
            String uuid = null;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                String a = c.argv().get(i);
                if (!w.contains(SLOT)) {
                    if (!w.equals(a)) return Optional.empty();
                    continue;
                }
                String prefix = w.substring(0, w.indexOf(SLOT));
                String suffix = w.substring(w.indexOf(SLOT) + SLOT.length());
                if (!a.startsWith(prefix) || !a.endsWith(suffix) || a.length() < prefix.length() + suffix.length()) {
                    return Optional.empty();
                }
                uuid = a.substring(prefix.length(), a.length() - suffix.length());
            }
            return uuid != null && UUID.matcher(uuid).matches() ? Optional.of(uuid) : Optional.empty();
        }

        /** The template's command line in the script, {@code $u} standing for the uuid. */
        String scriptLine() {
            List<String> out = new ArrayList<>();
            for (String w : words) {
                int at = w.indexOf(SLOT);
                if (at < 0) {
                    out.add(Command.quote(w));
                } else {
                    String prefix = w.substring(0, at);
                    String suffix = w.substring(at + SLOT.length());
                    out.add((prefix.isEmpty() ? "" : Command.quote(prefix)) + "\"$u\""
                            + (suffix.isEmpty() ? "" : Command.quote(suffix)));
                }
            }
            return String.join(" ", out);
        }
    }

    static final String SLOT = "{uuid}";
    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** One read of the batch, in the order of the script's sections. */
    record Section(Command read, Optional<String> request) {}

    private final List<Section> sections;
    private final List<Template> templates;
    /** Round 1 of a conversation: the sections, the {@link #marker}, then the request loop for round 2. */
    private final boolean conversation;

    private ReadScript(List<Section> sections, List<Template> templates, boolean conversation) {
        this.sections = List.copyOf(sections);
        this.templates = templates;
        this.conversation = conversation;
    }

    /**
     * Round 1 of a two-round conversation on one channel ({@code HostSession.converse}): the fixed reads
     * {@code roundOne} as sections, then the {@link #marker} on stdout and on stderr, then the request loop that
     * answers round 2's requests ({@link #requests} of a batch of template reads) as they come on stdin, until EOF.
     *
     * @throws IllegalArgumentException for a read of {@code roundOne} that is not a fixed read
     */
    static ReadScript conversation(Collection<Command> roundOne, Set<Command> fixed, List<Template> templates) {
        ReadScript one = of(roundOne, fixed, templates);
        if (one.sections.stream().anyMatch(s -> s.request().isPresent())) {
            throw new IllegalArgumentException("round 1 of a conversation has fixed reads only: " + roundOne);
        }
        return new ReadScript(one.sections, templates, true);
    }

    /** The end of round 1 on both streams: {@code \n<nonce> round2\n}, printed once all its sections ended. */
    static String marker(String nonce) {
        return "\n" + nonce + " " + ROUND_TWO + "\n";
    }

    /**
     * The batch for {@code reads} (duplicates once): fixed reads first in the order given, then the requests.
     *
     * @throws IllegalArgumentException for a read that is neither a fixed read nor a template's: such a read would
     *     put a value into the script text, which this class exists to prevent
     */
    static ReadScript of(Collection<Command> reads, Set<Command> fixed, List<Template> templates) {
        List<Section> inline = new ArrayList<>();
        List<Section> requested = new ArrayList<>();
        for (Command c : new LinkedHashSet<>(reads)) {
            if (fixed.contains(c)) {
                inline.add(new Section(c, Optional.empty()));
                continue;
            }
            Optional<String> line = templates.stream()
                    .flatMap(t -> t.match(c).map(u -> t.kind() + " " + u).stream()).findFirst();
            if (line.isEmpty()) {
                throw new IllegalArgumentException("not a fixed read (Reads.FIXED) nor a read template (Reads.TEMPLATES): " + c);
            }
            requested.add(new Section(c, line));
        }
        inline.addAll(requested);
        return new ReadScript(inline, templates, false);
    }

    List<Section> sections() {
        return sections;
    }

    /**
     * The exec for this batch: {@code sh -c <script>} with the nonce and the request lines on stdin (for a
     * conversation the nonce only: round 2's requests follow the marker).
     */
    Command command(String nonce) {
        return Command.of("sh", "-c", script()).withStdin(nonce + "\n" + (conversation ? "" : requests()));
    }

    /** The request lines of this batch ({@code <kind> <uuid>} each), in the order of its sections. */
    String requests() {
        StringBuilder lines = new StringBuilder();
        sections.forEach(s -> s.request().ifPresent(r -> lines.append(r).append('\n')));
        return lines.toString();
    }

    /** The script: fixed words only (a function of which fixed reads are asked and of the templates). */
    String script() {
        StringBuilder s = new StringBuilder("IFS= read -r n\n");
        boolean loop = conversation;
        for (Section section : sections) {
            if (section.request().isPresent()) {
                loop = true;
                continue;
            }
            s.append(section.read().toShell()).append(" </dev/null\n").append(END);
        }
        if (conversation) s.append(MARK);
        if (!loop) return s.toString();
        s.append("while read -r k u\ndo\ncase $k in\n");
        for (Template t : templates) s.append(t.kind()).append(") ").append(t.scriptLine()).append(" </dev/null ;;\n");
        s.append("*) echo \"xenpt: unknown read $k\" >&2; false ;;\nesac\n").append(END).append("done\n");
        return s.toString();
    }

    /** After each section: its exit status on stdout, a boundary on stderr, each on a line of its own. */
    private static final String END = "echo \"\n$n $?\"\necho \"\n$n\" >&2\n";

    private static final String ROUND_TWO = "round2";
    /** After round 1 of a conversation: {@link #marker} on stdout, then on stderr. */
    private static final String MARK = "echo \"\n$n " + ROUND_TWO + "\"\necho \"\n$n " + ROUND_TWO + "\" >&2\n";
}
