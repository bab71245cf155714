package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /opt/xensource/libexec/xen-cmdline} (xen-facts §4) for the dom0 options: {@code --get-dom0} reads the
 * default entry; {@code --set-dom0} / {@code --delete-dom0} edit the entries labelled {@code xe} and
 * {@code xe-serial} only, appending new values at the end; one write at the end, over the original in place (see
 * {@link #write}). The real tool regenerates the whole file; the simulator changes only the edited kernel lines plus the
 * grubenv block the real one inserts after {@code set timeout=} (python-libs' expected diff), so a file already in
 * the generated format comes out identical. The {@code --*-xen} and cpuid options are accepted and do nothing.
 */
final class XenCmdline {

    static final String PATH = "/opt/xensource/libexec/xen-cmdline";

    private static final String GRUBENV_BLOCK = "if [ -s $prefix/grubenv ]; then\n\tload_env\nfi\n\n"
            + "if [ -n \"$override_entry\" ]; then\n\tset default=$override_entry\nfi\n\n";

    private final HostContext ctx;

    XenCmdline(HostContext ctx) {
        this.ctx = ctx;
    }

    Outcome run(List<String> args) throws IOException {
        return ctx.store().locked(() -> {
            Optional<String> path = Boot.bootFilePath(ctx.fs());
            if (path.isEmpty()) return traceback("RuntimeError: No existing bootloader configuration found");
            Path real = ctx.fs().follow(path.get());
            String original = Files.readString(real, StandardCharsets.UTF_8);
            String text = original;
            StringBuilder out = new StringBuilder();
            String option = null;
            for (String a : args) {
                if (a.startsWith("--")) {
                    option = a.substring(2);
                    continue;
                }
                text = apply(option, a, path.get(), text, out);
            }
            if (!text.equals(original)) return write(path.get(), real, withGrubenv(path.get(), text), out.toString());
            return Outcome.ok(out.toString());
        });
    }

    /**
     * Writes the new file the way python-libs does: in place, not atomically (xen-facts §11). {@code open(path, 'w')}
     * truncates it first, so a full disk leaves it empty; an injected fault at {@code xen-cmdline-write <path>} either
     * fails the write half way (the file keeps the first half of the new text) or drops the connection after the write,
     * as when the tool finished but its answer was lost.
     */
    private Outcome write(String path, Path real, String text, String out) throws IOException {
        if (ctx.diskFull(path)) {
            Files.write(real, new byte[0]);
            return traceback(errorClass() + ": [Errno 28] No space left on device");
        }
        Optional<Outcome> fault = ctx.faults().check("xen-cmdline-write " + path);
        if (fault.isPresent() && fault.get().effect() == Outcome.Effect.DROP) {
            StateStore.writeAtomically(real, text);
            return fault.get();
        }
        if (fault.isPresent()) {
            Files.writeString(real, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
            return traceback(errorClass() + ": [Errno 5] " + fault.get().err().strip());
        }
        StateStore.writeAtomically(real, text);
        return Outcome.ok(out);
    }

    private String errorClass() {
        return ctx.scenario().majorVersion() >= 8 && pythonThree() ? "OSError" : "IOError";
    }

    /** The hide value of the default entry ({@code --get-dom0 xen-pciback.hide}): {@code xen-pciback.hide=…} or "". */
    String getDom0(String key) throws IOException {
        Outcome o = run(List.of("--get-dom0", key));
        return o.out().strip();
    }

    private String apply(String option, String arg, String path, String text, StringBuilder out) {
        if (option == null) return text;
        BootFile file = BootFile.parse(path, text, ctx.scenario().brand());
        switch (option) {
            case "get-dom0" -> {
                List<String> hits = file.defaultEntry().map(e -> e.argWords().stream()
                        .filter(w -> matches(w, arg)).toList()).orElse(List.of());
                out.append(hits.isEmpty() ? "\n" : String.join("\n", hits) + "\n");
                return text;
            }
            case "set-dom0" -> {
                String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                return editXeEntries(path, text, words -> {
                    words.removeIf(w -> matches(w, key));
                    words.add(arg);
                });
            }
            case "delete-dom0" -> {
                return editXeEntries(path, text, words -> words.removeIf(
                        w -> arg.contains("=") ? w.equals(arg) : matches(w, arg)));
            }
            default -> {
                return text;
            }
        }
    }

    private interface WordsEdit {
        void apply(List<String> words);
    }

    private String editXeEntries(String path, String text, WordsEdit edit) {
        String current = text;
        int n = BootFile.parse(path, text, ctx.scenario().brand()).entries().size();
        for (int i = 0; i < n; i++) {
            BootFile file = BootFile.parse(path, current, ctx.scenario().brand());
            BootFile.Entry e = file.entries().get(i);
            if (e.line() < 0 || !(e.label().equals("xe") || e.label().equals("xe-serial"))) continue;
            List<String> words = new ArrayList<>(e.argWords());
            List<String> before = List.copyOf(words);
            edit.apply(words);
            if (!words.equals(before)) current = file.withArgs(e, words);
        }
        return current;
    }

    /** An argument matches key K if it is K or starts with {@code K=}. */
    private static boolean matches(String word, String key) {
        return word.equals(key) || word.startsWith(key + "=");
    }

    private static String withGrubenv(String path, String text) {
        if (path.endsWith("extlinux.conf") || text.contains("load_env")) return text;
        int at = text.indexOf("set timeout=");
        if (at < 0) return text;
        int eol = text.indexOf('\n', at);
        return eol < 0 ? text : text.substring(0, eol + 1) + GRUBENV_BLOCK + text.substring(eol + 1);
    }

    /** Python 3 from XCP-ng 8.3 on (xen-facts §4). */
    private boolean pythonThree() {
        return ctx.scenario().inventory().getOrDefault("PRODUCT_VERSION", "").compareTo("8.3") >= 0;
    }

    private static Outcome traceback(String last) {
        return Outcome.fail(1, "Traceback (most recent call last):\n  File \"" + PATH + "\", line 214, in <module>\n"
                + "    main()\n" + last + "\n");
    }
}
