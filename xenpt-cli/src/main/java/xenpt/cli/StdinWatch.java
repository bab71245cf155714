package xenpt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops a long-running command when its standard input, a pipe or socket, is closed: the parent that started it went
 * away. A terminal or {@code /dev/null} is not watched (reading a terminal from the background stops the process;
 * {@code /dev/null}, what a script's {@code cmd &} gets, is closed from the start).
 */
final class StdinWatch {

    private StdinWatch() {}

    static void onClose(Runnable action) {
        if (!watchable()) return;
        Thread.ofPlatform().daemon().name("xenpt-stdin-watch").start(() -> {
            try {
                byte[] buf = new byte[256];
                while (System.in.read(buf) >= 0) {
                    // the content does not matter; only the end of the stream does
                }
            } catch (IOException e) {
                // an unreadable stdin counts as closed
            }
            action.run();
        });
    }

    private static boolean watchable() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
