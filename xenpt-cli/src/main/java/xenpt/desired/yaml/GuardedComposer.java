package xenpt.desired.yaml;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

/**
 * snakeyaml's composer with xenpt's limits, each refusal at the {@code file:line:col} where it happens: no merge key
 * ({@code <<}), which would copy keys into a host from elsewhere without the host's own lines showing them; at most
 * {@value #MAX_DEPTH} levels of nesting (the composer recurses per level, so deeper input would end in a stack
 * overflow without a position); no value over {@value #MAX_SCALAR_CHARS} characters; and a deadline for the whole
 * composition.
 */
final class GuardedComposer extends Composer {

    /** A desired-state file needs fewer than ten levels. */
    static final int MAX_DEPTH = 32;
    static final int MAX_SCALAR_CHARS = 65_536;

    /** A limit was hit; unchecked because it must cross snakeyaml's frames. */
    static final class Stopped extends RuntimeException {
        final transient Diagnostic diagnostic;

        Stopped(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private final String file;
    private final long deadlineNanos;
    private final long budgetMillis;
    private int depth;

    GuardedComposer(LoadSettings settings, String text, String file, long budgetMillis) {
        super(settings, new ParserImpl(settings, new StreamReader(settings, text)));
        this.file = file;
        this.budgetMillis = budgetMillis;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000;
    }

    @Override
    protected Node composeKeyNode(MappingNode node) {
        Node key = super.composeKeyNode(node);
        if (key.getTag().equals(Tag.MERGE)) {
            throw stop(key.getStartMark(), "YAML merge keys ('<<') are not supported: the merged keys would change "
                    + "this mapping without being written here", "write the keys out where they apply; shared ssh and "
                    + "policy settings belong in defaults, which every host of the file inherits");
        }
        return key;
    }

    @Override
    protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
        enter();
        try {
            return super.composeSequenceNode(anchor);
        } finally {
            depth--;
        }
    }

    @Override
    protected Node composeMappingNode(Optional<Anchor> anchor) {
        enter();
        try {
            return super.composeMappingNode(anchor);
        } finally {
            depth--;
        }
    }

    @Override
    protected Node composeScalarNode(Optional<Anchor> anchor, List<CommentLine> comments) {
        tick();
        Node node = super.composeScalarNode(anchor, comments);
        int length = ((ScalarNode) node).getValue().length();
        if (length > MAX_SCALAR_CHARS) {
            throw stop(node.getStartMark(), "this value is " + length + " characters long; the limit is "
                    + MAX_SCALAR_CHARS, "no value in a desired-state file needs that much");
        }
        return node;
    }

    private void enter() {
        tick();
        if (++depth > MAX_DEPTH) {
            throw stop(parser.peekEvent().getStartMark(), "YAML values are nested more than " + MAX_DEPTH
                    + " levels deep here", "a desired-state file needs fewer than ten levels");
        }
    }

    private void tick() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw stop(parser.peekEvent().getStartMark(), "reading the YAML took longer than " + budgetMillis
                    + " ms; stopped here", "a desired-state file is read in milliseconds; this one is built to be slow");
        }
    }

    private Stopped stop(Optional<Mark> mark, String message, String hint) {
        Location at = mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1)).orElse(Location.ofFile(file));
        return new Stopped(Diagnostic.error(at, message, hint));
    }
}
