package xenpt.desired.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

/**
 * Turns a composed snakeyaml node graph into {@link YamlValue}s. Each node is converted once (an alias yields the
 * anchor's instance), so the work is linear in the file; the expanded size is computed on the way and a document that
 * aliases would blow up ("billion laughs") is refused, as is a value that contains itself.
 */
final class NodeConverter {

    /** How many nodes aliases may add beyond the distinct ones; legitimate reuse stays far below. */
    static final long MAX_EXPANSION = 100_000;

    private final String file;
    private final List<Diagnostic> diagnostics;
    private final Map<Node, YamlValue> converted = new IdentityHashMap<>();
    private final Map<Node, Long> expandedSize = new IdentityHashMap<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private long distinct;

    NodeConverter(String file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** Thrown when the document as a whole is unusable; its diagnostic says why. */
    static final class Refused extends Exception {
        final transient Diagnostic diagnostic;

        Refused(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    YamlValue convertDocument(Node root) throws Refused {
        YamlValue value = convert(root);
        long added = expandedSize.get(root) - distinct;
        if (added > MAX_EXPANSION) {
            throw new Refused(Diagnostic.error(Location.ofFile(file),
                    "aliases expand this document by " + (added == Long.MAX_VALUE ? "too many" : added + "")
                            + " values (limit " + MAX_EXPANSION + "); refused as a possible 'billion laughs' attack",
                    "use an anchor only a few times, or write the values out; shared ssh and policy settings belong in defaults"));
        }
        return value;
    }

    private YamlValue convert(Node node) throws Refused {
        YamlValue done = converted.get(node);
        if (done != null) return done;
        if (!inProgress.add(node)) {
            throw new Refused(Diagnostic.error(at(node), "recursive alias: this value contains itself",
                    "an alias may only refer to a value that is complete"));
        }
        distinct++;
        YamlValue value = switch (node) {
            case ScalarNode s -> scalar(s);
            case SequenceNode s -> sequence(s);
            case MappingNode m -> mapping(m);
            default -> throw new IllegalStateException("unknown node type " + node.getClass());
        };
        inProgress.remove(node);
        converted.put(node, value);
        return value;
    }

    private YamlValue sequence(SequenceNode node) throws Refused {
        checkCollectionTag(node, Tag.SEQ);
        List<YamlValue> items = new ArrayList<>(node.getValue().size());
        long size = 1;
        for (Node child : node.getValue()) {
            items.add(convert(child));
            size = plus(size, expandedSize.get(child));
        }
        expandedSize.put(node, size);
        return new YamlValue.YSeq(items, at(node));
    }

    private YamlValue mapping(MappingNode node) throws Refused {
        checkCollectionTag(node, Tag.MAP);
        Map<String, YamlValue.Entry> entries = new LinkedHashMap<>();
        long size = 1;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                diagnostics.add(Diagnostic.error(at(tuple.getKeyNode()), "a mapping key must be a plain value, not a "
                        + (tuple.getKeyNode() instanceof SequenceNode ? "list" : "mapping")));
                continue;
            }
            String key = keyNode.getValue();
            YamlValue.Entry first = entries.get(key);
            if (first != null) {
                diagnostics.add(Diagnostic.error(at(keyNode), "duplicate key '" + key + "'",
                        "it is first written at " + first.keyLocation().line() + ":" + first.keyLocation().column()
                                + "; each key may appear once in a mapping"));
                continue;
            }
            YamlValue value = convert(tuple.getValueNode());
            entries.put(key, new YamlValue.Entry(at(keyNode), value));
            distinct++;
            size = plus(size, plus(1, expandedSize.get(tuple.getValueNode())));
        }
        expandedSize.put(node, size);
        return new YamlValue.YMap(entries, at(node));
    }

    private YamlValue scalar(ScalarNode node) {
        expandedSize.put(node, 1L);
        Location at = at(node);
        String text = node.getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(Tag.STR)) return new YamlValue.YScalar(text, at);
            if (tag.equals(Tag.NULL)) return new YamlValue.YScalar(null, at);
            if (tag.equals(Tag.BOOL)) return new YamlValue.YScalar(Boolean.valueOf(text.toLowerCase(Locale.ROOT).equals("true")), at);
            if (tag.equals(Tag.INT)) return new YamlValue.YScalar(integer(text), at);
            if (tag.equals(Tag.FLOAT)) return new YamlValue.YScalar(floating(text), at);
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.error(at, "'" + text + "' is not a valid " + tag.getValue().replace(Tag.PREFIX, "")));
            return new YamlValue.YScalar(text, at);
        }
        diagnostics.add(unsupportedTag(node));
        return new YamlValue.YScalar(text, at);
    }

    /** YAML 1.2 core integers: decimal, 0o octal, 0x hex, optional sign. */
    private static Object integer(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        BigInteger v;
        if (t.startsWith("0x")) v = new BigInteger(t.substring(2), 16);
        else if (t.startsWith("0o")) v = new BigInteger(t.substring(2), 8);
        else v = new BigInteger(t);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    /** A finite number; {@code .inf} and {@code .nan} have no JSON form and stay text (and fail the type check). */
    private static Object floating(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf") || t.equals(".nan")) return text;
        return Double.valueOf(t);
    }

    private void checkCollectionTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) diagnostics.add(unsupportedTag(node));
    }

    private Diagnostic unsupportedTag(Node node) {
        String tag = node.getTag().getValue();
        if (tag.startsWith(Tag.PREFIX)) tag = "!!" + tag.substring(Tag.PREFIX.length());
        return Diagnostic.error(at(node), "unsupported YAML tag '" + tag + "'",
                "use plain strings, numbers, booleans, lists and mappings");
    }

    private Location at(Node node) {
        return node.getStartMark().map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(Location.ofFile(file));
    }

    private static long plus(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
