package xenpt.desired.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * jgit access for one repository: finding it from a path, resolving a ref to a commit, and listing the blobs a
 * desired-state path names at that commit. Reads objects only; the working tree and index are never written.
 */
final class GitTree implements AutoCloseable {

    /** A regular file at a commit: its name inside the listed directory (or the file's own name) and its blob. */
    record Blob(String name, ObjectId id) {}

    /** What a path names at a commit. */
    sealed interface Entry {
        record File(Blob blob) implements Entry {}

        record Directory(List<Blob> yamlFiles) implements Entry {}

        record Absent() implements Entry {}

        /** A symbolic link or submodule: not a desired-state file. */
        record Other(String kind) implements Entry {}
    }

    final Repository repo;
    final Path workTree;

    private GitTree(Repository repo) throws IOException {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toRealPath();
    }

    /** The repository whose working tree holds {@code path} (searched upward), or empty outside any repository. */
    static Optional<GitTree> find(Path path) throws IOException {
        Path start = existingAncestor(path.toAbsolutePath().normalize());
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
        if (builder.getGitDir() == null) return Optional.empty();
        Repository repo = builder.setMustExist(true).build();
        if (repo.isBare()) {
            repo.close();
            return Optional.empty();
        }
        return Optional.of(new GitTree(repo));
    }

    /** {@code path} relative to the working tree, with {@code /} separators; {@code ""} for the root itself. */
    String relative(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = existingAncestor(abs);
        Path real = existing.toRealPath().resolve(existing.relativize(abs));
        if (!real.startsWith(workTree)) throw new IOException(path + " is outside the repository at " + workTree);
        return workTree.relativize(real).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The commit a ref names (branch, tag, sha, {@code HEAD~1}, {@code origin/main}…), or empty when it names none. */
    Optional<RevCommit> resolve(String ref) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            return Optional.empty();
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return Optional.empty();
        }
        if (id == null) return Optional.empty();
        try (RevWalk walk = new RevWalk(repo)) {
            return Optional.of(walk.parseCommit(id));
        }
    }

    /** What {@code relative} names in {@code commit}'s tree; a directory lists its {@code *.yaml}/{@code *.yml}, sorted. */
    Entry entry(RevCommit commit, String relative) throws IOException {
        if (relative.isEmpty()) return new Entry.Directory(yamlFiles(commit, null));
        try (TreeWalk walk = TreeWalk.forPath(repo, relative, commit.getTree())) {
            if (walk == null) return new Entry.Absent();
            FileMode mode = walk.getFileMode(0);
            if (mode == FileMode.TREE) return new Entry.Directory(yamlFiles(commit, relative));
            if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                return new Entry.File(new Blob(walk.getNameString(), walk.getObjectId(0)));
            }
            return new Entry.Other(mode == FileMode.SYMLINK ? "a symbolic link" : "not a regular file");
        }
    }

    private List<Blob> yamlFiles(RevCommit commit, String dir) throws IOException {
        List<Blob> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            if (dir == null) {
                walk.addTree(commit.getTree());
            } else {
                try (TreeWalk at = TreeWalk.forPath(repo, dir, commit.getTree())) {
                    walk.addTree(at.getObjectId(0));
                }
            }
            walk.setRecursive(false);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                String name = walk.getNameString();
                boolean regular = mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
                if (regular && isYaml(name)) files.add(new Blob(name, walk.getObjectId(0)));
            }
        }
        files.sort(Comparator.comparing(Blob::name));
        return files;
    }

    /** The blob's size without loading it, so an oversized file is refused before it is read. */
    long size(Blob blob) throws IOException {
        return repo.getObjectDatabase().open(blob.id()).getSize();
    }

    byte[] read(Blob blob) throws IOException {
        ObjectLoader loader = repo.open(blob.id());
        return loader.getBytes();
    }

    private static boolean isYaml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** The path itself or its nearest existing parent (a path may be absent from the working tree but not the ref). */
    static Path existingAncestor(Path abs) {
        Path p = abs;
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p == null ? abs.getRoot() : p;
    }

    @Override
    public void close() {
        repo.close();
    }
}
