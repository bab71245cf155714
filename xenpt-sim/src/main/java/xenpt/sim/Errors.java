package xenpt.sim;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** strerror(3) texts for the Java exceptions file operations throw. */
final class Errors {

    private Errors() {}

    static String text(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof FileAlreadyExistsException) return "File exists";
        if (e instanceof DirectoryNotEmptyException) return "Directory not empty";
        if (e instanceof NotDirectoryException) return "Not a directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        String m = e.getMessage();
        if (m != null && (m.equals("No space left on device") || m.equals("Not a directory")
                || m.equals("Is a directory") || m.equals("Too many levels of symbolic links"))) {
            return m;
        }
        return "Input/output error";
    }
}
