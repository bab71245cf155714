package xenpt.sim;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.schmizz.sshj.xfer.InMemorySourceFile;

/** An in-memory file for SFTP uploads in tests. */
final class StringSource extends InMemorySourceFile {

    private final byte[] bytes;

    StringSource(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getName() {
        return "upload";
    }

    @Override
    public long getLength() {
        return bytes.length;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }
}
